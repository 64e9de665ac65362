"""Right-to-be-informed statements (Art. 15) and the Art. 12 letters, from the register and
what the officer found: built as plain data, rendered to PDF, kept with the case.

A case statement is built from the search checklist: an activity is named when data of its
categories were found in one of its systems. The annual statements are built from the
register and the person's roles (plus what their latest access case found), and rendered in
worker processes: ReportLab is CPU-bound, and the officer's machine has more than one core.

Each public function opens short sessions and returns frozen data; rendering happens outside
any session. Events and file names carry case references and pseudonyms, never names.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock, retention
from app.core.deadlines import due_date
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import AnswerMethod, RequestType, Role, types_from_text
from app.core.retention import AfterEvent, SubjectDates
from app.reports import documents as docs
from app.reports.pdfbase import styles
from app.reports.wording import LANGUAGES
from app.services import register, register_language
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import active_activities
from app.services.register import ActivityView
from app.store.database import Database, current_user
from app.store.files import WriteFailed, write_private
from app.store.lists import lists
from app.store.models import (
    Case,
    Document,
    Finding,
    Restriction,
    Subject,
    System,
)

__all__ = [
    "ANNUAL_MODES",
    "SENT_METHODS",
    "AnnualCandidate",
    "BatchReport",
    "StoredDocument",
    "annual_candidates",
    "annual_file_name",
    "annual_statement_data",
    "generate_letter",
    "generate_statement",
    "letter_data",
    "mark_sent",
    "run_annual_batch",
    "statement_data",
    "unsearched_systems",
]

# How a statement or letter may have gone to the person (a phone call carries no PDF).
SENT_METHODS: tuple[str, ...] = (
    AnswerMethod.POST.value,
    AnswerMethod.EMAIL.value,
    AnswerMethod.HANDED_OVER.value,
)

ANNUAL_MODES: tuple[str, ...] = ("requests", "role", "selected")

# The register's categories of data subjects, as the person's roles name them.
_ROLE_CATEGORIES: dict[str, frozenset[str]] = {
    Role.CUSTOMER.value: frozenset({"customers", "customer", "kunder"}),
    Role.SUPPLIER.value: frozenset({"suppliers", "supplier", "leverandører"}),
    Role.STAKEHOLDER.value: frozenset({"stakeholders", "stakeholder", "interessenter"}),
}

# The register's own words for "collected from the person".
_SOURCE_IS_SUBJECT = frozenset({"the data subject", "data subject", "den registrerte"})

_RECIPIENT_ROLES: dict[str, dict[str, str]] = {
    "en": {"processor": "processor", "controller": "controller", "authority": "public authority"},
    "nb": {
        "processor": "databehandler",
        "controller": "behandlingsansvarlig",
        "authority": "offentlig myndighet",
    },
}

_CHUNK = 200  # subjects gathered per short session in a batch


# --- plain data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredDocument:
    """A generated PDF, as kept with the case."""

    id: int
    filename: str
    sha256: str
    content: bytes


@dataclass(frozen=True)
class AnnualCandidate:
    subject_id: int
    pseudonym: str
    name: str  # for the officer's screen only; never in a file name or a log


@dataclass(frozen=True)
class BatchReport:
    written: tuple[Path, ...]  # complete statements, in the order of the candidates
    no_data: tuple[str, ...]  # pseudonyms: nothing processed, so no statement written
    restricted: tuple[str, ...]  # pseudonyms whose statements say processing is restricted
    skipped: tuple[str, ...]  # pseudonyms erased or gone since they were chosen
    combined: Path | None  # the file for printing, when asked for and complete
    cancelled: bool
    total: int  # candidates


# --- small helpers ------------------------------------------------------------------------------


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidInput(f"Unknown language {lang!r}; use nb or en.")
    return lang


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _addressee(subject: Subject) -> docs.Addressee:
    return docs.Addressee(name=subject.name, postal_address=subject.postal_address)


def _require_not_erased(subject: Subject) -> None:
    if subject.erased_at is not None:
        raise RuleViolation(
            f"The data about {subject.pseudonym} were erased: there is nothing to state."
        )


def _active_activities(s: Session) -> list[ActivityView]:
    return [register.activity_view(a) for a in active_activities(s)]


def _subject_dates(s: Session, subject: Subject) -> SubjectDates:
    """As the register counts them: the request cases from the latest closing date, and only
    once every case of the person is closed."""
    closed = list(s.scalars(select(Case.closed_on).where(Case.subject_id == subject.id)))
    return _dates(subject, closed)


def _dates(subject: Subject, closed: Sequence[dt.date | None]) -> SubjectDates:
    closed_days = [d for d in closed if d is not None]
    return SubjectDates(
        last_purchase=subject.last_purchase,
        last_contact=subject.last_contact,
        case_closed=max(closed_days) if closed and len(closed_days) == len(closed) else None,
    )


def _held_categories(
    activity: ActivityView, found: Sequence[Finding], known: frozenset[str]
) -> tuple[str, ...]:
    """What was found in the activity's systems, as the activity's categories.

    A finding that names no categories stands for all of the activity's. A category that
    belongs to no activity of the register (typed freely) is held by every activity using
    that system: leaving it out would leave it out of the statement."""
    own = {c.casefold(): c for c in activity.data_categories}
    systems = {x.id for x in activity.systems}
    held: dict[str, str] = {}
    free: dict[str, str] = {}
    for finding in found:
        if finding.system_id not in systems:
            continue
        named = _lines(finding.categories)
        if not named:
            held.update((k, v) for k, v in own.items())
        for category in named:
            key = category.casefold()
            if key in own:
                held[key] = own[key]
            elif key not in known:
                free.setdefault(key, category)
    ordered = [c for k, c in own.items() if k in held]
    return (*ordered, *free.values())


def _known_categories(activities: Sequence[ActivityView]) -> frozenset[str]:
    return frozenset(c.casefold() for a in activities for c in a.data_categories)


def _section(
    activity: ActivityView, categories: tuple[str, ...], dates: SubjectDates, lang: str
) -> docs.PurposeSection:
    roles = _RECIPIENT_ROLES[lang]
    english = activity
    activity = register_language.in_language(activity, lang)
    # Categories are matched in English (findings name the register's English categories);
    # each is printed as its line in the statement's language, a freely typed one as typed.
    as_written = dict(zip(english.data_categories, activity.data_categories, strict=False))
    categories = tuple(as_written.get(c, c) for c in categories)
    recipients = tuple(
        docs.RecipientLine(name=r.name, role=roles.get(r.role, r.role), country=r.country)
        for r in activity.recipients
        if not r.retired
    )
    lines: list[docs.RetentionLine] = []
    for line in activity.retention:
        spec = line.rule.spec
        keep_until = retention.earliest_deletion(spec, dates)
        by_law = spec.after_event == AfterEvent.BY_LAW
        lines.append(
            docs.RetentionLine(
                applies_to=line.applies_to,
                rule_text=retention.deletion_criteria(spec, lang),
                legal_reference=spec.legal_reference,
                keep_until=keep_until,
                # Where the date it runs from is not known, the criteria are what we can say.
                criteria=""
                if keep_until is not None or by_law
                else retention.deletion_criteria(spec, lang),
                date_unknown=keep_until is None and not by_law,
            )
        )
    source = activity.source.strip()
    english_source = english.source.strip()
    return docs.PurposeSection(
        activity_name=activity.name,
        purpose=activity.purpose,
        legal_basis_text=activity.legal_basis_text,
        categories_held=categories,
        recipients=recipients,
        source=source,
        source_is_subject=bool(
            {english_source.casefold().rstrip("."), source.casefold().rstrip(".")}
            & _SOURCE_IS_SUBJECT
        ),
        retention=tuple(lines),
        transfers=activity.transfers,
    )


def _restricted(s: Session, subject_id: int) -> bool:
    return (
        s.scalar(
            select(Restriction.id)
            .where(Restriction.subject_id == subject_id, Restriction.lifted_on.is_(None))
            .limit(1)
        )
        is not None
    )


def _data_copy(
    found: Sequence[Finding], system_names: dict[int, str], categories: Mapping[str, str]
) -> tuple[docs.DataCopyItem, ...]:
    """Art. 15(3): each value the officer took from a system, one per line of the notes;
    the register's categories in the statement's language (`categories`: English -> shown)."""
    items: list[docs.DataCopyItem] = []
    for finding in sorted(found, key=lambda f: f.system_id):
        category = ", ".join(categories.get(c, c) for c in _lines(finding.categories))
        system = system_names.get(finding.system_id, "")
        items.extend(
            docs.DataCopyItem(system=system, category=category, value=line)
            for line in _lines(finding.notes)
        )
    return tuple(items)


def _system_names(s: Session, ids: Iterable[int], lang: str) -> dict[int, str]:
    """Systems by name in `lang` (a Bokmål name not written is the same name)."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = s.execute(select(System.id, System.name, System.name_nb).where(System.id.in_(wanted)))
    return {i: (nb or name) if lang == "nb" else name for i, name, nb in rows}


def _category_names(activities: Sequence[ActivityView], lang: str) -> dict[str, str]:
    """The register's data categories, English -> as written in `lang` (where written)."""
    names: dict[str, str] = {}
    for activity in activities:
        shown = register_language.in_language(activity, lang).data_categories
        if len(shown) == len(activity.data_categories):
            names.update(zip(activity.data_categories, shown, strict=True))
    return names


def _require_access(case: Case) -> None:
    if RequestType.ACCESS not in types_from_text(case.types):
        raise RuleViolation(f"Case {case.reference} is not an access request: no statement.")


# --- the statement for an access case ----------------------------------------------------------


def statement_data(db: Database, reference: str, lang: str | None = None) -> docs.StatementData:
    """The Art. 15 statement for an access case, from what was found system by system.
    The language defaults to the case's."""
    if lang is not None:
        _check_lang(lang)
    controller = register.letter_controller(db)
    with db.session() as s:
        case = get_case(s, reference)
        _require_access(case)
        subject = case.subject
        _require_not_erased(subject)
        lang = _check_lang(lang or case.language)
        found = list(
            s.scalars(select(Finding).where(Finding.case_id == case.id, Finding.found.is_(True)))
        )
        activities = _active_activities(s)
        known = _known_categories(activities)
        dates = _subject_dates(s, subject)
        held_by = [(a, _held_categories(a, found, known)) for a in activities]
        register_language.require_texts((a for a, held in held_by if held), lang)
        sections = [_section(a, held, dates, lang) for a, held in held_by if held]
        return docs.StatementData(
            controller=controller,
            addressee=_addressee(subject),
            reference=case.reference,
            date=clock.today_oslo(),
            language=lang,
            processed=bool(found),
            sections=tuple(sections),
            data_copy=_data_copy(
                found,
                _system_names(s, (f.system_id for f in found), lang),
                _category_names(activities, lang),
            ),
            restricted=_restricted(s, subject.id),
            officer_name=controller.officer_name,
        )


def unsearched_systems(db: Database, reference: str) -> tuple[str, ...]:
    """The systems of the register in use that the case's checklist has not searched yet:
    a statement written before they are searched may say too little."""
    with db.session() as s:
        case = get_case(s, reference)
        searched = set(
            s.scalars(
                select(Finding.system_id).where(
                    Finding.case_id == case.id, Finding.found.is_not(None)
                )
            )
        )
        names: dict[int, str] = {}
        for activity in _active_activities(s):
            for system in activity.systems:
                if not system.retired and system.id not in searched:
                    names.setdefault(system.id, system.name)
        return tuple(names[k] for k in sorted(names))


def _store(
    db: Database, reference: str, kind: str, filename: str, pdf: bytes, detail: str
) -> StoredDocument:
    sha = hashlib.sha256(pdf).hexdigest()
    with db.session() as s:
        case = get_case(s, reference)
        doc = Document(
            kind=kind,
            filename=filename,
            media_type="application/pdf",
            content=pdf,
            sha256=sha,
            created_at=clock.now_utc(),
            created_by=current_user(),
        )
        case.documents.append(doc)
        s.flush()
        add_event(case, kind.split(":")[0], f"{detail}, SHA-256 {sha}")
        return StoredDocument(id=doc.id, filename=filename, sha256=sha, content=pdf)


def generate_statement(db: Database, reference: str, lang: str | None = None) -> StoredDocument:
    """Render the statement and keep it with the case (kind "statement")."""
    data = statement_data(db, reference, lang)
    gaps = unsearched_systems(db, reference)
    pdf = docs.render_statement(data)
    detail = f"statement generated ({data.language})"
    if gaps:
        detail += f"; not searched yet: {', '.join(gaps)}"
    filename = f"{data.reference}-innsyn-{data.language}.pdf"
    return _store(db, data.reference, "statement", filename, pdf, detail)


# --- letters ------------------------------------------------------------------------------------


def letter_data(
    db: Database,
    reference: str,
    kind: str,
    lang: str | None = None,
    *,
    reasons: str = "",
    identification_needed: str = "",
    fee_amount: int | None = None,
) -> docs.LetterData:
    """An Art. 12 letter for a case. Reasons and the fee default to what the case records
    (the extension's reasons, the refusal's, the fee's)."""
    if kind not in docs.LETTER_KINDS:
        raise InvalidInput(f"Unknown letter {kind!r}; use one of: {', '.join(docs.LETTER_KINDS)}.")
    if lang is not None:
        _check_lang(lang)
    reasons = limited_text(reasons, "reasons")
    identification_needed = limited_text(identification_needed, "identification details")
    controller = register.letter_controller(db)
    today = clock.today_oslo()
    with db.session() as s:
        case = get_case(s, reference)
        subject = case.subject
        _require_not_erased(subject)
        lang = _check_lang(lang or case.language)
        due = case.due_date
        new_due: dt.date | None = None
        day = today
        if kind == "extension":
            if not case.extended:
                raise RuleViolation(
                    f"Case {case.reference} is not extended: record the extension first."
                )
            due = due_date(case.received_date)
            new_due = case.due_date
            reasons = reasons or (case.extension_reason or "")
            # The notice is dated the day the person was told (within the first month).
            day = case.extension_told_on or today
        elif kind == "refusal":
            reasons = reasons or (case.refusal_reason or "")
        elif kind == "fee":
            reasons = reasons or (case.fee_reason or "")
            fee_amount = fee_amount if fee_amount is not None else case.fee_amount
        if kind in ("extension", "refusal", "fee") and not reasons.strip():
            raise InvalidInput(f"A {kind} letter must give the reasons.")
        if kind == "fee" and (fee_amount is None or fee_amount <= 0):
            raise InvalidInput("A fee notice needs an amount in kroner greater than zero.")
        if kind == "identification" and not identification_needed.strip():
            raise InvalidInput("Say what the person must send to identify themselves.")
        if kind == "extension" and day > due:
            raise RuleViolation(
                f"An extension notice must be sent by {due.isoformat()} (Art. 12(3))."
            )
        return docs.LetterData(
            kind=kind,
            controller=controller,
            addressee=_addressee(subject),
            reference=case.reference,
            date=day,
            language=lang,
            received=case.received_date,
            due=due,
            new_due=new_due,
            reasons=reasons if kind in ("extension", "refusal", "fee") else "",
            fee_amount=fee_amount if kind == "fee" else None,
            requested_types=tuple(t.value for t in types_from_text(case.types)),
            identification_needed=identification_needed if kind == "identification" else "",
            officer_name=controller.officer_name,
        )


def generate_letter(
    db: Database,
    reference: str,
    kind: str,
    lang: str | None = None,
    *,
    reasons: str = "",
    identification_needed: str = "",
    fee_amount: int | None = None,
) -> StoredDocument:
    """Render the letter and keep it with the case (kind "letter:<kind>")."""
    data = letter_data(
        db,
        reference,
        kind,
        lang,
        reasons=reasons,
        identification_needed=identification_needed,
        fee_amount=fee_amount,
    )
    try:
        pdf = docs.render_letter(data)
    except ValueError as exc:  # a rule of the letter the checks above did not foresee
        raise InvalidInput(str(exc)) from exc
    filename = f"{data.reference}-{kind}-{data.language}.pdf"
    return _store(
        db,
        data.reference,
        f"letter:{kind}",
        filename,
        pdf,
        f"{kind} letter generated ({data.language})",
    )


def mark_sent(db: Database, document_id: int, on: dt.date, method: str) -> None:
    """Record when and how a statement or letter went to the person."""
    method = (method or "").strip()
    if method not in SENT_METHODS:
        raise InvalidInput(f"Choose how it was sent: {', '.join(SENT_METHODS)}.")
    if on > clock.today_oslo():
        raise InvalidInput("It cannot be marked sent on a day in the future.")
    with db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            raise NotFound(f"There is no document {document_id}.")
        if not (doc.kind == "statement" or doc.kind.startswith("letter")):
            raise RuleViolation(f"{doc.filename} is not a statement or a letter: it is not sent.")
        case = doc.case
        if on < case.received_date:
            raise InvalidInput("It cannot be sent before the request was received.")
        before = f" (was {doc.sent_on.isoformat()} by {doc.sent_method})" if doc.sent_on else ""
        doc.sent_on = on
        doc.sent_method = AnswerMethod(method)  # one of SENT_METHODS
        add_event(case, "sent", f"{doc.filename} sent {on.isoformat()} by {method}{before}")


# --- annual statements -------------------------------------------------------------------------


def annual_file_name(pseudonym: str, year: int) -> str:
    """No names in file names: "S-000042-2026.pdf"."""
    return f"{pseudonym}-{year}.pdf"


def _check_year(year: int) -> int:
    if (
        isinstance(year, bool)
        or not isinstance(year, int)
        or not 2018 <= year <= clock.today_oslo().year
    ):
        raise InvalidInput(f"Choose a year from 2018 to {clock.today_oslo().year}.")
    return year


def annual_candidates(
    db: Database,
    year: int,
    mode: str,
    role: str | None = None,
    subject_ids: Sequence[int] = (),
) -> list[AnnualCandidate]:
    """Who gets an annual statement: "requests" (an access request received that year),
    "role" (every subject with the role) or "selected" (the ids given, in that order).
    Erased subjects never do."""
    _check_year(year)
    if mode not in ANNUAL_MODES:
        raise InvalidInput(f"Unknown set {mode!r}; use one of: {', '.join(ANNUAL_MODES)}.")
    stmt = select(Subject.id, Subject.pseudonym, Subject.name).where(Subject.erased_at.is_(None))
    with db.session() as s:
        if mode == "requests":
            received = select(Case.subject_id).where(
                lists(Case.types, RequestType.ACCESS),
                Case.received_date >= dt.date(year, 1, 1),
                Case.received_date <= dt.date(year, 12, 31),
            )
            rows = s.execute(stmt.where(Subject.id.in_(received)).order_by(Subject.id))
        elif mode == "role":
            try:
                value = Role((role or "").strip().lower()).value
            except ValueError:
                raise InvalidInput(
                    f"Unknown role {role!r}; use one of: {', '.join(r.value for r in Role)}."
                ) from None
            rows = s.execute(stmt.where(lists(Subject.roles, Role(value))).order_by(Subject.id))
        else:
            wanted = list(dict.fromkeys(int(i) for i in subject_ids))
            if not wanted:
                raise InvalidInput("Choose at least one person.")
            found = {
                r.id: r
                for r in s.execute(
                    select(Subject.id, Subject.pseudonym, Subject.name, Subject.erased_at).where(
                        Subject.id.in_(wanted)
                    )
                )
            }
            missing = [i for i in wanted if i not in found]
            if missing:
                raise NotFound(f"There is no data subject {missing[0]}.")
            erased = [found[i].pseudonym for i in wanted if found[i].erased_at is not None]
            if erased:
                raise RuleViolation(f"The data about {erased[0]} were erased: no statement.")
            return [AnnualCandidate(i, found[i].pseudonym, found[i].name) for i in wanted]
        return [AnnualCandidate(r.id, r.pseudonym, r.name) for r in rows]


def _annual_datas(
    db: Database,
    subject_ids: Sequence[int],
    year: int,
    lang: str,
    controller: docs.Controller,
) -> dict[int, docs.StatementData]:
    """Statements for a group of people, in one short session (erased or missing ones are
    left out of the result)."""
    today = clock.today_oslo()
    ids = list(subject_ids)
    with db.session() as s:
        activities = _active_activities(s)
        register_language.require_texts(activities, lang)
        known = _known_categories(activities)
        subjects = {
            x.id: x
            for x in s.scalars(
                select(Subject).where(Subject.id.in_(ids), Subject.erased_at.is_(None))
            )
        }
        restricted = set(
            s.scalars(
                select(Restriction.subject_id).where(
                    Restriction.subject_id.in_(ids), Restriction.lifted_on.is_(None)
                )
            )
        )
        closed: dict[int, list[dt.date | None]] = {}
        latest_access: dict[int, tuple[dt.datetime, int]] = {}
        for case_id, subject_id, received_at, types, closed_on in s.execute(
            select(Case.id, Case.subject_id, Case.received_at, Case.types, Case.closed_on).where(
                Case.subject_id.in_(ids)
            )
        ):
            closed.setdefault(subject_id, []).append(closed_on)
            if RequestType.ACCESS in types_from_text(types):
                if subject_id not in latest_access or received_at > latest_access[subject_id][0]:
                    latest_access[subject_id] = (received_at, case_id)
        case_subject = {case_id: subject_id for subject_id, (_, case_id) in latest_access.items()}
        found: dict[int, list[Finding]] = {}
        if case_subject:
            for finding in s.scalars(
                select(Finding).where(
                    Finding.case_id.in_(list(case_subject)), Finding.found.is_(True)
                )
            ):
                found.setdefault(case_subject[finding.case_id], []).append(finding)

        result: dict[int, docs.StatementData] = {}
        for subject_id in ids:
            subject = subjects.get(subject_id)
            if subject is None:
                continue
            roles = {r.strip() for r in subject.roles.split(",") if r.strip()}
            categories = frozenset().union(*(_ROLE_CATEGORIES.get(r, frozenset()) for r in roles))
            dates = _dates(subject, closed.get(subject_id, []))
            their_findings = found.get(subject_id, [])
            sections = []
            for activity in activities:
                held = _held_categories(activity, their_findings, known)
                by_role = any(c.casefold() in categories for c in activity.subject_categories)
                if by_role and not held:
                    held = activity.data_categories
                if held:
                    sections.append(_section(activity, held, dates, lang))
            result[subject_id] = docs.StatementData(
                controller=controller,
                addressee=_addressee(subject),
                reference=f"{year}/{subject.pseudonym}",
                date=today,
                language=lang,
                processed=bool(sections),
                sections=tuple(sections),
                # The copy belongs to an access request, answered then; a yearly statement
                # offers one instead of repeating what may be out of date.
                data_copy=(),
                restricted=subject_id in restricted,
                officer_name=controller.officer_name,
            )
        return result


def annual_statement_data(
    db: Database, subject_id: int, year: int, lang: str = "nb"
) -> docs.StatementData:
    """The yearly statement for one person: the activities their roles fall under, and those
    their latest access case found data in."""
    _check_year(year)
    _check_lang(lang)
    with db.session() as s:
        subject = s.get(Subject, subject_id)
        if subject is None:
            raise NotFound(f"There is no data subject {subject_id}.")
        _require_not_erased(subject)
    data = _annual_datas(db, [subject_id], year, lang, register.letter_controller(db)).get(
        subject_id
    )
    if data is None:  # erased in between
        raise NotFound(f"There is no data subject {subject_id}.")
    return data


# --- the batch: rendering in worker processes ----------------------------------------------------


def _warm_worker(workbench_pid: int = 0) -> None:
    """Each worker registers the fonts once (parsing the TTF is the slow part), and ends when
    the workbench does, even when it is killed (SIGKILL included): the pool's pipes would
    otherwise keep the worker, and so the fork server, waiting for ever."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            # Its parent: the fork server (under "spawn", the workbench itself).
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if workbench_pid and os.name == "posix":  # on Windows os.kill(pid, 0) would terminate it
        threading.Thread(
            target=_exit_with_workbench, args=(workbench_pid,), name="watch", daemon=True
        ).start()
    styles()


_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.5


def _exit_with_workbench(workbench_pid: int) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        try:
            os.kill(workbench_pid, 0)
        except (ProcessLookupError, PermissionError):  # gone (or the number reused)
            os._exit(1)  # what it was writing has no name yet: nothing is left behind


def _render_file(data: docs.StatementData, target: str) -> str:
    """In a worker: one statement, written under a temporary name and renamed when complete."""
    write_private(Path(target), docs.render_statement(data))
    return target


def _render_combined(statements: tuple[docs.StatementData, ...]) -> bytes:
    return docs.render_combined(statements)


def _pool_context() -> BaseContext:
    """Never "fork": a forked copy of a process running Qt (threads, X connection) may hang.
    The fork server is a fresh interpreter that imports the renderer once; its workers start
    in milliseconds where "spawn" spends more than a second importing in each. The workers
    watch the workbench and end with it (see _warm_worker); the fork server ends when they
    have. Where there is no fork server (Windows), spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """Stop the worker processes now (a combined file can take as long as the whole batch):
    whatever they were writing is a temporary file, removed afterwards."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()


def _stop_now(executor: ProcessPoolExecutor, futures: set[Future[Any]]) -> None:
    """Stop the workers and wait until the pool has ended each of `futures` (done, or failed
    with BrokenProcessPool). Not cancelled first: Python 3.11's pool then fails to mark a
    cancelled future broken and raises InvalidStateError in its manager thread."""
    _stop_workers(executor)
    wait(futures)


_TEMPORARY_SUFFIXES = (".partial", ".linking")


def _remove_partials(out_dir: Path, targets: Iterable[Path]) -> None:
    """What `files.private_output` may leave of our targets when a worker is stopped in the
    middle of a write (".NAME.TOKEN.partial" or ".NAME.TOKEN.linking"); never anything else."""
    names = {t.name for t in targets}
    if not names:
        return
    with contextlib.suppress(OSError), os.scandir(out_dir) as entries:
        for entry in entries:
            n = entry.name
            suffix = next((x for x in _TEMPORARY_SUFFIXES if n.endswith(x)), None)
            if n.startswith(".") and suffix is not None:
                base = n[1 : -len(suffix)].rsplit(".", 1)[0]
                if base in names:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def _chunks(items: Sequence[AnnualCandidate], size: int) -> Iterator[Sequence[AnnualCandidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_outputs(out_dir: Path, combined: Path | None) -> tuple[Path, Path | None]:
    # Absolute: the workers' current directory is the one their fork server started in.
    out_dir = Path(out_dir).expanduser().resolve()
    if not out_dir.is_dir():
        raise WriteFailed(f"The folder {out_dir} does not exist.")
    if not os.access(out_dir, os.W_OK):
        raise WriteFailed(f"The folder {out_dir} cannot be written to.")
    if combined is not None:
        combined = Path(combined).expanduser().resolve()
        if combined.is_dir():
            raise WriteFailed(f"{combined} is a folder; choose a file name for the combined file.")
        if not combined.parent.is_dir():
            raise WriteFailed(f"The folder {combined.parent} does not exist.")
    return out_dir, combined


def run_annual_batch(
    db: Database,
    candidates: Sequence[AnnualCandidate],
    year: int,
    out_dir: Path,
    lang: str = "nb",
    combined: Path | None = None,
    progress: Callable[[int, int], bool] | None = None,
    workers: int = 2,
) -> BatchReport:
    """Write one statement per person with data ("S-000042-2026.pdf") into `out_dir`, and
    with `combined` one file for printing them all.

    The data are gathered here in short sessions; the PDFs are rendered by `workers`
    processes (1: here, in this process). `progress(done, total)` returning False cancels:
    nothing more is started, files being written are completed or discarded, temporary
    files are removed and the combined file is not written. People with no data get no
    statement: the report lists them."""
    _check_year(year)
    _check_lang(lang)
    out_dir, combined = _check_outputs(out_dir, combined)
    report = progress or (lambda _done, _total: True)
    people = list(candidates)
    total = len(people) + (1 if combined is not None else 0)
    done = 0
    cancelled = not report(done, total)

    jobs: list[tuple[AnnualCandidate, docs.StatementData]] = []
    no_data: list[str] = []
    restricted: list[str] = []
    skipped: list[str] = []
    controller = register.letter_controller(db)
    for chunk in _chunks(people, _CHUNK):
        if cancelled:
            break
        datas = _annual_datas(db, [c.subject_id for c in chunk], year, lang, controller)
        for candidate in chunk:
            data = datas.get(candidate.subject_id)
            if data is None:
                skipped.append(candidate.pseudonym)
                done += 1
            elif not data.processed:
                no_data.append(candidate.pseudonym)
                done += 1
            else:
                jobs.append((candidate, data))
                if data.restricted:
                    restricted.append(candidate.pseudonym)
        cancelled = not report(done, total)

    targets = {
        candidate.subject_id: out_dir / annual_file_name(candidate.pseudonym, year)
        for candidate, _ in jobs
    }
    written: set[Path] = set()
    combined_pdf: bytes | None = None
    if not cancelled and combined is not None and not jobs:
        done += 1  # nothing to print: no combined file
        cancelled = not report(done, total)
    if not cancelled and jobs:
        try:
            if workers <= 1:
                for candidate, data in jobs:
                    _render_file(data, str(targets[candidate.subject_id]))
                    written.add(targets[candidate.subject_id])
                    done += 1
                    if not report(done, total):
                        cancelled = True
                        break
                if not cancelled and combined is not None:
                    combined_pdf = _render_combined(tuple(d for _, d in jobs))
                    done += 1
                    cancelled = not report(done, total)
            else:
                cancelled, combined_pdf, done = _render_in_pool(
                    jobs, targets, combined is not None, workers, written, report, done, total
                )
        finally:
            _remove_partials(out_dir, targets.values())
    if cancelled:
        combined_pdf = None
    if combined is not None and combined_pdf is not None:
        write_private(combined, combined_pdf)  # a temporary file, renamed only now
    order = [targets[c.subject_id] for c, _ in jobs]
    return BatchReport(
        written=tuple(t for t in order if t in written),
        no_data=tuple(no_data),
        restricted=tuple(restricted),
        skipped=tuple(skipped),
        combined=combined if combined_pdf is not None else None,
        cancelled=cancelled,
        total=len(people),
    )


def _render_in_pool(
    jobs: Sequence[tuple[AnnualCandidate, docs.StatementData]],
    targets: dict[int, Path],
    want_combined: bool,
    workers: int,
    written: set[Path],
    report: Callable[[int, int], bool],
    done: int,
    total: int,
) -> tuple[bool, bytes | None, int]:
    cancelled = False
    combined_pdf: bytes | None = None
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_pool_context(),
        initializer=_warm_worker,
        initargs=(os.getpid(),),
    )
    files: dict[Future[Any], Path] = {}
    combined_future: Future[Any] | None = None
    try:
        # The combined file first: it is as long as all the others together, and runs on one
        # core while the statements share the rest.
        if want_combined:
            combined_future = executor.submit(_render_combined, tuple(d for _, d in jobs))
        for candidate, data in jobs:
            target = targets[candidate.subject_id]
            files[executor.submit(_render_file, data, str(target))] = target
        pending: set[Future[Any]] = set(files)
        if combined_future is not None:
            pending.add(combined_future)
        while pending and not cancelled:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                if future is combined_future:
                    combined_pdf = combined_future.result()
                else:
                    future.result()  # a write that failed ends the batch
                    written.add(files[future])
                done += 1
            cancelled = not report(done, total)
        if cancelled:
            if combined_future is not None and not combined_future.done():
                _stop_now(executor, pending)
            else:
                for future in pending:
                    future.cancel()
    except BaseException:
        _stop_now(executor, set(files))
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    # Those that were running when the batch was cancelled and still completed.
    for future, target in files.items():
        if future.done() and not future.cancelled() and future.exception() is None:
            written.add(target)
    return cancelled, combined_pdf, done
