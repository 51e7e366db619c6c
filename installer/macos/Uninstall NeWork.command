#!/bin/bash
# Uninstall NeWork (macOS): delete NeWork's data, then move NeWork.app to the Trash.
#
# Dragging NeWork.app to the Trash runs nothing and leaves the app's data behind, so this script
# (shipped in the dmg next to NeWork.app) does it in the right order:
#   1. asks for confirmation (skipped with --yes);
#   2. asks a running NeWork to quit (AppleScript, with a timeout; the cleanup asks it too);
#   3. runs the app's own cleanup: "NeWork.app/Contents/MacOS/NeWork" uninstall-cleanup --yes
#      (exit 0 only when nothing of the app's data remains);
#   4. only if that succeeded, moves NeWork.app to the Trash (Finder; fallback: mv to ~/.Trash).
# If no installed NeWork.app is found but the dmg's own copy sits next to this script (the app was
# already dragged to the Trash), that copy runs the cleanup, so the data still goes.
#
# Usage: "Uninstall NeWork.command" [--yes] [--app PATH | PATH]
# Exit codes: 0 done; 1 the cleanup failed (NeWork.app kept); 2 cancelled or bad arguments;
#             3 NeWork.app not found; 4 data deleted but NeWork.app could not be moved to the Trash.
#
# For tests (and odd setups) these variables replace what the script would use:
#   NEWORK_UNINSTALL_APP   the NeWork.app to remove (like --app)
#   NEWORK_OSASCRIPT       the osascript command              (default: osascript)
#   NEWORK_TRASH_DIR       where the fallback moves the app   (default: ~/.Trash)
#   NEWORK_QUIT_TIMEOUT    seconds to wait for NeWork to quit (default: 10)
#
# Runs with macOS's own /bin/bash 3.2: no bash 4 features.
set -euo pipefail

APP_NAME="NeWork"
BUNDLE_ID="com.ntt.nework.desktop" # nework_desktop.APP_ID

OSASCRIPT=${NEWORK_OSASCRIPT:-osascript}
TRASH_DIR=${NEWORK_TRASH_DIR:-"$HOME/.Trash"}
QUIT_TIMEOUT=${NEWORK_QUIT_TIMEOUT:-10}

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }

usage() {
  say "Usage: $(basename "$0") [--yes] [--app PATH | PATH]"
  say "Deletes NeWork's data on this Mac, then moves NeWork.app to the Trash."
  say "  --yes       do not ask for confirmation"
  say "  --app PATH  the NeWork.app to remove (default: found in /Applications or ~/Applications)"
}

assume_yes=0
app_arg=${NEWORK_UNINSTALL_APP:-}
while [ $# -gt 0 ]; do
  case "$1" in
    -y|--yes) assume_yes=1 ;;
    --app)
      if [ $# -lt 2 ]; then
        warn "--app needs a path"
        exit 2
      fi
      app_arg=$2
      shift
      ;;
    --app=*) app_arg=${1#--app=} ;;
    -h|--help) usage; exit 0 ;;
    -*) warn "unknown option: $1"; usage >&2; exit 2 ;;
    *) app_arg=$1 ;;
  esac
  shift
done

script_dir=$(cd "$(dirname "$0")" && pwd)

is_app() {
  [ -d "$1" ] && [ -x "$1/Contents/MacOS/$APP_NAME" ]
}

# The installed NeWork.app: the argument, else the dmg's Applications link next to this script,
# /Applications, ~/Applications, or the app this script is packed in (Contents/Resources).
find_app() {
  local candidate
  if [ -n "$app_arg" ]; then
    if is_app "$app_arg"; then
      (cd "$app_arg" && pwd -P)
      return 0
    fi
    return 1
  fi
  for candidate in \
      "$script_dir/Applications/$APP_NAME.app" \
      "/Applications/$APP_NAME.app" \
      "$HOME/Applications/$APP_NAME.app" \
      "$script_dir/../.."; do
    if is_app "$candidate" && [ "$(basename "$(cd "$candidate" && pwd -P)")" = "$APP_NAME.app" ]; then
      (cd "$candidate" && pwd -P)
      return 0
    fi
  done
  return 1
}

data_only=0
if ! app=$(find_app); then
  if [ -n "$app_arg" ]; then
    warn "Not a NeWork app: $app_arg"
    exit 3
  fi
  if is_app "$script_dir/$APP_NAME.app"; then
    # Only the dmg's own copy is here: the installed app is gone, its data may not be.
    app=$(cd "$script_dir/$APP_NAME.app" && pwd -P)
    data_only=1
  else
    warn "NeWork.app was not found in /Applications or ~/Applications."
    warn "Run this script with the path of NeWork.app, e.g.: $(basename "$0") --app /path/to/NeWork.app"
    exit 3
  fi
fi

if [ "$data_only" = 1 ]; then
  say "No installed NeWork.app was found. NeWork's data on this Mac will be deleted"
  say "(using $app)."
else
  say "This removes NeWork from this Mac:"
  say "  1. deletes NeWork's data (settings, consent record, sign-in, caches, logs);"
  say "  2. moves $app to the Trash."
fi
if [ "$assume_yes" != 1 ]; then
  answer=""
  printf 'Type "yes" to continue: '
  if ! read -r answer; then
    answer=""
    say ""
  fi
  case "$answer" in
    y|Y|yes|YES|Yes) ;;
    *) say "Cancelled: nothing was changed."; exit 2 ;;
  esac
fi

# Runs a command, but gives up on it after $1 seconds (macOS has no `timeout`).
run_with_timeout() {
  local seconds=$1 pid ticks=0
  shift
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$ticks" -ge $((seconds * 10)) ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 124
    fi
    sleep 0.1
    ticks=$((ticks + 1))
  done
  wait "$pid"
}

say "Asking NeWork to quit..."
# By bundle id, and only if it runs: `quit app "NeWork"` would start a NeWork that is not running.
quit_script="if application id \"$BUNDLE_ID\" is running then tell application id \"$BUNDLE_ID\" to quit"
quit_status=0
run_with_timeout "$QUIT_TIMEOUT" "$OSASCRIPT" -e "$quit_script" >/dev/null 2>&1 || quit_status=$?
if [ "$quit_status" = 124 ]; then
  say "NeWork did not answer within $QUIT_TIMEOUT s; the cleanup will ask it again."
elif [ "$quit_status" != 0 ]; then
  say "Could not ask NeWork to quit (osascript: $quit_status); the cleanup will ask it again."
fi

say "Deleting NeWork's data..."
cleanup_status=0
"$app/Contents/MacOS/$APP_NAME" uninstall-cleanup --yes || cleanup_status=$?
if [ "$cleanup_status" != 0 ]; then
  warn ""
  warn "FAILED: NeWork could not delete all of its data (exit code $cleanup_status)."
  warn "NeWork.app was NOT moved to the Trash, so you can quit NeWork and run this script again."
  exit 1
fi
say "NeWork's data has been deleted."

if [ "$data_only" = 1 ]; then
  say "Done. (NeWork.app itself was already removed.)"
  exit 0
fi

say "Moving $app to the Trash..."
finder_script=(
  -e 'on run argv'
  -e 'tell application "Finder" to delete (POSIX file (item 1 of argv) as alias)'
  -e 'end run'
)
if "$OSASCRIPT" "${finder_script[@]}" "$app" >/dev/null 2>&1 && [ ! -e "$app" ]; then
  say "Done: NeWork has been removed. Empty the Trash to free the space."
  exit 0
fi

# Finder refused (no permission to control it, or no GUI session): move it ourselves.
target="$TRASH_DIR/$APP_NAME.app"
if [ -e "$target" ]; then
  target="$TRASH_DIR/$APP_NAME $(date +%Y%m%d-%H%M%S).app"
fi
if mkdir -p "$TRASH_DIR" && mv "$app" "$target"; then
  say "Done: NeWork has been moved to $target."
  exit 0
fi
warn "NeWork's data was deleted, but $app could not be moved to the Trash."
warn "Drag it to the Trash in the Finder (you may need an administrator password)."
exit 4
