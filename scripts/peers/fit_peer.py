"""The peer of a whole ``train fit`` command: LightGBM's Python ``lgb.train`` as a user would call
it, from the CSV files to the saved model, with a separate validation set scored every round.

Each repeat times, in this process (imports and interpreter start-up excluded, reported apart as
``startup_seconds``):

1. ``pandas.read_csv`` of the training features and labels and of the validation features and
   labels (the files ``train fit --validation-data`` reads);
2. ``lgb.Dataset`` of both (the validation set referencing the training one's bins);
3. ``lgb.train`` for ``--trees`` rounds, no early stopping, the validation ``--metric`` (AUC by
   default) recorded every round (``record_evaluation``), as LightGBM does for a validation set;
4. ``save_model`` of the text model.

Same tree hyperparameters as ``train fit``'s defaults (LightGBM's: learning rate 0.1, 31 leaves,
no depth limit, 20 rows per leaf, 255 bins). Prints one JSON object (see peer_common.py).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

_START = time.perf_counter()

import lightgbm as lgb  # noqa: E402  (timed start-up: the import is what a user pays once)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from peer_common import RunContext, emit, log, summary, timed  # noqa: E402

_STARTUP = time.perf_counter() - _START


def read_pair(features: Path, labels: Path) -> tuple[pd.DataFrame, np.ndarray]:
    """Reads a feature CSV (header, numbers, empty cells missing) and its one-column label CSV."""
    x = pd.read_csv(features, dtype=np.float64)
    y = pd.read_csv(labels).iloc[:, 0].to_numpy(dtype=np.int32)
    if len(y) != len(x):
        raise SystemExit(f"{features} has {len(x)} rows but {labels} has {len(y)}")
    return x, y


def fit(a: argparse.Namespace) -> dict[str, Any]:
    """One whole run, CSV files to saved model; returns the last validation metric and rounds."""
    x, y = read_pair(a.features, a.labels)
    xv, yv = read_pair(a.valid_features, a.valid_labels)
    params = {
        "objective": "binary",
        "metric": a.metric,
        "learning_rate": 0.1,
        "num_leaves": 31,
        "max_depth": -1,
        "min_data_in_leaf": 20,
        "max_bin": 255,
        "num_threads": a.threads,
        "seed": a.seed,
        "verbosity": -1,
    }
    train = lgb.Dataset(x, label=y)
    valid = lgb.Dataset(xv, label=yv, reference=train)
    history: dict[str, Any] = {}
    booster = lgb.train(params, train, num_boost_round=a.trees, valid_sets=[valid], valid_names=["validation"],
                        callbacks=[lgb.record_evaluation(history)])
    booster.save_model(str(a.save_model))
    curve = history["validation"][a.metric]
    return {"rounds": booster.num_trees(), "validation_metric": float(curve[-1]), "curve_points": len(curve),
            "train_rows": len(y), "validation_rows": len(yv)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", required=True, type=Path)
    parser.add_argument("--labels", required=True, type=Path)
    parser.add_argument("--valid-features", required=True, type=Path)
    parser.add_argument("--valid-labels", required=True, type=Path)
    parser.add_argument("--save-model", required=True, type=Path)
    parser.add_argument("--trees", type=int, default=300)
    parser.add_argument("--metric", default="auc", choices=["auc", "binary_logloss"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    a = parser.parse_args()
    if a.repeats < 1 or a.threads < 1 or a.trees < 1:
        parser.error("--repeats, --threads and --trees must be >= 1")

    context = RunContext(threads=a.threads, packages=["lightgbm", "numpy", "pandas"])
    seconds: list[float] = []
    result: dict[str, Any] = {}
    for repeat in range(a.repeats):
        elapsed, result = timed(fit, a)
        seconds.append(elapsed)
        log(f"  repeat {repeat + 1}/{a.repeats}: {elapsed:.3f} s, validation {a.metric} {result['validation_metric']:.5f}")
    emit({"peer": "fit", "library": "lightgbm", "fit": summary(seconds), "startup_seconds": _STARTUP,
          **result, **context.finish()})


if __name__ == "__main__":
    main()
