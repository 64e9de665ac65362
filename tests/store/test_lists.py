"""A comma-separated list column matches an item exactly, never a part of another item."""

from __future__ import annotations

from enum import StrEnum

import pytest
from sqlalchemy import column, select, table, text

from app.store.database import Database
from app.store.lists import lists


class Kind(StrEnum):
    ACCESS = "access"
    PART = "cess"


def test_an_item_matches_whole_and_in_any_position(db: Database) -> None:
    items = table("t", column("v"))
    with db.session() as s:
        s.execute(text("CREATE TEMP TABLE t (v TEXT)"))
        for v in ("access", "erasure,access", "access,erasure", "x,access,y", "accessory", "cess"):
            s.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": v})
        found = s.scalars(select(items.c.v).where(lists(items.c.v, Kind.ACCESS))).all()
        part = s.scalars(select(items.c.v).where(lists(items.c.v, Kind.PART))).all()
    assert sorted(found) == ["access", "access,erasure", "erasure,access", "x,access,y"]
    assert part == ["cess"]  # "access" does not contain the item "cess"


def test_a_value_that_cannot_be_an_item_is_refused() -> None:
    class Bad(StrEnum):
        COMMA = "a,b"

    with pytest.raises(ValueError):
        lists(column("v"), Bad.COMMA)
