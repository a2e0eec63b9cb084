#!/usr/bin/env bash
# Makes sure the registry has a champion: when models:/NAME@champion does not resolve, runs the
# default job with tracking (`train default --register NAME`), then promotes the version it
# registered to `champion`. Used by scripts/stack.sh and by the Docker image of `app`, so a
# fresh platform answers predictions from its first minute.
#
#   MLFLOW_TRACKING_URI=http://... scripts/ensure-champion.sh [OUTPUT_DIR]
#
# Settings: MLFLOW_TRACKING_URI (required), MLFLOW_MODEL_NAME (default accident-severity),
# ACCIDENTML_TRAIN_BINARY (default <checkout>/.build/release/train, else `train` on PATH).
# OUTPUT_DIR: the run folder of the default job (default runs/stack-default). Exit 0 when a
# champion exists (found or made), 69 when the registry cannot be asked, the tool's status else.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${MLFLOW_MODEL_NAME:-accident-severity}"
tracking="${MLFLOW_TRACKING_URI:?set MLFLOW_TRACKING_URI to the MLflow server}"
train="${ACCIDENTML_TRAIN_BINARY:-$repo/.build/release/train}"
[ -x "$train" ] || train="$(command -v train)" || { echo "ensure-champion.sh: no train binary" >&2; exit 69; }
output="${1:-runs/stack-default}"

status=0
"$train" registry show "$name@champion" --tracking-uri "$tracking" >/dev/null 2>&1 || status=$?
case "$status" in
    0) echo "ensure-champion.sh: $name@champion exists" >&2; exit 0 ;;
    66) ;;
    64) echo "ensure-champion.sh: $train has no 'registry' command: build it with the model registry work (train registry show|promote, fit --register)" >&2
        exit 69 ;;
    *) echo "ensure-champion.sh: 'train registry show $name@champion' failed (exit $status): is MLflow at $tracking healthy?" >&2
       exit 69 ;;
esac
echo "ensure-champion.sh: no $name@champion yet: training the default model, registering and promoting it" >&2
"$train" default --tracking-uri "$tracking" --register "$name" --output "$output" >&2
version="$(sed -nE 's/.*"version" *: *"?([0-9]+)"?.*/\1/p' "$output/mlflow.json" | head -1)"
[ -n "$version" ] || { echo "ensure-champion.sh: $output/mlflow.json names no registered version" >&2; exit 69; }
"$train" registry promote "$name" --version "$version" --alias champion --tracking-uri "$tracking" >&2
echo "ensure-champion.sh: version $version of $name is the champion" >&2
