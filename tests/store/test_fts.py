"""The search index's vocabulary estimate: never fewer than really match, and only for the
queries it is cheap and meant for."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.services import cases
from app.store import fts
from app.store.database import Database
from tests.conftest import phone_request

PEOPLE = (
    ("Ragnhild Ødegård", "ragnhild.odegard@example.no"),
    ("Ragnhild Ødegaard", "r.odegaard@example.no"),
    ("Áile Hætta", "aile@example.no"),
    ("Aile Hansen", "aile.hansen@example.no"),
    ("Kari Hansen", "kari.hansen@example.no"),
    ("Kari Hanssen", "kari@hanssen.example"),
    ("Niillas Ŋuolga", "niillas@example.no"),
)


@pytest.fixture
def people(db: Database) -> Database:
    for name, email in PEOPLE:
        cases.log_request(db, phone_request(name, phone=None, email=email))
    return db


def matches(db: Database, query: str) -> int:
    match = fts.match_expression(query)
    with db.engine.connect() as conn:
        return int(
            conn.scalar(
                text("SELECT count(*) FROM subject_fts WHERE subject_fts MATCH :m"), {"m": match}
            )
            or 0
        )


@pytest.mark.parametrize(
    "query",
    ["hansen", "Hans", "ødeg", "ODEG", "Ødegård", "aile", "Áile", "hætta", "ŋuol", "ragnhild"],
)
def test_the_estimate_is_never_below_the_matches(people: Database, query: str) -> None:
    with people.engine.connect() as conn:
        estimate = fts.estimated_matches(conn, query)
    assert estimate is not None
    assert estimate >= matches(people, query) > 0


def test_the_estimate_counts_what_the_index_holds(people: Database) -> None:
    with people.engine.connect() as conn:
        assert fts.estimated_matches(conn, "hansen") == 2  # Aile and Kari Hansen
        assert fts.estimated_matches(conn, "hans") == 3  # and Hanssen
        assert fts.estimated_matches(conn, "nobody") == 0


@pytest.mark.parametrize("query", ["kari hansen", "ola", "ab", "", "  ", '"OR*'])
def test_no_estimate_for_several_words_or_short_ones(people: Database, query: str) -> None:
    with people.engine.connect() as conn:
        assert fts.estimated_matches(conn, query) is None
