"""The registry's failure behaviour against real services that stop (issue 12, docs/registry.md).

On a private PostgreSQL, S3 store and MLflow (their own state files and data folders, so the
services other tests share are untouched), in file order:

0. setup: version 1 of a fresh model registered and promoted `champion`; an accident-server
   started on `models:/NAME@champion` (it loads version 1); then version 2 registered and
   promoted, so a reload that reached the registry would change what is served;
1. S3 stopped under the running server: `POST /api/v1/reload_model` answers 502 with the
   server's error code and "the previous model keeps serving"; `/api/v1/test` still shows
   version 1 and a prediction answers exactly as before; `train fit --tracking-uri` exits 69
   with one line naming the failed step, and the run folder (model.aml, metrics.json,
   report.html) is written;
2. MLflow stopped as well: the same for the reload (502 `registry_unavailable`), and `train fit`
   exits 69 at the first step.

What a closed port does is covered by the Swift tests (UnreachableServerTests,
TrackingCommandTests, RegistrySourceTests); these add services that were up and went down.
Binaries: ACCIDENTML_TRAIN_BINARY and ACCIDENTML_API_BINARY (scripts/test.sh passes the debug
build), else .build/release. A service that cannot start fails the module under CI=true and
skips it, with the reason, elsewhere.
"""
import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import time
import uuid

import pytest

from stackenv import REPO, PrivateStack, http

SERVICES = REPO / "scripts" / "services"
TRAIN = pathlib.Path(os.environ.get("ACCIDENTML_TRAIN_BINARY") or REPO / ".build" / "release" / "train")
SERVER = pathlib.Path(os.environ.get("ACCIDENTML_API_BINARY") or REPO / ".build" / "release" / "accident-server")
ACCIDENT = {"an": 2021, "mois": 6, "jour": 15, "hrmn": "17:45", "dep": "2A", "agg": 2, "vma": 80,
            "vehicles": [{"catv": 7, "obsm": 2}, {"catv": 33, "motor": 1}],
            "users": [{"catu": 1, "sexe": 1, "an_nais": 1990, "secu1": 1}, {"catu": 1, "an_nais": 1971, "secu1": 2}]}
RUN_FOLDER = ["metrics.json", "model.aml", "report.html"]


def require(condition, message):
    """Skips with `message` when something is missing; under CI=true that is a failure."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: required)")
    pytest.skip(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Registry:
    """Private PostgreSQL, S3 and MLflow, the `train` binary pointed at them, and one server."""

    def __init__(self, root: pathlib.Path):
        self.private = PrivateStack(root)
        self.root = root
        self.model = f"faults-{uuid.uuid4().hex[:8]}"
        self.server = None
        self.server_log = None
        self.env = {**self.private.env,
                    "ACCIDENTML_MODEL_CACHE": str(root / "cache"),  # nothing cached by other tests
                    "ACCIDENTML_MLFLOW_RETRY_SECONDS": "2"}

    def service(self, name, verb, timeout=900):
        return subprocess.run([str(SERVICES / f"{name}.sh"), verb], capture_output=True, text=True,
                              env=dict(os.environ, **self.env), timeout=timeout)

    def train(self, *args, timeout=600):
        return subprocess.run([str(TRAIN), *map(str, args)], capture_output=True, text=True,
                              env=dict(os.environ, **self.env), timeout=timeout)

    def start_services(self):
        for name in ("postgres", "s3", "mlflow"):
            started = self.service(name, "start")
            require(started.returncode == 0, f"{name}.sh start failed (private instance): {started.stderr[-1500:]}")
        self.tracking = self.service("mlflow", "url").stdout.strip()
        assert self.tracking.startswith("http://127.0.0.1:")

    def fit(self, output, *extra):
        return self.train("fit", "--baac", self.root / "baac", "--output", output, "--quiet",
                          "--tracking-uri", self.tracking, *extra)

    def start_server(self):
        self.admin_key, self.predict_key = secrets.token_hex(16), secrets.token_hex(16)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.server_log = open(self.root / "server.log", "w")
        self.server = subprocess.Popen(
            [str(SERVER), "--host", "127.0.0.1", "--port", str(port),
             "--model", f"models:/{self.model}@champion", "--tracking-uri", self.tracking],
            stdout=self.server_log, stderr=subprocess.STDOUT,
            env=dict(os.environ, **self.env, API_KEYS=self.predict_key, ADMIN_API_KEYS=self.admin_key))
        for _ in range(300):
            if self.server.poll() is not None:
                break
            status, body = http("GET", f"{self.url}/api/v1/test", timeout=5) if self.answers() else (0, None)
            if status == 200 and body.get("model_loaded"):
                return body
            time.sleep(0.2)
        raise AssertionError(f"accident-server did not serve {self.model}@champion: "
                             f"{(self.root / 'server.log').read_text()[-3000:]}")

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", int(self.url.rsplit(":", 1)[1])), timeout=1):
                return True
        except OSError:
            return False

    def predict(self):
        status, answer = http("POST", f"{self.url}/api/v1/predict", ACCIDENT, headers={"X-API-Key": self.predict_key})
        assert status == 200, answer
        return answer

    def reload(self):
        return http("POST", f"{self.url}/api/v1/reload_model", {"model": f"models:/{self.model}@champion"},
                    headers={"X-API-Key": self.admin_key}, timeout=120)

    def close(self):
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
        if self.server_log:
            self.server_log.close()
        for name in ("mlflow", "s3", "postgres"):
            self.service(name, "stop", timeout=300)
        shutil.rmtree(self.private.tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    require(TRAIN.exists() and SERVER.exists(),
            f"no binaries at {TRAIN} and {SERVER} (swift build -c release, or set ACCIDENTML_TRAIN_BINARY "
            f"and ACCIDENTML_API_BINARY)")
    for script in ("postgres.sh", "s3.sh", "mlflow.sh"):
        require((SERVICES / script).exists(), f"scripts/services/{script} is missing")
    r = Registry(tmp_path_factory.mktemp("registry-faults"))
    try:
        r.start_services()
        generated = r.train("generate", "--accidents", "1500", "--seed", "5", "--output", r.root / "baac", "-q")
        assert generated.returncode == 0, generated.stderr
        yield r
    finally:
        r.close()


def one_line_69(proc, step_words):
    """`train` ended with exit 69 and one stderr line naming the failed step and the run folder."""
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 69, (proc.returncode, proc.stderr)
    assert len(lines) == 1, lines
    assert "tracking failed at step '" in lines[0] and all(word in lines[0] for word in step_words), lines[0]
    return lines[0]


def test_0_setup_server_on_version_1_while_the_alias_moves_to_version_2(registry):
    r = registry
    for version, trees in (("1", 20), ("2", 40)):
        fit = r.fit(r.root / f"v{version}", "--trees", trees, "--register", r.model)
        assert fit.returncode == 0, fit.stderr
        assert json.loads((r.root / f"v{version}" / "mlflow.json").read_text())["version"] == version
        promoted = r.train("registry", "promote", r.model, "--version", version, "--alias", "champion",
                           "--tracking-uri", r.tracking)
        assert promoted.returncode == 0, promoted.stderr
        if version == "1":
            health = r.start_server()
    assert health["model"]["version"] == json.loads(
        r.train("inspect", "--json", r.root / "v1" / "model.aml").stdout)["checksum"]
    r.served = health["model"]
    r.answer = r.predict()
    shown = json.loads(r.train("registry", "show", f"{r.model}@champion", "--json", "--tracking-uri", r.tracking).stdout)
    assert shown["version"] == "2"  # a reload that reached the registry would now serve version 2


def expect_old_model_serving(r):
    status, health = http("GET", f"{r.url}/api/v1/test")
    assert status == 200 and health["model"] == r.served, health
    assert r.predict() == r.answer


def stop_then_reload(r, service):
    """Stops `service`, checks it is down, asks for a reload: (status 502, body, its error object)."""
    stopped = r.service(service, "stop")
    assert stopped.returncode == 0 and r.service(service, "status").returncode == 3
    status, body = r.reload()
    assert status == 502, (status, body)
    return status, body, (body["error"] if "error" in body else body)


def test_1_s3_stopped_reload_fails_clearly_fit_exits_69(registry):
    r = registry
    status, body, error = stop_then_reload(r, "s3")
    # MLflow is up but cannot reach its artifact store: it answers 5xx to the download.
    assert error["code"] in ("registry_unavailable", "registry_bad_response"), body
    assert "previous model keeps serving" in error["message"] and "download model.aml" in error["message"], body
    print(f"\nS3 stopped, reload: {status} {error['code']}: {error['message']}")
    expect_old_model_serving(r)

    fit = r.fit(r.root / "s3-down", "--trees", "10", "--register", r.model)
    line = one_line_69(fit, ["upload"])
    print(f"S3 stopped, fit: exit 69: {line}")
    assert f"run folder {r.root / 's3-down'} is complete" in line, line
    assert sorted(p.name for p in (r.root / "s3-down").iterdir()) == RUN_FOLDER


def test_2_mlflow_stopped_reload_fails_clearly_fit_exits_69(registry):
    r = registry
    status, body, error = stop_then_reload(r, "mlflow")
    assert error["code"] == "registry_unavailable", body
    assert "unavailable" in error["message"] and "previous model keeps serving" in error["message"], body
    print(f"\nMLflow stopped, reload: {status} {error['code']}: {error['message']}")
    expect_old_model_serving(r)

    fit = r.fit(r.root / "mlflow-down", "--trees", "10")
    line = one_line_69(fit, ["experiment", "unavailable"])
    print(f"MLflow stopped, fit: exit 69: {line}")
    assert f"run folder {r.root / 'mlflow-down'} is complete" in line, line
    assert sorted(p.name for p in (r.root / "mlflow-down").iterdir()) == RUN_FOLDER
