"""accident_landing_watch: a sensor on LANDING_DIR that starts accident_severity_retrain once per landed year.

Every minute a sensor looks for year folders (LANDING_DIR/<year>/) holding the four BAAC files,
untouched for `settle_seconds`; each one found triggers accident_severity_retrain with its folder.
The run id carries a fingerprint of the files, so the same files never start two runs, and a
year landed again with other files starts a new one. LANDING_DIR is the Variable
accidentml_landing_dir; without it the sensor finds nothing. The Variable accidentml_retrain_conf
(JSON, optional) adds params to every triggered run, e.g. {"model_name": "...", "trees": 500}.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator
from airflow.sdk import DAG, Param, PokeReturnValue, Variable, task

from accidentml import landing

with DAG(
    dag_id="accident_landing_watch",
    description="Start accident_severity_retrain for each BAAC year that lands in LANDING_DIR/<year>/.",
    schedule=timedelta(minutes=1),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["accidentml"],
    params={"settle_seconds": Param(10, type="integer", minimum=0,
                                    description="A year counts as landed once its files are this old.")},
) as dag:

    @task.sensor(poke_interval=10, timeout=45, mode="reschedule", soft_fail=True)  # no worker slot held between pokes
    def landed_years(params=None) -> PokeReturnValue:
        """Year folders ready to learn from (skipped when none within the minute)."""
        root = Variable.get("accidentml_landing_dir", default="")
        found = landing.landed(root, settle_seconds=params["settle_seconds"]) if root else []
        extra = Variable.get("accidentml_retrain_conf", default={}, deserialize_json=True)
        triggers = [{"trigger_run_id": y["run_id"], "conf": {**extra, "folder": y["folder"]}} for y in found]
        return PokeReturnValue(is_done=bool(triggers), xcom_value=triggers)

    TriggerDagRunOperator.partial(
        task_id="start_retrain",
        trigger_dag_id="accident_severity_retrain",
        skip_when_already_exists=True,  # a year already started is not started again
        retries=2,
    ).expand_kwargs(landed_years())
