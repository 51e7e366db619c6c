#!/usr/bin/env bash
# Build NeWork-Setup-<version>.exe from the PyInstaller output (installer/build.sh first).
# Works on Linux (makensis from the nsis package) and in Git Bash on Windows (NSIS 3).
#
#   installer/windows/build-installer.sh [OUT_DIR] [extra makensis options, e.g. -DCOMPRESSOR=zlib]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=${1:-build}
shift || true
mkdir -p "$out"
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' nework_desktop/__init__.py)
src="$PWD/build/pyinstaller/dist/NeWork"
makensis=${MAKENSIS:-makensis}
if [[ "$(uname -s)" == MINGW* || "$(uname -s)" == MSYS* ]]; then
  src=$(cygpath -w "$src")
  target=$(cygpath -w "$(cd "$out" && pwd)/NeWork-Setup-$version.exe")
else
  target="$(cd "$out" && pwd)/NeWork-Setup-$version.exe"
fi
"$makensis" -V2 "-DSRCDIR=$src" "-DVERSION=$version" "-DOUTFILE=$target" "$@" \
  installer/windows/nework.nsi
echo "$target"
