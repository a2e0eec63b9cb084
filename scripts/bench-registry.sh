#!/usr/bin/env bash
# Measures what the model registry adds (figures in docs/registry.md#performance), against the
# real services on loopback (a benchmark, not a test):
#   1. the time tracking adds to the default job: the `tracked ... (X s)` figure of `train` with
#      MLFLOW_TRACKING_URI set, and the wall time of `train default` with and without it;
#   2. resolve + download + verify of a 300-tree model (`train registry download`, cold cache),
#      and resolve + verify of the cached file (warm cache).
#
#   scripts/bench-registry.sh [RUNS]    # RUNS repetitions of each (default 5); prints medians
#   CONFIG=debug scripts/bench-registry.sh   # with the debug build (no release build needed)
#
# Starts postgres.sh, s3.sh and mlflow.sh when they are not running (and stops those on exit).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
started=()
work="$(mktemp -d)"
cleanup() {
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do scripts/services/"${started[i]}".sh stop || true; done
    rm -rf "$work"
}
trap cleanup EXIT
for service in postgres s3 mlflow; do
    scripts/services/$service.sh status >/dev/null || { started+=("$service"); scripts/services/$service.sh start; }
done
uri="$(scripts/services/mlflow.sh url)"
config="${CONFIG:-release}"
swift build -c "$config" --product train >/dev/null
train="$PWD/.build/$config/train"
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
now() { date +%s.%N; }

echo "bench-registry: $runs runs each, $config build, MLflow $uri, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
plain=() tracked=() step=()
for i in $(seq "$runs"); do
    t0=$(now); "$train" default --output "$work/plain" --threads 1 -q; t1=$(now)
    out="$(MLFLOW_TRACKING_URI="$uri" "$train" default --output "$work/tracked" --threads 1)"; t2=$(now)
    plain+=("$(echo "$t1 - $t0" | bc -l)")
    tracked+=("$(echo "$t2 - $t1" | bc -l)")
    step+=("$(echo "$out" | sed -n 's/.*tracked .*(\([0-9.]*\) s)$/\1/p')")
done
printf 'default job, wall: %.3f s without tracking, %.3f s with (medians)\n' \
    "$(printf '%s\n' "${plain[@]}" | median)" "$(printf '%s\n' "${tracked[@]}" | median)"
printf 'tracking step inside train (log params, metrics, 4 artifacts, end run): median %.3f s, max %.3f s\n' \
    "$(printf '%s\n' "${step[@]}" | median)" "$(printf '%s\n' "${step[@]}" | sort -g | tail -1)"

name="bench-$(date +%s)"
"$train" fit --baac data/default --trees 300 --output "$work/m300" --threads 1 -q --tracking-uri "$uri" \
    --experiment bench-registry --register "$name"
"$train" registry promote "$name" --version 1 --alias champion --tracking-uri "$uri" >/dev/null
size=$(stat -c %s "$work/m300/model.aml")
cold=() warm=()
for i in $(seq "$runs"); do
    rm -rf "$work/cache"
    c="$(ACCIDENTML_MODEL_CACHE="$work/cache" "$train" registry download "$name@champion" --output "$work/c.aml" --tracking-uri "$uri")"
    w="$(ACCIDENTML_MODEL_CACHE="$work/cache" "$train" registry download "$name@champion" --output "$work/w.aml" --tracking-uri "$uri")"
    cmp -s "$work/c.aml" "$work/m300/model.aml" || { echo "downloaded file differs" >&2; exit 1; }
    cold+=("$(echo "$c" | sed -n 's/.*time *\([0-9.]*\) ms.*/\1/p')")
    warm+=("$(echo "$w" | sed -n 's/.*time *\([0-9.]*\) ms.*/\1/p')")
done
printf '300-tree model (%d bytes) by alias: resolve + download + verify %.1f ms, resolve + verify cached %.1f ms (medians)\n' \
    "$size" "$(printf '%s\n' "${cold[@]}" | median)" "$(printf '%s\n' "${warm[@]}" | median)"
