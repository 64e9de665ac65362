"""The words of statements and letters, read from `resources/letters/<language>.json`.

Template strings may carry ReportLab paragraph markup (`<b>`, `<br/>`): they are ours.
Every value put into a placeholder is escaped here unless it is already `Markup`, so a name
such as `Ola <b>Nordmann & Sønn` prints literally. A placeholder the template names but the
caller does not supply stays visible as `{name}` instead of raising in the middle of a letter.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import string
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

from app.core import messages
from app.resources import resources_dir

LANGUAGES: tuple[str, ...] = ("nb", "en")

_FORMATTER = string.Formatter()


class Markup(str):
    """Text that is already safe for a ReportLab Paragraph (escaped, or our own markup)."""

    __slots__ = ()


def markup(text: str) -> Markup:
    """Escape user text for a Paragraph; line breaks become `<br/>`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br/>".join(escape(line) for line in lines))


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(template: str) -> set[str]:
    """The names a template refers to (`{name}` and `{name:spec}` alike)."""
    return {
        field.split(".")[0].split("[")[0] for _, field, _, _ in _FORMATTER.parse(template) if field
    }


class Wording:
    """One language's strings. `path` is dotted: `"letters.fee.heading"`."""

    def __init__(self, language: str, data: Mapping[str, Any]) -> None:
        self.language = language
        self._data = data
        meta = data["meta"]
        self._thousands: str = meta["thousands_separator"]
        self._and: str = meta["and"]
        self._or: str = meta["or"]

    def raw(self, path: str) -> Any:
        node: Any = self._data
        for key in path.split("."):
            node = node[key]
        return node

    def text(self, path: str) -> str:
        value = self.raw(path)
        if not isinstance(value, str):
            raise TypeError(f"{self.language}.json: {path} is not a string")
        return value

    def fill(self, path: str, **values: str) -> Markup:
        return self.format(self.text(path), values)

    def format(self, template: str, values: Mapping[str, str]) -> Markup:
        safe = _Values({k: v if isinstance(v, Markup) else markup(v) for k, v in values.items()})
        return Markup(template.format_map(safe))

    def paragraphs(self, path: str, values: Mapping[str, str]) -> list[Markup]:
        """A list of paragraph templates; a paragraph that refers to a value left empty
        (no requested types, no reasons) is left out rather than printed half-filled."""
        templates = self.raw(path)
        if not isinstance(templates, list):
            raise TypeError(f"{self.language}.json: {path} is not a list")
        out: list[Markup] = []
        for template in templates:
            if any(name in values and not values[name] for name in placeholders(template)):
                continue
            out.append(self.format(template, values))
        return out

    def date(self, day: dt.date) -> str:
        """03.12.2026 in Bokmål, 3 December 2026 in English (never the process locale's
        month names, which Qt sets from the computer)."""
        return messages.format_date(day, self.language)

    def amount(self, kroner: int) -> str:
        grouped = f"{kroner:,}".replace(",", self._thousands)
        return self.text("common.amount").format(amount=grouped)

    def join(self, items: Iterable[str], *, conjunction: str = "and") -> str:
        words = [item for item in items if item]
        word = self._and if conjunction == "and" else self._or
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {word} {words[-1]}"

    def request_types(self, types: Iterable[str]) -> str:
        names: Mapping[str, str] = self.raw("request_types")
        return self.join(names.get(t, t) for t in types)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"no letter templates for language {language!r}; have {LANGUAGES}")


@functools.cache
def wording(language: str) -> Wording:
    _check_language(language)
    path = resources_dir() / "letters" / f"{language}.json"
    with path.open(encoding="utf-8") as fh:
        return Wording(language, json.load(fh))
