"""Columns that hold an enum value: stored as the same text as before they had a type, read
back as the enum's member, and an unknown value (or another enum's member) refused before it
is written. The case list's request-type filter matches a whole item of the list only."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import pytest
from sqlalchemy import Column, select, text
from sqlalchemy.exc import StatementError

from app.core.model import (
    AnswerMethod,
    Channel,
    FeeDecision,
    IdentityResult,
    RecipientRole,
    RequestType,
    Status,
)
from app.core.retention import AfterEvent
from app.core.rights import Decision, NoticeStatus, TaskKind
from app.services import cases, workflow
from app.services.dto import CaseQuery
from app.store.database import Database
from app.store.enumtypes import EnumText
from app.store.models import (
    Base,
    Case,
    Document,
    ErasureLine,
    ProcessingActivity,
    Recipient,
    RecipientNotice,
    System,
    SystemTask,
)
from tests.conftest import oslo, phone_request

# Every column with an enum type, as the models declare them (a new one is covered here
# without a change).
ENUM_COLUMNS: list[Column[object]] = [
    column
    for table in Base.metadata.sorted_tables
    for column in table.columns
    if isinstance(column.type, EnumText)
]
# What each holds, so that a column silently losing its type fails here.
EXPECTED = {
    "case_.channel": Channel,
    "case_.status": Status,
    "case_.identity_result": IdentityResult,
    "case_.fee_decision": FeeDecision,
    "case_.answer_method": AnswerMethod,
    "document.sent_method": AnswerMethod,
    "retention_rule.after_event": AfterEvent,
    "recipient.role": RecipientRole,
    "erasure_line.decision": Decision,
    "system_task.kind": TaskKind,
    "recipient_notice.status": NoticeStatus,
}


def _name(column: Column[object]) -> str:
    return f"{column.table.name}.{column.name}"


def _fill(db: Database) -> str:
    """A case with a value in every enum column of every table that has one (the register's
    rules and recipients come with the seed)."""
    ref = cases.log_request(db, phone_request(types=(RequestType.ERASURE,))).reference
    with db.session() as s:
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        case.identity_result = IdentityResult.NOT_VERIFIED
        case.fee_decision = FeeDecision.FREE
        case.answer_method = AnswerMethod.HANDED_OVER
        activity = s.scalars(select(ProcessingActivity).order_by(ProcessingActivity.id)).first()
        system = s.scalars(select(System).order_by(System.id)).first()
        recipient = s.scalars(select(Recipient).order_by(Recipient.id)).first()
        assert activity is not None and system is not None and recipient is not None
        s.add_all(
            [
                Document(
                    case_id=case.id, kind="letter", filename="letter.pdf",
                    media_type="application/pdf", content=b"%PDF", sha256="0" * 64,
                    created_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), created_by="officer",
                    sent_on=dt.date(2026, 3, 3), sent_method=AnswerMethod.EMAIL,
                ),
                ErasureLine(case_id=case.id, activity_id=activity.id, decision=Decision.KEEP),
                SystemTask(case_id=case.id, system_id=system.id, kind=TaskKind.RESTRICT),
                RecipientNotice(
                    case_id=case.id, recipient_id=recipient.id, status=NoticeStatus.NOT_NOTIFIED
                ),
            ]
        )  # fmt: skip
    return ref


def test_every_enum_column_is_typed_with_its_enum() -> None:
    assert {_name(c): c.type.enum for c in ENUM_COLUMNS} == EXPECTED  # type: ignore[attr-defined]


@pytest.mark.parametrize("column", ENUM_COLUMNS, ids=_name)
def test_the_file_holds_the_value_and_the_code_reads_the_member(
    db: Database, column: Column[object]
) -> None:
    _fill(db)
    enum: type[StrEnum] = column.type.enum  # type: ignore[attr-defined]
    table, name = column.table.name, column.name
    with db.session() as s:
        stored = s.execute(text(f"SELECT {name} FROM {table} WHERE {name} IS NOT NULL")).all()
        read = s.scalars(select(column).where(column.is_not(None))).all()
    assert stored and len(read) == len(stored)
    for (raw,), member in zip(stored, read, strict=True):
        assert type(raw) is str and raw in {m.value for m in enum}  # plain text, as before
        assert isinstance(member, enum) and member is enum(raw)


def test_the_stored_text_is_the_same_as_before(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    cases.pause_for_identity(db, ref, requested_on=dt.date(2026, 3, 3))
    with db.session() as s:
        stored = s.execute(text("SELECT status, channel FROM case_")).one()
        case = s.scalars(select(Case).where(Case.reference == ref)).one()
        assert case.status is Status.AWAITING_IDENTITY and case.channel is Channel.PHONE
    assert tuple(stored) == ("awaiting identity", "phone")


def test_a_value_given_as_its_text_is_stored_and_matched(db: Database) -> None:
    """Core inserts and filters may give the value as text: it is one of the enum's."""
    ref = _fill(db)
    with db.session() as s:
        found = s.scalars(select(Case.reference).where(Case.status == "new")).all()
        line = s.scalars(select(ErasureLine)).one()
        line.decision = "erase"  # type: ignore[assignment]
    assert found == [ref]
    with db.session() as s:
        decision = s.scalars(select(ErasureLine.decision)).one()
        assert decision is Decision.ERASE


@pytest.mark.parametrize("column", ENUM_COLUMNS, ids=_name)
def test_an_unknown_value_is_refused_at_flush_and_nothing_is_written(
    db: Database, column: Column[object]
) -> None:
    _fill(db)
    enum: type[StrEnum] = column.type.enum  # type: ignore[attr-defined]
    model = next(m.class_ for m in Base.registry.mappers if m.local_table is column.table)
    table, name = column.table.name, column.name
    with db.session() as s:
        before = s.execute(text(f"SELECT id, {name} FROM {table} ORDER BY id")).all()
    with pytest.raises(StatementError) as refused, db.session() as s:
        row = s.scalars(select(model).where(column.is_not(None)).limit(1)).one()
        setattr(row, name, "no such value")
        s.flush()
    assert isinstance(refused.value.orig, ValueError)
    assert f"'no such value' is not a {enum.__name__} value" in str(refused.value.orig)
    with db.session() as s:
        assert s.execute(text(f"SELECT id, {name} FROM {table} ORDER BY id")).all() == before


def test_another_enums_member_with_the_same_text_is_refused(db: Database) -> None:
    """TaskKind.ERASE is "erase", as Decision.ERASE is: a mix-up of the two is a bug."""
    _fill(db)
    with pytest.raises(StatementError, match="is not a Decision value"), db.session() as s:
        line = s.scalars(select(ErasureLine)).one()
        line.decision = TaskKind.ERASE  # type: ignore[assignment]
        s.flush()
    with db.session() as s:
        assert s.execute(text("SELECT decision FROM erasure_line")).scalar_one() == "keep"


def test_an_unknown_value_in_a_filter_is_refused(db: Database) -> None:
    _fill(db)
    with pytest.raises(StatementError, match="'archived' is not a Status value"):
        with db.session() as s:
            s.scalars(select(Case).where(Case.status == "archived")).all()


def test_the_services_compare_members(db: Database) -> None:
    """A case answered and closed through the workflow: every comparison along the way is
    between members read from the file."""
    ref = cases.log_request(db, phone_request(received=oslo(2026, 3, 2))).reference
    workflow.mark_answered(db, ref, on=dt.date(2026, 3, 10), method="handed over")
    workflow.close_case(db, ref)
    detail = cases.get_case(db, ref)
    assert detail.status is Status.CLOSED and detail.answer_method is AnswerMethod.HANDED_OVER
    with db.session() as s:
        stored = s.execute(text("SELECT status, answer_method FROM case_")).one()
    assert tuple(stored) == ("closed", "handed over")


def test_an_answer_method_that_is_none_of_them_is_a_user_error(db: Database) -> None:
    from app.core.errors import InvalidInput

    ref = cases.log_request(db, phone_request()).reference
    with pytest.raises(InvalidInput, match="Choose how the answer was sent"):
        workflow.mark_answered(db, ref, on=dt.date(2026, 3, 10), method="pigeon")
    assert cases.get_case(db, ref).answer_method is None


# --- the request-type filter --------------------------------------------------------------------


def test_the_type_filter_matches_a_whole_item_of_the_list(db: Database) -> None:
    logged = {
        types: cases.log_request(
            db, phone_request(f"Person {i}", phone=None, types=types)
        ).reference
        for i, types in enumerate(
            [
                (RequestType.ACCESS,),
                (RequestType.ACCESS, RequestType.ERASURE),
                (RequestType.RECTIFICATION, RequestType.RESTRICTION, RequestType.OBJECTION),
                (RequestType.ERASURE,),
            ]
        )
    }
    # Rows whose list holds a longer word containing a type's name, and a type in the middle
    # and at the end of the list: only whole items match.
    forged = cases.log_request(db, phone_request("Forged", phone=None)).reference
    with db.session() as s:
        s.execute(
            text("UPDATE case_ SET types = 'accessory,erasures' WHERE reference = :r"),
            {"r": forged},
        )
    for kind in RequestType:
        q = CaseQuery(type=kind)
        found = {r.reference for r in cases.list_cases(db, q)}
        assert found == {ref for types, ref in logged.items() if kind in types}, kind
        assert cases.count_cases(db, q) == len(found)
        assert forged not in found
