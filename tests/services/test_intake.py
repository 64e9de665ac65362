"""The e-mail intake service in the officer's language: the draft's own lines and why a file
of a batch import was not imported."""

from __future__ import annotations

from pathlib import Path

from app.core.messages import Message
from app.services.intake import draft_from_email, import_email_files
from app.store.database import Database


def test_a_draft_notes_the_subject_in_the_officers_language(samples: Path) -> None:
    path = samples / "email" / "forwarded-rectification-objection.eml"
    english = draft_from_email(path)
    norwegian = draft_from_email(path, "nb")
    assert english.request.notes == "Subject: Retting av adresse og stans i markedsføring"
    assert norwegian.request.notes == "Emne: Retting av adresse og stans i markedsføring"
    evidence = norwegian.request.email_evidence
    assert evidence is not None
    assert "---------- Videresendt melding ----------" in evidence.body_text
    assert "Forwarded message" not in evidence.body_text


def test_why_a_file_was_not_imported_reads_in_bokmal(db: Database, tmp_path: Path) -> None:
    empty = tmp_path / "tom.eml"
    empty.write_bytes(b"")
    nameless = tmp_path / "uten-avsender.eml"
    nameless.write_bytes(
        b"Date: Tue, 3 Mar 2026 09:00:00 +0100\r\nSubject: Innsyn\r\n\r\nJeg vil ha innsyn.\r\n"
    )
    gone = tmp_path / "borte.eml"
    outcomes = import_email_files(db, [empty, nameless, gone], language="nb")
    problems = [o.error for o in outcomes]
    assert all(isinstance(p, Message) for p in problems)
    assert [p.render("nb") for p in problems if p is not None] == [
        "«tom.eml» er tom",
        "uten-avsender.eml oppgir ingen avsender: importer den for seg.",
        "borte.eml kan ikke leses (filen eller mappen finnes ikke).",
    ]
    assert [str(p) for p in problems] == [
        "'tom.eml' is empty",
        "uten-avsender.eml names no sender: import it on its own.",
        "borte.eml cannot be read (no such file or folder).",
    ]
    assert all(o.reference is None for o in outcomes)
