#!/usr/bin/env bash
# The whole AccidentML platform on one machine, without Docker: the seed's 11 compose services,
# each run by the project's own service script (scripts/services/*.sh), started in dependency
# order and health-checked.
#
#   scripts/stack.sh up                 # start what is down, in order, each after the previous one's health
#   scripts/stack.sh status             # one table: seed service, what runs it, URL, health, pid (exit 3 if any is down)
#   scripts/stack.sh logs [SERVICE]     # the last lines of every service's log (or one: seed name)
#   scripts/stack.sh backup             # pg_dump -Fc of accidents, mlflow, airflow into the backup folder
#   scripts/stack.sh restore FILE       # pg_restore one dump into its database (named by the file)
#   scripts/stack.sh down [--purge]     # stop everything (a backup first); --purge also deletes backups and credentials
#   scripts/stack.sh init               # only write the env file (settings; what runs now): edit STACK_BIND before up
#   scripts/stack.sh describe           # the service table (tab-separated), for tests and docs
#
# Order of `up`: PostgreSQL (databases accidents, mlflow, airflow; the default BAAC year ingested
# into an empty accidents database), Adminer, S3, MLflow, Redis, Airflow (migrate, api-server,
# scheduler, dag-processor, Celery worker), Flower, then accident-server on
# models:/accident-severity@champion; with no champion yet, the default model is trained with
# tracking, registered and promoted first. A second `up` starts only what is down.
#
# Settings and credentials: one env file ($ACCIDENTML_STACK_ENV, default .services/stack.env,
# mode 600, the seed's .env): written on the first `up` with the API's prediction and
# administrator keys, the bind address and the base ports; every `up` then rewrites its second
# part with what the services answer (URLs, users, passwords; the service scripts make fresh
# ones per start). Front-facing services (app, Adminer, MLflow UI, Airflow UI, Flower) bind to
# STACK_BIND (default 127.0.0.1), the others to loopback only. Backups: $ACCIDENTML_STACK_BACKUP
# (default .services/stack/backup), the seed's postgres_data_accidents_backup volume.
# The service scripts delete their data on stop (their contract): what outlives `down` is the
# env file and the backups; `restore` brings a database back.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
services="$repo/scripts/services"
env_file="${ACCIDENTML_STACK_ENV:-$repo/.services/stack.env}"
backup_dir="${ACCIDENTML_STACK_BACKUP:-$repo/.services/stack/backup}"
train_bin="${ACCIDENTML_TRAIN_BINARY:-$repo/.build/release/train}"
server_bin="${ACCIDENTML_API_BINARY:-$repo/.build/release/accident-server}"
run_dir="${ACCIDENTML_STACK_RUN_DIR:-$repo/runs/stack-default}"
model_name="accident-severity"
databases=(accidents mlflow airflow)
started=()
runtime_marker="# ---- written by every 'stack.sh up' from the running services (do not edit below) ----"

# The seed's services: name, the script that runs it, tier (front = STACK_BIND, back = loopback),
# the env file's base-port variable and its default (the compose file publishes the same ports).
service_table() {
    cat <<'EOF'
postgresql_accidents	postgres.sh	back	PG_PORT	54329
adminer	adminer.sh	front	ADMINER_PORT	8088
minio	s3.sh	back	S3_PORT	18333
mlflow-server	mlflow.sh	front	MLFLOW_PORT	15000
redis	redis.sh	back	REDIS_PORT	16379
airflow-init	airflow.sh	back	-	-
airflow-webserver	airflow.sh	front	AIRFLOW_PORT	18080
airflow-scheduler	airflow.sh	back	-	-
airflow-worker	airflow.sh	back	-	-
flower	flower.sh	front	FLOWER_PORT	15555
app	api.sh	front	APP_PORT	8000
EOF
}

die() { echo "stack.sh: $*" >&2; exit 1; }
say() { echo "stack.sh: $*" >&2; }

# ---------------------------------------------------------------- settings (the env file)

random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-32}"; }

# Writes the settings part of the env file on the first `up`; returns 0 when it was created now.
create_env_file() {
    [ -f "$env_file" ] && return 1
    local old_umask
    old_umask="$(umask)"
    umask 077
    mkdir -p "$(dirname "$env_file")"
    {
        echo "# AccidentML stack settings and credentials (the seed's .env): written by scripts/stack.sh"
        echo "# on the first 'up' ($(date -u +%Y-%m-%dT%H:%M:%SZ)); mode 600; never commit it."
        echo "STACK_BIND='${STACK_BIND:-127.0.0.1}'"
        echo "API_KEYS='$(random_secret 40)'"
        echo "ADMIN_API_KEYS='$(random_secret 40)'"
        echo "POSTGRES_USER='accidentml'"
        echo "POSTGRES_DB='accidents'"
        echo "S3_BUCKET='mlflow-artifacts'"
        echo "MLFLOW_MODEL_NAME='$model_name'"
        local name script tier var port
        while IFS=$'\t' read -r name script tier var port; do
            [ "$var" = "-" ] || echo "$var='$port'"
        done < <(service_table)
        echo "$runtime_marker"
    } >"$env_file"
    umask "$old_umask"
    return 0
}

# Loads the env file into this shell (settings, then the runtime part of the last `up`).
load_env() {
    [ -f "$env_file" ] || return 0
    # shellcheck disable=SC1090
    . "$env_file"
}

# The base port and bind address each service script takes, from the env file.
export_service_settings() {
    local bind="${STACK_BIND:-127.0.0.1}"
    export ACCIDENTML_PG_PORT="${PG_PORT:-54329}"
    export ACCIDENTML_ADMINER_PORT="${ADMINER_PORT:-8088}" ACCIDENTML_ADMINER_BIND="$bind"
    export ACCIDENTML_S3_PORT="${S3_PORT:-18333}"
    export ACCIDENTML_MLFLOW_PORT="${MLFLOW_PORT:-15000}" ACCIDENTML_MLFLOW_BIND="$bind"
    export ACCIDENTML_REDIS_PORT="${REDIS_PORT:-16379}"
    export ACCIDENTML_AIRFLOW_PORT="${AIRFLOW_PORT:-18080}" ACCIDENTML_AIRFLOW_BIND="$bind"
    export ACCIDENTML_FLOWER_PORT="${FLOWER_PORT:-15555}" ACCIDENTML_FLOWER_BIND="$bind"
    export ACCIDENTML_API_PORT="${APP_PORT:-8000}" ACCIDENTML_API_BIND="$bind"
    export ACCIDENTML_STACK_ENV="$env_file"
}

# A service's state file, sourced in a subshell: `state_value NAME KEY`.
state_file_of() {
    case "$1" in
        postgres) echo "${ACCIDENTML_PG_STATE:-$repo/.services/postgres.state}" ;;
        *) local upper; upper="$(echo "$1" | tr '[:lower:]' '[:upper:]')"
           local var="ACCIDENTML_${upper}_STATE"; echo "${!var:-$repo/.services/$1.state}" ;;
    esac
}
state_value() {
    local file
    file="$(state_file_of "$1")"
    [ -f "$file" ] || return 0
    (. "$file" >/dev/null 2>&1; echo "${!2:-}")
}

# Rewrites the runtime part of the env file from the services' state files.
write_runtime_env() {
    local settings pg_url
    settings="$(sed "/^$(printf '%s' "$runtime_marker" | sed 's/[][\.*^$/]/\\&/g')\$/q" "$env_file")"
    pg_url="$(state_value postgres PG_URL)"
    local old_umask
    old_umask="$(umask)"
    umask 077
    {
        printf '%s\n' "$settings"
        grep -qxF "$runtime_marker" <<<"$settings" || echo "$runtime_marker"
        echo "POSTGRES_PASSWORD='$(sed -E 's|^postgres://[^:]*:([^@]*)@.*|\1|' <<<"$pg_url")'"
        echo "DATABASE_URL='$pg_url'"
        echo "MLFLOW_DATABASE_URL='${pg_url/\/accidents\?//mlflow?}'"
        echo "AIRFLOW_DATABASE_URL='${pg_url/\/accidents\?//airflow?}'"
        echo "ADMINER_URL='$(state_value adminer ADMINER_URL)'"
        echo "S3_ENDPOINT='$(state_value s3 S3_ENDPOINT)'"
        echo "S3_ACCESS_KEY='$(state_value s3 S3_ACCESS_KEY)'"
        echo "S3_SECRET_KEY='$(state_value s3 S3_SECRET_KEY)'"
        echo "MLFLOW_TRACKING_URI='$(state_value mlflow MLFLOW_URL)'"
        echo "REDIS_URL='$(state_value redis REDIS_URL)'"
        echo "REDIS_PASSWORD='$(state_value redis REDIS_PASSWORD)'"
        echo "AIRFLOW_URL='$(state_value airflow AIRFLOW_URL)'"
        echo "AIRFLOW_ADMIN_USER='$(state_value airflow AIRFLOW_ADMIN_USER)'"
        echo "AIRFLOW_ADMIN_PASSWORD='$(state_value airflow AIRFLOW_ADMIN_PASSWORD)'"
        echo "FLOWER_URL='$(state_value flower FLOWER_URL)'"
        echo "FLOWER_USER='$(state_value flower FLOWER_USER)'"
        echo "FLOWER_PASSWORD='$(state_value flower FLOWER_PASSWORD)'"
        echo "APP_URL='$(state_value api API_URL)'"
    } >"$env_file.new"
    mv "$env_file.new" "$env_file"
    chmod 600 "$env_file"
    umask "$old_umask"
}

# ---------------------------------------------------------------- health checks (the seed's)

http_ok() { curl -fsS --max-time 10 -o /dev/null "$@" 2>/dev/null; }

# Runs a tool of the Airflow venv against the running instance (its AIRFLOW_HOME).
airflow_cli() {
    local home venv
    home="$(state_value airflow AIRFLOW_HOME)"
    venv="$(state_value airflow AIRFLOW_VENV)"
    [ -n "$home" ] && [ -x "$venv/bin/$1" ] || return 1
    AIRFLOW_HOME="$home" timeout 120 "$venv/bin/$1" "${@:2}" 2>/dev/null
}

# The Nth pid of airflow.sh's AIRFLOW_PIDS (api-server, scheduler, dag-processor, celery worker).
airflow_pid() { local pids; pids="$(state_value airflow AIRFLOW_PIDS)"; echo "$pids" | awk -v n="$1" '{print $n}'; }

# health SERVICE: exit 0 when the seed's health check for that service passes.
health() {
    case "$1" in
        postgresql_accidents)
            local port; port="$(state_value postgres PG_PORT)"
            [ -n "$port" ] && pg_isready -q -h 127.0.0.1 -p "$port" ;;
        adminer) "$services/adminer.sh" status >/dev/null 2>&1 ;;
        app) local url; url="$(state_value api API_URL)"; [ -n "$url" ] && http_ok "$url/api/v1/test" ;;
        mlflow-server) local url; url="$(state_value mlflow MLFLOW_URL)"; [ -n "$url" ] && http_ok "$url/" ;;
        minio)
            local url; url="$(state_value s3 S3_ENDPOINT)"
            [ -n "$url" ] && http_ok "$url/healthz" ;; # SeaweedFS S3 liveness (MinIO: /minio/health/live)
        redis)
            local port pw; port="$(state_value redis REDIS_PORT)"; pw="$(state_value redis REDIS_PASSWORD)"
            [ -n "$port" ] && [ "$(REDISCLI_AUTH="$pw" redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ] ;;
        airflow-webserver)
            local url body; url="$(state_value airflow AIRFLOW_URL)"
            [ -n "$url" ] || return 1
            body="$(curl -fsS --max-time 10 "$url/api/v2/monitor/health" 2>/dev/null)" || return 1
            [ "$(jq -r '.metadatabase.status' <<<"$body" 2>/dev/null)" = "healthy" ] ;;
        airflow-scheduler) airflow_cli airflow jobs check --job-type SchedulerJob >/dev/null ;;
        airflow-worker)
            local answer; answer="$(airflow_cli celery -b "$(state_value redis REDIS_URL)" inspect ping -t 5)" || return 1
            [[ "$answer" == *pong* ]] ;;
        airflow-init) # one-shot `airflow db migrate`: done when the metadata database has its schema version
            local db; db="$(state_value airflow AIRFLOW_DB_URL)"
            [ -n "$db" ] && [ -n "$(psql -X -tA "${db/postgresql+psycopg2:/postgresql:}" \
                -c "SELECT version_num FROM alembic_version" 2>/dev/null)" ] ;;
        flower)
            local url user pw; url="$(state_value flower FLOWER_URL)"
            user="$(state_value flower FLOWER_USER)"; pw="$(state_value flower FLOWER_PASSWORD)"
            [ -n "$url" ] && http_ok -u "$user:$pw" "$url/" ;;
        *) return 1 ;;
    esac
}

# The pid of the process behind a service, or "-" (one-shot airflow-init, or unknown).
listener_pid() { ss -Htlnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
service_pid() {
    local pid="" port=""
    case "$1" in
        postgresql_accidents)
            local dir; dir="$(state_value postgres PG_DIR)"
            [ -f "$dir/data/postmaster.pid" ] && pid="$(head -1 "$dir/data/postmaster.pid")" ;;
        adminer) pid="$(state_value adminer ADMINER_PID)" ;;
        app) pid="$(state_value api API_PID)" ;;
        mlflow-server) pid="$(state_value mlflow MLFLOW_PID)"; port="$(state_value mlflow MLFLOW_PORT)" ;;
        minio) pid="$(state_value s3 S3_PID)"; port="$(state_value s3 S3_PORT)" ;;
        redis) pid="$(state_value redis REDIS_PID)"; port="$(state_value redis REDIS_PORT)" ;;
        airflow-webserver) pid="$(airflow_pid 1)"; port="$(state_value airflow AIRFLOW_PORT)" ;;
        airflow-scheduler) pid="$(airflow_pid 2)" ;;
        airflow-worker) pid="$(airflow_pid 4)" ;;
        flower) pid="$(state_value flower FLOWER_PID)"; port="$(state_value flower FLOWER_PORT)" ;;
    esac
    if [ -z "$pid" ] && [ -n "$port" ]; then pid="$(listener_pid "$port")"; fi
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; else echo "-"; fi
}

service_url() {
    case "$1" in
        postgresql_accidents) local p; p="$(state_value postgres PG_PORT)"; [ -n "$p" ] && echo "postgres://127.0.0.1:$p/accidents" ;;
        adminer) state_value adminer ADMINER_URL ;;
        app) local u; u="$(state_value api API_URL)"; [ -n "$u" ] && echo "$u/api/docs" ;;
        mlflow-server) state_value mlflow MLFLOW_URL ;;
        minio) state_value s3 S3_ENDPOINT ;;
        redis) local p; p="$(state_value redis REDIS_PORT)"; [ -n "$p" ] && echo "redis://127.0.0.1:$p" ;;
        airflow-webserver) state_value airflow AIRFLOW_URL ;;
        flower) state_value flower FLOWER_URL ;;
    esac
}

status_table() {
    local name script tier var port url pid state any_down=0 checks
    # The health checks run side by side (the Airflow CLI ones take seconds each).
    checks="$(mktemp -d)"
    while IFS=$'\t' read -r name script tier var port; do
        if [ -x "$services/$script" ]; then
            (if health "$name"; then echo healthy; else echo down; fi >"$checks/$name") &
        else
            echo missing >"$checks/$name"
        fi
    done < <(service_table)
    wait
    printf '%-21s %-20s %-42s %-8s %s\n' SERVICE "RUN BY" URL HEALTH PID
    while IFS=$'\t' read -r name script tier var port; do
        url="$(service_url "$name" || true)"
        state="$(cat "$checks/$name")"
        [ "$state" = healthy ] || any_down=1
        pid="$(service_pid "$name")"
        [ "$name" = "airflow-init" ] && { [ "$state" = healthy ] && state="done"; pid="-"; }
        printf '%-21s %-20s %-42s %-8s %s\n' "$name" "$script" "${url:--}" "$state" "$pid"
    done < <(service_table)
    rm -rf "$checks"
    echo "stack.sh: front tier (adminer, mlflow-server, airflow-webserver, flower, app) on STACK_BIND=${STACK_BIND:-127.0.0.1}; back tier on 127.0.0.1 only" >&2
    return $((any_down * 3))
}

# ---------------------------------------------------------------- up

require_script() {
    [ -x "$services/$1" ] || die "scripts/services/$1 is missing: it comes with the $2 work (merge it first)"
}

wait_healthy() {
    local name="$1" seconds="${2:-120}"
    for _ in $(seq "$seconds"); do health "$name" && return 0; sleep 1; done
    die "$name: no healthy answer within $seconds s (see 'scripts/stack.sh logs $name')"
}

# The release binaries (built on the first `up`), unless ACCIDENTML_TRAIN_BINARY and
# ACCIDENTML_API_BINARY name prebuilt ones.
ensure_binaries() {
    local product
    [ -x "$train_bin" ] && [ -x "$server_bin" ] && return 0
    for product in train accident-server; do
        [ -x "$repo/.build/release/$product" ] && continue
        say "building $product (release; the first run installs and compiles)"
        (cd "$repo" && scripts/install-deps.sh && swift build -c release --product "$product" >&2) \
            || die "swift build -c release --product $product failed (output above)"
    done
}

# Starts SCRIPT unless its `status` says it runs; then waits for the seed's health check of NAME.
start_service() {
    local name="$1" script="$2" work="$3"
    require_script "$script" "$work"
    if "$services/$script" status >/dev/null 2>&1 && health "$name"; then
        return 0
    fi
    say "starting $name ($script)"
    # One more try when the start fails: on a loaded 2-core machine Airflow can miss its script's
    # start-up deadline once (the script cleans up after itself, so a second start begins afresh).
    "$services/$script" start >&2 || { say "$script start failed; trying once more"; "$services/$script" start >&2; } \
        || die "$script start failed twice (see 'scripts/stack.sh logs $name')"
    wait_healthy "$name" "${4:-120}"
    started+=("$name")
}

up_postgres() {
    start_service postgresql_accidents postgres.sh "database" 60
    local db
    for db in mlflow airflow; do "$services/postgres.sh" database "$db" >/dev/null; done
    # An empty accidents database gets the default BAAC year, so Adminer, backups and the pipeline
    # have data from the first minute (train ingest applies the store's migrations).
    local url has_rows
    url="$("$services/postgres.sh" url)"
    has_rows="$(psql -X -tA "$url" -c "SELECT to_regclass('public.accidents') IS NOT NULL AND EXISTS (SELECT 1 FROM accidents)" 2>/dev/null || echo f)"
    if [ "$has_rows" != "t" ]; then
        say "ingesting the default BAAC year (data/default) into the accidents database"
        DATABASE_URL="$url" "$train_bin" ingest "$repo/data/default" >&2
    fi
}

# Airflow's REST API with the admin's token: airflow_api METHOD PATH [JSON]; prints the HTTP status.
airflow_api() {
    local url token
    url="$(state_value airflow AIRFLOW_URL)"
    token="$(curl -fsS --max-time 30 -H 'Content-Type: application/json' "$url/auth/token" -d "$(jq -n \
        --arg u "$(state_value airflow AIRFLOW_ADMIN_USER)" --arg p "$(state_value airflow AIRFLOW_ADMIN_PASSWORD)" \
        '{username: $u, password: $p}')" | jq -r .access_token)" || return 1
    curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' "$url$2" ${3:+-d "$3"}
}

# Creates or updates an Airflow Variable or Connection (KIND variables|connections, ID, JSON body).
airflow_put() {
    local code
    code="$(airflow_api PATCH "/api/v2/$1/$2" "$3")" || return 1
    [ "$code" = 404 ] && code="$(airflow_api POST "/api/v2/$1" "$3")"
    case "$code" in 200|201) return 0 ;; *) say "Airflow refused $1/$2 (HTTP $code)"; return 1 ;; esac
}

# The pipeline's Variables and Connections (pipeline/dags/accidentml/settings.py), from what runs
# now: rewritten by every `up`, as ports and passwords change when a service restarts.
configure_pipeline() {
    local pg_url api_url api_host pipeline_dir
    pg_url="$(state_value postgres PG_URL)"
    api_url="$(state_value api API_URL)"
    api_host="${api_url#http://}"; api_host="${api_host%:*}" # the API's address (STACK_BIND, or loopback for 0.0.0.0)
    pipeline_dir="$(dirname "$backup_dir")/pipeline"
    mkdir -p "$pipeline_dir/landing" "$pipeline_dir/work"
    airflow_put variables accidentml_train_bin "$(jq -n --arg v "$train_bin" '{key: "accidentml_train_bin", value: $v}')" &&
    airflow_put variables accidentml_mlflow_uri "$(jq -n --arg v "$(state_value mlflow MLFLOW_URL)" '{key: "accidentml_mlflow_uri", value: $v}')" &&
    airflow_put variables accidentml_work_dir "$(jq -n --arg v "$pipeline_dir/work" '{key: "accidentml_work_dir", value: $v}')" &&
    airflow_put variables accidentml_landing_dir "$(jq -n --arg v "$pipeline_dir/landing" '{key: "accidentml_landing_dir", value: $v}')" &&
    airflow_put connections accidentml_db "$(jq -n --arg port "$(state_value postgres PG_PORT)" \
        --arg pw "$(sed -E 's|^postgres://[^:]*:([^@]*)@.*|\1|' <<<"$pg_url")" \
        '{connection_id: "accidentml_db", conn_type: "postgres", host: "127.0.0.1", port: ($port | tonumber),
          login: "accidentml", password: $pw, schema: "accidents"}')" &&
    airflow_put connections accidentml_api "$(jq -n --arg port "${api_url##*:}" --arg admin "$ADMIN_API_KEYS" \
        --arg host "$api_host" --arg key "$API_KEYS" '{connection_id: "accidentml_api", conn_type: "http", host: $host,
          port: ($port | tonumber), schema: "http", password: $admin, extra: ({predict_key: $key} | tojson)}')" \
        || die "could not set the pipeline's Airflow Variables and Connections"
}

stack_up() {
    local first=0
    create_env_file && first=1
    load_env
    export_service_settings
    ensure_binaries
    started=()
    up_postgres
    start_service adminer adminer.sh "stack" 30
    start_service minio s3.sh "registry" 60
    start_service mlflow-server mlflow.sh "registry" 180
    start_service redis redis.sh "pipeline" 30
    start_service airflow-webserver airflow.sh "pipeline" 300
    wait_healthy airflow-scheduler 120
    wait_healthy airflow-worker 120
    start_service flower flower.sh "pipeline" 60
    local tracking
    tracking="$("$services/mlflow.sh" url)"
    if ! health app; then
        (cd "$repo" && MLFLOW_TRACKING_URI="$tracking" MLFLOW_MODEL_NAME="$model_name" \
            ACCIDENTML_TRAIN_BINARY="$train_bin" scripts/ensure-champion.sh "$run_dir") \
            || die "no champion in the registry and the default job could not make one (output above)"
    fi
    start_service app api.sh "stack" 120
    configure_pipeline
    write_runtime_env
    load_env
    if [ ${#started[@]} -eq 0 ]; then say "everything was already up"; else say "started: ${started[*]}"; fi
    print_summary "$first"
}

print_summary() {
    echo
    echo "AccidentML stack is up. Open in a browser:"
    echo "  API docs   $APP_URL/api/docs        (X-API-Key: a key of API_KEYS)"
    echo "  Adminer    $ADMINER_URL             (PostgreSQL accidentml / POSTGRES_PASSWORD, database accidents)"
    echo "  MLflow     $MLFLOW_TRACKING_URI"
    echo "  Airflow    $AIRFLOW_URL             ($AIRFLOW_ADMIN_USER / AIRFLOW_ADMIN_PASSWORD)"
    echo "  Flower     $FLOWER_URL              ($FLOWER_USER / FLOWER_PASSWORD)"
    echo "Settings and credentials: $env_file (mode 600)."
    if [ "$1" -eq 1 ]; then
        echo "Generated now (shown once; they stay in that file):"
        echo "  API_KEYS=$API_KEYS"
        echo "  ADMIN_API_KEYS=$ADMIN_API_KEYS"
        echo "  POSTGRES_PASSWORD=$POSTGRES_PASSWORD"
        echo "  AIRFLOW_ADMIN_PASSWORD=$AIRFLOW_ADMIN_PASSWORD"
        echo "  FLOWER_PASSWORD=$FLOWER_PASSWORD"
    fi
}

# ---------------------------------------------------------------- down, logs, backup, restore

stack_down() {
    local purge=0
    [ "${1:-}" = "--purge" ] && purge=1
    [ $# -le 1 ] && { [ $# -eq 0 ] || [ $purge -eq 1 ]; } || die "usage: stack.sh down [--purge]"
    load_env
    local pids=() name script tier var port pid
    while IFS=$'\t' read -r name script tier var port; do
        pid="$(service_pid "$name")"; [ "$pid" = "-" ] || pids+=("$pid")
    done < <(service_table)
    if [ $purge -eq 0 ] && "$services/postgres.sh" status >/dev/null 2>&1; then
        (stack_backup >/dev/null) || say "backup before down failed; stopping anyway"
    fi
    for script in api.sh flower.sh airflow.sh redis.sh mlflow.sh s3.sh adminer.sh postgres.sh; do
        [ -x "$services/$script" ] || continue
        "$services/$script" stop >&2 || say "$script stop failed"
    done
    # A stopped service's process may still be exiting (closing files, flushing): give it 15 s.
    local left=() tries
    for tries in $(seq 30); do
        left=()
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
        [ ${#left[@]} -eq 0 ] && break
        sleep 0.5
    done
    [ ${#left[@]} -eq 0 ] || die "processes still running after down: ${left[*]} ($(ps -o comm= -p "${left[0]}" 2>/dev/null || true))"
    if [ $purge -eq 1 ]; then
        rm -rf "$backup_dir" "$(dirname "$backup_dir")/pipeline" "$env_file" "$run_dir"
        say "stopped; purged the backups, the env file and $run_dir"
    else
        write_runtime_env 2>/dev/null || true
        say "stopped; no process left (settings in $env_file, backups in $backup_dir)"
    fi
}

log_files() {
    case "$1" in
        postgresql_accidents) local d; d="$(state_value postgres PG_DIR)"; [ -n "$d" ] && echo "$d/server.log" ;;
        adminer) "$services/adminer.sh" logs 2>/dev/null ;;
        app) "$services/api.sh" logs 2>/dev/null ;;
        mlflow-server) "$services/mlflow.sh" logs 2>/dev/null || { local d; d="$(state_value mlflow MLFLOW_DIR)"; ls "$d"/*.log 2>/dev/null; } ;;
        minio) "$services/s3.sh" logs 2>/dev/null || { local d; d="$(state_value s3 S3_DIR)"; ls "$d"/*.log 2>/dev/null; } ;;
        redis) "$services/redis.sh" logs 2>/dev/null || { local d; d="$(state_value redis REDIS_DIR)"; ls "$d"/*.log 2>/dev/null; } ;;
        airflow-*) local h part; h="$(state_value airflow AIRFLOW_HOME)"
                   case "$1" in airflow-webserver) part=api-server ;; airflow-scheduler) part="scheduler dag-processor" ;;
                       airflow-worker) part=celery-worker ;; *) part=db-migrate ;; esac
                   local p; for p in $part; do ls "$h/logs/$p.log" 2>/dev/null || true; done ;;
        flower) "$services/flower.sh" logs 2>/dev/null || { local d; d="$(state_value flower FLOWER_DIR)"; ls "$d"/*.log 2>/dev/null; } ;;
    esac
}

stack_logs() {
    local names=("$@") file
    [ ${#names[@]} -gt 0 ] || mapfile -t names < <(service_table | cut -f1)
    for name in "${names[@]}"; do
        service_table | cut -f1 | grep -qx "$name" || die "unknown service '$name' (one of: $(service_table | cut -f1 | tr '\n' ' '))"
        echo "==> $name"
        local files
        files="$(log_files "$name" || true)"
        if [ -z "$files" ]; then echo "(no log: not running)"; continue; fi
        while read -r file; do [ -f "$file" ] && { echo "--- $file"; tail -n "${STACK_LOG_LINES:-40}" "$file"; }; done <<<"$files"
    done
}

stack_backup() {
    local url stamp db file
    url="$("$services/postgres.sh" url 2>/dev/null)" || die "PostgreSQL is not running ('scripts/stack.sh up' first)"
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$backup_dir"
    chmod 700 "$backup_dir"
    for db in "${databases[@]}"; do
        file="$backup_dir/$db-$stamp.dump"
        pg_dump -Fc --no-owner -d "${url/\/accidents\?//$db?}" -f "$file" || die "pg_dump of $db failed"
        echo "$file"
    done
}

stack_restore() {
    local file="${1:-}" url db
    [ -f "$file" ] || die "usage: stack.sh restore FILE (a dump written by 'stack.sh backup': DATABASE-TIMESTAMP.dump)"
    db="$(basename "$file")"; db="${db%%-*}"
    printf '%s\n' "${databases[@]}" | grep -qx "$db" || die "$file: name must start with one of ${databases[*]} and '-'"
    url="$("$services/postgres.sh" url 2>/dev/null)" || die "PostgreSQL is not running ('scripts/stack.sh up' first)"
    "$services/postgres.sh" database "$db" >/dev/null
    pg_restore --clean --if-exists --no-owner --single-transaction -d "${url/\/accidents\?//$db?}" "$file" \
        || die "pg_restore of $file into $db failed"
    say "restored $file into database $db"
}

case "${1:-}" in
    up) stack_up ;;
    init) create_env_file || true; write_runtime_env; echo "$env_file" ;;
    down) shift; stack_down "$@" ;;
    status) load_env; status_table ;;
    logs) shift; load_env; stack_logs "$@" ;;
    backup) stack_backup ;;
    restore) stack_restore "${2:-}" ;;
    describe) service_table ;;
    *) echo "usage: $0 up|down [--purge]|status|logs [SERVICE]|backup|restore FILE|init|describe" >&2; exit 2 ;;
esac
