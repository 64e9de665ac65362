"""Objection (Art. 21): direct marketing stopped at once, other objections weighed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import InvalidInput, RuleViolation
from app.core.model import RequestType
from app.services.common import add_event, get_case, limited_text
from app.services.rights.common import get_activity
from app.services.rights.views import (
    ObjectionView,
)
from app.services.workflow import (
    require_not_closed,
    require_not_erased,
    require_type,
)
from app.store.database import Database
from app.store.models import (
    Case,
    Objection,
)


def _objection_view(s: Session, o: Objection) -> ObjectionView:
    case = s.get(Case, o.case_id) if o.case_id else None
    return ObjectionView(
        id=o.id,
        subject_id=o.subject_id,
        activity_id=o.activity_id,
        activity=get_activity(s, o.activity_id).name,
        case_reference=case.reference if case else None,
        recorded_on=o.recorded_on,
        direct_marketing=o.direct_marketing,
        stopped_on=o.stopped_on,
        outcome=o.outcome,
    )


def _record_objection(
    db: Database,
    reference: str,
    activity_id: int,
    *,
    direct_marketing: bool,
    outcome: str,
    stopped_on: dt.date | None,
) -> ObjectionView:
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.OBJECTION, "record an objection")
        require_not_closed(case, "record an objection")
        require_not_erased(case.subject)
        activity = get_activity(s, activity_id)
        if direct_marketing:
            for o in s.scalars(
                select(Objection).where(
                    Objection.subject_id == case.subject_id,
                    Objection.activity_id == activity_id,
                    Objection.direct_marketing.is_(True),
                )
            ):
                raise RuleViolation(
                    f"Direct marketing in '{activity.name}' was stopped on "
                    f"{o.stopped_on.isoformat() if o.stopped_on else o.recorded_on.isoformat()}."
                )
        objection = Objection(
            subject_id=case.subject_id,
            activity_id=activity_id,
            case_id=case.id,
            recorded_on=clock.today_oslo(),
            direct_marketing=direct_marketing,
            stopped_on=stopped_on,
            outcome=outcome,
        )
        s.add(objection)
        if direct_marketing:
            detail = f"{activity.name}: direct marketing stopped {objection.recorded_on}"
        else:
            detail = f"{activity.name}: objection recorded" + (
                f", processing stopped {stopped_on.isoformat()}" if stopped_on else ""
            )
        add_event(case, "objection", detail)
        s.flush()
        return _objection_view(s, objection)


def object_to_marketing(db: Database, reference: str, activity_id: int) -> ObjectionView:
    """Art. 21(2)-(3): processing for direct marketing (remarketing) stops at once, without
    any weighing of interests."""
    return _record_objection(
        db,
        reference,
        activity_id,
        direct_marketing=True,
        outcome="Processing for direct marketing stopped at once (Art. 21(3)).",
        stopped_on=clock.today_oslo(),
    )


def object_to_processing(
    db: Database,
    reference: str,
    activity_id: int,
    outcome: str,
    stopped_on: dt.date | None = None,
) -> ObjectionView:
    """Art. 21(1): an objection on grounds of the person's situation, with the outcome of the
    weighing (compelling legitimate grounds, or processing stopped)."""
    outcome = limited_text(outcome, "outcome")
    if not outcome:
        raise InvalidInput("Record the outcome of the objection (and why).")
    if stopped_on is not None and stopped_on > clock.today_oslo():
        raise InvalidInput("Processing cannot have stopped in the future.")
    return _record_objection(
        db, reference, activity_id, direct_marketing=False, outcome=outcome, stopped_on=stopped_on
    )


def subject_objections(db: Database, subject_id: int) -> list[ObjectionView]:
    with db.session() as s:
        return [
            _objection_view(s, o)
            for o in s.scalars(
                select(Objection).where(Objection.subject_id == subject_id).order_by(Objection.id)
            )
        ]
