"""The case workflow's refusals read in Bokmål for a Norwegian officer, and in the same
English words as before in logs and for an English reader."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from app.core.errors import InvalidInput, RuleViolation
from app.core.messages import Message
from app.core.model import RequestType, Status
from app.services import cases, workflow
from app.store.database import Database
from tests.conftest import phone_request


def refusal(error: type[Exception], call: Any, *args: Any, **kw: Any) -> Any:
    with pytest.raises(error) as caught:
        call(*args, **kw)
    return caught.value


def test_closing_an_unanswered_case_is_refused_in_bokmal(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    exc = refusal(RuleViolation, workflow.close_case, db, ref)
    assert str(exc) == f"Case {ref} is new: answer, refuse or withdraw it before closing."
    assert exc.render("nb") == (
        f"Sak {ref} er ny: besvar, avslå eller trekk den tilbake før den avsluttes."
    )


def test_a_closed_case_is_already_closed(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.WITHDRAWN)
    workflow.close_case(db, ref)
    exc = refusal(RuleViolation, workflow.close_case, db, ref)
    assert str(exc) == f"Case {ref} is already closed."
    assert exc.render("nb") == f"Sak {ref} er allerede avsluttet."


def test_a_status_it_already_has_and_a_refusal_without_reason(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    exc = refusal(RuleViolation, workflow.change_status, db, ref, Status.NEW)
    assert exc.render("nb") == f"Sak {ref} er allerede ny."
    exc = refusal(InvalidInput, workflow.change_status, db, ref, Status.REFUSED)
    assert str(exc) == "A refusal needs its reason."
    assert exc.render("nb") == "Et avslag må begrunnes."
    exc = refusal(RuleViolation, workflow.change_status, db, ref, Status.ANSWERED)
    assert exc.render("nb") == (
        "Bruk «Merk som besvart» for å registrere datoen for svaret og hvordan det ble sendt."
    )


def test_an_answer_to_a_refused_case_is_refused_in_bokmal(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.REFUSED, "Åpenbart grunnløst")
    exc = refusal(
        RuleViolation, workflow.mark_answered, db, ref, on=cases.today_oslo(), method="post"
    )
    assert str(exc) == f"Case {ref} is refused: cannot mark it answered."
    assert exc.render("nb") == f"Sak {ref} er avslått: kan ikke merke den som besvart."


def test_an_answer_needs_a_known_method_and_a_possible_date(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    exc = refusal(
        InvalidInput, workflow.mark_answered, db, ref, on=cases.today_oslo(), method="fax"
    )
    assert str(exc) == "Choose how the answer was sent: post, e-mail, handed over and phone."
    assert exc.render("nb") == (
        "Velg hvordan svaret ble sendt: post, e-post, levert personlig og telefon."
    )
    exc = refusal(
        InvalidInput, workflow.mark_answered, db, ref, on=dt.date(2026, 3, 1), method="post"
    )
    assert exc.render("nb") == "Svaret kan ikke dateres før henvendelsen ble mottatt."
    tomorrow = cases.today_oslo() + dt.timedelta(days=1)
    exc = refusal(InvalidInput, workflow.mark_answered, db, ref, on=tomorrow, method="post")
    assert exc.render("nb") == "Svaret kan ikke dateres fram i tid."


def test_the_guards_name_the_action_and_the_request_type_in_bokmal() -> None:
    case: Any = SimpleNamespace(
        reference="2026-0007", types="access", status=Status.CLOSED, is_open=False
    )
    exc = refusal(
        RuleViolation, workflow.require_type, case, RequestType.ERASURE, "apply an erasure"
    )
    assert str(exc) == "Case 2026-0007 is not a request for erasure: cannot apply an erasure."
    assert exc.render("nb") == (
        "Sak 2026-0007 er ikke et krav om sletting: kan ikke gjennomføre en sletting."
    )
    exc = refusal(RuleViolation, workflow.require_not_closed, case, "record a notice")
    assert exc.render("nb") == "Sak 2026-0007 er avsluttet: kan ikke registrere et varsel."
    own = Message("workflow.action_restrict_processing")
    exc = refusal(RuleViolation, workflow.require_open, case, own)
    assert exc.render("nb") == "Sak 2026-0007 er avsluttet: kan ikke begrense behandlingen."


def test_every_action_a_guard_is_called_with_has_its_words_in_both_languages() -> None:
    import ast
    from pathlib import Path

    app = Path(workflow.__file__).resolve().parents[1]
    unknown = []
    for path in app.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("require_open", "require_not_closed", "require_type"):
                continue
            action = node.args[-1]
            if isinstance(action, ast.Constant) and not isinstance(
                workflow.action_message(action.value), Message
            ):
                unknown.append(f"{path.name}:{node.lineno} {action.value!r}")
    assert unknown == []


def test_erased_data_are_told_with_the_date_in_the_readers_form() -> None:
    subject: Any = SimpleNamespace(
        pseudonym="S-000042", erased_at=dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
    )
    exc = refusal(RuleViolation, workflow.require_not_erased, subject)
    assert str(exc) == "The data of S-000042 were erased on 3 December 2026."
    assert exc.render("nb") == "Opplysningene om S-000042 ble slettet 03.12.2026."
