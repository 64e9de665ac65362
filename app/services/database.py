"""Opening a case database: where it lives, its key, migrating it, seeding it, and short
sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DatabaseProblem
from app.services import keys
from app.store import audit, migrate
from app.store.cipherfile import (
    FileKind,
    encrypt_in_place,
    file_kind,
    file_salt,
    finish_interrupted_encryption,
    opens_with,
)
from app.store.engine import (
    Keying,
    make_engine,
    make_session_factory,
    session_scope,
    user_facing,
)
from app.store.seed import seed_database

APP_NAME = "Innsyn"
DATA_DIR_ENV = "INNSYN_DATA_DIR"  # tests and portable installs point this elsewhere


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    return data_dir() / "innsyn.sqlite3"


def current_user() -> str:
    return audit.os_user()


@dataclass
class Database:
    path: Path
    engine: Engine
    factory: sessionmaker[Session]
    keying: Keying = field(repr=False)
    database_id: str
    migration: migrate.MigrationResult | None = field(default=None)
    # Set once, when this opening created the key: for the recovery sheet, then dropped.
    new_recovery_key: str | None = field(default=None, repr=False)
    converted_from_plaintext: bool = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.factory) as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()


def _keying_for_existing(path: Path, secret: str | None) -> tuple[Keying, bool]:
    """The keying that opens an encrypted file; True when it came from the user (so it is
    to be stored in this computer's keyring)."""
    db_id = keys.database_id(file_salt(path))
    keyring_error: keys.KeyringUnavailable | None = None
    try:
        stored = keys.load_key(db_id)
    except keys.KeyringUnavailable as exc:
        stored, keyring_error = None, exc
    if stored is not None:
        keying = Keying(raw_key=stored)
        if opens_with(path, keying):
            return keying, False
        if secret is None:
            raise keys.WrongKey(
                f"The key kept in this computer's keyring does not open {path.name}. Enter "
                "the recovery key from its recovery sheet."
            )
    if secret is None:
        if file_kind(path) is FileKind.NOT_A_DATABASE:
            raise DatabaseProblem(f"{path.name} is not an Innsyn database.")
        why = f" ({keyring_error})" if keyring_error else ""
        raise keys.KeyNeeded(
            f"{path.name} is encrypted and its key is not in this computer's keyring{why}. "
            "Enter the recovery key from its recovery sheet, or its passphrase."
        )
    raw = keys.parse_recovery_key(secret)
    keying = Keying(raw_key=raw) if raw is not None else Keying(passphrase=secret)
    if not opens_with(path, keying):
        raise keys.WrongKey(
            f"That {'recovery key' if raw else 'passphrase'} does not open {path.name}, or "
            "the file is not an Innsyn database."
        )
    return keying, raw is not None


MIN_PASSPHRASE = 12


def _checked_passphrase(passphrase: str) -> Keying:
    if len(passphrase) < MIN_PASSPHRASE:
        raise DatabaseProblem(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
    return Keying(passphrase=passphrase)


def open_database(
    path: Path | None = None,
    *,
    create: bool = True,
    secret: str | None = None,
    new_passphrase: str | None = None,
) -> Database:
    """Open (creating and seeding if allowed), unlock and migrate a database file.

    `secret` is what the officer typed when asked (recovery key or passphrase);
    `new_passphrase` makes a new database passphrase-keyed instead of keyring-keyed.
    Raises a DatabaseProblem (KeyNeeded, WrongKey, KeyringUnavailable...) with a message
    that says which."""
    path = (path or default_database_path()).expanduser().resolve()
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file.")
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseProblem(
            f"{path.name} is read-only (the file, its folder or the disk): Innsyn needs to "
            "write to it. Copy it somewhere writable, or ask for write access."
        )
    finish_interrupted_encryption(path)
    kind = file_kind(path)
    if kind in (FileKind.MISSING, FileKind.EMPTY) and not create:
        raise DatabaseProblem(f"There is no database at {path}.")
    if kind is FileKind.NOT_A_DATABASE:
        raise DatabaseProblem(f"{path.name} is not an Innsyn database.")

    recovery: str | None = None
    converted = False
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if new_passphrase is not None:
            keying = _checked_passphrase(new_passphrase)
        else:
            keying = keys.new_keying()
            assert keying.raw_key is not None and keying.salt is not None
            keys.store_key(keys.database_id(keying.salt), keying.raw_key)
            recovery = keys.format_recovery_key(keying.raw_key)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    elif kind is FileKind.PLAINTEXT:
        if new_passphrase is not None:
            keying = _checked_passphrase(new_passphrase)
        else:
            keying = keys.new_keying()
            assert keying.raw_key is not None and keying.salt is not None
            keys.store_key(keys.database_id(keying.salt), keying.raw_key)
            recovery = keys.format_recovery_key(keying.raw_key)
        try:
            encrypt_in_place(path, keying)
        except Exception as exc:
            if keying.salt is not None:
                keys.forget_key(keys.database_id(keying.salt))
            raise DatabaseProblem(f"{path.name} could not be encrypted: {exc}") from exc
        converted = True
    else:
        keying, typed = _keying_for_existing(path, secret)
        if typed and keying.raw_key is not None:
            try:  # next time this computer opens it without asking
                keys.store_key(keys.database_id(file_salt(path)), keying.raw_key)
            except keys.KeyringUnavailable:
                pass

    audit.install()
    engine = make_engine(path, keying)
    try:
        result = migrate.upgrade(engine, path, keying)
        factory = make_session_factory(engine)
        with session_scope(factory) as s:
            seed_database(s)
        with engine.connect() as conn:
            ok = conn.execute(text("PRAGMA quick_check")).scalar()
        if ok != "ok":
            raise DatabaseProblem(f"{path.name} is damaged (SQLite quick check: {ok}).")
    except DatabaseProblem:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        problem = user_facing(exc)
        if problem is not None:
            raise problem from exc
        raise DatabaseProblem(f"{path.name} cannot be opened: {exc.orig}") from exc
    return Database(
        path=path,
        engine=engine,
        factory=factory,
        keying=keying,
        database_id=keys.database_id(file_salt(path)),
        migration=result,
        new_recovery_key=recovery,
        converted_from_plaintext=converted,
    )
