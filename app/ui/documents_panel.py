"""The documents of one case: generate the statement (Art. 15) and the Art. 12 letters, and
for each stored document preview it, save a copy, print it, and record when and how it
was sent.

PDFs are shown and printed from the bytes kept in the database, through a QBuffer: no
temporary file ever holds the person's data. QtPdf renders pages on a transparent
background; printed pages are painted on white.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.core.model import RequestType
from app.resources import resources_dir
from app.services import cases, statements
from app.services.dto import CaseDetail, DocumentView
from app.services.statements import StoredDocument
from app.services.storage import Database
from app.ui.formatting import document_kind_text, format_date, format_time_oslo, label, problem_text
from app.ui.tasks import BackgroundCalls, Task
from app.ui.widgets import (
    ActionDialog,
    chain_tab_order,
    date_edit,
    enum_combo,
    from_qdate,
    name_buttons,
    named,
    save_private_file,
    to_qdate,
    value_label,
)

LANGUAGES = (("nb", "Norsk bokmål"), ("en", "English"))
LETTER_KINDS = ("acknowledgement", "identification", "extension", "refusal", "fee")
NEEDS_REASONS = frozenset({"extension", "refusal", "fee"})
PRINT_DPI = 300  # enough for text; a 1200 dpi A4 page would be half a gigabyte of pixels
LOAD_TIMEOUT_MS = 10_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPanel", text)


def _language_combo(object_name: str, accessible_name: str, current: str) -> QComboBox:
    combo = QComboBox()
    named(combo, object_name, accessible_name)
    for code, name in LANGUAGES:
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


# --- PDF: loading, preview, printing ---------------------------------------------------------------


def load_pdf(content: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading from memory. The buffer must live as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    if document.status() not in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error):
        loop = QEventLoop()
        document.statusChanged.connect(
            lambda status: (
                loop.quit()
                if status in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error)
                else None
            )
        )
        QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
        loop.exec()
    return document, buffer


_FONT_FAMILY: str | None = None


def _text_layer_font() -> str:
    """The font of the hidden text layer: the one the PDFs are set in (DejaVu Sans)."""
    global _FONT_FAMILY
    if _FONT_FAMILY is None:
        font_id = QFontDatabase.addApplicationFont(
            str(resources_dir() / "fonts" / "DejaVuSans.ttf")
        )
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _FONT_FAMILY = families[0] if families else "Sans Serif"
    return _FONT_FAMILY


def _white_page(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """The page rendered and laid on white (QtPdf leaves the background transparent)."""
    rendered = document.render(page, size)
    sheet = QImage(size, QImage.Format.Format_RGB32)
    sheet.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet


def _paint_text_layer(
    painter: QPainter, document: QPdfDocument, page: int, target: QRectF, scale: float
) -> None:
    """The page's text, line by line where it stands, underneath the picture of the page: a
    PDF printed to a file stays searchable, and paper shows only the picture."""
    text = document.getAllText(page).text()
    family = _text_layer_font()
    index = 0
    for line in text.split("\r\n"):
        if line.strip():
            box = document.getSelectionAtIndex(page, index, len(line)).boundingRectangle()
            rect = QRectF(
                target.left() + box.left() * scale,
                target.top() + box.top() * scale,
                max(box.width() * scale, 1.0),
                max(box.height() * scale, 1.0),
            )
            font = QFont(family)
            font.setPixelSize(max(1, int(rect.height() * 0.8)))
            painter.setFont(font)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), line)
        index += len(line) + 2


def print_pdf(content: bytes, printer: QPrinter) -> int:
    """Print a PDF page by page (the range chosen in the print dialog, if any); the number
    of pages printed."""
    document, buffer = load_pdf(content)
    try:
        count = document.pageCount()
        if document.status() != QPdfDocument.Status.Ready or count == 0:
            raise UserError(_tr("The document cannot be read as a PDF."))
        first = max(1, printer.fromPage() or 1)
        last = min(count, printer.toPage() or count)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(_tr("The printer cannot be used."))
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for number, page in enumerate(range(first - 1, last)):
                if number:
                    printer.newPage()
                points = document.pagePointSize(page)
                viewport = QRectF(painter.viewport())
                scale = min(viewport.width() / points.width(), viewport.height() / points.height())
                target = QRectF(
                    viewport.left() + (viewport.width() - points.width() * scale) / 2,
                    viewport.top() + (viewport.height() - points.height() * scale) / 2,
                    points.width() * scale,
                    points.height() * scale,
                )
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                _paint_text_layer(painter, document, page, target, scale)
                painter.drawImage(target, _white_page(document, page, pixels))
        finally:
            painter.end()
        return last - first + 1
    finally:
        document.close()
        buffer.close()


class PdfPreviewDialog(QDialog):
    """A PDF shown from memory (no temporary file)."""

    def __init__(self, content: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "pdfPreviewDialog", title)
        self.setWindowTitle(title)
        self.resize(760, 900)
        self.document, self._buffer = load_pdf(content, self)
        self.view = QPdfView(self)
        named(self.view, "pdfPreview", title)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages_label = QLabel(self.tr("{n} page(s)").format(n=self.document.pageCount()))
        named(self.pages_label, "pdfPreviewPages", self.tr("Number of pages"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(buttons, "pdfPreviewButtons", self.tr("Close"))
        name_buttons(buttons, "pdfPreview")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.pages_label, 1)
        row.addWidget(buttons)
        layout.addLayout(row)

    def page_count(self) -> int:
        return self.document.pageCount()


# --- the small dialogs -----------------------------------------------------------------------------


class LetterDialog(ActionDialog):
    """Which letter, in which language, and what it must say (reasons, what identifies the
    person, the fee): only the fields the kind needs are shown."""

    def __init__(self, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Generate a letter"), "letterDialog", parent)
        self.detail = detail
        self.kind = QComboBox()
        named(self.kind, "letterKind", self.tr("Kind of letter"))
        for kind, text in (
            ("acknowledgement", self.tr("Acknowledgement of receipt")),
            ("identification", self.tr("Request for identification")),
            ("extension", self.tr("Extension notice (Art. 12(3))")),
            ("refusal", self.tr("Refusal (Art. 12(5))")),
            ("fee", self.tr("Fee notice (Art. 12(5))")),
        ):
            self.kind.addItem(text, kind)
        self.language = _language_combo("letterLanguage", self.tr("Language"), detail.language)
        self.reasons = QPlainTextEdit()
        named(self.reasons, "letterReasons", self.tr("Reasons"))
        self.reasons.setTabChangesFocus(True)
        self.identification = QPlainTextEdit()
        named(self.identification, "letterIdentification", self.tr("What the person must send"))
        self.identification.setTabChangesFocus(True)
        self.identification.setPlaceholderText(
            self.tr("E.g. your customer number and the date of your last order.")
        )
        self.fee = QSpinBox()
        named(self.fee, "letterFee", self.tr("Fee in kroner"))
        self.fee.setRange(0, 1_000_000)
        self.fee.setSuffix(" kr")
        self.fee.setValue(detail.fee_amount or 0)
        self.form.addRow(self.tr("&Letter:"), self.kind)
        self.form.addRow(self.tr("La&nguage:"), self.language)
        self.form.addRow(self.tr("&Reasons:"), self.reasons)
        self.form.addRow(self.tr("&What to send:"), self.identification)
        self.form.addRow(self.tr("&Fee:"), self.fee)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        chain_tab_order(
            self.kind, self.language, self.reasons, self.identification, self.fee, self.buttons
        )

    def _default_reasons(self, kind: str) -> str:
        d = self.detail
        if kind == "extension":
            return d.extension_reason or ""
        if kind == "refusal":
            return d.refusal_reason or ""
        if kind == "fee":
            return d.fee_reason or ""
        return ""

    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        self.form.setRowVisible(self.reasons, kind in NEEDS_REASONS)
        self.form.setRowVisible(self.identification, kind == "identification")
        self.form.setRowVisible(self.fee, kind == "fee")
        self.reasons.setPlainText(self._default_reasons(kind))

    def fill(
        self,
        kind: str,
        *,
        lang: str | None = None,
        reasons: str | None = None,
        identification: str = "",
        fee: int | None = None,
    ) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if lang is not None:
            self.language.setCurrentIndex(self.language.findData(lang))
        if reasons is not None:
            self.reasons.setPlainText(reasons)
        self.identification.setPlainText(identification)
        if fee is not None:
            self.fee.setValue(fee)

    def validate(self) -> str | None:
        kind = str(self.kind.currentData())
        if kind in NEEDS_REASONS and not self.reasons.toPlainText().strip():
            return self.tr("Give the reasons: the person is owed them.")
        if kind == "identification" and not self.identification.toPlainText().strip():
            return self.tr("Say what the person must send to identify themselves.")
        if kind == "fee" and self.fee.value() <= 0:
            return self.tr("Give the fee in kroner.")
        if kind == "extension" and not self.detail.extended:
            return self.tr("Record the extension first (Extend…), then write the notice.")
        return None

    def values(self) -> tuple[str, str, str, str, int | None]:
        kind = str(self.kind.currentData())
        return (
            kind,
            str(self.language.currentData()),
            self.reasons.toPlainText().strip() if kind in NEEDS_REASONS else "",
            self.identification.toPlainText().strip() if kind == "identification" else "",
            self.fee.value() if kind == "fee" else None,
        )


class MarkSentDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None, *, received: dt.date, today: dt.date) -> None:
        super().__init__(self.tr("Mark sent"), "markSentDialog", parent)
        self.on = date_edit("sentOn", self.tr("Sent on"), today, maximum=today)
        self.on.setMinimumDate(to_qdate(received))
        self.method = enum_combo("sentMethod", self.tr("Sent by"), list(statements.SENT_METHODS))
        self.form.addRow(self.tr("Sent &on:"), self.on)
        self.form.addRow(self.tr("Sent &by:"), self.method)
        chain_tab_order(self.on, self.method, self.buttons)

    def fill(self, on: dt.date, method: str) -> None:
        self.on.setDate(to_qdate(on))
        self.method.setCurrentIndex(self.method.findData(method))

    def values(self) -> tuple[dt.date, str]:
        return from_qdate(self.on.date()), str(self.method.currentData())


# --- the panel ---------------------------------------------------------------------------------------


class DocumentsPanel(QWidget):
    """The case's documents. Emits `changed(reference)` after every action."""

    changed = Signal(str)

    COL_KIND, COL_FILE, COL_CREATED, COL_SHA, COL_SENT = range(5)

    def __init__(
        self,
        db: Database,
        reference: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.reference = reference
        self._today_fixed = today
        self.detail: CaseDetail | None = None
        self.documents: list[DocumentView] = []
        self.preview_dialog: PdfPreviewDialog | None = None
        self.last_stored: StoredDocument | None = None
        self._language_set = False
        named(self, "documentsPanel", self.tr("Documents"))
        self.calls = BackgroundCalls(self)

        layout = QVBoxLayout(self)
        generate = QHBoxLayout()
        self.statement_language = _language_combo(
            "statementLanguage", self.tr("Language of the statement"), "nb"
        )
        self.statement_button = QPushButton(self.tr("Generate &statement"))
        named(self.statement_button, "generateStatementButton", self.tr("Generate the statement"))
        self.statement_button.setAutoDefault(False)
        self.statement_button.clicked.connect(self.ask_generate_statement)
        self.letter_button = QPushButton(self.tr("Generate &letter…"))
        named(self.letter_button, "generateLetterButton", self.tr("Generate a letter"))
        self.letter_button.setAutoDefault(False)
        self.letter_button.clicked.connect(self.ask_generate_letter)
        language_label = QLabel(self.tr("Lan&guage:"))
        language_label.setBuddy(self.statement_language)
        generate.addWidget(language_label)
        generate.addWidget(self.statement_language)
        generate.addWidget(self.statement_button)
        generate.addSpacing(16)
        generate.addWidget(self.letter_button)
        generate.addStretch(1)
        layout.addLayout(generate)
        layout.addWidget(self.calls.bar)

        self.table = QTableWidget(0, 5)
        named(self.table, "documentsTable", self.tr("Documents kept with the case"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("File"),
                self.tr("Created (Oslo)"),
                self.tr("SHA-256"),
                self.tr("Sent"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.ask_preview())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.preview_button = self._button(self.tr("&Preview…"), "previewButton", self.ask_preview)
        self.save_button = self._button(self.tr("Save &as…"), "saveAsButton", self.ask_save)
        self.print_button = self._button(self.tr("P&rint…"), "printButton", self.ask_print)
        self.sent_button = self._button(
            self.tr("&Mark sent…"), "markSentButton", self.ask_mark_sent
        )
        for button in (self.preview_button, self.save_button, self.print_button, self.sent_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = value_label("documentsHint", self.tr("About the documents"))
        layout.addWidget(self.hint)
        chain_tab_order(
            self.statement_language,
            self.statement_button,
            self.letter_button,
            self.table,
            self.preview_button,
            self.save_button,
            self.print_button,
            self.sent_button,
        )
        self.reload()

    def _button(self, text: str, object_name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        named(button, object_name, text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @property
    def today(self) -> dt.date:
        return self._today_fixed or cases.today_oslo()

    # --- showing ---------------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            detail = cases.get_case(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return
        self.show_case(detail)

    def kind_text(self, kind: str) -> str:
        return document_kind_text(kind)

    def show_case(self, detail: CaseDetail) -> None:
        """Show the case's documents (the case view calls this after every reload)."""
        selected = self.selected_document()
        self.detail = detail
        if not self._language_set:
            self.statement_language.setCurrentIndex(
                max(0, self.statement_language.findData(detail.language))
            )
            self._language_set = True
        self.documents = list(detail.documents)
        self.table.setRowCount(len(self.documents))
        for row, doc in enumerate(self.documents):
            sent = ""
            if doc.sent_on is not None:
                sent = f"{format_date(doc.sent_on)} · {label(doc.sent_method or '')}"
            cells = (
                self.kind_text(doc.kind),
                doc.filename,
                format_time_oslo(doc.created_at),
                doc.sha256[:12] + "…",
                sent,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(doc.sha256 if column == self.COL_SHA else text)
                self.table.setItem(row, column, item)
        is_access = RequestType.ACCESS in detail.types
        self.statement_button.setEnabled(is_access)
        self.statement_language.setEnabled(is_access)
        self.statement_button.setToolTip(
            "" if is_access else self.tr("Only an access request is answered by a statement.")
        )
        self.calls.keep_disabled()
        if selected is not None:
            self.select_document(selected.id)
        self._selection_changed()

    def table_rows(self) -> list[tuple[str, ...]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [tuple(text(r, c) for c in range(5)) for r in range(self.table.rowCount())]

    def selected_document(self) -> DocumentView | None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.documents):
            return self.documents[rows[0].row()]
        return None

    def select_document(self, document_id: int) -> bool:
        for row, doc in enumerate(self.documents):
            if doc.id == document_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        doc = self.selected_document()
        has_content = doc is not None and doc.size > 0
        is_pdf = has_content and doc is not None and doc.media_type == "application/pdf"
        sendable = doc is not None and (doc.kind == "statement" or doc.kind.startswith("letter"))
        self.preview_button.setEnabled(is_pdf)
        self.print_button.setEnabled(is_pdf)
        self.save_button.setEnabled(has_content)
        self.sent_button.setEnabled(sendable)
        if doc is not None and doc.size == 0:
            self.hint.setText(
                self.tr("Only the SHA-256 of this document is kept: it names an erased person.")
            )
        else:
            self.hint.clear()

    # --- generating ----------------------------------------------------------------------------

    def _after(self, stored: StoredDocument | None) -> None:
        self.reload()
        if stored is not None:
            self.last_stored = stored
            self.select_document(stored.id)
        self.changed.emit(self.reference)

    def _generate_in_background(
        self, work: Callable[[], StoredDocument], button: QPushButton
    ) -> Task[StoredDocument]:
        """Write and store a document on a worker (`work` reads no widget); the panel shows
        it once stored, and a refusal is shown as before (the calls' own failure handling)."""
        return self.calls.run(work, buttons=[button], on_success=self._after)

    def do_generate_statement(self, lang: str | None = None) -> Task[StoredDocument]:
        """Generate the statement on a worker; `last_stored` and the table follow."""
        db, reference = self._db, self.reference
        chosen = lang or str(self.statement_language.currentData())
        return self._generate_in_background(
            lambda: statements.generate_statement(db, reference, chosen), self.statement_button
        )

    def ask_generate_statement(self) -> Task[StoredDocument] | None:
        try:
            gaps = statements.unsearched_systems(self._db, self.reference)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        if gaps:
            answer = QMessageBox.question(
                self,
                self.tr("Systems not searched"),
                self.tr(
                    "These systems have not been searched yet: {systems}. A statement written "
                    "now may leave out data the person is owed. Write it anyway?"
                ).format(systems=", ".join(gaps)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self.do_generate_statement()

    def do_generate_letter(
        self,
        kind: str,
        lang: str | None = None,
        reasons: str = "",
        identification: str = "",
        fee: int | None = None,
    ) -> Task[StoredDocument]:
        """Generate the letter on a worker; `last_stored` and the table follow."""
        db, reference = self._db, self.reference
        return self._generate_in_background(
            lambda: statements.generate_letter(
                db,
                reference,
                kind,
                lang,
                reasons=reasons,
                identification_needed=identification,
                fee_amount=fee,
            ),
            self.letter_button,
        )

    def make_letter_dialog(self) -> LetterDialog | None:
        if self.detail is None:
            return None
        return LetterDialog(self.detail, self)

    def ask_generate_letter(self) -> Task[StoredDocument] | None:
        self.reload()  # the case's reasons and fee as they are now
        dialog = self.make_letter_dialog()
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.do_generate_letter(*dialog.values())

    # --- a document --------------------------------------------------------------------------------

    def _content(self, document_id: int) -> tuple[str, bytes] | None:
        try:
            name, content = cases.document_content(self._db, document_id)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return None
        if not content:
            QMessageBox.information(
                self,
                self.tr("Innsyn"),
                self.tr("Only the SHA-256 of {name} is kept, not its content.").format(name=name),
            )
            return None
        return name, content

    def preview(self, document_id: int) -> PdfPreviewDialog | None:
        got = self._content(document_id)
        if got is None:
            return None
        name, content = got
        dialog = PdfPreviewDialog(content, name, self)
        if dialog.page_count() == 0:
            dialog.deleteLater()
            QMessageBox.warning(
                self, self.tr("Innsyn"), self.tr("{name} cannot be shown.").format(name=name)
            )
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_preview)
        self.preview_dialog = dialog
        dialog.show()
        return dialog

    def _forget_preview(self) -> None:
        self.preview_dialog = None

    def ask_preview(self) -> None:
        doc = self.selected_document()
        if doc is not None and doc.media_type == "application/pdf" and doc.size:
            self.preview(doc.id)

    def save_document(self, document_id: int, path: Path) -> bool:
        """A copy on disk, owner-only, written completely or not at all."""
        got = self._content(document_id)
        return got is not None and save_private_file(self, Path(path), got[1])

    def ask_save(self) -> None:
        doc = self.selected_document()
        if doc is None or not doc.size:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), doc.filename, self.tr("PDF (*.pdf);;All files (*)")
        )
        if chosen:
            self.save_document(doc.id, Path(chosen))

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF has its own margins
        return printer

    def print_document(self, document_id: int, printer: QPrinter | None = None) -> bool:
        """The print dialog, then the pages. True when something was printed."""
        got = self._content(document_id)
        if got is None:
            return False
        name, content = got
        printer = printer or self.make_printer()
        printer.setDocName(name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {name}").format(name=name))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            print_pdf(content, printer)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return False
        return True

    def ask_print(self) -> None:
        doc = self.selected_document()
        if doc is not None and doc.size:
            self.print_document(doc.id)

    def do_mark_sent(self, document_id: int, on: dt.date, method: str) -> bool:
        try:
            statements.mark_sent(self._db, document_id, on, method)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Innsyn"), problem_text(exc))
            return False
        self._after(None)
        self.select_document(document_id)
        return True

    def ask_mark_sent(self) -> None:
        doc = self.selected_document()
        if doc is None or self.detail is None:
            return
        dialog = MarkSentDialog(self, received=self.detail.received, today=self.today)
        if doc.sent_on is not None:
            dialog.fill(doc.sent_on, doc.sent_method or statements.SENT_METHODS[0])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.do_mark_sent(doc.id, *dialog.values())
