"""Screenshots of the running stack's web pages into docs/images/, with Debian's headless Chromium.

    .venv-stack-tests/bin/python deploy/screenshots.py [--env .services/stack.env] [--out docs/images]

Logs in where a page needs it, as a person would: Adminer by its login form (the password typed
in), Airflow with a token from its /auth/token route set as its session cookie, Flower with basic
auth. Drives Chromium over the DevTools protocol (websocket-client).
"""
import argparse
import base64
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "tests"))
from stackenv import REPO, http, read_env_file  # noqa: E402


class Browser:
    def __init__(self, width=1280, height=800):
        self.profile = tempfile.mkdtemp(prefix="stack-chromium-")
        self.proc = subprocess.Popen(
            [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--hide-scrollbars", "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port_file = pathlib.Path(self.profile) / "DevToolsActivePort"
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.call("Page.enable")
        self.call("Network.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url, settle=3.0, headers=None):
        if headers:
            self.call("Network.setExtraHTTPHeaders", headers=headers)
        self.call("Page.navigate", url=url)
        time.sleep(settle)

    def run(self, script, settle=3.0):
        self.call("Runtime.evaluate", expression=script, awaitPromise=True)
        time.sleep(settle)

    def shot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))
        print(f"wrote {path}")

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():  # noqa: C901 (one page after the other)
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default=str(REPO / ".services" / "stack.env"))
    parser.add_argument("--out", default=str(REPO / "docs" / "images"))
    parser.add_argument("--only", default="", help="comma-separated: api,adminer,mlflow,airflow,flower")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    env = read_env_file(args.env)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        if env.get("APP_URL"):
            browser.open(f"{env['APP_URL']}/api/docs")
            browser.shot(out / "stack-api-docs.png")
        # Adminer: the pre-filled form, the password typed in, then the accidents tables.
        browser.open(env["ADMINER_URL"])
        browser.shot(out / "stack-adminer-login.png")
        password = json.dumps(env["POSTGRES_PASSWORD"])
        browser.run(f"document.querySelector('input[name=\"auth[password]\"]').value = {password};"
                    "document.querySelector('input[type=submit][value=Login]').click();")
        browser.shot(out / "stack-adminer.png")
        if only and not only & {"mlflow", "airflow", "flower"}:
            return
        browser.open(env["MLFLOW_TRACKING_URI"] + "/#/models", settle=8)
        # First-visit announcements (a modal, the assistant panel) cover the page: close them.
        browser.run("document.querySelectorAll('[aria-label=Close], [aria-label=close]').forEach(b => b.click());", settle=2)
        browser.shot(out / "stack-mlflow.png")
        # The champion's run: its metrics, tags (the pipeline's gate verdict) and status.
        mlflow = env["MLFLOW_TRACKING_URI"]
        status, alias = http("GET", f"{mlflow}/api/2.0/mlflow/registered-models/alias?name="
                                    f"{env.get('MLFLOW_MODEL_NAME', 'accident-severity')}&alias=champion")
        if status == 200:
            run_id = alias["model_version"]["run_id"]
            _, run = http("GET", f"{mlflow}/api/2.0/mlflow/runs/get?run_id={run_id}")
            browser.open(f"{mlflow}/#/experiments/{run['run']['info']['experiment_id']}/runs/{run_id}", settle=8)
            browser.run("document.querySelectorAll('[aria-label=Close], [aria-label=close]').forEach(b => b.click());", settle=2)
            browser.shot(out / "stack-mlflow-run.png")
        status, token = http("POST", f"{env['AIRFLOW_URL']}/auth/token",
                             {"username": env["AIRFLOW_ADMIN_USER"], "password": env["AIRFLOW_ADMIN_PASSWORD"]})
        if status in (200, 201):
            browser.call("Network.setCookie", name="_token", value=token["access_token"], url=env["AIRFLOW_URL"])
        browser.open(env["AIRFLOW_URL"] + "/dags", settle=15)
        browser.shot(out / "stack-airflow.png")
        basic = base64.b64encode(f"{env['FLOWER_USER']}:{env['FLOWER_PASSWORD']}".encode()).decode()
        browser.open(env["FLOWER_URL"] + "/workers", settle=4, headers={"Authorization": f"Basic {basic}"})
        browser.shot(out / "stack-flower.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
