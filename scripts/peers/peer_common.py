"""Helpers shared by the peer scripts: data loading, run context, peak RSS, JSON output.

Every peer prints exactly one JSON object on stdout (``emit``) and logs on stderr (``log``).
The run context (``RunContext``) records the load average before and after the measurement, the
thread count, the library versions and the native thread pools (BLAS / OpenMP) actually loaded,
so that a benchmark report can tell whether the machine was busy or a kernel was not the expected
one.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd


def log(message: str) -> None:
    """Writes one progress line on stderr (stdout is reserved for the JSON result)."""
    print(message, file=sys.stderr, flush=True)


def emit(result: dict[str, Any]) -> None:
    """Prints the result as one JSON object on stdout."""
    json.dump(result, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def package_versions(names: Sequence[str]) -> dict[str, str]:
    """Installed distribution versions, keyed by distribution name, plus the interpreter's."""
    versions = {"python": platform.python_version()}
    for name in names:
        versions[name] = metadata.version(name)
    return versions


def thread_pools() -> list[dict[str, Any]]:
    """Native thread pools loaded in this process (OpenBLAS, OpenMP...): library, version,
    threads and, for BLAS, the kernel architecture in use."""
    from threadpoolctl import threadpool_info

    keys = ("user_api", "internal_api", "version", "num_threads", "architecture", "filepath")
    return [{k: pool[k] for k in keys if k in pool} for pool in threadpool_info()]


@dataclass
class RunContext:
    """Machine context of one measurement; ``finish`` turns it into the JSON fields."""

    threads: int | list[int]
    packages: Sequence[str]
    loadavg_before: tuple[float, float, float] = field(default_factory=os.getloadavg)

    def finish(self) -> dict[str, Any]:
        """Fields every peer's JSON carries; call right after the measurements."""
        return {
            "threads": self.threads,
            "cpu_count": os.cpu_count(),
            "loadavg_before": list(self.loadavg_before),
            "loadavg_after": list(os.getloadavg()),
            "versions": package_versions(self.packages),
            "thread_pools": thread_pools(),
            "openblas_env": {
                k: v for k, v in os.environ.items() if k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
            },
        }


def load_features(path: Path) -> tuple[np.ndarray, list[str]]:
    """Reads a numeric CSV with a header into a C-contiguous float64 matrix and its column names."""
    frame = pd.read_csv(path, dtype=np.float64)
    return np.ascontiguousarray(frame.to_numpy()), [str(c) for c in frame.columns]


def load_labels(path: Path) -> np.ndarray:
    """Reads a one-column 0/1 label CSV with a header into an int32 vector."""
    frame = pd.read_csv(path)
    if frame.shape[1] != 1:
        raise SystemExit(f"{path}: expected one label column, found {frame.shape[1]}")
    labels = frame.iloc[:, 0].to_numpy(dtype=np.int32)
    if not np.isin(labels, (0, 1)).all():
        raise SystemExit(f"{path}: labels must be 0 or 1")
    return labels


def load_rows(path: Path, row_count: int) -> np.ndarray:
    """Reads a split file: 0-based data-row indices (header excluded), whitespace separated."""
    rows = np.loadtxt(path, dtype=np.int64, ndmin=1)
    if rows.size == 0 or rows.min() < 0 or rows.max() >= row_count:
        raise SystemExit(f"{path}: row indices must lie in [0, {row_count}) and not be empty")
    return rows


@dataclass(frozen=True)
class SplitData:
    """Train and test parts of a labelled matrix, selected by split files."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    feature_names: list[str]


def load_split(features: Path, labels: Path, train_rows: Path, test_rows: Path) -> SplitData:
    """Loads features and labels and selects the train and test rows (C-contiguous copies)."""
    x, names = load_features(features)
    y = load_labels(labels)
    if len(y) != len(x):
        raise SystemExit(f"{features} has {len(x)} rows but {labels} has {len(y)}")
    train = load_rows(train_rows, len(x))
    test = load_rows(test_rows, len(x))
    return SplitData(
        np.ascontiguousarray(x[train]), y[train], np.ascontiguousarray(x[test]), y[test], names
    )


def current_rss_bytes() -> int:
    """Resident set size of this process now (Linux /proc)."""
    return _proc_status_kib("VmRSS") * 1024


def reset_peak_rss() -> None:
    """Frees what can be freed (garbage, glibc's cached free pages), then resets the kernel's
    peak-RSS mark (VmHWM) to the current RSS (Linux >= 4.0), so that the next peak only reflects
    what runs after this call."""
    gc.collect()
    ctypes.CDLL(None).malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")


def peak_rss_bytes() -> int:
    """Peak resident set size since the last ``reset_peak_rss`` (or process start)."""
    return _proc_status_kib("VmHWM") * 1024


def _proc_status_kib(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {key} line")


T = TypeVar("T")


def timed(action: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Calls ``action(*args, **kwargs)`` once and returns (wall seconds, its result)."""
    start = time.perf_counter()
    value = action(*args, **kwargs)
    return time.perf_counter() - start, value


def summary(seconds: Sequence[float]) -> dict[str, Any]:
    """Per-repeat timings with their median and minimum."""
    return {
        "seconds": list(seconds),
        "median_seconds": statistics.median(seconds),
        "min_seconds": min(seconds),
    }
