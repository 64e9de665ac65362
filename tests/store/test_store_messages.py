"""The store's refusals read in the officer's language (Bokmål here; English is what the
other store tests match)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from app.core.errors import DatabaseProblem
from app.services import cases
from app.store import keys
from app.store.database import open_database
from app.store.files import WriteFailed, private_output
from tests.conftest import phone_request


def test_a_folder_and_a_short_passphrase_are_refused_in_bokmal(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem) as folder:
        open_database(tmp_path)
    assert folder.value.render("nb") == f"{tmp_path} er en mappe, ikke en databasefil."
    keyring.set_keyring(FailKeyring())
    with pytest.raises(DatabaseProblem) as short:
        open_database(tmp_path / "ny.db", new_passphrase="kort")
    assert short.value.render("nb") == "Velg en passordfrase på minst 12 tegn."


def test_without_the_key_it_says_why_in_bokmal(db_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    db = open_database(db_path, new_passphrase="korrekt hest batteri stift")
    cases.log_request(db, phone_request("Åse Ødegård"))
    db.close()
    with pytest.raises(keys.KeyNeeded) as needed:
        open_database(db_path)
    text = needed.value.render("nb")
    assert text.startswith(
        f"{db_path.name} er kryptert, og nøkkelen finnes ikke i denne datamaskinens "
        "nøkkelring (Denne datamaskinen har ingen nøkkelring"
    )
    assert "passordfrasen." in text and "keyring" not in text
    with pytest.raises(keys.WrongKey) as wrong:
        open_database(db_path, secret="feil passord her")
    assert wrong.value.render("nb") == (
        f"Den passordfrasen åpner ikke {db_path.name}, eller filen er ikke en Innsyn-database."
    )


def test_the_english_no_keyring_text_is_the_one_the_wizard_shows() -> None:
    with pytest.raises(keys.KeyringUnavailable) as exc:
        keyring.set_keyring(FailKeyring())
        keys.load_key("0" * 32)
    assert str(exc.value) == keys.NO_KEYRING_MESSAGE


def test_a_file_that_cannot_be_written_says_why_in_bokmal(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed) as missing:
        with private_output(tmp_path / "finnes-ikke" / "brev.pdf"):
            pass
    assert missing.value.render("nb") == f"Mappen {tmp_path / 'finnes-ikke'} finnes ikke."
