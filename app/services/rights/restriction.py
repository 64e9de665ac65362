"""Restriction (Art. 18): marking the person's data as stored only, and lifting it."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.services.common import add_event, get_case
from app.services.drawing import (
    draw_up_notices_in,
)
from app.services.rights.common import get_activity
from app.services.rights.views import (
    RestrictionView,
)
from app.services.workflow import (
    require_not_closed,
    require_not_erased,
)
from app.store.database import Database
from app.store.models import (
    Case,
    ProcessingActivity,
    Restriction,
)

# Art. 18(1): the four grounds for restriction.
RESTRICTION_GROUNDS: dict[str, str] = {
    "a": "the accuracy of the data is contested, for the time needed to verify it",
    "b": "the processing is unlawful and the person asks for restriction instead of erasure",
    "c": "the data are no longer needed, but the person needs them for legal claims",
    "d": "the person has objected (Art. 21(1)), pending verification of the grounds",
}


def restriction_ground(text: str) -> str | None:
    """'b', 'Art. 18(1)(b)' -> 'b'."""
    t = text.strip().lower()
    if t in RESTRICTION_GROUNDS:
        return t
    m = re.search(r"18\s*\(1\)\s*\(([a-d])\)", t)
    return m.group(1) if m else None


def _scope_form(activity_id: int | None, until: dt.date | None) -> str | None:
    """The wording of a restriction's event: of the whole subject or one activity, with a
    planned end or without."""
    whole = activity_id is None
    if until is None:
        return "whole" if whole else None
    return "whole_until" if whole else "until"


def _restriction_view(s: Session, r: Restriction) -> RestrictionView:
    activity = s.get(ProcessingActivity, r.activity_id) if r.activity_id else None
    case = s.get(Case, r.case_id) if r.case_id else None
    return RestrictionView(
        id=r.id,
        subject_id=r.subject_id,
        activity_id=r.activity_id,
        activity=activity.name if activity else None,
        case_reference=case.reference if case else None,
        ground=r.ground,
        since=r.since,
        until=r.until,
        person_told_on=r.person_told_on,
        lifted_on=r.lifted_on,
    )


def restrict(
    db: Database,
    reference: str,
    ground: str,
    activity_id: int | None = None,
    until: dt.date | None = None,
) -> RestrictionView:
    """Mark the person's data (all of it, or one activity's) as restricted: stored only."""
    letter = restriction_ground(ground)
    if letter is None:
        raise InvalidInput("restriction.choose_ground")
    today = clock.today_oslo()
    if until is not None and until <= today:
        raise InvalidInput("restriction.end_after_today")
    with db.session() as s:
        case = get_case(s, reference)
        require_not_closed(case, "restrict processing")
        subject = case.subject
        require_not_erased(subject)
        scope = "the whole subject"
        if activity_id is not None:
            activity = get_activity(s, activity_id)
            if activity.retired_at is not None:
                raise RuleViolation("restriction.activity_retired", name=activity.name)
            scope = activity.name
        for r in s.scalars(
            select(Restriction).where(
                Restriction.subject_id == subject.id, Restriction.lifted_on.is_(None)
            )
        ):
            if r.activity_id is None or r.activity_id == activity_id:
                if r.activity_id is None:
                    raise RuleViolation(
                        "restriction.already_restricted", pseudonym=subject.pseudonym, since=r.since
                    )
                raise RuleViolation(
                    "restriction.already_restricted_for",
                    pseudonym=subject.pseudonym,
                    activity=scope,
                    since=r.since,
                )
        restriction = Restriction(
            subject_id=subject.id,
            activity_id=activity_id,
            case_id=case.id,
            ground=letter,
            since=today,
            until=until,
        )
        s.add(restriction)
        add_event(
            case,
            "restricted",
            f"{scope}: Art. 18(1)({letter})"
            + (f", planned until {until.isoformat()}" if until else ""),
            form=_scope_form(activity_id, until),
            scope=None if activity_id is None else scope,
            letter=letter,
            until=until,
        )
        s.flush()
        draw_up_notices_in(s, case)  # the recipients of what is restricted (Art. 19)
        return _restriction_view(s, restriction)


def subject_restrictions(db: Database, subject_id: int) -> list[RestrictionView]:
    with db.session() as s:
        return [
            _restriction_view(s, r)
            for r in s.scalars(
                select(Restriction)
                .where(Restriction.subject_id == subject_id)
                .order_by(Restriction.since, Restriction.id)
            )
        ]


def active_restrictions(db: Database, subject_id: int) -> list[RestrictionView]:
    """The restrictions in force (not lifted): what a banner shows."""
    return [r for r in subject_restrictions(db, subject_id) if r.active]


def is_restricted(db: Database, subject_id: int) -> bool:
    """True while any restriction of the person is not lifted (a planned end date does not
    lift it: the person must be told first)."""
    with db.session() as s:
        return (
            s.scalar(
                select(Restriction.id)
                .where(Restriction.subject_id == subject_id, Restriction.lifted_on.is_(None))
                .limit(1)
            )
            is not None
        )


def _get_restriction(s: Session, restriction_id: int) -> Restriction:
    r = s.get(Restriction, restriction_id)
    if r is None:
        raise NotFound("restriction.no_such_restriction", restriction_id=restriction_id)
    return r


def _restriction_case(s: Session, r: Restriction) -> Case | None:
    return s.get(Case, r.case_id) if r.case_id else None


def record_restriction_notice(db: Database, restriction_id: int, told_on: dt.date) -> None:
    """The person was told that the restriction will be lifted (Art. 18(3))."""
    if told_on > clock.today_oslo():
        raise InvalidInput("restriction.told_in_future")
    with db.session() as s:
        r = _get_restriction(s, restriction_id)
        if r.lifted_on is not None:
            raise RuleViolation("restriction.already_lifted", on=r.lifted_on)
        if told_on < r.since:
            raise InvalidInput("restriction.told_before_start")
        r.person_told_on = told_on
        case = _restriction_case(s, r)
        if case is not None:
            add_event(
                case,
                "restriction told",
                f"person told of the lifting {told_on.isoformat()}",
                on=told_on,
            )


def lift_restriction(db: Database, restriction_id: int, on: dt.date) -> RestrictionView:
    """Lift a restriction: only once the person has been told (Art. 18(3))."""
    with db.session() as s:
        r = _get_restriction(s, restriction_id)
        if r.lifted_on is not None:
            raise RuleViolation("restriction.already_lifted", on=r.lifted_on)
        if r.person_told_on is None:
            raise RuleViolation("restriction.must_tell_first")
        if on < r.person_told_on:
            raise RuleViolation("restriction.lift_before_told", on=r.person_told_on)
        if on > clock.today_oslo():
            raise InvalidInput("restriction.lift_in_future")
        r.lifted_on = on
        case = _restriction_case(s, r)
        if case is not None:
            scope = "the whole subject"
            if r.activity_id is not None:
                scope = get_activity(s, r.activity_id).name
            add_event(
                case,
                "restriction lifted",
                f"{scope}: lifted {on.isoformat()}",
                form=_scope_form(r.activity_id, None),
                scope=None if r.activity_id is None else scope,
                on=on,
            )
        s.flush()
        return _restriction_view(s, r)
