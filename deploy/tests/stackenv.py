"""Helpers of the stack tests: running scripts/stack.sh in a private folder and reading its output."""
import json
import os
import pathlib
import re
import subprocess
import tempfile
import urllib.error
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
STACK = REPO / "scripts" / "stack.sh"
# Each service script keeps its state in this variable's file (ACCIDENTML_<NAME>_STATE).
STATE_VARIABLES = {
    "postgres": "ACCIDENTML_PG_STATE", "adminer": "ACCIDENTML_ADMINER_STATE", "s3": "ACCIDENTML_S3_STATE",
    "mlflow": "ACCIDENTML_MLFLOW_STATE", "redis": "ACCIDENTML_REDIS_STATE",
    "airflow": "ACCIDENTML_AIRFLOW_STATE", "flower": "ACCIDENTML_FLOWER_STATE", "api": "ACCIDENTML_API_STATE",
}


def run(args, env=None, timeout=600, check=True):
    """Runs a command with the environment plus `env`; returns stdout (raises with stderr on failure)."""
    full_env = dict(os.environ, **(env or {}))
    proc = subprocess.run(args, capture_output=True, text=True, env=full_env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc.stdout


def describe():
    """scripts/stack.sh's service table."""
    rows = []
    for line in run([str(STACK), "describe"]).splitlines():
        name, script, tier, port_var, port = line.split("\t")
        rows.append({"name": name, "script": script, "tier": tier, "port_var": port_var,
                     "default_port": None if port == "-" else int(port)})
    return rows


def env_example():
    """deploy/.env.example as a dict."""
    values = {}
    for line in (REPO / "deploy" / ".env.example").read_text().splitlines():
        match = re.match(r"^([A-Z_][A-Z0-9_]*)=(.*)$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def read_env_file(path):
    """A shell KEY='value' file as a dict (the stack env file, the service state files)."""
    values = {}
    for line in pathlib.Path(path).read_text().splitlines():
        match = re.match(r"^([A-Z_][A-Z0-9_]*)='(.*)'$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


class PrivateStack:
    """scripts/stack.sh with every state file, data folder and backup under one private folder.

    A marker variable in the environment of every process the stack starts lets the tests find
    (and count) them afterwards, whatever their command line.
    """

    def __init__(self, root: pathlib.Path):
        self.root = root
        self.marker = f"stack-test-{os.getpid()}-{root.name}"
        # The services' data folders: directly under the system's temporary folder, since
        # PostgreSQL runs as the postgres OS user when the tests run as root and must reach it
        # (pytest's own temporary folders are private to their user).
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="accidentml-stacktest-"))
        tmp.chmod(0o711)
        self.tmp = tmp
        self.env = {
            "TMPDIR": str(tmp),
            "ACCIDENTML_STACK_ENV": str(root / "stack.env"),
            "ACCIDENTML_STACK_BACKUP": str(root / "backup"),
            "ACCIDENTML_STACK_RUN_DIR": str(root / "runs" / "stack-default"),
            "ACCIDENTML_STACK_TEST_MARKER": self.marker,
        }
        for name, variable in STATE_VARIABLES.items():
            self.env[variable] = str(root / "state" / f"{name}.state")

    def stack(self, *args, timeout=3600, check=True):
        full_env = dict(os.environ, **self.env)
        proc = subprocess.run([str(STACK), *args], capture_output=True, text=True, env=full_env, timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"stack.sh {' '.join(args)} exited {proc.returncode}\n"
                                 f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-6000:]}")
        return proc

    def status(self):
        """The status table as {service: {runner, url, health, pid}} and the exit status."""
        proc = self.stack("status", check=False, timeout=600)
        rows = {}
        for line in proc.stdout.splitlines()[1:]:
            name, runner, url, health, pid = line.split()
            rows[name] = {"runner": runner, "url": url, "health": health, "pid": pid}
        return rows, proc.returncode

    def settings(self):
        return read_env_file(self.env["ACCIDENTML_STACK_ENV"])

    def state(self, name):
        default = REPO / ".services" / f"{name}.state"
        return read_env_file(self.env.get(STATE_VARIABLES[name], default))

    def marked_pids(self):
        """Every live process whose environment carries this stack's marker."""
        pids = []
        needle = f"ACCIDENTML_STACK_TEST_MARKER={self.marker}".encode()
        for entry in pathlib.Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    pids.append(int(entry.name))
            except OSError:
                continue
        return pids

    def total_rss_kib(self):
        """Resident memory of every process of the stack, summed (KiB)."""
        total = 0
        for pid in self.marked_pids():
            try:
                for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                continue
        return total


def listeners():
    """Every listening TCP socket of the machine as (address, port, {pids}), from `ss -Hltnp`."""
    found = []
    for line in run(["ss", "-Hltnp"]).splitlines():
        fields = line.split()
        address, _, port = fields[3].rpartition(":")
        pids = {int(pid) for pid in re.findall(r"pid=(\d+)", line)}
        found.append((address.strip("[]"), int(port), pids))
    return found


def http(method, url, body=None, headers=None, auth=None, timeout=30):
    """(status, parsed JSON or text) of one HTTP request; errors are answers, not exceptions."""
    data = None
    headers = dict(headers or {})
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    if auth:
        import base64
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    text = raw.decode(errors="replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text
