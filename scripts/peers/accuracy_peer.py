"""Trains LightGBM and XGBoost with THEIR OWN default parameters on one or more train/test splits
and prints one JSON object: test AUC and log-loss of every model on every split, the parameters
each library resolved, versions and load average before/after.

This is the accuracy half of issue 15 item 3 ("at least LightGBM's and XGBoost's AUC with their
defaults"): nothing is tuned or mapped to AccidentML's vocabulary (``gbdt_peer.py`` does that for
the speed comparison). The models:

| model                  | what is trained                                                           |
|------------------------|---------------------------------------------------------------------------|
| lightgbm               | ``lgb.LGBMClassifier()`` defaults: 100 rounds, learning rate 0.1, 31      |
|                        | leaves, min_child_samples 20, min_child_weight 1e-3, max_bin 255, L2 0,   |
|                        | every column numerical                                                    |
| lightgbm-categorical   | the same with ``--categorical`` columns declared categorical (LightGBM's  |
|                        | many-vs-many split on category codes)                                     |
| xgboost                | ``xgb.XGBClassifier()`` defaults: 100 rounds, eta 0.3, max_depth 6        |
|                        | (depth-wise), hist with max_bin 256, lambda 1, min_child_weight 1         |

Only ``n_jobs`` (``--threads``) and ``random_state`` (``--seed``, unused without subsampling) are
set. Splits are given as ``--split NAME TRAIN_ROWS TEST_ROWS`` (split files as in the other
peers: 0-based data-row indices), repeatable, e.g. a 70/30 hold-out and the five folds of a
5-fold cross-validation. ``--probabilities-of NAME`` adds each model's positive-class test
probabilities on split NAME to its result (``test_probabilities``, in test-row order), so that the
caller can bootstrap a paired Δ AUC.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import log_loss, roc_auc_score

from peer_common import RunContext, emit, load_features, load_labels, load_rows, log

MODELS = ("lightgbm", "lightgbm-categorical", "xgboost")

Fitted = tuple[np.ndarray, int, dict[str, Any]]
"""Positive-class probabilities of the test rows, trees built, the library's resolved parameters."""


def fit_lightgbm(x: np.ndarray, y: np.ndarray, test: np.ndarray, names: list[str], categorical: list[str],
                 threads: int, seed: int) -> Fitted:
    """``LGBMClassifier()`` with its defaults; ``categorical`` names columns declared categorical."""
    import lightgbm as lgb
    import pandas as pd

    model = lgb.LGBMClassifier(n_jobs=threads, random_state=seed, verbose=-1)
    frame = pd.DataFrame(x, columns=names)
    model.fit(frame, y, categorical_feature=categorical if categorical else "auto")
    probability = model.predict_proba(pd.DataFrame(test, columns=names))[:, 1]
    params = {k: v for k, v in model.get_params().items() if v is not None}
    if categorical:
        params["categorical_feature"] = categorical
    return probability, model.booster_.num_trees(), params


def fit_xgboost(x: np.ndarray, y: np.ndarray, test: np.ndarray, names: list[str], categorical: list[str],
                threads: int, seed: int) -> Fitted:
    """``XGBClassifier()`` with its defaults (``categorical`` is ignored)."""
    import json

    import xgboost as xgb

    model = xgb.XGBClassifier(n_jobs=threads, random_state=seed)
    model.fit(x, y)
    probability = model.predict_proba(test)[:, 1]
    config = json.loads(model.get_booster().save_config())
    train_param = config["learner"]["gradient_booster"]["tree_train_param"]
    params = {k: train_param[k] for k in ("eta", "max_depth", "max_leaves", "max_bin", "lambda", "alpha",
                                          "min_child_weight", "gamma", "grow_policy", "subsample",
                                          "colsample_bytree") if k in train_param}
    params["n_estimators"] = model.n_estimators or 100
    params["tree_method"] = config["learner"]["gradient_booster"]["gbtree_train_param"].get("tree_method", "auto")
    params["base_score"] = config["learner"]["learner_model_param"]["base_score"]
    return probability, model.get_booster().num_boosted_rounds(), params


FITTERS: dict[str, tuple[Callable[..., Fitted], bool]] = {
    "lightgbm": (fit_lightgbm, False),
    "lightgbm-categorical": (fit_lightgbm, True),
    "xgboost": (fit_xgboost, False),
}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", required=True, type=Path, help="CSV with a header, numeric")
    parser.add_argument("--labels", required=True, type=Path, help="one-column 0/1 CSV with a header")
    parser.add_argument("--split", required=True, action="append", nargs=3, metavar=("NAME", "TRAIN_ROWS", "TEST_ROWS"),
                        help="a split: its name and two files of 0-based data-row indices; repeatable")
    parser.add_argument("--models", default=",".join(MODELS),
                        help=f"comma-separated, some of {','.join(MODELS)} (default: all)")
    parser.add_argument("--categorical", default="dep,catv,obsm",
                        help="columns lightgbm-categorical declares categorical (comma-separated names)")
    parser.add_argument("--probabilities-of", default="", metavar="NAME",
                        help="also print every model's test probabilities on this split (for a paired bootstrap)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    arguments = parser.parse_args()
    arguments.models = [m for m in arguments.models.split(",") if m]
    unknown = [m for m in arguments.models if m not in FITTERS]
    if unknown or not arguments.models:
        parser.error(f"--models: unknown {unknown}; expected some of {','.join(MODELS)}")
    arguments.categorical = [c for c in arguments.categorical.split(",") if c]
    if arguments.threads < 1:
        parser.error("--threads must be >= 1")
    return arguments


def main() -> None:
    a = parse_arguments()
    x, names = load_features(a.features)
    y = load_labels(a.labels)
    if len(y) != len(x):
        raise SystemExit(f"{a.features} has {len(x)} rows but {a.labels} has {len(y)}")
    missing = [c for c in a.categorical if c not in names]
    if missing and "lightgbm-categorical" in a.models:
        raise SystemExit(f"--categorical: {missing} are not columns of {a.features} ({','.join(names)})")

    packages = ["lightgbm", "xgboost-cpu", "numpy", "pandas", "scikit-learn"]
    context = RunContext(threads=a.threads, packages=packages)
    splits: list[dict[str, Any]] = []
    parameters: dict[str, Any] = {}
    for name, train_path, test_path in a.split:
        train = load_rows(Path(train_path), len(x))
        test = load_rows(Path(test_path), len(x))
        results = []
        for model in a.models:
            fit, categorical = FITTERS[model]
            probability, trees, params = fit(np.ascontiguousarray(x[train]), y[train], np.ascontiguousarray(x[test]),
                                             names, a.categorical if categorical else [], a.threads, a.seed)
            probability = np.asarray(probability, dtype=np.float64)
            auc = float(roc_auc_score(y[test], probability))
            result = {"model": model, "trees": int(trees), "auc": auc,
                      "log_loss": float(log_loss(y[test], probability, labels=[0, 1]))}
            if name == a.probabilities_of:
                result["test_probabilities"] = [float(p) for p in probability]
            results.append(result)
            parameters[model] = params
            log(f"{name}: {model} AUC {auc:.5f}")
        splits.append({"name": name, "train_rows": int(len(train)), "test_rows": int(len(test)), "results": results})
    emit({"peer": "accuracy", "features": len(names), "rows": int(len(x)), "splits": splits,
          "library_parameters": parameters, **context.finish()})


if __name__ == "__main__":
    main()
