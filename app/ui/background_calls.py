"""The main window's slow menu calls (a backup, a report, a calendar) on a worker, with the
status bar busy until they end.

Its texts are the main window's (translation context "MainWindow")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressBar

from app.core.errors import UserError
from app.ui.formatting import problem_text
from app.ui.tasks import Task, TaskRunner, report_failure

__all__ = ["BackgroundCalls"]

T = TypeVar("T")


class BackgroundCalls(QObject):
    """For the main window (its parent): runs each call on the window's runner; `busy` is
    shown while any of them runs."""

    def __init__(self, window: QMainWindow, tasks: TaskRunner, busy: QProgressBar) -> None:
        super().__init__(window)
        self.setObjectName("backgroundCalls")
        # The window is reached through parent(), never held (no reference cycle back to it).
        self.tasks = tasks
        self.busy = busy
        self._running = 0  # slow menu calls running

    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def write_to_chosen_file(
        self,
        title: str,
        default: str,
        pattern: str,
        write: Callable[[Path], T],
        done: Callable[[Path, T], str],
        action: QAction,
    ) -> Path | None:
        """Ask where, write there on a worker, and say what was done (or what went wrong).
        Returns the path chosen; the file is there once the status bar says so."""
        name, _ = QFileDialog.getSaveFileName(
            self._window(), title, str(Path.home() / default), pattern
        )
        if not name:
            return None
        path = Path(name)
        self.run(
            action,
            QCoreApplication.translate("MainWindow", "Writing {file}…").format(file=path.name),
            lambda: write(path),
            lambda result: done(path, result),
            title,
        )
        return path

    def run(
        self,
        action: QAction,
        busy_text: str,
        work: Callable[[], T],
        done: Callable[[T], str],
        title: str,
    ) -> Task[T]:
        """Run a slow service call on a worker: its action is disabled and the status bar
        shows it busy until it ends; then `done(result)` is shown there. A UserError is told
        in a message box titled `title`; anything else goes to the crash report."""
        action.setEnabled(False)
        self._running += 1
        self.busy.show()
        self._window().statusBar().showMessage(busy_text)

        def ended() -> None:
            action.setEnabled(True)
            self._running -= 1
            self.busy.setVisible(self._running > 0)
            self._window().statusBar().clearMessage()

        def succeeded(result: T) -> None:
            ended()
            self._window().statusBar().showMessage(done(result), 10_000)

        def failed(exc: BaseException) -> None:
            ended()
            if isinstance(exc, UserError):
                QMessageBox.warning(self._window(), title, problem_text(exc))
            else:
                report_failure(self._window(), exc)

        return self.tasks.run(lambda _progress: work(), on_success=succeeded, on_failure=failed)
