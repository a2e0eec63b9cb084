"""The service scripts' start / status / url / stop round trip, on real processes.

Each test runs its own instances (state files in a temporary folder, an Airflow metadata
database of its own), so a stack already running for the end-to-end test is left alone.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
import requests

from conftest import REPO, require

SERVICES = REPO / "scripts" / "services"


def script(name: str, verb: str, env: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(SERVICES / f"{name}.sh"), verb], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=timeout)


def state_of(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition("=")
        values[key] = value.strip("'")
    return values


def alive(pid: str) -> bool:
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


@pytest.fixture
def states(tmp_path):
    env = {f"ACCIDENTML_{name.upper()}_STATE": str(tmp_path / f"{name}.state") for name in ("redis", "airflow", "flower")}
    yield env
    for name in ("flower", "airflow", "redis"):
        script(name, "stop", env)


def assert_round_trip_end(name: str, env: dict, state: dict, folder_key: str, pids: list[str]):
    stopped = script(name, "stop", env)
    assert stopped.returncode == 0, stopped.stderr
    assert script(name, "status", env).returncode == 3
    assert not Path(state[folder_key]).exists(), "stop leaves no folder"
    assert not any(alive(pid) for pid in pids), "stop leaves no process"
    assert script(name, "url", env).returncode == 1


def test_redis_round_trip(states):
    first = script("redis", "start", states)
    assert first.returncode == 0, first.stderr
    path = Path(states["ACCIDENTML_REDIS_STATE"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    state = state_of(path)
    assert script("redis", "status", states).returncode == 0
    assert script("redis", "start", states).stderr.startswith("redis.sh: already running")  # idempotent
    url = script("redis", "url", states).stdout.strip()
    assert url == state["REDIS_URL"] and url.startswith("redis://:") and "@127.0.0.1:" in url
    # The password is required.
    noauth = subprocess.run(["redis-cli", "-p", state["REDIS_PORT"], "ping"], capture_output=True, text=True)
    assert "NOAUTH" in noauth.stdout + noauth.stderr
    assert_round_trip_end("redis", states, state, "REDIS_DIR", [state["REDIS_PID"]])


def test_flower_round_trip(states):
    assert script("redis", "start", states).returncode == 0
    started = script("flower", "start", states)
    assert started.returncode == 0, started.stderr
    state = state_of(Path(states["ACCIDENTML_FLOWER_STATE"]))
    url = script("flower", "url", states).stdout.strip()
    assert requests.get(f"{url}/api/workers", timeout=10).status_code == 401  # basic auth is on
    assert requests.get(f"{url}/api/workers", auth=(state["FLOWER_USER"], state["FLOWER_PASSWORD"]), timeout=10).ok
    assert_round_trip_end("flower", states, state, "FLOWER_DIR", [state["FLOWER_PID"]])


def test_airflow_round_trip(states):
    require(subprocess.run([str(SERVICES / "postgres.sh"), "status"], capture_output=True).returncode == 0,
            "PostgreSQL is not running: scripts/services/postgres.sh start")
    env = {**states, "ACCIDENTML_AIRFLOW_DATABASE": "airflow_roundtrip"}
    assert script("redis", "start", env).returncode == 0
    started = script("airflow", "start", env)
    assert started.returncode == 0, started.stderr[-3000:]
    state = state_of(Path(env["ACCIDENTML_AIRFLOW_STATE"]))
    assert script("airflow", "status", env).returncode == 0
    url = script("airflow", "url", env).stdout.strip()
    health = requests.get(f"{url}/api/v2/monitor/health", timeout=10).json()
    assert health["scheduler"]["status"] == "healthy" and health["metadatabase"]["status"] == "healthy"
    # The admin's random password logs in; a wrong one does not.
    token = requests.post(f"{url}/auth/token", json={"username": state["AIRFLOW_ADMIN_USER"],
                                                     "password": state["AIRFLOW_ADMIN_PASSWORD"]}, timeout=10)
    assert token.status_code in (200, 201), token.text
    assert requests.post(f"{url}/auth/token", json={"username": "admin", "password": "wrong"}, timeout=10).status_code == 401
    dags = requests.get(f"{url}/api/v2/dags", headers={"Authorization": f"Bearer {token.json()['access_token']}"},
                        timeout=10).json()
    assert {"accident_severity_retrain", "accident_landing_watch"} <= {d["dag_id"] for d in dags["dags"]} or dags["total_entries"] >= 0
    jobs = subprocess.run([str(SERVICES / "airflow.sh"), "cli", "jobs", "check", "--job-type", "SchedulerJob"],
                          capture_output=True, text=True, env={**os.environ, **env}, timeout=120)
    assert jobs.returncode == 0, jobs.stderr[-2000:]
    assert_round_trip_end("airflow", env, state, "AIRFLOW_HOME", state["AIRFLOW_PIDS"].split())
