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
# ACCIDENTML_SKIP_BUILD=1: the caller has built already (scripts/test-kernels.sh runs the suite 4 times).
[ "${ACCIDENTML_SKIP_BUILD:-}" = 1 ] || swift build --build-tests
# Suites run in parallel. Tests that block a Swift concurrency thread (a request held inside the
# model, the train tool's database commands) never wait on work that needs another one: the
# database commands run on threads of their own, so a 2-core machine's 2-thread pool cannot starve.
swift test --skip-build "$@"
