"""Opening, creating, seeding and refusing database files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.errors import DatabaseProblem
from app.store import migrate
from app.store.database import default_database_path, open_database
from app.store.models import Base
from tests.conftest import phone_request
from tests.dbutil import raw_connect


def test_new_database_is_seeded_with_the_lanopro_register(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    conn = raw_connect(db_path)
    activities = [r[0] for r in conn.execute("SELECT name FROM processing_activity ORDER BY id")]
    assert activities == [
        "Provision of products and services",
        "Communications with customers, suppliers and stakeholders",
        "Website analytics and remarketing (Google Analytics)",
        "Compliance with statutory obligations",
    ]
    rules = dict(conn.execute("SELECT code, period_years FROM retention_rule"))
    assert rules["financial-records"] == 10
    assert rules["customer-data"] == 3
    assert rules["communications"] == 3
    phone = conn.execute("SELECT value FROM setting WHERE key='controller.phone'").fetchone()
    assert phone == ("+47 40 00 15 14",)
    google = conn.execute(
        "SELECT r.name FROM recipient r JOIN activity_recipient ar ON ar.recipient_id = r.id "
        "JOIN processing_activity a ON a.id = ar.activity_id WHERE a.code = 'analytics'"
    ).fetchall()
    assert google == [("Google Ireland Limited (Google Analytics)",)]
    conn.close()


def test_reopening_keeps_data_and_does_not_seed_twice(db_path: Path) -> None:
    from app.services import cases

    db = open_database(db_path)
    ref = cases.log_request(db, phone_request()).reference
    db.close()
    db = open_database(db_path)
    assert cases.get_case(db, ref).subject_name == "Kari Nordmann"
    db.close()
    conn = raw_connect(db_path)
    assert conn.execute("SELECT count(*) FROM processing_activity").fetchone() == (4,)
    assert conn.execute("SELECT count(*) FROM database_info").fetchone() == (1,)
    conn.close()


def test_default_location_is_the_user_data_directory(tmp_path: Path) -> None:
    path = default_database_path()
    assert path.parent == tmp_path / "data"  # INNSYN_DATA_DIR, set by conftest
    db = open_database()
    assert db.path == path.resolve() and path.exists()
    db.close()


def test_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    conn = raw_connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem, match="newer version of Innsyn"):
        open_database(db_path)


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("these are not the cases you are looking for\n" * 50)
    with pytest.raises(DatabaseProblem, match="is not an Innsyn database"):
        open_database(bogus)
    assert bogus.read_text().startswith("these are not")
    with pytest.raises(DatabaseProblem, match="no database"):
        open_database(tmp_path / "missing.sqlite3", create=False)
    with pytest.raises(DatabaseProblem, match="folder"):
        open_database(tmp_path)


def test_copy_aside_is_a_consistent_owner_only_copy(db_path: Path) -> None:
    from app.services import cases

    db = open_database(db_path)
    cases.log_request(db, phone_request())
    copy = migrate.copy_aside(db_path, "0001", db.keying)
    db.close()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    conn = raw_connect(copy)
    assert conn.execute("SELECT reference FROM case_").fetchall() == [("2026-0001",)]
    conn.close()


def test_models_and_migrations_agree(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={"include_object": lambda o, n, t, r, c: not str(n).startswith("subject_fts")},
        )
        assert compare_metadata(ctx, Base.metadata) == []
    db.close()


def test_every_connection_has_the_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        values = {
            p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("foreign_keys", "journal_mode", "secure_delete", "busy_timeout")
        }
    db.close()
    assert values == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "secure_delete": 1,
        "busy_timeout": 5000,
    }


def test_an_older_database_is_copied_aside_then_upgraded(db_path: Path) -> None:
    from alembic import command

    from app.services import cases
    from app.store.engine import make_engine

    engine = make_engine(db_path)
    cfg = migrate._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO subject (id, pseudonym, name, sort_name, postal_address, roles, "
            "created_at) VALUES (1, 'S-000001', 'Kari Nordmann', 'kari nordmann', '', '', "
            "'2026-03-01 10:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO case_ (reference, subject_id, types, channel, language, received_at, "
            "received_date, due_date, status, is_open, extended, call_notes, created_at, "
            "created_by) VALUES ('2026-0001', 1, 'access', 'phone', 'nb', "
            "'2026-03-02 09:00:00', '2026-03-02', '2026-04-07', 'new', 1, 0, '', "
            "'2026-03-02 09:00:00', 'officer')"
        )
    engine.dispose()

    db = open_database(db_path)
    assert db.migration is not None
    assert db.migration.from_revision == "0001"
    assert db.migration.to_revision == migrate.head_revision()
    backup = db.migration.backup_path
    assert backup is not None and backup.exists()
    assert "before-upgrade-0001" in backup.name
    assert cases.get_case(db, "2026-0001").subject_name == "Kari Nordmann"
    db.close()
    conn = raw_connect(backup)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()
