#!/usr/bin/env bash
# The checks a candidate model passes before the test split is scored (model card, points 12 and 18), against the
# shipped model or another baseline, all on data the candidate was not chosen with:
#   1. validation AUC, clean / 0 dB / -10 dB, 200,000 windows, paired with the baseline (written to OUT);
#   2. steady hums and tones called music (scripts/hum-check.sh);
#   3. seconds of the validation noise originals (no lossy copies) that `segment` calls music.
# Then run ShippedModelTests with the candidate in models/ before any test-split evaluation.
# Usage: scripts/compare-models.sh CANDIDATE.onnx OUT [BASELINE.onnx]   (scripts/prepare-data.sh data first)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/compare-models.sh CANDIDATE.onnx OUT [BASELINE.onnx]" >&2; exit 2; }
cd "$(dirname "$0")/.."
source scripts/lossy-copies.sh
candidate=$1 out=$2 baseline=${3:-models/musicmask-v1.onnx}
cli=tools/MusicMask.Cli/bin/Release/net10.0/musicmask
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" eval --music data/validation/music --noise data/validation/noise --snr clean,0,-10 --windows 200000 \
  --model "$candidate" --baseline "$baseline" -o "$out" > /dev/null
sed -n '/^| condition | .* | difference/,/^$/p' "$out/auc.md"
grep '^Sum of the differences' "$out/auc.md"
grep '^Over these conditions' "$out/auc.md"

mkdir "$work/noise"
find data/validation/noise -name '*.wav' | grep -Ev "$lossy_copy_pattern" |
  while read -r file; do ln -s "$PWD/$file" "$work/noise/"; done
for model in "$candidate" "$baseline"; do
  echo "== $model"
  bash scripts/hum-check.sh "$model" | grep -E '^(all|tones) '
  rm -rf "$work/out"
  "$cli" segment "$work/noise" -o "$work/out" --model "$model" > /dev/null
  find "$work/out" -name segments.csv -print0 | xargs -0 awk -F, -v n="$(ls "$work/noise" | wc -l)" \
    'FNR>1 && $3=="music" {s+=$2-$1} END {printf "validation noise originals: %.1f s called music (%d files)\n", s, n}'
done
