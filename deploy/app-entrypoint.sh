#!/bin/sh
# The `app` container: make sure the registry has a champion (the default model trained, registered
# and promoted on a fresh platform), then serve it. Arguments go to accident-server.
set -e
if [ -n "${MLFLOW_TRACKING_URI:-}" ]; then
    ensure-champion.sh /tmp/stack-default
fi
exec accident-server "$@"
