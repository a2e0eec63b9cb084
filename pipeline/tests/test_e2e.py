"""End to end, on the real services: BAAC years land, the scheduler runs accident_severity_retrain
on the Celery worker, the registry and the live prediction server follow the quality gate.

Needs: PostgreSQL, Redis, Airflow, Flower (scripts/test-pipeline.sh starts them), S3 + MLflow
(scripts/services/s3.sh, mlflow.sh), and the `train` / `accident-server` binaries with the
registry commands (swift build -c release). The scenarios run in order and share one stack:
1. year A lands -> version 1 champion, served; 2. year B lands -> version 2 promoted, served;
3. a one-tree challenger -> not promoted, the gate's reason tagged, champion and API unchanged;
4. a corrupt year -> validate fails naming file and line, nothing stored, champion unchanged;
5. Flower lists the worker and its finished tasks.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import requests

from airflow_api import AirflowAPI
from conftest import REPO, require

SERVICES = REPO / "scripts" / "services"
RETRAIN = "accident_severity_retrain"
ACCIDENTS = int(os.environ.get("ACCIDENTML_E2E_ACCIDENTS", "4000"))


# Prebuilt binaries to use instead of the checkout's build (the stack tests read the same variables).
BINARY_VARIABLES = {"train": "ACCIDENTML_TRAIN_BINARY", "accident-server": "ACCIDENTML_API_BINARY"}


def binary(name: str) -> Path | None:
    given = os.environ.get(BINARY_VARIABLES.get(name, ""))
    if given:
        return Path(given) if Path(given).exists() else None
    for build in ("release", "debug"):
        path = REPO / ".build" / build / name
        if path.exists():
            return path
    return None


def sh(args: list, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def state(name: str) -> dict[str, str]:
    values = {}
    for line in (REPO / ".services" / f"{name}.state").read_text().splitlines():
        key, _, value = line.partition("=")
        values[key] = value.strip("'")
    return values


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def registry_missing(train: Path) -> list[str]:
    """What this checkout lacks for the registry scenarios (not merged or not built)."""
    missing = []
    if binary("accident-server") is None:
        missing.append("the accident-server binary")
    for command in (["registry", "--help"], ["predict-record", "--help"]):
        if sh([train, *command]).returncode != 0:
            missing.append(f"`train {command[0]}`")
    for script in ("s3.sh", "mlflow.sh"):
        if not (SERVICES / script).exists():
            missing.append(f"scripts/services/{script}")
    return missing


def airflow_cli(*args) -> subprocess.CompletedProcess:
    return sh([SERVICES / "airflow.sh", "cli", *args])


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """PostgreSQL, Redis, Airflow, Flower and `train`: enough for landing, validation and ingestion."""
    train = binary("train")
    if train is None or sh([train, "validate", "--help"]).returncode != 0:
        pytest.skip("no `train` binary with `validate` (swift build)")
    for name in ("postgres", "redis", "airflow", "flower"):
        require(sh([SERVICES / f"{name}.sh", "status"]).returncode == 0,
                f"{name} is not running: scripts/services/{name}.sh start (or scripts/test-pipeline.sh)")
    root = tmp_path_factory.mktemp("pipeline-e2e")
    db_url = sh([SERVICES / "postgres.sh", "database", f"e2e_{uuid.uuid4().hex[:8]}"]).stdout.strip()
    landing, work = root / "landing", root / "work"
    landing.mkdir()
    model_name = f"accident-severity-e2e-{uuid.uuid4().hex[:6]}"
    for key, value in {"accidentml_train_bin": train, "accidentml_work_dir": work, "accidentml_landing_dir": landing,
                       "accidentml_retrain_conf": json.dumps({"model_name": model_name})}.items():
        assert airflow_cli("variables", "set", key, value).returncode == 0
    airflow_cli("connections", "delete", "accidentml_db")
    # Runs talk only to servers of this test: an API Connection left by another user of this
    # Airflow (scripts/stack.sh sets one) would let the first run reload that other API. Until the
    # `stack` fixture adds its own, reload_api fails and retries. MLflow: the running one, now.
    airflow_cli("connections", "delete", "accidentml_api")
    mlflow = sh([SERVICES / "mlflow.sh", "url"])
    if mlflow.returncode == 0:
        assert airflow_cli("variables", "set", "accidentml_mlflow_uri", mlflow.stdout.strip()).returncode == 0
    else:
        airflow_cli("variables", "delete", "accidentml_mlflow_uri")
    assert airflow_cli("connections", "add", "accidentml_db", "--conn-uri", db_url).returncode == 0

    env = {"DATABASE_URL": db_url}
    years = {}
    for year, seed in ((2019, 11), (2020, 12), (2021, 13), (2022, 14)):
        folder = root / "generated" / str(year)
        assert sh([train, "generate", "--accidents", ACCIDENTS, "--seed", seed, "--year", year,
                   "--output", folder, "-q"]).returncode == 0
        years[year] = folder
    # History: one year stored before the pipeline starts, so that the first landed year has older data to learn from.
    stored = sh([train, "ingest", years[2019]], env=env)
    assert stored.returncode == 0, stored.stderr
    airflow = state("airflow")
    yield {"train": train, "env": env, "model": model_name, "landing": landing, "years": years, "db_url": db_url,
           "root": root,
           "airflow": AirflowAPI(airflow["AIRFLOW_URL"], airflow["AIRFLOW_ADMIN_USER"], airflow["AIRFLOW_ADMIN_PASSWORD"])}
    airflow_cli("variables", "delete", "accidentml_landing_dir")  # the watcher stops looking at a deleted folder


@pytest.fixture(scope="module")
def stack(base):
    """`base` plus S3, MLflow and a prediction server following the registry: the full scenarios."""
    missing = registry_missing(base["train"])
    if missing:
        pytest.skip("the registry is not in this checkout yet: missing " + "; ".join(missing))
    for name in ("s3", "mlflow"):
        require(sh([SERVICES / f"{name}.sh", "status"]).returncode == 0, f"{name} is not running: scripts/services/{name}.sh start")
    mlflow = sh([SERVICES / "mlflow.sh", "url"]).stdout.strip()
    admin_key, predict_key = secrets.token_hex(16), secrets.token_hex(16)
    port = free_port()
    server_log = open(base["root"] / "server.log", "w")
    process = subprocess.Popen([str(binary("accident-server")), "--host", "127.0.0.1", "--port", str(port),
                                "--tracking-uri", mlflow], stdout=server_log, stderr=subprocess.STDOUT,
                               env={**os.environ, "API_KEYS": predict_key, "ADMIN_API_KEYS": admin_key})
    api_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.get(f"{api_url}/api/v1/test", timeout=2).status_code in (200, 503):
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    assert airflow_cli("variables", "set", "accidentml_mlflow_uri", mlflow).returncode == 0
    airflow_cli("connections", "delete", "accidentml_api")
    added = airflow_cli("connections", "add", "accidentml_api", "--conn-type", "http", "--conn-host", "127.0.0.1",
                        "--conn-port", str(port), "--conn-password", admin_key,
                        "--conn-extra", json.dumps({"predict_key": predict_key}))
    assert added.returncode == 0, added.stderr
    yield {**base, "env": {**base["env"], "MLFLOW_TRACKING_URI": mlflow}, "api_url": api_url, "mlflow": mlflow}
    process.terminate()
    process.wait(timeout=30)
    server_log.close()


def land(stack, year: int) -> None:
    """Copies a generated year into LANDING_DIR/<year>/ the way an upload would: files first, then the folder appears."""
    if (stack["landing"] / str(year)).exists():
        return  # landed by an earlier scenario
    staging = stack["landing"] / f".incoming-{year}"
    shutil.copytree(stack["years"][year], staging)
    staging.rename(stack["landing"] / str(year))


def run_for(stack, folder: Path) -> dict:
    return stack["airflow"].wait_for_run(
        RETRAIN, lambda run: (run.get("conf") or {}).get("folder") == str(folder))


def champion(stack) -> dict | None:
    shown = sh([stack["train"], "registry", "show", f"{stack['model']}@champion", "--json"], env=stack["env"])
    return json.loads(shown.stdout) if shown.returncode == 0 else None


def champion_checksum(stack) -> str:
    """The checksum of the champion's model file (what the server reports as its version)."""
    path = stack["root"] / f"champion-{uuid.uuid4().hex[:6]}.aml"
    assert sh([stack["train"], "registry", "download", f"{stack['model']}@champion", "--output", path],
              env=stack["env"]).returncode == 0
    return json.loads(sh([stack["train"], "inspect", path, "--json"]).stdout)["checksum"]


def served(stack) -> dict:
    return requests.get(f"{stack['api_url']}/api/v1/test", timeout=10).json()


def test_0_a_landed_year_is_validated_and_stored_on_the_celery_worker(base):
    """Needs no registry: the watcher starts the run, validate and ingest succeed on the worker."""
    land(base, 2020)
    folder = str(base["landing"] / "2020")
    api = base["airflow"]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        runs = [r for r in api.runs(RETRAIN) if (r.get("conf") or {}).get("folder") == folder]
        tis = api.task_instances(RETRAIN, runs[0]["dag_run_id"]) if runs else {}
        if tis and tis["ingest"]["state"] in ("success", "failed", "upstream_failed"):
            break
        time.sleep(5)
    assert runs and runs[0]["dag_run_id"].startswith("landed__2020__"), "the watcher started the run"
    assert tis["validate"]["state"] == "success" and tis["ingest"]["state"] == "success", \
        {t: ti["state"] for t, ti in tis.items()}
    assert {tis[t]["executor"] or "CeleryExecutor" for t in ("validate", "ingest")} == {"CeleryExecutor"}
    assert tis["validate"]["hostname"], "ran on a Celery worker"
    log = api.log(RETRAIN, runs[0]["dag_run_id"], "validate")
    assert "2020" in log and "bad rows" in log  # the integrity report is the task log


def test_1_first_year_becomes_champion_and_is_served(stack):
    land(stack, 2020)
    run = run_for(stack, stack["landing"] / "2020")
    tis = stack["airflow"].task_instances(RETRAIN, run["dag_run_id"])
    assert run["state"] == "success", {t: ti["state"] for t, ti in tis.items()}
    assert run["dag_run_id"].startswith("landed__2020__")  # started by the watcher
    assert all(ti["state"] == "success" for ti in tis.values()), {t: ti["state"] for t, ti in tis.items()}
    assert {ti.get("executor") or "CeleryExecutor" for ti in tis.values()} == {"CeleryExecutor"}
    assert all(ti["hostname"] for ti in tis.values())  # ran on the Celery worker's host
    assert champion(stack)["version"] == "1"
    assert served(stack)["model"]["version"] == champion_checksum(stack)


def test_2_a_better_year_is_promoted_and_served(stack):
    land(stack, 2021)
    run = run_for(stack, stack["landing"] / "2021")
    tis = stack["airflow"].task_instances(RETRAIN, run["dag_run_id"])
    assert run["state"] == "success" and tis["promote"]["state"] == "success", {t: ti["state"] for t, ti in tis.items()}
    assert tis["smoke_test"]["state"] == "success"
    assert champion(stack)["version"] == "2"
    assert served(stack)["model"]["version"] == champion_checksum(stack)
    log = stack["airflow"].log(RETRAIN, run["dag_run_id"], "quality_gate")
    assert "quality gate: promoted" in log


def test_3_a_weak_challenger_is_not_promoted(stack):
    before, served_before = champion(stack), served(stack)
    run_id = stack["airflow"].trigger(RETRAIN, {"folder": str(stack["landing"] / "2021"), "trees": 1,
                                                "model_name": stack["model"]})
    run = stack["airflow"].wait_for_run(RETRAIN, lambda r: r["dag_run_id"] == run_id)
    tis = stack["airflow"].task_instances(RETRAIN, run_id)
    assert run["state"] == "success"
    assert tis["quality_gate"]["state"] == "success"
    assert {tis[t]["state"] for t in ("promote", "reload_api", "smoke_test")} == {"skipped"}
    log = stack["airflow"].log(RETRAIN, run_id, "quality_gate")
    assert "quality gate: not promoted: challenger AUC" in log
    assert champion(stack)["version"] == before["version"] == "2"
    assert served(stack)["model"]["version"] == served_before["model"]["version"]
    runs = requests.post(f"{stack['mlflow']}/api/2.0/mlflow/runs/search",
                         json={"filter": "tags.gate = 'not promoted'", "max_results": 50,
                               "experiment_ids": [e["experiment_id"] for e in requests.post(
                                   f"{stack['mlflow']}/api/2.0/mlflow/experiments/search",
                                   json={"max_results": 100}).json()["experiments"]]}).json()
    assert runs.get("runs"), "the refused challenger's run carries the tag gate=not promoted"


def test_4_a_corrupt_year_fails_validation_and_stores_nothing(base):
    stack = base
    before = champion(stack) if registry_missing(stack["train"]) == [] else None
    corrupt = stack["years"][2022]
    characteristics = next(corrupt.glob("car*cteristiques*"))  # 2022 files are officially "carcteristiques"
    lines = characteristics.read_text(encoding="latin-1").splitlines()
    characteristics.write_text("\n".join(lines + [lines[-1]]) + "\n", encoding="latin-1")  # a duplicate accident
    land(stack, 2022)
    run = run_for(stack, stack["landing"] / "2022")
    tis = stack["airflow"].task_instances(RETRAIN, run["dag_run_id"])
    assert run["state"] == "failed"
    assert tis["validate"]["state"] == "failed" and tis["ingest"]["state"] == "upstream_failed"
    log = stack["airflow"].log(RETRAIN, run["dag_run_id"], "validate")
    assert f"{characteristics.name}:{len(lines) + 1}" in log and "duplicate accident" in log
    if before is not None:
        assert champion(stack)["version"] == before["version"]
    counted = sh(["psql", stack["db_url"].replace("?sslmode=disable", ""), "-tAc",
                  "SELECT count(*) FROM accidents WHERE year = 2022"])
    assert counted.returncode != 0 or counted.stdout.strip() in ("0", "")


def test_5_flower_lists_the_worker_and_its_finished_tasks(base):
    flower = state("flower")
    auth = (flower["FLOWER_USER"], flower["FLOWER_PASSWORD"])
    workers = requests.get(f"{flower['FLOWER_URL']}/api/workers", params={"refresh": "1"}, auth=auth, timeout=30).json()
    assert any(name.startswith("accidentml-") for name in workers)
    tasks = requests.get(f"{flower['FLOWER_URL']}/api/tasks", params={"state": "SUCCESS"}, auth=auth, timeout=30).json()
    assert len(tasks) >= 3, "the DAG runs' tasks went through the Celery worker"
