#!/usr/bin/env bash
# Flower, the Celery monitor, on the Airflow broker (Redis), basic auth on.
#
#   scripts/services/flower.sh start    # start on a free port (idempotent)
#   scripts/services/flower.sh url      # http://127.0.0.1:PORT
#   scripts/services/flower.sh status   # exit 0 when running, 3 when not
#   scripts/services/flower.sh logs     # print the log file's path
#   scripts/services/flower.sh stop     # stop and delete everything (idempotent)
#
# Requires scripts/services/redis.sh running (starts nothing else). Runs from the pipeline venv
# (<checkout>/.venv-airflow/, made by `airflow.sh venv`). The user `flower` gets a random password
# per start. Folder ${TMPDIR:-/tmp}/accidentml-flower-PORT (log), deleted by `stop`. Bind address:
# ACCIDENTML_FLOWER_BIND (default 127.0.0.1; the stack's STACK_BIND: Flower is front-tier). State
# ($ACCIDENTML_FLOWER_STATE, default <checkout>/.services/flower.state, mode 600):
# FLOWER_PORT FLOWER_URL FLOWER_BIND FLOWER_USER FLOWER_PASSWORD FLOWER_DIR FLOWER_PID.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services="$repo/scripts/services"
state_file="${ACCIDENTML_FLOWER_STATE:-$repo/.services/flower.state}"
first_port="${ACCIDENTML_FLOWER_PORT:-15555}"
bind="${ACCIDENTML_FLOWER_BIND:-127.0.0.1}"
host="$bind" # the address clients use: loopback when bound to every interface
[ "$bind" = "0.0.0.0" ] && host=127.0.0.1

service=flower
port_variable=ACCIDENTML_FLOWER_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${FLOWER_DIR:-}" ] && [ -n "${FLOWER_PORT:-}" ] && [ -n "${FLOWER_PID:-}" ]
}

answers() { # the authenticated API answers
    curl -fsS -m 5 -u "$FLOWER_USER:$FLOWER_PASSWORD" -o /dev/null "$FLOWER_URL/api/workers?refresh=0" 2>/dev/null
}

is_running() { load_state && kill -0 "$FLOWER_PID" 2>/dev/null && answers; }

stop_flower() {
    if load_state; then
        kill -TERM -- "-$FLOWER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$FLOWER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 -- "-$FLOWER_PID" 2>/dev/null || true
        case "$FLOWER_DIR" in
            "$tmp_root"/accidentml-flower-*) rm -rf "$FLOWER_DIR" ;;
            *) die "refusing to delete unexpected folder '$FLOWER_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

start_flower() {
    if is_running; then
        echo "flower.sh: already running on $FLOWER_URL (folder $FLOWER_DIR)" >&2
        return 0
    fi
    stop_flower
    "$services/redis.sh" status >/dev/null || die "Redis is not running: run scripts/services/redis.sh start first"
    local venv broker port dir password pid
    venv="$("$services/airflow.sh" venv)"
    broker="$("$services/redis.sh" url)"
    port="$(free_port)"
    dir="$tmp_root/accidentml-flower-$port"
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    mkdir -p "$dir"
    chmod 700 "$dir"
    # The password goes through the environment, not the command line (visible in ps).
    FLOWER_BASIC_AUTH="flower:$password" setsid "$venv/bin/celery" -b "$broker" flower \
        --address="$bind" --port="$port" --persistent=False >"$dir/flower.log" 2>&1 </dev/null &
    pid=$!

    write_private "$state_file" <<STATE
FLOWER_DIR='$dir'
FLOWER_PORT='$port'
FLOWER_PID='$pid'
FLOWER_URL='http://$host:$port'
FLOWER_BIND='$bind'
FLOWER_USER='flower'
FLOWER_PASSWORD='$password'
STATE
    for _ in $(seq 150); do
        is_running && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    is_running || { tail -n 20 "$dir/flower.log" >&2 || true; stop_flower; die "Flower did not answer (log above)"; }
    echo "flower.sh: started Flower on http://$host:$port (on $bind:$port, folder $dir); credentials in $state_file" >&2
}

case "${1:-}" in
    start) start_flower ;;
    stop) stop_flower; echo "flower.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$FLOWER_URL" ;;
    logs) load_state || die "no state file ($state_file)"; echo "$FLOWER_DIR/flower.log" ;;
    status)
        if is_running; then echo "running on $FLOWER_URL (folder $FLOWER_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
