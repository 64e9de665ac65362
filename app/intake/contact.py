"""Contact details as typed or imported: phone numbers, e-mail addresses, names.

Each function returns the one canonical form that is stored and compared, or raises
`InvalidInput` with a sentence the officer can act on.
"""

from __future__ import annotations

import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from app.core.errors import InvalidInput
from app.core.messages import Message

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
    phonenumbers.ValidationResult.TOO_SHORT: "contact.phone_too_short",
    phonenumbers.ValidationResult.TOO_LONG: "contact.phone_too_long",
    phonenumbers.ValidationResult.INVALID_LENGTH: "contact.phone_wrong_length",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "contact.phone_unknown_country",
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
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidInput("contact.phone_invalid", value=_quoted(text)) from exc
    if not phonenumbers.is_valid_number(number):
        reason = _PHONE_REASONS.get(phonenumbers.is_possible_number_with_reason(number))
        if reason is None:
            raise InvalidInput("contact.phone_invalid", value=_quoted(text))
        raise InvalidInput(
            "contact.phone_invalid_because", value=_quoted(text), reason=Message(reason)
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(text: str) -> str:
    """The address as email-validator normalises it: domain lower-cased (and IDNA-checked),
    local part kept as written apart from Unicode normalisation."""
    try:
        result = validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidInput(
            "contact.email_invalid", value=_quoted(text), reason=_email_reason(text.strip())
        ) from exc
    return str(result.normalized)


def _email_reason(text: str) -> Message:
    """Why an address is refused, in our words: email-validator's own are English only."""
    local, at, domain = text.rpartition("@")
    if "<" in text or ">" in text:
        return Message("contact.email_display_name")
    if not at:
        return Message("contact.email_no_at")
    if "@" in local:
        return Message("contact.email_several_at")
    if not local:
        return Message("contact.email_nothing_before_at")
    if not domain:
        return Message("contact.email_nothing_after_at")
    if any(ch.isspace() for ch in text):
        return Message("contact.email_space")
    if "." not in domain:
        return Message("contact.email_domain_without_dot")
    return Message("contact.email_malformed")


def validate_name(text: str) -> str:
    """A person's or company's name, tidied: surrounding and repeated whitespace removed.

    Any letters (Sámi included), punctuation, markup characters and emoji are kept as they are:
    they are text, and whoever renders them escapes them.
    """
    for ch in text:
        if ch.isspace():
            continue  # tabs and line breaks from a paste are collapsed below
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS:
            raise InvalidInput("contact.name_control_character", code=f"U+{ord(ch):04X}")
    name = unicodedata.normalize("NFC", " ".join(text.split()))
    if not name:
        raise InvalidInput("contact.name_empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput("contact.name_too_long", length=len(name), limit=MAX_NAME_LENGTH)
    return name
