"""The DAGs parse, with the tasks, order, params and retry policy of docs/pipeline.md."""

import pytest
from airflow.dag_processing.dagbag import DagBag

from conftest import DAGS

ORDER = ["validate", "ingest", "train_challenger", "evaluate", "quality_gate", "promote", "reload_api", "smoke_test"]


@pytest.fixture(scope="module")
def dagbag():
    return DagBag(dag_folder=str(DAGS))


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == {"accident_severity_retrain", "accident_landing_watch"}


def test_tasks_and_their_order(dagbag):
    dag = dagbag.dags["accident_severity_retrain"]
    assert sorted(dag.task_ids) == sorted(ORDER)
    for before, after in zip(ORDER, ORDER[1:]):
        assert after in dag.get_task(before).downstream_task_ids, f"{before} -> {after}"
    # The gate decides before promotion; evaluation feeds both.
    assert dag.get_task("promote").upstream_task_ids == {"evaluate", "quality_gate"}
    assert dag.get_task("smoke_test").downstream_task_ids == set()


def test_params_defaults_and_types(dagbag):
    params = dagbag.dags["accident_severity_retrain"].params
    expected = {
        "folder": ("", "string"), "skip_bad_rows": (False, "boolean"), "window": (0, "integer"),
        "trees": (300, "integer"), "model_name": ("accident-severity", "string"),
        "auc_tolerance": (0.005, "number"), "logloss_tolerance": (0.01, "number"),
        "min_auc": (0.6, "number"), "max_logloss": (0.7, "number"),
    }
    assert set(params.keys()) == set(expected)
    for name, (default, kind) in expected.items():
        param = params.get_param(name)
        assert param.value == default, name
        assert param.schema["type"] == kind, name


def test_retries_backoff_and_timeouts(dagbag):
    dag = dagbag.dags["accident_severity_retrain"]
    assert dag.max_active_runs == 1
    for task in dag.tasks:
        assert task.execution_timeout is not None, task.task_id
        if task.task_id == "validate":
            assert task.retries == 0  # bad data does not get better by retrying
        else:
            assert task.retries >= 2 and task.retry_exponential_backoff, task.task_id


def test_validate_and_ingest_call_the_cli_with_the_param(dagbag):
    dag = dagbag.dags["accident_severity_retrain"]
    assert dag.get_task("validate").task_type.lower().startswith("_bash")
    assert dag.get_task("ingest").env["DATABASE_URL"] == "{{ conn.accidentml_db.get_uri() }}"


def test_landing_watch_triggers_the_retrain_dag(dagbag):
    dag = dagbag.dags["accident_landing_watch"]
    assert sorted(dag.task_ids) == ["landed_years", "start_retrain"]
    trigger = dag.get_task("start_retrain")
    assert trigger.partial_kwargs["trigger_dag_id"] == "accident_severity_retrain"
    assert "start_retrain" in dag.get_task("landed_years").downstream_task_ids
