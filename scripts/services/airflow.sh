#!/usr/bin/env bash
# Apache Airflow 3 with the CeleryExecutor: the retraining pipeline's orchestrator.
#
#   scripts/services/airflow.sh start    # venv, db migrate, api-server, scheduler, dag-processor, worker
#   scripts/services/airflow.sh url      # http://127.0.0.1:PORT (the API server and UI)
#   scripts/services/airflow.sh status   # exit 0 when every process is up and healthy, 3 when not
#   scripts/services/airflow.sh logs     # print the logs folder
#   scripts/services/airflow.sh cli ARGS # run the `airflow` CLI against this instance
#   scripts/services/airflow.sh venv     # create/refresh the venv only, print its path
#   scripts/services/airflow.sh stop     # stop every process, delete the folder (idempotent)
#
# Requires scripts/services/postgres.sh and redis.sh running (starts neither; dies with a clear
# message). Metadata in the database `airflow` (`postgres.sh database airflow`; another name with
# ACCIDENTML_AIRFLOW_DATABASE), Celery broker on
# Redis, Celery results in the same PostgreSQL database (db+postgresql://). The venv is
# <checkout>/.venv-airflow/ from pipeline/requirements.txt + pipeline/constraints.txt (uv when
# present). AIRFLOW_HOME is ${TMPDIR:-/tmp}/accidentml-airflow-PORT (airflow.cfg, logs, pids),
# deleted by `stop`. The admin user of the simple auth manager gets a random password per start.
# Bind address of the API server and UI: ACCIDENTML_AIRFLOW_BIND (default 127.0.0.1; the stack's
# STACK_BIND: the UI is front-tier). Nothing else listens: the Celery worker runs without its log
# server (`--skip-serve-logs`, which binds every interface), as the API server reads the task
# logs from the same folder.
# State ($ACCIDENTML_AIRFLOW_STATE, default <checkout>/.services/airflow.state, mode 600):
# AIRFLOW_PORT AIRFLOW_URL AIRFLOW_BIND AIRFLOW_HOME AIRFLOW_ADMIN_USER AIRFLOW_ADMIN_PASSWORD AIRFLOW_VENV
# AIRFLOW_PIDS AIRFLOW_LOG_PORT AIRFLOW_DB_URL AIRFLOW_BROKER_URL.
set -euo pipefail

tmp_root="${TMPDIR:-/tmp}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services="$repo/scripts/services"
state_file="${ACCIDENTML_AIRFLOW_STATE:-$repo/.services/airflow.state}"
first_port="${ACCIDENTML_AIRFLOW_PORT:-18080}"
bind="${ACCIDENTML_AIRFLOW_BIND:-127.0.0.1}"
host="$bind" # the address clients (and the workers' execution API calls) use
[ "$bind" = "0.0.0.0" ] && host=127.0.0.1
database="${ACCIDENTML_AIRFLOW_DATABASE:-airflow}" # another name gives a second instance its own metadata
venv="$repo/.venv-airflow"
requirements="$repo/pipeline/requirements.txt"
constraints="$repo/pipeline/constraints.txt"
dags_folder="$repo/pipeline/dags"
components=(api-server scheduler dag-processor celery-worker)

service=airflow
port_variable=ACCIDENTML_AIRFLOW_PORT
# shellcheck source=scripts/services/lib.sh
. "$repo/scripts/services/lib.sh" # die, port_in_use, free_port, write_private, ensure_venv_from

# Creates or refreshes the venv when the pinned files changed since the last install.
ensure_venv() {
    local stamp="$venv/.accidentml-requirements" want
    want="$(cat "$requirements" "$constraints" | sha256sum | cut -c1-16)"
    [ -x "$venv/bin/airflow" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && return 0
    echo "airflow.sh: installing the pipeline venv in $venv" >&2
    if command -v uv >/dev/null; then
        [ -x "$venv/bin/python" ] || uv venv -q -p python3 "$venv"
        VIRTUAL_ENV="$venv" uv pip install -q -r "$requirements" -c "$constraints"
    else
        [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
        "$venv/bin/pip" install -q -r "$requirements" -c "$constraints"
    fi
    echo "$want" >"$stamp"
}

load_state() {
    [ -f "$state_file" ] || return 1
    # shellcheck disable=SC1090
    . "$state_file"
    [ -n "${AIRFLOW_HOME:-}" ] && [ -n "${AIRFLOW_PORT:-}" ] && [ -n "${AIRFLOW_PIDS:-}" ]
}

random_secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-24}"; }

af() { AIRFLOW_HOME="$AIRFLOW_HOME" "$venv/bin/airflow" "$@"; }

# Healthy: every recorded process alive, the API's health endpoint answers with a healthy
# metadatabase, scheduler and dag processor, and the Celery worker said it is ready. (`start`
# also waits for the worker to answer `celery inspect ping`: too slow for every status, as the
# celery CLI takes 10-30 s to start on a busy 2-core machine.)
is_healthy() {
    unhealthy="no state file"
    load_state || return 1
    local pid
    unhealthy="a process exited"
    for pid in $AIRFLOW_PIDS; do kill -0 "$pid" 2>/dev/null || return 1; done
    unhealthy="the API server does not answer /api/v2/monitor/health"
    health="$(curl -fsS -m 5 "$AIRFLOW_URL/api/v2/monitor/health" 2>/dev/null)" || return 1
    unhealthy="unhealthy: $health"
    "$venv/bin/python" - "$health" <<'PY' || return 1
import json, sys
h = json.loads(sys.argv[1])
bad = [k for k in ("metadatabase", "scheduler", "dag_processor") if h.get(k, {}).get("status") != "healthy"]
sys.exit(1 if bad else 0)
PY
    unhealthy="the Celery worker is not ready"
    grep -q "accidentml-$AIRFLOW_PORT@.* ready" "$AIRFLOW_HOME/logs/celery-worker.log" 2>/dev/null
}

celery_ping() {
    local answer
    answer="$(timeout 120 "$venv/bin/celery" -b "${AIRFLOW_BROKER_URL:?}" inspect ping -t 10 2>/dev/null)" || return 1
    [[ "$answer" == *pong* ]]
}

# Every process whose environment names this AIRFLOW_HOME: the recorded process groups and any
# task subprocess that started a session of its own.
instance_pids() {
    grep -lzx "AIRFLOW_HOME=$1" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | grep -vx "$$" || true
}

stop_airflow() {
    if load_state; then
        local pid
        for pid in $AIRFLOW_PIDS; do kill -TERM -- "-$pid" 2>/dev/null || true; done
        for _ in $(seq 100); do
            [ -z "$(instance_pids "$AIRFLOW_HOME")" ] && break
            sleep 0.2
        done
        for pid in $(instance_pids "$AIRFLOW_HOME"); do kill -9 "$pid" 2>/dev/null || true; done
        case "$AIRFLOW_HOME" in
            "$tmp_root"/accidentml-airflow-*) rm -rf "$AIRFLOW_HOME" ;;
            *) die "refusing to delete unexpected folder '$AIRFLOW_HOME' named in $state_file" ;;
        esac
    fi
    rm -f "$state_file"
}

write_config() { # write_config HOME PORT LOG_PORT DB_URL BROKER_URL
    local home="$1" port="$2" log_port="$3" db="$4" broker="$5" fernet
    fernet="$("$venv/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
    (umask 077; cat >"$home/airflow.cfg" <<CFG
[core]
executor = CeleryExecutor
dags_folder = $dags_folder
load_examples = False
dags_are_paused_at_creation = False
fernet_key = $fernet
execution_api_server_url = http://$host:$port/execution/
simple_auth_manager_users = admin:admin
simple_auth_manager_passwords_file = $home/passwords.json
parallelism = 8
max_active_tasks_per_dag = 4

[database]
sql_alchemy_conn = postgresql+psycopg2://${db#postgres://}

[api]
host = $bind
port = $port
base_url = http://$host:$port
workers = 1
secret_key = $(random_secret 32)

[api_auth]
jwt_secret = $(random_secret 48)

[scheduler]
catchup_by_default = False

[dag_processor]
refresh_interval = 5

[logging]
base_log_folder = $home/logs
worker_log_server_port = $log_port

[celery]
broker_url = $broker
result_backend = db+postgresql+psycopg2://${db#postgres://}
worker_concurrency = 4

[webserver]
expose_config = False
CFG
)
}

start_component() { # start_component NAME ARGS... ; prints the pid (a new session: its own process group)
    local name="$1"; shift
    AIRFLOW_HOME="$AIRFLOW_HOME" setsid "$venv/bin/airflow" "$@" >"$AIRFLOW_HOME/logs/$name.log" 2>&1 </dev/null &
    echo $!
}

start_airflow() {
    if is_healthy; then
        echo "airflow.sh: already running on $AIRFLOW_URL (folder $AIRFLOW_HOME)" >&2
        return 0
    fi
    stop_airflow
    "$services/postgres.sh" status >/dev/null || die "PostgreSQL is not running: run scripts/services/postgres.sh start first"
    "$services/redis.sh" status >/dev/null || die "Redis is not running: run scripts/services/redis.sh start first"
    ensure_venv
    local port log_port db broker password pids=""
    port="$(free_port "$first_port")"
    log_port="$(free_port $((port + 1)) "$port")"
    AIRFLOW_HOME="$tmp_root/accidentml-airflow-$port"
    mkdir -p "$AIRFLOW_HOME/logs"
    chmod 700 "$AIRFLOW_HOME"
    db="$("$services/postgres.sh" database "$database")"
    db="${db%%\?*}"
    broker="$("$services/redis.sh" url)"
    write_config "$AIRFLOW_HOME" "$port" "$log_port" "$db" "$broker"
    password="$(random_secret 24)"
    (umask 077; printf '{"admin": "%s"}\n' "$password" >"$AIRFLOW_HOME/passwords.json")

    af db migrate >"$AIRFLOW_HOME/logs/db-migrate.log" 2>&1 \
        || { tail -n 30 "$AIRFLOW_HOME/logs/db-migrate.log" >&2; die "airflow db migrate failed (log above)"; }
    pids+=" $(start_component api-server api-server --host "$bind" --port "$port")"
    pids+=" $(start_component scheduler scheduler)"
    pids+=" $(start_component dag-processor dag-processor)"
    pids+=" $(start_component celery-worker celery worker --concurrency 4 --skip-serve-logs \
        --celery-hostname "accidentml-$port@%h")"

    write_private "$state_file" <<STATE
AIRFLOW_HOME='$AIRFLOW_HOME'
AIRFLOW_PORT='$port'
AIRFLOW_URL='http://$host:$port'
AIRFLOW_BIND='$bind'
AIRFLOW_LOG_PORT='$log_port'
AIRFLOW_ADMIN_USER='admin'
AIRFLOW_ADMIN_PASSWORD='$password'
AIRFLOW_VENV='$venv'
AIRFLOW_DB_URL='postgresql+psycopg2://${db#postgres://}'
AIRFLOW_BROKER_URL='$broker'
AIRFLOW_PIDS='${pids# }'
STATE

    local started=$SECONDS
    until is_healthy; do
        for pid in $pids; do
            kill -0 "$pid" 2>/dev/null && continue
            tail -n 30 "$AIRFLOW_HOME"/logs/*.log >&2 || true
            stop_airflow
            die "an Airflow process exited during start (logs above)"
        done
        [ $((SECONDS - started)) -ge 420 ] && { tail -n 30 "$AIRFLOW_HOME"/logs/*.log >&2; stop_airflow; die "not healthy after 420 s: $unhealthy (logs above)"; }
        sleep 2
    done
    celery_ping || { stop_airflow; die "the Celery worker did not answer 'celery inspect ping'"; }
    echo "airflow.sh: started Airflow on http://$host:$port (on $bind:$port, folder $AIRFLOW_HOME); admin password in $state_file" >&2
}

case "${1:-}" in
    start) start_airflow ;;
    stop) stop_airflow; echo "airflow.sh: stopped" >&2 ;;
    url) is_healthy || die "not running (run '$0 start' first)"; echo "$AIRFLOW_URL" ;;
    logs) load_state || die "no state file ($state_file)"; echo "$AIRFLOW_HOME/logs" ;;
    venv) ensure_venv; echo "$venv" ;;
    cli) shift; load_state || die "not running (run '$0 start' first)"; af "$@" ;;
    status)
        if is_healthy; then echo "running on $AIRFLOW_URL (folder $AIRFLOW_HOME)"; else echo "not running"; exit 3; fi ;;
    *) echo "usage: $0 start|stop|url|status|logs|cli ARGS...|venv" >&2; exit 2 ;;
esac
