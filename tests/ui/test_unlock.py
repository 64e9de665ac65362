"""Opening a database in the GUI: one window per database, no question when the keyring has
the key, a clear explanation and a passphrase where there is no keyring, the recovery key
elsewhere, and the newest good backup offered for a damaged file."""

from __future__ import annotations

import io
import socket
import stat
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.services import cases
from app.services.backup import make_backup
from app.store.database import Database
from app.ui import i18n
from app.ui.unlock import NewPassphraseDialog, SecretDialog, Unlocker, open_interactively
from tests.conftest import phone_request
from tests.dbutil import crash_while_open, damage_a_data_page


class ScriptedUnlocker(Unlocker):
    """Answers as a person would, and remembers what they were told."""

    def __init__(self, secrets: list[str] | None = None, passphrases: list[str] | None = None):
        super().__init__(None)
        self.secrets = list(secrets or [])
        self.passphrases = list(passphrases or [])
        self.asked: list[str] = []
        self.told: list[str] = []
        self.sheet_offered = 0

    def ask_secret(self, message: str) -> str | None:
        self.asked.append(message)
        return self.secrets.pop(0) if self.secrets else None

    def ask_new_passphrase(self, message: str) -> str | None:
        self.asked.append(message)
        return self.passphrases.pop(0) if self.passphrases else None

    def tell(self, title: str, message: str) -> None:
        self.told.append(message)

    def offer_recovery_sheet(self, db: Database) -> None:
        self.sheet_offered += 1


def test_new_database_offers_the_recovery_sheet_and_locks_the_file(
    qtbot: Any, db_path: Path
) -> None:
    first = ScriptedUnlocker()
    opened = open_interactively(db_path, first)
    assert opened is not None
    db, lock = opened
    assert first.sheet_offered == 1 and first.asked == []
    lock_file = db_path.with_name(db_path.name + ".lock")
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    second = ScriptedUnlocker()
    assert open_interactively(db_path, second) is None
    host = socket.gethostname()
    assert f"{db_path} is in use by another Innsyn window on {host}. Close it" in second.told[0]
    db.close()
    lock.unlock()
    third = ScriptedUnlocker()
    opened = open_interactively(db_path, third)
    assert opened is not None and third.sheet_offered == 0 and third.asked == []
    opened[0].close()
    opened[1].unlock()


def test_without_keyring_a_passphrase_is_chosen_then_asked_for(qtbot: Any, db_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    chooser = ScriptedUnlocker(passphrases=["en lang og hemmelig setning"])
    opened = open_interactively(db_path, chooser)
    assert opened is not None
    assert "No keyring is available" in chooser.asked[0]
    assert "will not store the key in a file" in chooser.asked[0]
    db, lock = opened
    ref = cases.log_request(db, phone_request()).reference
    db.close()
    lock.unlock()
    typist = ScriptedUnlocker(secrets=["feil feil feil feil", "en lang og hemmelig setning"])
    opened = open_interactively(db_path, typist)
    assert opened is not None
    assert len(typist.asked) == 2 and "does not open" in typist.asked[1]
    assert cases.get_case(opened[0], ref).subject_name == "Kari Nordmann"
    opened[0].close()
    opened[1].unlock()
    quitter = ScriptedUnlocker()
    assert open_interactively(db_path, quitter) is None


def test_a_damaged_database_offers_the_newest_backup(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_interactively(db_path, ScriptedUnlocker())
    assert opened is not None
    db, lock = opened
    ref = cases.log_request(db, phone_request()).reference
    make_backup(db)
    for i in range(30):
        cases.log_request(db, phone_request(f"Person {i}", phone=None, notes="x" * 3000))
    db.close()
    lock.unlock()
    # The whole file is checked at opening after an unclean shutdown (otherwise in the
    # background once the window is shown: see tests/ui/test_background_checks.py).
    crash_while_open(db_path)
    damage_a_data_page(db_path)
    questions: list[str] = []

    def answer_yes(*args: Any) -> QMessageBox.StandardButton:
        questions.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    unlocker = ScriptedUnlocker()
    opened = open_interactively(db_path, unlocker)
    assert opened is not None, unlocker.told
    assert "damaged" in questions[0] and "Restore the backup" in questions[0]
    assert cases.get_case(opened[0], ref).subject_name == "Kari Nordmann"
    opened[0].close()
    opened[1].unlock()
    assert any(".replaced-" in p.name for p in db_path.parent.iterdir())


def test_passphrase_dialog_checks_length_and_match(qtbot: Any) -> None:
    dialog = NewPassphraseDialog("No keyring")
    qtbot.addWidget(dialog)
    dialog.first.setText("kort")
    dialog.second.setText("kort")
    dialog._check()
    assert "12" in dialog.problem.text() and not dialog.result()
    dialog.first.setText("lang nok setning her")
    dialog.second.setText("lang nok setning der")
    dialog._check()
    assert "differ" in dialog.problem.text()
    dialog.second.setText("lang nok setning her")
    dialog._check()
    assert dialog.result() == 1 and dialog.passphrase() == "lang nok setning her"
    secret = SecretDialog("Enter the recovery key")
    qtbot.addWidget(secret)
    secret.secret_edit.setText("ABCD")
    assert secret.secret() == "ABCD"


def test_recovery_sheet_is_saved_owner_only(
    qtbot: Any, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    saved = Unlocker(None).save_recovery_sheet(db)
    assert saved == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert db.new_recovery_key is not None
    assert db.new_recovery_key.split("-")[0] in text


def test_a_database_in_use_is_said_in_bokmal(qtbot: Any, qapp: Any, db_path: Path) -> None:
    opened = open_interactively(db_path, ScriptedUnlocker())
    assert opened is not None
    try:
        assert i18n.install_language(qapp, "nb") == "nb"
        second = ScriptedUnlocker()
        assert open_interactively(db_path, second) is None
        assert second.told[0].startswith(
            f"{db_path} er i bruk i et annet Innsyn-vindu på {socket.gethostname()}. Lukk"
        )
    finally:
        i18n.remove_translators(qapp)
        opened[0].close()
        opened[1].unlock()
