#!/usr/bin/env bash
# A throwaway Redis (the Airflow Celery broker) on loopback only, with a password.
#
#   scripts/services/redis.sh start    # start on a free port (idempotent)
#   scripts/services/redis.sh url      # redis://:PASSWORD@127.0.0.1:PORT/0
#   scripts/services/redis.sh status   # exit 0 when running, 3 when not
#   scripts/services/redis.sh logs     # print the log file's path
#   scripts/services/redis.sh stop     # stop and delete everything (idempotent)
#
# Debian's redis-server (installed with apt-get when missing), one process per checkout, folder
# ${TMPDIR:-/tmp}/accidentml-redis-PORT (config, pid, log; no persistence: the queue is
# disposable). The state file ($ACCIDENTML_REDIS_STATE, default <checkout>/.services/redis.state,
# mode 600) holds REDIS_PORT REDIS_PASSWORD REDIS_URL REDIS_DIR REDIS_PID.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_file="${ACCIDENTML_REDIS_STATE:-$repo/.services/redis.state}"
first_port="${ACCIDENTML_REDIS_PORT:-16379}"

service=redis
port_variable=ACCIDENTML_REDIS_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

ensure_installed() {
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
    echo "redis.sh: installing Debian's redis-server package" >&2
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends redis-server >/dev/null
    command -v redis-server >/dev/null || die "redis-server installed but not on PATH"
}

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${REDIS_DIR:-}" ] && [ -n "${REDIS_PORT:-}" ] && [ -n "${REDIS_PASSWORD:-}" ]
}

ping() {
    REDISCLI_AUTH="$REDIS_PASSWORD" timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -qx PONG
}

is_running() {
    load_state || return 1
    [ -n "${REDIS_PID:-}" ] && kill -0 "$REDIS_PID" 2>/dev/null && ping
}

stop_server() {
    if load_state; then
        if [ -n "${REDIS_PID:-}" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
            kill "$REDIS_PID" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$REDIS_PID" 2>/dev/null || true
        fi
        case "$REDIS_DIR" in
            "$tmp_root"/accidentml-redis-*) rm -rf "$REDIS_DIR" ;;
            *) die "refusing to delete unexpected folder '$REDIS_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

start_server() {
    if is_running; then
        echo "redis.sh: already running on 127.0.0.1:$REDIS_PORT (folder $REDIS_DIR)" >&2
        return 0
    fi
    stop_server
    ensure_installed
    local port dir password
    port="$(free_port)"
    dir="$tmp_root/accidentml-redis-$port"
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    mkdir -p "$dir"
    chmod 700 "$dir"
    (umask 077; cat >"$dir/redis.conf" <<CONF
bind 127.0.0.1
protected-mode yes
port $port
requirepass $password
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
dir $dir
save ""
appendonly no
CONF
)
    redis-server "$dir/redis.conf" || { tail -20 "$dir/redis.log" >&2 || true; rm -rf "$dir"; die "redis-server failed (log above)"; }
    local pid=""
    for _ in $(seq 100); do
        [ -s "$dir/redis.pid" ] && pid="$(cat "$dir/redis.pid")"
        [ -n "$pid" ] && REDIS_PORT="$port" REDIS_PASSWORD="$password" ping && break
        sleep 0.1
    done
    [ -n "$pid" ] && REDIS_PORT="$port" REDIS_PASSWORD="$password" ping \
        || { tail -20 "$dir/redis.log" >&2 || true; [ -n "$pid" ] && kill "$pid"; rm -rf "$dir"; die "redis did not answer PING (log above)"; }

    write_private "$state_file" <<STATE
REDIS_DIR='$dir'
REDIS_PORT='$port'
REDIS_PID='$pid'
REDIS_PASSWORD='$password'
REDIS_URL='redis://:$password@127.0.0.1:$port/0'
STATE
    echo "redis.sh: started Redis on 127.0.0.1:$port (folder $dir); '$0 url' prints the URL" >&2
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server; echo "redis.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$REDIS_URL" ;;
    logs) load_state || die "no state file ($state_file)"; echo "$REDIS_DIR/redis.log" ;;
    status)
        if is_running; then echo "running on 127.0.0.1:$REDIS_PORT (folder $REDIS_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
