#!/usr/bin/env bash
# Listening example for `segment --audio`, from real recordings of the validation split (scripts/prepare-data.sh
# makes it; or give the folder that holds music/ and noise/): 12 s of a daytime ambience (birds, wind; NOISE= picks another file of noise/) with game music mixed in from 3 s to
# 12 s at SNR dB (default 0; RMS over the music's 9 s), then segmented with --audio. Writes demo/listening/mixture.wav,
# music.wav and remainder.wav (44.1 kHz mono float; music + remainder = mixture) and the overlay; nothing is
# committed.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-data/validation}
model=${MODEL:-models/musicmask-v1.onnx}
music=$data/music/drascula-music__usr_share_scummvm_drascula_audio_track10.wav
noise=$data/noise/${NOISE:-0ad-data__audio_ambient_dayscape_day_temperate_gen_01.wav}
for file in "$music" "$noise" "$model"; do
  [[ -f $file ]] || { echo "error: $file not found (run scripts/prepare-data.sh, or give the validation folder as the first argument)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rms() { sox "$1" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }'; }
sox "$music" -c 1 -r 44100 -e floating-point "$work/music.wav" trim 20 9 norm -20
sox "$noise" -c 1 -r 44100 -e floating-point "$work/noise-raw.wav" trim 30 12
gain=$(awk -v snr="${SNR:-0}" -v m="$(rms "$work/music.wav")" -v n="$(sox "$work/noise-raw.wav" -n trim 3 9 stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')" 'BEGIN { printf "%.3f", 20 * log(m / n) / log(10) - snr }')
sox "$work/noise-raw.wav" "$work/noise.wav" gain "$gain"
sox "$work/music.wav" "$work/music-late.wav" pad 3 0
mkdir -p demo/listening
sox -m "$work/noise.wav" "$work/music-late.wav" -e floating-point demo/listening/mixture.wav
tools/MusicMask.Cli/bin/Release/net10.0/musicmask segment demo/listening/mixture.wav -o "$work/out" --audio --model "$model"
for file in music.wav remainder.wav overlay.png segments.csv; do cp "$work/out/mixture.wav/$file" demo/listening/; done
cat demo/listening/segments.csv
ls -l demo/listening
