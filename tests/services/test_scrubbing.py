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


def add_events_with_params(db: Database, ref: str) -> None:
    from app.core.model import Status
    from app.services.common import add_event

    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        add_event(
            case,
            "status",
            f"answered → closed\nRang {NAME} back",
            previous=Status.ANSWERED,
            status=Status.CLOSED,
            note=f"Rang {NAME} back",
        )
        add_event(
            case,
            "notice",
            f"Posten Norge AS: not notified (no address for {NAME})",
            form="not_notified",
            recipient="Posten Norge AS",
            ground=f"no address for {NAME}",
        )
        add_event(case, "searched", f"CRM: {NAME}", system="CRM", found=NAME)


def event_params_and_details(db: Database, ref: str) -> list[tuple[str, object, str]]:
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        mine = ("status", "notice", "searched")
        return [(e.kind, e.params, e.detail) for e in case.events if e.kind in mine][-3:]


@pytest.mark.parametrize(
    ("scrub", "how"), [(erase, ERASURE), (deidentify, DEIDENTIFICATION)], ids=["erased", "kept"]
)
def test_the_timelines_parameters_are_scrubbed_as_its_text(
    db: Database, scrub: Callable[[Database, str], None], how: Scrubbing
) -> None:
    from app.core.event_text import event_text

    ref = closed_case(db, clock.today_oslo() - dt.timedelta(days=4 * 366), roles=(Role.CUSTOMER,))
    add_events_with_params(db, ref)
    scrub(db, ref)
    (status, notice, searched) = event_params_and_details(db, ref)
    # The workbench's words stay and read in both languages; the officer's note is marked.
    assert status[1] == {
        "previous": {"enum": "Status", "value": "answered"},
        "status": {"enum": "Status", "value": "closed"},
        "note": how.marker,
    }
    assert event_text(*status, "nb") == f"besvart → avsluttet\n{how.marker}"
    # The person's strings inside a kept kind's parameters become the marker.
    assert notice[1] == {
        "form": "not_notified",
        "recipient": "Posten Norge AS",
        "ground": f"no address for {how.marker}",
    }
    # A kind whose text is not the workbench's own loses its parameters and its text.
    assert searched[1] is None and searched[2] == how.marker
    assert NAME not in repr(event_params_and_details(db, ref))
