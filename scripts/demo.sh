#!/usr/bin/env bash
# Sets the machine up, writes a 30-second sample recording and segments it with the shipped model into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
musicmask="tools/MusicMask.Cli/bin/Release/net10.0/musicmask"
"$musicmask" sample demo/sample.wav --seconds 30
"$musicmask" segment demo -o out "$@"
