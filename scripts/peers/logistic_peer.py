"""Fits scikit-learn's L2 LogisticRegression (lbfgs) as the peer of AccidentML's logistic model and
prints one JSON object: fit seconds per repeat (and median), the training objective at the optimum,
train and test log-loss, test AUC, the coefficients and intercept, iterations used, versions and
load average before/after.

Objective (scikit-learn's, intercept not penalised), w = coefficients, b = intercept:
    train_objective       = C * sum_i loss_i(w, b) + ||w||^2 / 2
    train_objective_mean  = train_objective / (C * n) = mean_i loss_i + ||w||^2 / (2 C n)
with loss_i = log(1 + exp(z_i)) - y_i z_i, z_i = x_i.w + b, computed in float64 (logaddexp).

--standardize fits a StandardScaler on the training rows (mean, population standard deviation;
constant columns such as year_acc keep scale 1) and applies it to both parts; the coefficients are
then those of the standardised features, and the scaler's mean and scale are reported so the Swift
side can compare optima in either space. The timed region is ``fit`` only (the scaler has its own
timing). Every repeat refits from scratch; the reported model is the last one.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from peer_common import RunContext, emit, load_split, log, summary, timed


def mean_log_loss(x: np.ndarray, y: np.ndarray, weights: np.ndarray, intercept: float) -> float:
    """Mean logistic loss computed from the margins, without probability clipping."""
    z = x @ weights + intercept
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", required=True, type=Path, help="CSV with a header, numeric")
    parser.add_argument("--labels", required=True, type=Path, help="one-column 0/1 CSV with a header")
    parser.add_argument("--train-rows", required=True, type=Path, help="0-based data-row indices")
    parser.add_argument("--test-rows", required=True, type=Path, help="0-based data-row indices")
    parser.add_argument("--C", dest="c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--standardize", action="store_true")
    parser.add_argument("--max-iter", type=int, default=1000)
    parser.add_argument("--tol", type=float, default=1e-4, help="lbfgs gradient tolerance (sklearn default)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads")
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.repeats < 1 or arguments.threads < 1 or arguments.c <= 0:
        parser.error("--repeats and --threads must be >= 1 and --C > 0")
    return arguments


def main() -> None:
    a = parse_arguments()
    data = load_split(a.features, a.labels, a.train_rows, a.test_rows)
    x_train, x_test = data.x_train, data.x_test
    log(f"logistic: {len(x_train)} train rows, {len(x_test)} test rows, C={a.c}, standardize={a.standardize}")

    context = RunContext(threads=a.threads, packages=["scikit-learn", "scipy", "numpy"])
    scaler_fields: dict[str, Any] = {}
    with threadpool_limits(limits=a.threads, user_api="blas"):
        if a.standardize:
            scaling_seconds, scaler = timed(StandardScaler().fit, x_train)
            x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
            scaler_fields = {
                "standardize_seconds": scaling_seconds,
                "scaler_mean": scaler.mean_.tolist(),
                "scaler_scale": scaler.scale_.tolist(),
            }
        seconds: list[float] = []
        for repeat in range(a.repeats):
            model = LogisticRegression(C=a.c, solver="lbfgs", max_iter=a.max_iter, tol=a.tol)
            elapsed, _ = timed(model.fit, x_train, data.y_train)
            seconds.append(elapsed)
            log(f"  repeat {repeat + 1}/{a.repeats}: {elapsed:.3f} s, {int(model.n_iter_[0])} iterations")
    fields = context.finish()

    weights = model.coef_[0].astype(np.float64)
    intercept = float(model.intercept_[0])
    train_loss = mean_log_loss(x_train, data.y_train, weights, intercept)
    penalty = float(weights @ weights) / 2.0
    n = len(x_train)
    probability = model.predict_proba(x_test)[:, 1]
    iterations = int(model.n_iter_[0])
    emit({
        "peer": "logistic",
        "library": "sklearn-logistic-lbfgs",
        "train_rows": n,
        "test_rows": len(x_test),
        "feature_names": data.feature_names,
        "C": a.c,
        "standardize": a.standardize,
        "max_iter": a.max_iter,
        "tol": a.tol,
        "fit": summary(seconds),
        "iterations": iterations,
        "converged": iterations < a.max_iter,
        "train_objective": a.c * train_loss * n + penalty,
        "train_objective_mean": train_loss + penalty / (a.c * n),
        "train_log_loss": train_loss,
        "test_log_loss": float(log_loss(data.y_test, probability, labels=[0, 1])),
        "test_auc": float(roc_auc_score(data.y_test, probability)),
        "coefficients": weights.tolist(),
        "intercept": intercept,
        **scaler_fields,
        **fields,
    })


if __name__ == "__main__":
    main()
