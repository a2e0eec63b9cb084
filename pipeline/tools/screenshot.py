"""Screenshot of an Airflow UI page with Debian's headless Chromium, logged in as the state file's admin.

    .venv-airflow/bin/python pipeline/tools/screenshot.py /dags/accident_severity_retrain docs/images/grid.png

Logs in through the REST API (POST /auth/token), gives the browser the token as the UI's `_token`
cookie over the DevTools protocol, loads the page, waits for it to render and saves a PNG.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from websockets.sync.client import connect

REPO = Path(__file__).resolve().parents[2]


def state() -> dict[str, str]:
    values = {}
    for line in (REPO / ".services" / "airflow.state").read_text().splitlines():
        key, _, value = line.partition("=")
        values[key] = value.strip("'")
    return values


def main(path: str, output: str, width: int = 1600, height: int = 1000, wait: float = 30) -> None:
    s = state()
    url = s["AIRFLOW_URL"]
    token = requests.post(f"{url}/auth/token", json={"username": s["AIRFLOW_ADMIN_USER"],
                                                     "password": s["AIRFLOW_ADMIN_PASSWORD"]}, timeout=30).json()["access_token"]
    port = 9333
    profile = tempfile.mkdtemp(prefix="pipeline-chromium-")
    browser = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
                                f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                pages = requests.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
                page = next(p for p in pages if p["type"] == "page")
                break
            except Exception:
                time.sleep(0.2)
        with connect(page["webSocketDebuggerUrl"], max_size=None) as ws:
            ids = iter(range(1, 1000))

            def call(method: str, **params):
                message_id = next(ids)
                ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
                while True:
                    answer = json.loads(ws.recv())
                    if answer.get("id") == message_id:
                        return answer.get("result", {})

            call("Network.enable")
            call("Network.setCookie", name="_token", value=token, url=url)
            call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
            call("Page.navigate", url=f"{url}{path}")
            time.sleep(wait)
            shot = call("Page.captureScreenshot", format="png")
        Path(output).write_bytes(base64.b64decode(shot["data"]))
        print(f"wrote {output}")
    finally:
        browser.terminate()
        browser.wait(timeout=30)
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
