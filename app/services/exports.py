"""What Datatilsynet gets: the case log for a period, a case dossier, an evidence pack, and
the yearly figures. Every export is written whole or not at all, owner-only, and recorded
in the audit trail (with whether names were included; never the names themselves)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Integer,
    Result,
    Select,
    String,
    func,
    literal,
    select,
    type_coerce,
)

from app.core import clock
from app.core.caselog import CaseLogRow, Outcome
from app.core.errors import InvalidInput
from app.core.figures import YearFigures, year_figures
from app.core.model import FeeDecision, Status, types_from_text
from app.core.rights import NoticeStatus
from app.reports import caselog as writers
from app.reports.annual import render_annual_report
from app.services.audit import record, verify_chain
from app.services.cases import case_filter
from app.services.common import get_case
from app.services.dto import CaseQuery
from app.store.database import Database
from app.store.files import private_output
from app.store.models import Case, RecipientNotice, Subject

log = logging.getLogger(__name__)
FORMATS = ("csv", "xlsx", "pdf")
Progress = Callable[[int, int], bool]

_OUTCOME = {
    Status.ANSWERED: Outcome.ANSWERED,
    Status.CLOSED: Outcome.ANSWERED,
    Status.REFUSED: Outcome.REFUSED,
    Status.WITHDRAWN: Outcome.WITHDRAWN,
}


def _refusal_basis(status: str, fee_decision: str | None) -> str | None:
    if status != Status.REFUSED:
        return None
    if fee_decision == FeeDecision.REFUSE:
        return "GDPR Art. 12(5)(b): manifestly unfounded or excessive"
    return "GDPR Art. 12(5) / personopplysningsloven § 16"


_Subject = Literal["name", "pseudonym"] | None

# Rows are read from the database this many at a time (and turned into CaseLogRows as the
# writer asks for them): the memory of a 1,000,000-row log is that of one chunk.
READ_CHUNK = 2000


def _log_query(
    received_from: dt.date | None, received_to: dt.date | None, query: CaseQuery | None
) -> CaseQuery:
    q = query or CaseQuery()
    return CaseQuery(
        text=q.text, statuses=q.statuses, open_only=q.open_only, type=q.type,
        due_within_days=q.due_within_days, overdue_only=q.overdue_only,
        received_from=received_from or q.received_from, received_to=received_to or q.received_to,
        subject_id=q.subject_id,
    )  # fmt: skip


def _received_at_range(q: CaseQuery) -> list[ColumnElement[bool]]:
    """The period once more on `received_at` (UTC), which has an index (ix_case_received),
    where `received_date` (the Oslo date that decides) has none. The range is a day wider on
    each side than the Oslo dates need (Oslo is one or two hours ahead of UTC), so it never
    leaves a row out: `case_filter`'s condition on `received_date` stays the exact one."""
    day = dt.timedelta(days=1)
    conds: list[ColumnElement[bool]] = []
    if q.received_from is not None:
        start = dt.datetime.combine(q.received_from - day, dt.time(), tzinfo=dt.UTC)
        conds.append(Case.received_at >= start)
    if q.received_to is not None:
        end = dt.datetime.combine(q.received_to + 2 * day, dt.time(), tzinfo=dt.UTC)
        conds.append(Case.received_at < end)
    return conds


def _as_text(column: Any) -> Any:
    """A date column read as its stored ISO text: parsed once per distinct value below,
    rather than once per cell by the column's type. An enum column likewise, as its stored
    value (a StrEnum member equals it): what it leads to is worked out once per distinct
    value below, and the log writes the value."""
    return type_coerce(column, String)


def _log_statement(q: CaseQuery, subject: _Subject) -> Select[Any]:
    """Just the columns the log needs (no ORM entities: nothing to track, no attribute
    instrumentation), oldest first. `subject` is "name" or "pseudonym"; None leaves out the
    data subject and the notices (as "" and 0), which the yearly figures do not count: the
    join to the subject table is most of the reading at 1M (a page per case, scattered)."""
    who: Any
    done: Any
    required: Any
    if subject is None:
        who, done, required = literal("", String), literal(0, Integer), literal(0, Integer)
    else:
        who = Subject.name if subject == "name" else Subject.pseudonym
        done = (
            select(func.count())
            .where(RecipientNotice.case_id == Case.id, RecipientNotice.status != NoticeStatus.OPEN)
            .correlate(Case)
            .scalar_subquery()
        )
        required = (
            select(func.count())
            .where(RecipientNotice.case_id == Case.id)
            .correlate(Case)
            .scalar_subquery()
        )
    stmt = select(
        Case.reference, Case.types, _as_text(Case.channel), _as_text(Case.received_date),
        _as_text(Case.identity_verified_on), Case.identity_method, _as_text(Case.due_date),
        Case.extended, _as_text(Case.extension_decided_on), Case.extension_reason,
        _as_text(Case.answered_on), _as_text(Case.closed_on), _as_text(Case.status),
        Case.refusal_reason, _as_text(Case.fee_decision), Case.fee_amount, who, done, required,
    ).where(*_received_at_range(q))  # fmt: skip
    if subject is not None:
        stmt = stmt.join(Subject, Subject.id == Case.subject_id)
    return case_filter(stmt, q, clock.today_oslo()).order_by(Case.received_at, Case.id)


def _count_statement(q: CaseQuery) -> Select[Any]:
    """How many rows `_log_statement` gives (every case has its data subject)."""
    stmt = select(func.count()).select_from(Case).where(*_received_at_range(q))
    return case_filter(stmt, q, clock.today_oslo())


def _log_row_maker() -> Callable[[Sequence[Any]], CaseLogRow]:
    """Turns a row of `_log_statement` into a CaseLogRow; the values many rows share (dates,
    type lists, original deadlines, outcomes) are worked out once each."""
    from app.core.deadlines import due_date

    dates: dict[str, dt.date] = {}
    types: dict[str, tuple[str, ...]] = {}
    original_due: dict[dt.date, dt.date] = {}
    endings: dict[tuple[str, str | None], tuple[str, str | None]] = {}

    def day(text: str | None) -> dt.date | None:
        if text is None:
            return None
        value = dates.get(text)
        if value is None:
            value = dates[text] = dt.date.fromisoformat(text)
        return value

    def make(row: Sequence[Any]) -> CaseLogRow:
        (reference, kinds, channel, received_text, verified, method, due_text, extended,
         decided, reason, answered, closed, status, refusal, fee_decision, fee_amount, subject,
         n_done, n_required) = row  # fmt: skip
        received = day(received_text)
        due = day(due_text)
        assert received is not None and due is not None  # NOT NULL columns
        request_types = types.get(kinds)
        if request_types is None:
            request_types = types[kinds] = tuple(t.value for t in types_from_text(kinds))
        extended_due = None
        if extended:  # due_date holds the extended deadline; the log shows the strict one too
            extended_due = due
            due = original_due.get(received) or original_due.setdefault(
                received, due_date(received)
            )
        ending = endings.get((status, fee_decision))
        if ending is None:
            outcome = _OUTCOME.get(status, Outcome.OPEN).value
            ending = (outcome, _refusal_basis(status, fee_decision))
            endings[status, fee_decision] = ending
        return CaseLogRow(
            reference=reference,
            types=request_types,
            channel=channel,
            received=received,
            identity_verified_on=day(verified),
            identity_method=method,
            due=due,
            extension_decided_on=day(decided),
            extension_reason=reason,
            extended_due=extended_due,
            answered_on=day(answered),
            closed_on=day(closed),
            status=status,
            outcome=ending[0],
            refusal_reason=refusal,
            refusal_basis=ending[1],
            fee_amount=fee_amount,
            notices_done=n_done or 0,
            notices_required=n_required or 0,
            subject=subject,
        )

    return make


class CaseLogStream:
    """The log's rows as they are read, for one pass. `total` is how many there are when
    counting was asked for (in the same read transaction, so it is what the pass yields);
    `read` is how many have been read from the database so far (a chunk at a time)."""

    def __init__(self, result: Result[Any], make: Callable[[Sequence[Any]], CaseLogRow],
                 total: int | None) -> None:  # fmt: skip
        self._result = result
        self._make = make
        self.total = total
        self.read = 0

    def __iter__(self) -> Iterator[CaseLogRow]:
        make = self._make
        for chunk in self._result.partitions(READ_CHUNK):
            self.read += len(chunk)
            for row in chunk:
                yield make(row)


@contextmanager
def reading_case_log(
    db: Database,
    *,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    query: CaseQuery | None = None,
    names: bool = False,
    count: bool = False,
) -> Iterator[CaseLogStream]:
    """The log rows for a period (and the case list's filters), oldest first, read a chunk
    at a time while the block runs: one read transaction, closed when the block ends (also
    when it ends early, by a cancel or an error). Use the stream inside the block only.

    A `with` block rather than a generator that holds a session between yields: the session
    cannot outlive its caller. While it is open, other connections still write (WAL: a
    reader blocks no writer); `count` adds the number of rows (for progress) from the same
    snapshot."""
    q = _log_query(received_from, received_to, query)
    with _reading(db, q, "name" if names else "pseudonym", count=count) as rows:
        yield rows


@contextmanager
def _reading(
    db: Database, q: CaseQuery, subject: _Subject, *, count: bool
) -> Iterator[CaseLogStream]:
    with db.session() as s:
        # Core on the session's connection: the count and the rows in one transaction.
        conn = s.connection()
        total = conn.scalar(_count_statement(q)) if count else None
        result = conn.execute(_log_statement(q, subject))
        try:
            yield CaseLogStream(result, _log_row_maker(), total)
        finally:
            result.close()


def case_log_rows(
    db: Database,
    *,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    query: CaseQuery | None = None,
    names: bool = False,
) -> list[CaseLogRow]:
    """The log rows for a period (and the case list's filters), oldest first, as a list (for
    a few rows; `reading_case_log` streams many)."""
    with reading_case_log(
        db, received_from=received_from, received_to=received_to, query=query, names=names
    ) as rows:
        return list(rows)


def export_case_log(
    db: Database,
    out: Path,
    *,
    fmt: str,
    received_from: dt.date,
    received_to: dt.date,
    query: CaseQuery | None = None,
    names: bool = False,
    lang: str = "en",
    progress: Progress | None = None,
) -> int:
    """Write the case log; returns the number of rows. A cancel (progress → False) or an
    error leaves no file behind. The rows are streamed from the database into the writer."""
    if fmt not in FORMATS:
        raise InvalidInput("export.unknown_format", format=repr(fmt))
    if received_to < received_from:
        raise InvalidInput("export.period_reversed")
    period = f"{received_from:%d.%m.%Y}–{received_to:%d.%m.%Y}"
    try:
        with (
            private_output(out) as tmp,
            reading_case_log(db, received_from=received_from, received_to=received_to,
                             query=query, names=names, count=progress is not None) as rows,
        ):  # fmt: skip
            if fmt == "csv":
                with tmp.open("w", encoding="utf-8", newline="") as fh:  # the writer adds the BOM
                    writers.write_csv(rows, fh, lang=lang, progress=progress, total=rows.total)
            elif fmt == "xlsx":
                writers.write_xlsx(rows, tmp, lang=lang, progress=progress, total=rows.total)
            else:
                title = "Sakslogg" if lang == "nb" else "Case log"
                writers.write_pdf(rows, tmp, title=title, period=period, lang=lang,
                                  progress=progress, total=rows.total)  # fmt: skip
            written = rows.read
    except writers.Cancelled:
        log.info("case log export cancelled")
        raise
    record(
        db, "export case log", "case_", "-", format=fmt, rows=written,
        period=[received_from.isoformat(), received_to.isoformat()], names_included=names,
    )  # fmt: skip
    log.info("case log exported: %d rows, %s, names=%s", written, fmt, names)
    return written


# --- one case ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackEntry:
    name: str
    sha256: str
    size: int


def _row_csv(row: CaseLogRow, lang: str) -> bytes:
    buffer = io.StringIO(newline="")
    writers.write_csv([row], buffer, lang=lang)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def dossier_pdf(db: Database, reference: str, *, lang: str = "en") -> bytes:
    from app.reports.dossier import render_dossier
    from app.services.dossier import dossier_data

    return render_dossier(dossier_data(db, reference), lang=lang)


def export_evidence_pack(
    db: Database, reference: str, out: Path, *, lang: str = "en"
) -> list[PackEntry]:
    """A ZIP with the dossier, the case's log row, the original e-mails, every generated
    letter, and manifest.json (each file's SHA-256 and the audit chain's verification)."""
    from app.store.models import Document

    with db.session() as s:
        case = get_case(s, reference)
        docs = [
            (d.kind, d.filename, d.content, d.sha256, d.sent_on, d.sent_method)
            for d in s.scalars(
                select(Document).where(Document.case_id == case.id).order_by(Document.id)
            )
        ]
        received = case.received_date
    rows = case_log_rows(db, received_from=received, received_to=received,
                         query=CaseQuery(text=reference), names=True)  # fmt: skip
    rows = [r for r in rows if r.reference == reference]
    files: list[tuple[str, bytes]] = [
        ("dossier.pdf", dossier_pdf(db, reference, lang=lang)),
        ("case-log.csv", _row_csv(rows[0], lang)),
    ]
    used: set[str] = {n for n, _ in files}
    for i, (kind, filename, content, _sha, _sent_on, _method) in enumerate(docs, start=1):
        folder = "originals" if kind == "email" else "letters" if kind != "finding" else "evidence"
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in filename) or "file"
        name = f"{folder}/{i:02d}-{safe}"
        while name in used:
            name = f"{folder}/{i:02d}-x-{safe}"
        used.add(name)
        files.append((name, content))
    chain = verify_chain(db)
    entries = [
        PackEntry(name, hashlib.sha256(content).hexdigest(), len(content))
        for name, content in files
    ]
    manifest = {
        "case": reference,
        "created": clock.now_utc().isoformat(timespec="seconds"),
        "files": [{"name": e.name, "sha256": e.sha256, "size": e.size} for e in entries],
        "audit_chain": {
            "verified": chain.ok,
            "rows": chain.rows,
            "first_bad_row": chain.first_bad_id,
            "problem": chain.problem,
        },
    }
    with private_output(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files:
            zf.writestr(name, content)
        zf.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    record(db, "export evidence pack", "case_", reference, files=len(entries))
    return entries


# --- yearly figures -----------------------------------------------------------------------------


def figures_for_year(db: Database, year: int) -> YearFigures:
    """The figures of the requests received in `year`: the year's log rows (without the
    data subject and notices, which are not counted) streamed through the counting; only
    the counts and the days to answer are kept, not the rows."""
    q = _log_query(dt.date(year, 1, 1), dt.date(year, 12, 31), None)
    with _reading(db, q, None, count=False) as rows:
        return year_figures(rows, year)


def export_annual_report(db: Database, year: int, out: Path, *, lang: str = "en") -> YearFigures:
    from app.services.register import get_controller

    if not 2018 <= year <= clock.today_oslo().year:
        raise InvalidInput("export.no_figures", year=str(year))
    figures = figures_for_year(db, year)
    pdf = render_annual_report(
        figures, year=year, controller_name=get_controller(db).legal_name or "Innsyn", lang=lang
    )
    with private_output(out) as tmp:
        tmp.write_bytes(pdf)
    record(db, "export annual report", "case_", "-", year=year)
    return figures
