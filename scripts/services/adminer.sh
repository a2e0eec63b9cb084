#!/usr/bin/env bash
# Adminer (the seed's `adminer` service) for the project's PostgreSQL: Debian's `adminer` package
# served by PHP's built-in web server, its login page pre-filled for the accidents database.
#
#   scripts/services/adminer.sh start    # php -S on a free port (idempotent); needs postgres.sh running
#   scripts/services/adminer.sh url      # http://127.0.0.1:PORT/
#   scripts/services/adminer.sh status   # exit 0 when running, 3 when not
#   scripts/services/adminer.sh logs     # prints the log file's path
#   scripts/services/adminer.sh stop     # stop and delete the folder (idempotent)
#
# The folder ${TMPDIR:-/tmp}/accidentml-adminer-PORT holds a small index.php (Adminer with the
# version check off and a plugin method that pre-fills the login form with PostgreSQL,
# 127.0.0.1:PG_PORT, user accidentml, database accidents: only the password is left to type), the
# PHP sessions, Adminer's failed-login counter (upload_tmp_dir, per instance) and the log. Bind address: ACCIDENTML_ADMINER_BIND (default 127.0.0.1; the stack's
# STACK_BIND). Base port: ACCIDENTML_ADMINER_PORT (default 8088, the seed's). State file
# $ACCIDENTML_ADMINER_STATE (default <checkout>/.services/adminer.state, mode 600): ADMINER_PORT
# ADMINER_URL ADMINER_BIND ADMINER_DIR ADMINER_PID. Installs `adminer php-cli php-pgsql` with
# apt-get when missing. Adminer holds no credentials: it asks PostgreSQL at each login.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state_file="${ACCIDENTML_ADMINER_STATE:-$repo/.services/adminer.state}"
first_port="${ACCIDENTML_ADMINER_PORT:-8088}"
bind="${ACCIDENTML_ADMINER_BIND:-127.0.0.1}"
adminer_php=/usr/share/adminer/adminer.php

service=adminer
port_variable=ACCIDENTML_ADMINER_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

ensure_installed() {
    [ -f "$adminer_php" ] && command -v php >/dev/null && php -m 2>/dev/null | grep -qx pgsql && return 0
    echo "adminer.sh: installing Debian's adminer, php-cli and php-pgsql" >&2
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
        adminer php-cli php-pgsql >/dev/null
    [ -f "$adminer_php" ] || die "adminer installed but $adminer_php is missing"
}

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${ADMINER_DIR:-}" ] && [ -n "${ADMINER_PORT:-}" ] && [ -n "${ADMINER_PID:-}" ]
}

# The login page answers: the process lives and PHP serves Adminer.
healthy() {
    local page
    page="$(curl -sSL --max-time 5 "$ADMINER_URL" 2>/dev/null)" || return 1
    [[ "$page" == *'name="auth[password]"'* ]]
}

is_running() {
    load_state || return 1
    kill -0 "$ADMINER_PID" 2>/dev/null || return 1
    healthy
}

stop_server() {
    if load_state; then
        if kill -0 "$ADMINER_PID" 2>/dev/null; then
            kill "$ADMINER_PID" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$ADMINER_PID" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$ADMINER_PID" 2>/dev/null || true
        fi
        case "$ADMINER_DIR" in
            "$tmp_root"/accidentml-adminer-*) rm -rf "$ADMINER_DIR" ;;
            *) die "refusing to delete unexpected folder '$ADMINER_DIR' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

# The PostgreSQL server the login form points at (postgres.sh's state).
postgres_port() {
    local pg_state="${ACCIDENTML_PG_STATE:-$repo/.services/postgres.state}"
    "$repo/scripts/services/postgres.sh" status >/dev/null 2>&1 \
        || die "PostgreSQL is not running (run scripts/services/postgres.sh start first)"
    (. "$pg_state"; echo "$PG_PORT")
}

write_index() {
    local dir="$1" pg_port="$2"
    cat >"$dir/www/index.php" <<EOF
<?php
// Written by scripts/services/adminer.sh: Debian's Adminer for AccidentML's PostgreSQL, its login
// form pre-filled (PostgreSQL, 127.0.0.1:$pg_port, accidentml, accidents): only the password is left.
function adminer_object() {
    include_once '/usr/share/adminer/plugins/plugin.php';
    include_once '/usr/share/adminer/plugins/version-noverify.php';
    class AccidentMLAdminer extends AdminerPlugin {
        function name() { return 'AccidentML'; }
        function loginFormField(\$name, \$heading, \$value) {
            \$defaults = array('server' => '127.0.0.1:$pg_port', 'username' => 'accidentml', 'db' => 'accidents');
            if (\$name == 'driver' && DRIVER == 'server' && !isset(\$_GET['server'])) {
                \$value = str_replace('<option value="pgsql">', '<option value="pgsql" selected>',
                    str_replace(' selected>', '>', \$value));
            } elseif (isset(\$defaults[\$name])) {
                \$value = preg_replace('~ value=""~', ' value="' . h(\$defaults[\$name]) . '"', \$value, 1);
            }
            return \$heading . \$value;
        }
    }
    return new AccidentMLAdminer(array(new AdminerVersionNoverify()));
}
include '$adminer_php';
EOF
}

start_server() {
    if is_running; then
        echo "adminer.sh: already running at $ADMINER_URL (folder $ADMINER_DIR)" >&2
        return 0
    fi
    stop_server # a stale state file or a half-made folder from an earlier run
    ensure_installed
    local pg_port port dir url pid
    pg_port="$(postgres_port)"
    port="$(free_port)"
    dir="$tmp_root/accidentml-adminer-$port"
    mkdir -p "$dir/www" "$dir/sessions"
    chmod 700 "$dir"
    write_index "$dir" "$pg_port"
    local host="$bind"
    [ "$bind" = "0.0.0.0" ] && host=127.0.0.1
    url="http://$host:$port/"
    # setsid: its own session, so the caller's terminal signals do not reach it.
    setsid php -d session.save_path="$dir/sessions" -d upload_tmp_dir="$dir/sessions" -d display_errors=0 -d log_errors=1 \
        -d error_log="$dir/php-errors.log" -d error_reporting='E_ALL & ~E_DEPRECATED' \
        -S "$bind:$port" -t "$dir/www" >"$dir/adminer.log" 2>&1 </dev/null &
    pid=$!

    write_private "$state_file" <<EOF
ADMINER_PORT='$port'
ADMINER_URL='$url'
ADMINER_BIND='$bind'
ADMINER_DIR='$dir'
ADMINER_PID='$pid'
EOF
    for _ in $(seq 100); do
        is_running && break
        kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/adminer.log" >&2; stop_server; die "php -S exited (log above)"; }
        sleep 0.1
    done
    is_running || { tail -20 "$dir/adminer.log" >&2; stop_server; die "no login page at $url within 10 s (log above)"; }
    echo "adminer.sh: started Adminer at $url (on $bind:$port, folder $dir)" >&2
}

case "${1:-}" in
    start) start_server ;;
    stop) stop_server; echo "adminer.sh: stopped" >&2 ;;
    url) is_running || die "not running (run '$0 start' first)"; echo "$ADMINER_URL" ;;
    logs) load_state || die "not running"; echo "$ADMINER_DIR/adminer.log" ;;
    status)
        if is_running; then echo "running at $ADMINER_URL (pid $ADMINER_PID, folder $ADMINER_DIR)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs" >&2; exit 2 ;;
esac
