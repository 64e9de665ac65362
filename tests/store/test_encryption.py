"""Encryption at rest: the file is unreadable without its key, the key lives in the keyring,
a recovery key opens it elsewhere, a passphrase stands in where there is no keyring, and a
plaintext database from before encryption is converted in place."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from keyrings.alt.file import PlaintextKeyring

from app.services import cases
from app.store import keys, migrate
from app.store.cipherfile import SQLITE_MAGIC, file_salt
from app.store.database import open_database
from app.store.engine import make_engine
from tests.conftest import phone_request

NAME = "Gunnhild Ŋuolga-Sørensen"


def fresh_keyring(tmp_path: Path, name: str) -> None:
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / f"{name}.cfg")  # type: ignore[misc]
    keyring.set_keyring(ring)


def test_a_new_database_is_encrypted_with_a_key_in_the_keyring(db_path: Path) -> None:
    db = open_database(db_path)
    cases.log_request(db, phone_request(NAME, email="gunnhild@example.no"))
    assert db.new_recovery_key is not None and len(db.new_recovery_key) == 79
    db.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(SQLITE_MAGIC)
    assert NAME.encode() not in raw and b"gunnhild@example.no" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    db_id = keys.database_id(file_salt(db_path))
    stored = keyring.get_password(keys.KEYRING_SERVICE, db_id)
    assert stored is not None and len(stored) == 64
    assert keys.format_recovery_key(bytes.fromhex(stored)) == db.new_recovery_key
    # Reopening on the same computer asks nothing and shows no recovery key again.
    again = open_database(db_path)
    assert again.new_recovery_key is None
    assert cases.list_cases(again, cases.CaseQuery())[0].subject == NAME
    again.close()


def test_the_recovery_key_opens_it_on_another_computer(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    recovery = db.new_recovery_key
    assert recovery is not None
    ref = cases.log_request(db, phone_request(NAME)).reference
    db.close()

    fresh_keyring(tmp_path, "other-computer")
    with pytest.raises(keys.KeyNeeded, match="recovery key"):
        open_database(db_path)
    wrong = "0000-" * 15 + "0000"
    with pytest.raises(keys.WrongKey, match="recovery key does not open"):
        open_database(db_path, secret=wrong)
    typed = recovery.lower().replace("-", " ")  # as someone might type it
    db = open_database(db_path, secret=typed)
    assert cases.get_case(db, ref).subject_name == NAME
    db.close()
    # Stored in this computer's keyring now: no question next time.
    db = open_database(db_path)
    db.close()


def test_without_a_keyring_it_says_so_and_a_passphrase_works(db_path: Path, tmp_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    with pytest.raises(keys.KeyringUnavailable, match="passphrase instead"):
        open_database(db_path)
    assert not db_path.exists() or db_path.stat().st_size == 0
    with pytest.raises(Exception, match="at least 12"):
        open_database(db_path, new_passphrase="short")
    db = open_database(db_path, new_passphrase="korrekt hest batteri stift")
    assert db.new_recovery_key is None
    ref = cases.log_request(db, phone_request(NAME)).reference
    db.close()
    assert NAME.encode() not in db_path.read_bytes()
    with pytest.raises(keys.KeyNeeded, match="No keyring is available"):
        open_database(db_path)
    with pytest.raises(keys.WrongKey, match="passphrase does not open"):
        open_database(db_path, secret="feil passord her")
    db = open_database(db_path, secret="korrekt hest batteri stift")
    assert cases.get_case(db, ref).subject_name == NAME
    db.close()


def plaintext_database(path: Path) -> None:
    """A database as an earlier, unencrypted version left it."""
    engine = make_engine(path, None)
    migrate.upgrade(engine, path, None)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO subject (id, pseudonym, name, sort_name, postal_address, roles, "
            f"created_at) VALUES (1, 'S-000001', '{NAME}', 'x', '', '', '2026-03-01 10:00:00')"
        )
    engine.dispose()


def test_a_plaintext_database_is_converted_in_place(db_path: Path) -> None:
    plaintext_database(db_path)
    assert db_path.read_bytes().startswith(SQLITE_MAGIC)
    db = open_database(db_path)
    assert db.converted_from_plaintext and db.new_recovery_key
    from app.services.subjects import get_subject

    assert get_subject(db, 1).name == NAME
    db.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(SQLITE_MAGIC) and NAME.encode() not in raw
    leftovers = sorted(p.name for p in db_path.parent.iterdir() if "plaintext" in p.name)
    assert leftovers == []
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_an_interrupted_conversion_is_finished_on_the_next_start(db_path: Path) -> None:
    plaintext_database(db_path)
    # The crash came right after the plaintext was moved aside.
    aside = db_path.with_name(db_path.name + ".plaintext")
    db_path.rename(aside)
    db = open_database(db_path)
    from app.services.subjects import get_subject

    assert get_subject(db, 1).name == NAME
    db.close()
    assert not aside.exists()
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC)


def test_a_lost_key_and_a_foreign_file_get_different_messages(
    db_path: Path, tmp_path: Path
) -> None:
    open_database(db_path).close()
    keyring.get_keyring().delete_password(
        keys.KEYRING_SERVICE, keys.database_id(file_salt(db_path))
    )
    with pytest.raises(keys.KeyNeeded, match="is encrypted and its key is not in"):
        open_database(db_path)
    odd = tmp_path / "holiday-photo.sqlite3"
    odd.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF" * 300)
    with pytest.raises(Exception, match="is not an Innsyn database"):
        open_database(odd)


def test_recovery_key_format_round_trips() -> None:
    key = bytes(range(32))
    text = keys.format_recovery_key(key)
    assert text.count("-") == 15
    assert keys.parse_recovery_key(text) == key
    assert keys.parse_recovery_key(text.lower().replace("-", "  ")) == key
    assert keys.parse_recovery_key("correct horse battery staple") is None


def test_recovery_sheet_from_the_cli_needs_confirmation_and_holds_the_key(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from pypdf import PdfReader

    from app.cli import main

    db = open_database(db_path)
    recovery = db.new_recovery_key
    assert recovery is not None
    db.close()
    out = tmp_path / "sheet.pdf"
    assert main(["--db", str(db_path), "key", "recovery-sheet", "--out", str(out)]) == 2
    assert "--yes" in capsys.readouterr().err and not out.exists()
    assert main(["--db", str(db_path), "key", "recovery-sheet", "--out", str(out), "--yes"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "  ".join(recovery.split("-")[:4]) in text or " ".join(recovery.split("-")[:4]) in text
    # The key on the sheet opens the database on another computer.
    fresh_keyring(tmp_path, "elsewhere")
    import re

    typed = " ".join(re.findall(r"\b[0-9A-F]{4}\b", text)[-16:])
    assert keys.parse_recovery_key(typed) == keys.parse_recovery_key(recovery)
    open_database(db_path, secret=typed).close()
