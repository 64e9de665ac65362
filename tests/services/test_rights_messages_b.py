"""The refusals and timeline events of rectification, notices, objection and letters read in
Bokmål as the officer reads them, and in the same English as before (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import InvalidInput
from app.core.model import RequestType
from app.services import cases, rights
from app.store.database import Database
from tests.services.test_rights import request

# --- rectification ------------------------------------------------------------------------------


def test_a_field_that_cannot_be_corrected_is_refused_in_bokmal(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    with pytest.raises(InvalidInput) as refused:
        rights.rectify(db, ref, {"roles": "supplier"})
    assert str(refused.value) == (
        "'roles' cannot be corrected here; use one of: name, postal_address, emails, phones, "
        "customer_no, last_purchase, last_contact."
    )
    assert refused.value.render("nb") == (
        "«roles» kan ikke rettes her; bruk ett av disse feltene: name, postal_address, emails, "
        "phones, customer_no, last_purchase, last_contact."
    )


def test_a_correction_dated_in_the_future_or_not_a_date_is_refused_in_bokmal(
    db: Database,
) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    tomorrow = cases.today_oslo() + dt.timedelta(days=1)
    with pytest.raises(InvalidInput) as future:
        rights.rectify(db, ref, {"last_contact": tomorrow})
    assert str(future.value) == "The last contact cannot be in the future."
    assert future.value.render("nb") == "Datoen for siste kontakt kan ikke ligge fram i tid."
    with pytest.raises(InvalidInput) as odd:
        rights.rectify(db, ref, {"last_purchase": "15.03.2026"})
    assert str(odd.value) == "The last purchase '15.03.2026' is not a date (YYYY-MM-DD)."
    assert odd.value.render("nb") == (
        "Datoen for siste kjøp «15.03.2026» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."
    )


def test_nothing_to_correct_and_a_long_customer_number_read_in_bokmal(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    with pytest.raises(InvalidInput) as empty:
        rights.rectify(db, ref, {})
    assert empty.value.render("nb") == "Oppgi minst ett felt som skal rettes."
    with pytest.raises(InvalidInput) as long:
        rights.rectify(db, ref, {"customer_no": "K" * 65})
    assert str(long.value) == "The customer number is longer than 64 characters."
    assert long.value.render("nb") == "Kundenummeret er lengre enn 64 tegn."
    with pytest.raises(InvalidInput) as same:
        rights.rectify(db, ref, {"name": cases.get_case(db, ref).subject_name})
    assert same.value.render("nb") == (
        "Ingenting å rette: de nye verdiene er de samme som allerede er registrert."
    )
