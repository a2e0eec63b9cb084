"""A small client of the Airflow REST API (v2) for the end-to-end test, logged in as the state file's admin."""

from __future__ import annotations

import time

import requests


class AirflowAPI:
    def __init__(self, url: str, user: str, password: str):
        self.url = url
        token = requests.post(f"{url}/auth/token", json={"username": user, "password": password}, timeout=30)
        token.raise_for_status()
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def get(self, path: str, **params) -> dict:
        answer = self.session.get(f"{self.url}/api/v2{path}", params=params, timeout=30)
        answer.raise_for_status()
        return answer.json()

    def trigger(self, dag_id: str, conf: dict) -> str:
        answer = self.session.post(f"{self.url}/api/v2/dags/{dag_id}/dagRuns",
                                   json={"logical_date": None, "conf": conf}, timeout=30)
        answer.raise_for_status()
        return answer.json()["dag_run_id"]

    def runs(self, dag_id: str) -> list[dict]:
        return self.get(f"/dags/{dag_id}/dagRuns", limit=100, order_by="-run_after")["dag_runs"]

    def wait_for_run(self, dag_id: str, match, timeout: float = 900) -> dict:
        """Waits for the run that `match(run)` picks to finish; returns it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for run in self.runs(dag_id):
                if match(run) and run["state"] in ("success", "failed"):
                    return run
            time.sleep(5)
        raise TimeoutError(f"no finished {dag_id} run matching within {timeout} s: {self.runs(dag_id)[:3]}")

    def task_instances(self, dag_id: str, run_id: str) -> dict[str, dict]:
        items = self.get(f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]
        return {ti["task_id"]: ti for ti in items}

    def log(self, dag_id: str, run_id: str, task_id: str, try_number: int = 1) -> str:
        """The task's log as text (the API answers structured events as JSON)."""
        answer = self.session.get(f"{self.url}/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/logs/{try_number}",
                                  params={"full_content": "true"}, headers={"Accept": "application/json"}, timeout=60)
        answer.raise_for_status()
        content = answer.json()["content"]
        return "\n".join(str(e.get("event", "")) if isinstance(e, dict) else str(e) for e in content)
