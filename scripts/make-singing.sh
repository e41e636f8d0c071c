#!/usr/bin/env bash
# Renders synthetic singing into the prepared data set: DIR/{train,validation}/sung/<package>__<voice>-song-N.wav
# (44.1 kHz mono 16-bit, peak -3 dBFS). Songs are composed at random by `musicmask-train songs` (melodies on a
# scale, held vowels, vibrato, breaths) and sung by festival's diphone voices in singing mode, or played by the
# voice programs (Choir Aahs, Voice Oohs, Synth Voice) of a General MIDI soundfont through fluidsynth.
# Each synthesiser package lies wholly in one split, so validation hears voices and samples training never did.
# Each festival voice also talks (half as many clips of licence text read aloud, DIR/SPLIT/speech/<package>__<voice>-
# talk-N.wav): the same voice that sings is noise when it talks, so the model cannot learn the synthesiser's timbre.
# Idempotent: existing outputs are kept; a song a synthesiser fails on is named in DIR/skipped-singing.tsv.
# Usage: scripts/make-singing.sh [DIR]   (default: data/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-data}")
train=${MUSICMASK_TRAIN:-tools/MusicMask.Trainer/bin/Release/net10.0/musicmask-train}
[ -x "$train" ] || dotnet build tools/MusicMask.Trainer -c Release -v quiet -nologo >/dev/null

# split | package | synthesiser voice (festival voice or soundfont file) | range | language | songs | seconds | seed
singers=$(cat "${MUSICMASK_SINGERS:-/dev/stdin}" <<'TABLE'
train|festvox-kallpc16k|kal_diphone|male|en|40|30|101
train|festvox-kdlpc16k|ked_diphone|male|en|40|30|102
train|festvox-italp16k|lp_diphone|female|it|40|30|103
train|festvox-itapc16k|pc_diphone|male|it|40|30|104
train|festvox-czech-ph|czech_ph|male|cs|40|30|105
train|fluid-soundfont-gm|/usr/share/sounds/sf2/FluidR3_GM.sf2|female|en|40|30|106
train|fluid-soundfont-gm|/usr/share/sounds/sf2/FluidR3_GM.sf2|male|en|40|30|107
validation|festvox-czech-dita|czech_dita|female|cs|20|30|201
validation|musescore-general-soundfont-small|/usr/share/sounds/sf3/MuseScore_General.sf3|female|en|10|30|202
validation|musescore-general-soundfont-small|/usr/share/sounds/sf3/MuseScore_General.sf3|male|en|10|30|203
TABLE
)

needed=$(cut -d'|' -f2 <<<"$singers" | sort -u)
missing=$(for p in festival sox ffmpeg fluidsynth $needed; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
keep() { # raw render, output, what was rendered: the output at 44.1 kHz mono 16-bit, or a line in the skipped list
  if [ -s "$1" ] && sox -q "$1" -r 44100 -c 1 -b 16 "$2.tmp.wav" norm -3 2>/dev/null; then
    mv "$2.tmp.wav" "$2"
  else
    rm -f "$2.tmp.wav"; printf '%s\t%s\tthe synthesiser made no audio\n' "$3" "$2" >> "$skipped"
  fi
}
skipped="$out/skipped-singing.tsv"; : > "$skipped"
mkdir -p "$out/licences"
while IFS='|' read -r split package voice range language count seconds seed; do
  cp "/usr/share/doc/$package/copyright" "$out/licences/$package.txt" 2>/dev/null || true
  dest="$out/$split/sung"; mkdir -p "$dest"
  if [[ $voice == *.sf? ]]; then format=midi; name=$(basename "${voice%.*}")-$range; else format=festival; name=$voice; fi
  scores="$work/$package-$name"
  "$train" songs --format "$format" --voice "$range" --language "$language" --count "$count" --seconds "$seconds" --seed "$seed" -o "$scores" >/dev/null
  for score in "$scores"/song-*; do
    wav="$dest/${package}__$name-$(basename "${score%.*}").wav"
    [ -s "$wav" ] && continue
    raw="$work/raw.wav"; rm -f "$raw"
    # A subshell, so that the shell's own report of a synthesiser's crash goes to /dev/null too.
    if [ $format = festival ]; then
      (text2wave -mode singing -eval "(voice_$voice)" "$score" -o "$raw"; exit $?) >/dev/null 2>&1 || true
    else
      (fluidsynth -ni -g 1.0 -r 44100 -F "$raw" "$voice" "$score") >/dev/null 2>&1 || true
    fi
    keep "$raw" "$wav" "$score"
  done
  [ $format = festival ] || continue
  mkdir -p "$out/$split/speech"
  for i in $(seq 1 $((count / 2))); do
    wav="$out/$split/speech/${package}__$name-talk-$(printf %03d "$i").wav"
    [ -s "$wav" ] && continue
    tr -s '\n ' '  ' < /usr/share/common-licenses/GPL-3 | cut -c$((i * 300 + seed * 7))-$((i * 300 + seed * 7 + 299)) > "$work/talk.txt"
    raw="$work/raw.wav"; rm -f "$raw"
    (text2wave -eval "(voice_$voice)" "$work/talk.txt" -o "$raw"; exit $?) >/dev/null 2>&1 || true
    keep "$raw" "$wav" "talk $i"
  done
done <<<"$singers"

for s in train validation; do
  for c in sung speech; do
    n=$(find "$out/$s/$c" -name '*__*-song-*.wav' -o -name '*__*-talk-*.wav' | wc -l)
    secs=$(find "$out/$s/$c" \( -name '*__*-song-*.wav' -o -name '*__*-talk-*.wav' \) -exec soxi -D {} + 2>/dev/null | awk '{ t += $1 } END { printf "%.0f", t / 60 }')
    echo "  $s/$c: $n synthetic files, ${secs:-0} min"
  done
done
