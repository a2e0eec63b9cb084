#!/usr/bin/env bash
# The README's first command: installs what AccidentML needs, builds it in release mode and runs
# the main job — `train` with no arguments trains the default model on the embedded default data
# (data/default, a synthetic BAAC year) and writes the model file and its report to runs/default/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product train
.build/release/train "$@"
