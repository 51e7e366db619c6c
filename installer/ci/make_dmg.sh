#!/usr/bin/env bash
# Make build/NeWork-<version>.dmg from build/pyinstaller/dist/NeWork.app with dmgbuild
# (installer/macos/dmg_settings.py). macOS only (dmgbuild drives hdiutil).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' nework_desktop/__init__.py)
dmgbuild=${DMGBUILD:-dmgbuild}
"$dmgbuild" -s installer/macos/dmg_settings.py -D app=build/pyinstaller/dist/NeWork.app \
  -D "version=$version" "NeWork $version" "build/NeWork-$version.dmg"
echo "build/NeWork-$version.dmg"
