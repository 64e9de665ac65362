"""An unexpected error shows a copyable report with no personal data in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from app.ui.crash import CrashDialog, crash_report

SECRET = "Kari Nordmann <kari@example.no> +4791234567"


def fail_with_personal_data() -> None:
    name = SECRET  # a local holding personal data must not leak either
    raise KeyError(name)


def test_report_names_the_place_not_the_data(qtbot: Any) -> None:
    try:
        fail_with_personal_data()
    except KeyError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__)
    assert "builtins.KeyError" in report
    assert "fail_with_personal_data" in report
    assert "test_crash.py" in report
    assert "Kari" not in report and "example.no" not in report and "9123" not in report
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
