"""A timeline event read in the reader's language from its kind and parameters."""

from __future__ import annotations

import datetime as dt

from app.core.event_text import encode, encode_params, event_text, kind_label
from app.core.model import Channel, RequestType, Status


def test_typed_parameters_are_encoded_for_json() -> None:
    assert encode(dt.date(2026, 12, 3)) == {"date": "2026-12-03"}
    assert encode(Status.ANSWERED) == {"enum": "Status", "value": "answered"}
    assert encode([RequestType.ACCESS, "x", 3]) == [
        {"enum": "RequestType", "value": "access"},
        "x",
        3,
    ]


def test_a_status_change_reads_in_either_language_with_the_note_untranslated() -> None:
    params = encode_params(
        {"previous": Status.NEW, "status": Status.IN_PROGRESS, "note": "Ringte tilbake"}
    )
    detail = "new → in progress\nRingte tilbake"
    assert event_text("status", params, detail, "nb") == "ny → under behandling\nRingte tilbake"
    assert event_text("status", params, detail, "en") == "new → in progress\nRingte tilbake"


def test_dates_lists_and_forms() -> None:
    types = [RequestType.ACCESS, RequestType.ERASURE]
    received = encode_params({"channel": Channel.PHONE, "types": types})
    assert event_text("received", received, "", "nb") == (
        "henvendelse per telefon: innsyn og sletting"
    )
    assert event_text("received", received, "", "en") == "phone request: access and erasure"
    notice = encode_params({"form": "not_notified", "recipient": "Visma", "ground": "impossible"})
    assert event_text("notice", notice, "", "nb") == "Visma: ikke varslet (impossible)"
    told = encode_params({"on": dt.date(2026, 3, 9)})
    assert event_text("restriction told", told, "", "nb") == (
        "den registrerte varslet om opphevingen 09.03.2026"
    )
    assert event_text("restriction told", told, "", "en") == (
        "person told of the lifting 9 March 2026"
    )


def test_without_parameters_or_a_template_the_stored_text_is_shown() -> None:
    assert event_text("status", None, "whatever was written", "nb") == "whatever was written"
    assert event_text("note", {"x": 1}, "Kari ringte", "nb") == "Kari ringte"


def test_the_kind_is_shown_by_its_label() -> None:
    assert kind_label("notice", "nb") == "varsel"
    assert kind_label("note", "nb") == "merknad"
    assert kind_label("note", "en") == "note"
    assert kind_label("something new", "nb") == "something new"
