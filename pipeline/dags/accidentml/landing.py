"""Finding BAAC years that have landed in LANDING_DIR/<year>/ (file names and times only, no data read)."""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

TABLES = ("caracteristiques", "lieux", "vehicules", "usagers")
_NAME = re.compile(r"^(caracteristiques|carcteristiques|lieux|vehicules|usagers)[-_](\d{4})\.csv$", re.IGNORECASE)


def year_of(folder: str | Path) -> int:
    """The BAAC year of a folder: its name when it is a year, else the year in its file names."""
    folder = Path(folder)
    if re.fullmatch(r"\d{4}", folder.name):
        return int(folder.name)
    years = {int(m.group(2)) for f in folder.glob("*.csv") if (m := _NAME.match(f.name))}
    if len(years) != 1:
        raise ValueError(f"{folder}: expected BAAC files of one year, found years {sorted(years) or 'none'}")
    return years.pop()


def landed(landing_dir: str | Path, settle_seconds: float = 10, now: float | None = None) -> list[dict]:
    """Year folders holding the four BAAC files, untouched for settle_seconds, oldest year first.

    Each entry: {"folder", "year", "run_id"}; the run id carries a fingerprint of the files'
    names, sizes and times, so a year landed again with other files gets a new run, while the
    same files never trigger twice.
    """
    now = time.time() if now is None else now
    found = []
    root = Path(landing_dir)
    if not root.is_dir():
        return found
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)):
        files = sorted(f for f in folder.iterdir() if f.is_file() and _NAME.match(f.name))
        tables = {_NAME.match(f.name).group(1).lower().replace("carcteristiques", "caracteristiques") for f in files}
        if tables != set(TABLES):
            continue
        stats = [f.stat() for f in files]
        if now - max(s.st_mtime for s in stats) < settle_seconds:
            continue
        digest = hashlib.sha256()
        for f, s in zip(files, stats):
            digest.update(f"{f.name}\0{s.st_size}\0{s.st_mtime_ns}\n".encode())
        found.append({"folder": str(folder), "year": int(folder.name),
                      "run_id": f"landed__{folder.name}__{digest.hexdigest()[:12]}"})
    return found
