"""Migration 0010: an older database's English timeline details become a kind plus parameters
where the workbench wrote them, so they read in either language; the rest read as written."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from app.core.event_text import event_text
from app.services import cases
from app.store import migrate
from app.store.database import open_database
from app.store.engine import make_engine

# (kind, detail as the workbench wrote it before 0010)
OLD_EVENTS = [
    ("received", "phone request: access, erasure"),
    ("status", "new → in progress\nSjekker CRM først"),
    ("identity", "BankID signature: verified"),
    ("extended", "due 2026-04-07 → 2026-06-08; person told 2026-03-20"),
    ("answered", "2026-05-02 by e-mail; in progress → answered; 3 days after the due date"),
    ("notice", "Visma Software AS: notified 2026-05-03 by email"),
    ("note", "Ringte tilbake, ingen svar"),
    ("status", "sent to the moon → answered"),  # not the workbench's words
]


def database_before_0010(path: Path) -> None:
    engine = make_engine(path, None)
    cfg = migrate._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO subject (id, pseudonym, name, sort_name, postal_address, roles, "
            "created_at) VALUES (1, 'S-000001', 'Kari Nordmann', 'kari nordmann', '', '', "
            "'2026-03-01 10:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO case_ (id, reference, subject_id, types, channel, language, "
            "received_at, received_date, due_date, status, is_open, extended, call_notes, "
            "created_at, created_by) VALUES (1, '2026-0001', 1, 'access,erasure', 'phone', "
            "'nb', '2026-03-02 09:00:00', '2026-03-02', '2026-06-08', 'answered', 1, 1, '', "
            "'2026-03-02 09:00:00', 'officer')"
        )
        for kind, detail in OLD_EVENTS:
            conn.exec_driver_sql(
                "INSERT INTO case_event (case_id, at, user, kind, detail) "
                "VALUES (1, '2026-03-02 09:00:00', 'officer', ?, ?)",
                (kind, detail),
            )
    engine.dispose()


def test_old_details_are_read_back_into_parameters_and_read_in_both_languages(
    db_path: Path,
) -> None:
    database_before_0010(db_path)
    db = open_database(db_path)
    try:
        assert db.migration is not None and db.migration.from_revision == "0009"
        events = cases.get_case(db, "2026-0001").events
    finally:
        db.close()
    assert [e.detail for e in events] == [detail for _, detail in OLD_EVENTS]  # kept as written
    assert [event_text(e.kind, e.params, e.detail, "en") for e in events] == [
        "phone request: access and erasure",
        "new → in progress\nSjekker CRM først",
        "BankID signature: verified",
        "due 7 April 2026 → 8 June 2026; person told 20 March 2026",
        "2 May 2026 by e-mail; in progress → answered; 3 days after the due date",
        "Visma Software AS: notified 3 May 2026 by email",
        "Ringte tilbake, ingen svar",
        "sent to the moon → answered",
    ]
    assert [event_text(e.kind, e.params, e.detail, "nb") for e in events] == [
        "henvendelse per telefon: innsyn og sletting",
        "ny → under behandling\nSjekker CRM først",
        "BankID-signatur: bekreftet",
        "frist 07.04.2026 → 08.06.2026; den registrerte varslet 20.03.2026",
        "02.05.2026 per e-post; under behandling → besvart; 3 dager etter fristen",
        "Visma Software AS: varslet 03.05.2026 per email",
        "Ringte tilbake, ingen svar",
        "sent to the moon → answered",  # could not be read: shown as it was
    ]
    assert events[-1].params is None and events[-2].params is None
