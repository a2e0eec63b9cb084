#!/usr/bin/env bash
# Runs the whole test suite once per OpenBLAS kernel set a user's x86-64 machine may pick
# (OPENBLAS_CORETYPE=Prescott, Haswell, SkylakeX) and once single-threaded
# (OPENBLAS_NUM_THREADS=1), to show that no numerical test depends on the BLAS kernel's summation
# order or thread split. Prints one summary line per setting; exits non-zero if any setting fails.
#
#   scripts/test-kernels.sh [swift test arguments, e.g. --filter AccidentMLTests]
#
# Setting OPENBLAS_CORETYPE is the point of this script only: the tests and CI never set it.
# Each setting goes through scripts/test.sh (services started as usual); the build happens once,
# before the first setting. Logs: .build/test-kernels/SETTING.log. Takes about 4 times the
# suite (see docs/testing.md).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh || exit 1
# One PostgreSQL for all settings: scripts/test.sh reuses a running one and leaves it running.
if ! scripts/services/postgres.sh status >/dev/null; then
    scripts/services/postgres.sh start || exit 1
    trap 'scripts/services/postgres.sh stop' EXIT
fi
swift build --build-tests || exit 1

logs=.build/test-kernels
mkdir -p "$logs"

# The kernel set OpenBLAS really loads under the given environment (the library the tests link).
core_name() {
    env "$@" python3 -c 'import ctypes
lib = ctypes.CDLL("libopenblas.so.0")
lib.openblas_get_corename.restype = ctypes.c_char_p
print(lib.openblas_get_corename().decode())' 2>/dev/null || echo "unknown"
}

settings=("OPENBLAS_CORETYPE=Prescott" "OPENBLAS_CORETYPE=Haswell" "OPENBLAS_CORETYPE=SkylakeX"
          "OPENBLAS_NUM_THREADS=1")
summary=()
failed=0
for setting in "${settings[@]}"; do
    name="${setting#*=}"
    [ "${setting%%=*}" = OPENBLAS_NUM_THREADS ] && name="threads-$name"
    core="$(core_name "$setting")"
    if [ "${setting%%=*}" = OPENBLAS_CORETYPE ] && [ "$core" != "$name" ]; then
        summary+=("FAIL  $setting: OpenBLAS loaded kernel '$core', not '$name'")
        failed=1
        continue
    fi
    echo "test-kernels: $setting (OpenBLAS core $core), log $logs/$name.log" >&2
    start=$SECONDS
    env "$setting" ACCIDENTML_SKIP_BUILD=1 ACCIDENTML_SWIFT_ONLY=1 scripts/test.sh "$@" >"$logs/$name.log" 2>&1
    rc=$?
    took=$((SECONDS - start))
    # Swift Testing's last line: "✔ Test run with N tests in M suites passed after T seconds."
    result="$(grep -E 'Test run with [0-9]+ tests' "$logs/$name.log" | tail -1 | sed 's/^[^T]*//')"
    if [ $rc -eq 0 ]; then
        summary+=("PASS  $setting (core $core, ${took}s): ${result:-no summary line}")
    else
        summary+=("FAIL  $setting (core $core, ${took}s, exit $rc): ${result:-see $logs/$name.log}")
        failed=1
    fi
done

echo "test-kernels summary:"
printf '  %s\n' "${summary[@]}"
exit $failed
