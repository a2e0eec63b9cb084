#!/usr/bin/env bash
# A throwaway MLflow 3 tracking server and model registry (loopback unless told otherwise).
#
#   scripts/services/mlflow.sh start    # install (venv), start on a free port (idempotent)
#   scripts/services/mlflow.sh url      # http://127.0.0.1:PORT (the tracking URI)
#   scripts/services/mlflow.sh status   # exit 0 when running, 3 when not
#   scripts/services/mlflow.sh logs     # prints the log file's path
#   scripts/services/mlflow.sh stop     # stop the server and delete its folder (idempotent)
#
# Needs scripts/services/postgres.sh and scripts/services/s3.sh running (starts neither): runs and
# the registry live in the PostgreSQL database `mlflow` (`postgres.sh database mlflow`), artifacts in
# the S3 bucket, proxied by the server (`--serve-artifacts`), so clients need only HTTP to MLflow and
# never the S3 credentials. MLflow and its drivers are pinned in mlflow-requirements.txt and
# installed into <checkout>/.venv-mlflow/ (with uv when present, else pip). The server runs in a
# process group of its own (setsid) so `stop` ends every worker. Folder (log):
# ${TMPDIR:-/tmp}/accidentml-mlflow-PORT, deleted by `stop`; the database and the bucket keep their
# content until their own services stop. Port from $ACCIDENTML_MLFLOW_PORT (default 15000) up.
# Bind address: ACCIDENTML_MLFLOW_BIND (default 127.0.0.1; the stack's STACK_BIND: the UI is
# front-tier); `--allowed-hosts` then also names that address (for 0.0.0.0: the machine's
# name and addresses), as MLflow refuses other Host headers.
# State file ($ACCIDENTML_MLFLOW_STATE, default <checkout>/.services/mlflow.state, mode 600):
# MLFLOW_PORT MLFLOW_URL MLFLOW_BIND MLFLOW_DIR MLFLOW_PID. The postgres and s3 state files are found through
# their scripts (ACCIDENTML_PG_STATE, ACCIDENTML_S3_STATE are honoured).
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services="$repo/scripts/services"
state_file="${ACCIDENTML_MLFLOW_STATE:-$repo/.services/mlflow.state}"
s3_state="${ACCIDENTML_S3_STATE:-$repo/.services/s3.state}"
first_port="${ACCIDENTML_MLFLOW_PORT:-15000}"
workers="${ACCIDENTML_MLFLOW_WORKERS:-2}"
bind="${ACCIDENTML_MLFLOW_BIND:-127.0.0.1}"
host="$bind" # the address clients use: loopback when bound to every interface
[ "$bind" = "0.0.0.0" ] && host=127.0.0.1
venv="$repo/.venv-mlflow"
requirements="$services/mlflow-requirements.txt"

service=mlflow
port_variable=ACCIDENTML_MLFLOW_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

# Creates the venv from the pinned requirements when missing or older than them.
ensure_installed() {
    ensure_venv_from "$venv" "$requirements" mlflow MLflow "installing MLflow into $venv (about 20 s with uv, a few minutes with pip)"
}

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${MLFLOW_DIR:-}" ] && [ -n "${MLFLOW_PORT:-}" ] && [ -n "${MLFLOW_PID:-}" ]
}

healthy() { curl -sf -o /dev/null --max-time 3 "$MLFLOW_URL/health"; }

# The Host headers MLflow accepts: loopback names, the bind address, and for 0.0.0.0 the
# machine's own names and addresses.
allowed_hosts() {
    local port="$1" names=(127.0.0.1 localhost "$host") name list=""
    if [ "$bind" = "0.0.0.0" ]; then
        local more=()
        read -ra more <<<"$(hostname 2>/dev/null) $(hostname -I 2>/dev/null)"
        names+=("${more[@]}")
    fi
    for name in "${names[@]}"; do
        [[ "$name" == *:* ]] && name="[$name]" # an IPv6 address in a Host header
        case ",$list," in *",$name,"*) ;; *) list+=",$name:$port,$name" ;; esac
    done
    echo "${list#,}"
}

# Running: the recorded process group leader is alive and /health answers.
is_running() {
    load_state || return 1
    [ -d "/proc/$MLFLOW_PID" ] || return 1
    healthy
}

stop_server() {
    if load_state; then
        # The leader is `mlflow server` started by setsid: its process group is its pid.
        if [ -d "/proc/$MLFLOW_PID" ] && [ "$(ps -o pgid= -p "$MLFLOW_PID" | tr -d ' ')" = "$MLFLOW_PID" ]; then
            kill -TERM -- "-$MLFLOW_PID" 2>/dev/null || true
            local i
            for i in $(seq 1 100); do pgrep -g "$MLFLOW_PID" >/dev/null || break; sleep 0.1; done
            kill -KILL -- "-$MLFLOW_PID" 2>/dev/null || true
        fi
        case "$MLFLOW_DIR" in
            "$tmp_root"/accidentml-mlflow-*) rm -rf "$MLFLOW_DIR" ;;
            *) die "refusing to delete unexpected folder '$MLFLOW_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

start_server() {
    if is_running; then
        echo "mlflow.sh: already running on $MLFLOW_URL (folder $MLFLOW_DIR)" >&2
        return 0
    fi
    stop_server
    "$services/postgres.sh" status >/dev/null \
        || die "PostgreSQL is not running: run 'scripts/services/postgres.sh start' first (MLflow keeps its runs there)"
    "$services/s3.sh" status >/dev/null \
        || die "the S3 store is not running: run 'scripts/services/s3.sh start' first (MLflow keeps its artifacts there)"
    # shellcheck disable=SC1090
    . "$s3_state"
    ensure_installed
    local pg_url backend port dir pid
    pg_url="$("$services/postgres.sh" database mlflow)"
    backend="postgresql+psycopg2://${pg_url#postgres://}"
    port="$(free_port)"
    dir="$tmp_root/accidentml-mlflow-$port"
    mkdir -p "$dir"
    chmod 700 "$dir"
    # The S3 credentials reach only the server's environment, never its command line.
    MLFLOW_S3_ENDPOINT_URL="$S3_ENDPOINT" AWS_ACCESS_KEY_ID="$S3_ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$S3_SECRET_KEY" \
    AWS_DEFAULT_REGION=us-east-1 MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false MLFLOW_DISABLE_TELEMETRY=true \
    DO_NOT_TRACK=true MLFLOW_BACKEND_STORE_URI="$backend" \
        setsid "$venv/bin/mlflow" server --host "$bind" --port "$port" --workers "$workers" \
        --serve-artifacts --artifacts-destination "s3://$S3_BUCKET/" \
        --allowed-hosts "$(allowed_hosts "$port")" \
        </dev/null >"$dir/mlflow.log" 2>&1 &
    pid=$!
    write_private "$state_file" <<EOF
MLFLOW_PORT='$port'
MLFLOW_URL='http://$host:$port'
MLFLOW_BIND='$bind'
MLFLOW_DIR='$dir'
MLFLOW_PID='$pid'
EOF
    load_state
    local i
    for i in $(seq 1 600); do
        healthy && break
        [ -d "/proc/$pid" ] || { tail -30 "$dir/mlflow.log" >&2; stop_server; die "MLflow exited while starting (log above)"; }
        sleep 0.2
    done
    healthy || { tail -30 "$dir/mlflow.log" >&2; stop_server; die "MLflow did not answer /health within 120 s (log above)"; }
    echo "mlflow.sh: started MLflow on $MLFLOW_URL (on $bind:$port, folder $dir); open it in a browser to see the runs" >&2
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server; echo "mlflow.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$MLFLOW_URL" ;;
    logs) load_state || die "not running (run '$0 start' first)"; echo "$MLFLOW_DIR/mlflow.log" ;;
    status)
        if is_running; then echo "running on $MLFLOW_URL (folder $MLFLOW_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
