#!/usr/bin/env bash
# Measures a reload through the model registry as the server does it (a benchmark, not a test):
# POST /api/v1/reload_model {"model": "models:/NAME/1"} on a release accident-server = resolve the
# version (MLflow REST) + download model.aml through MLflow's artifact proxy (S3 behind it) + verify
# (load, checksum against the registered one) + swap, for a 300-tree GBDT on 50,000 synthetic
# accidents. Cold: the server's model cache is emptied before each reload (full download); warm:
# the file is in the cache (resolve + verify + swap). Times are curl's, client side, on loopback.
#
#   scripts/bench-registry-reload.sh [RUNS]    # RUNS reloads of each kind (default 15); prints medians
#
# BENCH_CONFIGURATION=debug measures a debug build instead (an upper bound; the figures to quote
# are release ones); BENCH_ACCIDENTS (default 50000) and BENCH_TREES (300) size the model, or
# BENCH_MODEL=FILE registers that model file instead of training one.
#
# Starts postgres.sh, s3.sh and mlflow.sh when they are not running (and stops those on exit).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
started=()
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do scripts/services/"${started[i]}".sh stop || true; done
    rm -rf "$work"
}
trap cleanup EXIT
for service in postgres s3 mlflow; do
    scripts/services/$service.sh status >/dev/null || { started+=("$service"); scripts/services/$service.sh start; }
done
uri="$(scripts/services/mlflow.sh url)"
configuration="${BENCH_CONFIGURATION:-release}"
swift build -c "$configuration" --product train >/dev/null
swift build -c "$configuration" --product accident-server >/dev/null
train="$PWD/.build/$configuration/train"
server="$PWD/.build/$configuration/accident-server"
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

name="bench-reload-$(date +%s)"
mkdir -p "$work/m300"
if [ -n "${BENCH_MODEL:-}" ]; then
    cp "$BENCH_MODEL" "$work/m300/model.aml"
else
    "$train" generate --accidents "${BENCH_ACCIDENTS:-50000}" --output "$work/data" >/dev/null
    "$train" fit --baac "$work/data" --trees "${BENCH_TREES:-300}" --early-stopping 0 --output "$work/m300" -q >/dev/null
fi
# Registers model.aml as version 1 of $name (alias champion) through MLflow's REST API, as
# `train fit --register` does: a run with the file as artifact, a version tagged with its checksum.
checksum="$("$train" inspect "$work/m300/model.aml" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["checksum"])')"
python3 - "$uri" "$name" "$work/m300/model.aml" "$checksum" <<'PY'
import json, sys, urllib.request
uri, name, path, checksum = sys.argv[1:]
def call(method, route, body=None, data=None):
    request = urllib.request.Request(uri + route, method=method, data=data if data is not None else
                                     (json.dumps(body).encode() if body is not None else None),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        text = answer.read()
        return json.loads(text) if text else {}
api = "/api/2.0/mlflow/"
try:
    experiment = call("POST", api + "experiments/create", {"name": "bench-registry"})["experiment_id"]
except urllib.error.HTTPError:
    experiment = call("GET", api + "experiments/get-by-name?experiment_name=bench-registry")["experiment"]["experiment_id"]
run = call("POST", api + "runs/create", {"experiment_id": experiment, "run_name": name})["run"]["info"]
source = run["artifact_uri"]
assert source.startswith("mlflow-artifacts:/"), source
call("PUT", "/api/2.0/mlflow-artifacts/artifacts/" + source[len("mlflow-artifacts:/"):].lstrip("/") + "/model.aml",
     data=open(path, "rb").read())
call("POST", api + "registered-models/create", {"name": name})
version = call("POST", api + "model-versions/create", {"name": name, "source": source, "run_id": run["run_id"],
               "tags": [{"key": "accidentml.checksum", "value": checksum}]})["model_version"]["version"]
call("POST", api + "registered-models/alias", {"name": name, "alias": "champion", "version": version})
PY
size=$(stat -c %s "$work/m300/model.aml")

key="bench-key-$(openssl rand -hex 16)"; admin="bench-admin-$(openssl rand -hex 16)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
API_KEYS="$key" ADMIN_API_KEYS="$admin" ACCIDENTML_MODEL_CACHE="$work/cache" LOG_LEVEL=warning \
    "$server" --model "models:/$name@champion" --tracking-uri "$uri" --port "$port" &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/test" >/dev/null && break; sleep 0.1; done

reload() {
    curl -s -o "$work/answer" -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/api/v1/reload_model" \
        -H "X-API-Key: $admin" -H 'Content-Type: application/json' -d "{\"model\": \"models:/$name/1\"}"
}
cold=() warm=()
for i in $(seq "$runs"); do
    rm -f "$work/cache"/*.aml
    read -r status seconds < <(reload)
    [ "$status" = 200 ] || { echo "reload failed ($status): $(cat "$work/answer")" >&2; exit 1; }
    cold+=("$(echo "$seconds * 1000" | bc -l)")
    read -r status seconds < <(reload)
    [ "$status" = 200 ] || { echo "reload failed ($status): $(cat "$work/answer")" >&2; exit 1; }
    warm+=("$(echo "$seconds * 1000" | bc -l)")
done
echo "bench-registry-reload: $configuration build, $runs reloads each, MLflow $uri, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s-tree model (%d bytes): resolve + download + verify + swap %.1f ms (median; min %.1f, max %.1f)\n' "${BENCH_TREES:-300}" "$size" \
    "$(printf '%s\n' "${cold[@]}" | median)" "$(printf '%s\n' "${cold[@]}" | sort -g | head -1)" "$(printf '%s\n' "${cold[@]}" | sort -g | tail -1)"
printf '                          cached file: resolve + verify + swap %.1f ms (median; min %.1f, max %.1f)\n' \
    "$(printf '%s\n' "${warm[@]}" | median)" "$(printf '%s\n' "${warm[@]}" | sort -g | head -1)" "$(printf '%s\n' "${warm[@]}" | sort -g | tail -1)"
