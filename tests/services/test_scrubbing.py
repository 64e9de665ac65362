"""The one scrubber: every column of the models is declared personal (and how it is
scrubbed) or not personal, and erasure and de-identification scrub alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.core import clock
from app.core.model import Role
from app.services import retention_sweep
from app.services.scrubbing import (
    DEIDENTIFICATION,
    ERASURE,
    NOT_PERSONAL,
    PERSONAL,
    Scrubbing,
    erase_subject,
    scrub_text,
)
from app.store.database import Database
from app.store.models import Base, Case, CaseEmail, Objection, ProcessingActivity
from tests.services.test_retention_sweep import EMAIL, NAME, closed_case


def declared_not_personal(table: str, column: str) -> bool:
    names = NOT_PERSONAL.get(table, frozenset())
    return "*" in names or column in names


def test_every_column_of_the_models_is_declared_personal_or_not() -> None:
    undeclared, both = [], []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            personal = column.name in PERSONAL.get(table.name, {})
            not_personal = declared_not_personal(table.name, column.name)
            if not personal and not not_personal:
                undeclared.append(f"{table.name}.{column.name}")
            if personal and not_personal:
                both.append(f"{table.name}.{column.name}")
    assert undeclared == [], f"declare in app/services/scrubbing.py: {undeclared}"
    assert both == [], f"declared personal and not personal: {both}"


def test_the_declarations_name_only_columns_that_exist() -> None:
    tables = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    stale = [
        f"{table}.{column}"
        for declared in (PERSONAL, NOT_PERSONAL)
        for table, columns in declared.items()
        for column in columns
        if column != "*" and column not in tables.get(table, set())
    ]
    assert stale == []
    assert set(NOT_PERSONAL) <= set(tables) and set(PERSONAL) <= set(tables)


def test_personal_columns_are_model_attributes_of_the_same_name() -> None:
    mapped = {m.local_table.name: m for m in Base.registry.mappers}
    for table, columns in PERSONAL.items():
        keys = {c.key for c in mapped[table].column_attrs}
        assert set(columns) <= keys, table


def test_the_persons_strings_become_the_marker_not_inside_other_words() -> None:
    how = Scrubbing("[x]", "x")
    text = f"{NAME} wrote from {EMAIL}; ref {NAME}son"
    assert scrub_text(text, [EMAIL, NAME], how.marker) == "[x] wrote from [x]; ref Kari Nordmannson"
    assert scrub_text(None, [NAME], how.marker) is None and scrub_text("", [NAME], "[x]") == ""


def add_objection(db: Database, ref: str) -> None:
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        activity = s.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id)).first()
        assert activity is not None
        s.add(
            Objection(
                subject_id=case.subject_id,
                activity_id=activity.id,
                case_id=case.id,
                recorded_on=dt.date(2022, 3, 3),
                direct_marketing=False,
                outcome=f"{NAME} objected: processing stopped",
            )
        )


def scrubbed_objection_and_email(db: Database, ref: str) -> tuple[str, CaseEmail]:
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        objection = s.scalars(select(Objection).where(Objection.case_id == case.id)).one()
        email = s.scalars(select(CaseEmail).where(CaseEmail.case_id == case.id)).one()
        s.expunge(email)
        return objection.outcome, email


def erase(db: Database, ref: str) -> None:
    """As an applied erasure does (apply_erasure's own scrubbing)."""
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        erase_subject(s, case.subject, clock.now_utc())


def deidentify(db: Database, ref: str) -> None:
    """The retention sweep's de-identification of a case whose person stays (a customer)."""
    (done,) = retention_sweep.deidentify_closed_cases(db, [ref])
    assert not done.subject_erased


@pytest.mark.parametrize(
    ("scrub", "how"), [(erase, ERASURE), (deidentify, DEIDENTIFICATION)], ids=["erased", "kept"]
)
def test_both_paths_mark_the_email_and_scrub_objections(
    db: Database, scrub: Callable[[Database, str], None], how: Scrubbing
) -> None:
    ref = closed_case(db, clock.today_oslo() - dt.timedelta(days=4 * 366), roles=(Role.CUSTOMER,))
    add_objection(db, ref)
    scrub(db, ref)
    outcome, email = scrubbed_objection_and_email(db, ref)
    assert outcome == f"{how.marker} objected: processing stopped"
    assert email.subject_line == how.marker and email.body_text == how.marker
    assert email.sender_name == "" and email.sender_email is None and email.message_id is None
