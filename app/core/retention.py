"""Retention rules: when personal data may be deleted, in words and as a date.

Pure domain code: no Qt, no database, no I/O.

A rule keeps data for a period after an event (the last purchase, the last contact, the end
of the financial year, the closing of a request case, the collection of the data), or "as
required by applicable law" (``by_law``), which has no period of its own.

The earliest deletion date is the event date plus the period, counted in calendar years and
months (``dateutil.relativedelta``): a date that does not exist in the target month becomes
the last day of that month, so 29 Feb 2024 + 3 years is 28 Feb 2027. Financial records run
from the end of the financial year (31 December of the record's year, per the Norwegian
bookkeeping rules), so a purchase on 15 Mar 2026 kept 10 years may be deleted from
31 Dec 2036.

Statutory minimums: where the law names how long a kind of data must be kept, a rule that
keeps that kind of data longer is flagged (Art. 5(1)(e), storage limitation). The controller's
own policy is kept as configured, and the officer records why (the justification).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from app.core.errors import InvalidInput

__all__ = [
    "MAX_PERIOD_MONTHS",
    "MAX_PERIOD_YEARS",
    "STATUTORY_MINIMUMS",
    "AfterEvent",
    "JustificationRequired",
    "RetentionRuleSpec",
    "StatutoryMinimum",
    "SubjectDates",
    "deletion_criteria",
    "earliest_deletion",
    "exceeds_statutory_minimum",
    "financial_year_end",
    "is_bookkeeping_rule",
    "period_months",
    "period_text",
    "validate_rule",
]

MAX_PERIOD_YEARS = 100
# Months may exceed 11: some periods are set in months (Google Analytics offers 14, 26, 38,
# 50 months), and the officer should be able to type them as the tool states them.
MAX_PERIOD_MONTHS = 1200


class AfterEvent(StrEnum):
    """What a retention period runs from."""

    LAST_PURCHASE = "last_purchase"
    LAST_CONTACT = "last_contact"
    FINANCIAL_YEAR_END = "financial_year_end"
    CASE_CLOSED = "case_closed"
    COLLECTION = "collection"
    BY_LAW = "by_law"


@dataclass(frozen=True)
class RetentionRuleSpec:
    """A rule as the domain sees it (the register's row without its identity)."""

    period_years: int
    period_months: int
    after_event: str
    legal_reference: str = ""
    description: str = ""


@dataclass(frozen=True)
class SubjectDates:
    """The dates a person's data may be counted from; any of them may be unknown."""

    last_purchase: dt.date | None = None
    last_contact: dt.date | None = None
    collected: dt.date | None = None
    case_closed: dt.date | None = None
    # The date of the financial record itself (an invoice, a payment). Where it is not
    # known, the last purchase stands in for it.
    record_date: dt.date | None = None


@dataclass(frozen=True)
class StatutoryMinimum:
    """How long the law requires a kind of data to be kept."""

    code: str
    kind: str  # "Bookkeeping records": the kind of data, as the start of a sentence (en)
    kind_nb: str
    rule: RetentionRuleSpec  # the statutory period, as a rule
    # How a configured rule is recognised as one for this kind of data.
    after_events: tuple[str, ...]
    reference_keywords: tuple[str, ...]


class JustificationRequired(InvalidInput):
    """A rule keeps data longer than the statutory minimum and no justification was given."""

    def __init__(self, minimum: StatutoryMinimum, rule: RetentionRuleSpec) -> None:
        super().__init__(
            f"{minimum.kind} need only be kept {deletion_criteria(minimum.rule)} "
            f"({minimum.rule.legal_reference}); this rule keeps them "
            f"{period_text(rule.period_years, rule.period_months)}. Give the justification."
        )
        self.minimum = minimum
        self.rule = rule


BOOKKEEPING = StatutoryMinimum(
    code="bookkeeping",
    kind="Bookkeeping records",
    kind_nb="Regnskapsmateriale",
    rule=RetentionRuleSpec(
        period_years=5,
        period_months=0,
        after_event=AfterEvent.FINANCIAL_YEAR_END,
        legal_reference="bokføringsloven § 13",
        description="Bookkeeping records (primary documentation)",
    ),
    after_events=(AfterEvent.FINANCIAL_YEAR_END,),
    # "bokføringslov" covers bokføringsloven (Bokmål) and bokføringslova (Nynorsk).
    reference_keywords=("bokføringslov", "bookkeeping act"),
)

STATUTORY_MINIMUMS: tuple[StatutoryMinimum, ...] = (BOOKKEEPING,)


# --- periods -----------------------------------------------------------------------------------


def period_months(rule: RetentionRuleSpec) -> int:
    """The rule's period in months (by_law rules have none: 0)."""
    return rule.period_years * 12 + rule.period_months


def _period(rule: RetentionRuleSpec) -> relativedelta:
    return relativedelta(years=rule.period_years, months=rule.period_months)


def period_text(years: int, months: int, lang: str = "en") -> str:
    """'3 years', '14 months', '1 year and 2 months' / '3 år', '14 måneder'."""
    nb = _is_nb(lang)
    parts: list[str] = []
    if years:
        parts.append(f"{years} år" if nb else f"{years} year{'s' if years != 1 else ''}")
    if months:
        if nb:
            parts.append(f"{months} måned{'er' if months != 1 else ''}")
        else:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
    if not parts:
        return "0 måneder" if nb else "0 months"
    return (" og " if nb else " and ").join(parts)


def _is_nb(lang: str) -> bool:
    if lang in ("nb", "no"):
        return True
    if lang == "en":
        return False
    raise ValueError(f"unsupported language {lang!r} (expected 'en' or 'nb')")


# --- dates ------------------------------------------------------------------------------------


def financial_year_end(day: dt.date) -> dt.date:
    """The end of the financial year a record dated ``day`` belongs to (calendar year)."""
    return dt.date(day.year, 12, 31)


def _event_date(rule: RetentionRuleSpec, dates: SubjectDates) -> dt.date | None:
    event = AfterEvent(rule.after_event)
    if event is AfterEvent.LAST_PURCHASE:
        return dates.last_purchase
    if event is AfterEvent.LAST_CONTACT:
        return dates.last_contact
    if event is AfterEvent.COLLECTION:
        return dates.collected
    if event is AfterEvent.CASE_CLOSED:
        return dates.case_closed
    if event is AfterEvent.FINANCIAL_YEAR_END:
        record = dates.record_date or dates.last_purchase
        return financial_year_end(record) if record else None
    return None  # by_law: the law in question decides, not a date we can count


def earliest_deletion(rule: RetentionRuleSpec, dates: SubjectDates) -> dt.date | None:
    """The first day the data kept under ``rule`` may be deleted, or None where it cannot be
    counted (a by_law rule, or the date the period runs from is not known)."""
    start = _event_date(rule, dates)
    if start is None:
        return None
    # relativedelta clips to the end of a shorter month: 29 Feb + 3 years -> 28 Feb.
    result: dt.date = start + _period(rule)
    return result


# --- words --------------------------------------------------------------------------------------

_EVENT_WORDS: dict[AfterEvent, tuple[str, str]] = {
    AfterEvent.LAST_PURCHASE: ("the last purchase", "siste kjøp"),
    AfterEvent.LAST_CONTACT: ("the last contact", "siste kontakt"),
    AfterEvent.FINANCIAL_YEAR_END: ("the end of the financial year", "utgangen av regnskapsåret"),
    AfterEvent.CASE_CLOSED: ("the case was closed", "at saken ble avsluttet"),
    AfterEvent.COLLECTION: ("collection", "innsamling"),
}


def deletion_criteria(rule: RetentionRuleSpec, lang: str = "en") -> str:
    """The retention period or the criteria for it, as Art. 15(1)(d) asks:
    '3 years after the last purchase' / '3 år etter siste kjøp'."""
    nb = _is_nb(lang)
    event = AfterEvent(rule.after_event)
    if event is AfterEvent.BY_LAW:
        return "så lenge gjeldende lov krever" if nb else "as required by applicable law"
    words = _EVENT_WORDS[event][1 if nb else 0]
    if not period_months(rule):
        return f"straks etter {words}" if nb else f"immediately after {words}"
    period = period_text(rule.period_years, rule.period_months, lang)
    return f"{period} etter {words}" if nb else f"{period} after {words}"


# --- statutory minimums -------------------------------------------------------------------------


def is_bookkeeping_rule(rule: RetentionRuleSpec) -> bool:
    return _matches(BOOKKEEPING, rule)


def _matches(minimum: StatutoryMinimum, rule: RetentionRuleSpec) -> bool:
    if rule.after_event in minimum.after_events:
        return True
    reference = rule.legal_reference.casefold()
    return any(word in reference for word in minimum.reference_keywords)


def exceeds_statutory_minimum(rule: RetentionRuleSpec) -> StatutoryMinimum | None:
    """The statutory minimum this rule keeps data longer than, if any.

    A rule is compared with a minimum for the same kind of data (bookkeeping: a rule that runs
    from the end of the financial year, or cites the Bookkeeping Act). Periods are compared in
    months; a by_law rule keeps data exactly as long as the law says, and is never flagged.
    """
    if rule.after_event == AfterEvent.BY_LAW:
        return None
    for minimum in STATUTORY_MINIMUMS:
        if _matches(minimum, rule) and period_months(rule) > period_months(minimum.rule):
            return minimum
    return None


# --- validation ---------------------------------------------------------------------------------


def validate_rule(spec: RetentionRuleSpec) -> RetentionRuleSpec:
    """Check a rule as typed; return it tidied (text stripped, event canonical).

    Raises InvalidInput with one sentence the officer can act on."""
    try:
        event = AfterEvent(spec.after_event)
    except ValueError:
        known = ", ".join(e.value for e in AfterEvent)
        raise InvalidInput(
            "retention.unknown_event", event=repr(spec.after_event), known=known
        ) from None
    years, months = spec.period_years, spec.period_months
    if isinstance(years, bool) or not isinstance(years, int):
        raise InvalidInput("retention.years_not_whole")
    if isinstance(months, bool) or not isinstance(months, int):
        raise InvalidInput("retention.months_not_whole")
    if years < 0 or months < 0:
        raise InvalidInput("retention.negative")
    if years > MAX_PERIOD_YEARS:
        raise InvalidInput("retention.too_many_years", years=years)
    if months > MAX_PERIOD_MONTHS:
        raise InvalidInput("retention.too_many_months", months=months)
    if event is AfterEvent.BY_LAW:
        if years or months:
            raise InvalidInput("retention.by_law_has_period")
    elif not (years or months):
        raise InvalidInput("retention.no_period")
    return RetentionRuleSpec(
        period_years=years,
        period_months=months,
        after_event=event.value,
        legal_reference=spec.legal_reference.strip(),
        description=spec.description.strip(),
    )
