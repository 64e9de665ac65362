"""The closing rule as data: from which statuses a case closes, and what blocks it."""

from __future__ import annotations

import pytest

from app.core.closing import CLOSABLE_FROM, CloseBlocker, blocking, checks_for
from app.core.model import Status

ALL = set(CloseBlocker) - {CloseBlocker.NOT_SETTLED}


@pytest.mark.parametrize("status", [s for s in Status if s not in CLOSABLE_FROM])
def test_a_case_not_answered_refused_or_withdrawn_does_not_close(status: Status) -> None:
    assert blocking(status, set(), note=True) is CloseBlocker.NOT_SETTLED


def test_closable_statuses() -> None:
    assert CLOSABLE_FROM == {Status.ANSWERED, Status.REFUSED, Status.WITHDRAWN}


@pytest.mark.parametrize("status", [Status.REFUSED, Status.WITHDRAWN])
def test_refused_or_withdrawn_cases_close_whatever_stands_open(status: Status) -> None:
    assert checks_for(status) == ()
    assert blocking(status, ALL, note=False) is None


def test_an_answered_case_checks_the_erasure_first_then_the_notices() -> None:
    assert checks_for(Status.ANSWERED) == (
        CloseBlocker.ERASURE_NOT_APPLIED,
        CloseBlocker.OPEN_NOTICES,
    )
    assert blocking(Status.ANSWERED, ALL, note=False) is CloseBlocker.ERASURE_NOT_APPLIED
    assert blocking(Status.ANSWERED, set(), note=False) is None


def test_a_close_note_excuses_open_notices_but_never_an_erasure_not_applied() -> None:
    notices = {CloseBlocker.OPEN_NOTICES}
    assert blocking(Status.ANSWERED, notices, note=False) is CloseBlocker.OPEN_NOTICES
    assert blocking(Status.ANSWERED, notices, note=True) is None
    assert blocking(Status.ANSWERED, ALL, note=True) is CloseBlocker.ERASURE_NOT_APPLIED
