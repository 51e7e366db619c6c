#!/usr/bin/env bash
# Extract the UI strings and compile the translations.
#
#   scripts/update_translations.sh            update translations/*.ts, compile resources/i18n/*.qm
#   scripts/update_translations.sh --check    the same, but fail if Japanese has unfinished strings
#
# 1. pyside6-lupdate scans nework_desktop/ui/**/*.py for self.tr("...") and merges the strings
#    into translations/nework_ja.ts and translations/nework_en.ts.  Existing translations are
#    kept; strings that disappeared stay in the file as "vanished" (reused if they come back).
# 2. nework_en.ts: the source strings are English, so every unfinished entry gets its source
#    text as translation (English is an explicit catalogue, like Japanese).
# 3. pyside6-lrelease compiles both into resources/i18n/nework_<locale>.qm.
#
# Japanese strings are translated by editing translations/nework_ja.ts (Qt Linguist:
# .venv/bin/pyside6-linguist translations/nework_ja.ts), then running this script again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${NEWORK_VENV_BIN:-$ROOT/.venv/bin}"
PYTHON="$BIN/python"
LUPDATE="$BIN/pyside6-lupdate"
LRELEASE="$BIN/pyside6-lrelease"
LOCALES=(ja en)
CHECK=0

for arg in "$@"; do
    case "$arg" in
        --check) CHECK=1 ;;
        -h | --help)
            sed -n '2,16p' "$0"
            exit 0
            ;;
        *)
            echo "unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

shopt -s nullglob globstar
sources=(nework_desktop/ui/**/*.py)
shopt -u nullglob globstar
if [ "${#sources[@]}" -eq 0 ]; then
    echo "no UI sources found under nework_desktop/ui/" >&2
    exit 1
fi

mkdir -p translations resources/i18n

for locale in "${LOCALES[@]}"; do
    ts="translations/nework_${locale}.ts"
    "$LUPDATE" -silent -locations none -source-language en -target-language "$locale" \
        "${sources[@]}" -ts "$ts"
done

# English: an unfinished entry's translation is its source text.
"$PYTHON" - translations/nework_en.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
filled = 0
for message in tree.getroot().iter("message"):
    source = message.find("source")
    translation = message.find("translation")
    if source is None or translation is None:
        continue
    if translation.get("type") != "unfinished":
        continue  # finished, obsolete or vanished: leave alone
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
        for form in forms:
            form.text = source.text
    else:
        translation.text = source.text
    del translation.attrib["type"]
    filled += 1
if filled:
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
print(f"{path}: {filled} English entries filled from their source text")
PY

unfinished=$(grep -c 'type="unfinished"' translations/nework_ja.ts || true)

for locale in "${LOCALES[@]}"; do
    "$LRELEASE" -silent "translations/nework_${locale}.ts" -qm "resources/i18n/nework_${locale}.qm"
    echo "resources/i18n/nework_${locale}.qm"
done

if [ "$unfinished" -gt 0 ]; then
    echo "translations/nework_ja.ts: $unfinished unfinished entries (shown in English)" >&2
    if [ "$CHECK" -eq 1 ]; then
        exit 1
    fi
fi
