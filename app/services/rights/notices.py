"""The notices to recipients (Art. 19): listing, drawing up, recording them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.core.errors import InvalidInput, NotFound
from app.core.rights import NOT_NOTIFIED_GROUNDS, NoticeStatus
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import (
    draw_up_notices_in,
    notices_of,
)
from app.services.rights.common import check_day
from app.services.rights.views import (
    NoticeView,
)
from app.services.workflow import (
    require_not_closed,
)
from app.store.database import Database
from app.store.models import (
    Case,
    RecipientNotice,
)


def _notice_view(n: RecipientNotice) -> NoticeView:
    r = n.recipient
    return NoticeView(
        id=n.id,
        recipient_id=r.id,
        recipient=r.name,
        role=r.role,
        country=r.country,
        contact=r.contact,
        status=n.status,
        notified_on=n.notified_on,
        method=n.method,
        reason=n.reason,
        document_id=n.document_id,
    )


def notices(db: Database, reference: str) -> list[NoticeView]:
    """The notices to recipients drawn up for the case (a read: nothing is added)."""
    with db.session() as s:
        return [_notice_view(n) for n in notices_of(s, get_case(s, reference))]


def draw_up_notices(db: Database, reference: str) -> list[NoticeView]:
    """One notice per recipient of the affected activities that has none yet (a closed case
    gets no new ones); drawing up twice adds nothing. Returns every notice of the case."""
    with db.session() as s:
        return [_notice_view(n) for n in draw_up_notices_in(s, get_case(s, reference))]


def open_notice_count(db: Database, reference: str) -> int:
    return sum(1 for n in notices(db, reference) if n.status == NoticeStatus.OPEN)


def get_notice(s: Session, notice_id: int) -> tuple[RecipientNotice, Case]:
    notice = s.get(RecipientNotice, notice_id)
    if notice is None:
        raise NotFound(f"There is no recipient notice {notice_id}.")
    return notice, s.get_one(Case, notice.case_id)


def mark_notified(db: Database, notice_id: int, on: dt.date, method: str) -> NoticeView:
    method = method.strip()
    if not method:
        raise InvalidInput("Say how the recipient was told (e-mail, post, phone...).")
    if len(method) > 16:
        raise InvalidInput("Give the method in at most 16 characters (e-mail, post, phone).")
    with db.session() as s:
        notice, case = get_notice(s, notice_id)
        require_not_closed(case, "record a notice")
        check_day(on, case, "date of the notice")
        notice.status = NoticeStatus.NOTIFIED
        notice.notified_on = on
        notice.method = method
        notice.reason = ""
        add_event(case, "notice", f"{notice.recipient.name}: notified {on.isoformat()} by {method}")
        s.flush()
        return _notice_view(notice)


def mark_not_notified(
    db: Database, notice_id: int, reason: str, *, ground: str = "disproportionate"
) -> NoticeView:
    """Art. 19 spares a notice only where it is impossible or takes disproportionate effort:
    which, and why, is recorded."""
    reason = limited_text(reason, "reason")
    if not reason:
        raise InvalidInput(
            "Say why the recipient is not told: impossible or disproportionate, and why."
        )
    if ground not in NOT_NOTIFIED_GROUNDS:
        raise InvalidInput(
            "A recipient is not told only where it is impossible or disproportionate."
        )
    with db.session() as s:
        notice, case = get_notice(s, notice_id)
        require_not_closed(case, "record a notice")
        notice.status = NoticeStatus.NOT_NOTIFIED
        notice.notified_on = None
        notice.method = None
        notice.reason = f"{ground}: {reason}"
        add_event(case, "notice", f"{notice.recipient.name}: not notified ({ground})")
        s.flush()
        return _notice_view(notice)
