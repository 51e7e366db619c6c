#!/usr/bin/env bash
# The macOS job's end-to-end run on a real Mac: the dmg, a copy in an Applications folder, use,
# `Uninstall NeWork.command`, and proof that nothing of NeWork remains.
#
#   installer/ci/macos_e2e.sh DMG NEWORK_QA OUT_DIR
#
# 1. snapshot of the real home (~/Library included) with the standalone nework-qa;
# 2. the dmg is attached read-only and NeWork.app copied to a temporary Applications folder
#    (as a person drags it), the dmg detached;
# 3. the app: --version, status --json, then `nework-qa lifecycle --app` (the real ~/Library
#    layout and the login keychain);
# 4. `Uninstall NeWork.command --yes --app <copy>` (from the dmg): the data and the app go;
# 5. a second snapshot and `nework-qa diff`: exit 0 only if nothing of NeWork's remains.
set -euo pipefail
dmg=$1
qa=$2
out=$3
mkdir -p "$out"
out=$(cd "$out" && pwd)
apps=$(mktemp -d)/Applications
mkdir -p "$apps"
noise=(--exclude 'Library/Caches/com.apple.*' --exclude 'Library/Logs/DiagnosticReports')

"$qa" snapshot --home "$HOME" --out "$out/before.json" "${noise[@]}"

mount=$(mktemp -d)
hdiutil attach -nobrowse -readonly -mountpoint "$mount" "$dmg" >/dev/null
test -d "$mount/NeWork.app" && test -L "$mount/Applications"
test -f "$mount/Uninstall NeWork.command"
ditto "$mount/NeWork.app" "$apps/NeWork.app"
cp "$mount/Uninstall NeWork.command" "$out/Uninstall NeWork.command"
hdiutil detach "$mount" >/dev/null

app="$apps/NeWork.app/Contents/MacOS/NeWork"
"$app" --version
"$app" status --json
"$qa" lifecycle --app "$apps/NeWork.app" --home "$out/lifecycle-home" \
  --junit "$out/lifecycle-junit.xml"
rm -rf "$out/lifecycle-home"

NEWORK_TRASH_DIR="$out/trash" bash "$out/Uninstall NeWork.command" --yes --app "$apps/NeWork.app"
test ! -e "$apps/NeWork.app"

"$qa" snapshot --home "$HOME" --out "$out/after.json" "${noise[@]}"
"$qa" diff "$out/before.json" "$out/after.json" --junit "$out/residue-junit.xml"
echo "OK: installed, used and uninstalled; nothing of NeWork remains"
