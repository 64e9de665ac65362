"""The case log as CSV, XLSX and PDF: every request with its dates, decisions and outcome.

This is what the officer hands Datatilsynet when asked how requests were handled. The
writers take plain `CaseLogRow`s and write to the path (or stream) they are given; writing to
a temporary file, renaming it into place and restricting its permissions is the caller's job.

Speed matters (a log may hold 100,000 requests), so per-row work is kept to attribute reads,
dictionary look-ups and the formatting each format needs: labels are looked up in
precomputed tables, and XLSX dates share one pre-styled cell per column instead of a style
object per cell.

The rows may be any iterable, read once: the CSV and XLSX writers hold one batch at a time,
so a log streamed from the database takes the same memory at 100 rows as at 1,000,000.

Every writer takes an optional ``progress(done, total)`` callback, called about every 1,000
rows; when it returns False the writer stops and raises `Cancelled`. `total` is the rows'
length, or the `total` passed with rows that have no length (an iterator).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import astuple, fields
from itertools import islice
from typing import IO, Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.core.caselog import CaseLogRow, CaseLogTotals, case_log_totals
from app.core.model import Channel, IdentityMethod, RequestType
from app.reports.csvsafe import neutralise
from app.reports.pdfbase import FONT, FONT_BOLD, register_fonts

__all__ = [
    "LANGUAGES",
    "Cancelled",
    "Progress",
    "channel_label",
    "numbered_canvas",
    "page_label",
    "type_label",
    "write_csv",
    "write_pdf",
    "write_xlsx",
]

Progress = Callable[[int, int], bool]

LANGUAGES: tuple[str, ...] = ("en", "nb")
MACHINE_LANGUAGE = "en"  # the words of the CSV's values, whatever the header's language

PROGRESS_EVERY = 1000


class Cancelled(Exception):
    """The progress callback asked the writer to stop; what was written is incomplete."""


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

_TYPES: dict[str, dict[str, str]] = {
    "en": {t.value: t.value for t in RequestType},
    "nb": {
        RequestType.ACCESS: "innsyn",
        RequestType.RECTIFICATION: "retting",
        RequestType.ERASURE: "sletting",
        RequestType.RESTRICTION: "begrensning",
        RequestType.OBJECTION: "protest",
    },
}

_CHANNELS: dict[str, dict[str, str]] = {
    "en": {
        Channel.PHONE: "phone",
        Channel.EMAIL: "e-mail",
        Channel.LETTER: "letter",
        Channel.IN_PERSON: "in person",
    },
    "nb": {
        Channel.PHONE: "telefon",
        Channel.EMAIL: "e-post",
        Channel.LETTER: "brev",
        Channel.IN_PERSON: "oppmøte",
    },
}

_OUTCOMES: dict[str, dict[str, str]] = {
    "en": {"answered": "answered", "refused": "refused", "withdrawn": "withdrawn", "open": "open"},
    "nb": {"answered": "besvart", "refused": "avslått", "withdrawn": "trukket", "open": "åpen"},
}

_IDENTITY_METHODS: dict[str, dict[str, str]] = {
    "en": {},
    "nb": {
        IdentityMethod.KNOWN_EMAIL: "svar fra e-postadressen vi har registrert",
        IdentityMethod.KNOWN_PHONE: "tilbakeringing til telefonnummeret vi har registrert",
        IdentityMethod.CUSTOMER_DETAILS: "kundenummer og detaljer om et nylig kjøp",
        IdentityMethod.ID_SHOWN_IN_PERSON: "legitimasjon vist ved oppmøte (ingen kopi tatt)",
        IdentityMethod.BANKID: "signatur med BankID",
        IdentityMethod.POSTAL_ADDRESS: "brev til postadressen vi har registrert",
        IdentityMethod.OTHER: "annet (beskrevet i notatene)",
    },
}

_YES_NO: dict[str, tuple[str, str]] = {"en": ("yes", "no"), "nb": ("ja", "nei")}

# One column per field in CSV and XLSX: (key, English, Norwegian, XLSX width in characters).
_FLAT_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("reference", "Reference", "Referanse", 14),
    ("types", "Request types", "Type henvendelse", 22),
    ("channel", "Channel", "Kanal", 10),
    ("received", "Received", "Mottatt", 12),
    ("identity_verified_on", "Identity verified on", "Identitet bekreftet", 12),
    ("identity_method", "Identity verification method", "Metode for identitetskontroll", 36),
    ("due", "Due date", "Frist", 12),
    ("extension_decided_on", "Extension decided on", "Forlengelse besluttet", 12),
    ("extension_reason", "Extension reason", "Begrunnelse for forlengelse", 36),
    ("extended_due", "Extended due date", "Ny frist", 12),
    ("answered_on", "Answered on", "Besvart", 12),
    ("on_time", "On time", "Innen fristen", 8),
    ("days_used", "Days used", "Dager brukt", 8),
    ("outcome", "Outcome", "Utfall", 11),
    ("refusal_reason", "Refusal reason", "Begrunnelse for avslag", 36),
    ("refusal_basis", "Legal basis for refusal", "Rettslig grunnlag for avslag", 28),
    ("fee_amount", "Fee (NOK)", "Gebyr (NOK)", 9),
    ("notices_done", "Notices to recipients sent", "Varsler til mottakere sendt", 10),
    ("notices_required", "Notices to recipients required", "Varsler til mottakere påkrevd", 10),
    ("closed_on", "Closed on", "Avsluttet", 12),
    ("subject", "Data subject", "Den registrerte", 24),
)

# The PDF groups related fields into one column to fit a landscape page.
_PDF_COLUMNS: dict[str, tuple[str, ...]] = {
    "en": (
        "Reference",
        "Request types",
        "Channel",
        "Received",
        "Identity verified (date, method)",
        "Due date",
        "Extension (decided on, reason, new due date)",
        "Answered on",
        "On time (days used)",
        "Outcome",
        "Refusal reason and legal basis",
        "Fee (NOK)",
        "Notices to recipients (done / required)",
        "Closed on",
        "Data subject",
    ),
    "nb": (
        "Referanse",
        "Type henvendelse",
        "Kanal",
        "Mottatt",
        "Identitet bekreftet (dato, metode)",
        "Frist",
        "Forlengelse (besluttet, begrunnelse, ny frist)",
        "Besvart",
        "Innen fristen (dager brukt)",
        "Utfall",
        "Begrunnelse og rettslig grunnlag for avslag",
        "Gebyr (NOK)",
        "Varsler til mottakere (sendt / påkrevd)",
        "Avsluttet",
        "Den registrerte",
    ),
}

_TOTALS: dict[str, tuple[str, ...]] = {
    "en": (
        "Totals",
        "Requests",
        "Answered on time",
        "Answered late",
        "Open",
        "Extended",
        "Refused",
    ),
    "nb": (
        "Sum",
        "Henvendelser",
        "Besvart innen fristen",
        "Besvart for sent",
        "Åpne",
        "Forlenget",
        "Avslått",
    ),
}

_SHEET_TITLE = {"en": "Case log", "nb": "Sakslogg"}
_PAGE_LABEL = {"en": "Page {page} of {total}", "nb": "Side {page} av {total}"}


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")


def type_label(request_type: str, lang: str) -> str:
    _check_lang(lang)
    return _TYPES[lang].get(request_type, request_type)


def channel_label(channel: str, lang: str) -> str:
    _check_lang(lang)
    return _CHANNELS[lang].get(channel, channel)


def page_label(page: int, total: int, lang: str) -> str:
    _check_lang(lang)
    return _PAGE_LABEL[lang].format(page=page, total=total)


class _Labels(dict[str, str]):
    """A translation table, looked up at C speed; an unknown value is given back unchanged
    (passed through `finish`) and remembered."""

    def __init__(self, labels: dict[str, str], finish: Callable[[str], str]) -> None:
        super().__init__({key: finish(value) for key, value in labels.items()})
        self._finish = finish

    def __missing__(self, key: str) -> str:
        value = self[key] = self._finish(key)
        return value


class _TypeLabels(dict[tuple[str, ...], str]):
    """Request-type tuples to their joined labels, computed once per combination."""

    def __init__(self, labels: dict[str, str], finish: Callable[[str], str]) -> None:
        super().__init__()
        self._labels = labels
        self._finish = finish

    def __missing__(self, key: tuple[str, ...]) -> str:
        value = self[key] = self._finish(", ".join(self._labels.get(t, t) for t in key))
        return value


class _Numbers(dict[int, str]):
    """Integers as cell text, each formatted (and neutralised) once."""

    def __missing__(self, key: int) -> str:
        value = self[key] = neutralise(str(key))
        return value


def _unchanged(text: str) -> str:
    return text


class _Words:
    """Everything a writer looks up per row, for one language. With `finish=neutralise` the
    tables hold CSV-safe text, so looking a value up is neutralising it."""

    def __init__(self, lang: str, finish: Callable[[str], str] = _unchanged) -> None:
        _check_lang(lang)
        self.types = _TypeLabels(_TYPES[lang], finish)
        self.channels = _Labels(_CHANNELS[lang], finish)
        self.outcomes = _Labels(_OUTCOMES[lang], finish)
        self.methods = _Labels(_IDENTITY_METHODS[lang], finish)
        self.yes, self.no = (finish(word) for word in _YES_NO[lang])


def _row_count(rows: Iterable[CaseLogRow], total: int | None, progress: Progress | None) -> int:
    """The number of rows progress is reported against."""
    if isinstance(rows, Sized):
        return len(rows)
    if total is None:
        if progress is not None:
            raise TypeError("pass total= with rows that have no length, to report progress")
        return 0
    return total


def _batches(
    rows: Iterable[CaseLogRow], progress: Progress | None, total: int
) -> Iterator[list[CaseLogRow]]:
    """The rows in lists of `PROGRESS_EVERY`, reporting progress after each list."""
    remaining = iter(rows)
    done = 0
    while batch := list(islice(remaining, PROGRESS_EVERY)):
        yield batch
        done += len(batch)
        if progress is not None and progress(done, max(total, done)) is False:
            raise Cancelled


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def write_csv(
    rows: Iterable[CaseLogRow],
    path_or_stream: str | os.PathLike[str] | IO[str],
    *,
    lang: str = "en",
    progress: Progress | None = None,
    total: int | None = None,
) -> None:
    """UTF-8 with a byte-order mark (so Excel reads æøå), RFC 4180 quoting, ISO dates.

    The header is in `lang`; the values are the same in every language (stable for the
    programs that read the file: request types, channels, outcomes and identity methods as
    their English codes, "yes"/"no", ISO dates; see docs/case-log-csv.md). Every cell is
    neutralised (a leading `'` before `=`, `+`, `-`, `@`, tab, CR). A stream must be a text
    stream opened with ``newline=""``; the byte-order mark is written to it.
    """
    _check_lang(lang)
    words = _Words(MACHINE_LANGUAGE, neutralise)
    header = [neutralise(en if lang == "en" else nb) for _, en, nb, _ in _FLAT_COLUMNS]
    batches = _batches(rows, progress, _row_count(rows, total, progress))
    if isinstance(path_or_stream, (str, os.PathLike)):
        with open(path_or_stream, "w", encoding="utf-8-sig", newline="") as stream:
            _write_csv(batches, stream, header, words)
    else:
        path_or_stream.write("\ufeff")
        _write_csv(batches, path_or_stream, header, words)


def _write_csv(
    batches: Iterable[list[CaseLogRow]],
    stream: IO[str],
    header: list[str],
    words: _Words,
) -> None:
    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
    writer.writerow(header)
    # Every cell is neutralised: free text through `clean`, labels and numbers through
    # tables that hold neutralised text; ISO dates and "" start with a digit or nothing.
    types, channels, outcomes, methods = words.types, words.channels, words.outcomes, words.methods
    numbers = _Numbers()
    yes, no = words.yes, words.no
    clean = neutralise
    for batch in batches:
        out = []
        for r in batch:
            answered = r.answered_on
            if answered is None:
                on_time = days = ""
            else:
                on_time = yes if answered <= r.effective_due else no
                days = numbers[(answered - r.received).days]
            out.append(
                (
                    clean(r.reference),
                    types[r.types],
                    channels[r.channel],
                    r.received.isoformat(),
                    "" if (d := r.identity_verified_on) is None else d.isoformat(),
                    "" if (s := r.identity_method) is None else methods[s],
                    r.due.isoformat(),
                    "" if (d := r.extension_decided_on) is None else d.isoformat(),
                    "" if (s := r.extension_reason) is None else clean(s),
                    "" if (d := r.extended_due) is None else d.isoformat(),
                    "" if answered is None else answered.isoformat(),
                    on_time,
                    days,
                    outcomes[r.outcome],
                    "" if (s := r.refusal_reason) is None else clean(s),
                    "" if (s := r.refusal_basis) is None else clean(s),
                    "" if (n := r.fee_amount) is None else numbers[n],
                    numbers[r.notices_done],
                    numbers[r.notices_required],
                    "" if (d := r.closed_on) is None else d.isoformat(),
                    clean(r.subject),
                )
            )
        writer.writerows(out)


# --------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------

XLSX_DATE_FORMAT = "dd.mm.yyyy"

# openpyxl turns a string starting with "=" into a formula and "#N/A" and kin into errors.
_NOT_PLAIN_TEXT = frozenset({"=", "#"})


def write_xlsx(
    rows: Iterable[CaseLogRow],
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    progress: Progress | None = None,
    total: int | None = None,
) -> None:
    """One sheet, header frozen and filterable, real date cells shown as dd.mm.yyyy.

    Text is always stored as text: `=HYPERLINK("...")` in a name stays a string, never a
    formula. Characters XML cannot hold (control characters from pasted text) become U+FFFD.
    """
    words = _Words(lang)
    batches = _batches(rows, progress, _row_count(rows, total, progress))
    wb = Workbook(write_only=True)
    ws: Any = wb.create_sheet(_SHEET_TITLE[lang])
    last_col = get_column_letter(len(_FLAT_COLUMNS))
    for index, (_, _, _, width) in enumerate(_FLAT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for _, en, nb, _ in _FLAT_COLUMNS:
        cell = WriteOnlyCell(ws, value=en if lang == "en" else nb)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header.append(cell)
    ws.append(header)

    def date_cell() -> Any:
        cell = WriteOnlyCell(ws)
        cell.number_format = XLSX_DATE_FORMAT
        return cell

    # One pre-styled cell per date column, refilled for every row: openpyxl writes a row as
    # soon as it is appended, and a shared style costs nothing per cell.
    dates = [date_cell() for _ in range(7)]

    def text(value: str) -> Any:
        """`value` as a string cell: clean of XML-illegal characters, never a formula."""
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if value[:1] in _NOT_PLAIN_TEXT and (value.startswith("=") or value in ERROR_CODES):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            return cell
        return value

    def date(cell: Any, value: dt.date | None) -> Any:
        if value is None:
            return None
        cell.value = value
        return cell

    try:
        written = _append_rows(ws, batches, words, text, date, dates)
    except BaseException:
        _discard(ws)
        raise
    # Counted as written (rows may be an iterator); openpyxl writes the filter after the rows.
    ws.auto_filter.ref = f"A1:{last_col}{written + 1}"
    wb.save(os.fspath(path))


def _append_rows(
    ws: Any,
    batches: Iterable[list[CaseLogRow]],
    words: _Words,
    text: Callable[[str], Any],
    date: Callable[[Any, dt.date | None], Any],
    dates: Sequence[Any],
) -> int:
    c_received, c_verified, c_due, c_decided, c_extended, c_answered, c_closed = dates
    types, channels, outcomes, methods = words.types, words.channels, words.outcomes, words.methods
    yes, no = words.yes, words.no
    append = ws.append
    written = 0
    for batch in batches:
        written += len(batch)
        for r in batch:
            answered = r.answered_on
            if answered is None:
                on_time = days = None
            else:
                on_time = yes if answered <= r.effective_due else no
                days = (answered - r.received).days
            append(
                (
                    text(r.reference),
                    text(types[r.types]),
                    text(channels[r.channel]),
                    date(c_received, r.received),
                    date(c_verified, r.identity_verified_on),
                    None if (s := r.identity_method) is None else text(methods[s]),
                    date(c_due, r.due),
                    date(c_decided, r.extension_decided_on),
                    None if (s := r.extension_reason) is None else text(s),
                    date(c_extended, r.extended_due),
                    date(c_answered, answered),
                    on_time,
                    days,
                    text(outcomes[r.outcome]),
                    None if (s := r.refusal_reason) is None else text(s),
                    None if (s := r.refusal_basis) is None else text(s),
                    r.fee_amount,
                    r.notices_done,
                    r.notices_required,
                    date(c_closed, r.closed_on),
                    text(r.subject),
                )
            )
    return written


def _discard(ws: Any) -> None:
    """Finish and delete openpyxl's temporary file for a sheet that will not be saved: left
    half-written, its writer fails noisily when it is garbage-collected."""
    writer = getattr(ws, "_writer", None)
    with contextlib.suppress(Exception):
        ws.close()
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------


def numbered_canvas(lang: str, footer: str, *, margin: float = 12 * mm) -> type[Canvas]:
    """A canvas that prints `footer` and "Page n of N" on every page once N is known
    (it keeps every page until the document is saved)."""
    _check_lang(lang)
    label = _PAGE_LABEL[lang]

    class _NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.saveState()
                self.setFont(FONT, 7)
                self.setFillColor(colors.grey)
                self.drawString(margin, margin / 2, footer)
                text = label.format(page=self._pageNumber, total=total)
                self.drawRightString(width - margin, margin / 2, text)
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return _NumberedCanvas


_MARGIN = 12 * mm
_FONT_SIZE = 6.5
_LEADING = 8.0
_PAD = 2.0
_MAX_LINES = 30  # per cell; the CSV and XLSX carry the full text
_SLACK = 2.0  # points kept free on each page against rounding in ReportLab's layout


def _wrap(text: str, font: str, width: float) -> list[str]:
    """Lines of `text` that fit `width`; words longer than a line are broken by character."""
    lines: list[str] = []
    for line in simpleSplit(text, font, _FONT_SIZE, width):
        while pdfmetrics.stringWidth(line, font, _FONT_SIZE) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and pdfmetrics.stringWidth(line[:cut], font, _FONT_SIZE) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    if len(lines) > _MAX_LINES:
        lines = [*lines[: _MAX_LINES - 1], "…"]
    return lines


def _column_widths(avail: float) -> list[float]:
    """Dates and short values get what they need; the free-text columns share the rest."""
    date_w = pdfmetrics.stringWidth("00.00.0000", FONT, _FONT_SIZE) + 2 * _PAD + 1
    fixed = {
        0: 50.0,  # reference
        1: 52.0,  # types
        2: 36.0,  # channel
        3: date_w,
        5: date_w,
        7: date_w,
        8: 38.0,  # on time
        9: 38.0,  # outcome
        11: 30.0,  # fee
        12: 46.0,  # notices
        13: date_w,
    }
    shares = {4: 1.0, 6: 1.2, 10: 1.4, 14: 0.9}
    rest = avail - sum(fixed.values())
    unit = rest / sum(shares.values())
    return [fixed[i] if i in fixed else shares[i] * unit for i in range(len(_PDF_COLUMNS["en"]))]


class _CaseLogDoc(BaseDocTemplate):
    """Reports layout progress as each page's table is placed."""

    def __init__(self, *args: Any, on_table: Callable[[int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_table = on_table

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        rows = getattr(flowable, "case_rows", 0)
        if rows:
            self._on_table(rows)


def write_pdf(
    rows: Iterable[CaseLogRow],
    path: str | os.PathLike[str],
    *,
    title: str,
    period: str,
    lang: str = "en",
    progress: Progress | None = None,
    total: int | None = None,
) -> None:
    """A landscape A4 table, its header on every page, totals at the end, "Page n of N".

    `progress` sees twice the row count as its total: the rows are prepared, then laid out.
    Long free text is cut at 30 lines per cell (the CSV and XLSX keep all of it). The
    prepared cells of every row are kept until the document is built (the layout needs
    them all); the rows themselves are not.
    """
    _check_lang(lang)
    register_fonts()
    font, bold = FONT, FONT_BOLD
    words = _Words(lang)
    page_w, page_h = landscape(A4)
    avail_w = page_w - 2 * _MARGIN
    frame_h = page_h - 2 * _MARGIN
    widths = _column_widths(avail_w)
    text_widths = [w - 2 * _PAD for w in widths]
    expected = _row_count(rows, total, progress)

    title_style = ParagraphStyle(
        "caselog-title", fontName=bold, fontSize=14, leading=17, spaceAfter=2
    )
    period_style = ParagraphStyle(
        "caselog-period", fontName=font, fontSize=9, leading=11, spaceAfter=6
    )
    heading = [
        Paragraph(escape(title), title_style),
        Paragraph(escape(period), period_style),
    ]
    heading_h = sum(p.wrap(avail_w, frame_h)[1] + p.getSpaceAfter() for p in heading)

    header_cells: list[str] = []
    header_lines = 1
    for label, width in zip(_PDF_COLUMNS[lang], text_widths, strict=True):
        lines = _wrap(label, bold, width)
        header_lines = max(header_lines, len(lines))
        header_cells.append("\n".join(lines))
    header_h = header_lines * _LEADING + 2 * _PAD

    def fmt(d: dt.date | None) -> str:
        return "" if d is None else d.strftime("%d.%m.%Y")

    w_types, w_method, w_ext, w_refusal, w_subject, w_ref = (
        text_widths[1],
        text_widths[4],
        text_widths[6],
        text_widths[10],
        text_widths[14],
        text_widths[0],
    )
    body: list[list[str]] = []
    heights: list[float] = []
    counts = [0] * len(fields(CaseLogTotals))
    for batch in _batches(rows, progress, 2 * expected):
        counts = [a + b for a, b in zip(counts, astuple(case_log_totals(batch)), strict=True)]
        for r in batch:
            ref = _wrap(r.reference, font, w_ref)
            types = _wrap(words.types[r.types], font, w_types)
            identity: list[str] = []
            if r.identity_verified_on is not None:
                identity.append(fmt(r.identity_verified_on))
            if r.identity_method:
                identity += _wrap(words.methods[r.identity_method], font, w_method)
            extension: list[str] = []
            if r.extension_decided_on is not None:
                extension.append(fmt(r.extension_decided_on))
            if r.extension_reason:
                extension += _wrap(r.extension_reason, font, w_ext)
            if r.extended_due is not None:
                extension.append("→ " + fmt(r.extended_due))
            refusal: list[str] = []
            if r.refusal_reason:
                refusal += _wrap(r.refusal_reason, font, w_refusal)
            if r.refusal_basis:
                refusal += _wrap(r.refusal_basis, font, w_refusal)
            subject = _wrap(r.subject, font, w_subject)
            if r.answered_on is None:
                on_time = ""
            else:
                on_time = f"{words.yes if r.on_time else words.no} / {r.days_used}"
            body.append(
                [
                    "\n".join(ref),
                    "\n".join(types),
                    words.channels[r.channel],
                    fmt(r.received),
                    "\n".join(identity),
                    fmt(r.due),
                    "\n".join(extension),
                    fmt(r.answered_on),
                    on_time,
                    words.outcomes[r.outcome],
                    "\n".join(refusal),
                    "" if r.fee_amount is None else str(r.fee_amount),
                    f"{r.notices_done}/{r.notices_required}",
                    fmt(r.closed_on),
                    "\n".join(subject),
                ]
            )
            tallest = max(len(ref), len(types), len(identity), len(extension), len(refusal))
            heights.append(max(tallest, len(subject), 1) * _LEADING + 2 * _PAD)
    n = len(body)
    total_steps = 2 * n

    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, _FONT_SIZE, _LEADING),
            ("FONT", (0, 0), (-1, 0), bold, _FONT_SIZE, _LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F4F4")]),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
            ("TOPPADDING", (0, 0), (-1, -1), _PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD),
        ]
    )

    # One table per page, cut where the known row heights fill it: letting ReportLab split a
    # single table of 100,000 rows copies the remainder on every page (quadratic).
    story: list[Flowable] = [*heading]
    room = frame_h - heading_h - _SLACK
    start = 0
    while start < n or start == 0:
        used = header_h
        end = start
        while end < n and used + heights[end] <= room:
            used += heights[end]
            end += 1
        if end == start and start < n:
            end = start + 1  # a row taller than a page: let ReportLab deal with it
        table = Table(
            [header_cells, *body[start:end]],
            colWidths=widths,
            rowHeights=[header_h, *heights[start:end]],
            repeatRows=1,
            style=style,
            hAlign="LEFT",
        )
        table.case_rows = end - start  # read back in _CaseLogDoc.afterFlowable
        story.append(table)
        start = end
        if start >= n:
            break
        story.append(PageBreak())
        room = frame_h - _SLACK

    story.append(_totals_section(CaseLogTotals(*counts), lang, font, bold))

    laid_out = 0
    reported = 0

    def on_table(count: int) -> None:
        nonlocal laid_out, reported
        laid_out += count
        if progress is not None and (laid_out - reported >= PROGRESS_EVERY or laid_out == n):
            reported = laid_out
            if progress(n + laid_out, total_steps) is False:
                raise Cancelled

    doc = _CaseLogDoc(
        os.fspath(path),
        pagesize=(page_w, page_h),
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=title,
        subject=period,
        creator="Innsyn",
        lang="nb-NO" if lang == "nb" else "en-GB",
        initialFontName=FONT,
        on_table=on_table,
    )
    frame = Frame(
        _MARGIN,
        _MARGIN,
        avail_w,
        frame_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="log", frames=[frame])])
    doc.build(story, canvasmaker=numbered_canvas(lang, f"{title} · {period}"))


def _totals_section(totals: CaseLogTotals, lang: str, font: str, bold: str) -> Flowable:
    heading, *labels = _TOTALS[lang]
    values = (
        totals.count,
        totals.on_time,
        totals.late,
        totals.open,
        totals.extended,
        totals.refused,
    )
    table = Table(
        [[label, str(value)] for label, value in zip(labels, values, strict=True)],
        colWidths=[120, 50],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8, 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
            ]
        ),
    )
    title = Paragraph(
        escape(heading), ParagraphStyle("caselog-totals", fontName=bold, fontSize=10, leading=12)
    )
    return KeepTogether([Spacer(1, 10), title, Spacer(1, 4), table])
