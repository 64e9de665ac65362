"""The summary shown after several e-mail files were imported in the background."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.intake import ImportOutcome
from app.ui.formatting import format_time_oslo, ui_language
from app.ui.widgets import name_buttons, named

__all__ = ["ImportSummaryDialog"]


class ImportSummaryDialog(QDialog):
    """Per file: the case reference and the time of receipt, or why it was not imported."""

    def __init__(
        self,
        outcomes: Sequence[ImportOutcome],
        *,
        total: int,
        cancelled: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = self.tr("E-mail import")
        named(self, "importSummaryDialog", title)
        self.setWindowTitle(title)
        self.resize(760, 420)
        self.outcomes = list(outcomes)
        imported = sum(1 for o in self.outcomes if o.reference)
        failed = sum(1 for o in self.outcomes if o.error)
        text = self.tr("{imported} of {total} files imported; {failed} not imported.").format(
            imported=imported, total=total, failed=failed
        )
        if cancelled or len(self.outcomes) < total:
            text += " " + self.tr("Cancelled: {n} file(s) were not read.").format(
                n=total - len(self.outcomes)
            )
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(text)
        named(self.summary_label, "importSummaryText", self.tr("Summary"))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(len(self.outcomes), 3)
        named(self.table, "importSummaryTable", self.tr("Files imported"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Case or problem"), self.tr("Received (Oslo time)")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        language = ui_language()
        for row, outcome in enumerate(self.outcomes):
            problem = outcome.error.render(language) if outcome.error is not None else ""
            result = outcome.reference or problem
            received = format_time_oslo(outcome.received_at)
            if received and outcome.received_source == "date-header":
                received += " " + self.tr("(sender's clock: check it)")
            elif received and outcome.received_source == "file-time":
                received += " " + self.tr("(file time: confirm it)")
            for column, value in enumerate((outcome.path.name, result, received)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(self.buttons, "importSummaryButtons", self.tr("Close"))
        name_buttons(self.buttons, "importSummary")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
