"""PostgreSQL failures against the real binaries (issue 16, "PostgreSQL faults"), on a private
database started by scripts/services/postgres.sh and crashed with `pg_ctl stop -m immediate`
(what a power cut or an OOM kill does), then started again on the same data:

1. the database crashes in the middle of `train ingest` (while its COPY runs): the command fails
   with one clear line, nothing of the year is stored, and a rerun stores it all;
2. the database crashes while the server logs predictions: every prediction still answers 200,
   the log counts what it could not write in /metrics and keeps its queue bounded, and writing
   resumes once the database is back.
Every wait is bounded (a hang fails the test instead of blocking it).
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from stackenv import REPO, http, run

TRAIN = os.environ.get("ACCIDENTML_TRAIN_BINARY") or str(REPO / ".build" / "release" / "train")
SERVER = os.environ.get("ACCIDENTML_API_BINARY") or str(REPO / ".build" / "release" / "accident-server")
POSTGRES = REPO / "scripts" / "services" / "postgres.sh"
TABLES = ["accidents", "places", "vehicles", "users"]
KEY = "fault-test-key-0123456789abcdef"
ACCIDENT = {"an": 2021, "mois": 6, "jour": 15, "hrmn": "17:45", "dep": "2A", "agg": 2, "vma": 80,
            "vehicles": [{"catv": 7, "obsm": 2}], "users": [{"catu": 1, "sexe": 1, "an_nais": 1990, "secu1": 1}]}

for binary in (TRAIN, SERVER):
    if not os.access(binary, os.X_OK):
        reason = f"no executable {binary} (build it, or set ACCIDENTML_TRAIN_BINARY / ACCIDENTML_API_BINARY)"
        if os.environ.get("CI") == "true":
            raise RuntimeError(reason)
        pytestmark = pytest.mark.skip(reason=reason)


class PrivateDatabase:
    """A PostgreSQL of its own (state file in a temporary folder) that can crash and come back."""

    def __init__(self, folder: pathlib.Path):
        self.env = dict(os.environ, ACCIDENTML_PG_STATE=str(folder / "pg.state"), ACCIDENTML_PG_PORT="56400")
        run([str(POSTGRES), "start"], env=self.env)
        self.url = run([str(POSTGRES), "url"], env=self.env).strip()
        state = dict(line.split("=", 1) for line in (folder / "pg.state").read_text().splitlines() if "=" in line)
        self.dir = state["PG_DIR"].strip("'")
        self.port = state["PG_PORT"].strip("'")
        self.bin = next(d for d in sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin")) if (d / "pg_ctl").exists())

    def _as_server(self, *args):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(prefix + [str(a) for a in args], capture_output=True, text=True, timeout=120)

    def crash(self):
        done = self._as_server(self.bin / "pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")
        assert done.returncode == 0, done.stderr

    def restart(self):
        done = self._as_server(self.bin / "pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/server.log",
                               "-w", "-t", "60", "start")
        assert done.returncode == 0, done.stderr

    def sql(self, statement):
        return run(["psql", "-X", "-tA", self.url, "-c", statement]).strip()

    def active_copy(self):
        return int(self.sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE 'COPY%'"))

    def stop(self):
        run([str(POSTGRES), "stop"], env=self.env, check=False)


@pytest.fixture
def database(tmp_path):
    db = PrivateDatabase(tmp_path)
    yield db
    db.stop()


def eventually(condition, seconds=120, step=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return condition()


def stored_rows(db):
    present = db.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'accidents'")
    if present == "0":
        return {t: 0 for t in TABLES}
    return {t: int(db.sql(f"SELECT count(*) FROM {t}")) for t in TABLES}


def test_a_crash_during_ingest_stores_nothing_and_a_rerun_stores_everything(database, tmp_path):
    year = tmp_path / "y2021"
    run([TRAIN, "generate", "--accidents", "300000", "--seed", "5", "--year", "2021", "--output", str(year), "-q"])
    ingest = [TRAIN, "ingest", "--database-url", database.url, str(year)]
    proc = subprocess.Popen(ingest, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert eventually(lambda: proc.poll() is None and database.active_copy() > 0, seconds=300, step=0.02), \
            "the ingest finished (or failed) before its COPY could be seen"
        database.crash()
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    lines = [l for l in err.splitlines() if l.startswith("train: error:")]
    assert len(lines) == 1, err
    database.restart()
    assert stored_rows(database) == {t: 0 for t in TABLES}, "a crashed ingest left rows behind"
    run(ingest, timeout=900)
    counts = stored_rows(database)
    assert counts["accidents"] == 300000
    assert all(counts[t] > 0 for t in TABLES)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def metric(base, name, labels=""):
    text = urllib.request.urlopen(f"{base}/metrics", timeout=30).read().decode()
    for line in text.splitlines():
        if line.startswith(name + labels + " "):
            return int(float(line.split()[-1]))
    return 0


def test_the_server_keeps_answering_through_a_database_crash_and_logging_resumes(database, tmp_path):
    run([TRAIN, "generate", "--accidents", "2000", "--seed", "6", "--output", str(tmp_path / "gen"), "-q"])
    run([TRAIN, "fit", "--baac", str(tmp_path / "gen"), "--output", str(tmp_path / "run"), "-q"])
    port = free_port()
    env = dict(os.environ, API_KEYS=KEY, DATABASE_URL=database.url)
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([SERVER, "--port", str(port), "--model", str(tmp_path / "run" / "model.aml")],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        def ready():
            try:
                return server.poll() is not None or http("GET", f"{base}/api/v1/test")[0] == 200
            except OSError:
                return False

        assert eventually(ready, 120)
        assert server.poll() is None, (tmp_path / "server.log").read_text()

        def predict(n):
            for _ in range(n):
                status, _ = http("POST", f"{base}/api/v1/predict", ACCIDENT, headers={"X-API-Key": KEY})
                assert status == 200

        def logged():
            present = database.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'predictions'")
            return 0 if present == "0" else int(database.sql("SELECT count(*) FROM predictions"))

        predict(20)
        assert eventually(lambda: logged() == 20), f"{logged()} of 20 predictions logged"
        database.crash()
        predict(200)  # every one answered while the database is down
        unwritten = '{result="dropped_unavailable"}'
        assert eventually(lambda: metric(base, "accident_prediction_log_failed_writes_total") >= 1
                          or metric(base, "accident_prediction_log_records_total", unwritten) >= 1)
        assert metric(base, "accident_prediction_log_pending") <= 200
        database.restart()
        predict(30)
        assert eventually(lambda: logged() >= 50, seconds=180), f"logging did not resume: {logged()} rows"
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
