"""What a case's rights make due, drawn up inside the unit of work that makes it necessary:
the notices to recipients (Art. 19). Session-level pieces shared by the rights and by
closing; none opens a session of its own.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.model import Status
from app.core.rights import Decision, NoticeStatus
from app.services.common import add_event
from app.store.models import (
    ActivityRetention,
    Case,
    ErasureLine,
    FieldChange,
    ProcessingActivity,
    RecipientNotice,
    Restriction,
)

__all__ = [
    "active_activities",
    "affected_activities",
    "draw_up_notices_in",
    "erasure_lines",
    "notices_of",
]


def active_activities(s: Session) -> list[ProcessingActivity]:
    """The register's activities in use, with their systems, recipients and retention."""
    return list(
        s.scalars(
            select(ProcessingActivity)
            .where(ProcessingActivity.retired_at.is_(None))
            .options(
                selectinload(ProcessingActivity.systems),
                selectinload(ProcessingActivity.recipients),
                selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule),
            )
            .order_by(ProcessingActivity.id)
        )
    )


def erasure_lines(s: Session, case: Case) -> list[ErasureLine]:
    """The erasure matrix of the case as it stands (empty: not drawn up)."""
    return list(
        s.scalars(
            select(ErasureLine).where(ErasureLine.case_id == case.id).order_by(ErasureLine.id)
        )
    )


def affected_activities(s: Session, case: Case) -> list[ProcessingActivity]:
    """Rectified data: every activity; erasure: those with data erased or restricted;
    restriction: the restricted activity, or all."""
    activities = active_activities(s)
    everything = (
        s.scalar(select(FieldChange.id).where(FieldChange.case_id == case.id).limit(1)) is not None
    )
    ids: set[int] = set()
    for line in erasure_lines(s, case):
        if line.decision in (Decision.ERASE, Decision.RESTRICT):
            ids.add(line.activity_id)
    for r in s.scalars(select(Restriction).where(Restriction.case_id == case.id)):
        if r.activity_id is None:
            everything = True
        else:
            ids.add(r.activity_id)
    return activities if everything else [a for a in activities if a.id in ids]


def notices_of(s: Session, case: Case) -> list[RecipientNotice]:
    """The notices drawn up for the case, oldest first (a read: nothing is added)."""
    return list(
        s.scalars(
            select(RecipientNotice)
            .where(RecipientNotice.case_id == case.id)
            .order_by(RecipientNotice.id)
        )
    )


def draw_up_notices_in(s: Session, case: Case) -> list[RecipientNotice]:
    """One notice per recipient (in use) of the affected activities that has none yet; a
    closed case gets no new ones. Returns every notice of the case, oldest first."""
    existing = {n.recipient_id: n for n in notices_of(s, case)}
    if case.status != Status.CLOSED:
        added = 0
        for activity in affected_activities(s, case):
            for recipient in activity.recipients:
                if recipient.retired_at is None and recipient.id not in existing:
                    notice = RecipientNotice(
                        case_id=case.id, recipient=recipient, status=NoticeStatus.OPEN
                    )
                    s.add(notice)
                    existing[recipient.id] = notice
                    added += 1
        if added:
            s.flush()
            add_event(case, "notices", f"{added} recipient(s) to notify (Art. 19)")
    return sorted(existing.values(), key=lambda n: n.id)
