"""Logging a request: what the officer typed wrong reads in Bokmål for a Norwegian officer,
with dates as dates of the reader's language, and nothing is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.core.errors import InvalidInput, RuleViolation
from app.core.model import AnswerMethod
from app.services import cases, workflow
from app.store.database import Database
from tests.conftest import oslo, phone_request
from tests.services.test_cases import table_counts


def test_a_request_without_a_type_is_refused_in_bokmal(db: Database) -> None:
    before = table_counts(db.path)
    with pytest.raises(InvalidInput) as caught:
        cases.log_request(db, replace(phone_request(), types=()))
    assert caught.value.render("nb") == "Velg minst én type henvendelse."
    assert str(caught.value) == "Choose at least one request type."
    assert table_counts(db.path) == before


def test_a_receipt_before_the_gdpr_applied_names_the_day(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        cases.log_request(db, phone_request(received=oslo(2018, 5, 24)))
    assert "25.05.2018" in caught.value.render("nb")
    assert "25 May 2018" in str(caught.value)


def test_the_once_a_year_rule_reads_its_date_in_bokmal(db: Database) -> None:
    first = cases.log_request(db, phone_request(received=oslo(2025, 1, 5)))
    workflow.mark_answered(
        db, first.reference, on=dt.date(2025, 1, 20), method=AnswerMethod.POST.value
    )
    with pytest.raises(RuleViolation) as caught:
        cases.log_request(db, phone_request(received=oslo(2025, 6, 1)))
    assert caught.value.render("nb").startswith(
        "Denne personen fikk en gratis innsynsredegjørelse 20.01.2025,"
    )


def test_an_empty_note_is_refused_in_bokmal(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    with pytest.raises(InvalidInput) as caught:
        cases.add_note(db, ref, "   ")
    assert caught.value.render("nb") == "Merknaden er tom."
