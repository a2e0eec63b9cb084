#!/usr/bin/env bash
# The test command of the README: installs what the tests need, starts the services they use,
# runs the whole suite (Swift Testing), and stops the services again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The services the tests use: PostgreSQL (AccidentStore, MLflow's backend), the S3 store and
# MLflow (registry tests). One already running is reused (and left running); one started here
# is stopped on exit, in reverse order.
started=()
stop_started() {
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do scripts/services/"${started[i]}".sh stop || true; done
}
trap stop_started EXIT
for service in postgres s3 mlflow; do
    if ! scripts/services/$service.sh status >/dev/null; then
        started+=("$service")
        seconds=$SECONDS
        scripts/services/$service.sh start
        echo "test.sh: $service started in $((SECONDS - seconds)) s" >&2
    fi
done
export ACCIDENTML_DATABASE_URL="${ACCIDENTML_DATABASE_URL:-$(scripts/services/postgres.sh url)}"
export ACCIDENTML_MLFLOW_URI="${ACCIDENTML_MLFLOW_URI:-$(scripts/services/mlflow.sh url)}"
# ACCIDENTML_SKIP_BUILD=1: the caller has built already (scripts/test-kernels.sh runs the suite 4 times).
[ "${ACCIDENTML_SKIP_BUILD:-}" = 1 ] || swift build --build-tests
# Suites run in parallel. Tests that block a Swift concurrency thread (a request held inside the
# model, the train tool's database commands) never wait on work that needs another one: the
# database commands run on threads of their own, so a 2-core machine's 2-thread pool cannot starve.
swift test --skip-build "$@"
