"""The red line that goes wherever a restricted person appears (the case view, the subject
view, the rights panel): their processing is restricted (Art. 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.errors import UserError
from app.services.storage import Database
from app.ui.formatting import format_date
from app.ui.widgets import named

__all__ = ["RestrictionBanner"]


class RestrictionBanner(QLabel):
    """Red, wherever the person appears: their processing is restricted (Art. 18), so their
    data are only stored. Hidden while nothing is restricted."""

    def __init__(self, db: Database, subject_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.subject_id = subject_id
        named(self, "restrictionBanner", self.tr("Restriction of processing"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel { background: #a40000; color: white; font-weight: bold; padding: 6px; }"
        )
        self.refresh()

    @classmethod
    def for_subject(
        cls, db: Database, subject_id: int, parent: QWidget | None = None
    ) -> RestrictionBanner:
        return cls(db, subject_id, parent)

    def refresh(self) -> None:
        try:
            # Deferred: the rights services bring ReportLab, which the start does not need.
            from app.services import rights

            active = rights.active_restrictions(self._db, self.subject_id)
        except UserError:
            active = []
        if not active:
            self.setText("")
            self.hide()
            return
        scopes = []
        for r in active:
            scope = r.activity or self.tr("all processing")
            scopes.append(
                self.tr("{scope} (Art. 18(1)({ground}), since {since})").format(
                    scope=scope, ground=r.ground, since=format_date(r.since)
                )
            )
        self.setText(
            self.tr(
                "Processing restricted (GDPR Art. 18): store only, use nothing. {scopes}"
            ).format(scopes="; ".join(scopes))
        )
        self.show()
