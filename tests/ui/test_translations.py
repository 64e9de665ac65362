"""The Norwegian translation file: complete, faithful to its placeholders, up to date with the
GUI's sources, and compiled into the .qm that ships.

When one of these fails after a GUI change: run `bash scripts/update_translations.sh`, add
the new texts to scripts/nb_translations.py (or translate them in Qt Linguist), run it again,
and commit the .ts and the .qm."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.core import model
from app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "innsyn_nb.ts"
QM = ROOT / "resources" / "translations" / "innsyn_nb.qm"
LUPDATE_ARGS = [  # as scripts/update_translations.sh runs it
    *("-no-obsolete", "-locations", "none", "-source-language", "en"),
    *("-target-language", "nb_NO", "-tr-function-alias", "tr+=_tr,tr+=_translate"),
]
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%[0-9nvmLp]")

# Texts that are the same in both languages (names, formats, codes).
SAME_IN_BOTH = {
    "%1: %2",
    " kr",
    "Bokmål",  # the name of the language, the same word in both
    "({amount} kr)",
    "{reason}: {n}",
    "{name}: SHA-256 {sha}",
    "CSV",
    "PDF",
    "Excel (XLSX)",
    "SHA-256",
    "SHA-256:",
    "Innsyn",
    "OK",
    "Problem",
    "Status",
    "Status:",
    "&Status:",
    "Sta&tus:",
    "T&ype:",
    "&Format:",
    "System",
    "System:",
    "Pseudonym",
    "Pseudonym:",
    "Norsk bokmål",
    "personvern@example.no",
    "&Database",
    "post",
    "status",
    "PDF (*.pdf);;All files (*)",
}


def tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} is missing: it comes with PySide6 (scripts/dev.sh setup)")
    return which


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.findall("message")
    ]


def texts(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 1000
    missing = []
    for context, message in found:
        element = message.find("translation")
        assert element is not None
        if element.get("type") in ("vanished", "obsolete"):
            continue
        if element.get("type") == "unfinished" or not all(t.strip() for t in texts(message)):
            missing.append(f"{context}: {message.findtext('source')!r}")
    assert missing == [], f"{len(missing)} message(s) not translated"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    wrong = []
    for context, message in messages(TS):
        source = message.findtext("source") or ""
        for text in texts(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"{context}: {source!r} -> {text!r}: placeholders")
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                wrong.append(f"{context}: {source!r} -> {text!r}: mnemonic")
        if message.get("numerus") == "yes":
            assert len(texts(message)) == 2, source  # Bokmål: singular and plural
    assert wrong == []


def test_translations_are_translations_not_copies() -> None:
    copies = sorted(
        {
            message.findtext("source") or ""
            for _context, message in messages(TS)
            if texts(message) == [message.findtext("source")]
        }
        - SAME_IN_BOTH
    )
    assert copies == [], "English copied instead of translated"


def test_the_ts_file_holds_every_text_of_the_gui(tmp_path: Path) -> None:
    """lupdate over app/ui/*.py, as the script runs it, finds nothing new."""
    copy = tmp_path / "innsyn_nb.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", *LUPDATE_ARGS, *sources, "-ts", str(copy)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    before = {(c, m.findtext("source")) for c, m in messages(TS)}
    after = {(c, m.findtext("source")) for c, m in messages(copy)}
    assert sorted(after - before, key=str) == [], "run scripts/update_translations.sh"
    assert sorted(before - after, key=str) == [], "texts gone from the GUI: run the script"


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "innsyn_nb.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"


def test_the_domain_vocabulary_is_offered_for_translation() -> None:
    """Every enum value the GUI shows through `label()` is declared (lupdate cannot see
    values passed in a variable)."""
    declared = set(i18n.DOMAIN_TEXTS)
    for enum in (
        model.RequestType,
        model.Channel,
        model.Status,
        model.Role,
        model.IdentityMethod,
        model.IdentityResult,
        model.FeeDecision,
        model.AnswerMethod,
    ):
        missing = {e.value for e in enum} - declared
        assert not missing, f"{enum.__name__}: add {sorted(missing)} to i18n.DOMAIN_TEXTS"
    in_ts = {m.findtext("source") for c, m in messages(TS) if c == "Domain"}
    assert declared <= in_ts


def test_norwegian_texts_are_served(qapp: QApplication) -> None:
    try:
        assert i18n.install_language(qapp, "nb") == "nb"
        assert QCoreApplication.translate("MainWindow", "&Cases") == "&Saker"
        assert QCoreApplication.translate("Domain", "in progress") == "under behandling"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
        assert QCoreApplication.translate(
            "SettingsDialog", "%n sample case(s) removed.", "", 1
        ) == ("1 eksempelsak fjernet.")
        assert QCoreApplication.translate(
            "SettingsDialog", "%n sample case(s) removed.", "", 6
        ) == ("6 eksempelsaker fjernet.")
    finally:
        i18n.remove_translators(qapp)


def test_every_context_of_the_ts_is_one_the_application_asks_for() -> None:
    """lupdate names a context after the receiver of `tr` as written (`box.tr(...)` gave a
    context "box"), but Qt looks a text up by the class of the object at run time
    ("QMessageBox"): such a text is translated in the file and still shown in English."""
    # "": module-level helpers named `tr`, which our translator falls back to (i18n._Translator)
    asked: set[str] = {""}
    for path in (ROOT / "app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"^\s*class (\w+)\b", source, re.M))
        asked |= set(re.findall(r"(?:translate|QT_TRANSLATE_NOOP)\(\s*\"(\w+)\"", source))
    contexts = {context for context, _ in messages(TS)}
    assert contexts - asked == set()
