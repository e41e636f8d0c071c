#!/usr/bin/env bash
# Window AUC over every validation package at once (model card, point 40): the validation split's music and noise
# with the music and noise of packages no split used beside them, clean / 0 dB / -10 dB, 200,000 windows, paired with
# a baseline when one is given. The split alone holds three music packages, and it has misled choices (points 38-39).
# Usage: scripts/pooled-validation.sh CANDIDATE.onnx OUT UNSEEN_MUSIC UNSEEN_NOISE [BASELINE.onnx]
#   UNSEEN_MUSIC: scripts/unseen-validation.py music DIR; UNSEEN_NOISE: the words and field sets of the same script in
#   one folder (scripts/prepare-data.sh data first)
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: scripts/pooled-validation.sh CANDIDATE.onnx OUT UNSEEN_MUSIC UNSEEN_NOISE [BASELINE.onnx]" >&2; exit 2; }
candidate=$(realpath "$1") out=$(realpath -m "$2") unseen_music=$(realpath "$3") unseen_noise=$(realpath "$4")
baseline=()
[ $# -ge 5 ] && baseline=(--baseline "$(realpath "$5")")
cd "$(dirname "$0")/.."
cli=tools/MusicMask.Cli/bin/Release/net10.0/musicmask
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/music" "$work/noise"
for file in data/validation/music/*.wav "$unseen_music"/*.wav; do ln -s "$(realpath "$file")" "$work/music/"; done
for file in data/validation/noise/*.wav "$unseen_noise"/*.wav; do ln -s "$(realpath "$file")" "$work/noise/"; done
"$cli" eval --music "$work/music" --noise "$work/noise" --snr clean,0,-10 --windows 200000 --model "$candidate" \
  "${baseline[@]}" -o "$out" > /dev/null
sed -n '/^| condition | ROC AUC/,/^$/p' "$out/auc.md" | cut -d'|' -f1-4
sed -n '/^| condition | .* | difference/,/^$/p' "$out/auc.md"
