"""The database key: made with the database, kept in the OS keyring (one entry per database,
named by the database's id, which is the salt in its file header), shown once on a recovery
sheet. Without a keyring the officer chooses a passphrase instead; a key never goes into a
file, an environment variable or a log."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.backends.fail
import keyring.errors

from app.core.errors import DatabaseProblem
from app.store.engine import KEY_BYTES, SALT_BYTES, Keying

KEYRING_SERVICE = "Innsyn database key"
T = TypeVar("T")


class KeyringUnavailable(DatabaseProblem):
    """No usable keyring on this computer."""


class KeyNeeded(DatabaseProblem):
    """The database is encrypted and its key is not in this computer's keyring."""


class WrongKey(DatabaseProblem):
    """A recovery key or passphrase that does not open the database."""


NO_KEYRING_MESSAGE = (
    "No keyring is available on this computer (Windows Credential Manager, macOS Keychain, "
    "or Secret Service/KWallet on Linux), so Innsyn cannot keep the database key safely. "
    "It will not store the key in a file: choose a passphrase instead, to be typed at every "
    "start."
)


def database_id(salt: bytes) -> str:
    return salt.hex()


def new_keying() -> Keying:
    return Keying(raw_key=secrets.token_bytes(KEY_BYTES), salt=secrets.token_bytes(SALT_BYTES))


def keyring_available() -> bool:
    try:
        backend = keyring.get_keyring()
        priority = getattr(backend, "priority", 1)
        return bool(priority > 0) and not isinstance(backend, keyring.backends.fail.Keyring)
    except Exception:
        return False


def _call(fn: Callable[..., T], *args: object) -> T:
    try:
        return fn(*args)
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailable("store.no_keyring") from exc
    except keyring.errors.KeyringLocked as exc:
        raise KeyringUnavailable("store.keyring_locked") from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable("store.keyring_refused", kind=type(exc).__name__) from exc


def store_key(db_id: str, raw_key: bytes) -> None:
    _call(keyring.set_password, KEYRING_SERVICE, db_id, raw_key.hex())


def load_key(db_id: str) -> bytes | None:
    value = _call(keyring.get_password, KEYRING_SERVICE, db_id)
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def forget_key(db_id: str) -> None:
    try:
        _call(keyring.delete_password, KEYRING_SERVICE, db_id)
    except KeyringUnavailable:
        raise
    except Exception:  # not there: nothing to forget
        return


def format_recovery_key(raw_key: bytes) -> str:
    """64 hex digits in 16 groups of 4, easy to read aloud and type back."""
    digits = raw_key.hex().upper()
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def parse_recovery_key(text: str) -> bytes | None:
    """The raw key from a recovery key as typed (spaces, dashes, any case); None when the
    text is not a recovery key (then it may be a passphrase)."""
    digits = re.sub(r"[\s\-]", "", text)
    if re.fullmatch(r"[0-9a-fA-F]{64}", digits):
        return bytes.fromhex(digits)
    return None


def database_id_of(path: Path) -> str:
    """The id of a database file (its salt, readable without the key)."""
    from app.store.cipherfile import file_salt

    return database_id(file_salt(path))
