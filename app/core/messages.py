"""The messages an officer reads that are not the GUI's own labels: the errors and notices the
services, the store and the intake raise, in Bokmål and English from one catalogue.

A message is a key and its parameters. The catalogue is `resources/messages/<language>/
<area>.json`: the file's stem is the first part of the key, so `intake.json`'s `name_empty`
is `"intake.name_empty"`. Both languages hold the same keys with the same `{placeholders}`
(a test checks it, and that every key the code raises is there).

Parameters are rendered in the reader's language: a date as 03.12.2026 in Bokmål and
3 December 2026 in English, an enum member by its label under `enum.json`'s
`"<EnumClass>.<value>"` (its machine value where none is written), a nested message (an error
that explains another) in the same language, a list of such values joined with "og"/"and".
Anything else is shown as `str()` gives it: names and values the user typed stay as typed.
"""

from __future__ import annotations

import datetime as dt
import enum
import errno
import functools
import json
import os
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.resources import resources_dir

LANGUAGES: tuple[str, ...] = ("en", "nb")
DEFAULT = "en"

_FORMATTER = string.Formatter()
_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


class Message:
    """A key of the catalogue with its parameters, rendered when someone reads it."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def render(self, language: str = DEFAULT) -> str:
        return render(self.key, self.params, language)

    def __str__(self) -> str:
        return self.render(DEFAULT)

    def __repr__(self) -> str:
        return f"Message({self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def catalogue_dir() -> Any:
    return resources_dir() / "messages"


@functools.cache
def catalogue(language: str) -> Mapping[str, str]:
    """Every key of one language: `{"area.name": template}`."""
    if language not in LANGUAGES:
        raise ValueError(f"no message catalogue for {language!r}")
    entries: dict[str, str] = {}
    for path in sorted((catalogue_dir() / language).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for name, template in data.items():
            if name.startswith("_"):
                continue  # a note to the translator
            entries[f"{path.stem}.{name}"] = template
    return entries


def placeholders(template: str) -> set[str]:
    return {
        field.split(".")[0].split("[")[0] for _, field, _, _ in _FORMATTER.parse(template) if field
    }


def has_key(key: str) -> bool:
    return key in catalogue(DEFAULT)


def format_date(day: dt.date, language: str) -> str:
    if isinstance(day, dt.datetime):
        day = day.date()
    if language == "nb":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def enum_label(member: enum.Enum, language: str = DEFAULT) -> str:
    """An enum member as the reader calls it ("innsyn" for RequestType.ACCESS in Bokmål)."""
    value = str(member.value)
    return catalogue(language).get(f"enum.{type(member).__name__}.{value}", value)


def document_kind_text(kind: str, language: str = DEFAULT) -> str:
    """A kept document's kind ("statement", "email", "letter:fee") as a reader calls it; an
    unknown kind as it is stored."""
    name = kind.split(":", 1)[1] if kind.startswith("letter:") else kind
    return catalogue(language).get(f"document_kind.{name}", kind)


@dataclass(frozen=True)
class DocumentKindName:
    """A kept document's kind as a parameter: read by `document_kind_text` in the reader's
    language."""

    kind: str

    def render(self, language: str) -> str:
        return document_kind_text(self.kind, language)


def join(items: Iterable[str], language: str) -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    word = "og" if language == "nb" else "and"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def value_text(value: Any, language: str) -> str:
    """One parameter, in the reader's language."""
    if isinstance(value, (Message, DocumentKindName)):
        return value.render(language)
    render_in = getattr(value, "render", None)
    if callable(render_in) and isinstance(value, Exception):
        return str(render_in(language))
    if isinstance(value, enum.Enum):
        return enum_label(value, language)
    if isinstance(value, dt.datetime):
        return format_date(value, language)
    if isinstance(value, dt.date):
        return format_date(value, language)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return join((value_text(v, language) for v in items), language)
    return str(value)


_OS_REASONS = {
    errno.ENOSPC: "no_space",
    errno.EDQUOT: "no_space",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.EROFS: "read_only",
    errno.ENOENT: "not_found",
    errno.EEXIST: "exists",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_folder",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EIO: "io_error",
    errno.EBUSY: "busy",
}


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused a file operation, in the reader's language where we know the
    reason; the system's own words (English) for the rare others."""
    key = _OS_REASONS.get(exc.errno or 0)
    if key is not None:
        return Message(f"os.{key}")
    return exc.strerror or type(exc).__name__


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(key: str, params: Mapping[str, Any], language: str = DEFAULT) -> str:
    """The message in `language`; English where a language lacks the key, and the key itself
    where the catalogue has none (never an exception in the middle of showing an error)."""
    if language not in LANGUAGES:
        language = DEFAULT
    template = catalogue(language).get(key) or catalogue(DEFAULT).get(key)
    if template is None:
        return key
    values = _Values({name: value_text(v, language) for name, v in params.items()})
    return template.format_map(values)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language a command-line tool speaks, from the locale as gettext reads it:
    LANGUAGE, LC_ALL, LC_MESSAGES, LANG, the first one set. Norwegian (nb, nn, no) is
    Bokmål; C, POSIX and anything else is English."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        first = value.split(":")[0]
        code = first.split(".")[0].split("@")[0].split("_")[0].lower()
        return "nb" if code in ("nb", "nn", "no") else "en"
    return DEFAULT
