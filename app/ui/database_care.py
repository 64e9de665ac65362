"""The main window's care of the open database file: the full check of the file in the
background, what to do when it finds damage, and the choice of a backup to restore.

Its texts are the main window's (translation context "MainWindow")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.services.storage import Database, FullCheck
from app.ui.tasks import Task, TaskRunner, failure_message

__all__ = ["DatabaseCare"]


class DatabaseCare(QObject):
    """For the main window (its parent): the file check on the window's maintenance runner,
    and what the officer decided, read when the window has closed: `damage` (what the check
    found), `restore_damaged` (close and restore the newest good backup) and
    `pending_restore` (the backup chosen to restore)."""

    def __init__(self, window: QMainWindow, db: Database, maintenance: TaskRunner) -> None:
        super().__init__(window)
        self.setObjectName("databaseCare")
        # The window is reached through parent(), never held: a reference back to it would
        # make a cycle left to the garbage collector, which may run on a worker thread.
        self.db = db
        self.maintenance = maintenance
        self._file_check_job: Task[str | None] | None = None
        self.damage: str | None = None  # what the background check found
        self.restore_damaged = False  # the officer chose to close and restore a backup
        self.pending_restore: Path | None = None

    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def ask_restore(self) -> None:
        """Restoring replaces the open database: say how, and where the backup is."""
        from app.services import config

        window = self._window()
        name, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("MainWindow", "Choose a backup to restore"),
            str(config.backup_dir()),
            QCoreApplication.translate("MainWindow", "Innsyn backups (*.sqlite3)"),
        )
        if not name:
            return
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("MainWindow", "Restore from a backup"),
            QCoreApplication.translate(
                "MainWindow",
                "Innsyn will close, replace the database by {file} after checking it, and "
                "keep the current file aside. Start Innsyn again afterwards. Continue?",
            ).format(file=Path(name).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.pending_restore = Path(name)
        window.close()

    # --- the full check of the database file, in the background ----------------------------

    @property
    def file_check_running(self) -> bool:
        return self._file_check_job is not None

    def start_file_check(self) -> Task[str | None] | None:
        """Read and check every page of the database file on a worker (it was not done at
        opening: see app.store.database, opened through app.services.storage); damage found is shown by `database_damaged`."""
        if self._file_check_job is not None or self.damage is not None:
            return None
        check = FullCheck(self.db)

        def checked(problem: str | None) -> None:
            self._file_check_job = None
            if problem is not None and not check.cancelled:
                self.database_damaged(problem)

        def failed(exc: BaseException) -> None:
            self._file_check_job = None
            self._window().statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "The database file could not be checked: {message}"
                ).format(message=failure_message(exc)),
                30_000,
            )

        self._file_check_job = self.maintenance.run(
            lambda _progress: check.run(),
            on_success=checked,
            on_failure=failed,
            on_cancel=check.cancel,  # interrupts SQLite at once
        )
        return self._file_check_job

    def cancel_file_check(self) -> None:
        if self._file_check_job is not None:
            self._file_check_job.cancel()

    def database_damaged(self, problem: str) -> None:
        """Say so plainly, and offer to close and restore the newest good backup."""
        from app.services.backup import list_backups

        window = self._window()
        self.damage = problem
        title = QCoreApplication.translate("MainWindow", "Innsyn: the database is damaged")
        window.statusBar().showMessage(title.removeprefix("Innsyn: "))
        if not list_backups(self.db.database_id):
            QMessageBox.critical(
                window,
                title,
                QCoreApplication.translate(
                    "MainWindow",
                    "{problem}\n\nThe check of the whole database file found this. There is "
                    "no backup of this database to restore. Copy the database file somewhere "
                    "safe now and ask for help before you go on.",
                ).format(problem=problem),
            )
            return
        answer = QMessageBox.question(
            window,
            title,
            QCoreApplication.translate(
                "MainWindow",
                "{problem}\n\nThe check of the whole database file found this. Innsyn can "
                "close now and offer the newest good backup to restore; the damaged file is "
                "kept aside.\n\nClose Innsyn and restore a backup now?",
            ).format(problem=problem),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_damaged = True
            window.close()
