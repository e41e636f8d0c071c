#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 machine with the .NET 10 SDK, then builds it.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for tool in ffmpeg sox unzip; do
  command -v "$tool" >/dev/null 2>&1 || need_apt+=("$tool")
done
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The report's browser tests drive Debian's Chromium through its ChromeDriver (tests/MusicMask.Browser.Tests).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet build Pipeline.Local.slnf -c Release --nologo -v quiet
