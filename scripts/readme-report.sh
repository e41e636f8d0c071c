#!/usr/bin/env bash
# Builds the README's report picture from the held-out test split (scripts/prepare-data.sh must have run): a few
# recordings cut and mixed with sox, one file that is not audio and one cut short, segmented with the shipped model,
# then `musicmask report` and a screenshot of the page in headless Chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
musicmask=tools/MusicMask.Cli/bin/Release/net10.0/musicmask
music=data/test/music
noise=data/test/noise
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
audio="$work/archive"
mkdir -p "$audio/music" "$audio/street" "$audio/weather"

sox "$music/planetblupi-music-ogg__usr_share_planetblupi_music_music000.wav" "$audio/music/planetblupi-000.wav" trim 20 40 norm -20
sox "$music/warzone2100-music__usr_share_games_warzone2100_music_albums_legacy_soundtrack_track5.wav" "$audio/music/warzone-legacy-5.wav" trim 60 40 norm -20
sox "$noise/lincity-ng-data__usr_share_games_lincity-ng_sounds_MarketFull1.wav" "$work/market.wav" repeat 9 trim 0 40 norm -20
sox "$noise/lincity-ng-data__usr_share_games_lincity-ng_sounds_TraficLow1.wav" "$work/traffic.wav" repeat 9 trim 0 40 norm -26
sox -m "$work/market.wav" "$work/traffic.wav" "$audio/street/market-and-traffic.wav"
sox "$music/warzone2100-music__usr_share_games_warzone2100_music_menu.wav" "$work/busker.wav" trim 30 15 norm -22 pad 20 5
sox -m "$work/market.wav" "$work/busker.wav" "$audio/street/market-with-music.wav"
sox "$noise/flightgear-data-base__usr_share_games_flightgear_Sounds_thunder.wav" "$audio/weather/thunder.wav" repeat 3 trim 0 30 norm -20
sox "$noise/flightgear-data-base__usr_share_games_flightgear_Sounds_wind.wav" "$work/wind.wav" repeat 7 trim 0 20 norm -20
sox "$music/planetblupi-music-ogg__usr_share_planetblupi_music_music001.wav" "$work/tune.wav" trim 10 20 norm -20
sox "$work/wind.wav" "$work/tune.wav" "$audio/weather/wind-then-music.wav"
# A file name cannot hold '/': this one is the file script>.wav in the folder <script>alert(1)<, as segment names it.
mkdir -p "$audio/<script>alert(1)<"
cp "$audio/weather/thunder.wav" "$audio/<script>alert(1)</script>.wav"
head -c 1200000 "$audio/music/planetblupi-000.wav" > "$audio/music/cut-short.wav"
echo "not audio" > "$audio/notes.wav"

"$musicmask" segment "$audio" -o "$work/results" || true
"$musicmask" report "$work/results" -o "$work/results/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,560 \
  --screenshot="$work/report.png" "file://$work/results/report.html" 2>/dev/null
mkdir -p docs
cp "$work/report.png" docs/report.png
ls -l docs/report.png
