"""The GUI's language: Norwegian Bokmål or English, chosen in the settings ("system" follows
the computer), switched live.

Our messages are compiled from resources/translations/innsyn_nb.ts (scripts/
update_translations.sh); English is the source language, so English needs no file. Qt ships
no Bokmål translation of its own strings (only Nynorsk), so the few Qt strings an officer
meets everywhere (standard buttons, the wizard's buttons, the edit menus) are declared below
and translated in our file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)

from app.resources import resources_dir

__all__ = [
    "DOMAIN_TEXTS",
    "LANGUAGE_NAMES",
    "current_language",
    "install_language",
    "remove_translators",
    "resolve_language",
    "translations_dir",
]

# Shown in their own language, so that anyone can find theirs.
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk bokmål", "en": "English"}

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = "en"
# Qt's own classes: their texts come from our qtbase_nb file, never from the empty context
# of ours (where "Name" or "Type" may mean something else).
_QT_CONTEXT = re.compile(r"Q[A-Z]")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(lang: str, system: QLocale | None = None) -> str:
    """ "nb" or "en": "system" becomes nb on a Norwegian computer (bokmål, nynorsk or plain
    Norwegian), English elsewhere."""
    if lang in LANGUAGE_NAMES:
        return lang
    system = system or QLocale.system()
    norwegian = {QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk}
    if system.language() in norwegian or system.name().split("_")[0] in ("nb", "nn", "no"):
        return "nb"
    return "en"


def _locale_for(lang: str) -> QLocale:
    if lang == "nb":
        return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system  # an English computer keeps its own dates and numbers
    # English words with European dates (dd/MM/yyyy), as an officer in Norway expects.
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class _Translator(QTranslator):
    """Our translator, with one fallback: a message not found in its class's context is
    looked up in the empty context, where lupdate files the strings of module-level
    helpers named `tr` (for lupdate they belong to no class)."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context and not _QT_CONTEXT.match(context):
            found = super().translate("", source_text, disambiguation, n)
        # None, not "": an empty string would stop Qt asking the next translator, and
        # PySide asking the next class up.
        return found or None


def install_language(app: QCoreApplication, lang: str) -> str:
    """Install the translators for `lang` ("nb", "en" or "system") in place of the ones
    installed before, and make its locale the default (dates, numbers). Widgets receive a
    LanguageChange event; those built later are built in the new language. Returns the
    language now shown, "nb" or "en"."""
    global _current
    resolved = resolve_language(lang)
    remove_translators(app)
    QLocale.setDefault(_locale_for(resolved))
    if resolved == "nb":
        # Qt's dialogs in Bokmål (scripts/qt_nb_translations.py), loaded before ours so that
        # ours is asked first. A native file or print dialog would bypass both, in the
        # computer's language: Qt's own widgets dialogs are used instead.
        qt_nb = QTranslator(app)
        if qt_nb.load(str(translations_dir() / "qtbase_nb.qm")):
            _installed.append(qt_nb)
        else:
            log.warning("the Norwegian translation of Qt's dialogs is missing")
            qt_nb.deleteLater()
        ours = _Translator(app)
        # Qt's own Nynorsk file is not installed for Bokmål: our file covers the Qt strings
        # that matter, in Bokmål.
        if ours.load(str(translations_dir() / "innsyn_nb.qm")):
            _installed.append(ours)
        else:  # a broken installation: English rather than no window at all
            log.warning("the Norwegian translation is missing; showing English")
            ours.deleteLater()
            for translator in _installed:
                translator.deleteLater()
            _installed.clear()
            resolved = "en"
            QLocale.setDefault(_locale_for(resolved))
    if resolved == "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(_locale_for(resolved), "qtbase", "_", qt_dir):
            _installed.append(qt)
        else:
            qt.deleteLater()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, resolved == "nb")
    for translator in _installed:
        app.installTranslator(translator)
    _current = resolved
    return resolved


def remove_translators(app: QCoreApplication) -> None:
    """Remove the translators installed here (the texts show in English, as written)."""
    global _current
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)
    _current = "en"


def current_language() -> str:
    """The language the GUI is shown in now: "nb" or "en"."""
    return _current


# --- strings lupdate cannot see ------------------------------------------------------------------
# The domain vocabulary, translated where it is shown (app/ui/case_table.py `label()`): the
# values of app.core.model's enums and the kinds of case events the services record.
DOMAIN_TEXTS: tuple[str, ...] = tuple(
    str(text)
    for text in (
        # request types
        QT_TRANSLATE_NOOP("Domain", "access"),
        QT_TRANSLATE_NOOP("Domain", "rectification"),
        QT_TRANSLATE_NOOP("Domain", "erasure"),
        QT_TRANSLATE_NOOP("Domain", "restriction"),
        QT_TRANSLATE_NOOP("Domain", "objection"),
        # channels
        QT_TRANSLATE_NOOP("Domain", "phone"),
        QT_TRANSLATE_NOOP("Domain", "email"),
        QT_TRANSLATE_NOOP("Domain", "letter"),
        QT_TRANSLATE_NOOP("Domain", "in-person"),
        # statuses
        QT_TRANSLATE_NOOP("Domain", "new"),
        QT_TRANSLATE_NOOP("Domain", "awaiting identity"),
        QT_TRANSLATE_NOOP("Domain", "in progress"),
        QT_TRANSLATE_NOOP("Domain", "answered"),
        QT_TRANSLATE_NOOP("Domain", "closed"),
        QT_TRANSLATE_NOOP("Domain", "refused"),
        QT_TRANSLATE_NOOP("Domain", "withdrawn"),
        # roles
        QT_TRANSLATE_NOOP("Domain", "customer"),
        QT_TRANSLATE_NOOP("Domain", "supplier"),
        QT_TRANSLATE_NOOP("Domain", "stakeholder"),
        QT_TRANSLATE_NOOP("Domain", "other"),
        # identity methods and results
        QT_TRANSLATE_NOOP("Domain", "reply from the e-mail address on record"),
        QT_TRANSLATE_NOOP("Domain", "call-back to the phone number on record"),
        QT_TRANSLATE_NOOP("Domain", "customer number and details of a recent purchase"),
        QT_TRANSLATE_NOOP("Domain", "ID document shown in person (no copy kept)"),
        QT_TRANSLATE_NOOP("Domain", "BankID signature"),
        QT_TRANSLATE_NOOP("Domain", "letter to the postal address on record"),
        QT_TRANSLATE_NOOP("Domain", "other (described in the notes)"),
        QT_TRANSLATE_NOOP("Domain", "verified"),
        QT_TRANSLATE_NOOP("Domain", "not verified"),
        QT_TRANSLATE_NOOP("Domain", "pending"),
        # fee decisions and answer methods
        QT_TRANSLATE_NOOP("Domain", "free"),
        QT_TRANSLATE_NOOP("Domain", "fee"),
        QT_TRANSLATE_NOOP("Domain", "refuse"),
        QT_TRANSLATE_NOOP("Domain", "post"),
        QT_TRANSLATE_NOOP("Domain", "e-mail"),
        QT_TRANSLATE_NOOP("Domain", "handed over"),
        # kinds of case events
        QT_TRANSLATE_NOOP("Domain", "received"),
        QT_TRANSLATE_NOOP("Domain", "identity"),
        QT_TRANSLATE_NOOP("Domain", "identity requested"),
        QT_TRANSLATE_NOOP("Domain", "identity received"),
        QT_TRANSLATE_NOOP("Domain", "once-a-year decision"),
        QT_TRANSLATE_NOOP("Domain", "status"),
        QT_TRANSLATE_NOOP("Domain", "evidence"),
        QT_TRANSLATE_NOOP("Domain", "further request"),
        QT_TRANSLATE_NOOP("Domain", "note"),
        QT_TRANSLATE_NOOP("Domain", "extended"),
        QT_TRANSLATE_NOOP("Domain", "searched"),
        QT_TRANSLATE_NOOP("Domain", "erasure matrix"),
        QT_TRANSLATE_NOOP("Domain", "erasure kept"),
        QT_TRANSLATE_NOOP("Domain", "erasure applied"),
        QT_TRANSLATE_NOOP("Domain", "kept data erased"),
        QT_TRANSLATE_NOOP("Domain", "notice"),
        QT_TRANSLATE_NOOP("Domain", "notices"),
        QT_TRANSLATE_NOOP("Domain", "rectified"),
        QT_TRANSLATE_NOOP("Domain", "rectification history cleared"),
        QT_TRANSLATE_NOOP("Domain", "restricted"),
        QT_TRANSLATE_NOOP("Domain", "restriction lifted"),
        QT_TRANSLATE_NOOP("Domain", "restriction told"),
        QT_TRANSLATE_NOOP("Domain", "sent"),
        QT_TRANSLATE_NOOP("Domain", "system task"),
        QT_TRANSLATE_NOOP("Domain", "system tasks"),
        QT_TRANSLATE_NOOP("Domain", "closed with open notices"),
    )
)

# Qt's own strings that every officer meets (Qt ships no Bokmål file for them).
QT_TEXTS: tuple[str, ...] = tuple(
    str(text)
    for text in (
        QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
        QT_TRANSLATE_NOOP("QWizard", "< &Back"),
        QT_TRANSLATE_NOOP("QWizard", "&Next >"),
        QT_TRANSLATE_NOOP("QWizard", "&Finish"),
        QT_TRANSLATE_NOOP("QWizard", "Cancel"),
        QT_TRANSLATE_NOOP("QWizard", "Commit"),
        QT_TRANSLATE_NOOP("QWizard", "&Help"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
        QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
        QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
        QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    )
)
