"""Time and peak memory of `scripts/stack.sh up` in a private folder (a stack from nothing).

    .venv-stack-tests/bin/python deploy/measure_up.py [--runs 2] [--fresh-venvs]

Each run starts from no running service (state files, data folders, env file private to the run;
the checkout's venvs and release binaries are shared). --fresh-venvs deletes the service venvs
(.venv-s3, .venv-mlflow, .venv-airflow) before the first run, so it measures their installation
too (uv's download cache stays warm). Memory: the summed resident memory of every process the
stack started (they carry a marker variable in their environment), sampled every 0.5 s, and its
peak. Prints one JSON line per run; `down --purge` after each.
"""
import argparse
import json
import pathlib
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "tests"))
from stackenv import REPO, PrivateStack  # noqa: E402


def measure(private):
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], private.total_rss_kib())
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.monotonic()
    proc = private.stack("up", check=False)
    elapsed = time.monotonic() - start
    done.set()
    sampler.join()
    return proc, elapsed, peak[0] / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--fresh-venvs", action="store_true")
    args = parser.parse_args()
    if args.fresh_venvs:
        for name in (".venv-s3", ".venv-mlflow", ".venv-airflow"):
            shutil.rmtree(REPO / name, ignore_errors=True)
    for run in range(1, args.runs + 1):
        private = PrivateStack(pathlib.Path(tempfile.mkdtemp(prefix=f"stack-measure-{run}-")))
        try:
            proc, seconds, peak = measure(private)
            started = [line for line in proc.stderr.splitlines() if "started:" in line or "stack.sh:" in line]
            print(json.dumps({"run": run, "fresh_venvs": args.fresh_venvs and run == 1, "exit": proc.returncode,
                              "seconds": round(seconds, 1), "peak_rss_mib": round(peak),
                              "last_lines": started[-3:], "stderr_tail": proc.stderr.splitlines()[-3:]}), flush=True)
        finally:
            private.stack("down", "--purge", check=False, timeout=600)
            shutil.rmtree(private.root, ignore_errors=True)
            shutil.rmtree(private.tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
