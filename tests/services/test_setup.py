"""Applying the first-run choices: checked first, then the database, the profile, this
computer's settings and the samples, all or nothing."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.core.errors import InvalidInput
from app.services import config, register, samples, setup
from app.services.register import ControllerProfile
from app.services.setup import ControllerProblem, FirstRunChoices, KeyMode
from app.store import keys
from app.store.database import default_database_path, open_database

PROFILE = ControllerProfile(
    legal_name="LanoPro",
    organisation_number="923609016",
    address="Storgata 1\n0155 Oslo",
    country="Norway",
    privacy_email="Personvern@LanoPro.example",
    phone="40001514",
    officer_name="Áile Ŋuolgga",
)


def choices(tmp_path: Path, **kw: object) -> FirstRunChoices:
    values: dict[str, object] = {
        "language": "nb",
        "controller": PROFILE,
        "database_path": default_database_path(),
        "backup_dir": tmp_path / "share" / "backups",
        "key_mode": KeyMode.KEYRING,
        "passphrase": "",
        "add_samples": False,
    }
    values.update(kw)
    return FirstRunChoices(**values)  # type: ignore[arg-type]


def test_first_run_is_needed_until_it_is_done(tmp_path: Path) -> None:
    assert setup.needs_first_run()
    db = setup.apply_first_run(choices(tmp_path, add_samples=True))
    try:
        assert not setup.needs_first_run()
        assert config.load()["first_run_done"] is True
        assert setup.language() == "nb"
        assert config.backup_dir() == tmp_path / "share" / "backups"
        assert setup.configured_database_path() == default_database_path()
        saved = register.get_controller(db)
        assert saved.privacy_email == "Personvern@lanopro.example"  # the domain folded
        assert saved.phone == "+47 40 00 15 14"
        assert saved.organisation_number == "923 609 016"
        assert saved.officer_name == "Áile Ŋuolgga"
        assert len(samples.sample_references(db)) == 6
        assert db.new_recovery_key  # keyring mode: the recovery sheet is offered
        assert keys.load_key(db.database_id) == db.keying.raw_key
    finally:
        db.close()


def test_a_database_file_alone_means_no_first_run(tmp_path: Path) -> None:
    open_database(default_database_path()).close()
    assert not setup.needs_first_run()


def test_passphrase_mode_without_a_keyring(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    path = tmp_path / "elsewhere" / "cases.sqlite3"
    with pytest.raises(keys.KeyringUnavailable):
        setup.apply_first_run(choices(tmp_path, database_path=path))
    assert not path.exists()
    passphrase = "ŋđčŧ-lang-passfrase"
    db = setup.apply_first_run(
        choices(tmp_path, database_path=path, key_mode=KeyMode.PASSPHRASE, passphrase=passphrase)
    )
    db.close()
    assert db.keying.raw_key is None and db.new_recovery_key is None
    assert setup.configured_database_path() == path.resolve()
    with pytest.raises(keys.KeyNeeded):
        open_database(path)
    again = open_database(path, secret=passphrase)
    assert register.get_controller(again).legal_name == "LanoPro"
    again.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"privacy_email": ""}, "privacy_email"),
        ({"privacy_email": "not an address"}, "privacy_email"),
        ({"legal_name": " "}, "legal_name"),
        ({"phone": "12"}, "phone"),
        ({"organisation_number": "987654321"}, "organisation_number"),
    ],
)
def test_controller_problems_name_their_field(
    tmp_path: Path, change: dict[str, str], field: str
) -> None:
    from dataclasses import replace

    profile = replace(PROFILE, **change)
    with pytest.raises(ControllerProblem) as caught:
        setup.check_controller(profile)
    assert caught.value.field == field
    with pytest.raises(ControllerProblem):
        setup.apply_first_run(choices(tmp_path, controller=profile))
    assert not default_database_path().exists()
    assert setup.needs_first_run()


def test_places_and_passphrases_are_checked(tmp_path: Path) -> None:
    existing = tmp_path / "old.sqlite3"
    existing.write_bytes(b"something")
    with pytest.raises(InvalidInput, match="already a file"):
        setup.check_new_database_path(existing)
    with pytest.raises(InvalidInput, match="whole path"):
        setup.check_new_database_path("relative.sqlite3")
    with pytest.raises(InvalidInput, match="folder"):
        setup.check_new_database_path(tmp_path)
    with pytest.raises(InvalidInput, match="not a folder"):
        setup.check_backup_dir(existing)
    with pytest.raises(InvalidInput):
        setup.check_backup_dir("")
    assert setup.check_backup_dir(tmp_path / "a" / "b") == tmp_path / "a" / "b"
    assert not (tmp_path / "a").exists()  # checking makes nothing
    with pytest.raises(InvalidInput, match="at least 12"):
        setup.check_passphrase("short", "short")
    with pytest.raises(InvalidInput, match="differ"):
        setup.check_passphrase("long enough phrase", "long enough phrasE")
    with pytest.raises(InvalidInput):
        setup.apply_first_run(choices(tmp_path, database_path=existing))
    assert existing.read_bytes() == b"something"


def test_a_failure_after_the_database_was_made_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_db: object) -> list[str]:
        raise InvalidInput("the samples could not be added")

    monkeypatch.setattr(samples, "add_sample_cases", broken)
    with pytest.raises(InvalidInput):
        setup.apply_first_run(choices(tmp_path, add_samples=True))
    assert not default_database_path().exists()
    assert setup.needs_first_run()
    assert "backup_dir" not in config.load()


def test_language_setting(tmp_path: Path) -> None:
    assert setup.language() == "system"
    setup.set_language("en")
    assert setup.language() == "en"
    with pytest.raises(InvalidInput):
        setup.set_language("de")
    config.save({**config.load(), "language": "klingon"})
    assert setup.language() == "system"


def test_choices_never_show_the_passphrase(tmp_path: Path) -> None:
    shown = repr(choices(tmp_path, key_mode=KeyMode.PASSPHRASE, passphrase="hemmelig-frase-123"))
    assert "hemmelig" not in shown


# --- in Bokmål ---------------------------------------------------------------------------


def test_a_missing_legal_name_is_refused_in_bokmal() -> None:
    from dataclasses import replace

    with pytest.raises(ControllerProblem) as caught:
        setup.check_controller(replace(PROFILE, legal_name=" "))
    assert caught.value.field == "legal_name"
    assert caught.value.render("nb") == (
        "Oppgi det juridiske navnet til den behandlingsansvarlige."
    )
    assert str(caught.value) == "Give the controller's legal name."


def test_a_bad_privacy_address_reads_as_the_address_check_wrote_it() -> None:
    from dataclasses import replace

    with pytest.raises(ControllerProblem) as caught:
        setup.check_controller(replace(PROFILE, privacy_email="personvern.lanopro.example"))
    assert caught.value.field == "privacy_email"
    assert caught.value.key.startswith("contact.")
    assert caught.value.render("nb").endswith("er ikke en gyldig e-postadresse: den har ingen @")


def test_places_and_passphrases_are_refused_in_bokmal(tmp_path: Path) -> None:
    existing = tmp_path / "old.sqlite3"
    existing.write_bytes(b"something")
    with pytest.raises(InvalidInput) as caught:
        setup.check_new_database_path(existing)
    assert caught.value.render("nb") == (
        f"Det finnes allerede en fil på {existing}. Veiviseren lager en ny database: velg et "
        "annet navn, eller åpne den eksisterende databasen med --db."
    )
    with pytest.raises(InvalidInput) as caught:
        setup.check_backup_dir("sikkerhetskopier")
    assert caught.value.render("nb") == (
        "Oppgi hele stien til mappen for sikkerhetskopier, ikke «sikkerhetskopier»."
    )
    assert str(caught.value) == (
        "Give the whole path of the backup folder, not 'sikkerhetskopier'."
    )
    with pytest.raises(InvalidInput) as caught:
        setup.check_passphrase("kort", "kort")
    assert caught.value.render("nb") == "Velg en passordfrase på minst 12 tegn."
    with pytest.raises(InvalidInput) as caught:
        setup.set_language("de")
    assert caught.value.render("nb") == "Ukjent språk «de»: bruk nb, en eller system."
