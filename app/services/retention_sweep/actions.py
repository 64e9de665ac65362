"""The retention sweep acted on: erasure cases for a selection or the whole list, the
workbench's own closed cases de-identified, and the list exported as a CSV file."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from app.core import clock, deadlines, retention
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import Channel, RequestType, Status
from app.core.sweep import SweepItem, SweepKind
from app.reports.sweep_csv import write_sweep_csv_rows
from app.services.audit import record
from app.services.common import add_event, next_reference
from app.services.retention_sweep.listing import (
    Progress,
    SubjectChunks,
    case_due,
    closed_case_condition,
    resolve_case_years,
    sweep_lines,
    sweep_sort_key,
)
from app.services.retention_sweep.paging import open_erasure_of, reading_sweep
from app.services.scrubbing import DEIDENTIFICATION, deidentify_cases, erase_subject, needles_of
from app.store.database import Database, current_user
from app.store.files import write_private_stream
from app.store.models import (
    Case,
    Objection,
    Restriction,
    Subject,
)

log = logging.getLogger(__name__)

DEIDENTIFIED = DEIDENTIFICATION.marker
ERASURE_BATCH = 500  # people per transaction when the whole list gets erasure cases
DEIDENTIFY_BATCH = 200  # closed cases per transaction when all are de-identified


@dataclass(frozen=True)
class SweepErasures:
    """Erasure cases made for the whole list: the new references, and how many people had
    data chosen (the others were erased already, or had an erasure case open)."""

    references: list[str]
    people: int


@dataclass(frozen=True)
class DeidentifiedCase:
    reference: str
    pseudonym: str
    # The person's own record was erased too: they had no other case and are not in the
    # register for another reason.
    subject_erased: bool


# --- the whole list at once: erasure cases, de-identification ---------------------------------


def sweep_item_key(item: SweepItem) -> tuple[object, ...]:
    """What tells an item of the list from every other (ticks kept across pages)."""
    return (
        item.kind.value,
        item.subject_id,
        item.activity,
        item.applies_to,
        item.rule,
        item.case_reference,
        item.erasure_line_id,
    )


def create_erasure_cases_for_sweep(
    db: Database,
    as_of: dt.date,
    *,
    excluded: Iterable[tuple[object, ...]] = (),
    received_at: dt.datetime | None = None,
    batch: int = ERASURE_BATCH,
    progress: Progress | None = None,
) -> SweepErasures:
    """Erasure cases, as `create_erasure_cases` makes them, for everyone with data due for
    deletion by `as_of`, apart from the `excluded` items (`sweep_item_key`): `batch` people
    at a time in id order, one transaction each, most overdue person first within a batch.
    `progress(done, total)` follows each batch and may return False to stop there: the
    cases of the batches done stay."""
    skip = frozenset(excluded)
    with db.session() as s:
        lines = sweep_lines(s)
        top = s.scalar(select(func.max(Subject.id))) or 0
    if not lines:
        return SweepErasures([], 0)
    chunks = SubjectChunks(lines, as_of)
    moment = received_at or clock.now_utc()
    created: list[str] = []
    people = last = 0
    while True:
        with db.session() as s:
            rows = chunks.read(s, last, max(1, batch))
        chosen = [i for i in chunks.items(rows, {}) if sweep_item_key(i) not in skip]
        if chosen:
            chosen.sort(key=sweep_sort_key)
            people += len({i.subject_id for i in chosen})
            created += create_erasure_cases(db, chosen, received_at=moment)
        if not rows or len(rows) < batch:
            break
        last = rows[-1][0]
        if progress is not None and progress(last, top) is False:
            break
    return SweepErasures(created, people)


def deidentify_closed_cases_for_sweep(
    db: Database,
    as_of: dt.date,
    *,
    excluded: Iterable[str] = (),
    case_years: int | None = None,
    batch: int = DEIDENTIFY_BATCH,
    progress: Progress | None = None,
) -> list[DeidentifiedCase]:
    """De-identify every closed case the sweep for `as_of` lists, apart from the `excluded`
    references, as `deidentify_closed_cases` does: `batch` cases at a time in id order, one
    transaction each. `progress(done, total)` follows each batch and may return False to
    stop there: the batches done stay done."""
    years = resolve_case_years(case_years)
    skip = frozenset(excluded)
    condition = closed_case_condition(as_of, years)
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(Case).where(condition)) or 0
    done: list[DeidentifiedCase] = []
    last = seen = 0
    size = max(1, batch)
    while True:
        with db.session() as s:
            rows = s.execute(
                select(Case.id, Case.reference)
                .where(condition, Case.id > last)
                .order_by(Case.id)
                .limit(size)
            ).all()
        if not rows:
            break
        last = rows[-1][0]
        seen += len(rows)
        references = [ref for _id, ref in rows if ref not in skip]
        if references:
            done += deidentify_closed_cases(db, references, case_years=years)
        if len(rows) < size:
            break
        if progress is not None and progress(seen, total) is False:
            break
    return done


def export_sweep_csv(
    db: Database,
    as_of: dt.date,
    target: Path,
    *,
    names: bool = False,
    case_years: int | None = None,
) -> int:
    """The sweep for `as_of` as CSV in ``target`` (owner-only, whole or not at all), streamed
    from the database; recorded in the audit trail (with whether names were included).
    Returns the number of lines written."""
    with reading_sweep(db, as_of, case_years=case_years) as items:

        def write(raw: BinaryIO) -> None:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            write_sweep_csv_rows(text, items, names=names, bom=True)
            text.flush()
            text.detach()  # the file is closed by its owner

        write_private_stream(target, write)
        rows = items.total
    record(
        db, "export retention sweep", "subject", "-", rows=rows, as_of=as_of.isoformat(),
        names_included=names,
    )  # fmt: skip
    return rows


# --- erasure cases from a selection ---------------------------------------------------------------


def _case_notes(sweep_date: dt.date, items: Sequence[SweepItem]) -> str:
    lines = [
        f"Created by the controller from the retention sweep of {sweep_date.isoformat()} "
        "(not a request from the person).",
        "Retention has run out for:",
    ]
    for item in items:
        lines.append(
            f"- {item.activity} / {item.applies_to}: {item.rule} "
            f"({item.legal_reference}), due {item.due_on.isoformat()}"
        )
    return "\n".join(lines)


def create_erasure_cases(
    db: Database,
    items: Sequence[SweepItem],
    *,
    received_at: dt.datetime | None = None,
) -> list[str]:
    """One erasure case per person for the chosen items of their data, in one transaction;
    returns the new references, most overdue person first.

    The controller starts these cases itself: there is no channel for that, so they are
    recorded as letters, and the call notes and the first timeline entry say that the case
    came from the retention sweep and not from the person. The person's last contact is not
    moved (unlike a request they sent). People already erased, or with an erasure case open,
    get no new case. Kept data and closed cases are handled otherwise (marked erased,
    de-identified) and are left out."""
    chosen = [i for i in items if i.kind is SweepKind.SUBJECT_DATA]
    if not chosen:
        raise InvalidInput(
            "Choose at least one person's data due for deletion: kept data and closed cases "
            "are not erased through a new case."
        )
    moment = received_at or clock.now_utc()
    if moment.tzinfo is None:
        raise InvalidInput("The time of receipt must carry a time zone.")
    received_utc = clock.in_utc(moment)
    received = deadlines.receipt_date(moment)
    by_subject: dict[int, list[SweepItem]] = {}
    for item in chosen:
        by_subject.setdefault(item.subject_id, []).append(item)
    created: list[str] = []
    skipped = 0
    with db.session() as s:
        open_erasure = set(open_erasure_of(s, by_subject))
        now = clock.now_utc()
        for subject_id, subject_items in by_subject.items():
            subject = s.get(Subject, subject_id)
            if subject is None:
                raise NotFound(f"There is no data subject {subject_id}.")
            if subject.erased_at is not None or subject_id in open_erasure:
                skipped += 1
                continue
            sweep_date = max(i.as_of for i in subject_items)
            case_ = Case(
                reference=next_reference(s, received.year),
                subject=subject,
                types=RequestType.ERASURE.value,
                channel=Channel.LETTER,
                language="nb",
                received_at=received_utc,
                received_date=received,
                due_date=deadlines.due_date(received),
                status=Status.NEW,
                is_open=True,
                call_notes=_case_notes(sweep_date, subject_items),
                created_at=now,
                created_by=current_user(),
            )
            s.add(case_)
            add_event(
                case_,
                "received",
                f"erasure started by the controller from the retention sweep of "
                f"{sweep_date.isoformat()}: {len(subject_items)} item(s) due; not a request "
                "from the person",
            )
            s.flush()
            created.append(case_.reference)
    log.info(
        "retention sweep: %d erasure case(s) created, %d person(s) skipped (erased or an "
        "erasure case open)",
        len(created),
        skipped,
    )
    return created


# --- de-identifying the workbench's own closed cases ----------------------------------------------


def _other_reason(s: Session, subject: Subject, leaving: set[int]) -> str | None:
    """Why the person's own record stays when these cases are de-identified, if it does."""
    cases_ = list(subject.cases)
    if any(c.id not in leaving and c.deidentified_at is None for c in cases_):
        return "another case"
    if subject.roles:
        return "a role in the register"
    if subject.customer_no or subject.supplier_no or subject.last_purchase:
        return "customer or supplier data"
    latest_request = max((c.received_date for c in cases_), default=None)
    if subject.last_contact and (latest_request is None or subject.last_contact > latest_request):
        return "a contact besides the requests"
    restricted = s.scalar(
        select(func.count())
        .select_from(Restriction)
        .where(Restriction.subject_id == subject.id, Restriction.lifted_on.is_(None))
    )
    if restricted:
        return "a restriction in force"
    objected = s.scalar(
        select(func.count()).select_from(Objection).where(Objection.subject_id == subject.id)
    )
    if objected:
        return "an objection to remember"
    return None


def deidentify_closed_cases(
    db: Database,
    references: Sequence[str],
    *,
    case_years: int | None = None,
) -> list[DeidentifiedCase]:
    """De-identify the workbench's own closed cases whose period after closing has run out
    (all of them or none: one transaction).

    Call notes, identity notes, contact details, imported e-mails' text, corrections' old and
    new values and finding notes go; the person's name, e-mail, phone and numbers are scrubbed
    from reasons and timeline details ("[de-identified]"); stored documents lose their content
    (kind and SHA-256 stay). The reference, types, dates and statuses stay. Where the person
    has no other case and is not in the register for another reason, their own record is
    erased too, as at an erasure (rights' own routine). Already de-identified cases are
    skipped."""
    years = resolve_case_years(case_years)
    wanted = list(dict.fromkeys(r.strip() for r in references if r.strip()))
    if not wanted:
        raise InvalidInput("Choose at least one closed case to de-identify.")
    today = clock.today_oslo()
    done: list[DeidentifiedCase] = []
    with db.session() as s:
        found = {c.reference: c for c in s.scalars(select(Case).where(Case.reference.in_(wanted)))}
        missing = [r for r in wanted if r not in found]
        if missing:
            raise NotFound(f"There is no case {missing[0]!r}.")
        todo: list[Case] = []
        for reference in wanted:
            c = found[reference]
            if c.deidentified_at is not None:
                continue
            if c.is_open or c.closed_on is None:
                raise RuleViolation(
                    f"Case {reference} is {c.status}: only closed cases are de-identified."
                )
            due = case_due(c.closed_on, years)
            if due > today:
                raise RuleViolation(
                    f"Case {reference} was closed on {c.closed_on.isoformat()}: it is kept "
                    f"until {due.isoformat()} ({retention.period_text(years, 0)} after closing)."
                )
            todo.append(c)
        leaving = {c.id for c in todo}
        now = clock.now_utc()
        by_subject: dict[int, list[Case]] = {}
        for c in todo:
            by_subject.setdefault(c.subject_id, []).append(c)
        for subject_cases in by_subject.values():
            subject = subject_cases[0].subject
            needles = needles_of(s, subject)
            reason = _other_reason(s, subject, leaving)
            if reason is None and subject.erased_at is None:
                erase_subject(s, subject, now)
            else:
                deidentify_cases(s, subject_cases, needles, now)
            for c in subject_cases:
                c.deidentified_at = now
                add_event(
                    c,
                    "de-identified",
                    f"{retention.period_text(years, 0)} after closing (retention sweep)"
                    + (
                        f"; the record of {subject.pseudonym} kept: {reason}"
                        if reason
                        else f"; the record of {subject.pseudonym} erased too"
                    ),
                )
                done.append(DeidentifiedCase(c.reference, subject.pseudonym, reason is None))
        s.flush()
    log.info("retention sweep: %d closed case(s) de-identified", len(done))
    return done
