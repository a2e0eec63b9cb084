#!/usr/bin/env bash
# The test command of the README: installs what the tests need, starts the services they use,
# runs the whole suite (Swift Testing), and stops the services again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# PostgreSQL for the AccidentStore tests: one already running is reused (and left running),
# one started here is stopped on exit.
if ! scripts/services/postgres.sh status >/dev/null; then
    scripts/services/postgres.sh start
    trap 'scripts/services/postgres.sh stop' EXIT
fi
export ACCIDENTML_DATABASE_URL="${ACCIDENTML_DATABASE_URL:-$(scripts/services/postgres.sh url)}"
swift build --build-tests
# Serial: some server tests hold a concurrency thread while a request waits inside the model;
# on a 2-core machine, running them beside other async suites can starve the 2-thread pool.
swift test --skip-build --no-parallel "$@"
