"""The subject search index (FTS5): what is indexed, and how a typed query becomes a MATCH."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

from app.core.text import ascii_fold

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHONE_LIKE = re.compile(r"\+?[\d\s\-().]*\d[\d\s\-().]*\d[\d\s\-().]*")


def national_digits(e164: str) -> str:
    """+4740001514 -> 40001514, so a number typed without the country code is found too."""
    return e164[3:] if e164.startswith("+47") else e164.lstrip("+")


def index_row(
    name: str, emails: Iterable[str], phones: Iterable[str], numbers: Iterable[str | None]
) -> dict[str, str]:
    phone_terms: list[str] = []
    for p in phones:
        phone_terms += [p.lstrip("+"), national_digits(p)]
    folded = ascii_fold(name)
    return {
        "name": name if folded == name.casefold() else f"{name} {folded}",
        "contact": " ".join([*emails, *phone_terms]),
        "numbers": " ".join(n for n in numbers if n),
    }


def match_expression(query: str) -> str | None:
    """Each word the user typed must match the start of a word in the index (AND).

    Tokens are quoted so that FTS5 syntax in user input ("OR", "NEAR", '"', '*') is text.
    """
    if _PHONE_LIKE.fullmatch(query.strip()):
        # "+47 912 34 567" is one number, as the index holds it: digits only.
        digits = re.sub(r"\D", "", query)
        if digits.startswith("0047"):
            digits = digits[2:]
        return f'"{digits}"*'
    tokens = _TOKEN.findall(query)
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', "") + '"*' for t in tokens)


def reindex_subject(
    conn: Connection,
    subject_id: int,
    name: str,
    emails: Iterable[str],
    phones: Iterable[str],
    numbers: Iterable[str | None],
) -> None:
    conn.execute(text("DELETE FROM subject_fts WHERE rowid = :id"), {"id": subject_id})
    row = index_row(name, emails, phones, numbers)
    conn.execute(
        text(
            "INSERT INTO subject_fts(rowid, name, contact, numbers) "
            "VALUES (:id, :name, :contact, :numbers)"
        ),
        {"id": subject_id, **row},
    )


def remove_subject(conn: Connection, subject_id: int) -> None:
    conn.execute(text("DELETE FROM subject_fts WHERE rowid = :id"), {"id": subject_id})
