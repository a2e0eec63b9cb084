#!/usr/bin/env bash
# The Swift suite once under ThreadSanitizer (training and inference are multi-threaded):
#
#   scripts/test-sanitizers.sh [swift test arguments, e.g. --filter AccidentMLTests]
#
# Builds with `--sanitize=thread` in its own scratch folder (.build-tsan/, so the normal debug
# build stays as it is), then runs the suite through scripts/test.sh (Swift part only, the same
# services: PostgreSQL, S3, MLflow, started once and stopped again). Every ThreadSanitizer
# report is kept in .build-tsan/tsan-reports.*; the summary line gives tests, failures and races.
# Exits non-zero on a failing test or any race.
#
# Time (2 cores shared with other builds, docs/testing.md): the first build is a full build of
# every target and dependency with the sanitizer, 30-40 min; the run itself, ~2-5 times slower
# than without it.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-tsan
log=$scratch/tsan-suite.log
mkdir -p "$scratch"
rm -f "$scratch"/tsan-reports.*

start=$SECONDS
swift build --build-tests --sanitize=thread --scratch-path "$scratch" 2>&1 | grep -E "error:|Compiling|Build" | tail -3
build_seconds=$((SECONDS - start))

# halt_on_error=0: report every race and go on; log_path: one report file per process.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1 log_path=$PWD/$scratch/tsan-reports}"
start=$SECONDS
set +e
ACCIDENTML_SWIFT_ONLY=1 ACCIDENTML_SKIP_BUILD=1 \
    scripts/test.sh --sanitize=thread --scratch-path "$scratch" "$@" >"$log" 2>&1
status=$?
set -e
test_seconds=$((SECONDS - start))

reports=$(cat "$scratch"/tsan-reports.* 2>/dev/null || true)
races=$(grep -c "WARNING: ThreadSanitizer: data race" <<<"$reports" || true)
others=$(grep -E "WARNING: ThreadSanitizer:" <<<"$reports" | grep -vc "data race" || true)
# XCTest's "Executed N tests, with F failures" and Swift Testing's "Test run with N tests ... passed/failed".
xctest=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1 || true)
testing=$(grep -E "Test run with [0-9]+ tests" "$log" | tail -1 || true)
echo "test-sanitizers: build ${build_seconds} s, tests ${test_seconds} s, status $status"
echo "test-sanitizers: XCTest: ${xctest:-none}"
echo "test-sanitizers: Swift Testing: ${testing:-none}"
echo "test-sanitizers: ThreadSanitizer: $races data races, $others other reports (log $log, reports $scratch/tsan-reports.*)"
if [ "$races" -gt 0 ] || [ "$others" -gt 0 ]; then
    grep -A12 -E "WARNING: ThreadSanitizer" <<<"$reports" | grep -E "WARNING|#[0-3] " | head -40
fi
[ "$status" -eq 0 ] && [ "$races" -eq 0 ] && [ "$others" -eq 0 ]
