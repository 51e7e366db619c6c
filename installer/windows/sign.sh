#!/usr/bin/env bash
# Authenticode-sign Windows files (NeWork.exe, the installer, nework-qa.exe) with signtool, when
# the certificate is given; otherwise say so and leave them unsigned. Runs in Git Bash.
#
#   installer/windows/sign.sh FILE...
#
# Secrets (environment): WINDOWS_CERT_PFX_BASE64 (the .pfx, base64) and WINDOWS_CERT_PASSWORD.
# Optional: SIGNTOOL (path), TIMESTAMP_URL (default DigiCert's RFC 3161 server).
set -euo pipefail
if [ -z "${WINDOWS_CERT_PFX_BASE64:-}" ] || [ -z "${WINDOWS_CERT_PASSWORD:-}" ]; then
  echo "Authenticode signing skipped: WINDOWS_CERT_PFX_BASE64 / WINDOWS_CERT_PASSWORD are not set"
  exit 0
fi
signtool=${SIGNTOOL:-signtool.exe}
timestamp=${TIMESTAMP_URL:-http://timestamp.digicert.com}
pfx=$(mktemp -d)/cert.pfx
trap 'rm -f "$pfx"' EXIT
printf '%s' "$WINDOWS_CERT_PFX_BASE64" | base64 -d > "$pfx"
for file in "$@"; do
  "$signtool" sign /fd SHA256 /td SHA256 /tr "$timestamp" /f "$pfx" /p "$WINDOWS_CERT_PASSWORD" "$file"
  "$signtool" verify /pa "$file"
done
