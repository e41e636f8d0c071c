#!/usr/bin/env bash
# How much of 72 steady synthetic hums a model calls music: sine, sawtooth, square and triangle waves at 50, 60,
# 100, 120, 400 and 800 Hz, each plain, low-passed at 1.5 kHz and with an 8 Hz tremolo, 8 s at -20 dBFS, made
# with sox (not the trainer's hum generator); and 12 steady tones: pure sines at 100, 250, 440, 1000, 2000, 3150,
# 6000, 10000 and 15734 Hz (line-up tones, whistles, a CRT's line whine) and 440/1000/3150 Hz beeps (1 Hz on/off),
# 20 s at -18 dBFS. None of it is music; prints music seconds per wave, for all hums, and for the tones.
# Usage: scripts/hum-check.sh [MODEL.onnx]  (default: the CLI's shipped model)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=tools/MusicMask.Cli/bin/Release/net10.0/musicmask
model=${1:-tools/MusicMask.Cli/bin/Release/net10.0/models/musicmask-v1.onnx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/hums" "$work/hums/tones"
for wave in sine sawtooth square triangle; do
  for hz in 50 60 100 120 400 800; do
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}.wav" synth 8 "$wave" "$hz" vol -20dB
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}_lowpass.wav" synth 8 "$wave" "$hz" vol -20dB lowpass 1500
    sox -D -n -r 44100 -b 16 "$work/hums/${wave}_${hz}_tremolo.wav" synth 8 "$wave" "$hz" tremolo 8 40 vol -20dB
  done
done
for hz in 100 250 440 1000 2000 3150 6000 10000 15734; do
  sox -D -n -r 44100 -b 16 "$work/hums/tones/sine_${hz}.wav" synth 20 sine "$hz" vol -18dB
done
for hz in 440 1000 3150; do
  sox -D -n -r 44100 -b 16 "$work/hums/tones/beep_${hz}.wav" synth 20 sine "$hz" vol -18dB tremolo 1 100
done
"$cli" segment "$work/hums" -o "$work/out" --model "$model" --threads 1 > /dev/null
for wave in sine sawtooth square triangle; do
  find "$work/out" -path "*/${wave}_*" -not -path "*/tones/*" -name segments.csv -print0 |
    xargs -0 awk -F, -v wave="$wave" 'FNR>1 && $3=="music" {s+=$2-$1} END {printf "%-9s %6.1f s of 144 s called music\n", wave, s}'
done
find "$work/out" -not -path "*/tones/*" -name segments.csv -print0 |
  xargs -0 awk -F, 'FNR>1 && $3=="music" {s+=$2-$1} END {printf "all       %6.1f s of 576 s called music\n", s}'
find "$work/out" -path "*/tones/*" -name segments.csv -print0 |
  xargs -0 awk -F, 'FNR>1 && $3=="music" {s+=$2-$1} END {printf "tones     %6.1f s of 240 s called music\n", s}'
