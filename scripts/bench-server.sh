#!/usr/bin/env bash
# Benchmarks AccidentML's prediction server (release build) against the FastAPI peer, both serving
# a 300-tree GBDT (lr 0.1, 31 leaves, depth 6) trained on the same rows of the baac2021 data, on
# loopback with wrk and scripts/peers/post.lua (the same 28-field request for both). Prints a
# Markdown table on stdout; progress goes to stderr. A benchmark, not a test: it asserts nothing
# but prints whether the paced p99 is under 2 ms and whether reloads under load lost requests.
#
#   scripts/bench-server.sh            # about 3 minutes after the builds
#   scripts/bench-server.sh soak       # our server only: SOAK seconds (300) at saturation while
#                                      # IDLE (2000) slowloris connections are held open
#
# After a 3 s warm-up of each server, runs, each DURATION seconds with wrk -t2 (and, when perf is
# installed, `perf stat -e task-clock` on the server process: its CPU time per request):
#   1. single predictions, CONNECTIONS connections (saturating), both servers;
#   2. batches of 100 rows, both servers;
#   3. single predictions paced at half of each server's own saturating rate (post.lua + a fixed
#      pause per connection, see bench-server/paced.lua), both servers;
#   4. our server, single predictions while POST /api/v1/reload_model runs every second.
# Environment: DATA (default <repo>/../shared/data/baac2021), WORK (a folder for the split, the
# models and raw results; default a new temporary folder), DURATION (10), CONNECTIONS (32),
# FASTAPI_WORKERS (1: uvicorn worker processes), PYTHON (the peers' venv python).
# Soak (`soak`): the server's RSS sampled every 5 s from /proc while wrk saturates it and
# bench-server/idle_clients.py keeps IDLE connections open (each reconnecting when the header
# timeout closes it); prints the real clients' errors, the RSS drift and the connection counts
# of /metrics. A measurement again: it exits 0 whatever it finds.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DATA:-$repo/../shared/data/baac2021}"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/bench-server.XXXXXX")}"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-32}"
fastapi_workers="${FASTAPI_WORKERS:-1}"
mode="${1:-compare}"
[[ "$mode" == compare || "$mode" == soak ]] || { echo "usage: scripts/bench-server.sh [soak]" >&2; exit 64; }
mkdir -p "$work"
log() { echo "bench-server: $*" >&2; }

[[ -f "$data/X_train.csv" && -f "$data/y_train.csv" ]] || { log "no $data/X_train.csv and y_train.csv (set DATA)"; exit 1; }
command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }
python="${PYTHON:-$("$repo/scripts/peers/setup-venv.sh")}"
key="bench-$("$python" -c 'import secrets; print(secrets.token_hex(16))')"
admin_key="bench-admin-$("$python" -c 'import secrets; print(secrets.token_hex(16))')"

# Models: the same split for both, LightGBM for FastAPI, AccidentML's GBDT (.columns) for ours.
if [[ ! -f "$work/train_idx.txt" ]]; then
  "$python" "$repo/scripts/peers/make_split.py" --csv "$data/X_train.csv" --test-fraction 0.3 --seed 42 --out-dir "$work" >&2
fi
if [[ "$mode" == compare && ! -f "$work/lightgbm_model.txt" ]]; then
  log "training the LightGBM model"
  "$python" "$repo/scripts/peers/gbdt_peer.py" --library lightgbm --features "$data/X_train.csv" --labels "$data/y_train.csv" \
    --train-rows "$work/train_idx.txt" --test-rows "$work/test_idx.txt" --trees 300 --learning-rate 0.1 \
    --num-leaves 31 --max-depth 6 --min-data-in-leaf 20 --threads 1 --repeats 1 \
    --save-model "$work/lightgbm_model.txt" >/dev/null
fi
log "building the release server and the model builder"
(cd "$repo" && swift build -c release --product accident-server >&2)
(cd "$repo/scripts/bench-server" && swift build -c release --scratch-path "$repo/.build-bench" >&2)
if [[ ! -f "$work/accidentml_model.aml" ]]; then
  "$repo/.build-bench/release/bench-model" "$data/X_train.csv" "$data/y_train.csv" "$work/train_idx.txt" \
    "$work/accidentml_model.aml"
fi
cp "$work/accidentml_model.aml" "$work/accidentml_model_copy.aml"  # the second file reloads alternate with

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # url pid
  for _ in $(seq 1 300); do
    curl --silent --fail --max-time 1 "$1" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { log "server $2 exited during start-up"; return 1; }
    sleep 0.2
  done
  log "no answer from $1"; return 1
}

ours_port="$(free_port)"
API_KEYS="$key" ADMIN_API_KEYS="$admin_key" LOG_LEVEL=warning "$repo/.build/release/accident-server" --host 127.0.0.1 --port "$ours_port" \
  --model "$work/accidentml_model.aml" 2>"$work/accident-server.log" &
ours_pid=$!
if [[ "$mode" == soak ]]; then
  trap 'kill "$ours_pid" 2>/dev/null || true' EXIT
  wait_for "http://127.0.0.1:$ours_port/api/v1/test" "$ours_pid"
else
  fastapi_port="$(free_port)"
  fastapi_pid="$(MODEL_PATH="$work/lightgbm_model.txt" API_KEY="$key" PORT="$fastapi_port" WORKERS="$fastapi_workers" \
    PYTHON="$python" LOG_FILE="$work/fastapi.log" "$repo/scripts/peers/fastapi_peer.sh")"
  trap 'kill "$ours_pid" "$fastapi_pid" 2>/dev/null || true' EXIT
  wait_for "http://127.0.0.1:$ours_port/api/v1/test" "$ours_pid"
  log "AccidentML on :$ours_port (pid $ours_pid), FastAPI on :$fastapi_port (pid $fastapi_pid, $fastapi_workers worker(s))"
fi

# run NAME URL BATCH CONNECTIONS SERVER_PID [DELAY_MS]: one wrk run; appends its JSON line (post.lua's,
# plus the name, the load averages and, with perf, the server's CPU time) to results.jsonl.
run() {
  local name="$1" url="$2" batch="$3" conns="$4" pid="$5" pause="${6:-}" script="$repo/scripts/peers/post.lua" before
  [[ -n "$pause" ]] && script="$repo/scripts/bench-server/paced.lua"
  before="$(cut -d' ' -f1 /proc/loadavg)"
  local cpu_file="$work/cpu.txt" cpu_ms=null perf_pid=""
  rm -f "$cpu_file"
  if command -v perf >/dev/null; then  # the server's CPU time over the run, whatever else runs
    perf stat -x, -e task-clock -p "$pid" -o "$cpu_file" -- sleep "$duration" 2>/dev/null &
    perf_pid=$!
  fi
  local line
  line="$(WRK_FEATURES="$data/X_train.csv" WRK_API_KEY="$key" WRK_BATCH="$batch" WRK_DELAY_MS="$pause" \
    WRK_POST_LUA="$repo/scripts/peers/post.lua" \
    wrk -t2 -c"$conns" -d"${duration}s" -s "$script" "$url" | grep '^{"requests"')"
  if [[ -n "$perf_pid" ]]; then
    wait "$perf_pid" || true
    cpu_ms="$(grep task-clock "$cpu_file" 2>/dev/null | cut -d, -f1 || true)"
    [[ -n "$cpu_ms" ]] || cpu_ms=null
  fi
  line="{\"name\":\"$name\",\"connections\":$conns,\"delay_ms\":\"$pause\",\"server_cpu_ms\":$cpu_ms,\"load_before\":$before,\"load_after\":$(cut -d' ' -f1 /proc/loadavg),${line#\{}"
  echo "$line" >>"$work/results.jsonl"
  log "$line"
  echo "$line"
}
field() { "$python" -c "import json, sys; print(json.loads(sys.argv[1])$2)" "$1"; }

ours="http://127.0.0.1:$ours_port/api/v1"
if [[ "$mode" == soak ]]; then
  source "$repo/scripts/bench-server/soak.sh"
  exit 0
fi
theirs="http://127.0.0.1:$fastapi_port/api/v1"
# Warm-up (connections, caches, allocator), not recorded.
for url in "$ours/predict" "$theirs/predict"; do
  WRK_FEATURES="$data/X_train.csv" WRK_API_KEY="$key" wrk -t2 -c"$connections" -d3s -s "$repo/scripts/peers/post.lua" "$url" >/dev/null
done
: >"$work/results.jsonl"
for batch in 0 100; do
  path=predict; [[ "$batch" != 0 ]] && path=predict/batch
  run "AccidentML $path" "$ours/$path" "$batch" "$connections" "$ours_pid" >/dev/null
  run "FastAPI $path" "$theirs/$path" "$batch" "$connections" "$fastapi_pid" >/dev/null
done
# Paced: a 2 ms pause per connection, as many connections as half the saturating rate needs.
pause=2
for server in AccidentML FastAPI; do
  rate="$(grep "\"name\":\"$server predict\"" "$work/results.jsonl" | head -1)"
  rate="$(field "$rate" '["requests_per_second"]')"
  conns="$("$python" -c "import math; print(max(2, math.ceil($rate / 2 * ($pause + 0.2) / 1000)))")"
  url="$ours/predict" pid="$ours_pid"; [[ "$server" == FastAPI ]] && url="$theirs/predict" pid="$fastapi_pid"
  run "$server predict, paced at half its saturating rate" "$url" 0 "$conns" "$pid" "$pause" >/dev/null
done
# Reloads under load: one reload a second while wrk runs; every answer must be 2xx.
reload_statuses="$work/reload-statuses.txt"
: >"$reload_statuses"
(
  for i in $(seq 1 "$duration"); do
    sleep 1
    model="$work/accidentml_model.aml"; (( i % 2 )) && model="$work/accidentml_model_copy.aml"
    curl --silent --output /dev/null --write-out '%{http_code}\n' -X POST "$ours/reload_model" \
      -H "X-API-Key: $admin_key" -H 'Content-Type: application/json' -d "{\"path\": \"$model\"}" >>"$reload_statuses"
  done
) &
reloader=$!
run "AccidentML predict, reload every second" "$ours/predict" 0 "$connections" "$ours_pid" >/dev/null
wait "$reloader"

# The table.
"$python" - "$work/results.jsonl" "$reload_statuses" "$(nproc)" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
reloads = [line.strip() for line in open(sys.argv[2]) if line.strip()]
print(f"| run | connections | requests/s | rows/s | p50 | p99 | server CPU per request | non-2xx or errors | load avg (1 min) before → after |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for r in rows:
    e = r["errors"]
    bad = e["status"] + e["connect"] + e["read"] + e["write"] + e["timeout"]
    cpu = "–" if r["server_cpu_ms"] is None else f"{r['server_cpu_ms'] * 1000 / max(r['requests'], 1):,.0f} µs"
    print(f"| {r['name']} | {r['connections']} | {r['requests_per_second']:,.0f} | "
          f"{r['requests_per_second'] * r['rows_per_request']:,.0f} | {r['latency_p50_us'] / 1000:.2f} ms | "
          f"{r['latency_p99_us'] / 1000:.2f} ms | {cpu} | {bad} | {r['load_before']:.2f} → {r['load_after']:.2f} |")
paced = next(r for r in rows if r["name"].startswith("AccidentML predict, paced"))
reload = next(r for r in rows if "reload" in r["name"])
print()
print(f"AccidentML paced p99 {paced['latency_p99_us'] / 1000:.2f} ms at {paced['requests_per_second']:,.0f} requests/s: "
      + ("under" if paced["latency_p99_us"] < 2000 else "NOT under") + " 2 ms.")
print(f"Reloads under load: {len(reloads)} reloads answered {sorted(set(reloads))}; "
      f"{reload['errors']['status']} non-2xx predictions and "
      f"{sum(reload['errors'].values()) - reload['errors']['status']} socket errors among {reload['requests']:,}. "
      f"{sys.argv[3]} cores, wrk on the same machine.")
PY
