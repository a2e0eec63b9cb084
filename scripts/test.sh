#!/usr/bin/env bash
# The test command of the README: installs what the tests need, starts the services they use,
# runs the whole suite (Swift Testing), and stops the services again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
