#!/usr/bin/env bash
# Copies a folder of WAV files as heard in rooms, with sox's reverb (a Freeverb network: another algorithm than
# the trainer's --reverb, so a model cannot pass by learning one generator's tail). Each file gets its own room,
# drawn from a hash of its name: reverberance 30-90 %, HF damping 20-80 %, room scale 30-100 %, pre-delay 0-20 ms.
# Lossy copies (<name>.<codec>.wav) are left out; a file sox cannot read is named and skipped. Idempotent:
# existing outputs are kept.
# Usage: scripts/reverberant-copy.sh SRC DST   (e.g. data/validation data/validation-rooms)
set -euo pipefail
source "$(dirname "$0")/lossy-copies.sh"
[ $# -eq 2 ] || { echo "usage: scripts/reverberant-copy.sh SRC DST" >&2; exit 2; }
src=$(realpath "$1") dst=$(realpath -m "$2")
command -v sox >/dev/null || { echo "sox is needed (apt-get install sox)" >&2; exit 2; }
made=0 kept=0 skipped=0
while IFS= read -r -d '' file; do
  relative=${file#"$src"/}
  out="$dst/$relative"
  if [ -s "$out" ]; then kept=$((kept + 1)); continue; fi
  mkdir -p "$(dirname "$out")"
  hash=$(printf '%s' "$relative" | md5sum | cut -c1-8)
  h=$((16#$hash))
  reverberance=$((30 + h % 61)) damping=$((20 + h / 61 % 61)) scale=$((30 + h / 3721 % 71)) predelay=$((h / 264191 % 21))
  if sox -V1 -G "$file" "$out.tmp.wav" reverb "$reverberance" "$damping" "$scale" 100 "$predelay"; then
    mv "$out.tmp.wav" "$out"; made=$((made + 1))
  else
    rm -f "$out.tmp.wav"; echo "skipped $relative: sox could not read it" >&2; skipped=$((skipped + 1))
  fi
done < <(find "$src" -name '*.wav' -print0 | grep -zvE "$lossy_copy_pattern" | sort -z)
echo "reverberant copies: $made made, $kept kept, $skipped skipped, in $dst"
