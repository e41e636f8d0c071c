#!/usr/bin/env bash
# Mixes music beds under voices, as radio, podcasts and film scenes have them, for
# `musicmask eval --behaviour beds=DST`: consecutive voice clips of VOICES joined into takes of at least 20 s, each
# with an excerpt of the next music file of MUSIC under it for its whole length, scaled by RMS to MVR dB against the
# voice (-10: the music 10 dB under the voice). The excerpt starts at an offset drawn from a hash of the take's name;
# music shorter than the take is looped. Outputs are named <music package>__bed-NNN.wav, so the survey reports per
# music package. Lossy copies (<name>.<codec>.wav) are left out. Idempotent: existing outputs are kept.
# Usage: scripts/music-beds.sh MUSIC VOICES DST [MVR]   (e.g. data/validation/music data/validation/speech beds -10)
set -euo pipefail
source "$(dirname "$0")/lossy-copies.sh"
[ $# -ge 3 ] && [ $# -le 4 ] || { echo "usage: scripts/music-beds.sh MUSIC VOICES DST [MVR]" >&2; exit 2; }
music_dir=$(realpath "$1") voice_dir=$(realpath "$2") dst=$(realpath -m "$3") mvr=${4:--10}
command -v sox >/dev/null || { echo "sox is needed (apt-get install sox)" >&2; exit 2; }
originals() { find "$1" -name '*.wav' -print0 | grep -zvE "$lossy_copy_pattern" | sort -z | tr '\0' '\n'; }
rms() { sox -V1 "$1" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }'; }
mapfile -t music < <(originals "$music_dir")
mapfile -t voices < <(originals "$voice_dir")
[ ${#music[@]} -gt 0 ] && [ ${#voices[@]} -gt 0 ] || { echo "no WAV files in $music_dir or $voice_dir" >&2; exit 2; }
mkdir -p "$dst"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
made=0 kept=0 take=() seconds=0 index=0
flush() {
  local name song package out length offset gain
  song=${music[$((index % ${#music[@]}))]}
  package=$(basename "$song"); package=${package%%__*}
  name=$(printf 'bed-%03d' "$index")
  out="$dst/${package}__$name.wav"
  index=$((index + 1))
  if [ -s "$out" ]; then kept=$((kept + 1)); return; fi
  sox -V1 "${take[@]}" -r 44100 -c 1 "$work/voice.wav"
  length=$(soxi -D "$work/voice.wav")
  sox -V1 "$song" -r 44100 -c 1 "$work/song.wav" repeat "$(awk -v l="$length" -v s="$(soxi -D "$song")" 'BEGIN { print int(l / s) + 1 }')"
  offset=$(awk -v h=$((16#$(printf '%s' "$name" | md5sum | cut -c1-7))) -v s="$(soxi -D "$work/song.wav")" -v l="$length" 'BEGIN { r = s - l; print (r > 0 ? (h % 10000) / 10000 * r : 0) }')
  sox -V1 "$work/song.wav" "$work/bed.wav" trim "$offset" "$length"
  gain=$(awk -v v="$(rms "$work/voice.wav")" -v m="$(rms "$work/bed.wav")" -v d="$mvr" 'BEGIN { print (m > 0 ? v / m * 10 ^ (d / 20) : 0) }')
  sox -V1 -m -v 1 "$work/voice.wav" -v "$gain" "$work/bed.wav" -b 16 "$out.tmp.wav"
  mv "$out.tmp.wav" "$out"
  made=$((made + 1))
}
for voice in "${voices[@]}"; do
  take+=("$voice")
  seconds=$(awk -v a="$seconds" -v b="$(soxi -D "$voice")" 'BEGIN { print a + b }')
  if awk -v s="$seconds" 'BEGIN { exit !(s >= 20) }'; then
    flush
    take=() seconds=0
  fi
done
[ ${#take[@]} -eq 0 ] || flush
echo "music beds at $mvr dB: $made made, $kept kept, in $dst"
