"""Erasure (Art. 17): the matrix, applying it, and the data kept until their period ends."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock, retention
from app.core.backups import last_expiry
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import RequestType, Status
from app.core.retention import AfterEvent, RetentionRuleSpec, SubjectDates
from app.core.rights import Decision
from app.reports import documents as docs
from app.reports.wording import LANGUAGES
from app.services import backup, register
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import (
    active_activities,
    draw_up_notices_in,
    erasure_lines,
)
from app.services.rights.common import get_activity, system_names
from app.services.rights.letters import erasure_letter
from app.services.rights.restriction import restriction_ground
from app.services.rights.views import (
    ErasedItem,
    ErasureLineView,
    ErasureResult,
    KeptItem,
    KeptUntilItem,
)
from app.services.scrubbing import erase_subject
from app.services.workflow import (
    require_not_closed,
    require_type,
)
from app.store.database import Database, current_user
from app.store.models import (
    ActivityRetention,
    Case,
    Document,
    ErasureLine,
    ProcessingActivity,
    Restriction,
    Subject,
)


def _spec(rule: ActivityRetention) -> RetentionRuleSpec:
    r = rule.rule
    return RetentionRuleSpec(
        period_years=r.period_years,
        period_months=r.period_months,
        after_event=r.after_event,
        legal_reference=r.legal_reference,
        description=r.description,
    )


def _is_legal_obligation(spec: RetentionRuleSpec) -> bool:
    return retention.is_bookkeeping_rule(spec) or spec.after_event in (
        AfterEvent.FINANCIAL_YEAR_END,
        AfterEvent.BY_LAW,
    )


def _default_lines(s: Session, case: Case) -> list[ErasureLine]:
    """Erase now, unless a legal obligation (bookkeeping, a law) keeps the data: then keep
    under Art. 17(3)(b) until the earliest deletion date counted from the person's dates."""
    subject = case.subject
    dates = SubjectDates(last_purchase=subject.last_purchase, last_contact=subject.last_contact)
    today = clock.today_oslo()
    lines: list[ErasureLine] = []
    for activity in active_activities(s):
        for kept in activity.retention:
            if kept.rule.retired_at is not None:
                continue
            spec = _spec(kept)
            until = retention.earliest_deletion(spec, dates)
            line = ErasureLine(
                case_id=case.id,
                activity_id=activity.id,
                applies_to=kept.applies_to,
                decision=Decision.ERASE,
                is_default=True,
            )
            # A period that has already run out keeps nothing.
            if _is_legal_obligation(spec) and (until is None or until > today):
                line.decision = Decision.KEEP
                law = spec.legal_reference or spec.description
                line.ground = f"Art. 17(3)(b) legal obligation: {law}"
                line.until = until
            lines.append(line)
    s.add_all(lines)
    return lines


def draw_up_matrix_in(s: Session, case: Case) -> list[ErasureLine]:
    """The default matrix from the register, where the case has none yet (and is not closed,
    its person not erased); returns the matrix."""
    lines = erasure_lines(s, case)
    if not lines and case.status != Status.CLOSED and case.subject.erased_at is None:
        lines = _default_lines(s, case)
        s.flush()
        if lines:
            add_event(
                case,
                "erasure matrix",
                f"{len(lines)} default lines from the register",
                count=len(lines),
            )
    return lines


def _line_view(line: ErasureLine, activity: ProcessingActivity) -> ErasureLineView:
    return ErasureLineView(
        id=line.id,
        activity_id=activity.id,
        activity=activity.name,
        applies_to=line.applies_to,
        systems=system_names(activity),
        decision=line.decision,
        ground=line.ground,
        until=line.until,
        reason=line.reason,
        is_default=line.is_default,
        applied_on=line.applied_on,
    )


def _line_views(s: Session, lines: Sequence[ErasureLine]) -> list[ErasureLineView]:
    return [_line_view(ln, get_activity(s, ln.activity_id)) for ln in lines]


def erasure_matrix(db: Database, reference: str) -> list[ErasureLineView]:
    """The erasure matrix of an erasure case as it stands (a read: empty until drawn up)."""
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "show an erasure matrix")
        return _line_views(s, erasure_lines(s, case))


def draw_up_erasure_matrix(db: Database, reference: str) -> list[ErasureLineView]:
    """Draw up the erasure matrix of an erasure case from the register, and the notices to
    recipients it makes due; nothing new where they exist. Returns the matrix."""
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "draw up an erasure matrix")
        lines = draw_up_matrix_in(s, case)
        draw_up_notices_in(s, case)
        return _line_views(s, lines)


def set_erasure_line(
    db: Database,
    line_id: int,
    decision: str,
    until: dt.date | None = None,
    ground: str = "",
    reason: str = "",
) -> ErasureLineView:
    """Change a line of the matrix. A default line changes only with a reason; keeping needs
    an Art. 17(3) ground, restricting an Art. 18(1) ground (a-d)."""
    try:
        new_decision = Decision(decision)
    except ValueError:
        raise InvalidInput("erasure.unknown_decision", value=decision) from None
    ground = limited_text(ground, "ground")
    reason = limited_text(reason, "reason")
    if new_decision is Decision.ERASE:
        ground, until = "", None
    elif new_decision is Decision.KEEP:
        if not ground:
            raise InvalidInput("erasure.keep_needs_ground")
        if until is not None and until <= clock.today_oslo():
            raise InvalidInput("erasure.kept_until_passed", until=until)
    else:
        letter = restriction_ground(ground)
        if letter is None:
            raise InvalidInput("erasure.restrict_needs_ground")
        ground = f"Art. 18(1)({letter})"
    with db.session() as s:
        line = s.get(ErasureLine, line_id)
        if line is None:
            raise NotFound("erasure.no_such_line", line_id=line_id)
        case = s.get_one(Case, line.case_id)
        require_not_closed(case, "change the erasure matrix")
        if line.applied_on is not None:
            raise RuleViolation("erasure.line_final", on=line.applied_on)
        old = (line.decision, line.ground, line.until)
        new = (new_decision, ground, until)
        activity = get_activity(s, line.activity_id)
        if old != new:
            if line.is_default and not reason:
                raise InvalidInput("erasure.default_needs_reason")
            line.decision, line.ground, line.until = new
            line.is_default = False
            if reason:
                line.reason = reason
            shown = new_decision.value + (f" until {until.isoformat()}" if until else "")
            add_event(
                case,
                "erasure matrix",
                f"{activity.name} / {line.applies_to}: {old[0]} → {shown}",
                form="line_until" if until else "line",
                activity=activity.name,
                applies_to=line.applies_to,
                old=Decision(old[0]),
                new=new_decision,
                until=until,
            )
        elif reason:
            line.reason = reason
        s.flush()
        draw_up_notices_in(s, case)  # a line now erased or restricted has recipients to tell
        return _line_view(line, activity)


def last_backup_expiry(db: Database, erased_at: dt.datetime) -> dt.date | None:
    """When the last backup that still holds data erased at `erased_at` expires under the
    rotation (None: no backup was taken before it)."""
    erased_at = clock.in_utc(erased_at)
    return last_expiry((b.taken_at for b in backup.list_backups(db.database_id)), erased_at)


def _planned(
    s: Session, lines: Sequence[ErasureLine]
) -> tuple[tuple[ErasedItem, ...], tuple[KeptItem, ...]]:
    erased: list[ErasedItem] = []
    kept: list[KeptItem] = []
    for line in lines:
        activity = get_activity(s, line.activity_id)
        systems = system_names(activity)
        if line.decision == Decision.ERASE:
            erased.append(ErasedItem(activity.name, line.applies_to, systems, activity.id))
        else:
            kept.append(
                KeptItem(
                    line_id=line.id,
                    activity=activity.name,
                    applies_to=line.applies_to,
                    systems=systems,
                    decision=line.decision,
                    ground=line.ground,
                    until=line.until,
                    activity_id=activity.id,
                )
            )
    return tuple(erased), tuple(kept)


def _workbench_plan(subject: Subject) -> tuple[str, ...]:
    return (
        f"name (to be replaced by the pseudonym {subject.pseudonym}), postal address, "
        "e-mail addresses, phone numbers, customer and supplier numbers",
        "contact details and call notes of every case of the person",
        "stored e-mails and letters (content; the SHA-256 stays), imported e-mail text",
        "timeline details that may hold personal data, recorded corrections, finding notes",
        "the search index entry",
    )


def apply_erasure(
    db: Database,
    reference: str,
    dry_run: bool = False,
    *,
    letter_lang: str | None = None,
    name_recipients: bool = False,
) -> ErasureResult:
    """Carry out the erasure matrix: erase the workbench's own data about the person, note what
    is kept where until when, and write the confirmation letter (returned, not kept: only its
    SHA-256 stays with the case). A dry run says what would happen and changes nothing but
    the default matrix."""
    if letter_lang is not None and letter_lang not in LANGUAGES:
        raise InvalidInput("erasure.unknown_language", value=letter_lang)
    controller = None if dry_run else register.letter_controller(db)
    today = clock.today_oslo()
    with db.session() as s:
        case = get_case(s, reference)
        require_type(case, RequestType.ERASURE, "apply an erasure")
        require_not_closed(case, "apply an erasure")
        subject = case.subject
        if subject.erased_at is not None:
            raise RuleViolation(
                "erasure.already_applied", pseudonym=subject.pseudonym, on=subject.erased_at.date()
            )
        created = not erasure_lines(s, case)
        lines = draw_up_matrix_in(s, case)
        erased, kept = _planned(s, lines)
        if dry_run:
            if created:
                s.rollback()  # a dry run leaves the database as it was
            return ErasureResult(
                reference=case.reference,
                pseudonym=subject.pseudonym,
                dry_run=True,
                applied_on=today,
                erased_at=None,
                erased=erased,
                kept=kept,
                workbench=_workbench_plan(subject),
                backup_expiry=last_backup_expiry(db, clock.now_utc()),
            )

        now = clock.now_utc()
        expiry = last_backup_expiry(db, now)
        assert controller is not None
        lang = letter_lang or case.language
        letter_data = erasure_letter(
            s, case, controller, lang, erased, kept, expiry, today, name_recipients
        )
        pdf = docs.render_letter(letter_data)

        for line in lines:
            line.applied_on = today
            if line.decision == Decision.RESTRICT:
                letter_ground = restriction_ground(line.ground) or "b"
                s.add(
                    Restriction(
                        subject_id=subject.id,
                        activity_id=line.activity_id,
                        case_id=case.id,
                        ground=letter_ground,
                        since=today,
                        until=line.until,
                    )
                )
        for item in kept:
            where = ", ".join(item.systems) or "the systems of the activity"
            until = (
                f"until {item.until.isoformat()}"
                if item.until
                else "for as long as the law requires"
            )
            how = "kept" if item.decision == Decision.KEEP else "restricted"
            add_event(
                case,
                "erasure kept",
                f"{item.applies_to} ({item.activity}): {how} in {where} {until}, "
                f"{item.ground}. The workbench itself holds none of these data.",
                form=f"{how}_{'until' if item.until else 'by_law'}"
                + ("" if item.systems else "_no_systems"),
                applies_to=item.applies_to,
                activity=item.activity,
                systems=", ".join(item.systems),
                until=item.until,
                ground=item.ground,
            )
        add_event(
            case,
            "erasure applied",
            f"{len(erased)} lines erased, {len(kept)} kept or restricted; the workbench's "
            f"own data about {subject.pseudonym} erased",
            erased=len(erased),
            kept=len(kept),
            pseudonym=subject.pseudonym,
        )
        workbench = erase_subject(s, subject, now)

        filename = f"{case.reference}-erasure-confirmation-{lang}.pdf"
        sha = hashlib.sha256(pdf).hexdigest()
        doc = Document(
            kind="letter",
            filename=filename,
            media_type="application/pdf",
            content=b"",  # it names the person: handed over for sending, not kept
            sha256=sha,
            created_at=now,
            created_by=current_user(),
        )
        case.documents.append(doc)
        add_event(
            case,
            "letter",
            f"erasure-confirmation ({lang}) written at erasure, SHA-256 {sha}; its content "
            "is not kept",
            form="erasure_confirmation",
            language=lang,
            sha256=sha,
        )
        s.flush()
        draw_up_notices_in(s, case)  # the recipients of what was erased (Art. 19)
        return ErasureResult(
            reference=case.reference,
            pseudonym=subject.pseudonym,
            dry_run=False,
            applied_on=today,
            erased_at=now,
            erased=erased,
            kept=kept,
            workbench=workbench,
            backup_expiry=expiry,
            letter_filename=filename,
            letter=pdf,
            letter_document_id=doc.id,
        )


def kept_until_items(db: Database, as_of: dt.date) -> list[KeptUntilItem]:
    """Data kept after an applied erasure whose date has come by `as_of`: for the retention
    sweep, to be erased in the named systems and then marked (`mark_kept_erased`)."""
    with db.session() as s:
        rows = s.execute(
            select(ErasureLine, Case.reference, Subject.pseudonym)
            .join(Case, Case.id == ErasureLine.case_id)
            .join(Subject, Subject.id == Case.subject_id)
            .where(
                ErasureLine.decision == Decision.KEEP,
                ErasureLine.applied_on.is_not(None),
                ErasureLine.until.is_not(None),
                ErasureLine.until <= as_of,
            )
            .order_by(ErasureLine.until, ErasureLine.id)
        ).all()
        out = []
        for line, ref, pseudonym in rows:
            activity = get_activity(s, line.activity_id)
            assert line.until is not None
            out.append(
                KeptUntilItem(
                    line_id=line.id,
                    reference=ref,
                    pseudonym=pseudonym,
                    activity=activity.name,
                    applies_to=line.applies_to,
                    systems=system_names(activity),
                    ground=line.ground,
                    until=line.until,
                )
            )
        return out


def mark_kept_erased(db: Database, line_id: int, on: dt.date, notes: str = "") -> None:
    """The kept data were erased in their systems when their period ran out."""
    notes = limited_text(notes, "notes")
    with db.session() as s:
        line = s.get(ErasureLine, line_id)
        if line is None:
            raise NotFound("erasure.no_such_line", line_id=line_id)
        if line.decision != Decision.KEEP or line.applied_on is None:
            raise RuleViolation("erasure.only_kept_marked")
        if on > clock.today_oslo():
            raise InvalidInput("erasure.erased_in_future")
        case = s.get_one(Case, line.case_id)
        kept = f"kept under {line.ground} until {line.until}; erased on {on.isoformat()}"
        line.reason = "\n".join(p for p in (line.reason, kept, notes) if p)
        line.decision = Decision.ERASE
        line.is_default = False
        line.applied_on = on
        activity = get_activity(s, line.activity_id)
        add_event(
            case,
            "kept data erased",
            f"{activity.name} / {line.applies_to}: {on.isoformat()}",
            activity=activity.name,
            applies_to=line.applies_to,
            on=on,
        )
