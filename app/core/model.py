"""Domain vocabulary shared by every layer: request types, channels, statuses, roles (of a
data subject, and of a recipient in the register)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class RequestType(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    OBJECTION = "objection"


# Canonical order, used when several types are stored or shown together.
REQUEST_TYPE_ORDER: tuple[RequestType, ...] = tuple(RequestType)


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    IN_PERSON = "in-person"


class Status(StrEnum):
    NEW = "new"
    AWAITING_IDENTITY = "awaiting identity"
    IN_PROGRESS = "in progress"
    ANSWERED = "answered"
    CLOSED = "closed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES: frozenset[Status] = frozenset(
    {Status.NEW, Status.AWAITING_IDENTITY, Status.IN_PROGRESS}
)


class Role(StrEnum):
    CUSTOMER = "customer"
    SUPPLIER = "supplier"
    STAKEHOLDER = "stakeholder"
    OTHER = "other"


class IdentityMethod(StrEnum):
    KNOWN_EMAIL = "reply from the e-mail address on record"
    KNOWN_PHONE = "call-back to the phone number on record"
    CUSTOMER_DETAILS = "customer number and details of a recent purchase"
    ID_SHOWN_IN_PERSON = "ID document shown in person (no copy kept)"
    BANKID = "BankID signature"
    POSTAL_ADDRESS = "letter to the postal address on record"
    OTHER = "other (described in the notes)"


class IdentityResult(StrEnum):
    VERIFIED = "verified"
    NOT_VERIFIED = "not verified"
    PENDING = "pending"


class FeeDecision(StrEnum):
    FREE = "free"
    FEE = "fee"
    REFUSE = "refuse"


class AnswerMethod(StrEnum):
    POST = "post"
    EMAIL = "e-mail"
    HANDED_OVER = "handed over"
    PHONE = "phone"


class RecipientRole(StrEnum):
    """What a recipient in the processing register is to the controller."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    AUTHORITY = "authority"


def types_to_text(types: Iterable[str]) -> str:
    """Store and show several request types in canonical order, comma separated."""
    wanted = {RequestType(t) for t in types}
    return ",".join(t.value for t in REQUEST_TYPE_ORDER if t in wanted)


def types_from_text(text: str) -> tuple[RequestType, ...]:
    parts = {p.strip() for p in text.split(",") if p.strip()}
    return tuple(t for t in REQUEST_TYPE_ORDER if t.value in parts)
