"""Trains a binary GBDT peer (LightGBM, XGBoost or scikit-learn HistGradientBoosting) and prints
one JSON object: training seconds per repeat (and median), peak RSS of each training, test AUC and
log-loss, effective parameters, versions, load average before/after.

Hyperparameter mapping (same meaning everywhere unless noted):

| option               | LightGBM           | XGBoost (hist, lossguide)         | sklearn HGB          |
|----------------------|--------------------|-----------------------------------|----------------------|
| --trees              | num_boost_round    | num_boost_round                   | max_iter             |
| --learning-rate      | learning_rate      | eta                               | learning_rate        |
| --num-leaves         | num_leaves         | max_leaves                        | max_leaf_nodes       |
| --max-depth          | max_depth          | max_depth                         | max_depth            |
| --min-data-in-leaf   | min_data_in_leaf   | min_child_weight = n * p(1-p) (*) | min_samples_leaf     |
| --threads            | num_threads        | nthread                           | OpenMP limit         |
| (fixed) bins         | max_bin 255        | max_bin 255                       | max_bins 255         |
| (fixed) L2 on leaves | lambda_l2 0        | lambda 0 (default would be 1)     | l2_regularization 0  |
| (fixed) min hessian  | 1e-3 (default)     | covered by (*)                    | 1e-3 (default)       |

(*) XGBoost has no row-count limit per leaf, only a hessian-sum limit. With the log-loss every
row's hessian is p(1-p); at the first tree p is the training positive rate for every row, so
``min_child_weight = min_data_in_leaf * p(1-p)`` is exactly the count limit there and an
approximation after.

All three grow trees leaf-wise (best leaf first) up to num_leaves and max_depth (depth = edges from
the root), start from the log-odds of the positive rate, use no row or column subsampling and no
early stopping (HGB's automatic early stopping is switched off). The timed region of each repeat is
the whole training from the float64 numpy matrix, including binning (Dataset / QuantileDMatrix
construction). Peak RSS is the kernel's VmHWM over that region after resetting it; the RSS before
training (data already loaded) is reported beside it. Test metrics come from the last repeat.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score
from threadpoolctl import threadpool_limits

from peer_common import (
    RunContext,
    current_rss_bytes,
    emit,
    load_split,
    log,
    peak_rss_bytes,
    reset_peak_rss,
    summary,
    timed,
)


@dataclass(frozen=True)
class Hyper:
    """The shared hyperparameters, in LightGBM's vocabulary."""

    trees: int
    learning_rate: float
    num_leaves: int
    max_depth: int
    min_data_in_leaf: int
    threads: int
    seed: int


@dataclass(frozen=True)
class TrainingSet:
    """Training rows, their 0/1 labels and the feature names (stored in the saved models)."""

    x: np.ndarray
    y: np.ndarray
    names: list[str]


@dataclass
class Trained:
    """A trained model seen through what the peer needs from it."""

    positive_probability: Callable[[np.ndarray], Any]
    save: Callable[[Path], object]
    trees_built: int


Trainer = Callable[[TrainingSet, Hyper], tuple[Trained, dict[str, Any]]]


def train_lightgbm(data: TrainingSet, h: Hyper) -> tuple[Trained, dict[str, Any]]:
    """LightGBM's native API: Dataset (binning) then ``train``."""
    import lightgbm as lgb

    params: dict[str, Any] = {
        "objective": "binary",
        "learning_rate": h.learning_rate,
        "num_leaves": h.num_leaves,
        "max_depth": h.max_depth,
        "min_data_in_leaf": h.min_data_in_leaf,
        "num_threads": h.threads,
        "max_bin": 255,
        "lambda_l2": 0.0,
        "seed": h.seed,
        "verbosity": -1,
    }
    booster = lgb.train(params, lgb.Dataset(data.x, label=data.y, feature_name=data.names), num_boost_round=h.trees)
    return Trained(
        lambda rows: booster.predict(rows, num_threads=h.threads),
        lambda path: booster.save_model(str(path)),
        booster.num_trees(),
    ), params


def train_xgboost(data: TrainingSet, h: Hyper) -> tuple[Trained, dict[str, Any]]:
    """XGBoost's native API: QuantileDMatrix (binning) then ``train`` with the hist method."""
    import xgboost as xgb

    rate = float(data.y.mean())
    params: dict[str, Any] = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "grow_policy": "lossguide",
        "eta": h.learning_rate,
        "max_leaves": h.num_leaves,
        "max_depth": h.max_depth,
        "min_child_weight": h.min_data_in_leaf * rate * (1.0 - rate),
        "lambda": 0.0,
        "max_bin": 255,
        "nthread": h.threads,
        "seed": h.seed,
        "verbosity": 0,
    }
    matrix = xgb.QuantileDMatrix(
        data.x, label=data.y, feature_names=data.names, max_bin=255, nthread=h.threads
    )
    booster = xgb.train(params, matrix, num_boost_round=h.trees)
    return Trained(
        lambda rows: booster.inplace_predict(rows),
        lambda path: booster.save_model(str(path)),
        booster.num_boosted_rounds(),
    ), params


def train_sklearn_hgb(data: TrainingSet, h: Hyper) -> tuple[Trained, dict[str, Any]]:
    """scikit-learn's HistGradientBoostingClassifier, OpenMP limited to ``h.threads``."""
    params: dict[str, Any] = {
        "loss": "log_loss",
        "learning_rate": h.learning_rate,
        "max_iter": h.trees,
        "max_leaf_nodes": h.num_leaves,
        "max_depth": h.max_depth,
        "min_samples_leaf": h.min_data_in_leaf,
        "l2_regularization": 0.0,
        "max_bins": 255,
        "early_stopping": False,
        "random_state": h.seed,
    }
    model = HistGradientBoostingClassifier(**params)
    with threadpool_limits(limits=h.threads, user_api="openmp"):
        model.fit(data.x, data.y)

    def predict(rows: np.ndarray) -> np.ndarray:
        with threadpool_limits(limits=h.threads, user_api="openmp"):
            return model.predict_proba(rows)[:, 1]

    def save(path: Path) -> None:
        path.write_bytes(pickle.dumps(model))

    return Trained(predict, save, int(model.n_iter_)), params


# library -> (training function, module imported before any timing, distributions to report)
TRAINERS: dict[str, tuple[Trainer, str, list[str]]] = {
    "lightgbm": (train_lightgbm, "lightgbm", ["lightgbm", "numpy", "scikit-learn"]),
    "xgboost": (train_xgboost, "xgboost", ["xgboost-cpu", "numpy", "scikit-learn"]),
    "sklearn-hgb": (train_sklearn_hgb, "sklearn.ensemble", ["scikit-learn", "numpy", "scipy"]),
}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", required=True, choices=sorted(TRAINERS))
    parser.add_argument("--features", required=True, type=Path, help="CSV with a header, numeric")
    parser.add_argument("--labels", required=True, type=Path, help="one-column 0/1 CSV with a header")
    parser.add_argument("--train-rows", required=True, type=Path, help="0-based data-row indices")
    parser.add_argument("--test-rows", required=True, type=Path, help="0-based data-row indices")
    parser.add_argument("--trees", type=int, default=300)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--num-leaves", type=int, default=31)
    parser.add_argument("--max-depth", type=int, default=6)
    parser.add_argument("--min-data-in-leaf", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--save-model", type=Path, help="LightGBM text / XGBoost json / sklearn pickle")
    arguments = parser.parse_args()
    if arguments.repeats < 1 or arguments.threads < 1:
        parser.error("--repeats and --threads must be >= 1")
    return arguments


def main() -> None:
    a = parse_arguments()
    trainer, module, packages = TRAINERS[a.library]
    importlib.import_module(module)
    hyper = Hyper(a.trees, a.learning_rate, a.num_leaves, a.max_depth, a.min_data_in_leaf, a.threads, a.seed)
    data = load_split(a.features, a.labels, a.train_rows, a.test_rows)
    training = TrainingSet(data.x_train, data.y_train, data.feature_names)
    log(f"{a.library}: {len(data.y_train)} train rows, {len(data.y_test)} test rows, {a.threads} threads")

    context = RunContext(threads=a.threads, packages=packages)
    seconds: list[float] = []
    peaks: list[int] = []
    rss_before: list[int] = []
    trained: Trained | None = None
    for repeat in range(a.repeats):
        trained = None
        reset_peak_rss()
        rss_before.append(current_rss_bytes())
        elapsed, (trained, params) = timed(trainer, training, hyper)
        peaks.append(peak_rss_bytes())
        seconds.append(elapsed)
        log(f"  repeat {repeat + 1}/{a.repeats}: {elapsed:.3f} s, peak RSS {peaks[-1] / 2**20:.1f} MiB")
    assert trained is not None
    fields = context.finish()

    probability = np.asarray(trained.positive_probability(data.x_test), dtype=np.float64)
    if a.save_model is not None:
        trained.save(a.save_model)
    emit({
        "peer": "gbdt",
        "library": a.library,
        "train_rows": len(data.y_train),
        "test_rows": len(data.y_test),
        "features": len(data.feature_names),
        "hyperparameters": asdict(hyper),
        "library_parameters": params,
        "trees_built": trained.trees_built,
        "train": summary(seconds),
        "peak_rss_bytes": peaks,
        "rss_before_training_bytes": rss_before,
        "test_auc": float(roc_auc_score(data.y_test, probability)),
        "test_log_loss": float(log_loss(data.y_test, probability, labels=[0, 1])),
        "saved_model": str(a.save_model) if a.save_model is not None else None,
        **fields,
    })


if __name__ == "__main__":
    main()
