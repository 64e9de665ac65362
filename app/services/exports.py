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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.core.caselog import CaseLogRow, Outcome
from app.core.errors import InvalidInput
from app.core.figures import YearFigures, year_figures
from app.core.model import FeeDecision, Status, types_from_text
from app.reports import caselog as writers
from app.reports.annual import render_annual_report
from app.services.audit import record, verify_chain
from app.services.cases import _case_filter, _get_case, today_oslo
from app.services.database import Database
from app.services.dto import CaseQuery
from app.services.files import private_output
from app.store.models import Case, RecipientNotice, Subject

log = logging.getLogger(__name__)
FORMATS = ("csv", "xlsx", "pdf")
Progress = Callable[[int, int], bool]

_OUTCOME = {
    Status.ANSWERED.value: Outcome.ANSWERED,
    Status.CLOSED.value: Outcome.ANSWERED,
    Status.REFUSED.value: Outcome.REFUSED,
    Status.WITHDRAWN.value: Outcome.WITHDRAWN,
}


def _refusal_basis(status: str, fee_decision: str | None) -> str | None:
    if status != Status.REFUSED.value:
        return None
    if fee_decision == FeeDecision.REFUSE.value:
        return "GDPR Art. 12(5)(b): manifestly unfounded or excessive"
    return "GDPR Art. 12(5) / personopplysningsloven § 16"


def case_log_rows(
    db: Database,
    *,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    query: CaseQuery | None = None,
    names: bool = False,
) -> list[CaseLogRow]:
    """The log rows for a period (and the case list's filters), oldest first."""
    q = query or CaseQuery()
    q = CaseQuery(
        text=q.text, statuses=q.statuses, open_only=q.open_only, type=q.type,
        due_within_days=q.due_within_days, overdue_only=q.overdue_only,
        received_from=received_from or q.received_from, received_to=received_to or q.received_to,
        subject_id=q.subject_id,
    )  # fmt: skip
    done = (
        select(RecipientNotice.case_id, func.count().label("n"))
        .where(RecipientNotice.status != "open")
        .group_by(RecipientNotice.case_id)
        .subquery()
    )
    required = (
        select(RecipientNotice.case_id, func.count().label("n"))
        .group_by(RecipientNotice.case_id)
        .subquery()
    )
    stmt = (
        select(Case, Subject.name, Subject.pseudonym, done.c.n, required.c.n)
        .join(Subject, Subject.id == Case.subject_id)
        .outerjoin(done, done.c.case_id == Case.id)
        .outerjoin(required, required.c.case_id == Case.id)
    )
    stmt = _case_filter(stmt, q, today_oslo()).order_by(Case.received_at, Case.id)
    rows: list[CaseLogRow] = []
    with db.session() as s:
        for c, name, pseudo, n_done, n_required in s.execute(stmt):
            rows.append(
                CaseLogRow(
                    reference=c.reference,
                    types=tuple(t.value for t in types_from_text(c.types)),
                    channel=c.channel,
                    received=c.received_date,
                    identity_verified_on=c.identity_verified_on,
                    identity_method=c.identity_method,
                    due=c.due_date if not c.extended else _original_due(c),
                    extension_decided_on=c.extension_decided_on,
                    extension_reason=c.extension_reason,
                    extended_due=c.due_date if c.extended else None,
                    answered_on=c.answered_on,
                    closed_on=c.closed_on,
                    status=c.status,
                    outcome=(_OUTCOME.get(c.status, Outcome.OPEN)).value,
                    refusal_reason=c.refusal_reason,
                    refusal_basis=_refusal_basis(c.status, c.fee_decision),
                    fee_amount=c.fee_amount,
                    notices_done=n_done or 0,
                    notices_required=n_required or 0,
                    subject=name if names else pseudo,
                )
            )
    return rows


def _original_due(c: Case) -> dt.date:
    from app.core.deadlines import due_date

    return due_date(c.received_date)


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
    error leaves no file behind."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Unknown format {fmt!r}; use csv, xlsx or pdf.")
    if received_to < received_from:
        raise InvalidInput("The period ends before it starts.")
    rows = case_log_rows(
        db, received_from=received_from, received_to=received_to, query=query, names=names
    )
    period = f"{received_from:%d.%m.%Y}–{received_to:%d.%m.%Y}"
    try:
        with private_output(out) as tmp:
            if fmt == "csv":
                with tmp.open("w", encoding="utf-8", newline="") as fh:  # the writer adds the BOM
                    writers.write_csv(rows, fh, lang=lang, progress=progress)
            elif fmt == "xlsx":
                writers.write_xlsx(rows, tmp, lang=lang, progress=progress)
            else:
                title = "Sakslogg" if lang == "nb" else "Case log"
                writers.write_pdf(rows, tmp, title=title, period=period, lang=lang,
                                  progress=progress)  # fmt: skip
    except writers.Cancelled:
        log.info("case log export cancelled")
        raise
    record(
        db, "export case log", "case_", "-", format=fmt, rows=len(rows),
        period=[received_from.isoformat(), received_to.isoformat()], names_included=names,
    )  # fmt: skip
    log.info("case log exported: %d rows, %s, names=%s", len(rows), fmt, names)
    return len(rows)


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
        case = _get_case(s, reference)
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
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
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
    rows = case_log_rows(db, received_from=dt.date(year, 1, 1), received_to=dt.date(year, 12, 31))
    return year_figures(rows, year)


def export_annual_report(db: Database, year: int, out: Path, *, lang: str = "en") -> YearFigures:
    from app.services.register import get_controller

    if not 2018 <= year <= today_oslo().year:
        raise InvalidInput(f"There are no figures for {year}.")
    figures = figures_for_year(db, year)
    pdf = render_annual_report(
        figures, year=year, controller_name=get_controller(db).legal_name or "Innsyn", lang=lang
    )
    with private_output(out) as tmp:
        tmp.write_bytes(pdf)
    record(db, "export annual report", "case_", "-", year=year)
    return figures
