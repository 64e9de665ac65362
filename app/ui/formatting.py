"""How the GUI writes domain values for the officer: the labels of enums, dates and times,
the days-left texts of deadlines, and the language of domain wording (`ui_language()`).

Pure functions of their arguments and the Qt locale/translators; no widgets."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.core import clock, deadlines, messages
from app.core.errors import UserError
from app.core.model import RequestType, Status

__all__ = [
    "DUE_SOON_DAYS",
    "days_left_text",
    "days_left_words",
    "document_kind_text",
    "due_tooltip",
    "format_date",
    "format_day",
    "format_time_oslo",
    "label",
    "problem_text",
    "request_type_label",
    "status_label",
    "tr",
    "ui_language",
]

DUE_SOON_DAYS = 7  # as the dashboard's "Due this week" tile counts


def tr(text: str) -> str:
    """Translate a text of this module (module-level helpers have no QObject)."""
    return QCoreApplication.translate("Formatting", text)


def ui_language() -> str:
    """The language of domain wording (deadline explanations, retention criteria, letters
    offered first): Bokmål where the interface runs in Norwegian, English otherwise."""
    return "nb" if QLocale().language() == QLocale.Language.NorwegianBokmal else "en"


def problem_text(exc: BaseException) -> str:
    """What the officer reads of a refusal: a user error's message in the interface's
    language; any other exception as it describes itself (an OSError's reason)."""
    if isinstance(exc, UserError):
        return exc.render(ui_language())
    return str(exc)


# --- enums ---------------------------------------------------------------------------------------


def label(value: str) -> str:
    """The display text of a domain value (a status, type, channel, role, method...): an enum
    member from the message catalogue's enum labels, a plain text from the translations."""
    if isinstance(value, enum.Enum):
        return messages.enum_label(value, ui_language())
    return QCoreApplication.translate("Domain", value)


def document_kind_text(kind: str) -> str:
    """A kept document's kind as the officer reads it: "letter:fee" is the fee notice."""
    return messages.document_kind_text(kind, ui_language())


def request_type_label(kind: RequestType) -> str:
    return {
        RequestType.ACCESS: QCoreApplication.translate("IntakeDialog", "Access"),
        RequestType.RECTIFICATION: QCoreApplication.translate("IntakeDialog", "Rectification"),
        RequestType.ERASURE: QCoreApplication.translate("IntakeDialog", "Erasure"),
        RequestType.RESTRICTION: QCoreApplication.translate("IntakeDialog", "Restriction"),
        RequestType.OBJECTION: QCoreApplication.translate("IntakeDialog", "Objection"),
    }[RequestType(kind)]


def status_label(status: Status) -> str:
    return {
        Status.NEW: QCoreApplication.translate("IntakeDialog", "new"),
        Status.AWAITING_IDENTITY: QCoreApplication.translate("IntakeDialog", "awaiting identity"),
        Status.IN_PROGRESS: QCoreApplication.translate("IntakeDialog", "in progress"),
        Status.ANSWERED: QCoreApplication.translate("IntakeDialog", "answered"),
        Status.CLOSED: QCoreApplication.translate("IntakeDialog", "closed"),
        Status.REFUSED: QCoreApplication.translate("IntakeDialog", "refused"),
        Status.WITHDRAWN: QCoreApplication.translate("IntakeDialog", "withdrawn"),
    }[Status(status)]


# --- dates and times -----------------------------------------------------------------------------


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day is not None else ""


def format_time_oslo(moment: dt.datetime | None) -> str:
    """A moment as the officer reads it: Oslo time, dd.mm.yyyy HH:MM (a naive one is refused)."""
    if moment is None:
        return ""
    return clock.in_utc(moment).astimezone(clock.OSLO).strftime("%d.%m.%Y %H:%M")


def format_day(day: dt.date) -> str:
    """7 Apr 2026 / 7. apr. 2026: the same style as the deadline explanation."""
    qdate = QDate(day.year, day.month, day.day)
    if ui_language() == "nb":
        return QLocale(QLocale.Language.NorwegianBokmal).toString(qdate, "d. MMM yyyy")
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom).toString(
        qdate, "d MMM yyyy"
    )


# --- days left -----------------------------------------------------------------------------------


def days_left_text(due: dt.date, today: dt.date, *, is_open: bool = True) -> str:
    """The case list's column: the number of days left, with its band in words."""
    if not is_open:
        return "—"
    left = deadlines.days_left(due, today)
    band = deadlines.due_band(due, today)
    if band == deadlines.BAND_OVERDUE:
        return tr("{days} (overdue)").format(days=left)
    if band == deadlines.BAND_3_DAYS:
        return tr("{days} (due soon)").format(days=left)
    if band == deadlines.BAND_7_DAYS:
        return tr("{days} (due this week)").format(days=left)
    return str(left)


def days_left_words(due: dt.date, today: dt.date) -> str:
    """ "3 days left (due soon)", "2 days overdue": the words say it, not only a colour."""
    days = (due - today).days
    if days < 0:
        if days == -1:
            return tr("1 day overdue")
        return tr("{n} days overdue").format(n=-days)
    if days == 0:
        return tr("due today (due soon)")
    text = tr("1 day left") if days == 1 else tr("{n} days left").format(n=days)
    if days <= DUE_SOON_DAYS:
        text = tr("{text} (due soon)").format(text=text)
    return text


def due_tooltip(due: dt.date, today: dt.date, *, is_open: bool = True) -> str:
    if not is_open:
        return tr("Closed: no deadline is running.")
    left = deadlines.days_left(due, today)
    if left < 0:
        return tr("Overdue by {n} day(s): the deadline was {due}.").format(
            n=-left, due=format_date(due)
        )
    if left == 0:
        return tr("Due today ({due}).").format(due=format_date(due))
    band = deadlines.due_band(due, today)
    text = tr("{n} day(s) left: due {due}.").format(n=left, due=format_date(due))
    if band == deadlines.BAND_3_DAYS:
        text += " " + tr("Due within 3 days.")
    elif band == deadlines.BAND_7_DAYS:
        text += " " + tr("Due within 7 days.")
    return text
