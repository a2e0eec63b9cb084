#!/usr/bin/env bash
# The test command of the README: installs what the tests need, starts each service the tests
# use once, runs the three suites, and stops the services again:
#   1. Swift (swift test): core, CLIs, server, store, registry client, against PostgreSQL, S3, MLflow;
#   2. the pipeline (pytest, pipeline/tests): the DAG, the gate, the services, and the end-to-end
#      runs on Airflow's Celery worker with Redis, Flower, MLflow and the prediction server;
#   3. the stack (pytest, deploy/tests): the compose file, and scripts/stack.sh bringing up a
#      private copy of the whole platform from nothing, then down.
#
#   scripts/test.sh [swift test arguments]     # ACCIDENTML_SWIFT_ONLY=1 runs only part 1
#
# A service already running is reused (and left running); one started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
started=()
stop_started() {
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do scripts/services/"${started[i]}".sh stop || true; done
}
trap stop_started EXIT
start_service() {
    if ! scripts/services/"$1".sh status >/dev/null; then
        started+=("$1")
        local seconds=$SECONDS
        scripts/services/"$1".sh start
        echo "test.sh: $1 started in $((SECONDS - seconds)) s" >&2
    fi
}
for service in postgres s3 mlflow; do start_service "$service"; done
export ACCIDENTML_DATABASE_URL="${ACCIDENTML_DATABASE_URL:-$(scripts/services/postgres.sh url)}"
export ACCIDENTML_MLFLOW_URI="${ACCIDENTML_MLFLOW_URI:-$(scripts/services/mlflow.sh url)}"
# ACCIDENTML_SKIP_BUILD=1: the caller has built already (scripts/test-kernels.sh runs the suite 4 times).
[ "${ACCIDENTML_SKIP_BUILD:-}" = 1 ] || swift build --build-tests
# Suites run in parallel. Tests that block a Swift concurrency thread (a request held inside the
# model, the train tool's database commands) never wait on work that needs another one: the
# database commands run on threads of their own, so a 2-core machine's 2-thread pool cannot starve.
swift test --skip-build "$@"
[ "${ACCIDENTML_SWIFT_ONLY:-}" = 1 ] && exit 0

# The pipeline: Redis, Airflow (api-server, scheduler, dag-processor, Celery worker) and Flower.
for service in redis airflow flower; do start_service "$service"; done
scripts/test-pipeline.sh
# The stack: its own private services (debug binaries: no second, release build in CI).
ACCIDENTML_TRAIN_BINARY="$PWD/.build/debug/train" ACCIDENTML_API_BINARY="$PWD/.build/debug/accident-server" \
    deploy/tests/run.sh
echo "test.sh: all suites passed" >&2
