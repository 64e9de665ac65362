"""Rectification (Art. 16): correcting the person's record, each change recorded."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import cast

from sqlalchemy import select

from app.core import clock
from app.core.errors import InvalidInput
from app.core.messages import Message
from app.core.model import RequestType
from app.core.text import sort_key
from app.intake.contact import normalise_email, normalise_phone, validate_name
from app.services.common import add_event, get_case, limited_text, reindex_subject
from app.services.drawing import (
    draw_up_notices_in,
)
from app.services.rights.views import (
    FieldChangeView,
)
from app.services.workflow import (
    require_not_closed,
    require_not_erased,
    require_type,
)
from app.store.database import Database
from app.store.models import (
    FieldChange,
    Subject,
    SubjectEmail,
    SubjectPhone,
)

# What Art. 16 corrects in the workbench's own record of the person.
RECTIFIABLE_FIELDS: tuple[str, ...] = (
    "name",
    "postal_address",
    "emails",
    "phones",
    "customer_no",
    "last_purchase",
    "last_contact",
)
CUSTOMER_NO_LIMIT = 64


def _split(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"[,;\n]", value) if p.strip()]
    if isinstance(value, Iterable):
        return [str(p).strip() for p in value if str(p).strip()]
    raise InvalidInput("rectification.not_a_list", value=repr(value))


def _as_date(value: object, what: Message) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput("rectification.date_invalid", what=what, value=value) from None
    else:
        raise InvalidInput("rectification.not_a_date", what=what, value=repr(value))
    if day > clock.today_oslo():
        raise InvalidInput("rectification.date_in_future", what=what)
    return day


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _normalise_changes(changes: Mapping[str, object]) -> dict[str, object]:
    """Each new value checked as intake checks it; raises InvalidInput naming the field."""
    if not changes:
        raise InvalidInput("rectification.nothing_given")
    out: dict[str, object] = {}
    for field, value in changes.items():
        if field not in RECTIFIABLE_FIELDS:
            raise InvalidInput(
                "rectification.not_rectifiable",
                field=field,
                fields=", ".join(RECTIFIABLE_FIELDS),
            )
        if field == "name":
            out[field] = validate_name(str(value or ""))
        elif field == "postal_address":
            out[field] = limited_text(str(value or ""), "postal address lines")
        elif field == "emails":
            out[field] = _unique(normalise_email(e).lower() for e in _split(value))
        elif field == "phones":
            out[field] = _unique(normalise_phone(p) for p in _split(value))
        elif field == "customer_no":
            number = str(value or "").strip()
            if len(number) > CUSTOMER_NO_LIMIT:
                raise InvalidInput("rectification.customer_no_too_long", limit=CUSTOMER_NO_LIMIT)
            out[field] = number or None
        else:
            out[field] = _as_date(value, Message(f"rectification.field_{field}"))
    return out


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) or None


def _current(subject: Subject, field: str) -> object:
    if field == "emails":
        return [e.address for e in subject.emails]
    if field == "phones":
        return [p.e164 for p in subject.phones]
    return getattr(subject, field)


def _set(subject: Subject, field: str, value: object) -> None:
    if field == "emails":
        existing = {e.address: e for e in subject.emails}
        subject.emails = [
            existing.get(a) or SubjectEmail(address=a) for a in cast(list[str], value)
        ]
    elif field == "phones":
        existing_p = {p.e164: p for p in subject.phones}
        subject.phones = [existing_p.get(n) or SubjectPhone(e164=n) for n in cast(list[str], value)]
    elif field == "name":
        assert isinstance(value, str)
        subject.name = value
        subject.sort_name = sort_key(value)
    else:
        setattr(subject, field, value)


def _change_view(fc: FieldChange) -> FieldChangeView:
    return FieldChangeView(fc.id, fc.field, fc.old_value, fc.new_value, fc.changed_at)


def rectify(db: Database, reference: str, changes: Mapping[str, object]) -> list[FieldChangeView]:
    """Correct the person's record: each changed field is recorded with its old and new value
    (the old one only until the case closes) and named, without values, in the timeline."""
    wanted = _normalise_changes(changes)
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.RECTIFICATION, "record a correction")
        require_not_closed(case, "record a correction")
        subject = case.subject
        require_not_erased(subject)
        now = clock.now_utc()
        recorded: list[FieldChange] = []
        for field in RECTIFIABLE_FIELDS:
            if field not in wanted:
                continue
            old, new = _as_text(_current(subject, field)), _as_text(wanted[field])
            if old == new:
                continue
            _set(subject, field, wanted[field])
            change = FieldChange(
                case_id=case.id, field=field, old_value=old, new_value=new, changed_at=now
            )
            s.add(change)
            recorded.append(change)
        if not recorded:
            raise InvalidInput("rectification.nothing_changed")
        reindex_subject(s, subject)
        add_event(case, "rectified", ", ".join(c.field.replace("_", " ") for c in recorded))
        s.flush()
        draw_up_notices_in(s, case)  # every recipient is told of a correction (Art. 19)
        return [_change_view(c) for c in recorded]


def field_changes(db: Database, reference: str) -> list[FieldChangeView]:
    with db.session() as s:
        case = get_case(s, reference)
        return [
            _change_view(c)
            for c in s.scalars(
                select(FieldChange).where(FieldChange.case_id == case.id).order_by(FieldChange.id)
            )
        ]
