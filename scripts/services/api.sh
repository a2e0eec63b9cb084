#!/usr/bin/env bash
# The prediction API (the seed's `app` service): .build/release/accident-server on a free port.
#
#   scripts/services/api.sh start    # start (idempotent); builds the release binary when missing
#   scripts/services/api.sh url      # http://127.0.0.1:PORT
#   scripts/services/api.sh status   # exit 0 when running and GET /api/v1/test answers, 3 when not
#   scripts/services/api.sh logs     # prints the log file's path
#   scripts/services/api.sh stop     # stop and delete the folder (idempotent)
#
# Keys: API_KEYS (prediction) and ADMIN_API_KEYS (reload) from the environment, else from the
# stack env file ($ACCIDENTML_STACK_ENV, default <checkout>/.services/stack.env, written by
# scripts/stack.sh); the server gets them in its environment, never on its command line.
# Model: $ACCIDENTML_API_MODEL when set; else models:/accident-severity@champion, followed (the
# server polls the alias) when MLflow is configured (MLFLOW_TRACKING_URI, or mlflow.sh running);
# else runs/default/model.aml (written by `train`). Predictions are logged to the accidents
# database (DATABASE_URL) when $ACCIDENTML_API_DATABASE_URL is set or postgres.sh is running.
# Bind address: ACCIDENTML_API_BIND (default 127.0.0.1; the stack's STACK_BIND). Base port:
# ACCIDENTML_API_PORT (default 8000). State file $ACCIDENTML_API_STATE (default
# <checkout>/.services/api.state, mode 600): API_PORT API_URL API_BIND API_DIR API_PID API_MODEL.
# Folder ${TMPDIR:-/tmp}/accidentml-api-PORT (the log).
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_file="${ACCIDENTML_API_STATE:-$repo/.services/api.state}"
env_file="${ACCIDENTML_STACK_ENV:-$repo/.services/stack.env}"
first_port="${ACCIDENTML_API_PORT:-8000}"
bind="${ACCIDENTML_API_BIND:-127.0.0.1}"
binary="${ACCIDENTML_API_BINARY:-$repo/.build/release/accident-server}"
registry_model="models:/accident-severity@champion"

service=api
port_variable=ACCIDENTML_API_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${API_DIR:-}" ] && [ -n "${API_PORT:-}" ] && [ -n "${API_PID:-}" ]
}

healthy() { curl -fsS --max-time 5 -o /dev/null "$API_URL/api/v1/test" 2>/dev/null; }

is_running() {
    load_state || return 1
    kill -0 "$API_PID" 2>/dev/null || return 1
    healthy
}

stop_server() {
    if load_state; then
        if kill -0 "$API_PID" 2>/dev/null; then
            kill "$API_PID" 2>/dev/null || true # SIGTERM: the server drains and stops
            for _ in $(seq 100); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$API_PID" 2>/dev/null || true
        fi
        case "$API_DIR" in
            "$tmp_root"/accidentml-api-*) rm -rf "$API_DIR" ;;
            *) die "refusing to delete unexpected folder '$API_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

# A variable from the environment, else from the stack env file (read, never sourced as a whole
# into this shell's exports).
setting() {
    local name="$1" value="${!1:-}"
    if [ -z "$value" ] && [ -f "$env_file" ]; then
        value="$(. "$env_file" >/dev/null 2>&1; echo "${!name:-}")"
    fi
    echo "$value"
}

tracking_uri() {
    local uri
    uri="$(setting MLFLOW_TRACKING_URI)"
    if [ -z "$uri" ] && [ -x "$repo/scripts/services/mlflow.sh" ]; then
        uri="$("$repo/scripts/services/mlflow.sh" url 2>/dev/null || true)"
    fi
    echo "$uri"
}

ensure_binary() {
    [ -x "$binary" ] && return 0
    [ -n "${ACCIDENTML_API_BINARY:-}" ] && die "no executable at ACCIDENTML_API_BINARY=$binary"
    echo "api.sh: building accident-server (release)" >&2
    (cd "$repo" && swift build -c release --product accident-server >&2) || die "swift build failed (output above)"
}

start_server() {
    if is_running; then
        echo "api.sh: already running at $API_URL (folder $API_DIR)" >&2
        return 0
    fi
    stop_server # a stale state file or a half-made folder from an earlier run
    local api_keys admin_keys model tracking database_url
    api_keys="$(setting API_KEYS)"
    admin_keys="$(setting ADMIN_API_KEYS)"
    [ -n "$api_keys" ] || die "no API_KEYS in the environment nor in $env_file (scripts/stack.sh up writes them)"
    ensure_binary

    local args=()
    tracking="$(tracking_uri)"
    model="${ACCIDENTML_API_MODEL:-}"
    if [ -z "$model" ] && [ -n "$tracking" ]; then
        model="$registry_model"
        args+=(--follow-alias --poll-interval "${ACCIDENTML_API_POLL_SECONDS:-30}")
    fi
    model="${model:-$repo/runs/default/model.aml}"
    case "$model" in
        models:/*) [ -n "$tracking" ] || die "model $model needs MLflow: set MLFLOW_TRACKING_URI or start mlflow.sh"
                   args+=(--tracking-uri "$tracking") ;;
        *) [ -f "$model" ] || die "no model file $model (run .build/release/train first, or set ACCIDENTML_API_MODEL)" ;;
    esac
    database_url="${ACCIDENTML_API_DATABASE_URL:-$("$repo/scripts/services/postgres.sh" url 2>/dev/null || true)}"

    local port dir url pid host
    port="$(free_port)"
    dir="$tmp_root/accidentml-api-$port"
    mkdir -p "$dir"
    chmod 700 "$dir"
    host="$bind"
    [ "$bind" = "0.0.0.0" ] && host=127.0.0.1
    url="http://$host:$port"
    # Keys and the database URL reach the server through its environment only; setsid gives it
    # its own session, so the caller's terminal signals do not reach it.
    env API_KEYS="$api_keys" ADMIN_API_KEYS="$admin_keys" DATABASE_URL="$database_url" \
        MLFLOW_TRACKING_URI="$tracking" \
        setsid "$binary" --host "$bind" --port "$port" --model "$model" "${args[@]}" \
        >"$dir/server.log" 2>&1 </dev/null &
    pid=$!

    write_private "$state_file" <<EOF
API_PORT='$port'
API_URL='$url'
API_BIND='$bind'
API_DIR='$dir'
API_PID='$pid'
API_MODEL='$model'
EOF
    for _ in $(seq 600); do
        is_running && break
        kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/server.log" >&2; stop_server; die "accident-server exited (log above)"; }
        sleep 0.1
    done
    is_running || { tail -20 "$dir/server.log" >&2; stop_server; die "no answer from $url/api/v1/test within 60 s (log above)"; }
    echo "api.sh: started accident-server at $url (on $bind:$port, model $model, folder $dir)" >&2
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server; echo "api.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$API_URL" ;;
    logs) load_state || die "not running"; echo "$API_DIR/server.log" ;;
    status)
        if is_running; then echo "running at $API_URL (pid $API_PID, model $API_MODEL, folder $API_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
