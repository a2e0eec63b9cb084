#!/usr/bin/env bash
# Starts the FastAPI peer (fastapi_app.py under uvicorn) in the background on 127.0.0.1, waits
# until GET /api/v1/test answers, and prints the server's PID on stdout. Stop it with `kill PID`.
#
# Environment:
#   MODEL_PATH  LightGBM text model (required)        API_KEY  key for X-API-Key (required)
#   PORT        port on 127.0.0.1 (default 8000)      WORKERS  uvicorn worker processes (default 1)
#   PYTHON      interpreter (default: the venv from setup-venv.sh, created if needed)
#   LOG_FILE    server log (default: $TMPDIR/fastapi-peer-$PORT.log)
#   START_TIMEOUT  seconds to wait for the first answer (default 60)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${MODEL_PATH:?set MODEL_PATH to a LightGBM text model}"
: "${API_KEY:?set API_KEY to the key clients send in X-API-Key}"
port="${PORT:-8000}"
workers="${WORKERS:-1}"
python="${PYTHON:-$("$here/setup-venv.sh")}"
log_file="${LOG_FILE:-${TMPDIR:-/tmp}/fastapi-peer-$port.log}"
timeout="${START_TIMEOUT:-60}"

export MODEL_PATH API_KEY
setsid "$python" -m uvicorn fastapi_app:app --app-dir "$here" \
  --host 127.0.0.1 --port "$port" --workers "$workers" \
  --no-access-log --log-level warning >"$log_file" 2>&1 </dev/null &
pid=$!

deadline=$((SECONDS + timeout))
until curl --silent --fail --max-time 1 "http://127.0.0.1:$port/api/v1/test" >/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "fastapi_peer: server exited during start-up, log $log_file:" >&2
    cat "$log_file" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "fastapi_peer: no answer on 127.0.0.1:$port after ${timeout}s, stopping $pid (log $log_file)" >&2
    kill "$pid"
    exit 1
  fi
  sleep 0.2
done
echo "fastapi_peer: serving on http://127.0.0.1:$port (pid $pid, $workers worker(s), log $log_file)" >&2
echo "$pid"
