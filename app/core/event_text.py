"""A timeline event in the reader's language: its kind and its parameters, rendered from the
catalogue's `event.json`, so a case logged in Bokmål reads in English and the reverse.

Parameters are stored as JSON. Plain strings and numbers are stored as they are (names and
values from the register or typed by the officer: shown as stored, never translated). A
value that is read differently in each language carries its type:

- a date: `{"date": "2026-12-03"}`, shown as 03.12.2026 or 3 December 2026;
- an enum member: `{"enum": "Status", "value": "answered"}`, shown by its label in
  `enum.json` (its value where there is none);
- a list of such values, joined with "og"/"and".

The template is `event.<kind>` (the kind's words joined by "_": "identity requested" is
`event.identity_requested`), or `event.<kind>.<form>` where the parameter `form` picks one of a
kind's wordings. The parameter `note` is the officer's own text: never translated, shown on a
line of its own. An event without parameters (older than this, or one whose text could not be
read back into parameters) is shown as its stored text.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

from app.core import messages
from app.core.timeline import FirstLineEventKind, KeptEventKind

NOTE = "note"  # the officer's own words
FORM = "form"  # which wording of the kind


def encode(value: Any) -> Any:
    """A parameter as JSON can hold it, typed where its reading depends on the language."""
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def encode_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters to store; one that is None or empty (no note) is left out."""
    return {name: encode(v) for name, v in params.items() if v is not None and v != ""}


def as_enum(value: str, kinds: type[enum.Enum]) -> enum.Enum | str:
    """A value chosen from a list (its member, shown by its label) or typed (as typed)."""
    try:
        return kinds(value)
    except ValueError:
        return value


def param_text(value: Any, language: str) -> str:
    """One stored parameter, in the reader's language."""
    if isinstance(value, dict):
        if "date" in value:
            return messages.format_date(dt.date.fromisoformat(value["date"]), language)
        if "enum" in value:
            key = f"enum.{value['enum']}.{value.get('value')}"
            return messages.catalogue(language).get(key, str(value.get("value")))
    if isinstance(value, list):
        return messages.join((param_text(v, language) for v in value), language)
    return "" if value is None else str(value)


def slug(kind: str) -> str:
    return kind.replace(" ", "_").replace("-", "_")


def template_key(kind: str, params: Mapping[str, Any]) -> str:
    form = params.get(FORM)
    return f"event.{slug(kind)}" + (f".{form}" if form else "")


def event_text(
    kind: str, params: Mapping[str, Any] | None, detail: str, language: str = messages.DEFAULT
) -> str:
    """What the event says, in `language`; its stored text where it has no parameters."""
    if params is None:
        return detail
    key = template_key(kind, params)
    if not messages.has_key(key):
        return detail
    values = {
        name: param_text(value, language)
        for name, value in params.items()
        if name not in (NOTE, FORM)
    }
    text = messages.render(key, values, language)
    note = params.get(NOTE)
    return f"{text}\n{note}" if note else text


def kind_label(kind: str, language: str = messages.DEFAULT) -> str:
    """The event's kind as the reader calls it."""
    for kinds in (KeptEventKind, FirstLineEventKind):
        try:
            return messages.enum_label(kinds(kind), language)
        except ValueError:
            continue
    return messages.catalogue(language).get(f"event.kind.{slug(kind)}", kind)
