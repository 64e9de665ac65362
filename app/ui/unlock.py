"""Opening a database the way an officer meets it: one instance per database, the key from
the keyring without a question, and where that is not possible a plain explanation and a
safe alternative (recovery key, passphrase) — never a key in a file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DatabaseProblem
from app.services import setup, storage
from app.services.storage import MIN_PASSPHRASE, Database, default_database_path, open_database
from app.ui.formatting import problem_text
from app.ui.widgets import ERROR_STYLE


def _tr(text: str) -> str:
    return QCoreApplication.translate("Unlocker", text)


class SecretDialog(QDialog):
    """Asks for the recovery key or the passphrase of an existing database."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Innsyn: unlock the database"))
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("secretEdit")
        self.secret_edit.setAccessibleName(self.tr("Recovery key or passphrase"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setPlaceholderText(self.tr("Recovery key (16 groups of 4) or passphrase"))
        layout.addWidget(self.secret_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def secret(self) -> str:
        return self.secret_edit.text()


class NewPassphraseDialog(QDialog):
    """No keyring here: the officer chooses a passphrase, typed at every start."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Innsyn: choose a passphrase"))
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setObjectName("passphraseEdit")
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgainEdit")
        self.second.setAccessibleName(self.tr("Passphrase again"))
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        if len(self.first.text()) < MIN_PASSPHRASE:
            self.problem.setText(self.tr("Use at least %n characters.", "", MIN_PASSPHRASE))
            return
        if self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two passphrases differ."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()


class Unlocker:
    """The steps of opening, each overridable in tests (they return what a person chose)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_secret(self, message: str) -> str | None:
        dialog = SecretDialog(message, self.parent)
        return dialog.secret() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_new_passphrase(self, message: str) -> str | None:
        dialog = NewPassphraseDialog(message, self.parent)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def tell(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def offer_recovery_sheet(self, db: Database) -> None:
        box = QMessageBox(self.parent)
        box.setWindowTitle(_tr("Innsyn: the database key"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            _tr(
                "The database is encrypted. Its key is kept in this computer's keyring, so "
                "you will not be asked for it. If this computer is lost, the recovery key "
                "opens the database and its backups elsewhere:\n\n%1\n\nSave the recovery "
                "sheet now, print it and keep it in a safe."
            ).replace("%1", db.new_recovery_key or "")
        )
        save = box.addButton(_tr("Save recovery sheet…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save:
            self.save_recovery_sheet(db)

    def save_recovery_sheet(self, db: Database) -> Path | None:
        from app.services.storage import write_private

        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            _tr("Save the recovery sheet"),
            str(Path(docs) / "innsyn-recovery-sheet.pdf"),
            "PDF (*.pdf)",
        )
        if not name:
            return None
        try:
            return write_private(Path(name), setup.recovery_sheet(db))
        except Exception as exc:  # a message, never a traceback
            self.tell(_tr("Innsyn"), problem_text(exc))
            return None

    def offer_restore(self, path: Path, problem: str) -> bool:
        """A damaged database: offer the newest backup that verifies."""
        from app.services.backup import list_backups, restore

        try:
            db_id = storage.database_id_of(path)
        except OSError:
            return False
        for backup in list_backups(db_id):
            answer = QMessageBox.question(
                self.parent,
                _tr("Innsyn: the database is damaged"),
                _tr("%1\n\nRestore the backup of %2? The damaged file is kept aside.")
                .replace("%1", problem)
                .replace("%2", f"{backup.taken_at:%d.%m.%Y %H:%M} UTC"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                restore(path, backup.path)
                return True
            except DatabaseProblem as exc:
                self.tell(_tr("Innsyn"), problem_text(exc))
        return False


def open_interactively(
    path: Path | None, unlocker: Unlocker | None = None
) -> tuple[Database, QLockFile] | None:
    """Open the database, asking only what must be asked; None when the officer gives up or
    the database cannot be used (they were told why)."""
    unlocker = unlocker or Unlocker()
    path = (path or default_database_path()).expanduser().resolve()
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not lock.tryLock(100):
        # PySide6 gives (found, host name, application name): no process id
        found, host = lock.getLockInfo()[:2]
        if found and host:
            text = (
                _tr(
                    "%1 is in use by another Innsyn window on %2. Close it first, or open "
                    "another database with --db."
                )
                .replace("%1", str(path))
                .replace("%2", str(host))
            )
        else:
            text = _tr(
                "%1 is in use by another Innsyn window. Close it first, or open another "
                "database with --db."
            ).replace("%1", str(path))
        unlocker.tell(_tr("Innsyn"), text)
        return None
    # The lock names the process and host that holds the database: owner-only, as every
    # file of ours (QLockFile writes it as the umask allows).
    os.chmod(lock.fileName(), 0o600)
    secret: str | None = None
    passphrase: str | None = None
    restored = False
    while True:
        try:
            db = open_database(path, secret=secret, new_passphrase=passphrase)
        except storage.KeyringUnavailable as exc:
            passphrase = unlocker.ask_new_passphrase(problem_text(exc))
            if passphrase is None:
                break
            continue
        except (storage.KeyNeeded, storage.WrongKey) as exc:
            secret = unlocker.ask_secret(problem_text(exc))
            if secret is None:
                break
            continue
        except DatabaseProblem as exc:
            if (
                "damaged" in problem_text(exc)
                and not restored
                and unlocker.offer_restore(path, problem_text(exc))
            ):
                restored = True
                continue
            unlocker.tell("Innsyn", problem_text(exc))
            break
        if db.new_recovery_key:
            unlocker.offer_recovery_sheet(db)
            db.new_recovery_key = None
        return db, lock
    lock.unlock()
    return None


__all__ = ["NewPassphraseDialog", "SecretDialog", "Unlocker", "open_interactively"]
