#!/usr/bin/env bash
# Runs the stack tests: compose validation and its cross-check with scripts/stack.sh (no service
# needed), then the whole stack brought up from nothing by scripts/stack.sh in a private folder.
#
#   deploy/tests/run.sh                 # everything
#   deploy/tests/run.sh -k compose      # pytest arguments pass through
#
# The venv <checkout>/.venv-stack-tests comes from deploy/tests/requirements.txt (uv when
# present). docker-compose (Debian's 1.29 package: validates without an engine) is installed with
# apt-get when missing. Under CI=true a missing service script fails the stack tests; elsewhere
# they are skipped with the reason.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$repo/.venv-stack-tests"
requirements="$repo/deploy/tests/requirements.txt"
if ! [ -x "$venv/bin/pytest" ] || ! [ "$venv/.requirements" -nt "$requirements" ]; then
    if command -v uv >/dev/null 2>&1; then
        uv venv -q --allow-existing "$venv" && VIRTUAL_ENV="$venv" uv pip install -q -r "$requirements"
    else
        python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$requirements"
    fi
    touch "$venv/.requirements"
fi
if ! command -v docker-compose >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
cd "$repo"
exec "$venv/bin/pytest" -p no:cacheprovider -v deploy/tests "$@"
