#!/usr/bin/env bash
# Sign NeWork.app (hardened runtime, installer/macos/entitlements.plist) and, after the dmg is
# made, notarise and staple it. Each step runs only when its secrets exist, and says so when
# skipped (an unsigned build is still a valid test build).
#
#   installer/macos/sign.sh app  build/pyinstaller/dist/NeWork.app
#   installer/macos/sign.sh dmg  build/NeWork-0.1.0.dmg
#
# Secrets (environment): MACOS_SIGN_IDENTITY ("Developer ID Application: ..."), and for
# notarisation APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD (an app-specific password).
set -euo pipefail
what=${1:?app or dmg}
target=${2:?path}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case $what in
  app)
    if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
      echo "signing skipped: MACOS_SIGN_IDENTITY is not set (ad-hoc signature kept)"
      exit 0
    fi
    # Inside out: every library and helper, then the app with the entitlements.
    find "$target/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
      while IFS= read -r -d '' file; do
        if file "$file" | grep -q 'Mach-O'; then
          codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY" "$file"
        fi
      done
    codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
      --sign "$MACOS_SIGN_IDENTITY" "$target"
    codesign --verify --deep --strict --verbose=2 "$target"
    ;;
  dmg)
    if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
      echo "dmg signing skipped: MACOS_SIGN_IDENTITY is not set"
    else
      codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$target"
    fi
    if [ -z "${APPLE_ID:-}" ] || [ -z "${APPLE_TEAM_ID:-}" ] || [ -z "${APPLE_APP_PASSWORD:-}" ]; then
      echo "notarisation skipped: APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD are not set"
      exit 0
    fi
    xcrun notarytool submit "$target" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$target"
    ;;
  *)
    echo "usage: $0 app|dmg PATH" >&2
    exit 2
    ;;
esac
