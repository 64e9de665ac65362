"""The subject search index (FTS5): what is indexed, and how a typed query becomes a MATCH."""

from __future__ import annotations

import re
import unicodedata
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


# Shorter words are left to the index itself: their prefix indexes answer at once, and a
# vocabulary range of one or two letters can hold a million terms (every phone number).
ESTIMATE_MIN_CHARS = 4


def _term(token: str) -> str:
    """A word as the index's tokenizer (unicode61, remove_diacritics 2) stores it: lower
    case, accents removed; letters of their own (ø, æ, ŋ, đ) kept."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def estimated_matches(conn: Connection, query: str) -> int | None:
    """At most how many rows a one-word query (of ESTIMATE_MIN_CHARS or more) matches, from
    the vocabulary: the rows of every term the word begins, summed (a row holding two such
    terms counts twice, so never fewer than match). None for other queries. It lets a
    search choose its plan without running the match twice; the result never depends on it."""
    match = match_expression(query)
    if match is None:
        return None
    words = [w.strip('"*') for w in match.split(" ")]
    if len(words) != 1 or len(words[0]) < ESTIMATE_MIN_CHARS:
        return None
    term = _term(words[0])
    found = conn.execute(
        # subject_fts_terms: the index's vocabulary (fts5vocab, migration 0008)
        text("SELECT coalesce(sum(doc), 0) FROM subject_fts_terms WHERE term >= :a AND term < :b"),
        {"a": term, "b": term + "\U0010ffff"},
    ).scalar()
    return int(found or 0)


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
