"""The documents panel, driven through its widgets: generate, preview (QtPdf from memory),
save a copy, print through QPrinter to a PDF file, mark sent; and inside the case view."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import stat
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.model import RequestType, Role
from app.services import cases, findings, register, statements
from app.store.database import Database
from app.ui.case_view import CaseView
from app.ui.documents_panel import DocumentsPanel, LetterDialog, MarkSentDialog, PdfPreviewDialog
from tests.conftest import OSLO, phone_request

NAME = "Áile Ŋuolga"

Messages = list[tuple[str, str]]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Message boxes are recorded; a question is answered Yes and recorded too."""
    calls: Messages = []

    def recorder(kind: str) -> Any:
        def record(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            calls.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return record

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return calls


def received(days: int = 6) -> dt.datetime:
    day = cases.today_oslo() - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=OSLO)


def access_case(db: Database, *, language: str = "nb", search_all: bool = True) -> str:
    ref = cases.log_request(
        db,
        phone_request(
            NAME,
            received=received(),
            roles=(Role.CUSTOMER,),
            address="Boks 12\n9520 Guovdageaidnu",
            language=language,
        ),
    ).reference
    today = cases.today_oslo()
    for system in register.list_systems(db):
        if system.code == "erp":
            findings.record_finding(
                db,
                ref,
                system.id,
                searched_on=today,
                found=True,
                categories=("Invoices and payments",),
                notes="Faktura 2026-117: kr 4 990",
            )
        elif search_all:
            findings.record_finding(db, ref, system.id, searched_on=today, found=False)
    return ref


def panel_for(qtbot: QtBot, db: Database, ref: str) -> DocumentsPanel:
    panel = DocumentsPanel(db, ref)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def finished(qtbot: QtBot, panel: DocumentsPanel) -> None:
    """Wait for the document being written on the worker to reach the panel."""
    qtbot.waitUntil(lambda: not panel.calls.busy, timeout=10_000)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )


def test_generate_statement_in_the_case_language(
    qtbot: QtBot, db: Database, messages: Messages
) -> None:
    ref = access_case(db, language="en")
    panel = panel_for(qtbot, db, ref)
    assert panel.statement_language.currentData() == "en"
    assert panel.table.rowCount() == 0
    panel.statement_button.click()
    finished(qtbot, panel)
    assert messages == []  # every system searched: no question
    assert panel.table_rows()[0][:2] == ("Statement (Art. 15)", f"{ref}-innsyn-en.pdf")
    stored = panel.last_stored
    assert stored is not None
    assert panel.table_rows()[0][3] == stored.sha256[:12] + "…"
    doc = cases.get_case(db, ref).documents[-1]
    assert (doc.kind, doc.sha256) == ("statement", stored.sha256)
    assert "Access to your personal data" in pdf_text(stored.content)
    # chosen language wins
    panel.statement_language.setCurrentIndex(panel.statement_language.findData("nb"))
    panel.statement_button.click()
    finished(qtbot, panel)
    assert panel.table_rows()[-1][1] == f"{ref}-innsyn-nb.pdf"


def test_unsearched_systems_are_asked_about(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = access_case(db, search_all=False)
    panel = panel_for(qtbot, db, ref)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    panel.statement_button.click()
    finished(qtbot, panel)
    assert panel.table.rowCount() == 0
    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    panel.statement_button.click()
    finished(qtbot, panel)
    assert "CRM" in asked[0] and "E-mail archive" in asked[0]
    assert panel.table.rowCount() == 1


def test_preview_save_and_print(
    qtbot: QtBot,
    db: Database,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ref = access_case(db)
    panel = panel_for(qtbot, db, ref)
    panel.statement_button.click()
    finished(qtbot, panel)
    stored = panel.last_stored
    assert stored is not None
    assert panel.selected_document() is not None
    assert panel.selected_document().id == stored.id  # type: ignore[union-attr]
    pages = pdf_pages(stored.content)
    assert pages >= 2

    # Preview: QtPdf reads the bytes from a QBuffer.
    panel.preview_button.click()
    dialog = panel.preview_dialog
    assert isinstance(dialog, PdfPreviewDialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    assert dialog.page_count() == pages
    assert dialog.isVisible() and dialog.view.document() is dialog.document
    assert dialog.pages_label.text() == f"{pages} page(s)"
    dialog.close()

    # Save as: the same bytes, owner-only.
    target = tmp_path / "kopi.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    panel.save_button.click()
    assert target.read_bytes() == stored.content
    assert hashlib.sha256(target.read_bytes()).hexdigest() == stored.sha256
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    # Print: to a PDF file through QPrinter, the print dialog accepted.
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(panel, "make_printer", lambda: printer)
    shown: list[QPrintDialog] = []

    def accept(self: QPrintDialog) -> int:
        shown.append(self)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    panel.print_button.click()
    assert len(shown) == 1
    assert messages == []
    content = printed.read_bytes()
    assert content.startswith(b"%PDF")
    assert pdf_pages(content) == pages
    text = pdf_text(content)
    assert NAME in text
    assert "Faktura 2026-117" in text


def test_printed_pages_are_painted_on_white(
    qtbot: QtBot, db: Database, messages: Messages, tmp_path: Path
) -> None:
    """The picture of a printed page has a white (not transparent, not black) background."""
    from PySide6.QtGui import QImage

    from app.ui.documents_panel import load_pdf, print_pdf

    ref = access_case(db)
    stored = statements.generate_statement(db, ref)
    image = QImage(400, 566, QImage.Format.Format_ARGB32)
    image.fill(0)  # transparent black
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert print_pdf(stored.content, printer) == pdf_pages(stored.content)
    # Read the printed file back with QtPdf and look at a margin pixel.
    document, _buffer = load_pdf((tmp_path / "p.pdf").read_bytes())
    page = document.render(0, image.size())
    corner = page.pixelColor(20, 20)
    assert (corner.red(), corner.green(), corner.blue(), corner.alpha()) == (255, 255, 255, 255)


def test_mark_sent(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = access_case(db)
    panel = panel_for(qtbot, db, ref)
    panel.statement_button.click()
    finished(qtbot, panel)
    today = cases.today_oslo()

    def accept(self: MarkSentDialog) -> int:
        self.fill(today, "e-mail")
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(MarkSentDialog, "exec", accept)
    panel.sent_button.click()
    assert panel.table_rows()[0][4] == f"{today.strftime('%d.%m.%Y')} · e-mail"
    doc = cases.get_case(db, ref).documents[-1]
    assert (doc.sent_on, doc.sent_method) == (today, "e-mail")
    # A refused date is shown and changes nothing.
    assert not panel.do_mark_sent(doc.id, today + dt.timedelta(days=2), "post")
    assert messages and "future" in messages[-1][1]


def test_letters_from_the_dialog(
    qtbot: QtBot, db: Database, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = access_case(db)
    panel = panel_for(qtbot, db, ref)

    def refusal(self: LetterDialog) -> int:
        assert not self.form.isRowVisible(self.fee)
        self.fill("refusal", lang="en", reasons="Fifth identical request this month")
        assert self.form.isRowVisible(self.reasons) and not self.form.isRowVisible(self.fee)
        self.accept()
        return self.result()

    monkeypatch.setattr(LetterDialog, "exec", refusal)
    panel.letter_button.click()
    finished(qtbot, panel)
    assert panel.table_rows()[-1][:2] == ("Refusal (Art. 12(5))", f"{ref}-refusal-en.pdf")
    assert panel.last_stored is not None
    assert "Fifth identical request this month" in pdf_text(panel.last_stored.content)


def test_letter_dialog_checks_what_the_kind_needs(qtbot: QtBot, db: Database) -> None:
    ref = access_case(db)
    dialog = LetterDialog(cases.get_case(db, ref))
    qtbot.addWidget(dialog)
    dialog.fill("fee", reasons="Repetitive requests", fee=0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "fee" in dialog.error.text()
    dialog.fill("identification")
    dialog.accept()
    assert "identify" in dialog.error.text()
    dialog.fill("extension", reasons="Complex")
    dialog.accept()
    assert "extension first" in dialog.error.text()
    dialog.fill("fee", lang="nb", reasons="Repetitive requests", fee=250)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ("fee", "nb", "Repetitive requests", "", 250)


def test_statement_only_for_access_cases(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = cases.log_request(
        db, phone_request(NAME, received=received(), types=(RequestType.ERASURE,))
    ).reference
    panel = panel_for(qtbot, db, ref)
    assert not panel.statement_button.isEnabled()
    assert panel.letter_button.isEnabled()
    task = panel.do_generate_statement("nb")
    qtbot.waitUntil(lambda: task.delivered)
    assert panel.last_stored is None and panel.table.rowCount() == 0  # nothing was stored
    assert "not an access request" in messages[-1][1]


def test_in_the_case_view(qtbot: QtBot, db: Database, messages: Messages) -> None:
    ref = access_case(db)
    view = CaseView(db, ref)
    qtbot.addWidget(view)
    view.show()
    tabs = {view.tabs.tabText(i).replace("&", ""): i for i in range(view.tabs.count())}
    assert "Documents" in tabs and "Search (systems)" in tabs
    assert view.tabs.isTabVisible(tabs["Search (systems)"])
    assert view.tabs.widget(tabs["Documents"]) is view.documents_panel
    view.documents_panel.statement_button.click()
    finished(qtbot, view.documents_panel)
    # The view reloaded: the timeline shows the statement.
    assert any(row[2] == "statement" for row in view.timeline_rows())
    assert view.detail.documents[-1].kind == "statement"

    erasure = cases.log_request(
        db,
        phone_request(
            "Per Hansen", phone="+47 91 11 22 33", received=received(), types=(RequestType.ERASURE,)
        ),
    ).reference
    other = CaseView(db, erasure)
    qtbot.addWidget(other)
    assert not other.tabs.isTabVisible(other._findings_tab_index)


def test_document_kinds_read_in_bokmal_in_a_norwegian_interface(qtbot: QtBot, db: Database) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app.ui import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    ref = access_case(db)
    statements.generate_letter(db, ref, "acknowledgement", "nb")
    statements.generate_letter(db, ref, "refusal", "en", reasons="Fifth identical request")
    try:
        i18n.install_language(app, "nb")
        panel = panel_for(qtbot, db, ref)
        kinds = [row[0] for row in panel.table_rows()]
    finally:
        i18n.remove_translators(app)
        QLocale.setDefault(locale)
    assert "Bekreftelse på mottak" in kinds and "Avslag (art. 12 nr. 5)" in kinds
    assert not any("acknowledgement" in k or "Letter" in k or "Refusal" in k for k in kinds)
