"""Contact details as typed or imported: phone numbers, e-mail addresses, names.

Each function returns the one canonical form that is stored and compared, or raises
`InvalidInput` with a sentence the officer can act on.
"""

from __future__ import annotations

import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from app.core.errors import InvalidInput

__all__ = [
    "MAX_NAME_LENGTH",
    "InvalidInput",
    "normalise_email",
    "normalise_phone",
    "validate_name",
]

MAX_NAME_LENGTH = 200

# Bidirectional embedding, override and isolate controls: invisible, and able to make a
# name display as something else than what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_PHONE_REASONS = {
    phonenumbers.ValidationResult.TOO_SHORT: "too short",
    phonenumbers.ValidationResult.TOO_LONG: "too long",
    phonenumbers.ValidationResult.INVALID_LENGTH: "wrong number of digits",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
}


def _quoted(text: str, limit: int = 40) -> str:
    """The value as the officer typed it, shortened so a pasted page cannot flood a dialog."""
    shown = text.strip()
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def normalise_phone(text: str, default_region: str = "NO") -> str:
    """The number in E.164 form ("+4740001514").

    Numbers without a country code are read as numbers of `default_region`; "00" and "+"
    prefixes are both understood.
    """
    problem = f"{_quoted(text)} is not a valid phone number"
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput(problem) from exc
    if not phonenumbers.is_valid_number(number):
        reason = _PHONE_REASONS.get(phonenumbers.is_possible_number_with_reason(number))
        raise InvalidInput(f"{problem}: {reason}" if reason else problem)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """The address as email-validator normalises it: domain lower-cased (and IDNA-checked),
    local part kept as written apart from Unicode normalisation."""
    try:
        result = validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidInput(f"{_quoted(text)} is not a valid e-mail address: {exc}") from exc
    return str(result.normalized)


def validate_name(text: str) -> str:
    """A person's or company's name, tidied: surrounding and repeated whitespace removed.

    Any letters (Sámi included), punctuation, markup characters and emoji are kept as they are:
    they are text, and whoever renders them escapes them.
    """
    for ch in text:
        if ch.isspace():
            continue  # tabs and line breaks from a paste are collapsed below
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS:
            raise InvalidInput(f"name contains a control character (U+{ord(ch):04X})")
    name = unicodedata.normalize("NFC", " ".join(text.split()))
    if not name:
        raise InvalidInput("name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(
            f"name is {len(name)} characters long; at most {MAX_NAME_LENGTH} are allowed"
        )
    return name
