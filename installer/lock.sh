#!/usr/bin/env bash
# Regenerate installer/requirements.lock: every package the frozen app is built from, pinned
# with its hashes, for Windows, macOS and Linux at once (uv's universal resolution).
#
# Inputs: the runtime dependencies in pyproject.toml and installer/build-requirements.in
# (PyInstaller). Run it after changing either, and commit the result; installer/build.sh and the
# release workflow install from the lock only (pip --require-hashes), so a bundle's contents
# never depend on the day it is built. Needs uv (pip install uv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
UV=${UV:-uv}
command -v "$UV" >/dev/null || UV=.venv/bin/uv
exec "$UV" pip compile pyproject.toml installer/build-requirements.in \
  --universal --python-version 3.11 --generate-hashes --quiet \
  --custom-compile-command "installer/lock.sh" \
  -o installer/requirements.lock "$@"
