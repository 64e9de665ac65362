"""Phone numbers, e-mail addresses and names as the officer types or imports them."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInput
from app.intake.contact import normalise_email, normalise_phone, validate_name


@pytest.mark.parametrize(
    "typed",
    [
        "400 01 514",
        "40001514",
        "0047 40001514",
        "+47 40 00 15 14",
        " +4740001514 ",
        "+47-400-01-514",
    ],
)
def test_norwegian_phone_forms_give_e164(typed: str) -> None:
    assert normalise_phone(typed) == "+4740001514"


def test_foreign_number_keeps_its_country_code() -> None:
    assert normalise_phone("+353 87 123 4567") == "+353871234567"


def test_default_region_reads_national_numbers() -> None:
    assert normalise_phone("070-123 45 67", default_region="SE") == "+46701234567"


@pytest.mark.parametrize("typed", ["12", "abc", "+47 1234", "", "+47 12345678", "4000151499999"])
def test_invalid_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="is not a valid phone number"):
        normalise_phone(typed)


def test_phone_message_names_the_value() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_phone("12")
    assert str(caught.value).startswith("'12' is not a valid phone number")


def test_invalid_input_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        normalise_phone("abc")


def test_email_domain_is_lower_cased_local_part_kept() -> None:
    assert normalise_email("Kari.Nordmann@Example.NO") == "Kari.Nordmann@example.no"


def test_email_surrounding_spaces_are_dropped() -> None:
    assert normalise_email("  ola@example.no\n") == "ola@example.no"


def test_international_domain_is_accepted() -> None:
    assert normalise_email("ola@Blåbær.NO") == "ola@blåbær.no"


@pytest.mark.parametrize(
    ("typed", "reason", "reason_nb"),
    [
        ("ola@", "there is nothing after the @-sign", "det står ingenting etter @"),
        ("ola@@x.no", "it has more than one @-sign", "den har mer enn én @"),
        ("ola nordmann@x.no", "it contains a space", "den inneholder et mellomrom"),
        ("Ola <ola@x.no>", "without a name or angle brackets", "uten navn eller vinkelparenteser"),
        ("", "it has no @-sign", "den har ingen @"),
        ("ola@localhost", "is not a domain name", "er ikke et domenenavn"),
    ],
)
def test_invalid_emails_are_refused_with_the_reason(
    typed: str, reason: str, reason_nb: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_email(typed)
    message = str(caught.value)
    assert message.startswith(f"'{typed}' is not a valid e-mail address: ")
    assert reason in message
    in_bokmal = caught.value.render("nb")
    assert in_bokmal.startswith(f"'{typed}' er ikke en gyldig e-postadresse: ")
    assert reason_nb in in_bokmal


@pytest.mark.parametrize(
    "name",
    [
        "Áile Ŋuolga",
        "Čáhppes Đuođđa",
        "Ŧuomas Ŋáđđi Šávžža",
        "Ola <b>Nordmann & Sønn",
        "Ola <Nordmann> AS",
        "Kari 👩\u200d💻 Nordmann",
        "O'Brien, Seán",
        "=SUM(A1:A9)",
    ],
)
def test_names_are_accepted_unchanged(name: str) -> None:
    assert validate_name(name) == name


def test_whitespace_is_stripped_and_collapsed() -> None:
    assert validate_name("  Kari \t Nordmann\n  Hansen ") == "Kari Nordmann Hansen"


def test_decomposed_letters_are_composed() -> None:
    assert validate_name("A\u0301ile") == "Áile"


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_empty_name_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="^name is empty$"):
        validate_name(typed)


def test_ten_thousand_character_name_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_name("a" * 10_000)
    assert str(caught.value) == "name is 10000 characters long; at most 200 are allowed"


def test_name_length_limit_is_200() -> None:
    assert validate_name("ø" * 200) == "ø" * 200
    with pytest.raises(InvalidInput, match="name is 201 characters long"):
        validate_name("ø" * 201)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Kari\x00Nordmann", "U+0000"), ("Kari\x1b[31m", "U+001B"), ("Kari\u202eNordmann", "U+202E")],
)
def test_control_characters_are_refused(typed: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_name(typed)
    assert str(caught.value) == f"name contains a control character ({code})"
