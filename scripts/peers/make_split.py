"""Writes a seeded random train/test split of a CSV's data rows as two index files.

Each file holds 0-based data-row indices (header excluded), one per line, sorted: the format the
peers' --train-rows / --test-rows read. The split is a plain shuffle with Python's ``random``
(not stratified), e.g. 70/30 with seed 42 for the benchmark trials.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path


def data_row_count(csv: Path) -> int:
    """Lines after the header, ignoring a missing final newline."""
    with csv.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", required=True, type=Path, help="features or labels CSV with a header")
    parser.add_argument("--test-fraction", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out-dir", required=True, type=Path)
    a = parser.parse_args()
    if not 0.0 < a.test_fraction < 1.0:
        parser.error("--test-fraction must lie in (0, 1)")

    rows = list(range(data_row_count(a.csv)))
    random.Random(a.seed).shuffle(rows)
    test_count = round(len(rows) * a.test_fraction)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    for name, part in (("test_idx.txt", rows[:test_count]), ("train_idx.txt", rows[test_count:])):
        (a.out_dir / name).write_text("".join(f"{r}\n" for r in sorted(part)))
    print(f"{len(rows) - test_count} train rows, {test_count} test rows -> {a.out_dir}")


if __name__ == "__main__":
    main()
