"""Timeline events are a kind plus parameters: read back in the reader's language (the
case, the dossier, the CLI), the officer's note as typed, and scrubbed like the details."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.event_text import event_text
from app.core.model import Status
from app.services import cases, workflow
from app.services.exports import dossier_pdf
from app.store.database import Database
from tests.conftest import phone_request


def last_event(db: Database, ref: str, kind: str) -> tuple[str, str]:
    event = [e for e in cases.get_case(db, ref).events if e.kind == kind][-1]
    return (
        event_text(event.kind, event.params, event.detail, "en"),
        event_text(event.kind, event.params, event.detail, "nb"),
    )


def test_a_status_change_reads_back_in_both_languages(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.IN_PROGRESS, "Sjekker CRM først")
    assert last_event(db, ref, "status") == (
        "new → in progress\nSjekker CRM først",
        "ny → under behandling\nSjekker CRM først",
    )
    event = cases.get_case(db, ref).events[-1]
    assert event.params == {
        "previous": {"enum": "Status", "value": "new"},
        "status": {"enum": "Status", "value": "in progress"},
        "note": "Sjekker CRM først",
    }
    assert event.detail == "new → in progress\nSjekker CRM først"  # the English words stay


def pdf_text(data: bytes) -> str:
    import io

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_dossier_reads_the_timeline_in_its_language(db: Database) -> None:
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.IN_PROGRESS)
    nb = pdf_text(dossier_pdf(db, ref, lang="nb"))
    assert "ny → under behandling" in nb
    en = pdf_text(dossier_pdf(db, ref, lang="en"))
    assert "new → in progress" in en


def test_case_show_reads_the_timeline_in_the_chosen_language(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.IN_PROGRESS, "Sjekker CRM")
    db.close()
    assert main(["--db", str(db.path), "--lang", "nb", "case", "show", ref]) == 0
    out = capsys.readouterr().out
    assert "status: ny → under behandling" in out
    assert "      Sjekker CRM" in out
