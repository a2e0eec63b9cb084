"""Running the Swift `train` CLI from tasks, and reading what it writes. No data is read here."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import time
from pathlib import Path

log = logging.getLogger(__name__)

# Exit statuses of `train` (BSD sysexits, docs/cli.md).
EX_DATAERR, EX_NOINPUT, EX_UNAVAILABLE = 65, 66, 69


class TrainFailed(RuntimeError):
    """`train` ended with a non-zero status; the message carries its last stderr line."""

    def __init__(self, args: list[str], status: int, stderr: str):
        self.status = status
        last = stderr.strip().splitlines()[-1] if stderr.strip() else "(no message)"
        super().__init__(f"`train {' '.join(args[:2])}` exited {status}: {last}")


def run_train(binary: str, args: list[str], env: dict[str, str] | None = None, timeout: float = 3600) -> str:
    """Runs `binary args...`, logs its stdout, stderr and wall time, returns stdout; raises TrainFailed.

    The `train X: N.NNN s` line is the Swift work of the task (docs/pipeline.md, Measured).
    """
    log.info("running: %s %s", binary, " ".join(args))
    started = time.monotonic()
    done = subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
    log.info("train %s: %.3f s (exit %d)", args[0] if args else "", time.monotonic() - started, done.returncode)
    for line in done.stdout.splitlines():
        log.info("%s", line)
    for line in done.stderr.splitlines():
        log.warning("%s", line)
    if done.returncode != 0:
        raise TrainFailed(args, done.returncode, done.stderr)
    return done.stdout


def held_out_metrics(metrics_json: str | Path) -> dict[str, float]:
    """{"auc", "logloss"} of a `train evaluate` metrics.json (the evaluation rows stand as validation)."""
    report = json.loads(Path(metrics_json).read_text())
    values = {m["name"]: m["validation"] for m in report["finalMetrics"]}
    return {name: float(values[name]) for name in ("auc", "logloss") if name in values}


def registry_show(binary: str, reference: str, env: dict[str, str]) -> dict | None:
    """`train registry show REF --json`, or None when the alias or version does not exist (exit 66)."""
    try:
        return json.loads(run_train(binary, ["registry", "show", reference, "--json"], env=env, timeout=120))
    except TrainFailed as failure:
        if failure.status == EX_NOINPUT:
            return None
        raise
