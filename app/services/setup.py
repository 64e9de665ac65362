"""Setting up a workbench on a computer: what the first-run wizard and the settings dialog
choose (language, controller, where the database and the backups live, how the key is kept,
sample cases), checked before anything is written, and applied in one go."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import phonenumbers

from app.core import clock
from app.core.errors import DatabaseProblem, InvalidInput, UserError
from app.core.messages import Message
from app.intake.contact import normalise_email, normalise_phone
from app.services import config, register, samples
from app.services.common import MAX_TEXT
from app.services.register import ControllerProfile
from app.store import keys
from app.store.database import (
    MIN_PASSPHRASE,
    Database,
    data_dir,
    default_database_path,
    open_database,
)

__all__ = [
    "LANGUAGES",
    "ControllerProblem",
    "FirstRunChoices",
    "KeyMode",
    "apply_first_run",
    "check_backup_dir",
    "check_controller",
    "check_new_database_path",
    "check_passphrase",
    "configured_database_path",
    "default_backup_dir",
    "language",
    "needs_first_run",
    "set_language",
]

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("system", "nb", "en")
FIRST_RUN_DONE = "first_run_done"
LANGUAGE = "language"
DATABASE_PATH = "database_path"


class KeyMode(StrEnum):
    KEYRING = "keyring"  # a random key, kept in the OS keyring; a recovery sheet
    PASSPHRASE = "passphrase"  # typed at every start


class ControllerProblem(InvalidInput):
    """A controller field that cannot be kept as typed; `field` names it. The message is a
    key of the catalogue with its parameters, or `cause`: the refusal of the field's own
    check (an e-mail address, a phone number), which then reads as that check wrote it."""

    def __init__(
        self,
        field: str,
        message: str | Message | None = None,
        /,
        *,
        cause: UserError | None = None,
        **params: object,
    ) -> None:
        if cause is not None:
            super().__init__(cause.message)
        elif message is not None:
            super().__init__(message, **params)
        else:
            raise TypeError("ControllerProblem needs a message or a cause")
        self.field = field


@dataclass(frozen=True)
class FirstRunChoices:
    language: str
    controller: ControllerProfile
    database_path: Path
    backup_dir: Path
    key_mode: KeyMode
    passphrase: str = ""
    add_samples: bool = False

    def __repr__(self) -> str:  # never a passphrase in a log or a traceback
        return (
            f"FirstRunChoices(language={self.language!r}, database_path={self.database_path}, "
            f"backup_dir={self.backup_dir}, key_mode={self.key_mode.value}, "
            f"add_samples={self.add_samples})"
        )


# --- this computer's settings ---------------------------------------------------------------


def language() -> str:
    """The language chosen for the GUI: "nb", "en", or "system" (the default)."""
    value = config.load().get(LANGUAGE)
    return value if value in LANGUAGES else "system"


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise InvalidInput("setup.language_unknown_hint", value=lang)
    values = config.load()
    values[LANGUAGE] = lang
    config.save(values)


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def configured_database_path() -> Path:
    """The database the first-run wizard created (or the default place)."""
    chosen = config.load().get(DATABASE_PATH)
    return Path(chosen) if chosen else default_database_path()


def needs_first_run() -> bool:
    """No database at the default place and the wizard never finished on this computer."""
    return not config.load().get(FIRST_RUN_DONE) and not default_database_path().exists()


# --- checks, before anything is written -------------------------------------------------------


def _problem(field: str, exc: UserError) -> ControllerProblem:
    return ControllerProblem(field, cause=exc)


def check_controller(profile: ControllerProfile) -> ControllerProfile:
    """The profile as it will be stored, or a ControllerProblem naming the field. Stricter
    than the register on one point: the e-mail address for privacy requests is required
    (the published policy hides it, so nothing else tells Innsyn what it is)."""
    if not profile.legal_name.strip():
        raise ControllerProblem("legal_name", "setup.legal_name_missing")
    if not profile.privacy_email.strip():
        raise ControllerProblem("privacy_email", "setup.privacy_email_missing")
    try:
        email = normalise_email(profile.privacy_email.strip())
    except InvalidInput as exc:
        raise _problem("privacy_email", exc) from None
    phone = profile.phone.strip()
    if phone:
        try:
            phone = phonenumbers.format_number(
                phonenumbers.parse(normalise_phone(phone)),
                phonenumbers.PhoneNumberFormat.INTERNATIONAL,
            )
        except InvalidInput as exc:
            raise _problem("phone", exc) from None
    if not profile.country.strip():
        raise ControllerProblem("country", "setup.country_missing")
    org = profile.organisation_number.strip()
    if org and register.is_norway(profile.country):
        try:
            org = register.norwegian_org_number(org)
        except InvalidInput as exc:
            raise _problem("organisation_number", exc) from None
    for field in ("legal_name", "officer_name"):
        value = getattr(profile, field).strip()
        if value:
            try:
                register.clean_name(value, field.replace("_", " "))
            except InvalidInput as exc:
                raise _problem(field, exc) from None
    for field, limit in (("address", MAX_TEXT), ("country", register.MAX_NAME)):
        try:
            register.clean_text(getattr(profile, field), field, limit)
        except InvalidInput as exc:
            raise _problem(field, exc) from None
    return replace(
        profile,
        legal_name=profile.legal_name.strip(),
        organisation_number=org,
        address=profile.address.strip(),
        country=profile.country.strip(),
        privacy_email=email,
        phone=phone,
        officer_name=profile.officer_name.strip(),
    )


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or "/")


def check_backup_dir(path: Path | str) -> Path:
    """A folder backups can be written to (it is made when the first backup is taken)."""
    text = str(path).strip()
    if not text:
        raise InvalidInput("setup.backup_dir_missing")
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise InvalidInput("setup.backup_dir_relative", text=text)
    if folder.exists() and not folder.is_dir():
        raise InvalidInput("setup.backup_dir_is_file", folder=folder)
    base = _nearest_existing(folder)
    if not base.is_dir() or not os.access(base, os.W_OK | os.X_OK):
        raise InvalidInput("setup.backup_dir_not_writable", base=base)
    return folder


def check_new_database_path(path: Path | str) -> Path:
    """Where a new database file can be made: not an existing file, in a writable folder."""
    text = str(path).strip()
    if not text:
        raise InvalidInput("setup.database_missing")
    file = Path(text).expanduser()
    if not file.is_absolute():
        raise InvalidInput("setup.database_relative", text=text)
    if file.is_dir():
        raise InvalidInput("setup.database_is_folder", file=file)
    if file.exists() and file.stat().st_size > 0:
        raise InvalidInput("setup.database_exists", file=file)
    base = _nearest_existing(file.parent)
    if not base.is_dir() or not os.access(base, os.W_OK | os.X_OK):
        raise InvalidInput("setup.database_not_writable", base=base)
    return file


def check_passphrase(first: str, again: str) -> str:
    if len(first) < MIN_PASSPHRASE:
        raise InvalidInput("setup.passphrase_too_short", minimum=MIN_PASSPHRASE)
    if first != again:
        raise InvalidInput("setup.passphrases_differ")
    return first


# --- applying -----------------------------------------------------------------------------------


def apply_first_run(choices: FirstRunChoices) -> Database:
    """Create the database with the chosen key, store the controller profile, this computer's
    settings (language, backup folder, database path) and the sample cases if wanted, then
    mark the first run done. Everything is checked first; if a step after the database was
    made fails, the new (still empty) database and its keyring entry are removed again."""
    if choices.language not in LANGUAGES:
        raise InvalidInput("setup.language_unknown", value=choices.language)
    profile = check_controller(choices.controller)
    path = check_new_database_path(choices.database_path)
    backups = check_backup_dir(choices.backup_dir)
    key_mode = KeyMode(choices.key_mode)
    if key_mode is KeyMode.PASSPHRASE:
        passphrase: str | None = check_passphrase(choices.passphrase, choices.passphrase)
    else:
        if not keys.keyring_available():
            raise keys.KeyringUnavailable("setup.no_keyring")
        passphrase = None

    db = open_database(path, new_passphrase=passphrase)
    try:
        register.save_controller(db, profile)
        if choices.add_samples:
            samples.add_sample_cases(db)
    except BaseException:
        _undo_new_database(db)
        raise

    values = config.load()
    values[LANGUAGE] = choices.language
    values["backup_dir"] = str(backups)
    if path.resolve() != default_database_path().resolve():
        values[DATABASE_PATH] = str(path.resolve())
    else:
        values.pop(DATABASE_PATH, None)
    values[FIRST_RUN_DONE] = True
    config.save(values)
    log.info("first run done (key kept by %s)", key_mode.value)
    return db


def _undo_new_database(db: Database) -> None:
    db.close()
    if db.keying.raw_key is not None:
        try:
            keys.forget_key(db.database_id)
        except DatabaseProblem:
            pass
    for suffix in ("", "-wal", "-shm"):
        db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)


def recovery_sheet(db: Database) -> bytes:
    """The recovery sheet of an open, keyring-keyed database (the key is in memory)."""

    from app.reports.recovery import render_recovery_sheet

    if db.keying.raw_key is None:
        raise DatabaseProblem("setup.recovery_sheet_passphrase")
    return render_recovery_sheet(
        recovery_key=keys.format_recovery_key(db.keying.raw_key),
        database_name=db.path.name,
        database_id=db.database_id,
        controller=register.get_controller(db).legal_name or "Innsyn",
        created=clock.today_oslo(),
    )
