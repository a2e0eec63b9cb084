"""Measures prediction speed of a trained LightGBM model, with LightGBM itself and with lleaves (the
model compiled to native code by LLVM), and prints one JSON object.

Batch throughput: for each --batch size and --threads count, one ``predict`` call on a float64
C-contiguous matrix of that many rows (the data's rows repeated when the batch is larger than the
data), timed --repeats times after one warm-up call; rows/s = batch / median seconds.
  LightGBM: ``Booster.predict(batch, num_threads=t)``;  lleaves: ``Model.predict(batch, n_jobs=t)``.

Single-row latency: --single-calls calls on one row each (cycling through the data's rows), after
--warmup-calls untimed ones, each timed alone with perf_counter_ns; p50, p99 and mean in
microseconds, Python call overhead included (what a Python server pays). Each library's fastest
single-row path is measured, beside the plain one:
  - lightgbm_predict: ``Booster.predict(row[None, :], num_threads=1)``;
  - lightgbm_single_row_fast: LightGBM's C API ``LGBM_BoosterPredictForMatSingleRowFast`` through
    ctypes, with a FastConfig prepared once (the path LightGBM provides for per-request serving);
  - lleaves_predict: ``Model.predict(row[None, :], n_jobs=1)``, the same compiled model as for
    batches. (lleaves suggests ``fblocksize = number of trees`` for single rows; on the 300-tree
    BAAC model that compiled 5x slower, ~70 s, for the same p50 of ~8 us, which the Python-side
    call overhead dominates, so it is not measured.)
All paths are checked against ``Booster.predict`` on the data; the largest absolute difference in
probability is reported.
"""

from __future__ import annotations

import argparse
import ctypes
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lightgbm as lgb
import lleaves
import numpy as np
from lightgbm.basic import _C_API_DTYPE_FLOAT64, _C_API_PREDICT_NORMAL, _LIB, _safe_call

from peer_common import RunContext, emit, load_features, log, summary, timed


class FastSingleRow:
    """LightGBM's prepared single-row predictor (C API FastConfig), for one float64 row."""

    def __init__(self, booster: lgb.Booster, features: int) -> None:
        self._handle = ctypes.c_void_p()
        _safe_call(_LIB.LGBM_BoosterPredictForMatSingleRowFastInit(
            booster._handle,
            ctypes.c_int(_C_API_PREDICT_NORMAL),
            ctypes.c_int(0),
            ctypes.c_int(-1),
            ctypes.c_int(_C_API_DTYPE_FLOAT64),
            ctypes.c_int32(features),
            ctypes.c_char_p(b"num_threads=1"),
            ctypes.byref(self._handle),
        ))
        self._out = np.zeros(1, dtype=np.float64)
        self._out_pointer = self._out.ctypes.data_as(ctypes.POINTER(ctypes.c_double))
        self._out_length = ctypes.c_int64()
        self._predict = _LIB.LGBM_BoosterPredictForMatSingleRowFast

    def __call__(self, row: np.ndarray) -> float:
        """Probability of the positive class for one C-contiguous float64 row."""
        _safe_call(self._predict(
            self._handle, ctypes.c_void_p(row.ctypes.data), ctypes.byref(self._out_length), self._out_pointer
        ))
        return float(self._out[0])

    def close(self) -> None:
        _safe_call(_LIB.LGBM_FastConfigFree(self._handle))


def tiled(x: np.ndarray, rows: int) -> np.ndarray:
    """A C-contiguous matrix of ``rows`` rows taken cyclically from ``x``."""
    return np.ascontiguousarray(x[np.arange(rows) % len(x)])


def latency(call: Callable[[np.ndarray], Any], rows: np.ndarray, calls: int, warmup: int) -> dict[str, Any]:
    """Per-call latency percentiles, in microseconds, of ``call`` on single rows."""
    for i in range(warmup):
        call(rows[i % len(rows)])
    nanoseconds = np.empty(calls, dtype=np.int64)
    for i in range(calls):
        row = rows[i % len(rows)]
        start = time.perf_counter_ns()
        call(row)
        nanoseconds[i] = time.perf_counter_ns() - start
    micro = nanoseconds / 1e3
    return {
        "calls": calls,
        "p50_us": float(np.percentile(micro, 50)),
        "p99_us": float(np.percentile(micro, 99)),
        "mean_us": float(micro.mean()),
    }


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, type=Path, help="LightGBM text model file")
    parser.add_argument("--features", required=True, type=Path, help="CSV with a header, numeric")
    parser.add_argument("--batch", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--single-calls", type=int, default=2000)
    parser.add_argument("--warmup-calls", type=int, default=200)
    arguments = parser.parse_args()
    if min(arguments.batch + arguments.threads + [arguments.repeats, arguments.single_calls]) < 1:
        parser.error("batch sizes, thread counts, --repeats and --single-calls must be >= 1")
    return arguments


def main() -> None:
    a = parse_arguments()
    x, _ = load_features(a.features)
    booster = lgb.Booster(model_file=str(a.model))
    if booster.num_feature() != x.shape[1]:
        raise SystemExit(f"{a.model} expects {booster.num_feature()} features, {a.features} has {x.shape[1]}")
    trees = booster.num_trees()
    log(f"inference: {trees} trees, {len(x)} data rows, batches {a.batch}, threads {a.threads}")

    context = RunContext(threads=a.threads, packages=["lightgbm", "lleaves", "llvmlite", "numpy"])
    compiled = lleaves.Model(model_file=str(a.model))
    compile_seconds, _ = timed(compiled.compile)
    log(f"  lleaves compiled in {compile_seconds:.2f} s")
    fast = FastSingleRow(booster, x.shape[1])

    reference = booster.predict(x, num_threads=1)
    agreement = {
        "lleaves": float(np.abs(compiled.predict(x, n_jobs=1) - reference).max()),
        "lightgbm_single_row_fast": max(abs(fast(row) - p) for row, p in zip(x[:1000], reference[:1000])),
    }

    predictors: dict[str, Callable[[np.ndarray, int], Any]] = {
        "lightgbm": lambda data, t: booster.predict(data, num_threads=t),
        "lleaves": lambda data, t: compiled.predict(data, n_jobs=t),
    }
    batches: list[dict[str, Any]] = []
    for size in a.batch:
        data = tiled(x, size)
        for threads in a.threads:
            for library, predict in predictors.items():
                predict(data, threads)
                seconds = [timed(predict, data, threads)[0] for _ in range(a.repeats)]
                timing = summary(seconds)
                batches.append({
                    "library": library, "batch": size, "threads": threads, **timing,
                    "rows_per_second": size / timing["median_seconds"],
                })
                log(f"  {library} batch {size} x{threads}: {size / timing['median_seconds']:,.0f} rows/s")

    single_paths: dict[str, Callable[[np.ndarray], Any]] = {
        "lightgbm_predict": lambda row: booster.predict(row[None, :], num_threads=1),
        "lightgbm_single_row_fast": fast,
        "lleaves_predict": lambda row: compiled.predict(row[None, :], n_jobs=1),
    }
    single: list[dict[str, Any]] = []
    for path, call in single_paths.items():
        single.append({"path": path, **latency(call, x, a.single_calls, a.warmup_calls)})
        log(f"  {path}: p50 {single[-1]['p50_us']:.1f} us, p99 {single[-1]['p99_us']:.1f} us")
    fast.close()
    fields = context.finish()

    emit({
        "peer": "inference",
        "model": str(a.model),
        "trees": trees,
        "features": x.shape[1],
        "data_rows": len(x),
        "lleaves_compile_seconds": compile_seconds,
        "max_abs_difference_vs_lightgbm_predict": agreement,
        "batch_results": batches,
        "single_row_results": single,
        **fields,
    })


if __name__ == "__main__":
    main()
