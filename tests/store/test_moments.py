"""Moments are aware datetimes in Python and the naive UTC text they always were in the
database: old files read the same, a naive datetime is refused, and any time zone is stored
as its UTC time."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import DateTime, select, text
from sqlalchemy.exc import StatementError

from app.core import clock
from app.store.database import Database
from app.store.models import Subject, UtcDateTime


def _add(db: Database, pseudonym: str, created_at: dt.datetime) -> None:
    with db.session() as s:
        s.add(Subject(pseudonym=pseudonym, name="", created_at=created_at))


def _stored_text(db: Database, pseudonym: str) -> object:
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT created_at FROM subject WHERE pseudonym = :p"), {"p": pseudonym}
        ).scalar_one()


def _read(db: Database, pseudonym: str) -> dt.datetime:
    with db.session() as s:
        return s.scalars(select(Subject.created_at).where(Subject.pseudonym == pseudonym)).one()


def test_a_moment_comes_back_aware_in_utc(db: Database) -> None:
    moment = dt.datetime(2026, 3, 2, 10, 15, 7, 12, tzinfo=dt.UTC)
    _add(db, "S-T1", moment)
    back = _read(db, "S-T1")
    assert back == moment
    assert back.tzinfo is dt.UTC
    with db.session() as s:
        subject = s.scalars(select(Subject).where(Subject.pseudonym == "S-T1")).one()
        assert subject.created_at.utcoffset() == dt.timedelta(0)
        assert subject.erased_at is None


def test_the_stored_text_is_the_naive_utc_text_of_before(db: Database) -> None:
    moment = dt.datetime(2026, 3, 2, 10, 15, 7, 12, tzinfo=dt.UTC)
    _add(db, "S-T2", moment)
    assert _stored_text(db, "S-T2") == "2026-03-02 10:15:07.000012"
    # the very text SQLAlchemy's plain DateTime wrote for the naive UTC time
    dialect = db.engine.dialect
    plain = DateTime().dialect_impl(dialect).bind_processor(dialect)
    assert plain is not None
    assert _stored_text(db, "S-T2") == plain(moment.replace(tzinfo=None))


def test_a_row_written_before_reads_as_utc(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO subject (pseudonym, name, sort_name, postal_address, roles, "
                "created_at) VALUES ('S-OLD', '', '', '', '', '2024-12-31 23:30:00.000000')"
            )
        )
    assert _read(db, "S-OLD") == dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)


def test_an_oslo_moment_is_stored_as_its_utc_text(db: Database) -> None:
    summer = dt.datetime(2026, 7, 1, 12, 0, tzinfo=clock.OSLO)  # UTC+2
    winter = dt.datetime(2026, 1, 1, 0, 30, tzinfo=clock.OSLO)  # UTC+1, the year before in UTC
    _add(db, "S-SUMMER", summer)
    _add(db, "S-WINTER", winter)
    assert _stored_text(db, "S-SUMMER") == "2026-07-01 10:00:00.000000"
    assert _stored_text(db, "S-WINTER") == "2025-12-31 23:30:00.000000"
    assert _read(db, "S-SUMMER") == summer
    assert _read(db, "S-SUMMER").tzinfo is dt.UTC


def test_a_query_compares_in_utc_whatever_the_zone_of_its_bound(db: Database) -> None:
    _add(db, "S-EARLY", dt.datetime(2026, 7, 1, 9, 59, tzinfo=dt.UTC))
    _add(db, "S-LATE", dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC))
    noon_in_oslo = dt.datetime(2026, 7, 1, 12, 0, tzinfo=clock.OSLO)  # 10:00 UTC
    with db.session() as s:
        later = s.scalars(
            select(Subject.pseudonym).where(
                Subject.created_at >= noon_in_oslo, Subject.pseudonym.like("S-%")
            )
        ).all()
    # compared as text with the Oslo wall clock, 12:00 would leave S-LATE out
    assert later == ["S-LATE"]


def test_a_naive_datetime_is_refused(db: Database) -> None:
    naive = dt.datetime(2026, 3, 2, 10, 15)
    with pytest.raises(StatementError, match="must carry a time zone") as caught:
        _add(db, "S-NAIVE", naive)
    assert isinstance(caught.value.orig, ValueError)
    with db.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM subject WHERE pseudonym = 'S-NAIVE'"))
        assert count.scalar_one() == 0
    with db.session() as s, pytest.raises(StatementError, match="must carry a time zone"):
        s.execute(select(Subject.id).where(Subject.created_at < naive)).all()
    with pytest.raises(ValueError, match="must carry a time zone"):
        UtcDateTime().process_bind_param(naive, db.engine.dialect)


def test_in_utc_converts_an_aware_moment_and_refuses_a_naive_one() -> None:
    oslo = dt.datetime(2026, 7, 1, 12, 0, tzinfo=clock.OSLO)
    assert clock.in_utc(oslo) == oslo
    assert clock.in_utc(oslo).tzinfo is dt.UTC
    assert clock.in_utc(oslo).hour == 10
    with pytest.raises(ValueError, match="must carry a time zone"):
        clock.in_utc(dt.datetime(2026, 7, 1, 12, 0))
