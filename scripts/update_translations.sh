#!/usr/bin/env bash
# Bring the Norwegian Bokmål translation up to date with the GUI:
#   1. pyside6-lupdate reads every app/ui/*.py into resources/translations/innsyn_nb.ts,
#      keeping every translation already made (new texts arrive as "unfinished");
#   2. scripts/translate_nb.py fills the unfinished ones it knows (its table of
#      translations), without overwriting a translation made by hand (in Qt Linguist);
#   3. pyside6-lrelease compiles innsyn_nb.qm, which the application loads.
# Commit both the .ts and the .qm. Texts still unfinished are listed at the end (and
# tests/ui/test_translations.py fails until they are translated).
#
#   bash scripts/update_translations.sh           update, fill, compile
#   bash scripts/update_translations.sh --check   only list what is unfinished
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

bin=".venv/bin"
tool() {
    if [ -x "$bin/$1" ]; then echo "$bin/$1"; return; fi
    command -v "$1" >/dev/null 2>&1 && { command -v "$1"; return; }
    echo "$1 is missing: run 'bash scripts/dev.sh setup' (PySide6 brings it)." >&2
    exit 1
}
python="$bin/python"
[ -x "$python" ] || python="$(command -v python3)"
ts="resources/translations/innsyn_nb.ts"
qm="resources/translations/innsyn_nb.qm"

if [ "${1:-}" = "--check" ]; then
    exec "$python" scripts/translate_nb.py --check "$ts"
fi

lupdate="$(tool pyside6-lupdate)"
lrelease="$(tool pyside6-lrelease)"
mkdir -p "$(dirname "$ts")"

# No source locations: the file does not change each time a line moves (contexts are class
# names). Module-level helpers named tr, _tr or _translate (QCoreApplication.translate with
# their module's context) are read as tr: lupdate files their texts under the empty context,
# where app/ui/i18n.py's translator looks when a context has no translation.
lupdate_args=(-no-obsolete -locations none -source-language en -target-language nb_NO
    -tr-function-alias tr+=_tr,tr+=_translate)
"$lupdate" "${lupdate_args[@]}" app/ui/*.py -ts "$ts"
"$python" scripts/translate_nb.py "$ts"
# Once more, so that the file is written in lupdate's own layout.
"$lupdate" -silent "${lupdate_args[@]}" app/ui/*.py -ts "$ts"
"$lrelease" -nounfinished "$ts" -qm "$qm"
# Qt's own dialogs (no Bokmål from Qt): written from scripts/qt_nb_translations.py.
"$python" scripts/qt_nb_translations.py resources/translations/qtbase_nb.ts
"$lrelease" -silent resources/translations/qtbase_nb.ts -qm resources/translations/qtbase_nb.qm
"$python" scripts/translate_nb.py --check "$ts" || true
