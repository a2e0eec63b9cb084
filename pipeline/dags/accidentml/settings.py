"""Where the pipeline finds its tools and services: Airflow Variables and Connections, read at run time.

Variables: accidentml_train_bin (the `train` binary), accidentml_mlflow_uri (tracking URI),
accidentml_work_dir (run folders; default /tmp/accidentml-pipeline), accidentml_landing_dir.
Connections: accidentml_db (postgres: the accident database), accidentml_api (http: the
prediction server; password = an administrator key, extra {"predict_key": ...}).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What a task needs to call the CLIs and the API."""

    train_bin: str
    mlflow_uri: str
    work_dir: Path
    database_url: str
    api_url: str
    admin_key: str
    predict_key: str

    @property
    def env(self) -> dict[str, str]:
        """Environment for `train`: the database and the tracking server (never on the command line)."""
        return {"DATABASE_URL": self.database_url, "MLFLOW_TRACKING_URI": self.mlflow_uri}

    def run_folder(self, run_id: str) -> Path:
        """This DAG run's folder of outputs (one per run: re-running a task finds its own outputs)."""
        folder = self.work_dir / run_id.replace(":", "_").replace("+", "_")
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def load() -> Settings:
    """Reads the Variables and Connections (inside a task: they are not read when the DAG is parsed)."""
    from airflow.sdk import Connection, Variable

    db = Connection.get("accidentml_db")
    api = Connection.get("accidentml_api")
    extra = api.extra_dejson or {}
    scheme = api.schema or "http"
    return Settings(
        train_bin=Variable.get("accidentml_train_bin"),
        mlflow_uri=Variable.get("accidentml_mlflow_uri"),
        work_dir=Path(Variable.get("accidentml_work_dir", default="/tmp/accidentml-pipeline")),
        database_url=f"postgres://{db.login}:{db.password}@{db.host}:{db.port}/{db.schema}?sslmode=disable",
        api_url=f"{scheme}://{api.host}:{api.port}",
        admin_key=api.password or "",
        predict_key=extra.get("predict_key", api.password or ""),
    )
