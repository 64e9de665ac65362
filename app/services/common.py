"""The case primitives every use case shares: find a case in a session, add to its timeline,
check a typed text, number a new case, keep a person's search entry current.

These work inside a session a use case has opened; none opens one of its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock, event_text
from app.core.errors import InvalidInput, NotFound
from app.core.messages import Message
from app.store import fts
from app.store.database import current_user
from app.store.models import Case, CaseEvent, ReferenceCounter, Subject

__all__ = [
    "MAX_TEXT",
    "add_event",
    "get_case",
    "limited_text",
    "next_reference",
    "reindex_subject",
]

MAX_TEXT = 20_000  # call notes, reasons: long enough for any honest note


def get_case(s: Session, reference: str) -> Case:
    case = s.scalar(select(Case).where(Case.reference == reference.strip()))
    if case is None:
        raise NotFound("case.no_such_case", reference=reference.strip())
    return case


def add_event(case: Case, kind: str, detail: str = "", **params: Any) -> None:
    """A line in the case's timeline, now, by the current OS user: its kind and parameters
    (read in the reader's language, app/core/event_text.py) and the same in English words."""
    case.events.append(
        CaseEvent(
            at=clock.now_utc(),
            user=current_user(),
            kind=kind,
            detail=detail,
            params=event_text.encode_params(params) if params else None,
        )
    )


def limited_text(text: str, what: str) -> str:
    """A typed text, stripped; `what` names it in the error: a key of the catalogue's
    `field.json` ("notes", "reasons")."""
    text = text.strip()
    field = Message(f"field.{what}")
    if len(text) > MAX_TEXT:
        raise InvalidInput("case.text_too_long", what=field, length=len(text), limit=MAX_TEXT)
    if "\x00" in text:
        raise InvalidInput("case.text_has_nul", what=field)
    return text


def next_reference(s: Session, year: int) -> str:
    """The next case reference of the year (YYYY-NNNN); numbers are never reused."""
    counter = s.get(ReferenceCounter, year)
    if counter is None:
        counter = ReferenceCounter(year=year, last_number=0)
        s.add(counter)
    counter.last_number += 1
    s.flush()
    return f"{year}-{counter.last_number:04d}"


def reindex_subject(s: Session, subj: Subject) -> None:
    """The person's search entry, from what their record holds now."""
    s.flush()
    fts.reindex_subject(
        s.connection(),
        subj.id,
        subj.name,
        [e.address for e in subj.emails],
        [p.e164 for p in subj.phones],
        [subj.customer_no, subj.supplier_no, subj.pseudonym],
    )
