#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests and measurements, on loopback only.
#
#   scripts/services/postgres.sh start    # initdb + start on a free port (idempotent)
#   scripts/services/postgres.sh url      # postgres://accidentml:…@127.0.0.1:PORT/accidents
#   scripts/services/postgres.sh status   # exit 0 when running, 3 when not
#   scripts/services/postgres.sh database NAME  # create database NAME (idempotent), print its URL
#   scripts/services/postgres.sh stop     # stop and delete everything (idempotent)
#
# The cluster lives in ${TMPDIR:-/tmp}/accidentml-pg-PORT (data, socket, log) and is deleted by
# `stop`. Role `accidentml` gets a fresh random password, database `accidents` is owned by it.
# The state file ($ACCIDENTML_PG_STATE, default <checkout>/.services/postgres.state, mode 600)
# holds the port, the folder and the URL: each checkout has its own server, so two checkouts on
# one machine never stop each other's. Durability is off (fsync, synchronous_commit): the data
# is disposable. Uses Debian's `postgresql` package (installed with apt-get when missing); when run
# as root, the server runs as the `postgres` OS user, as PostgreSQL refuses to run as root.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_file="${ACCIDENTML_PG_STATE:-$repo/.services/postgres.state}"
first_port="${ACCIDENTML_PG_PORT:-54329}"

service=postgres
folder=pg
port_variable=ACCIDENTML_PG_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

pg_bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

ensure_installed() {
    pg_bin_dir >/dev/null && return 0
    echo "postgres.sh: installing Debian's postgresql package" >&2
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    pg_bin_dir >/dev/null || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
}

# Runs a command as the server's OS user: `postgres` when we are root, ourselves otherwise.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (is Debian's postgresql package installed?)"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

server_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${PG_DIR:-}" ] && [ -n "${PG_PORT:-}" ] && [ -n "${PG_URL:-}" ]
}

is_running() {
    load_state || return 1
    [ -d "$PG_DIR/data" ] || return 1
    as_server_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1 \
        && "$(pg_bin_dir)/pg_isready" -q -h "$PG_DIR/socket" -p "$PG_PORT" # a killed server can leave a zombie
}

stop_cluster() {
    if load_state; then
        if [ -d "$PG_DIR/data" ] && pg_bin_dir >/dev/null; then
            as_server_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        case "$PG_DIR" in
            "$tmp_root"/accidentml-pg-*) rm -rf "$PG_DIR" ;;
            *) die "refusing to delete unexpected folder '$PG_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

start_cluster() {
    if is_running; then
        echo "postgres.sh: already running on 127.0.0.1:$PG_PORT (folder $PG_DIR)" >&2
        return 0
    fi
    stop_cluster # a stale state file or a half-made folder from an earlier run
    ensure_installed
    local bin port dir password
    bin="$(pg_bin_dir)"
    port="$(free_port)"
    dir="$tmp_root/accidentml-pg-$port"
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    mkdir -p "$dir/socket"
    chmod 700 "$dir"
    chown -R "$(server_user)" "$dir"

    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed (log above)"; }
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 2GB
shared_buffers = 256MB
EOF
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null \
        || { tail -20 "$dir/server.log" >&2 || true; rm -rf "$dir"; die "pg_ctl start failed (log above)"; }

    local psql=(as_server_user "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres)
    "${psql[@]}" -c "CREATE ROLE accidentml LOGIN PASSWORD '$password'" >/dev/null
    "${psql[@]}" -c "CREATE DATABASE accidents OWNER accidentml" >/dev/null

    write_private "$state_file" <<EOF
PG_DIR='$dir'
PG_PORT='$port'
PG_URL='postgres://accidentml:$password@127.0.0.1:$port/accidents?sslmode=disable'
EOF
    echo "postgres.sh: started PostgreSQL on 127.0.0.1:$port (folder $dir); '$0 url' prints the URL" >&2
}

# Creates database $1 owned by `accidentml` when it does not exist yet (for MLflow, Airflow, ...),
# then prints its URL: the accidents URL with the database name replaced.
create_database() {
    local name="$1"
    [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "database name '$name' must be lower-case letters, digits and _"
    is_running || die "not running (run '$0 start' first)"
    local psql=(as_server_user "$(pg_bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/socket" -p "$PG_PORT" -U postgres -d postgres)
    if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        "${psql[@]}" -c "CREATE DATABASE $name OWNER accidentml" >/dev/null
    fi
    echo "${PG_URL/\/accidents\?//$name?}"
}

case "${1:-}" in
    start) start_cluster ;;
    database) [ $# -eq 2 ] || die "usage: $0 database NAME"; create_database "$2" ;;
    stop) stop_cluster; echo "postgres.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$PG_URL" ;;
    status)
        if is_running; then echo "running on 127.0.0.1:$PG_PORT (folder $PG_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|database NAME" >&2; exit 2 ;;
esac
