"""Use cases of the case log: log a request, find subjects, list and change cases.

Each public function is one unit of work in one short session, and returns plain data.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from app.core import clock, deadlines, paging
from app.core.clock import OSLO as OSLO

# today_oslo is the clock's; re-exported because the GUI and the CLI read it from here.
from app.core.clock import today_oslo as today_oslo
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.messages import Message
from app.core.model import (
    Channel,
    FeeDecision,
    IdentityResult,
    RequestType,
    Role,
    Status,
    types_from_text,
    types_to_text,
)
from app.core.text import sort_key
from app.intake.contact import normalise_email, normalise_phone, validate_name
from app.services import common
from app.services.common import (
    add_event,
    limited_text,
    next_reference,
    reindex_subject,
)
from app.services.dto import (
    CaseDetail,
    CaseQuery,
    CaseRow,
    CaseStats,
    DocumentView,
    EmailEvidence,
    EmailView,
    EventView,
    IntakeCheck,
    LoggedRequest,
    OpenCaseBrief,
    RequestInput,
    SubjectMatch,
)
from app.services.workflow import require_open
from app.store import fts
from app.store.database import Database, current_user
from app.store.lists import lists
from app.store.models import (
    Case,
    CaseEmail,
    Document,
    Subject,
    SubjectEmail,
    SubjectPhone,
)

log = logging.getLogger(__name__)

# The day the GDPR applied: no request is received before it.
GDPR_APPLIED = dt.date(2018, 5, 25)

# --- validation -------------------------------------------------------------------------------


def normalise_request(inp: RequestInput) -> RequestInput:
    """Check and normalise everything typed or read; raises InvalidInput with one clear line."""
    if not inp.types:
        raise InvalidInput("request.no_types")
    types = tuple(RequestType(t) for t in inp.types)
    name = validate_name(inp.name)
    email = normalise_email(inp.email).lower() if inp.email and inp.email.strip() else None
    phone = normalise_phone(inp.phone) if inp.phone and inp.phone.strip() else None
    customer_no = (inp.customer_no or "").strip() or None
    if customer_no and len(customer_no) > 64:
        raise InvalidInput("request.customer_no_too_long", limit=64)
    received_at = inp.received_at
    if received_at.tzinfo is None:
        raise InvalidInput("request.receipt_without_zone")
    if received_at > clock.now_utc() + dt.timedelta(minutes=5):
        raise InvalidInput("request.receipt_in_future")
    if received_at.astimezone(OSLO).date() < GDPR_APPLIED:
        raise InvalidInput("request.receipt_before_gdpr", applied=GDPR_APPLIED)
    if inp.language not in ("nb", "en"):
        raise InvalidInput("request.unknown_language", language=inp.language)
    if inp.fee_decision == FeeDecision.FEE and not (inp.fee_amount and inp.fee_amount > 0):
        raise InvalidInput("request.fee_needs_amount")
    if inp.fee_decision == FeeDecision.FEE and not (inp.refusal_reason or "").strip():
        raise InvalidInput("request.fee_needs_reason")
    if inp.fee_decision == FeeDecision.REFUSE and not (inp.refusal_reason or "").strip():
        raise InvalidInput("workflow.refusal_needs_reason")
    return replace(
        inp,
        types=types,
        name=name,
        email=email,
        phone=phone,
        customer_no=customer_no,
        address=limited_text(inp.address, "postal address lines"),
        notes=limited_text(inp.notes, "notes"),
        identity_notes=limited_text(inp.identity_notes, "identity notes"),
        refusal_reason=(inp.refusal_reason or "").strip() or None,
    )


# --- subjects -------------------------------------------------------------------------------


def _subject_match(subject: Subject, matched_on: Iterable[str]) -> SubjectMatch:
    return SubjectMatch(
        subject_id=subject.id,
        pseudonym=subject.pseudonym,
        name=subject.name,
        emails=tuple(e.address for e in subject.emails),
        phones=tuple(p.e164 for p in subject.phones),
        customer_no=subject.customer_no,
        matched_on=tuple(matched_on),
    )


def _find_matches(
    s: Session,
    name: str | None,
    email: str | None,
    phone: str | None,
    customer_no: str | None,
    *,
    exact_only: bool = False,
) -> list[tuple[Subject, list[str]]]:
    found: dict[int, tuple[Subject, list[str]]] = {}

    def add(rows: Iterable[Subject], why: str) -> None:
        for subj in rows:
            if subj.erased_at is not None:
                continue
            found.setdefault(subj.id, (subj, []))[1].append(why)

    base = select(Subject).options(selectinload(Subject.emails), selectinload(Subject.phones))
    if customer_no:
        add(s.scalars(base.where(Subject.customer_no == customer_no)), "customer number")
    if email:
        add(
            s.scalars(base.join(SubjectEmail).where(SubjectEmail.address == email.lower())),
            "e-mail",
        )
    if phone:
        add(s.scalars(base.join(SubjectPhone).where(SubjectPhone.e164 == phone)), "phone")
    if name and not exact_only:
        add(
            s.scalars(base.where(func.lower(Subject.name) == name.lower()).limit(20)),
            "name",
        )
    order = {"customer number": 0, "e-mail": 1, "phone": 2, "name": 3}
    return sorted(found.values(), key=lambda t: (min(order[w] for w in t[1]), t[0].id))


def _new_pseudonym(subject_id: int) -> str:
    return f"S-{subject_id:06d}"


def _create_subject(s: Session, inp: RequestInput) -> Subject:
    subj = Subject(
        pseudonym=f"tmp-{id(inp)}",
        name=inp.name,
        sort_name=sort_key(inp.name),
        postal_address=inp.address,
        roles=",".join(r.value for r in inp.roles),
        customer_no=inp.customer_no,
        created_at=clock.now_utc(),
    )
    if inp.email:
        subj.emails.append(SubjectEmail(address=inp.email.lower()))
    if inp.phone:
        subj.phones.append(SubjectPhone(e164=inp.phone))
    s.add(subj)
    s.flush()
    subj.pseudonym = _new_pseudonym(subj.id)
    return subj


def _complete_subject(subj: Subject, inp: RequestInput) -> None:
    """Add what the request told us that the subject record does not have yet."""
    if inp.email and inp.email.lower() not in {e.address for e in subj.emails}:
        subj.emails.append(SubjectEmail(address=inp.email.lower()))
    if inp.phone and inp.phone not in {p.e164 for p in subj.phones}:
        subj.phones.append(SubjectPhone(e164=inp.phone))
    if inp.address and not subj.postal_address:
        subj.postal_address = inp.address
    if inp.customer_no and not subj.customer_no:
        subj.customer_no = inp.customer_no
    if inp.roles:
        roles = set(filter(None, subj.roles.split(","))) | {r.value for r in inp.roles}
        subj.roles = ",".join(r.value for r in Role if r.value in roles)


def _open_cases_of(s: Session, subject_id: int) -> list[Case]:
    return list(
        s.scalars(
            select(Case)
            .where(Case.subject_id == subject_id, Case.is_open.is_(True))
            .order_by(Case.received_at)
        )
    )


def _brief(c: Case) -> OpenCaseBrief:
    return OpenCaseBrief(
        reference=c.reference,
        types=types_from_text(c.types),
        received=c.received_date,
        due=c.due_date,
        status=c.status,
    )


def _recent_free_statement(s: Session, subject_id: int, received: dt.date) -> dt.date | None:
    """The date of a free answer to an access request within the 12 months before."""
    since = received - relativedelta(months=12)
    return s.scalar(
        select(func.max(Case.answered_on)).where(
            Case.subject_id == subject_id,
            lists(Case.types, RequestType.ACCESS),
            Case.answered_on.is_not(None),
            Case.answered_on >= since,
            or_(Case.fee_decision.is_(None), Case.fee_decision == FeeDecision.FREE),
        )
    )


def check_request(db: Database, inp: RequestInput) -> IntakeCheck:
    """Everything the officer must see before saving: candidate subjects, open cases of the
    same type, and whether the once-a-year rule applies."""
    inp = normalise_request(inp)
    received = deadlines.receipt_date(inp.received_at)
    with db.session() as s:
        matches = _find_matches(s, inp.name, inp.email, inp.phone, inp.customer_no)
        subject_id = inp.subject_id
        if subject_id is None and not inp.new_subject:
            exact = [m for m in matches if set(m[1]) - {"name"}]
            subject_id = exact[0][0].id if exact else None
        duplicates: list[OpenCaseBrief] = []
        recent = None
        if subject_id is not None and not inp.new_subject:
            wanted = set(inp.types)
            duplicates = [
                _brief(c)
                for c in _open_cases_of(s, subject_id)
                if wanted & set(types_from_text(c.types))
            ]
            if RequestType.ACCESS in inp.types:
                recent = _recent_free_statement(s, subject_id, received)
        return IntakeCheck(
            matches=tuple(_subject_match(subj, why) for subj, why in matches),
            duplicates=tuple(duplicates),
            recent_free_statement=recent,
            needs_fee_decision=recent is not None,
        )


def _keep_email(s: Session, case: Case, ev: EmailEvidence) -> None:
    """The original file as evidence (bytes and SHA-256), and what was read from it."""
    doc = Document(
        kind="email",
        filename=ev.filename,
        media_type=ev.media_type,
        content=ev.raw,
        sha256=ev.sha256,
        created_at=clock.now_utc(),
        created_by=current_user(),
    )
    case.documents.append(doc)
    s.flush()
    s.add(
        CaseEmail(
            case_id=case.id,
            document_id=doc.id,
            sender_name=ev.sender_name,
            sender_email=ev.sender_email,
            reply_to=ev.reply_to,
            forwarded_by=ev.forwarded_by,
            subject_line=ev.subject_line,
            body_text=ev.body_text,
            received_source=ev.received_source,
            attachment_names="\n".join(ev.attachment_names),
            message_id=ev.message_id,
        )
    )
    add_event(case, "evidence", f"original e-mail {ev.filename} kept, SHA-256 {ev.sha256}")


def log_request(db: Database, inp: RequestInput) -> LoggedRequest:
    """Save a request as a new case (and a new or linked subject), in one transaction."""
    inp = normalise_request(inp)
    received_utc = clock.in_utc(inp.received_at)
    received = deadlines.receipt_date(inp.received_at)
    with db.session() as s:
        linked_on: tuple[str, ...] = ()
        created = False
        if inp.subject_id is not None:
            subj = s.get(Subject, inp.subject_id)
            if subj is None or subj.erased_at is not None:
                raise NotFound("request.no_such_subject", subject_id=inp.subject_id)
            _complete_subject(subj, inp)
        elif inp.new_subject:
            subj = _create_subject(s, inp)
            created = True
        else:
            exact = _find_matches(s, None, inp.email, inp.phone, inp.customer_no, exact_only=True)
            if exact:
                subj, why = exact[0]
                linked_on = tuple(why)
                _complete_subject(subj, inp)
            else:
                subj = _create_subject(s, inp)
                created = True
        reindex_subject(s, subj)

        if RequestType.ACCESS in inp.types and inp.fee_decision is None and not created:
            recent = _recent_free_statement(s, subj.id, received)
            if recent is not None:
                raise RuleViolation("request.recent_free_statement", on=recent)

        now = clock.now_utc()
        case = Case(
            reference=next_reference(s, received.year),
            subject=subj,
            types=types_to_text(inp.types),
            channel=Channel(inp.channel),
            language=inp.language,
            received_at=received_utc,
            received_date=received,
            due_date=deadlines.due_date(received),
            status=Status.NEW,
            is_open=True,
            call_notes=inp.notes,
            contact_email=inp.email,
            contact_phone=inp.phone,
            identity_method=inp.identity_method,
            identity_result=inp.identity_result,
            identity_notes=inp.identity_notes or None,
            fee_decision=inp.fee_decision,
            fee_amount=inp.fee_amount if inp.fee_decision == FeeDecision.FEE else None,
            fee_reason=inp.refusal_reason if inp.fee_decision == FeeDecision.FEE else None,
            refusal_reason=inp.refusal_reason if inp.fee_decision == FeeDecision.REFUSE else None,
            created_at=now,
            created_by=current_user(),
        )
        if inp.identity_result == IdentityResult.VERIFIED:
            case.identity_verified_on = received
        s.add(case)
        add_event(
            case,
            "received",
            f"{Channel(inp.channel).value} request: {', '.join(t.value for t in inp.types)}",
        )
        if inp.identity_method:
            add_event(
                case, "identity", f"{inp.identity_method}: {inp.identity_result or 'pending'}"
            )
        if inp.fee_decision is not None:
            detail = inp.fee_decision.value
            if inp.fee_decision == FeeDecision.FEE:
                detail += f" ({inp.fee_amount} kr)"
            if inp.refusal_reason:
                detail += f"\n{inp.refusal_reason}"
            add_event(case, "once-a-year decision", detail)
            if inp.fee_decision == FeeDecision.REFUSE:
                case.status = Status.REFUSED
                case.is_open = False
                add_event(case, "status", Status.REFUSED.value)
        if inp.email_evidence is not None:
            case.forwarded_by = inp.email_evidence.forwarded_by
            _keep_email(s, case, inp.email_evidence)
        if subj.last_contact is None or subj.last_contact < received:
            subj.last_contact = received
        s.flush()
        # References and pseudonyms only: the log never holds personal data.
        log.info(
            "case %s logged (%s, %s) for %s",
            case.reference,
            case.channel,
            case.types,
            subj.pseudonym,
        )
        return LoggedRequest(
            reference=case.reference,
            subject_id=subj.id,
            subject_created=created,
            linked_on=linked_on,
            due=case.due_date,
        )


def add_request_to_case(db: Database, reference: str, inp: RequestInput) -> None:
    """A further request from the same person, recorded on an open case instead of a new one:
    the types are merged, what the person told us is added to their record, and an e-mail
    is kept as evidence like any other."""
    inp = normalise_request(inp)
    with db.session() as s:
        case = common.get_case(s, reference)
        if not case.is_open:
            raise RuleViolation(
                "request.case_not_open", reference=reference, status=Status(case.status)
            )
        types = set(types_from_text(case.types)) | set(inp.types)
        case.types = types_to_text(types)
        _complete_subject(case.subject, inp)
        reindex_subject(s, case.subject)
        when = inp.received_at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M")
        detail = f"further {Channel(inp.channel).value} request received {when}: " + ", ".join(
            t.value for t in inp.types
        )
        if inp.notes:
            detail += f"\n{inp.notes}"
        add_event(case, "further request", detail)
        if inp.email_evidence is not None:
            _keep_email(s, case, inp.email_evidence)


# --- reading cases ----------------------------------------------------------------------------


def get_case(db: Database, reference: str) -> CaseDetail:
    with db.session() as s:
        case = common.get_case(s, reference)
        email_row = s.scalar(select(CaseEmail).where(CaseEmail.case_id == case.id))
        email = None
        if email_row is not None:
            email = EmailView(
                sender_name=email_row.sender_name,
                sender_email=email_row.sender_email,
                reply_to=email_row.reply_to,
                forwarded_by=email_row.forwarded_by,
                subject_line=email_row.subject_line,
                body_text=email_row.body_text,
                received_source=email_row.received_source,
                attachment_names=tuple(filter(None, email_row.attachment_names.split("\n"))),
            )
        explanation = deadlines.explain_due_date(
            case.received_date, extended=case.extended, lang="en"
        )
        adjusted = deadlines.adjusted_due_date(
            case.received_date,
            extended=case.extended,
            identity_requested=case.identity_requested_on,
            identity_received=case.identity_received_on,
            today=clock.today_oslo(),
        )
        return CaseDetail(
            id=case.id,
            reference=case.reference,
            subject_id=case.subject_id,
            subject_name=case.subject.name,
            subject_pseudonym=case.subject.pseudonym,
            types=types_from_text(case.types),
            channel=case.channel,
            language=case.language,
            received_at=case.received_at,
            received=case.received_date,
            due=case.due_date,
            due_explanation=explanation.text,
            adjusted_due=adjusted,
            status=case.status,
            is_open=case.is_open,
            extended=case.extended,
            extension_decided_on=case.extension_decided_on,
            extension_reason=case.extension_reason,
            extension_told_on=case.extension_told_on,
            identity_method=case.identity_method,
            identity_result=case.identity_result,
            identity_notes=case.identity_notes,
            identity_verified_on=case.identity_verified_on,
            identity_requested_on=case.identity_requested_on,
            identity_received_on=case.identity_received_on,
            fee_decision=case.fee_decision,
            fee_amount=case.fee_amount,
            fee_reason=case.fee_reason,
            refusal_reason=case.refusal_reason,
            answered_on=case.answered_on,
            answer_method=case.answer_method,
            closed_on=case.closed_on,
            call_notes=case.call_notes,
            contact_email=case.contact_email,
            contact_phone=case.contact_phone,
            forwarded_by=case.forwarded_by,
            created_by=case.created_by,
            events=tuple(
                EventView(at=e.at, user=e.user, kind=e.kind, detail=e.detail, params=e.params)
                for e in case.events
            ),
            documents=tuple(
                DocumentView(
                    id=d.id,
                    kind=d.kind,
                    filename=d.filename,
                    media_type=d.media_type,
                    sha256=d.sha256,
                    size=len(d.content),
                    created_at=d.created_at,
                    sent_on=d.sent_on,
                    sent_method=d.sent_method,
                )
                for d in case.documents
            ),
            email=email,
        )


def document_content(db: Database, document_id: int) -> tuple[str, bytes]:
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound("request.no_such_document", document_id=document_id)
        return doc.filename, doc.content


_SORT_COLUMNS = {
    "reference": (Case.received_date, Case.reference),
    "subject": (Subject.sort_name, Subject.id, Case.id),
    "types": (Case.types, Case.id),
    "channel": (Case.channel, Case.id),
    "received": (Case.received_at, Case.id),
    "due": (Case.due_date, Case.id),
    "status": (Case.status, Case.due_date, Case.id),
}


_SelectT = TypeVar("_SelectT", bound=Select)


# A search matching at most this many people finds their cases through the subject_id index;
# more, and the list is read in its own order with the words as a filter (the first page of a
# common name is found long before the index ends).
FEW_PEOPLE = 2000


def _people_matching(s: Session, words: str) -> list[int] | None:
    """The ids of the people whose search-index row matches the words, when at most
    FEW_PEOPLE do; None when more do (or the words make no match expression)."""
    match = fts.match_expression(words)
    if not match:
        return []
    estimate = fts.estimated_matches(s.connection(), words)
    if estimate is not None and estimate > FEW_PEOPLE:
        return None  # a common name: not worth reading them all to find that out
    ids = list(
        s.scalars(
            text("SELECT rowid FROM subject_fts WHERE subject_fts MATCH :m LIMIT :n"),
            {"m": match, "n": FEW_PEOPLE + 1},
        )
    )
    return None if len(ids) > FEW_PEOPLE else ids


def _reference_prefix(words: str) -> ColumnElement[bool]:
    """References starting with what was typed, as a range of the unique index."""
    return and_(Case.reference >= words, Case.reference < words + "\uffff")


def _reference_starts(words: str) -> ColumnElement[bool]:
    """The same test, kept off the index: OR-ed with the people it lets SQLite walk the
    list's own order (an indexed OR would collect and sort every match first)."""
    return func.substr(Case.reference, 1, len(words)) == words


def _people_sql(words: str) -> Any:
    match = fts.match_expression(words) or ""
    return (
        select(text("rowid"))
        .select_from(text("subject_fts"))
        .where(text("subject_fts MATCH :m").bindparams(m=match))
    )


def case_filter(
    stmt: _SelectT, q: CaseQuery, today: dt.date, people: list[int] | None = None
) -> _SelectT:
    """The query's filters as SQL. `people` is `_people_matching(q.text)` when the caller
    looked them up (then the text becomes two index lookups), else the text is matched by
    the search index inside the query."""
    conds: list[ColumnElement[bool]] = []
    if q.statuses:
        conds.append(Case.status.in_(q.statuses))
    if q.open_only:
        conds.append(Case.is_open.is_(True))
    if q.type is not None:
        conds.append(lists(Case.types, RequestType(q.type)))
    if q.overdue_only:
        conds += [Case.is_open.is_(True), Case.due_date < today]
    if q.due_within_days is not None:
        conds += [
            Case.is_open.is_(True),
            Case.due_date <= today + dt.timedelta(days=q.due_within_days),
        ]
    if q.received_from is not None:
        conds.append(Case.received_date >= q.received_from)
    if q.received_to is not None:
        conds.append(Case.received_date <= q.received_to)
    if q.subject_id is not None:
        conds.append(Case.subject_id == q.subject_id)
    if q.text.strip():
        words = q.text.strip()
        if people is not None:  # few people: each term on its own index
            conds.append(
                Case.id.in_(
                    select(Case.id)
                    .where(Case.subject_id.in_(people))
                    .union(select(Case.id).where(_reference_prefix(words)))
                )
            )
        else:
            conds.append(or_(Case.subject_id.in_(_people_sql(words)), _reference_starts(words)))
    return stmt.where(and_(*conds)) if conds else stmt


def case_row(case: Case | Any, subject_name: str) -> CaseRow:
    """A line of the case list, from a case or a row of the same column names."""
    return CaseRow(
        id=case.id,
        reference=case.reference,
        subject=subject_name,
        subject_id=case.subject_id,
        types=types_from_text(case.types),
        channel=case.channel,
        received=case.received_date,
        due=case.due_date,
        status=case.status,
        is_open=case.is_open,
    )


_ROW_COLUMNS = (
    Case.id,
    Case.reference,
    Case.subject_id,
    Case.types,
    Case.channel,
    Case.received_date,
    Case.due_date,
    Case.status,
    Case.is_open,
    Subject.name,
)


def list_cases(
    db: Database,
    q: CaseQuery,
    *,
    offset: int = 0,
    limit: int = 200,
    today: dt.date | None = None,
    total: int | None = None,
) -> list[CaseRow]:
    """One page of the case list, in the query's order.

    `total` (the count_cases of the same query, as the paged list knows it) lets a page in
    the second half be read from the other end: the same rows in the reverse order, with a
    small offset, reversed back. Every order ends in a unique column, so both ends agree.
    The page's ids are chosen first (from an index, without the subject), then its rows read.
    """
    today = today or clock.today_oslo()
    cols = _SORT_COLUMNS.get(q.sort)
    if cols is None:
        raise InvalidInput("request.unknown_sort", column=q.sort)
    page = paging.window(offset, limit, total)
    if page is None:
        return []
    order = [c.desc() for c in cols] if q.descending != page.backwards else list(cols)
    with db.session() as s:
        people = _people_matching(s, q.text.strip()) if q.text.strip() else None
        page_ids = select(Case.id)
        if q.sort == "subject":
            page_ids = page_ids.join(Subject, Subject.id == Case.subject_id)
        page_ids = case_filter(page_ids, q, today, people).order_by(*order)
        stmt = (
            select(*_ROW_COLUMNS)
            .join(Subject, Subject.id == Case.subject_id)
            .where(Case.id.in_(page_ids.offset(page.offset).limit(page.limit)))
            .order_by(*order)
        )
        rows = [case_row(r, r.name) for r in s.execute(stmt)]
    if page.backwards:
        rows.reverse()
    return rows


def iter_cases(
    db: Database, q: CaseQuery, *, today: dt.date | None = None, batch: int = 2000
) -> Iterator[CaseRow]:
    """Every case the query lists, in its order, read as one statement a batch at a time
    (for the command line's whole list: no page offsets, no list of them all in memory).
    Read it to the end, or close it, to end its read transaction."""
    today = today or clock.today_oslo()
    cols = _SORT_COLUMNS.get(q.sort)
    if cols is None:
        raise InvalidInput("request.unknown_sort", column=q.sort)
    order = [c.desc() for c in cols] if q.descending else list(cols)
    with db.session() as s:
        people = _people_matching(s, q.text.strip()) if q.text.strip() else None
        stmt = select(*_ROW_COLUMNS).join(Subject, Subject.id == Case.subject_id)
        stmt = case_filter(stmt, q, today, people).order_by(*order)
        for r in s.execute(stmt, execution_options={"yield_per": batch}):
            yield case_row(r, r.name)


def count_cases(db: Database, q: CaseQuery, *, today: dt.date | None = None) -> int:
    """How many cases the query lists. Every case has its subject (a required foreign key),
    so the count needs no join. A search counts the cases of the matching people, plus those
    whose reference starts with the words and whose person does not match (two index
    lookups, where an OR would read every case)."""
    today = today or clock.today_oslo()
    words = q.text.strip()
    base = case_filter(select(func.count()).select_from(Case), replace(q, text=""), today)
    with db.session() as s:
        if not words:
            return s.scalar(base) or 0
        people = _people_matching(s, words)
        of_people = Case.subject_id.in_(people if people is not None else _people_sql(words))
        by_person = s.scalar(base.where(of_people)) or 0
        by_reference = s.scalar(base.where(_reference_prefix(words), ~of_people)) or 0
        return by_person + by_reference


def case_stats(db: Database, *, today: dt.date | None = None) -> CaseStats:
    today = today or clock.today_oslo()
    week = today + dt.timedelta(days=7)
    with db.session() as s:
        open_ = Case.is_open.is_(True)
        return CaseStats(
            open=s.scalar(select(func.count()).where(open_)) or 0,
            due_this_week=s.scalar(
                select(func.count()).where(open_, Case.due_date >= today, Case.due_date <= week)
            )
            or 0,
            overdue=s.scalar(select(func.count()).where(open_, Case.due_date < today)) or 0,
            awaiting_identity=s.scalar(
                select(func.count()).where(Case.status == Status.AWAITING_IDENTITY)
            )
            or 0,
        )


# --- actions on a case --------------------------------------------------------------------------


def add_note(db: Database, reference: str, note: str) -> None:
    note = limited_text(note, "notes")
    if not note:
        raise InvalidInput("request.note_empty")
    with db.session() as s:
        add_event(common.get_case(s, reference), "note", note)


def extend(
    db: Database,
    reference: str,
    *,
    reason: str,
    decided_on: dt.date | None = None,
    told_on: dt.date | None = None,
) -> dt.date:
    """Extend by two further months (Art. 12(3)); allowed up to and including the original
    due date, with reasons, and the person must be told within the first month."""
    reason = limited_text(reason, "reasons")
    if not reason:
        raise InvalidInput("workflow.extension_needs_reasons")
    decided_on = decided_on or clock.today_oslo()
    told_on = told_on or decided_on
    with db.session() as s:
        case = common.get_case(s, reference)
        require_open(case, Message("workflow.action_extend"))
        if case.extended:
            raise RuleViolation("workflow.already_extended", reference=reference, due=case.due_date)
        original = deadlines.due_date(case.received_date)
        if not deadlines.extension_allowed(case.received_date, decided_on):
            raise RuleViolation(
                "workflow.extension_too_late", original=original, decided_on=decided_on
            )
        if told_on > original:
            raise RuleViolation("workflow.extension_told_too_late", original=original)
        if told_on < case.received_date or decided_on < case.received_date:
            raise InvalidInput("workflow.extension_before_receipt")
        case.extended = True
        case.extension_decided_on = decided_on
        case.extension_reason = reason
        case.extension_told_on = told_on
        case.due_date = deadlines.due_date(case.received_date, extended=True)
        add_event(
            case,
            "extended",
            f"due {original.isoformat()} → {case.due_date.isoformat()}; person told "
            f"{told_on.isoformat()}\n{reason}",
        )
        return case.due_date


def record_identity(
    db: Database,
    reference: str,
    *,
    method: str,
    result: IdentityResult,
    notes: str = "",
    on: dt.date | None = None,
) -> None:
    """Record how identity was checked (the method and result; never a copy of an ID)."""
    method = method.strip()
    if not method:
        raise InvalidInput("workflow.identity_method_missing")
    notes = limited_text(notes, "notes")
    on = on or clock.today_oslo()
    result = IdentityResult(result)
    with db.session() as s:
        case = common.get_case(s, reference)
        case.identity_method = method
        case.identity_result = result
        case.identity_notes = notes or None
        case.identity_verified_on = on if result == IdentityResult.VERIFIED else None
        if (
            result == IdentityResult.VERIFIED
            and case.identity_requested_on
            and not (case.identity_received_on)
        ):
            case.identity_received_on = on
        if result == IdentityResult.VERIFIED and case.status in (
            Status.NEW,
            Status.AWAITING_IDENTITY,
        ):
            case.status = Status.IN_PROGRESS
        add_event(case, "identity", f"{method}: {result.value}" + (f"\n{notes}" if notes else ""))


def pause_for_identity(db: Database, reference: str, *, requested_on: dt.date) -> None:
    """Identification was asked for: the adjusted date runs from here (the strict one counts)."""
    with db.session() as s:
        case = common.get_case(s, reference)
        require_open(case, Message("workflow.action_ask_identification"))
        if requested_on < case.received_date:
            raise InvalidInput("workflow.identification_before_receipt")
        if case.identity_requested_on and not case.identity_received_on:
            raise RuleViolation("workflow.identification_pending")
        case.identity_requested_on = requested_on
        case.identity_received_on = None
        previous = case.status
        case.status = Status.AWAITING_IDENTITY
        add_event(
            case,
            "identity requested",
            f"asked on {requested_on.isoformat()}; {previous} → {case.status}",
        )


def resume_after_identity(db: Database, reference: str, *, received_on: dt.date) -> None:
    with db.session() as s:
        case = common.get_case(s, reference)
        if case.identity_requested_on is None or case.identity_received_on is not None:
            raise RuleViolation("workflow.not_waiting_for_identification")
        if received_on < case.identity_requested_on:
            raise InvalidInput("workflow.identification_before_asked")
        case.identity_received_on = received_on
        previous = case.status
        if case.status == Status.AWAITING_IDENTITY:
            case.status = Status.IN_PROGRESS
        add_event(
            case,
            "identity received",
            f"arrived {received_on.isoformat()}; {previous} → {case.status}",
        )
