"""Test setup: the DAG folder on sys.path, and a throwaway AIRFLOW_HOME so that parsing DAGs writes nothing in $HOME."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "pipeline" / "dags"
sys.path.insert(0, str(DAGS))

if "AIRFLOW_HOME" not in os.environ:
    os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="pipeline-pytest-home-")
    atexit.register(shutil.rmtree, os.environ["AIRFLOW_HOME"], True)
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS))


def require(condition: bool, message: str) -> None:
    """Skips with `message` when a service or tool is missing; under CI=true that is a failure."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: required)")
    pytest.skip(message)
