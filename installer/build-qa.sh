#!/usr/bin/env bash
# Build nework-qa (the QA tool) as a standalone program: build/pyinstaller/dist/nework-qa/.
# Same environment as installer/build.sh (the hash-locked set in installer/requirements.lock).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -x .venv/bin/python ]; then
  venv_python=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
  venv_python=.venv/Scripts/python.exe
else
  "${PYTHON:-python3}" -m venv .venv
  venv_python=.venv/bin/python
  [ -x "$venv_python" ] || venv_python=.venv/Scripts/python.exe
fi
if [ "${NEWORK_BUILD_UNLOCKED:-}" != 1 ]; then
  "$venv_python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r installer/requirements.lock 2> >(grep -v 'is ignored: it is neither' >&2)
fi
export PYINSTALLER_CONFIG_DIR=${PYINSTALLER_CONFIG_DIR:-"$PWD/build/pyinstaller/config"}
exec "$venv_python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work-qa \
  "$@" installer/pyinstaller/nework-qa.spec
