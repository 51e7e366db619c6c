#!/usr/bin/env bash
# Build the frozen NeWork app with PyInstaller (one folder) into build/pyinstaller/dist/NeWork
# (and build/pyinstaller/dist/NeWork.app on macOS).
#
# Usage: installer/build.sh [extra PyInstaller options, e.g. --clean]
# Uses the project's .venv (creates it if missing) and installs into it the hash-locked set in
# installer/requirements.lock (the app's dependencies and PyInstaller). The project itself is
# analysed from the source tree. NEWORK_DEBUG_BUILD=1 makes a debug build (keeps Chromium's
# devtools). Works in Git Bash on Windows too (.venv/Scripts/python.exe).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
if [ -x .venv/bin/python ]; then
  venv_python=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
  venv_python=.venv/Scripts/python.exe
else
  "$PYTHON" -m venv .venv
  venv_python=.venv/bin/python
  [ -x "$venv_python" ] || venv_python=.venv/Scripts/python.exe
fi

pip_install() {
  "$venv_python" -m pip install --quiet --disable-pip-version-check "$@" \
    2> >(grep -v 'is ignored: it is neither' >&2)
}

# Exactly the locked versions (installer/requirements.lock, hash-checked): the bundle's contents
# do not depend on the day it is built. Already-installed matching versions are kept (fast).
# NEWORK_BUILD_UNLOCKED=1 skips this (a quick local build with whatever .venv holds).
if [ "${NEWORK_BUILD_UNLOCKED:-}" != 1 ]; then
  pip_install --require-hashes --no-deps -r installer/requirements.lock
fi

# PyInstaller's cache lives with the build, not in the user's home.
export PYINSTALLER_CONFIG_DIR=${PYINSTALLER_CONFIG_DIR:-"$PWD/build/pyinstaller/config"}
exec "$venv_python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  "$@" installer/pyinstaller/nework.spec
