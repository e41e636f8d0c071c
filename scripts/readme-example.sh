#!/usr/bin/env bash
# Builds the README's picture: 30 s of real recordings the model never trained on, one kind after another: 10 s of
# song (fillets-ng-data's unaccompanied viking song, validation split), 10 s of speech (fillets-ng-data-cs dialogue,
# validation split) and 10 s of a field recording (0ad-data's tropical daytime ambience, test split), each normalised
# to a -20 dBFS peak, segmented with a model (default: the shipped one). Needs scripts/prepare-data.sh and sox.
# Usage: scripts/readme-example.sh [MODEL]
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-models/musicmask-v1.onnx}
song=data/validation/sung/fillets-ng-data__usr_share_games_fillets-ng_sound_viking1_en_d1-z-v
speech=data/validation/speech/fillets-ng-data-cs__usr_share_games_fillets-ng_sound
field=data/test/noise/0ad-data__audio_ambient_dayscape_day_tropical_11.wav
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sox "${song}0.wav" "${song}1.wav" "$work/song.wav" trim 0 10 norm -20
mapfile -t lines < <(ls "$speech"_*.wav | head -12)
sox "${lines[@]}" "$work/speech.wav" trim 0 10 norm -20
sox "$field" "$work/field.wav" trim 0 10 norm -20
mkdir -p demo/example docs
sox "$work/song.wav" "$work/speech.wav" "$work/field.wav" -r 44100 -c 1 demo/example/song-speech-field.wav
tools/MusicMask.Cli/bin/Release/net10.0/musicmask segment demo/example/song-speech-field.wav --model "$model" -o "$work/out"
cp "$work/out/song-speech-field.wav/overlay.png" docs/overlay.png
cat "$work/out/song-speech-field.wav/segments.csv"
