"""The rights letters (confirmations, the notice to a recipient) and the notice e-mail."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.errors import InvalidInput, RuleViolation
from app.core.model import RequestType, types_from_text
from app.core.rights import Decision
from app.reports import documents as docs
from app.reports.wording import LANGUAGES, Wording, placeholders, wording
from app.services import register, register_language
from app.services.common import add_event, get_case
from app.services.drawing import (
    active_activities,
    erasure_lines,
    notices_of,
)
from app.services.rights.common import get_activity
from app.services.rights.notices import get_notice
from app.services.rights.rectification import RECTIFIABLE_FIELDS
from app.services.rights.views import (
    ErasedItem,
    KeptItem,
    StoredLetter,
)
from app.services.workflow import (
    require_not_erased,
)
from app.store.database import Database, current_user
from app.store.models import (
    Case,
    Document,
    FieldChange,
    Objection,
    Recipient,
    RecipientNotice,
    Restriction,
    Subject,
)


def _base_letter(
    case: Case,
    kind: str,
    controller: docs.Controller,
    addressee: docs.Addressee,
    lang: str,
    today: dt.date,
) -> docs.LetterData:
    return docs.LetterData(
        kind=kind,
        controller=controller,
        addressee=addressee,
        reference=case.reference,
        date=today,
        language=lang,
        received=case.received_date,
        due=case.due_date,
        new_due=None,
        reasons="",
        fee_amount=None,
        requested_types=tuple(t.value for t in types_from_text(case.types)),
        identification_needed="",
        officer_name=controller.officer_name,
    )


def _person(subject: Subject) -> docs.Addressee:
    return docs.Addressee(subject.name, subject.postal_address)


def _recipient_lines(s: Session, case: Case, lang: str) -> tuple[docs.RecipientLine, ...]:
    views = [register.recipient_view(n.recipient) for n in notices_of(s, case)]
    register_language.require_texts((), lang, views)
    shown = [register_language.recipient_in(v, lang) for v in views]
    return tuple(docs.RecipientLine(v.name, v.role, v.country) for v in shown)


class _RegisterTexts:
    """The register's activities as a letter in one language prints them: a name and the data
    a retention line applies to, refused (naming what to complete) where that language's text
    is not written. A line no longer in the register is printed as the case recorded it."""

    def __init__(self, s: Session, lang: str) -> None:
        self.s = s
        self.lang = lang
        self._views: dict[int, tuple[register.ActivityView, register.ActivityView]] = {}

    def _view(self, activity_id: int) -> tuple[register.ActivityView, register.ActivityView]:
        if activity_id not in self._views:
            english = register.activity_view(get_activity(self.s, activity_id))
            register_language.require_texts([english], self.lang)
            self._views[activity_id] = (english, register_language.in_language(english, self.lang))
        return self._views[activity_id]

    def name(self, activity_id: int | None, recorded: str) -> str:
        return recorded if activity_id is None else self._view(activity_id)[1].name

    def applies_to(self, activity_id: int | None, recorded: str) -> str:
        if activity_id is None:
            return recorded
        english, shown = self._view(activity_id)
        for line, line_shown in zip(english.retention, shown.retention, strict=True):
            if line.applies_to == recorded:
                return line_shown.applies_to
        return recorded


def _field_label(words: Wording, field: str) -> str:
    return words.text(f"rights.fields.{field}")


def _latest_changes(s: Session, case: Case) -> dict[str, str | None]:
    latest: dict[str, str | None] = {}
    for fc in s.scalars(
        select(FieldChange).where(FieldChange.case_id == case.id).order_by(FieldChange.id)
    ):
        latest[fc.field] = fc.new_value
    return latest


def _shown_value(words: Wording, field: str, value: str | None) -> str:
    if value is None:
        return words.text("rights.empty_value")
    if field in ("last_purchase", "last_contact"):
        return words.date(dt.date.fromisoformat(value))
    return value


def _rectified_items(s: Session, case: Case, words: Wording) -> tuple[tuple[str, str], ...]:
    return tuple(
        (_field_label(words, field), _shown_value(words, field, value))
        for field, value in sorted(
            _latest_changes(s, case).items(), key=lambda kv: RECTIFIABLE_FIELDS.index(kv[0])
        )
    )


def _restriction_items(
    s: Session, restrictions: Sequence[Restriction], words: Wording
) -> tuple[tuple[str, str], ...]:
    texts = _RegisterTexts(s, words.language)
    items: list[tuple[str, str]] = []
    for r in restrictions:
        scope = (
            texts.name(r.activity_id, "")
            if r.activity_id is not None
            else words.text("rights.whole_subject")
        )
        items.append((words.text("rights.scope"), scope))
        items.append((words.text("rights.ground"), words.text(f"rights.grounds.{r.ground}")))
        items.append((words.text("rights.since"), words.date(r.since)))
    return tuple(items)


def erasure_letter(
    s: Session,
    case: Case,
    controller: docs.Controller,
    lang: str,
    erased: Sequence[ErasedItem],
    kept: Sequence[KeptItem],
    expiry: dt.date | None,
    today: dt.date,
    name_recipients: bool,
) -> docs.LetterData:
    words = wording(lang)
    texts = _RegisterTexts(s, lang)
    items = [
        (texts.name(e.activity_id, e.activity), texts.applies_to(e.activity_id, e.applies_to))
        for e in erased
    ]
    items.append((words.text("rights.workbench_label"), words.text("rights.workbench_value")))
    kept_lines = tuple(
        docs.KeptLine(
            applies_to=f"{texts.name(k.activity_id, k.activity)}: "
            f"{texts.applies_to(k.activity_id, k.applies_to)}",
            reason=k.ground
            if k.decision == Decision.KEEP
            else f"{words.text('rights.decisions.restrict')}, {k.ground}",
            until=k.until,
        )
        for k in kept
    )
    base = _base_letter(
        case, "erasure-confirmation", controller, _person(case.subject), lang, today
    )
    return replace(
        base,
        items=tuple(items),
        kept=kept_lines,
        backup_expiry=expiry,
        effective=today,
        recipients=_recipient_lines(s, case, lang) if name_recipients else (),
    )


def _notice_changes(s: Session, case: Case) -> tuple[str, ...]:
    changes: list[str] = []
    if s.scalar(select(FieldChange.id).where(FieldChange.case_id == case.id).limit(1)):
        changes.append(RequestType.RECTIFICATION.value)
    lines = erasure_lines(s, case)
    if any(ln.decision == Decision.ERASE for ln in lines):
        changes.append(RequestType.ERASURE.value)
    restricted = any(ln.decision == Decision.RESTRICT for ln in lines) or (
        s.scalar(select(Restriction.id).where(Restriction.case_id == case.id).limit(1)) is not None
    )
    if restricted:
        changes.append(RequestType.RESTRICTION.value)
    return tuple(changes)


def _notice_content(
    s: Session, case: Case, notice: RecipientNotice, words: Wording
) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Whom the notice concerns (as little as identifies the person), what changed, and the
    items the recipient needs to make the same change."""
    subject = case.subject
    require_not_erased(subject)
    concerning = subject.name
    if subject.customer_no:
        concerning += ", " + words.text("rights.concerning_customer_no").format(
            customer_no=subject.customer_no
        )
    changes = _notice_changes(s, case)
    if not changes:
        raise RuleViolation(f"Nothing on case {case.reference} needs a notice to recipients yet.")
    items: list[tuple[str, str]] = []
    if RequestType.RECTIFICATION.value in changes:
        items += _rectified_items(s, case, words)
    received_by = {
        a.id for a in active_activities(s) if any(r.id == notice.recipient_id for r in a.recipients)
    }
    texts = _RegisterTexts(s, words.language)
    for line in erasure_lines(s, case):
        if line.activity_id not in received_by:
            continue
        decision = words.text(f"rights.decisions.{line.decision}")
        if line.decision == Decision.KEEP and line.until is not None:
            kept = words.text("rights.kept_until").format(date=words.date(line.until))
            decision += f" ({kept})"
        name = texts.name(line.activity_id, "")
        items.append((f"{name}: {texts.applies_to(line.activity_id, line.applies_to)}", decision))
    restrictions = [
        r
        for r in s.scalars(select(Restriction).where(Restriction.case_id == case.id))
        if r.lifted_on is None and (r.activity_id is None or r.activity_id in received_by)
    ]
    items += _restriction_items(s, restrictions, words)
    return concerning, changes, tuple(items)


@dataclass(frozen=True)
class _LetterContext:
    """What every letter builder starts from: the case, its letter so far and the wording."""

    s: Session
    case: Case
    base: docs.LetterData
    words: Wording
    today: dt.date
    recipients: tuple[docs.RecipientLine, ...]  # named only where asked for
    recipient_id: int | None


_Built = tuple[docs.LetterData, RecipientNotice | None]


def _rectification_confirmation(c: _LetterContext) -> _Built:
    items = _rectified_items(c.s, c.case, c.words)
    if not items:
        raise RuleViolation(f"Nothing has been corrected on case {c.case.reference} yet.")
    return replace(c.base, items=items, recipients=c.recipients), None


def _restrictions_in_force(c: _LetterContext, *, of_case: bool) -> list[Restriction]:
    """The restrictions not lifted: those of the case, or all the person's."""
    stmt = select(Restriction).where(Restriction.lifted_on.is_(None))
    if of_case:
        stmt = stmt.where(Restriction.case_id == c.case.id)
    else:
        stmt = stmt.where(Restriction.subject_id == c.case.subject.id)
    restrictions = list(c.s.scalars(stmt.order_by(Restriction.id)))
    if not restrictions:
        raise RuleViolation(f"No restriction in force for case {c.case.reference}.")
    return restrictions


def _restriction_letter(
    c: _LetterContext, restrictions: Sequence[Restriction], effective: dt.date
) -> _Built:
    return (
        replace(
            c.base,
            items=_restriction_items(c.s, restrictions, c.words),
            effective=effective,
            recipients=c.recipients,
        ),
        None,
    )


def _restriction_confirmation(c: _LetterContext) -> _Built:
    restrictions = _restrictions_in_force(c, of_case=True)
    return _restriction_letter(c, restrictions, min(r.since for r in restrictions))


def _restriction_lift_notice(c: _LetterContext) -> _Built:
    restrictions = _restrictions_in_force(c, of_case=False)
    planned = [r.until for r in restrictions if r.until is not None]
    effective = max(c.today, min(planned)) if planned else c.today
    return _restriction_letter(c, restrictions, effective)


def _objection_confirmation(c: _LetterContext) -> _Built:
    objections = [
        o
        for o in c.s.scalars(
            select(Objection).where(Objection.case_id == c.case.id).order_by(Objection.id)
        )
        if o.stopped_on is not None
    ]
    if not objections:
        raise RuleViolation(f"No processing has been stopped on case {c.case.reference}.")
    stopped: list[tuple[str, str]] = []
    for o in objections:
        assert o.stopped_on is not None
        name = _RegisterTexts(c.s, c.words.language).name(o.activity_id, "")
        stopped.append((c.words.text("rights.activity"), name))
        stopped.append((c.words.text("rights.stopped"), c.words.date(o.stopped_on)))
    return (
        replace(
            c.base,
            items=tuple(stopped),
            effective=max(o.stopped_on for o in objections if o.stopped_on),
            requested_types=(RequestType.OBJECTION.value,),
        ),
        None,
    )


def _recipient_notice(c: _LetterContext) -> _Built:
    if c.recipient_id is None:
        raise InvalidInput("Choose the recipient the notice is for.")
    notice = next((n for n in notices_of(c.s, c.case) if n.recipient_id == c.recipient_id), None)
    if notice is None:
        raise RuleViolation(f"Recipient {c.recipient_id} has no notice on case {c.case.reference}.")
    concerning, changes, items = _notice_content(c.s, c.case, notice, c.words)
    recipient: Recipient = notice.recipient
    return (
        replace(
            c.base,
            addressee=docs.Addressee(recipient.name, recipient.contact),
            concerning=concerning,
            requested_types=changes,
            items=items,
        ),
        notice,
    )


# One builder per letter kind (the erasure confirmation is written by apply_erasure).
_BUILDERS: dict[str, Callable[[_LetterContext], _Built]] = {
    "rectification-confirmation": _rectification_confirmation,
    "restriction-confirmation": _restriction_confirmation,
    "restriction-lift-notice": _restriction_lift_notice,
    "objection-confirmation": _objection_confirmation,
    "recipient-notice": _recipient_notice,
}


def _letter_data(
    s: Session,
    case: Case,
    kind: str,
    lang: str,
    controller: docs.Controller,
    recipient_id: int | None,
    name_recipients: bool,
) -> _Built:
    if kind == "erasure-confirmation":
        raise RuleViolation(
            "The erasure confirmation is written when the erasure is applied (it gives the "
            "date the last backup holding the data expires): use Apply erasure."
        )
    words = wording(lang)
    today = clock.today_oslo()
    subject = case.subject
    require_not_erased(subject)
    base = _base_letter(case, kind, controller, _person(subject), lang, today)
    recipients = _recipient_lines(s, case, lang) if name_recipients else ()
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise InvalidInput(
            f"Unknown letter {kind!r}; use one of: {', '.join(docs.RIGHTS_LETTER_KINDS)}."
        )
    return builder(_LetterContext(s, case, base, words, today, recipients, recipient_id))


def store_rights_letter(
    db: Database,
    reference: str,
    kind: str,
    lang: str,
    recipient_id: int | None = None,
    *,
    name_recipients: bool = False,
) -> StoredLetter:
    """Write a rights letter as PDF and keep it with the case (SHA-256 in the timeline)."""
    if lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {lang!r}; use nb or en.")
    controller = register.letter_controller(db)
    with db.session() as s:
        case = get_case(s, reference)
        data, notice = _letter_data(s, case, kind, lang, controller, recipient_id, name_recipients)
        pdf = docs.render_letter(data)
        sha = hashlib.sha256(pdf).hexdigest()
        if notice is not None:
            filename = f"{case.reference}-{kind}-{notice.recipient.code}-{lang}.pdf"
        else:
            filename = f"{case.reference}-{kind}-{lang}.pdf"
        doc = Document(
            kind="letter",
            filename=filename,
            media_type="application/pdf",
            content=pdf,
            sha256=sha,
            created_at=clock.now_utc(),
            created_by=current_user(),
        )
        case.documents.append(doc)
        s.flush()
        if notice is not None:
            notice.document_id = doc.id
        add_event(case, "letter", f"{kind} ({lang}) stored as {filename}, SHA-256 {sha}")
        return StoredLetter(doc.id, filename, pdf)


def render_rights_letter(
    db: Database,
    reference: str,
    kind: str,
    lang: str,
    recipient_id: int | None = None,
    *,
    name_recipients: bool = False,
) -> tuple[str, bytes]:
    """The letter's file name and PDF; it is also kept with the case."""
    letter = store_rights_letter(
        db, reference, kind, lang, recipient_id, name_recipients=name_recipients
    )
    return letter.filename, letter.content


def _plain(template: str, values: Mapping[str, str]) -> str | None:
    """A template filled as plain text (for an e-mail); None where it refers to an empty
    value, as in the letters."""
    if any(name in values and not values[name] for name in placeholders(template)):
        return None
    text = template.format_map(values)
    return re.sub(r"</?b>|<br/>", "", text)


def notice_email_text(db: Database, notice_id: int, lang: str) -> str:
    """The notice to a recipient as a plain e-mail to copy: subject line, then the text."""
    if lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {lang!r}; use nb or en.")
    controller = register.letter_controller(db)
    words = wording(lang)
    with db.session() as s:
        notice, case = get_notice(s, notice_id)
        concerning, changes, items = _notice_content(s, case, notice, words)
        values = {
            "reference": case.reference,
            "concerning": concerning,
            "changes": words.join(words.text(f"rights.changes.{c}") for c in changes),
            "legal_name": controller.legal_name,
        }
        subject_line = _plain(words.text("letters.recipient-notice.email_subject"), values)
        lines = [f"{subject_line}", "", words.text("letters.recipient-notice.email_greeting"), ""]
        for template in words.raw("letters.recipient-notice.body"):
            paragraph = _plain(template, values)
            if paragraph:
                lines += [paragraph, ""]
        if items:
            lines.append(words.text("letters.recipient-notice.items_heading") + ":")
            lines += [f"- {label}: {value}" for label, value in items]
            lines.append("")
        lines.append(words.text("common.closing"))
        if controller.officer_name:
            lines.append(controller.officer_name)
        lines.append(_plain(words.text("letters.recipient-notice.email_signature"), values) or "")
        return "\n".join(lines).rstrip() + "\n"
