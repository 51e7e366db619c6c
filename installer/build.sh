#!/usr/bin/env bash
# Build the frozen NeWork app with PyInstaller (one folder) into build/pyinstaller/dist/NeWork
# (and build/pyinstaller/dist/NeWork.app on macOS).
#
# Usage: installer/build.sh [extra PyInstaller options, e.g. --clean]
# Needs the project's .venv (scripts/test or scripts/run create it); installs PyInstaller into it
# when missing. Works in Git Bash on Windows too (.venv/Scripts/python.exe).
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

if ! "$venv_python" -c 'import PySide6.QtWebEngineCore, platformdirs, keyring, requests' 2>/dev/null; then
  echo "installing the app's dependencies into .venv" >&2
  pip_install -e .
fi
if ! "$venv_python" -c 'import PyInstaller' 2>/dev/null; then
  echo "installing PyInstaller into .venv" >&2
  pip_install 'pyinstaller>=6.10,<7'
fi

# PyInstaller's cache lives with the build, not in the user's home.
export PYINSTALLER_CONFIG_DIR=${PYINSTALLER_CONFIG_DIR:-"$PWD/build/pyinstaller/config"}
exec "$venv_python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  "$@" installer/pyinstaller/nework.spec
