"""The case view's timeline reads in the interface's language, whatever language the event
was logged in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.core.model import Status
from app.services import cases, workflow
from app.store.database import Database
from app.ui.case_view import CaseView
from tests.conftest import phone_request


@pytest.fixture
def restore_locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


def test_an_event_logged_in_english_reads_in_norwegian(
    qtbot: QtBot, db: Database, restore_locale: None
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    ref = cases.log_request(db, phone_request()).reference
    workflow.change_status(db, ref, Status.IN_PROGRESS, "Checking the CRM first")
    english = CaseView(db, ref)
    qtbot.addWidget(english)
    assert english.timeline_rows()[-1][2:] == (
        "status",
        "new → in progress\nChecking the CRM first",
    )

    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    view = CaseView(db, ref)
    qtbot.addWidget(view)
    assert view.timeline_rows()[-1][2:] == (
        "status",
        "ny → under behandling\nChecking the CRM first",
    )
    assert view.timeline_rows()[-2][2] == "mottatt"
