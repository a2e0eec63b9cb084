#!/usr/bin/env bash
# Builds and runs one libFuzzer target of the Fuzz/ package (AddressSanitizer + libFuzzer):
#
#   scripts/fuzz.sh list                 # the targets and what each fuzzes
#   scripts/fuzz.sh TARGET SECONDS       # build (cached in .build-fuzz/), seed, run SECONDS
#
# Seeds are made at each run from real samples (never copied into the repository):
# ../shared/data/baac-raw-sample (raw BAAC rows), ../shared/data/baac2021 (numeric CSVs), data/,
# the model fixtures of Tests/AccidentMLTests, small models trained by the `train` tool
# ($ACCIDENTML_TRAIN, default .build/debug/train; skipped with a message when missing) and the
# JSON bodies of docs/api.md and Tests/AccidentServerTests. Everything the runs make lives in the
# git-ignored .fuzz/: seeds/TARGET, corpus/TARGET (grows across runs), artifacts/TARGET
# (crash-*, leak-*, oom-*, timeout-* inputs), logs/.
#
# Prints executions, exec/s, coverage, crashes and leaks; exits 1 when the run found a crash,
# a leak, an out-of-memory, a timeout (30 s) or a slow unit (over 10 s; libFuzzer keeps the
# run going) (the input is in .fuzz/artifacts/TARGET/), 2 on bad use.
# Extra libFuzzer flags: ACCIDENTML_FUZZ_FLAGS="-max_len=20000 -jobs=2".
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A what=(
    [fuzz-baac]="BAACReader: one of the four files of a year (first byte: which, and skip-bad-rows), the others real samples"
    [fuzz-numeric-csv]="NumericCSV: a feature CSV, or features NUL labels (first byte: Float/Double, entry point)"
    [fuzz-model-file]="AccidentModel.load(from:): a whole .aml model file"
    [fuzz-json-request]="the server's request decoders (JSON record/batch, columns, CSV; first byte: which)"
)
targets=(fuzz-baac fuzz-numeric-csv fuzz-model-file fuzz-json-request)

usage() { echo "usage: scripts/fuzz.sh list | TARGET SECONDS   (targets: ${targets[*]})" >&2; exit 2; }
[ $# -ge 1 ] || usage
if [ "$1" = list ]; then
    for t in "${targets[@]}"; do printf '%-18s %s\n' "$t" "${what[$t]}"; done
    exit 0
fi
[ $# -eq 2 ] && [ -n "${what[$1]:-}" ] && [[ "$2" =~ ^[0-9]+$ ]] || usage
target=$1 seconds=$2
fuzz=.fuzz
seeds=$fuzz/seeds/$target corpus=$fuzz/corpus/$target artifacts=$fuzz/artifacts/$target
mkdir -p "$seeds" "$corpus" "$artifacts" "$fuzz/logs"

echo "fuzz.sh: building $target (debug, -sanitize=fuzzer,address, .build-fuzz/)" >&2
build_start=$SECONDS
binary=.build-fuzz/debug/$target
build() {
    (cd Fuzz && swift build -c debug --sanitize=fuzzer --sanitize=address --scratch-path ../.build-fuzz \
        --product "$target" 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -3) >&2
    [ -x "$binary" ] || { echo "fuzz.sh: build of $target failed" >&2; exit 1; }
}
# Coverage counters of the instrumented modules (AccidentML alone has over 100).
instrumented() { [ "$(nm "$binary" | grep -c __sancov_gen_)" -gt 100 ]; }
build
# Seen with SwiftPM 6.3.1: an incremental rebuild of AccidentML for another product of this
# package sometimes drops the coverage instrumentation (ASan stays): rebuild it from clean once.
if ! instrumented; then
    echo "fuzz.sh: $binary lacks coverage instrumentation; rebuilding AccidentML from clean" >&2
    # The build database goes too: without it SwiftPM replans and rebuilds every module (it
    # would otherwise look for the removed folders' output-file maps and fail).
    rm -rf .build-fuzz/debug/AccidentML.build ".build-fuzz/debug/${target//-/_}.build" .build-fuzz/build.db
    build
    instrumented || { echo "fuzz.sh: $binary still has no coverage instrumentation" >&2; exit 1; }
fi
echo "fuzz.sh: built in $((SECONDS - build_start)) s" >&2

# --- seeds -------------------------------------------------------------------------------------
# seed NAME CONTROL-BYTE FILE...: one seed, the control byte (octal, as printf takes it) then the files.
seed() {
    local name=$1 control=$2; shift 2
    { printf "\\$control"; cat "$@"; } >"$seeds/$name"
}
raw=../shared/data/baac-raw-sample/2021
numeric=../shared/data/baac2021
train=${ACCIDENTML_TRAIN:-.build/debug/train}
rm -f "$seeds"/*
case $target in
fuzz-baac)
    [ -d "$raw" ] || { echo "fuzz.sh: $raw is missing (real raw BAAC sample, needed by fuzz-baac)" >&2; exit 1; }
    stems=(caracteristiques lieux vehicules usagers)
    # The fixed year: the real sample cut to its first 12 accidents in all four files (consistent
    # ids, ~5 times faster runs than the whole sample).
    base=$fuzz/baac-base/2021
    mkdir -p "$base"
    ids=$(sed -n '2,13p' "$raw/caracteristiques-2021.csv" | cut -d';' -f1 | tr '\n' ' ')
    for stem in "${stems[@]}"; do
        awk -F';' -v ids="$ids" 'BEGIN { split(ids, a, " "); for (i in a) keep[a[i]] = 1 } NR == 1 || ($1 in keep)' \
            "$raw/$stem-2021.csv" >"$base/$stem-2021.csv"
    done
    globs=("c*cteristiques" lieux vehicules usagers) # 2022's file is `carcteristiques`
    for i in 0 1 2 3; do
        seed "raw-${stems[i]}" "00$i" "$base/${stems[i]}-2021.csv"
        seed "raw-${stems[i]}-skip" "00$((i + 4))" "$base/${stems[i]}-2021.csv"
        seed "raw-full-${stems[i]}-skip" "00$((i + 4))" "$raw/${stems[i]}-2021.csv"
        seed "default-${stems[i]}" "00$((i + 4))" <(head -n 60 "data/default/${stems[i]}-2021.csv")
    done
    if [ -x "$train" ]; then
        for layout in 2005 2022; do
            "$train" generate --accidents 30 --year "$layout" --layout "$layout" --output "$fuzz/tmp/baac-$layout" --quiet
            for i in 0 1 2 3; do
                seed "synthetic-$layout-${stems[i]}" "00$i" "$fuzz/tmp/baac-$layout/"${globs[i]}*
            done
        done
    else
        echo "fuzz.sh: $train not found: no 2005/2022-layout seeds (set ACCIDENTML_TRAIN)" >&2
    fi
    export ACCIDENTML_FUZZ_BAAC_BASE=$base
    ;;
fuzz-numeric-csv)
    [ -d "$numeric" ] || { echo "fuzz.sh: $numeric is missing (numeric CSV sample)" >&2; exit 1; }
    seed features-float 000 <(head -n 40 "$numeric/X_train.csv")
    seed features-double 001 <(head -n 40 "$numeric/X_train.csv")
    seed labeled-float 002 <(head -n 40 "$numeric/X_train.csv") <(printf '\0') <(head -n 40 "$numeric/y_train.csv")
    seed labeled-double 003 <(head -n 40 "$numeric/X_train.csv") <(printf '\0') <(head -n 40 "$numeric/y_train.csv")
    seed semicolon-quoted 000 <(printf '"a";"b";"c"\n"1,5";"";"NaN"\n"-2";"3e4";".5"\n')
    seed tab-labels 002 <(printf 'a\tb\n1\t2\nNaN\t\n') <(printf '\0y\nA\nB\n')
    ;;
fuzz-model-file)
    models=$fuzz/tmp/models
    mkdir -p "$models"
    cp Tests/AccidentMLTests/Fixtures/*.aml "$models/"
    if [ -x "$train" ]; then
        "$train" generate --accidents 200 --output "$fuzz/tmp/model-data" --quiet
        "$train" fit --baac "$fuzz/tmp/model-data" --trees 5 --num-leaves 4 --threads 1 --quiet \
            --output "$fuzz/tmp/model-gbdt" && cp "$fuzz/tmp/model-gbdt/model.aml" "$models/gbdt-accident.aml"
        "$train" fit --baac "$fuzz/tmp/model-data" --model logistic --unit person --threads 1 --quiet \
            --output "$fuzz/tmp/model-logistic" && cp "$fuzz/tmp/model-logistic/model.aml" "$models/logistic-person.aml"
        head -n 300 "$numeric/X_train.csv" >"$fuzz/tmp/X.csv"
        head -n 300 "$numeric/y_train.csv" >"$fuzz/tmp/y.csv"
        "$train" fit --features "$fuzz/tmp/X.csv" --labels "$fuzz/tmp/y.csv" --trees 3 --num-leaves 4 --threads 1 \
            --quiet --output "$fuzz/tmp/model-features" && cp "$fuzz/tmp/model-features/model.aml" "$models/gbdt-columns.aml"
    else
        echo "fuzz.sh: $train not found: only the test fixtures as seeds (set ACCIDENTML_TRAIN)" >&2
    fi
    # Control byte 0: the file as it is; 1: its CRC trailer recomputed after mutation.
    for m in "$models"/*.aml; do
        seed "$(basename "$m" .aml)" 000 "$m"
        seed "$(basename "$m" .aml)-crc" 001 "$m"
    done
    ;;
fuzz-json-request)
    # The JSON bodies of docs/api.md (```json blocks) and the one-line literals of the server
    # tests, each as a record (control bytes 0, 2) and in a one-element batch (1, 3).
    bodies=$fuzz/tmp/bodies
    mkdir -p "$fuzz/tmp"
    awk '/^```json/{n++; printf "%s", sep; sep="\n"; p=1; next} /^```/{p=0} p{printf "%s ", $0}' docs/api.md >"$bodies"
    echo >>"$bodies"
    grep -hoP '#"\{.*?\}"#|"\{[^"]*\}"' Tests/AccidentServerTests/*.swift | sed -E 's/^#?"//; s/"#?$//; s/\\"/"/g' \
        | grep -vE '^\{\}$|\+' >>"$bodies"
    n=0
    sort -u "$bodies" | grep -E '^\{' | while IFS= read -r body; do
        n=$((n + 1))
        printf '\000%s' "$body" >"$seeds/body-$n-record"
        printf '\001[%s]' "$body" >"$seeds/body-$n-batch"
    done
    printf '\002{"a": 1, "b": null, "c": -2.5e3, "x": 0, "y": 7}' >"$seeds/columns-record"
    printf '\003[{"a": 1, "b": 2, "c": 3, "x": 4, "y": 5}, {"a": null, "b": 0.5, "c": 1e-3, "x": -1, "y": 2}]' >"$seeds/columns-batch"
    printf '\004an,mois,jour,hrmn,dep,agg,vma\n2021,6,15,17:45,2A,2,80\n2021,1,2,08:30,75,1,50\n' >"$seeds/csv-records"
    printf '\005a,b,c,x,y\n1,2,3,4,5\n,0.5,"1e-3",-1,2\n' >"$seeds/csv-columns"
    ;;
esac
rm -rf "$fuzz/tmp"
echo "fuzz.sh: $(ls "$seeds" | wc -l) seeds in $seeds, corpus $corpus ($(ls "$corpus" | wc -l) inputs)" >&2

# --- run ---------------------------------------------------------------------------------------
log=$fuzz/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log
before=$(ls "$artifacts" | wc -l)
echo "fuzz.sh: running $target for $seconds s (log $log; load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
set +e
# Leaks: LeakSanitizer runs at exit (ASAN_OPTIONS detect_leaks=1) and, with -detect_leaks=1, after
# every input whose mallocs and frees differ, which names the leaking input. fuzz-baac's reader
# starts threads, so that check ran after nearly every input (4/5 of the time in LeakSanitizer):
# it checks at exit only (a leak stays unreachable until then); rerun its corpus with
# ACCIDENTML_FUZZ_FLAGS=-detect_leaks=1 to find the input.
each_input_leaks=1
[ "$target" = fuzz-baac ] && each_input_leaks=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
    "$binary" "$corpus" "$seeds" -max_total_time="$seconds" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 -detect_leaks=$each_input_leaks -rss_limit_mb=3072 -timeout=30 \
    ${ACCIDENTML_FUZZ_FLAGS:-} >"$log" 2>&1
status=$?
set -e
stat() { grep -E "^stat::$1:" "$log" | tail -1 | awk '{print $2}'; }
last=$(grep -E "#[0-9]+.*cov:" "$log" | tail -1)
cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
features=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
new=$(ls -t "$artifacts" | head -n $(($(ls "$artifacts" | wc -l) - before)))
crashes=$(grep -cE '^(crash|oom|timeout)-' <<<"$new" || true)
leaks=$(grep -cE '^leak-' <<<"$new" || true)
slow=$(grep -cE '^slow-unit-' <<<"$new" || true)
[ -n "$new" ] || crashes=0 leaks=0 slow=0
grep -qE "ERROR: LeakSanitizer" "$log" && [ "$leaks" = 0 ] && leaks=1
echo "target=$target seconds=$seconds executions=$(stat number_of_executed_units) exec/s=$(stat average_exec_per_sec)" \
     "cov=${cov:-?} ft=${features:-?} corpus=$(ls "$corpus" | wc -l) peak_rss_mb=$(stat peak_rss_mb)" \
     "crashes=$crashes leaks=$leaks slow_units=$slow status=$status"
if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ] || [ "$leaks" -ne 0 ] || [ "$slow" -ne 0 ]; then
    grep -E "ERROR: |SUMMARY: |Fatal error|Test unit written" "$log" | head -8 >&2
    echo "fuzz.sh: FAILED: the input is in $artifacts/ (reproduce: $binary INPUT); log $log" >&2
    exit 1
fi
