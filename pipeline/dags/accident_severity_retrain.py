"""accident_severity_retrain: a new BAAC year in -> a better model served, or nothing changed.

validate -> ingest -> train_challenger -> evaluate -> quality_gate -> promote -> reload_api -> smoke_test

Every step that touches data or models calls the Swift `train` CLI (binary from the Variable
accidentml_train_bin); Python here only decides. Started by accident_landing_watch when a year
lands in LANDING_DIR/<year>/, or by hand with the `folder` param. docs/pipeline.md explains each
task, the gate and the failure modes.
"""

from __future__ import annotations

import json
import shlex
from datetime import datetime, timedelta
from pathlib import Path

from airflow.sdk import DAG, Param, task

from accidentml import cli, gate, landing, settings

SMOKE_RECORD = Path(__file__).parent / "accidentml" / "smoke_record.json"

# The database and the tracking server reach `train` through its environment, never its arguments.
TRAIN_ENV = {
    "DATABASE_URL": "{{ conn.accidentml_db.get_uri() }}",
    "MLFLOW_TRACKING_URI": "{{ var.value.get('accidentml_mlflow_uri', '') }}",
}

with DAG(
    dag_id="accident_severity_retrain",
    description="Validate, store and learn from a new BAAC year; promote the challenger only if it is as good.",
    schedule=None,  # runs come from accident_landing_watch or a manual trigger
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,  # years are learnt one after another
    tags=["accidentml"],
    default_args={
        "retries": 2,
        "retry_delay": timedelta(seconds=15),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=5),
        "execution_timeout": timedelta(minutes=30),
    },
    params={
        "folder": Param("", type="string", description="The BAAC year's folder (LANDING_DIR/<year>/)."),
        "skip_bad_rows": Param(False, type="boolean", description="Skip bad rows instead of failing the run."),
        "window": Param(0, type="integer", minimum=0,
                        description="Train on this many years before the new one (0: every stored older year)."),
        "trees": Param(300, type="integer", minimum=1, description="Most boosting rounds of the challenger."),
        "model_name": Param("accident-severity", type="string", description="Registered model name."),
        "auc_tolerance": Param(0.005, type="number", minimum=0,
                               description="The challenger's AUC may be this much below the champion's."),
        "logloss_tolerance": Param(0.01, type="number", minimum=0,
                                   description="Its log-loss may be this much above the champion's."),
        "min_auc": Param(0.60, type="number", minimum=0, maximum=1, description="Floor when there is no champion."),
        "max_logloss": Param(0.70, type="number", minimum=0, description="Bound when there is no champion."),
    },
) as dag:

    def folder_of(params) -> str:
        folder = params["folder"]
        if not folder:
            raise ValueError("no folder: trigger with {\"folder\": \"LANDING_DIR/<year>\"}")
        return folder

    @task.bash(env={"TRAIN_BIN": "{{ var.value.accidentml_train_bin }}"}, append_env=True,
               retries=0, execution_timeout=timedelta(minutes=10))
    def validate(params=None) -> str:
        """Reads the year with the project's reader; the integrity report is the task log. Bad data fails at once."""
        flag = "--skip-bad-rows " if params["skip_bad_rows"] else ""
        return f'"$TRAIN_BIN" validate {flag}{shlex.quote(folder_of(params))}'

    @task.bash(env={**TRAIN_ENV, "TRAIN_BIN": "{{ var.value.accidentml_train_bin }}"}, append_env=True)
    def ingest(params=None) -> str:
        """Stores the year in PostgreSQL, one transaction that replaces the year: re-running stores it once."""
        flag = "--skip-bad-rows " if params["skip_bad_rows"] else ""
        return f'"$TRAIN_BIN" ingest {flag}{shlex.quote(folder_of(params))}'

    @task.bash(env={**TRAIN_ENV, "TRAIN_BIN": "{{ var.value.accidentml_train_bin }}",
                    "WORK_DIR": "{{ var.value.get('accidentml_work_dir', '/tmp/accidentml-pipeline') }}"},
               append_env=True, execution_timeout=timedelta(hours=2))
    def train_challenger(params=None, run_id=None) -> str:
        """Fits on the stored years before the new one, tracked in MLflow and registered; prints mlflow.json.

        A re-run finds the run folder's mlflow.json and registers nothing twice.
        """
        year = landing.year_of(folder_of(params))
        first = year - params["window"] if params["window"] else 1900
        out = f'"$WORK_DIR"/{shlex.quote(run_id)}/challenger'
        return (f"set -euo pipefail; mkdir -p \"$WORK_DIR\"/{shlex.quote(run_id)}; "
                f"if ! grep -qs '\"version\" *: *\"[0-9]' {out}/mlflow.json; then "
                f"rm -rf {out}; \"$TRAIN_BIN\" fit --years {first}-{year - 1} --trees {params['trees']} "
                f"--seed 1 --output {out} --experiment accident-severity --register {shlex.quote(params['model_name'])}; "
                f"else echo 'challenger already trained in this run'; fi; "
                f"tr -d '\\n' < {out}/mlflow.json; echo")

    @task
    def evaluate(challenger_json: str, params=None, run_id=None) -> dict:
        """Scores challenger and champion on the new year (never trained on), logged to the challenger's run."""
        s = settings.load()
        challenger = json.loads(challenger_json)
        name, year = params["model_name"], landing.year_of(folder_of(params))
        folder = s.run_folder(run_id)
        result = {"challenger_version": challenger["version"], "run_id": challenger["run_id"], "year": year}
        champion = cli.registry_show(s.train_bin, f"{name}@champion", s.env)
        contenders = [("challenger", challenger["version"], "heldout_")]
        if champion is not None:
            result["champion_version"] = str(champion["version"])
            contenders.append(("champion", str(champion["version"]), "champion_heldout_"))
        for role, version, prefix in contenders:
            out = folder / f"eval-{role}"
            cli.run_train(s.train_bin, ["evaluate", "--model", f"models:/{name}/{version}", "--years", f"{year}-{year}",
                                        "--output", str(out), "--run-id", challenger["run_id"],
                                        "--metric-prefix", prefix, "-q"], env=s.env)
            result[role] = cli.held_out_metrics(out / "metrics.json")
        return result

    @task.short_circuit
    def quality_gate(evaluation: dict, params=None) -> bool:
        """Promote only a challenger as good as the champion (or above the floors); else the run ends here."""
        s = settings.load()
        decision = gate.decide(evaluation["challenger"], evaluation.get("champion"), gate.GateParams(
            auc_tolerance=params["auc_tolerance"], logloss_tolerance=params["logloss_tolerance"],
            min_auc=params["min_auc"], max_logloss=params["max_logloss"]))
        verdict = "promoted" if decision.promote else "not promoted"
        print(f"quality gate: {verdict}: {decision.reason}")
        cli.run_train(s.train_bin, ["registry", "tag", "--run-id", evaluation["run_id"],
                                    f"gate={verdict}", f"gate_reason={decision.reason}"], env=s.env)
        return decision.promote

    @task
    def promote(evaluation: dict, params=None) -> str:
        """Moves the alias `champion` to the challenger's version (setting an alias twice is harmless)."""
        s = settings.load()
        version = evaluation["challenger_version"]
        cli.run_train(s.train_bin, ["registry", "promote", params["model_name"], "--version", str(version),
                                    "--alias", "champion"], env=s.env)
        return str(version)

    @task(retries=4)
    def reload_api(version: str, params=None) -> dict:
        """Asks the prediction server to load the alias; the admin key comes from the accidentml_api Connection."""
        import requests

        s = settings.load()
        answer = requests.post(f"{s.api_url}/api/v1/reload_model", headers={"X-API-Key": s.admin_key},
                               json={"model": f"models:/{params['model_name']}@champion"}, timeout=60)
        answer.raise_for_status()
        print(f"reload: {answer.status_code} in {answer.elapsed.total_seconds():.3f} s: {answer.text[:300]}")
        return {"version": version}

    @task(retries=3)
    def smoke_test(reloaded: dict, params=None, run_id=None) -> None:
        """One live prediction equals `train predict-record` on the same record with the same model version."""
        import requests

        s = settings.load()
        folder = s.run_folder(run_id)
        model_file = folder / "champion.aml"
        cli.run_train(s.train_bin, ["registry", "download", f"{params['model_name']}/{reloaded['version']}",
                                    "--output", str(model_file)], env=s.env)
        expected = json.loads(cli.run_train(s.train_bin, ["predict-record", "--model", str(model_file),
                                                          str(SMOKE_RECORD)], env=s.env))
        served = requests.post(f"{s.api_url}/api/v1/predict", data=SMOKE_RECORD.read_bytes(), timeout=30,
                               headers={"X-API-Key": s.predict_key, "Content-Type": "application/json"})
        served.raise_for_status()
        live = served.json()
        print(f"live: {live}\ncli:  {expected}")
        problems = [key for key in ("model_version", "predicted_class") if live.get(key) != expected.get(key)]
        if {k: float(v) for k, v in live["probabilities"].items()} != {k: float(v) for k, v in expected["probabilities"].items()}:
            problems.append("probabilities")
        if problems:
            raise RuntimeError(f"smoke test: the live API and the CLI differ in {', '.join(problems)}")

    challenger = train_challenger()
    validate() >> ingest() >> challenger
    evaluation = evaluate(challenger)
    promoted = promote(evaluation)
    quality_gate(evaluation) >> promoted
    smoke_test(reload_api(promoted))
