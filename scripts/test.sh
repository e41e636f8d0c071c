#!/usr/bin/env bash
# Sets the machine up and runs every test of the local solution filter; ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Pipeline.Local.slnf -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
count() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
echo "tests: $(count Passed) passed, $(count Failed) failed"
exit "$status"
