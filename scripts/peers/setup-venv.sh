#!/usr/bin/env bash
# Creates (or reuses) the Python peers' virtual environment at <repo>/.venv-peers and prints the
# path of its python on stdout (logs go to stderr).
#
# Idempotent and fast when nothing changed: a stamp file inside the venv holds the SHA-256 of
# requirements.txt and the interpreter version; when both match, nothing is installed.
# Uses uv when available (installing it with pip first if needed), plain venv + pip otherwise.
#
# Environment: PYTHON = interpreter to base the venv on (default: python3.11, else python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.venv-peers"
requirements="$here/requirements.txt"
stamp="$venv/.peers-requirements.stamp"

log() { echo "setup-venv: $*" >&2; }

base_python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
base_version="$("$base_python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
case "$base_version" in
  3.11.*) ;;
  *) log "warning: requirements.txt is locked for Python 3.11, $base_python is $base_version" ;;
esac

wanted="$(sha256sum "$requirements" | cut -d' ' -f1) python-$base_version"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  log "up to date ($venv)"
  echo "$venv/bin/python"
  exit 0
fi

# Picks the uv command line to use, or nothing when uv cannot be had.
find_uv() {
  if command -v uv >/dev/null 2>&1; then
    echo uv
  elif "$base_python" -m uv --version >/dev/null 2>&1; then
    echo "$base_python -m uv"
  elif "$base_python" -m pip install --quiet uv >&2 && "$base_python" -m uv --version >/dev/null 2>&1; then
    echo "$base_python -m uv"
  fi
}

rm -f "$stamp"
uv_cmd="$(find_uv || true)"
if [[ -n "$uv_cmd" ]]; then
  log "installing with $uv_cmd into $venv"
  export UV_PYTHON_DOWNLOADS=never
  [[ -x "$venv/bin/python" ]] || $uv_cmd venv --quiet --python "$base_python" "$venv" >&2
  $uv_cmd pip sync --quiet --python "$venv/bin/python" "$requirements" >&2
else
  log "uv not available, installing with pip into $venv"
  [[ -x "$venv/bin/python" ]] || "$base_python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
fi

"$venv/bin/python" -c 'import lightgbm, xgboost, sklearn, lleaves, pandas, fastapi, uvicorn' >&2
echo "$wanted" >"$stamp"
log "ready ($venv)"
echo "$venv/bin/python"
