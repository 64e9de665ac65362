"""An unexpected error: a dialog with a report the officer can copy to us, not a silent
crash. The report holds where it happened (files, lines, functions) and versions, never the
exception's message or any value: those may quote personal data."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__

log = logging.getLogger(__name__)


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    frames = traceback.extract_tb(tb)
    lines = [
        f"Innsyn {__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.system()} {platform.release()}",
        f"Error: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where:",
    ]
    for frame in frames[-12:]:
        path = frame.filename.replace("\\", "/")
        if "/app/" in path:
            path = "app/" + path.rsplit("/app/", 1)[1]
        else:
            path = path.rsplit("/", 1)[-1]
        lines.append(f"  {path}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Innsyn: unexpected error"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Something went wrong that Innsyn did not expect. What you saved before is "
                "safe. Please copy this report to whoever supports Innsyn; it contains no "
                "personal data."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.report = QPlainTextEdit(report)
        self.report.setObjectName("crashReport")
        self.report.setAccessibleName(self.tr("Error report"))
        self.report.setReadOnly(True)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class _Relay(QObject):
    """Exceptions can be raised on any thread; the dialog is shown on the GUI thread."""

    raised = Signal(str)


_relay: _Relay | None = None


def install_excepthook() -> None:
    global _relay
    _relay = _Relay()

    def show(report: str) -> None:
        CrashDialog(report, QApplication.activeWindow()).exec()

    _relay.raised.connect(show)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.error("unexpected error\n%s", report)
        if QCoreApplication.instance() is not None and _relay is not None:
            _relay.raised.emit(report)

    sys.excepthook = hook


def show_crash_report(exc: BaseException, parent: QWidget | None = None) -> CrashDialog:
    """A bug caught on the way (a background task's failure): logged by type and place,
    never its text, and shown in the crash report dialog (not modal)."""
    report = crash_report(type(exc), exc, exc.__traceback__)
    log.error("unexpected error\n%s", report)
    dialog = CrashDialog(report, parent)
    dialog.setObjectName("crashDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
