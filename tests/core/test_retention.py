"""Retention rules: earliest deletion dates, the criteria in words, statutory minimums."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import InvalidInput
from app.core.retention import (
    STATUTORY_MINIMUMS,
    AfterEvent,
    JustificationRequired,
    RetentionRuleSpec,
    SubjectDates,
    deletion_criteria,
    earliest_deletion,
    exceeds_statutory_minimum,
    financial_year_end,
    period_text,
    validate_rule,
)

D = dt.date


def rule(
    years: int = 0, months: int = 0, event: str = "last_purchase", ref: str = ""
) -> RetentionRuleSpec:
    return RetentionRuleSpec(years, months, event, legal_reference=ref)


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "years", "months", "expected"),
    [
        (D(2024, 2, 29), 3, 0, D(2027, 2, 28)),  # the leap day does not exist in 2027
        (D(2024, 2, 29), 4, 0, D(2028, 2, 29)),  # ... but does in 2028
        (D(2023, 3, 1), 3, 0, D(2026, 3, 1)),
        (D(2025, 12, 31), 0, 14, D(2027, 2, 28)),  # end of a shorter month
        (D(2026, 1, 31), 0, 1, D(2026, 2, 28)),
        (D(2026, 5, 17), 1, 2, D(2027, 7, 17)),
    ],
)
def test_period_after_last_purchase(
    start: dt.date, years: int, months: int, expected: dt.date
) -> None:
    assert earliest_deletion(rule(years, months), SubjectDates(last_purchase=start)) == expected


def test_each_event_counts_from_its_own_date() -> None:
    dates = SubjectDates(
        last_purchase=D(2025, 1, 10),
        last_contact=D(2025, 6, 1),
        collected=D(2025, 8, 15),
        case_closed=D(2025, 9, 30),
    )
    assert earliest_deletion(rule(3, 0, "last_purchase"), dates) == D(2028, 1, 10)
    assert earliest_deletion(rule(3, 0, "last_contact"), dates) == D(2028, 6, 1)
    assert earliest_deletion(rule(0, 14, "collection"), dates) == D(2026, 10, 15)
    assert earliest_deletion(rule(3, 0, "case_closed"), dates) == D(2028, 9, 30)


def test_financial_records_run_from_the_end_of_the_financial_year() -> None:
    ten_years = rule(10, 0, "financial_year_end", "bokføringsloven § 13")
    assert earliest_deletion(ten_years, SubjectDates(last_purchase=D(2026, 3, 15))) == D(
        2036, 12, 31
    )
    # The record's own date wins over the last purchase.
    dates = SubjectDates(last_purchase=D(2026, 3, 15), record_date=D(2024, 12, 31))
    assert earliest_deletion(ten_years, dates) == D(2034, 12, 31)
    # A purchase on 1 January belongs to that year's accounts, not the year before.
    assert earliest_deletion(
        rule(5, 0, "financial_year_end"), SubjectDates(record_date=D(2026, 1, 1))
    ) == D(2031, 12, 31)
    assert earliest_deletion(
        rule(0, 14, "financial_year_end"), SubjectDates(record_date=D(2026, 6, 1))
    ) == D(2028, 2, 29)
    assert financial_year_end(D(2026, 3, 15)) == D(2026, 12, 31)


def test_by_law_has_no_date() -> None:
    dates = SubjectDates(
        last_purchase=D(2025, 1, 1),
        last_contact=D(2025, 1, 1),
        collected=D(2025, 1, 1),
        case_closed=D(2025, 1, 1),
        record_date=D(2025, 1, 1),
    )
    assert earliest_deletion(rule(0, 0, "by_law"), dates) is None


@pytest.mark.parametrize(
    "event",
    ["last_purchase", "last_contact", "financial_year_end", "case_closed", "collection"],
)
def test_missing_date_gives_no_date(event: str) -> None:
    assert earliest_deletion(rule(3, 0, event), SubjectDates()) is None


def test_missing_date_is_not_taken_from_another_event() -> None:
    only_purchase = SubjectDates(last_purchase=D(2025, 1, 1))
    assert earliest_deletion(rule(3, 0, "last_contact"), only_purchase) is None
    assert earliest_deletion(rule(3, 0, "case_closed"), only_purchase) is None


# --- words ---------------------------------------------------------------------------------------


def test_criteria_in_english_and_norwegian() -> None:
    assert deletion_criteria(rule(3), "en") == "3 years after the last purchase"
    assert deletion_criteria(rule(3), "nb") == "3 år etter siste kjøp"
    assert deletion_criteria(rule(3, 0, "last_contact"), "en") == "3 years after the last contact"
    assert deletion_criteria(rule(3, 0, "last_contact"), "nb") == "3 år etter siste kontakt"
    assert (
        deletion_criteria(rule(10, 0, "financial_year_end"))
        == "10 years after the end of the financial year"
    )
    assert (
        deletion_criteria(rule(10, 0, "financial_year_end"), "nb")
        == "10 år etter utgangen av regnskapsåret"
    )
    assert deletion_criteria(rule(0, 14, "collection")) == "14 months after collection"
    assert deletion_criteria(rule(0, 14, "collection"), "nb") == "14 måneder etter innsamling"
    assert deletion_criteria(rule(1, 1)) == "1 year and 1 month after the last purchase"
    assert deletion_criteria(rule(1, 1), "nb") == "1 år og 1 måned etter siste kjøp"
    assert deletion_criteria(rule(0, 0, "by_law")) == "as required by applicable law"
    assert deletion_criteria(rule(0, 0, "by_law"), "nb") == "så lenge gjeldende lov krever"


def test_unknown_language_is_a_bug() -> None:
    with pytest.raises(ValueError):
        deletion_criteria(rule(3), "de")
    assert period_text(2, 0) == "2 years"


# --- statutory minimums ------------------------------------------------------------------------


def test_bookkeeping_minimum_is_five_years_after_the_financial_year() -> None:
    (bookkeeping,) = [m for m in STATUTORY_MINIMUMS if m.code == "bookkeeping"]
    assert (bookkeeping.rule.period_years, bookkeeping.rule.period_months) == (5, 0)
    assert bookkeeping.rule.after_event == AfterEvent.FINANCIAL_YEAR_END
    assert "bokføringsloven § 13" in bookkeeping.rule.legal_reference


def test_ten_year_financial_records_exceed_the_minimum() -> None:
    flagged = exceeds_statutory_minimum(rule(10, 0, "financial_year_end", "bokføringsloven § 13"))
    assert flagged is not None and flagged.code == "bookkeeping"


def test_rule_citing_the_bookkeeping_act_is_recognised_by_its_reference() -> None:
    assert (
        exceeds_statutory_minimum(rule(6, 0, "last_purchase", "Bokføringsloven § 13")) is not None
    )
    assert exceeds_statutory_minimum(rule(6, 0, "last_purchase", "bokføringslova § 13")) is not None


@pytest.mark.parametrize(
    "spec",
    [
        rule(5, 0, "financial_year_end", "bokføringsloven § 13"),  # exactly the minimum
        rule(4, 12, "financial_year_end"),  # the same, in months
        rule(3, 0, "financial_year_end"),
        rule(10, 0, "last_purchase", "LanoPro privacy policy"),  # not bookkeeping data
        rule(0, 0, "by_law", "bokføringsloven § 13"),
    ],
)
def test_rules_not_flagged(spec: RetentionRuleSpec) -> None:
    assert exceeds_statutory_minimum(spec) is None


def test_one_month_over_is_flagged() -> None:
    assert exceeds_statutory_minimum(rule(5, 1, "financial_year_end")) is not None


def test_justification_message_names_the_law_and_the_periods() -> None:
    spec = rule(10, 0, "financial_year_end", "bokføringsloven § 13")
    minimum = exceeds_statutory_minimum(spec)
    assert minimum is not None
    assert str(JustificationRequired(minimum, spec)) == (
        "Bookkeeping records need only be kept 5 years after the end of the financial year "
        "(bokføringsloven § 13); this rule keeps them 10 years. Give the justification."
    )


# --- validation ---------------------------------------------------------------------------------


def test_valid_rule_is_tidied() -> None:
    spec = validate_rule(
        RetentionRuleSpec(3, 0, "last_contact", legal_reference="  policy ", description=" x ")
    )
    assert spec == RetentionRuleSpec(3, 0, "last_contact", "policy", "x")
    assert validate_rule(rule(0, 14, "collection")).period_months == 14  # months over 11 allowed
    assert validate_rule(rule(0, 0, "by_law")).after_event == "by_law"


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        (rule(-1, 0), "negative"),
        (rule(0, -3), "negative"),
        (rule(0, 0, "last_purchase"), "Give the retention period"),
        (rule(3, 0, "birthday"), "Unknown event"),
        (rule(3, 0, "by_law"), "no period of its own"),
        (rule(101, 0), "too long"),
        (rule(0, 1201), "too long"),
    ],
)
def test_invalid_rules_are_refused(spec: RetentionRuleSpec, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        validate_rule(spec)
