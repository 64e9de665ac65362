"""The database key through a real Secret Service (gnome-keyring on a private session bus,
started by scripts/with-secret-service.sh, which .ci/run uses)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest

from app.services import cases
from app.store import keys
from app.store.cipherfile import file_salt
from app.store.database import open_database
from tests.conftest import phone_request

pytestmark = pytest.mark.secret_service


@pytest.fixture
def secret_service() -> keyring.backend.KeyringBackend:
    if not os.environ.get("INNSYN_SECRET_SERVICE"):
        pytest.skip(
            "no Secret Service on this session bus: run the suite through "
            "`bash scripts/dev.sh test` (dbus-run-session + gnome-keyring-daemon)"
        )
    from keyring.backends.SecretService import Keyring

    backend = Keyring()
    keyring.set_keyring(backend)
    return backend


def test_key_is_stored_read_and_deleted_through_secret_service(
    secret_service: keyring.backend.KeyringBackend, db_path: Path
) -> None:
    db = open_database(db_path)
    ref = cases.log_request(db, phone_request()).reference
    db.close()
    db_id = keys.database_id(file_salt(db_path))
    stored = secret_service.get_password(keys.KEYRING_SERVICE, db_id)
    assert stored is not None and len(stored) == 64
    reopened = open_database(db_path)
    assert cases.get_case(reopened, ref).subject_name == "Kari Nordmann"
    reopened.close()
    keys.forget_key(db_id)
    assert secret_service.get_password(keys.KEYRING_SERVICE, db_id) is None
    with pytest.raises(keys.KeyNeeded):
        open_database(db_path)
