"""Reading a test's database file directly (with its key from the test keyring), as an
auditor with the key would, or as a tamperer would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services import keys
from app.store.cipherfile import file_salt
from app.store.engine import Keying, connect_raw


def raw_connect(path: Path) -> Any:
    key = keys.load_key(keys.database_id(file_salt(path)))
    assert key is not None, f"no key for {path.name} in the test keyring"
    return connect_raw(path, Keying(raw_key=key))
