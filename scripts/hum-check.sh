#!/usr/bin/env bash
# How much of 72 steady synthetic hums a model calls music: sine, sawtooth, square and triangle waves at 50, 60,
# 100, 120, 400 and 800 Hz, each plain, low-passed at 1.5 kHz and with an 8 Hz tremolo, 8 s at -20 dBFS, made
# with sox (not the trainer's hum generator). None of it is music; prints music seconds per wave and in all.
# Usage: scripts/hum-check.sh [MODEL.onnx]  (default: the CLI's shipped model)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=tools/MusicMask.Cli/bin/Release/net10.0/musicmask
model=${1:-tools/MusicMask.Cli/bin/Release/net10.0/models/musicmask-v1.onnx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/hums"
for wave in sine sawtooth square triangle; do
  for hz in 50 60 100 120 400 800; do
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}.wav" synth 8 "$wave" "$hz" vol -20dB
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}_lowpass.wav" synth 8 "$wave" "$hz" vol -20dB lowpass 1500
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}_tremolo.wav" synth 8 "$wave" "$hz" tremolo 8 40 vol -20dB
  done
done
"$cli" segment "$work/hums" -o "$work/out" --model "$model" --threads 1 > /dev/null
for wave in sine sawtooth square triangle; do
  find "$work/out" -path "*/${wave}_*" -name segments.csv -print0 |
    xargs -0 awk -F, -v wave="$wave" 'FNR>1 && $3=="music" {s+=$2-$1} END {printf "%-9s %6.1f s of 144 s called music\n", wave, s}'
done
find "$work/out" -name segments.csv -print0 |
  xargs -0 awk -F, 'FNR>1 && $3=="music" {s+=$2-$1} END {printf "all       %6.1f s of 576 s called music\n", s}'
