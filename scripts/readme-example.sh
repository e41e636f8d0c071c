#!/usr/bin/env bash
# Builds the README's picture from the held-out test split (scripts/prepare-data.sh must have run): 30 s of a
# helicopter engine with game music mixed in from 10 s to 20 s at 0 dB, segmented with the shipped model.
set -euo pipefail
cd "$(dirname "$0")/.."
noise=data/test/noise/searchandrescue-data__usr_share_games_searchandrescue_sounds_hh65_engine_start.wav
music=data/test/music/warzone2100-music__usr_share_games_warzone2100_music_menu.wav
work=$(mktemp -d)
sox "$noise" "$work/noise.wav" trim 5 30 norm -20
sox "$music" "$work/music.wav" trim 30 10 norm -20 pad 10 10
mkdir -p demo/example docs
sox -m "$work/noise.wav" "$work/music.wav" demo/example/engine-and-music.wav
tools/MusicMask.Cli/bin/Release/net10.0/musicmask segment demo/example/engine-and-music.wav -o "$work/out"
cp "$work/out/engine-and-music.wav/overlay.png" docs/overlay.png
cat "$work/out/engine-and-music.wav/segments.csv"
rm -rf "$work"
