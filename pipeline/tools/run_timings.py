"""How the wall time of one accident_severity_retrain run splits per task: Airflow's overhead vs the Swift work.

    pipeline/tools/run_timings.py [--state .services/airflow.state] [--run-id RUN_ID]   # default: the latest run

Reads the run and its task instances from Airflow's REST API (v2) and each task's log:
- scheduling: from the end of the task's upstream (the run's start for the first) to `queued_when`;
- queue -> start: `queued_when` to `start_date` (Celery broker, the worker picking it up, the task
  runner starting);
- task: `start_date` to `end_date`;
- Swift work: what the task spent in `train` (and in the server's reload): for the bash tasks the
  time between "Running command" and "Command exited" in the log, for the Python tasks the sum of
  the `train X: N s` lines that accidentml.cli.run_train logs, plus the reload's answer time;
- in-task overhead: task time minus Swift work (the task runner, imports, the API calls to Airflow).
Prints a Markdown table and the totals. Needs only the standard library.
"""

from __future__ import annotations

import argparse
import json
import re
import urllib.request
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DAG = "accident_severity_retrain"
ORDER = ["validate", "ingest", "train_challenger", "evaluate", "quality_gate", "promote", "reload_api", "smoke_test"]
UPSTREAM = {"ingest": "validate", "train_challenger": "ingest", "evaluate": "train_challenger",
            "quality_gate": "evaluate", "promote": "quality_gate", "reload_api": "promote", "smoke_test": "reload_api"}


def read_state(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition("=")
        values[key] = value.strip("'")
    return values


class API:
    def __init__(self, url: str, user: str, password: str):
        self.url = url
        request = urllib.request.Request(f"{url}/auth/token", data=json.dumps({"username": user, "password": password}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            self.token = json.loads(answer.read())["access_token"]

    def get(self, path: str) -> dict:
        request = urllib.request.Request(f"{self.url}/api/v2{path}", headers={"Authorization": f"Bearer {self.token}",
                                                                               "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read())


def when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def swift_seconds(events: list) -> float:
    """The Swift work a task's log shows (see the module's docstring)."""
    total, started = 0.0, None
    for event in events:
        if not isinstance(event, dict):
            continue
        text = str(event.get("event", ""))
        stamp = when(event.get("timestamp"))
        if text.startswith("Running command:"):
            started = stamp
        elif text.startswith("Command exited with return code") and started and stamp:
            total += (stamp - started).total_seconds()
            started = None
        elif match := re.match(r"^train \S*: ([0-9.]+) s \(exit", text):
            total += float(match.group(1))
        elif match := re.match(r"^reload: \d+ in ([0-9.]+) s", text):
            total += float(match.group(1))
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", default=str(REPO / ".services" / "airflow.state"))
    parser.add_argument("--run-id")
    args = parser.parse_args()
    state = read_state(Path(args.state))
    api = API(state["AIRFLOW_URL"], state["AIRFLOW_ADMIN_USER"], state["AIRFLOW_ADMIN_PASSWORD"])
    runs = api.get(f"/dags/{DAG}/dagRuns?limit=1&order_by=-run_after")["dag_runs"] if not args.run_id else \
        [api.get(f"/dags/{DAG}/dagRuns/{urllib.request.quote(args.run_id)}")]
    run = runs[0]
    run_id = run["dag_run_id"]
    quoted = urllib.request.quote(run_id)
    tis = {ti["task_id"]: ti for ti in api.get(f"/dags/{DAG}/dagRuns/{quoted}/taskInstances")["task_instances"]}
    print(f"run {run_id}: {run['state']}, {run['start_date']} -> {run['end_date']}\n")
    print("| task | state | scheduling (s) | queue → start (s) | task (s) | Swift work (s) | in-task overhead (s) |")
    print("|---|---|---|---|---|---|---|")
    sums = {"scheduling": 0.0, "queue": 0.0, "task": 0.0, "swift": 0.0}
    for task in ORDER:
        ti = tis.get(task)
        if not ti or not ti.get("start_date") or not ti.get("end_date"):
            print(f"| `{task}` | {ti['state'] if ti else 'absent'} | | | | | |")
            continue
        upstream_end = when(tis[UPSTREAM[task]]["end_date"]) if task in UPSTREAM else when(run["start_date"])
        queued, start, end = when(ti["queued_when"]), when(ti["start_date"]), when(ti["end_date"])
        log = api.get(f"/dags/{DAG}/dagRuns/{quoted}/taskInstances/{task}/logs/{ti['try_number']}?full_content=true")
        swift = swift_seconds(log.get("content", []))
        scheduling = (queued - upstream_end).total_seconds() if queued and upstream_end else 0.0
        queue = (start - queued).total_seconds() if queued else 0.0
        duration = (end - start).total_seconds()
        for key, value in (("scheduling", scheduling), ("queue", queue), ("task", duration), ("swift", swift)):
            sums[key] += value
        print(f"| `{task}` | {ti['state']} | {scheduling:.1f} | {queue:.1f} | {duration:.1f} | {swift:.1f} | {duration - swift:.1f} |")
    if not run.get("end_date"):
        print("\n(the run has not finished: no totals)")
        return
    wall = (when(run["end_date"]) - when(run["start_date"])).total_seconds()
    print(f"| **total** | | {sums['scheduling']:.1f} | {sums['queue']:.1f} | {sums['task']:.1f} | {sums['swift']:.1f} "
          f"| {sums['task'] - sums['swift']:.1f} |")
    print(f"\nrun wall time {wall:.1f} s: Swift work {sums['swift']:.1f} s ({100 * sums['swift'] / wall:.0f} %), "
          f"Airflow {wall - sums['swift']:.1f} s (scheduling {sums['scheduling']:.1f}, queue → start {sums['queue']:.1f}, "
          f"in-task {sums['task'] - sums['swift']:.1f}, rest {wall - sums['scheduling'] - sums['queue'] - sums['task']:.1f})")


if __name__ == "__main__":
    main()
