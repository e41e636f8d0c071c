#!/usr/bin/env bash
# Builds the training/validation/test audio set from Debian packages of recorded game music and sound:
#   DIR/{train,validation,test}/{music,noise,speech}/<package>__<path>.wav  (44.1 kHz mono 16-bit), and in train
#   and validation a lossy copy of each music and noise file beside it, <package>__<path>.<codec>.wav
#   DIR/sources.tsv (split, class, package, source path, output), DIR/skipped.tsv, DIR/licences/<package>.txt
# Music is split by package; noise and speech by a hash of the file path (whole packages where there are
# enough of them). Idempotent: existing outputs are kept, so a rerun only fills gaps.
# Usage: scripts/prepare-data.sh [DIR]   (default: data/)
# Packages already unpacked under DIR/.cache/x/<package>/ are used as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-data}")
cache="$out/.cache"
mkdir -p "$cache/debs" "$cache/x" "$out/licences"

command -v ffmpeg >/dev/null && command -v unzip >/dev/null && command -v sox >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq ffmpeg sox libsox-fmt-all unzip >/dev/null
}

# class | split (train/validation/test, or "hash") | package | folder inside the package (zip:ARCHIVE:PREFIX for zip
# archives, c4group:ARCHIVE:PREFIX for OpenClonk groups, unpacked with the openclonk package's c4group) | skip regex,
# or only:REGEX to keep just the files it matches (for a folder where what is wanted is the exception)
# MUSICMASK_DATA_SOURCES may name a file holding another table (the tests use one over fake packages).
sources=$(cat "${MUSICMASK_DATA_SOURCES:-/dev/stdin}" <<'TABLE'
music|train|0ad-data|zip:usr/share/games/0ad/mods/public/public.zip:audio/music/|^$
music|train|wesnoth-1.16-music|usr/share/games/wesnoth/1.16/data/core/music|^$
music|train|ufoai-music|zip:usr/share/games/ufoai/base/0music.pk3:music/|^$
music|train|hedgewars-data|usr/share/games/hedgewars/Data/Music|^$
music|train|widelands-data|usr/share/games/widelands/data/music|^$
music|train|colobot-common-sounds|usr/share/games/colobot/music|^$
music|train|singularity-music|usr/share/games/singularity/music|^$
music|train|freedroidrpg-data|usr/share/freedroidrpg/data/sound/music|^$
music|train|nexuiz-music|zip:usr/share/games/nexuiz/data/music.pk3:sound/cdtracks/|thunder
music|train|supertuxkart-data|usr/share/games/supertuxkart/data/music|_fast\.|_f\.
music|train|supertux-data|usr/share/games/supertux2/music|^$
music|train|extremetuxracer-data|usr/share/games/etr/music|^$
music|train|xmoto-data|usr/share/games/xmoto/Textures/Musics|^$
music|train|megaglest-data|usr/share/games/megaglest/techs/megapack/factions|/units/|/upgrades/|/sounds/
music|train|fretsonfire-songs-sectoid|usr/share/games/fretsonfire/data/songs|^$
music|train|naev-data|usr/share/naev/dat/snd/music|^$
music|train|warmux-data|usr/share/games/warmux/music|^$
music|train|lugaru-data|usr/share/games/lugaru/Sounds|Sounds/([^M]|M[^u])
music|train|redeclipse-data|usr/share/games/redeclipse/data/sounds/music|^$
music|validation|fretsonfire-songs-muldjord|usr/share/games/fretsonfire/data/songs|^$
music|validation|drascula-music|usr/share/scummvm/drascula/audio|^$
music|validation|pushover-data|usr/share/pushover/themes|^$
music|test|warzone2100-music|usr/share/games/warzone2100/music|^$
music|test|planetblupi-music-ogg|usr/share/planetblupi/music|^$
noise|hash|0ad-data|zip:usr/share/games/0ad/mods/public/public.zip:audio/ambient/|^$
noise|hash|0ad-data|zip:usr/share/games/0ad/mods/public/public.zip:audio/actor/|^$
noise|hash|0ad-data|zip:usr/share/games/0ad/mods/public/public.zip:audio/resource/|^$
noise|hash|ufoai-sound|zip:usr/share/games/ufoai/base/0snd.pk3:sound/ambience/|jingle|disco|radiomessage|tv_news
noise|hash|ufoai-sound|zip:usr/share/games/ufoai/base/0snd.pk3:sound/footsteps/|^$
noise|hash|lincity-ng-data|usr/share/games/lincity-ng/sounds|^$
noise|hash|widelands-data|usr/share/games/widelands/data/sound|sound/message_|sound/military/
noise|hash|flightgear-data-base|usr/share/games/flightgear/Sounds|mk-viii|tcas|/atc/|Sounds/intro\.
noise|hash|torcs-data|usr/share/games/torcs/data/sound|^$
noise|hash|minetest-data|usr/share/games/minetest/games/minetest_game/mods|^$
noise|train|megaglest-data|usr/share/games/megaglest/tilesets|good_morning
noise|train|scorched3d-data|usr/share/games/scorched3d/data/globalmods|/music/|beep|extralife|/text\.|/play\.|camera|teleport|laser|beamup|lockon|/battery/|/shield/|empsmall|radiation|/power\.|elevate|/turn\.
noise|train|lugaru-data|usr/share/games/lugaru/Sounds|Music|Alarm|Console
noise|train|wesnoth-1.16-data|usr/share/games/wesnoth/1.16/data/core/sounds|horn-signals|fanfare|wardrums|magic|heal|potion|petrified|gold|wail|lightning|entangle|poison|ink|water-blast|open-chest
noise|train|freeciv-data|usr/share/games/freeciv/stdsounds|illegal|wakeup
noise|train|warmux-data|usr/share/games/warmux/sound/default/weapons|music|beep|lowgravity|homerun|suicide|supertux|teleport|construct
noise|train|redeclipse-data|usr/share/games/redeclipse/data/sounds/ambience|jumppad|teleport|switch|wakawaka|outdoorsignal|criticalcore
noise|train|redeclipse-data|usr/share/games/redeclipse/data/sounds/weapons|notify|switch
noise|train|redeclipse-data|usr/share/games/redeclipse/data/sounds/sfx|alarm|chat|error|critical|itemspawn|itemuse|regenerate|respawn
noise|train|supertuxkart-data|usr/share/games/supertuxkart/data/sfx|Wilhelm|ugh|flute|fanfare|gp_end|race_finish|track_intro|goal_scored|energy_bar|start_race|lenautile|sara_airport|/wee\.|appear|dark|boing|locked|swap|grab_collectable|plopp|portal|forcefield|bzzt
noise|train|trigger-rally-data|zip:usr/share/games/trigger-rally/data.zip:sounds/|codriver
noise|train|btanks-data|usr/share/games/btanks/data/sounds|/menu/|klaxon|taking-item|respawn|teleport|ambient/horror|ambient/space
noise|train|openclonk-data|c4group:usr/share/games/openclonk/Sound.ocg:|^UI\.ocg/|/Skin\.ocg/
noise|train|warzone2100-data|zip:usr/share/games/warzone2100/base.wz:audio/sfx/|/interfce/
noise|train|freeorion-data|usr/share/games/freeorion/default/data/sound/combat|radarsweep
noise|train|openarena-data|zip:usr/share/games/openarena/baseoa/pak0.pk3:sound/world/|jumppad|portal|telein|teleout|monitor
noise|train|openarena-data|zip:usr/share/games/openarena/baseoa/pak0.pk3:sound/weapons/|change|noammo|weapon_hover
noise|train|openarena-data|zip:usr/share/games/openarena/baseoa/pak0.pk3:sound/player/footsteps/|^$
noise|train|openarena-data|zip:usr/share/games/openarena/baseoa/pak0.pk3:sound/movers/|^$
noise|validation|crrcsim-data|usr/share/games/crrcsim/sounds|^$
noise|test|searchandrescue-data|usr/share/games/searchandrescue/sounds|^$
speech|hash|fillets-ng-data-cs|usr/share/games/fillets-ng|^$
sung|train|hedgewars-data|usr/share/games/hedgewars/Data/Sounds/voices/Singer|^$
sung|validation|fillets-ng-data|usr/share/games/fillets-ng/sound/viking1/en|d1-z-p
speech|train|hedgewars-data|usr/share/games/hedgewars/Data/Sounds/voices|/voices/Singer/
speech|train|megaglest-data|usr/share/games/megaglest/techs/megapack|only:/(commondata/sounds/(archer|archmage|axe_thrower|guard|swordman|technician|worker)|units/(anubis_warrior|archer|battlemage|cudgel_lady|fakir|fire_archer|initiate|princess|shaman|spearman|spearman_berserk|stickfighter|summoner|swordman|swordman_berserk|valkyrie|worker)/sounds/[a-z_]+)_(ack|select)[0-9]+\.wav$
speech|train|redeclipse-data|usr/share/games/redeclipse/data/sounds|only:/(voice|announcer)/
speech|train|trigger-rally-data|zip:usr/share/games/trigger-rally/data.zip:sounds/codriver/|^$
speech|test|klettres-data|usr/share/klettres|^$
TABLE
)

packages=$(cut -d'|' -f3 <<<"$sources" | sort -u; grep -q '|c4group:' <<<"$sources" && echo openclonk || true)
(cd "$cache/debs" && for p in $packages; do [ -d "$cache/x/$p" ] || ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p" 2>&1 | grep -v '^W:' || true; done)
for p in $packages; do
  [ -d "$cache/x/$p" ] || dpkg-deb -x "$cache/debs/${p}"_*.deb "$cache/x/$p"
  cp -f "$cache/x/$p/usr/share/doc/$p/copyright" "$out/licences/$p.txt" 2>/dev/null || true
done

hash_of() { # a stable number 0..65535 from a string
  echo $(( 16#$(printf '%s' "$1" | sha1sum | cut -c1-4) ))
}

split_of() { # hash split by path: 70% train, 15% validation, 15% test
  local h=$(( $(hash_of "$1") % 100 ))
  if [ $h -lt 70 ]; then echo train; elif [ $h -lt 85 ]; then echo validation; else echo test; fi
}

unpack() { # kind, archive, prefix, folder: the archive's files under prefix, at their own paths inside folder
  case $1 in
    zip) unzip -qq -o "$2" "${3}*" -d "$4" ;;
    c4group) # c4group turns a group file into a folder of the same name in place
      local work; work=$(mktemp -d)
      cp "$2" "$work/group" && "$cache/x/openclonk/usr/bin/c4group" "$work/group" -x >/dev/null 2>&1 && cp -r "$work/group/." "$4"
      local status=$?; rm -rf "$work"; return $status ;;
  esac
}

jobs="$cache/jobs.tsv"; : > "$jobs"
while IFS='|' read -r class split package folder skip; do
  root="$cache/x/$package"
  if [[ $folder == zip:* || $folder == c4group:* ]]; then
    IFS=: read -r kind archive prefix <<<"$folder"
    unpacked="$cache/$kind/$package/$(basename "$archive")"
    marker="$unpacked/.unzipped-$(tr '/' '_' <<<"$prefix")"
    if [ ! -e "$marker" ]; then
      mkdir -p "$unpacked"
      if unpack "$kind" "$root/$archive" "$prefix" "$unpacked"; then touch "$marker"; else echo "could not unpack $package:$archive ($kind), tried again on the next run" >&2; fi
    fi
    base="$unpacked"; folder="$prefix"
  else
    base="$root"
  fi
  [ -d "$base/$folder" ] || { echo "missing folder $package:$folder" >&2; continue; }
  find "$base/$folder" -type f \( -iname '*.ogg' -o -iname '*.opus' -o -iname '*.wav' -o -iname '*.mp3' -o -iname '*.flac' \) | sort |
  while read -r file; do
    rel=${file#"$base/"}
    if [[ $skip == only:* ]]; then [[ "$rel" =~ ${skip#only:} ]] || continue
    elif [[ "$skip" != "^$" && "$rel" =~ $skip ]]; then continue; fi
    s=$split; [ "$s" = hash ] && s=$(split_of "$package/$rel")
    name="${package}__$(tr '/ ' '__' <<<"${rel%.*}").wav"
    printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$class" "$package" "$file" "$out/$s/$class/$name" >> "$jobs"
  done
done <<<"$sources"
# Two sources that differ only by extension (wesnoth's staff.ogg and staff.wav) would make one output: the first in
# sorted order wins, the other is reported as skipped.
awk -F'\t' '++seen[$5] > 1 { printf "%s\tsame output name as another source: %s\n", $4, $5 > "/dev/stderr"; next } 1' "$jobs" \
  2> "$cache/duplicates.tsv" > "$jobs.unique" && mv "$jobs.unique" "$jobs"

# Lossy copies: every train and validation music and noise file also passes through one low-bitrate codec (chosen by
# a hash of its name), so codec artefacts (band folding, noise fill, pre-echo, a missing top octave) come in both
# classes and say nothing about music. The copy stays in its original's split; the test split is left as it is.
codec_of() {
  local codecs=(opus24 opus32 opus48 mp3-48 mp3-64 mp3-96 aac64 vorbis-q0)
  echo "${codecs[$(( $(hash_of "$1") % ${#codecs[@]} ))]}"
}
coded="$cache/coded.tsv"; : > "$coded"
awk -F'\t' '($1 == "train" || $1 == "validation") && ($2 == "music" || $2 == "sung" || $2 == "noise")' "$jobs" |
while IFS=$'\t' read -r s class package _ dst; do
  codec=$(codec_of "$(basename "$dst")")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$class" "$package" "$dst" "${dst%.wav}.$codec.wav" "$codec" >> "$coded"
done

# Outputs the table no longer makes (a file newly skipped, a package moved to another split) are removed, so a rerun
# converges; an output whose package source is missing (a package that did not download this time) is kept, a lossy
# copy whose original is gone is not.
if [ -s "$out/sources.tsv" ]; then
  awk -F'\t' 'NR == FNR { made[$5] = 1; next } FNR > 1 && !($5 in made) { print $4 "\t" $5 }' <(cat "$jobs" "$coded") "$out/sources.tsv" |
  while IFS=$'\t' read -r src dst; do
    [ -e "$src" ] || [[ $src == "$out/"* && $src != "$out/.cache/"* ]] || continue
    rm -f "$dst"; echo "removed $dst: the table no longer makes it"
  done
fi

convert() { # source, output: ffmpeg first, sox as the fallback; prints a skip line when neither decodes
  local src=$1 dst=$2
  [ -s "$dst" ] && return 0
  mkdir -p "$(dirname "$dst")"
  ffmpeg -nostdin -v error -y -i "$src" -vn -ac 1 -ar 44100 -c:a pcm_s16le "$dst.tmp.wav" 2>/dev/null ||
    sox -q "$src" -c 1 -r 44100 -b 16 "$dst.tmp.wav" 2>/dev/null ||
    { rm -f "$dst.tmp.wav"; printf '%s\tneither ffmpeg nor sox could decode it\n' "$src"; return 0; }
  local seconds; seconds=$(soxi -D "$dst.tmp.wav" 2>/dev/null || echo 0)
  if awk -v s="$seconds" 'BEGIN { exit !(s < 0.3) }'; then
    rm -f "$dst.tmp.wav"; printf '%s\tshorter than 0.3 s (%s s)\n' "$src" "$seconds"; return 0
  fi
  mv "$dst.tmp.wav" "$dst"
}
export -f convert
cut -f4,5 "$jobs" | tr '\t' '\n' | xargs -d '\n' -n 2 -P "$(nproc)" bash -c 'convert "$0" "$1"' > "$out/skipped.tsv"
cat "$cache/duplicates.tsv" >> "$out/skipped.tsv"

encode() { # clean output, lossy copy, codec: encodes and decodes back to 44.1 kHz mono 16-bit
  local src=$1 dst=$2 codec=$3 args
  [ -s "$dst" ] || [ ! -s "$src" ] && return 0
  case $codec in
    opus*) args=(-c:a libopus -b:a "${codec#opus}k" -f ogg) ;;
    mp3-*) args=(-c:a libmp3lame -b:a "${codec#mp3-}k" -f mp3) ;;
    aac*) args=(-c:a aac -b:a "${codec#aac}k" -f adts) ;;
    vorbis-q*) args=(-c:a libvorbis -q:a "${codec#vorbis-q}" -f ogg) ;;
  esac
  set -o pipefail # an encoder failing half way must not leave a truncated copy
  if ffmpeg -nostdin -v error -i "$src" "${args[@]}" - | ffmpeg -nostdin -v error -y -i - -ac 1 -ar 44100 -c:a pcm_s16le "$dst.tmp.wav"; then
    mv "$dst.tmp.wav" "$dst"
  else
    rm -f "$dst.tmp.wav"; printf '%s\tthe %s copy failed to encode or decode\n' "$src" "$codec"
  fi
}
export -f encode
cut -f4,5,6 "$coded" | tr '\t' '\n' | xargs -d '\n' -n 3 -P "$(nproc)" bash -c 'encode "$0" "$1" "$2"' >> "$out/skipped.tsv"

{ printf 'split\tclass\tpackage\tsource\toutput\n'; cut -f1-5 "$jobs" "$coded" | awk -F'\t' 'system("test -s \"" $5 "\"") == 0'; } > "$out/sources.tsv"
echo "prepared $(($(wc -l < "$out/sources.tsv") - 1)) files in $out; skipped $(wc -l < "$out/skipped.tsv") (see skipped.tsv)"
for s in train validation test; do for c in music sung noise speech; do
  [ -d "$out/$s/$c" ] || continue
  n=$(find "$out/$s/$c" -name '*.wav' | wc -l)
  secs=$(find "$out/$s/$c" -name '*.wav' -exec soxi -D {} + 2>/dev/null | awk '{ t += $1 } END { printf "%.0f", t / 60 }')
  echo "  $s/$c: $n files, ${secs:-0} min"
done; done
