"""Sample cases, so that a new workbench does not open empty: a handful of clearly marked,
made-up requests over the last weeks (one overdue, one due soon, one answered...), and their
removal in one step.

Sample cases are marked three ways: their subjects' names start with "[EKSEMPEL]", their
references and pseudonyms start with "EKS-" (so they never use up a real case number or a
real pseudonym), and the setting `samples.references` lists them. Removal goes through the
ORM, so the audit trail records every row removed, and removes only what the setting lists:
a real case is never touched, nor a subject that has a real case.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock, deadlines
from app.core.model import (
    AnswerMethod,
    Channel,
    IdentityMethod,
    IdentityResult,
    RequestType,
    Role,
    Status,
    types_to_text,
)
from app.core.text import sort_key
from app.services.common import reindex_subject
from app.store import fts
from app.store.database import Database, current_user
from app.store.models import Base, Case, CaseEvent, Setting, Subject, SubjectEmail

__all__ = [
    "SAMPLE_MARK",
    "SAMPLE_PREFIX",
    "SAMPLES_SETTING",
    "add_sample_cases",
    "has_sample_cases",
    "remove_sample_cases",
    "sample_references",
]

SAMPLE_MARK = "[EKSEMPEL]"
SAMPLE_PREFIX = "EKS-"
SAMPLES_SETTING = "samples.references"
_NOTE = (
    "[EKSEMPEL] Eksempelsak / sample case, made up by Innsyn to show how the workbench "
    "looks. Remove all sample cases in one step: Settings, Sample cases."
)


@dataclass(frozen=True)
class _Sample:
    name: str
    email: str
    types: tuple[RequestType, ...]
    channel: Channel
    roles: tuple[Role, ...]
    notes: str


_SAMPLES: tuple[_Sample, ...] = (
    _Sample(
        "Kari Nordmann",
        "kari.nordmann@example.com",
        (RequestType.ACCESS,),
        Channel.PHONE,
        (Role.CUSTOMER,),
        "Called and asked what LanoPro keeps about her as a customer.",
    ),
    _Sample(
        "Ola Nordmann",
        "ola.nordmann@example.com",
        (RequestType.ERASURE,),
        Channel.EMAIL,
        (Role.CUSTOMER,),
        "Asks by e-mail for his customer account to be deleted.",
    ),
    _Sample(
        "Nora Hansen",
        "nora.hansen@example.com",
        (RequestType.ACCESS,),
        Channel.EMAIL,
        (Role.STAKEHOLDER,),
        "Asked for a copy of her data; answered by e-mail.",
    ),
    _Sample(
        "Per Johansen",
        "per.johansen@example.com",
        (RequestType.RECTIFICATION,),
        Channel.LETTER,
        (Role.SUPPLIER,),
        "Letter: his company's contact address is wrong in the supplier register.",
    ),
    _Sample(
        "Åse Bråten",
        "ase.braten@example.com",
        (RequestType.OBJECTION,),
        Channel.IN_PERSON,
        (Role.CUSTOMER,),
        "Came by the office: no more marketing, please.",
    ),
    _Sample(
        "Jonas Berg",
        "jonas.berg@example.com",
        (RequestType.ACCESS, RequestType.RESTRICTION),
        Channel.EMAIL,
        (Role.CUSTOMER,),
        "Many years of orders to go through: the answer is extended.",
    ),
)


def _received_at(day: dt.date, hour: int) -> dt.datetime:
    """`hour` o'clock in Oslo on `day`, in UTC."""
    return clock.in_utc(dt.datetime(day.year, day.month, day.day, hour, tzinfo=deadlines.OSLO))


def _day_due_between(today: dt.date, lo: int, hi: int, oldest: int = 45) -> dt.date:
    """A receipt date whose strict deadline falls between today+lo and today+hi days (the
    deadline moves with weekends and holidays, so the receipt date is searched for)."""
    for back in range(1, oldest + 1):
        day = today - dt.timedelta(days=back)
        if lo <= (deadlines.due_date(day) - today).days <= hi:
            return day
    raise AssertionError("no receipt date gives that deadline")  # pragma: no cover


def _plan(today: dt.date) -> list[dict[str, Any]]:
    """When each sample was received and where it stands today."""
    overdue = _day_due_between(today, -12, -3, oldest=60)
    due_soon = _day_due_between(today, 2, 5)
    return [
        {"received": overdue, "status": Status.IN_PROGRESS, "identity": True},
        {"received": due_soon, "status": Status.NEW},
        {
            "received": today - dt.timedelta(days=20),
            "status": Status.ANSWERED,
            "identity": True,
            "answered": today - dt.timedelta(days=6),
        },
        {
            "received": today - dt.timedelta(days=10),
            "status": Status.AWAITING_IDENTITY,
            "asked": today - dt.timedelta(days=9),
        },
        {"received": today - dt.timedelta(days=3), "status": Status.NEW},
        {
            "received": today - dt.timedelta(days=14),
            "status": Status.IN_PROGRESS,
            "identity": True,
            "extended": today - dt.timedelta(days=2),
        },
    ]


def _read_references(s: Session) -> list[str]:
    row = s.get(Setting, SAMPLES_SETTING)
    if row is None or not row.value:
        return []
    try:
        value = json.loads(row.value)
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def sample_references(db: Database) -> list[str]:
    """The references of the sample cases still in the database."""
    with db.session() as s:
        wanted = _read_references(s)
        if not wanted:
            return []
        found = set(s.scalars(select(Case.reference).where(Case.reference.in_(wanted))))
    return [r for r in wanted if r in found]


def has_sample_cases(db: Database) -> bool:
    return bool(sample_references(db))


def _free_number(s: Session, column: Any, stem: str) -> int:
    taken = set(s.scalars(select(column).where(column.like(f"{stem}%"))))
    n = 1
    while f"{stem}{n:02d}" in taken:
        n += 1
    return n


def add_sample_cases(db: Database, *, today: dt.date | None = None) -> list[str]:
    """Add the sample cases (all or none, in one transaction); returns their references.
    Adding them again while they are there adds nothing."""
    today = today or clock.today_oslo()
    user = current_user()
    with db.session() as s:
        existing = _read_references(s)
        if existing and s.scalar(select(Case.id).where(Case.reference.in_(existing)).limit(1)):
            return []
        now = clock.now_utc()
        references: list[str] = []
        for sample, plan in zip(_SAMPLES, _plan(today), strict=True):
            n = _free_number(s, Subject.pseudonym, f"{SAMPLE_PREFIX}S-")
            subject = Subject(
                pseudonym=f"{SAMPLE_PREFIX}S-{n:02d}",
                name=f"{SAMPLE_MARK} {sample.name}",
                sort_name=sort_key(f"{SAMPLE_MARK} {sample.name}"),
                postal_address="",
                roles=",".join(r.value for r in sample.roles),
                created_at=now,
                last_contact=plan["received"],
            )
            subject.emails.append(SubjectEmail(address=sample.email))
            s.add(subject)
            reindex_subject(s, subject)
            references.append(_add_case(s, subject, sample, plan, user, now))
        row = s.get(Setting, SAMPLES_SETTING)
        value = json.dumps([*existing, *references])
        if row is None:
            s.add(Setting(key=SAMPLES_SETTING, value=value))
        else:
            row.value = value
    return references


def _add_case(
    s: Session, subject: Subject, sample: _Sample, plan: dict[str, Any], user: str, now: dt.datetime
) -> str:
    received: dt.date = plan["received"]
    status: Status = plan["status"]
    n = _free_number(s, Case.reference, SAMPLE_PREFIX)
    case = Case(
        reference=f"{SAMPLE_PREFIX}{n:02d}",
        subject=subject,
        types=types_to_text(sample.types),
        channel=sample.channel,
        language="nb",
        received_at=_received_at(received, 10),
        received_date=received,
        due_date=deadlines.due_date(received),
        status=Status.NEW,
        is_open=True,
        call_notes=f"{_NOTE}\n\n{sample.notes}",
        contact_email=sample.email,
        created_at=now,
        created_by=user,
    )
    s.add(case)

    def event(kind: str, detail: str) -> None:
        case.events.append(CaseEvent(at=now, user=user, kind=kind, detail=detail))

    event(
        "received",
        f"{sample.channel.value} request: {', '.join(t.value for t in sample.types)} (sample case)",
    )
    if plan.get("identity"):
        case.identity_method = IdentityMethod.KNOWN_EMAIL.value
        case.identity_result = IdentityResult.VERIFIED
        case.identity_verified_on = received
        event("identity", f"{IdentityMethod.KNOWN_EMAIL.value}: verified")
    if "asked" in plan:
        case.identity_requested_on = plan["asked"]
        event("identity requested", f"asked on {plan['asked'].isoformat()}")
    if "extended" in plan:
        original = case.due_date
        case.extended = True
        case.extension_decided_on = plan["extended"]
        case.extension_told_on = plan["extended"]
        case.extension_reason = "Many years of orders in several systems (sample case)."
        case.due_date = deadlines.due_date(received, extended=True)
        event(
            "extended",
            f"due {original.isoformat()} → {case.due_date.isoformat()}; person told "
            f"{plan['extended'].isoformat()}",
        )
    if "answered" in plan:
        case.answered_on = plan["answered"]
        case.answer_method = AnswerMethod.EMAIL
        event("answered", f"{plan['answered'].isoformat()} by e-mail; → answered")
    case.status = status
    case.is_open = status not in (Status.ANSWERED, Status.CLOSED, Status.REFUSED)
    return case.reference


def _rows_of(s: Session, column_name: str, ids: Iterable[int]) -> list[Any]:
    """Every mapped row, of any table, whose `column_name` is one of `ids` (a table added
    later that points at a case or a subject is covered without a change here)."""
    ids = list(ids)
    if not ids:
        return []
    rows: list[Any] = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        column = mapper.columns.get(column_name)
        if column is None or cls in (Case, Subject):
            continue
        rows += s.scalars(select(cls).where(column.in_(ids))).all()
    return rows


def remove_sample_cases(db: Database) -> int:
    """Remove the sample cases and everything about them (subjects, events, documents, search
    index rows, the setting) in one transaction; returns how many cases were removed."""
    with db.session() as s:
        row = s.get(Setting, SAMPLES_SETTING)
        wanted = _read_references(s)
        cases = list(s.scalars(select(Case).where(Case.reference.in_(wanted)))) if wanted else []
        case_ids = {c.id for c in cases}
        subjects: list[Subject] = []
        for subject_id in sorted({c.subject_id for c in cases}):
            subject = s.get(Subject, subject_id)
            if subject is None:
                continue
            others = s.scalar(
                select(Case.id)
                .where(Case.subject_id == subject_id, Case.id.not_in(case_ids))
                .limit(1)
            )
            # Only a subject the samples made, and that no real case has since used.
            if others is None and subject.pseudonym.startswith(SAMPLE_PREFIX):
                subjects.append(subject)
        subject_ids = {x.id for x in subjects}
        for obj in _rows_of(s, "case_id", case_ids):
            if getattr(obj, "subject_id", None) not in (None, *subject_ids):
                # A real subject's record that names a sample case: it stays, unlinked.
                obj.case_id = None
            else:
                s.delete(obj)
        for obj in _rows_of(s, "subject_id", subject_ids):
            s.delete(obj)
        for case in cases:
            s.delete(case)
        for subject in subjects:
            fts.remove_subject(s.connection(), subject.id)
            s.delete(subject)
        if row is not None:
            s.delete(row)
        return len(cases)
