#!/usr/bin/env bash
# The pipeline's test suite: creates the venv, starts PostgreSQL, Redis, Airflow and Flower
# (reusing running ones), then runs pytest on pipeline/tests/ from the venv.
#
#   scripts/test-pipeline.sh [pytest args...]
#
# The end-to-end test (pipeline/tests/test_e2e.py) also needs the `train` binary with the
# registry commands, MLflow (scripts/services/mlflow.sh, s3.sh) and the prediction server
# (scripts/services/api.sh); see docs/pipeline.md. pytest's exit 5 (no test collected) fails.
# ACCIDENTML_TRAIN_BINARY / ACCIDENTML_API_BINARY name prebuilt binaries (else .build/release,
# then .build/debug).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
services="$repo/scripts/services"
started=$SECONDS

venv="$("$services/airflow.sh" venv)"
"$services/postgres.sh" start
"$services/redis.sh" start
"$services/airflow.sh" start
"$services/flower.sh" start
echo "test-pipeline.sh: services up in $((SECONDS - started)) s" >&2

set +e
(cd "$repo" && "$venv/bin/pytest" -q -ra pipeline/tests "$@")
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "test-pipeline.sh: pytest collected no test: that is a failure" >&2
    exit 1
fi
echo "test-pipeline.sh: done in $((SECONDS - started)) s (pytest exit $status)" >&2
exit "$status"
