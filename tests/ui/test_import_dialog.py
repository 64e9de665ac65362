"""The register import dialog, driven through its widgets and checked against the database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest sets it too; before Qt

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.services import subjects
from app.store.database import Database
from app.ui.import_dialog import SubjectImportDialog

SAMPLE = ("registers", "erp-customers-cp1252.csv")
WAIT_MS = 20_000


def open_dialog(qtbot: QtBot, db: Database, path: Path) -> SubjectImportDialog:
    dialog = SubjectImportDialog(db, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def text_at(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def table_rows(dialog: SubjectImportDialog) -> list[tuple[str, str]]:
    t = dialog.bad_rows_table
    return [(text_at(t, i, 0), text_at(t, i, 1)) for i in range(t.rowCount())]


def subject_count(db: Database) -> int:
    return subjects.count_subjects(db)


def test_the_sample_mapping_is_guessed_and_previewed(
    qtbot: QtBot, db: Database, samples: Path
) -> None:
    dialog = open_dialog(qtbot, db, samples.joinpath(*SAMPLE))
    info = dialog.file_info.text()
    assert "Windows-1252" in info and "semicolon (;)" in info
    assert dialog.combo("name").currentText() == "Navn"
    assert dialog.combo("email").currentText() == "E-post"
    assert dialog.combo("last_purchase").currentText() == "Siste kjøp"
    assert dialog.combo("supplier_no").currentText() == "(not imported)"
    for field, combo in dialog.combos.items():
        assert combo.objectName() == f"mapping_{field}" and combo.accessibleName()

    preview = dialog.preview_table
    assert preview.rowCount() == 7
    assert text_at(preview, 0, 0) == "2"
    assert text_at(preview, 0, 1) == "Kari Nordmann"
    assert text_at(preview, 0, 3) == "+4791234567"  # as it will be stored
    problems = preview.columnCount() - 1
    assert text_at(preview, 5, problems) == "invalid e-mail 'ikke-en-epost'; invalid phone '123'"

    # Not importing the e-mail column: row 7 keeps only its phone problem.
    dialog.combo("email").setCurrentIndex(0)
    assert text_at(preview, 5, problems) == "invalid phone '123'"
    # Without a name column nothing can be imported.
    dialog.combo("name").setCurrentIndex(0)
    assert not dialog.import_button.isEnabled()
    assert "names" in dialog.status_label.text()
    dialog.combo("name").setCurrentIndex(dialog.combo("name").findText("Navn"))
    assert dialog.import_button.isEnabled()


def test_bad_rows_are_shown_and_the_good_rows_imported(
    qtbot: QtBot, db: Database, samples: Path, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, db, samples.joinpath(*SAMPLE))
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: not dialog.running and dialog.bad_rows_box.isVisible(), timeout=WAIT_MS)

    # Nothing written yet: the officer decides.
    assert subject_count(db) == 0
    assert table_rows(dialog) == [
        ("7", "invalid e-mail 'ikke-en-epost'; invalid phone '123'"),
        ("8", "invalid date '32.13.2024' in last purchase"),
    ]
    assert dialog.import_good_button.isVisible()
    assert dialog.import_good_button.text() == "Import the 5 good rows"
    assert dialog.import_nothing_button.isVisible()
    assert dialog.save_report_button.isVisible()

    dialog.save_report(tmp_path / "bad.csv")
    with (tmp_path / "bad.csv").open(encoding="utf-8-sig", newline="") as f:
        saved = list(csv.reader(f, delimiter=";"))
    assert [r[0] for r in saved] == ["row", "7", "8"]

    click(qtbot, dialog.import_good_button)
    qtbot.waitUntil(lambda: not dialog.running and bool(imported), timeout=WAIT_MS)
    assert subject_count(db) == 5
    assert "5 new subjects" in dialog.status_label.text()
    assert not dialog.import_good_button.isVisible()
    assert [r.name for r in subjects.list_subjects(db, search="Ødegård")] == ["Åse Ødegård"]


def test_changing_the_mapping_after_the_check_starts_again(
    qtbot: QtBot, db: Database, samples: Path
) -> None:
    dialog = open_dialog(qtbot, db, samples.joinpath(*SAMPLE))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.import_good_button.isVisible(), timeout=WAIT_MS)
    # The dates are the problem of row 8: leave them out and check again.
    dialog.combo("last_purchase").setCurrentIndex(0)
    assert not dialog.bad_rows_box.isVisible() and dialog.import_button.isVisible()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.import_good_button.isVisible(), timeout=WAIT_MS)
    assert [row for row, _ in table_rows(dialog)] == ["7"]
    assert dialog.import_good_button.text() == "Import the 6 good rows"
    assert subject_count(db) == 0


def test_import_nothing_writes_nothing(qtbot: QtBot, db: Database, samples: Path) -> None:
    dialog = open_dialog(qtbot, db, samples.joinpath(*SAMPLE))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.import_nothing_button.isVisible(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, dialog.import_nothing_button)
    assert subject_count(db) == 0


def test_a_clean_file_is_imported_at_once(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    path.write_text("Navn,E-post\nKari Nordmann,kari@example.no\n", encoding="utf-8")
    dialog = open_dialog(qtbot, db, path)
    assert "UTF-8" in dialog.file_info.text() and "comma" in dialog.file_info.text()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        click(qtbot, dialog.import_button)
    assert subject_count(db) == 1
    assert not dialog.bad_rows_box.isVisible()


def test_a_file_that_cannot_be_read(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    dialog = open_dialog(qtbot, db, path)
    assert dialog.error_label.isVisible()
    assert "cannot be read" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_writes_nothing(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Navn", "E-post"])
        w.writerows([f"Kunde {i}", f"kunde{i}@example.no"] for i in range(60_000))
    dialog = open_dialog(qtbot, db, path)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0 or not dialog.running, timeout=WAIT_MS)
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert "nothing was imported" in dialog.status_label.text()
    assert subject_count(db) == 0
    assert dialog.import_button.isEnabled()
