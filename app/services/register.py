"""The record of processing activities (Art. 30) and the controller profile, as the GUI and the
statements need them: list, read, create, edit and retire each kind of entry.

Retiring never deletes: a retired entry stays readable (old statements, the audit trail and
activities that used it still name it) and is only hidden from new choices. Each public
function is one unit of work in one short session and returns plain frozen data; every
validation happens before anything is written, so a refused save leaves the database as it
was.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple, TypeVar

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import clock, retention
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.messages import Message
from app.core.model import RecipientRole
from app.core.retention import (
    AfterEvent,
    JustificationRequired,
    RetentionRuleSpec,
    StatutoryMinimum,
    SubjectDates,
)
from app.intake.contact import normalise_email, normalise_phone, validate_name
from app.reports import documents as docs
from app.services.common import MAX_TEXT
from app.store.database import Database
from app.store.models import (
    ActivityRetention,
    Case,
    ProcessingActivity,
    Recipient,
    RetentionRule,
    Setting,
    Subject,
    System,
)

__all__ = [
    "CONTROLLER_KEYS",
    "LEGAL_BASES",
    "ActivityInput",
    "ActivityView",
    "ControllerProfile",
    "RecipientInput",
    "RecipientView",
    "RetentionDate",
    "RetentionLineInput",
    "RetentionLineView",
    "RuleInput",
    "RuleView",
    "SystemInput",
    "SystemView",
    "check_rule",
    "get_activity",
    "get_controller",
    "get_recipient",
    "get_rule",
    "get_system",
    "list_activities",
    "list_recipients",
    "list_rules",
    "list_systems",
    "retention_dates_for_subject",
    "retire_activity",
    "retire_recipient",
    "retire_rule",
    "retire_system",
    "save_activity",
    "save_controller",
    "save_recipient",
    "save_rule",
    "save_system",
    "where_used",
]

MAX_NAME = 200
MAX_LINE = 500


# Art. 6(1) GDPR: the letter and the standard wording, to pre-fill the legal basis text.
LEGAL_BASES: dict[str, str] = {
    "a": "Art. 6(1)(a) GDPR: consent",
    "b": "Art. 6(1)(b) GDPR: performance of a contract with the data subject",
    "c": "Art. 6(1)(c) GDPR: compliance with a legal obligation",
    "d": "Art. 6(1)(d) GDPR: protection of vital interests",
    "e": "Art. 6(1)(e) GDPR: a task carried out in the public interest",
    "f": "Art. 6(1)(f) GDPR: legitimate interests",
}

CONTROLLER_KEYS: tuple[str, ...] = (
    "legal_name",
    "organisation_number",
    "address",
    "country",
    "privacy_email",
    "phone",
    "officer_name",
)


# --- plain data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleView:
    id: int
    code: str
    description: str
    period_years: int
    period_months: int
    after_event: AfterEvent
    legal_reference: str
    justification: str
    retired_at: dt.datetime | None  # UTC
    criteria: str  # "3 years after the last purchase"
    exceeds_minimum: StatutoryMinimum | None
    description_nb: str = ""
    legal_reference_nb: str = ""

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @property
    def spec(self) -> RetentionRuleSpec:
        return RetentionRuleSpec(
            period_years=self.period_years,
            period_months=self.period_months,
            after_event=self.after_event,
            legal_reference=self.legal_reference,
            description=self.description,
        )


@dataclass(frozen=True)
class RecipientView:
    id: int
    code: str
    name: str
    role: RecipientRole
    country: str
    dpa_reference: str
    dpa_date: dt.date | None
    contact: str
    retired_at: dt.datetime | None
    name_nb: str = ""  # "" where the name is the same in Bokmål (a proper name)
    country_nb: str = ""

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class SystemView:
    id: int
    code: str
    name: str
    owner: str
    holds: str
    retired_at: dt.datetime | None
    name_nb: str = ""  # "" where the name is the same in Bokmål

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class RetentionLineView:
    applies_to: str
    rule: RuleView
    applies_to_nb: str = ""


@dataclass(frozen=True)
class ActivityView:
    id: int
    code: str
    name: str
    purpose: str
    legal_basis: str
    legal_basis_text: str
    data_categories: tuple[str, ...]
    subject_categories: tuple[str, ...]
    source: str
    transfers: str
    security_measures: str
    retired_at: dt.datetime | None
    recipients: tuple[RecipientView, ...]
    systems: tuple[SystemView, ...]
    retention: tuple[RetentionLineView, ...]
    # Bokmål beside English (issue 13): "" (or no lines) is a text not written yet.
    name_nb: str = ""
    purpose_nb: str = ""
    legal_basis_text_nb: str = ""
    data_categories_nb: tuple[str, ...] = ()
    subject_categories_nb: tuple[str, ...] = ()
    source_nb: str = ""
    transfers_nb: str = ""

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class ControllerProfile:
    legal_name: str = ""
    organisation_number: str = ""
    address: str = ""
    country: str = "Norway"
    privacy_email: str = ""
    phone: str = ""
    officer_name: str = ""


@dataclass(frozen=True)
class RetentionLineInput:
    rule_id: int
    applies_to: str
    applies_to_nb: str = ""


@dataclass(frozen=True)
class ActivityInput:
    """An activity as typed; `id` None creates one."""

    name: str
    purpose: str
    legal_basis: str
    legal_basis_text: str
    data_categories: tuple[str, ...]
    subject_categories: tuple[str, ...]
    source: str
    system_ids: tuple[int, ...]
    recipient_ids: tuple[int, ...]
    retention: tuple[RetentionLineInput, ...]
    transfers: str = ""
    security_measures: str = ""
    id: int | None = None
    name_nb: str = ""
    purpose_nb: str = ""
    legal_basis_text_nb: str = ""
    data_categories_nb: tuple[str, ...] = ()
    subject_categories_nb: tuple[str, ...] = ()
    source_nb: str = ""
    transfers_nb: str = ""


@dataclass(frozen=True)
class RuleInput:
    description: str
    period_years: int
    period_months: int
    after_event: str
    legal_reference: str = ""
    justification: str = ""
    id: int | None = None
    description_nb: str = ""
    legal_reference_nb: str = ""


@dataclass(frozen=True)
class RecipientInput:
    name: str
    role: str
    country: str = "Norway"
    dpa_reference: str = ""
    dpa_date: dt.date | None = None
    contact: str = ""
    id: int | None = None
    name_nb: str = ""
    country_nb: str = ""


@dataclass(frozen=True)
class SystemInput:
    name: str
    owner: str = ""
    holds: str = ""
    id: int | None = None
    name_nb: str = ""


class RetentionDate(NamedTuple):
    """When one activity's data about one person may be deleted."""

    activity: str
    applies_to: str
    rule: str  # the rule's description
    legal_reference: str
    earliest_deletion: dt.date | None  # None: by law, or the date it runs from is not known
    criteria: str


# --- helpers ----------------------------------------------------------------------------------


def _today() -> dt.date:
    return clock.today_oslo()


def clean_text(text: str, what: str, limit: int, *, required: bool = False) -> str:
    """Text as typed, stripped; one clear sentence where it cannot be kept."""
    text = unicodedata.normalize("NFC", (text or "").strip())
    if required and not text:
        raise InvalidInput(f"Give the {what}.")
    if len(text) > limit:
        raise InvalidInput(f"The {what} is {len(text)} characters long; at most {limit}.")
    if "\x00" in text:
        raise InvalidInput(f"The {what} contains a NUL character.")
    return text


def clean_name(text: str, what: str) -> str:
    if not (text or "").strip():
        raise InvalidInput(f"Give the {what}.")
    try:
        return validate_name(text)
    except InvalidInput as exc:
        raise InvalidInput(f"The {what}: {exc}.") from None


def _lines(values: Iterable[str], what: str) -> tuple[str, ...]:
    """Non-empty, stripped, each once, in the order typed."""
    seen: dict[str, None] = {}
    for value in values:
        for line in (value or "").splitlines():
            line = clean_text(line, what, MAX_LINE)
            if line and line.casefold() not in {s.casefold() for s in seen}:
                seen[line] = None
    return tuple(seen)


_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ŋ": "n"})


def _slug(text: str, fallback: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")
    return slug or fallback


_Coded = TypeVar("_Coded", ProcessingActivity, RetentionRule, Recipient, System)
_View = TypeVar("_View")


def _unique_code(s: Session, model: type[_Coded], text: str, fallback: str) -> str:
    """A readable, unique code for a new entry (codes never change once given)."""
    base = _slug(text, fallback)
    taken = set(s.scalars(select(model.code).where(model.code.like(f"{base}%"))))
    code, n = base, 2
    while code in taken:
        code = f"{base}-{n}"
        n += 1
    return code


def _get(s: Session, model: type[_Coded], entry_id: int, what: str) -> _Coded:
    obj = s.get(model, entry_id)
    if obj is None:
        raise NotFound(f"There is no {what} {entry_id}.")
    return obj


def _retire(db: Database, model: type[_Coded], entry_id: int, what: str) -> None:
    with db.session() as s:
        obj = _get(s, model, entry_id, what)
        if obj.retired_at is not None:
            raise RuleViolation(f"The {what} '{_label(obj)}' is already retired.")
        obj.retired_at = clock.now_utc()


def _label(obj: ProcessingActivity | RetentionRule | Recipient | System) -> str:
    return obj.description if isinstance(obj, RetentionRule) else obj.name


def _to_save(
    s: Session, model: type[_Coded], entry_id: int | None, what: str, label: str
) -> _Coded:
    """The entry a save writes to: a new one, coded from its label (not yet in the session:
    look-ups before it is filled in would flush it half-made), or the one on record, which
    must not be retired."""
    if entry_id is None:
        return model(code=_unique_code(s, model, label, what.split()[-1]))
    obj = _get(s, model, entry_id, what)
    if obj.retired_at is not None:
        raise RuleViolation(f"The {what} '{_label(obj)}' is retired: it cannot be changed.")
    return obj


def _listed(
    db: Database,
    model: type[_Coded],
    view: Callable[[_Coded], _View],
    include_retired: bool,
    *options: Any,
) -> list[_View]:
    """Every entry of a kind in the order they were made; retired ones only if asked."""
    stmt = select(model).options(*options).order_by(model.id)
    if not include_retired:
        stmt = stmt.where(model.retired_at.is_(None))
    with db.session() as s:
        return [view(x) for x in s.scalars(stmt)]


# --- views from rows ---------------------------------------------------------------------------


def _rule_spec(r: RetentionRule) -> RetentionRuleSpec:
    return RetentionRuleSpec(
        period_years=r.period_years,
        period_months=r.period_months,
        after_event=r.after_event,
        legal_reference=r.legal_reference,
        description=r.description,
    )


def _rule_view(r: RetentionRule) -> RuleView:
    spec = _rule_spec(r)
    return RuleView(
        id=r.id,
        code=r.code,
        description=r.description,
        period_years=r.period_years,
        period_months=r.period_months,
        after_event=r.after_event,
        legal_reference=r.legal_reference,
        justification=r.justification,
        retired_at=r.retired_at,
        criteria=retention.deletion_criteria(spec),
        exceeds_minimum=retention.exceeds_statutory_minimum(spec),
        description_nb=r.description_nb,
        legal_reference_nb=r.legal_reference_nb,
    )


def recipient_view(r: Recipient) -> RecipientView:
    return RecipientView(
        id=r.id,
        code=r.code,
        name=r.name,
        role=r.role,
        country=r.country,
        dpa_reference=r.dpa_reference,
        dpa_date=r.dpa_date,
        contact=r.contact,
        retired_at=r.retired_at,
        name_nb=r.name_nb,
        country_nb=r.country_nb,
    )


def _system_view(x: System) -> SystemView:
    return SystemView(
        id=x.id,
        code=x.code,
        name=x.name,
        owner=x.owner,
        holds=x.holds,
        retired_at=x.retired_at,
        name_nb=x.name_nb,
    )


def activity_view(a: ProcessingActivity) -> ActivityView:
    return ActivityView(
        id=a.id,
        code=a.code,
        name=a.name,
        purpose=a.purpose,
        legal_basis=a.legal_basis,
        legal_basis_text=a.legal_basis_text,
        data_categories=tuple(x for x in a.data_categories.splitlines() if x.strip()),
        subject_categories=tuple(x for x in a.subject_categories.splitlines() if x.strip()),
        source=a.source,
        transfers=a.transfers,
        security_measures=a.security_measures,
        retired_at=a.retired_at,
        recipients=tuple(recipient_view(r) for r in sorted(a.recipients, key=lambda r: r.id)),
        systems=tuple(_system_view(x) for x in sorted(a.systems, key=lambda x: x.id)),
        retention=tuple(
            RetentionLineView(
                applies_to=line.applies_to,
                rule=_rule_view(line.rule),
                applies_to_nb=line.applies_to_nb,
            )
            for line in a.retention
        ),
        name_nb=a.name_nb,
        purpose_nb=a.purpose_nb,
        legal_basis_text_nb=a.legal_basis_text_nb,
        data_categories_nb=_split(a.data_categories_nb),
        subject_categories_nb=_split(a.subject_categories_nb),
        source_nb=a.source_nb,
        transfers_nb=a.transfers_nb,
    )


def _split(lines: str) -> tuple[str, ...]:
    return tuple(x for x in lines.splitlines() if x.strip())


# --- activities ------------------------------------------------------------------------------------


def list_activities(db: Database, include_retired: bool = False) -> list[ActivityView]:
    return _listed(
        db,
        ProcessingActivity,
        activity_view,
        include_retired,
        selectinload(ProcessingActivity.recipients),
        selectinload(ProcessingActivity.systems),
        selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule),
    )


def get_activity(db: Database, activity_id: int) -> ActivityView:
    with db.session() as s:
        return activity_view(_get(s, ProcessingActivity, activity_id, "processing activity"))


def _normalised_activity(inp: ActivityInput) -> ActivityInput:
    letter = (inp.legal_basis or "").strip().lower()
    if letter not in LEGAL_BASES:
        raise InvalidInput("Choose the legal basis: a letter of Art. 6(1) GDPR, a to f.")
    data_categories = _lines(inp.data_categories, "data category")
    if not data_categories:
        raise InvalidInput("Give at least one category of personal data.")
    subject_categories = _lines(inp.subject_categories, "category of data subjects")
    if not subject_categories:
        raise InvalidInput("Give at least one category of data subjects.")
    if not inp.system_ids:
        raise InvalidInput("Choose at least one system the data are held in.")
    if not inp.retention:
        raise InvalidInput("Give at least one retention rule (Art. 30(1)(f)).")
    lines: list[RetentionLineInput] = []
    for line in inp.retention:
        applies_to = clean_text(line.applies_to, "data a retention rule applies to", MAX_LINE)
        if not applies_to:
            raise InvalidInput("Say which data each retention rule applies to.")
        if any((x.rule_id, x.applies_to) == (line.rule_id, applies_to) for x in lines):
            raise InvalidInput(f"The retention rule for '{applies_to}' is given twice.")
        lines.append(
            RetentionLineInput(
                line.rule_id,
                applies_to,
                clean_text(line.applies_to_nb, "data a retention rule applies to", MAX_LINE),
            )
        )
    data_nb = _lines(inp.data_categories_nb, "data category")
    subjects_nb = _lines(inp.subject_categories_nb, "category of data subjects")
    for english, bokmal, what in (
        (data_categories, data_nb, "data_categories"),
        (subject_categories, subjects_nb, "subject_categories"),
    ):
        if bokmal and len(bokmal) != len(english):
            raise InvalidInput(
                "register.lines_differ",
                field=Message(f"register.field_{what}"),
                english=len(english),
                bokmal=len(bokmal),
            )
    return replace(
        inp,
        name=clean_name(inp.name, "name of the activity"),
        purpose=clean_text(inp.purpose, "purpose", MAX_TEXT, required=True),
        legal_basis=letter,
        legal_basis_text=clean_text(
            inp.legal_basis_text, "legal basis in words", MAX_TEXT, required=True
        ),
        data_categories=data_categories,
        subject_categories=subject_categories,
        source=clean_text(inp.source, "source of the data", MAX_TEXT, required=True),
        transfers=clean_text(inp.transfers, "transfers outside the EEA", MAX_TEXT),
        security_measures=clean_text(inp.security_measures, "security measures", MAX_TEXT),
        system_ids=tuple(dict.fromkeys(inp.system_ids)),
        recipient_ids=tuple(dict.fromkeys(inp.recipient_ids)),
        retention=tuple(lines),
        name_nb=clean_text(inp.name_nb, "name of the activity", MAX_NAME),
        purpose_nb=clean_text(inp.purpose_nb, "purpose", MAX_TEXT),
        legal_basis_text_nb=clean_text(inp.legal_basis_text_nb, "legal basis in words", MAX_TEXT),
        data_categories_nb=data_nb,
        subject_categories_nb=subjects_nb,
        source_nb=clean_text(inp.source_nb, "source of the data", MAX_TEXT),
        transfers_nb=clean_text(inp.transfers_nb, "transfers outside the EEA", MAX_TEXT),
    )


def _choices(
    s: Session,
    model: type[_Coded],
    ids: Sequence[int],
    already: Iterable[int],
    what: str,
) -> list[_Coded]:
    """The entries chosen; a retired one only where the activity already had it."""
    already = set(already)
    found = {o.id: o for o in s.scalars(select(model).where(model.id.in_(ids)))}
    chosen: list[_Coded] = []
    for entry_id in ids:
        obj = found.get(entry_id)
        if obj is None:
            raise InvalidInput(f"There is no {what} {entry_id}: it may have been removed.")
        if obj.retired_at is not None and entry_id not in already:
            raise InvalidInput(f"The {what} '{_label(obj)}' is retired: choose another.")
        chosen.append(obj)
    return chosen


def save_activity(db: Database, inp: ActivityInput) -> ActivityView:
    """Create (id None) or update an activity, with its systems, recipients and retention."""
    inp = _normalised_activity(inp)
    with db.session() as s:
        activity = _to_save(s, ProcessingActivity, inp.id, "processing activity", inp.name)
        systems = _choices(s, System, inp.system_ids, (x.id for x in activity.systems), "system")
        recipients = _choices(
            s, Recipient, inp.recipient_ids, (r.id for r in activity.recipients), "recipient"
        )
        rules = {
            r.id: r
            for r in _choices(
                s,
                RetentionRule,
                [line.rule_id for line in inp.retention],
                (line.rule_id for line in activity.retention),
                "retention rule",
            )
        }
        activity.name = inp.name
        activity.purpose = inp.purpose
        activity.legal_basis = inp.legal_basis
        activity.legal_basis_text = inp.legal_basis_text
        activity.data_categories = "\n".join(inp.data_categories)
        activity.subject_categories = "\n".join(inp.subject_categories)
        activity.source = inp.source
        activity.transfers = inp.transfers
        activity.security_measures = inp.security_measures
        activity.name_nb = inp.name_nb
        activity.purpose_nb = inp.purpose_nb
        activity.legal_basis_text_nb = inp.legal_basis_text_nb
        activity.data_categories_nb = "\n".join(inp.data_categories_nb)
        activity.subject_categories_nb = "\n".join(inp.subject_categories_nb)
        activity.source_nb = inp.source_nb
        activity.transfers_nb = inp.transfers_nb
        activity.systems = systems
        activity.recipients = recipients
        # Keep the rows that stay: deleting and re-inserting the same (rule, applies_to) in
        # one flush would trip the unique constraint, as inserts are flushed first.
        existing = {(line.rule_id, line.applies_to): line for line in activity.retention}
        activity.retention = [
            existing.get((line.rule_id, line.applies_to))
            or ActivityRetention(rule=rules[line.rule_id], applies_to=line.applies_to)
            for line in inp.retention
        ]
        for row, line in zip(activity.retention, inp.retention, strict=True):
            row.applies_to_nb = line.applies_to_nb
        s.add(activity)
        s.flush()
        return activity_view(activity)


def retire_activity(db: Database, activity_id: int) -> None:
    _retire(db, ProcessingActivity, activity_id, "processing activity")


# --- retention rules ---------------------------------------------------------------------------


def list_rules(db: Database, include_retired: bool = False) -> list[RuleView]:
    return _listed(db, RetentionRule, _rule_view, include_retired)


def get_rule(db: Database, rule_id: int) -> RuleView:
    with db.session() as s:
        return _rule_view(_get(s, RetentionRule, rule_id, "retention rule"))


def check_rule(inp: RuleInput) -> tuple[RetentionRuleSpec, StatutoryMinimum | None]:
    """Validate a rule as typed, without saving it: the tidied rule and the statutory minimum
    it exceeds, if any. Raises InvalidInput (JustificationRequired where the rule exceeds a
    minimum and no justification is given)."""
    description = clean_text(
        inp.description, "description of the data kept", MAX_LINE, required=True
    )
    spec = retention.validate_rule(
        RetentionRuleSpec(
            period_years=inp.period_years,
            period_months=inp.period_months,
            after_event=inp.after_event,
            legal_reference=clean_text(inp.legal_reference, "legal reference", MAX_TEXT),
            description=description,
        )
    )
    minimum = retention.exceeds_statutory_minimum(spec)
    if minimum is not None and not clean_text(inp.justification, "justification", MAX_TEXT):
        raise JustificationRequired(minimum, spec)
    return spec, minimum


def save_rule(db: Database, inp: RuleInput) -> RuleView:
    """Create (id None) or update a retention rule. A rule that keeps data longer than a
    statutory minimum is refused without a justification; the justification is kept."""
    spec, _minimum = check_rule(inp)
    justification = clean_text(inp.justification, "justification", MAX_TEXT)
    with db.session() as s:
        rule = _to_save(s, RetentionRule, inp.id, "retention rule", spec.description)
        s.add(rule)
        rule.description = spec.description
        rule.period_years = spec.period_years
        rule.period_months = spec.period_months
        rule.after_event = AfterEvent(spec.after_event)  # validated by check_rule
        rule.legal_reference = spec.legal_reference
        rule.justification = justification
        rule.description_nb = clean_text(
            inp.description_nb, "description of the data kept", MAX_LINE
        )
        rule.legal_reference_nb = clean_text(inp.legal_reference_nb, "legal reference", MAX_TEXT)
        s.flush()
        return _rule_view(rule)


def retire_rule(db: Database, rule_id: int) -> None:
    _retire(db, RetentionRule, rule_id, "retention rule")


# --- recipients -------------------------------------------------------------------------------------


def list_recipients(db: Database, include_retired: bool = False) -> list[RecipientView]:
    return _listed(db, Recipient, recipient_view, include_retired)


def get_recipient(db: Database, recipient_id: int) -> RecipientView:
    with db.session() as s:
        return recipient_view(_get(s, Recipient, recipient_id, "recipient"))


def save_recipient(db: Database, inp: RecipientInput) -> RecipientView:
    name = clean_name(inp.name, "recipient's name")
    try:
        role = RecipientRole((inp.role or "").strip().lower())
    except ValueError:
        raise InvalidInput(
            "Choose the recipient's role: processor, controller or authority."
        ) from None
    country = clean_text(inp.country, "recipient's country", MAX_NAME, required=True)
    dpa_reference = clean_text(
        inp.dpa_reference, "reference of the Data Processing Agreement", MAX_TEXT
    )
    if role is RecipientRole.PROCESSOR and not dpa_reference:
        raise InvalidInput(
            "A processor works under a Data Processing Agreement (Art. 28(3)): give its reference."
        )
    if inp.dpa_date is not None and inp.dpa_date > _today():
        raise InvalidInput("The Data Processing Agreement cannot be dated in the future.")
    contact = clean_text(inp.contact, "recipient's contact details", MAX_TEXT)
    name_nb = clean_text(inp.name_nb, "recipient's name", MAX_NAME)
    country_nb = clean_text(inp.country_nb, "recipient's country", MAX_NAME)
    if not country_nb and is_norway(country):
        country_nb = "Norge"  # the one country every register names; others are typed
    with db.session() as s:
        recipient = _to_save(s, Recipient, inp.id, "recipient", name)
        s.add(recipient)
        recipient.name = name
        recipient.role = role
        recipient.country = country
        recipient.dpa_reference = dpa_reference
        recipient.dpa_date = inp.dpa_date
        recipient.contact = contact
        recipient.name_nb = name_nb
        recipient.country_nb = country_nb
        s.flush()
        return recipient_view(recipient)


def retire_recipient(db: Database, recipient_id: int) -> None:
    _retire(db, Recipient, recipient_id, "recipient")


# --- systems ----------------------------------------------------------------------------------------


def list_systems(db: Database, include_retired: bool = False) -> list[SystemView]:
    return _listed(db, System, _system_view, include_retired)


def get_system(db: Database, system_id: int) -> SystemView:
    with db.session() as s:
        return _system_view(_get(s, System, system_id, "system"))


def save_system(db: Database, inp: SystemInput) -> SystemView:
    name = clean_name(inp.name, "system's name")
    owner = clean_text(inp.owner, "system's owner", MAX_NAME)
    holds = clean_text(inp.holds, "description of what the system holds", MAX_TEXT)
    name_nb = clean_text(inp.name_nb, "system's name", MAX_NAME)
    with db.session() as s:
        system = _to_save(s, System, inp.id, "system", name)
        s.add(system)
        system.name = name
        system.owner = owner
        system.holds = holds
        system.name_nb = name_nb
        s.flush()
        return _system_view(system)


def retire_system(db: Database, system_id: int) -> None:
    _retire(db, System, system_id, "system")


def where_used(
    db: Database, kind: Literal["rule", "recipient", "system"], entry_id: int
) -> list[str]:
    """The names of the activities in use (not retired) that use this entry."""
    stmt = select(ProcessingActivity.name).where(ProcessingActivity.retired_at.is_(None))
    if kind == "rule":
        stmt = stmt.where(ProcessingActivity.retention.any(ActivityRetention.rule_id == entry_id))
    elif kind == "recipient":
        stmt = stmt.where(ProcessingActivity.recipients.any(Recipient.id == entry_id))
    elif kind == "system":
        stmt = stmt.where(ProcessingActivity.systems.any(System.id == entry_id))
    else:
        raise ValueError(f"unknown register entry kind {kind!r}")
    with db.session() as s:
        return list(s.scalars(stmt.order_by(ProcessingActivity.id)))


# --- the controller profile ----------------------------------------------------------------------

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def norwegian_org_number(text: str) -> str:
    """Nine digits with the modulus 11 check digit of Brønnøysundregistrene."""
    digits = re.sub(r"[\s.-]", "", text).removeprefix("NO").removesuffix("MVA")
    if not (len(digits) == 9 and digits.isascii() and digits.isdigit()):
        raise InvalidInput(f"'{text.strip()}' is not a Norwegian organisation number (9 digits).")
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(digits[8]):
        raise InvalidInput(f"'{text.strip()}' is not a valid organisation number (check digit).")
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def is_norway(country: str) -> bool:
    return country.strip().casefold() in {"norway", "norge", "noreg", "no"}


def get_controller(db: Database) -> ControllerProfile:
    with db.session() as s:
        rows = {
            key: value
            for key, value in s.execute(
                select(Setting.key, Setting.value).where(Setting.key.like("controller.%"))
            )
        }
    values = {k: rows[f"controller.{k}"] for k in CONTROLLER_KEYS if f"controller.{k}" in rows}
    return ControllerProfile(**values)


def letter_controller(db: Database) -> docs.Controller:
    """The controller as statements and letters name it (from the profile)."""
    profile = get_controller(db)
    return docs.Controller(
        legal_name=profile.legal_name,
        organisation_number=profile.organisation_number,
        address=profile.address,
        email=profile.privacy_email,
        phone=profile.phone,
        officer_name=profile.officer_name,
    )


def save_controller(db: Database, profile: ControllerProfile) -> ControllerProfile:
    """Store the controller profile; e-mail and phone are checked and kept in one form."""
    legal_name = clean_name(profile.legal_name, "controller's legal name")
    country = clean_text(profile.country, "controller's country", MAX_NAME, required=True)
    org = clean_text(profile.organisation_number, "organisation number", 40)
    if org and is_norway(country):
        org = norwegian_org_number(org)
    email = clean_text(profile.privacy_email, "e-mail address for privacy requests", 320)
    if email:
        email = normalise_email(email)
    phone = clean_text(profile.phone, "phone number", 40)
    if phone:
        # Kept readable as letters print it ("+47 40 00 15 14"), from the one checked number.
        phone = phonenumbers.format_number(
            phonenumbers.parse(normalise_phone(phone)),
            phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        )
    officer = clean_text(profile.officer_name, "name of the privacy officer", MAX_NAME)
    if officer:
        officer = clean_name(officer, "name of the privacy officer")
    saved = ControllerProfile(
        legal_name=legal_name,
        organisation_number=org,
        address=clean_text(profile.address, "controller's address", MAX_TEXT),
        country=country,
        privacy_email=email,
        phone=phone,
        officer_name=officer,
    )
    with db.session() as s:
        for key in CONTROLLER_KEYS:
            value = getattr(saved, key)
            row = s.get(Setting, f"controller.{key}")
            if row is None:
                s.add(Setting(key=f"controller.{key}", value=value))
            elif row.value != value:
                row.value = value
    return saved


# --- retention for one person -----------------------------------------------------------------------


def retention_dates_for_subject(
    db: Database, subject_id: int, lang: str = "en"
) -> list[RetentionDate]:
    """For each activity in use and each of its retention lines: when this person's data may
    be deleted (None where the law decides or the date it runs from is not known).

    The request cases count from the latest closing date, and only once every case of the
    person is closed. Collection dates (website analytics) are not recorded here: unknown.
    """
    with db.session() as s:
        subject = s.get(Subject, subject_id)
        if subject is None:
            raise NotFound(f"There is no data subject {subject_id}.")
        closed = list(s.scalars(select(Case.closed_on).where(Case.subject_id == subject_id)))
        closed_days = [d for d in closed if d is not None]
        dates = SubjectDates(
            last_purchase=subject.last_purchase,
            last_contact=subject.last_contact,
            case_closed=max(closed_days) if closed and len(closed_days) == len(closed) else None,
        )
        activities = s.scalars(
            select(ProcessingActivity)
            .where(ProcessingActivity.retired_at.is_(None))
            .options(
                selectinload(ProcessingActivity.retention).selectinload(ActivityRetention.rule)
            )
            .order_by(ProcessingActivity.id)
        )
        result: list[RetentionDate] = []
        for activity in activities:
            for line in activity.retention:
                spec = _rule_spec(line.rule)
                result.append(
                    RetentionDate(
                        activity=activity.name,
                        applies_to=line.applies_to,
                        rule=line.rule.description,
                        legal_reference=line.rule.legal_reference,
                        earliest_deletion=retention.earliest_deletion(spec, dates),
                        criteria=retention.deletion_criteria(spec, lang),
                    )
                )
        return result
