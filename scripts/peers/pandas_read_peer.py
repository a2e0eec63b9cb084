"""Reads one BAAC year folder's four raw CSV files with pandas and prints one JSON object: bytes,
rows, seconds per repeat (and median) and MB/s (1 MB = 10^6 bytes), the peer of AccidentML's raw
BAAC reader.

The four files are found by name prefix (caracteristiques / carcteristiques as in 2022, lieux,
vehicules, usagers; ``-`` or ``_`` before the year). Before any timing, each file's separator is
taken from its header line (``;`` for the 2019+ layout, ``,`` otherwise) and its encoding is
UTF-8 when the whole file decodes as UTF-8, Latin-1 otherwise. Each repeat then times
``pandas.read_csv(path, sep=..., encoding=..., dtype=str, na_filter=False)`` on the four files
(default C engine; every cell kept as its raw string, quotes removed, as a raw-record reader does).

The sample folders are tiny (the 2021 sample is 39 kB), so per-call overhead dominates; with
``--replicate K`` each file is first rewritten into a temporary folder with its data rows repeated
K times under the one header line, and that larger folder is read instead.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peer_common import RunContext, emit, log, summary, timed

PREFIXES = {
    "caracteristiques": ("caracteristiques", "carcteristiques"),
    "lieux": ("lieux",),
    "vehicules": ("vehicules",),
    "usagers": ("usagers",),
}


@dataclass(frozen=True)
class RawFile:
    """One raw BAAC file and how to read it."""

    table: str
    path: Path
    size: int
    separator: str
    encoding: str


def find_files(folder: Path) -> list[RawFile]:
    """The folder's four BAAC files, with the separator and encoding sniffed from their bytes."""
    files: list[RawFile] = []
    for table, prefixes in PREFIXES.items():
        matches = [p for p in sorted(folder.glob("*.csv")) if p.name.lower().startswith(prefixes)]
        if len(matches) != 1:
            raise SystemExit(f"{folder}: expected one {table} CSV file, found {[m.name for m in matches]}")
        raw = matches[0].read_bytes()
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "latin-1"
        header = raw.split(b"\n", 1)[0]
        files.append(RawFile(table, matches[0], len(raw), ";" if b";" in header else ",", encoding))
    return files


def replicated(files: list[RawFile], times: int, folder: Path) -> list[RawFile]:
    """Copies of ``files`` in ``folder`` whose data rows are repeated ``times`` times."""
    copies: list[RawFile] = []
    for f in files:
        header, body = f.path.read_bytes().split(b"\n", 1)
        if body and not body.endswith(b"\n"):
            body += b"\n"
        target = folder / f.path.name
        target.write_bytes(header + b"\n" + body * times)
        copies.append(RawFile(f.table, target, target.stat().st_size, f.separator, f.encoding))
    return copies


def read_all(files: list[RawFile]) -> tuple[list[float], list[tuple[int, int]]]:
    """Reads every file once; returns each file's seconds and (rows, columns)."""
    seconds: list[float] = []
    shapes: list[tuple[int, int]] = []
    for f in files:
        elapsed, frame = timed(
            pd.read_csv, f.path, sep=f.separator, encoding=f.encoding, dtype=str, na_filter=False
        )
        seconds.append(elapsed)
        shapes.append(frame.shape)
    return seconds, shapes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", required=True, type=Path, help="one BAAC year folder (four CSV files)")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--replicate", type=int, default=1, help="repeat each file's data rows K times")
    a = parser.parse_args()
    if a.repeats < 1 or a.replicate < 1:
        parser.error("--repeats and --replicate must be >= 1")

    with tempfile.TemporaryDirectory(prefix="pandas-read-peer-") as scratch:
        files = find_files(a.folder)
        if a.replicate > 1:
            files = replicated(files, a.replicate, Path(scratch))
        measure(a.folder, files, a.repeats, a.replicate)


def measure(folder: Path, files: list[RawFile], repeats: int, replicate: int) -> None:
    """Times ``repeats`` reads of the four files and emits the JSON result."""
    total_bytes = sum(f.size for f in files)
    log(f"pandas read: {folder} x{replicate}, {total_bytes} bytes in 4 files, {repeats} repeats")
    context = RunContext(threads=1, packages=["pandas", "numpy"])
    read_all(files)  # warm-up: imports pandas' parser paths and the page cache
    per_file: list[list[float]] = [[] for _ in files]
    totals: list[float] = []
    shapes: list[tuple[int, int]] = []
    for _ in range(repeats):
        seconds, shapes = read_all(files)
        for timings, value in zip(per_file, seconds):
            timings.append(value)
        totals.append(sum(seconds))
    fields = context.finish()

    timing = summary(totals)
    log(f"  median {timing['median_seconds'] * 1e3:.2f} ms, {total_bytes / 1e6 / timing['median_seconds']:.1f} MB/s")
    emit({
        "peer": "pandas_read",
        "folder": str(folder),
        "replicate": replicate,
        "files": [
            {
                "table": f.table, "name": f.path.name, "bytes": f.size, "separator": f.separator,
                "encoding": f.encoding, "rows": shape[0], "columns": shape[1],
                "median_seconds": statistics.median(timings),
            }
            for f, shape, timings in zip(files, shapes, per_file)
        ],
        "bytes": total_bytes,
        "read": timing,
        "megabytes_per_second": total_bytes / 1e6 / timing["median_seconds"],
        **fields,
    })


if __name__ == "__main__":
    main()
