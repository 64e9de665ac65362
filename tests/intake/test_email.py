"""E-mail requests read from the shared samples and from broken files made in tmp_path."""

from __future__ import annotations

import hashlib
import logging
import os
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core import clock
from app.core.errors import InvalidInput, NotAnEmail
from app.intake.email import (
    DATE_HEADER,
    FILE_TIME,
    RECEIVED_HEADER,
    ParsedEmail,
    html_to_text,
    parse_email_bytes,
    parse_email_file,
)

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
EMAIL = SAMPLES / "email"
OSLO = ZoneInfo("Europe/Oslo")
EML_SAMPLES = sorted(p.name for p in EMAIL.glob("*.eml"))
ALL_SAMPLES = sorted(p.name for p in EMAIL.iterdir())


def sample(name: str) -> Path:
    path = EMAIL / name
    assert path.is_file(), f"the shared sample is missing: {path}"
    return path


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_every_sample_is_present() -> None:
    assert ALL_SAMPLES == [
        "access-request-nb.eml",
        "erasure-request-en-html.eml",
        "forwarded-rectification-objection.eml",
        "outlook-strange-date.msg",
        "outlook-unicode.msg",
    ]


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_every_sample_parses_and_keeps_its_bytes(name: str) -> None:
    parsed = parse_email_file(sample(name))
    raw = sample(name).read_bytes()
    assert parsed.raw == raw
    assert parsed.sha256 == hashlib.sha256(raw).hexdigest()
    assert parsed.format == name.rsplit(".", 1)[1]
    assert parsed.received_at.utcoffset() == timedelta(0)
    assert parsed.received_source in (RECEIVED_HEADER, DATE_HEADER, FILE_TIME)


# --- the samples, value by value ---------------------------------------------------------


def test_norwegian_access_request() -> None:
    parsed = parse_email_file(sample("access-request-nb.eml"))
    assert parsed.sender_name == "Kari Nordmann"
    assert parsed.sender_email == "kari.nordmann@example.no"
    assert parsed.reply_to is None
    assert parsed.forwarded_by_name is None
    assert parsed.forwarded_by_email is None
    # RFC 2047 subject, folded over two lines
    assert parsed.subject == "Innsynsbegjæring – hvilke opplysninger har dere om meg?"
    assert parsed.received_at == datetime(2026, 3, 2, 8, 14, tzinfo=UTC)
    assert parsed.received_source == DATE_HEADER
    assert parsed.message_id == "<179555196843.32636.2942217872606763515@example.no>"
    assert parsed.attachment_names == ()
    assert parsed.language_hint == "nb"
    assert parsed.request_type_hints == ("access",)
    # quoted-printable soft line breaks are joined, UTF-8 decoded
    assert "behandler om meg, jf. personvernforordningen artikkel 15.\n" in parsed.body_text
    assert "Jeg har vært kunde hos dere siden 2019 (kundenummer 10482)." in parsed.body_text
    assert "Jeg ønsker å vite hvilke opplysninger dere har" in parsed.body_text
    assert parsed.body_text.startswith("Hei,\n\nJeg ber om innsyn")
    assert parsed.body_text.endswith("0155 Oslo\ntlf. 912 34 567")
    assert "\r" not in parsed.body_text


def test_english_html_erasure_request() -> None:
    parsed = parse_email_file(sample("erasure-request-en-html.eml"))
    assert parsed.sender_name == "O'Brien, Seán"
    assert parsed.sender_email == "sean.obrien@example.ie"
    assert parsed.reply_to == "sean.private@example.com"
    assert parsed.subject == "Request to delete my personal data"
    assert parsed.message_id is None
    assert parsed.language_hint == "en"
    assert parsed.request_type_hints == ("erasure",)
    assert parsed.body_text == (
        "Dear LanoPro,\n"
        "\n"
        "I ask you to erase all personal data you hold about me under Article 17 GDPR, "
        "and to tell the companies you shared it with.\n"
        "\n"
        "I bought a boat cover from you in 2022 – order no. A-77312.\n"
        "\n"
        "Kind regards,\n"
        "Seán O'Brien\n"
        "+353 87 123 4567"
    )


def test_receipt_time_comes_from_the_received_header_not_the_date_header() -> None:
    parsed = parse_email_file(sample("erasure-request-en-html.eml"))
    # Date: 27 Feb 23:30 +0000; Received: 28 Feb 00:31:10 +0100
    assert parsed.received_source == RECEIVED_HEADER
    assert parsed.received_at == datetime(2026, 2, 27, 23, 31, 10, tzinfo=UTC)
    assert parsed.received_at.astimezone(OSLO).date().isoformat() == "2026-02-28"


def test_forwarded_request_names_the_original_sender() -> None:
    parsed = parse_email_file(sample("forwarded-rectification-objection.eml"))
    assert parsed.sender_name == "Áile Ŋuolga"
    assert parsed.sender_email == "aile.nguolga@example.no"
    assert parsed.forwarded_by_name == "Kundeservice LanoPro"
    assert parsed.forwarded_by_email == "kundeservice@lanopro.example"
    assert parsed.subject == "Retting av adresse og stans i markedsføring"
    assert parsed.attachment_names == ("signert-brev.pdf",)
    assert parsed.request_type_hints == ("rectification", "objection")
    assert parsed.language_hint == "nb"
    # the original reached customer service on 14 Apr: the stricter receipt date
    assert parsed.received_at == datetime(2026, 4, 14, 14, 2, tzinfo=UTC)
    assert parsed.received_source == DATE_HEADER
    # the forwarder's note and the original are both readable
    assert parsed.body_text.startswith("Videresender henvendelse som kom til kundeservice i går")
    assert "From: Áile Ŋuolga <aile.nguolga@example.no>" in parsed.body_text
    assert "Ny adresse: Márkanvuohppi 3, 9730 Karasjok." in parsed.body_text
    assert parsed.body_text.endswith("markedsføring.\n\nÁile Ŋuolga")


def test_outlook_message_without_sender_or_date_uses_the_file_time() -> None:
    mtime = datetime(2026, 5, 4, 7, 30, tzinfo=UTC)
    parsed = parse_email_bytes(
        sample("outlook-strange-date.msg").read_bytes(), "outlook-strange-date.msg", mtime
    )
    assert parsed.format == "msg"
    assert parsed.sender_name == ""
    assert parsed.sender_email is None
    assert parsed.reply_to is None
    assert parsed.message_id is None
    assert parsed.subject == "MSG Test File"
    assert parsed.received_source == FILE_TIME
    assert parsed.received_at == mtime
    assert parsed.attachment_names == ()
    assert parsed.body_text.startswith(
        "MSG test file\nPurpose: Provide example of this file type\n"
    )
    assert parsed.body_text.endswith("according to the license above.")
    assert parsed.language_hint == "en"
    assert parsed.request_type_hints == ()


def test_file_time_is_the_files_modification_time(tmp_path: Path) -> None:
    copy = write(tmp_path, "strange.msg", sample("outlook-strange-date.msg").read_bytes())
    stamp = datetime(2026, 1, 31, 22, 15, tzinfo=UTC).timestamp()
    os.utime(copy, (stamp, stamp))
    parsed = parse_email_file(copy)
    assert parsed.received_source == FILE_TIME
    assert parsed.received_at == datetime(2026, 1, 31, 22, 15, tzinfo=UTC)


def test_file_time_is_now_when_no_file_time_is_given() -> None:
    before = clock.now_utc()
    parsed = parse_email_bytes(sample("outlook-strange-date.msg").read_bytes(), "x.msg")
    after = clock.now_utc()
    assert parsed.received_source == FILE_TIME
    assert before <= parsed.received_at <= after


def test_naive_file_time_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_email_bytes(b"From: a@example.no\n\nx", "x.eml", datetime(2026, 1, 1))


def test_outlook_unicode_message_with_two_tiffs() -> None:
    parsed = parse_email_file(sample("outlook-unicode.msg"))
    assert parsed.format == "msg"
    assert parsed.sender_name == "Brian Zhou"
    assert parsed.sender_email == "brizhou@gmail.com"
    assert parsed.subject == "Test for TIF files"
    assert parsed.attachment_names == ("import OleFileIO.tif", "raised value error.tif")
    assert parsed.message_id == (
        "<CADtJ4eNjQSkGcBtVteCiTF+YFG89+AcHxK3QZ=-Mt48xygkvdQ@mail.gmail.com>"
    )
    # topmost Received: "...; Mon, 18 Nov 2013 08:26:29 +0000 (GMT)"; Date is 10:26:24 +0200
    assert parsed.received_source == RECEIVED_HEADER
    assert parsed.received_at == datetime(2013, 11, 18, 8, 26, 29, tzinfo=UTC)
    assert parsed.body_text.startswith(
        "This is a test email to experiment with the MS Outlook MSG Extractor"
    )
    assert parsed.body_text.endswith("Kind regards\n\nBrian Zhou")
    assert parsed.request_type_hints == ()


def test_outlook_files_leave_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    for env in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(env, str(scratch))
    for name in ("outlook-unicode.msg", "outlook-strange-date.msg"):
        parse_email_file(sample(name))
    assert list(scratch.iterdir()) == []


def test_no_personal_data_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    parsed = [parse_email_file(sample(name)) for name in ALL_SAMPLES]
    for item in parsed:
        for secret in (item.sender_name, item.sender_email, item.subject, item.body_text[:30]):
            if secret:
                assert secret not in caplog.text
                assert secret not in repr(item)


# --- files that are not e-mails ----------------------------------------------------------


def refused(path: Path) -> str:
    with pytest.raises(NotAnEmail) as caught:
        parse_email_file(path)
    assert isinstance(caught.value, InvalidInput)
    return str(caught.value)


@pytest.mark.parametrize("name", ["empty.eml", "empty.msg"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    assert refused(write(tmp_path, name, b"")) == f"'{name}' is empty"


def test_blank_file_counts_as_empty(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "blank.eml", b"\r\n  \r\n")) == "'blank.eml' is empty"


@pytest.mark.parametrize("name", EML_SAMPLES)
def test_truncated_eml(tmp_path: Path, name: str) -> None:
    cut = write(tmp_path, name, sample(name).read_bytes()[:40])
    assert refused(cut) == f"'{name}' is incomplete: the file ends in the middle of a header"


def test_truncated_multipart_eml(tmp_path: Path) -> None:
    data = sample("forwarded-rectification-objection.eml").read_bytes()
    cut = write(tmp_path, "fwd.eml", data[: len(data) // 2])
    assert refused(cut) == "'fwd.eml' is incomplete: its last part is cut off"


@pytest.mark.parametrize("size", [40, 4096, 100_000])
def test_truncated_msg(tmp_path: Path, size: int) -> None:
    cut = write(tmp_path, "cut.msg", sample("outlook-unicode.msg").read_bytes()[:size])
    assert refused(cut).startswith("'cut.msg' is not a readable Outlook message: ")


def test_pdf_renamed_eml(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    message = refused(write(tmp_path, "brev.eml", pdf))
    assert message == "'brev.eml' is not an e-mail message: it is a PDF document"


def test_random_bytes_renamed_msg(tmp_path: Path) -> None:
    noise = random.Random(1492).randbytes(8192)
    message = refused(write(tmp_path, "noise.msg", noise))
    assert message.startswith("'noise.msg' is not a readable Outlook message: ")


def test_random_bytes_renamed_eml(tmp_path: Path) -> None:
    noise = random.Random(2026).randbytes(8192)
    message = refused(write(tmp_path, "noise.eml", noise))
    assert message.startswith("'noise.eml' is not an e-mail message")


def test_random_bytes_with_ole_signature(tmp_path: Path) -> None:
    noise = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(7).randbytes(8192)
    message = refused(write(tmp_path, "fake.eml", noise))
    assert message.startswith("'fake.eml' is not a readable Outlook message: ")


def test_plain_text_file(tmp_path: Path) -> None:
    text = "Hei,\njeg vil ha innsyn i opplysningene mine. Takk på forhånd.\nOla\n".encode()
    message = refused(write(tmp_path, "notat.txt", text))
    assert message == "'notat.txt' is not an e-mail message: no From, Date or Received header"


def test_header_only_file_without_from(tmp_path: Path) -> None:
    data = b"To: personvern@lanopro.example\r\nSubject: Innsyn\r\n"
    message = refused(write(tmp_path, "headers.eml", data))
    assert message == "'headers.eml' is not an e-mail message: no From, Date or Received header"


def test_a_folder_is_not_an_email(tmp_path: Path) -> None:
    folder = tmp_path / "mail.eml"
    folder.mkdir()
    assert refused(folder) == "'mail.eml' is not a file"


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        parse_email_file(tmp_path / "gone.eml")


def test_rfc822_message_saved_as_msg_is_read(tmp_path: Path) -> None:
    copy = write(tmp_path, "saved.msg", sample("access-request-nb.eml").read_bytes())
    parsed = parse_email_file(copy)
    assert parsed.format == "eml"
    assert parsed.sender_email == "kari.nordmann@example.no"


# --- messages made here ------------------------------------------------------------------


def test_windows_1252_raw_headers_and_body(tmp_path: Path) -> None:
    data = (
        "From: Bjørn Ødegård <Bjorn@Eksempel.NO>\r\n"
        "Subject: Sletting av mine opplysninger\r\n"
        "Date: Mon, 02 Mar 2026 09:14:00 +0100\r\n"
        'Content-Type: text/plain; charset="windows-1252"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        "Jeg ønsker at dere sletter alt – takk.\r\n"
    ).encode("cp1252")
    parsed = parse_email_file(write(tmp_path, "cp1252.eml", data))
    assert parsed.sender_name == "Bjørn Ødegård"
    assert parsed.sender_email == "Bjorn@eksempel.no"
    assert parsed.subject == "Sletting av mine opplysninger"
    assert parsed.body_text == "Jeg ønsker at dere sletter alt – takk."
    assert parsed.request_type_hints == ("erasure",)
    assert parsed.language_hint == "nb"


def test_undeclared_charset_falls_back_to_windows_1252(tmp_path: Path) -> None:
    data = b"From: a@example.no\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n\nHilsen Sm\xf8rbukk\n"
    parsed = parse_email_file(write(tmp_path, "plain.eml", data))
    assert parsed.body_text == "Hilsen Smørbukk"


def test_sender_without_usable_address(tmp_path: Path) -> None:
    data = b"From: Kundeservice <kundeservice>\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n\nx\n"
    parsed = parse_email_file(write(tmp_path, "local.eml", data))
    assert parsed.sender_name == "Kundeservice"
    assert parsed.sender_email is None


def test_message_without_any_date_uses_the_file_time(tmp_path: Path) -> None:
    path = write(tmp_path, "nodate.eml", b"From: Ola <ola@example.no>\n\nSlett meg.\n")
    stamp = datetime(2026, 6, 1, 12, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    parsed = parse_email_file(path)
    assert parsed.received_source == FILE_TIME
    assert parsed.received_at == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def test_unreadable_received_date_falls_back_to_the_date_header(tmp_path: Path) -> None:
    data = (
        b"Received: from a by b; not a date\n"
        b"From: ola@example.no\nDate: Tue, 03 Mar 2026 10:00:00 +0100\n\nx\n"
    )
    parsed = parse_email_file(write(tmp_path, "odd.eml", data))
    assert parsed.received_source == DATE_HEADER
    assert parsed.received_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def test_reminder_with_ones_own_earlier_mail_is_not_a_forward(tmp_path: Path) -> None:
    original = (
        b"From: Ola <ola@example.no>\r\nDate: Mon, 02 Feb 2026 09:00:00 +0100\r\n"
        b"Subject: Innsyn\r\n\r\nJeg ber om innsyn.\r\n"
    )
    data = (
        b"From: Ola <ola@example.no>\r\nDate: Mon, 09 Mar 2026 09:00:00 +0100\r\n"
        b"Subject: Purring\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nIkke svar enda.\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + original + b"--b--\r\n"
    )
    parsed = parse_email_file(write(tmp_path, "purring.eml", data))
    assert parsed.sender_email == "ola@example.no"
    assert parsed.forwarded_by_name is None
    assert parsed.forwarded_by_email is None
    assert parsed.request_type_hints == ("access",)
    assert parsed.received_at == datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


def test_english_mail_with_norwegian_signature_is_english(tmp_path: Path) -> None:
    data = (
        "From: b@example.no\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n"
        "Subject: Please stop using my data for marketing\n\n"
        "Dear team, I object to the processing of my data.\n\nBjørn Ødegård\nTromsø\n"
    ).encode()
    parsed = parse_email_file(write(tmp_path, "en.eml", data))
    assert parsed.language_hint == "en"
    assert parsed.request_type_hints == ("objection",)


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("Hvilke opplysninger har dere om meg?", ("access",)),
        ("What data do you hold about me?", ("access",)),
        ("Please correct my address and restrict the processing", ("rectification", "restriction")),
        ("Jeg ber om begrensning av behandlingen", ("restriction",)),
        ("Please erase everything", ("erasure",)),
        ("Jeg vil at dere skal slette meg", ("erasure",)),
        ("Jeg protesterer mot profilering", ("objection",)),
        ("Hello, my order has not arrived", ()),
    ],
)
def test_request_type_hints(tmp_path: Path, text: str, hints: tuple[str, ...]) -> None:
    data = f"From: x@example.no\nDate: Mon, 02 Mar 2026 09:14:00 +0100\n\n{text}\n".encode()
    parsed = parse_email_file(write(tmp_path, "hint.eml", data))
    assert parsed.request_type_hints == hints


def test_html_to_text_drops_scripts_and_keeps_structure() -> None:
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<script>alert('x')</script><h1>Innsyn</h1><p>Kari &amp; Ola&nbsp;Nordmann</p>"
        "<ul><li>one</li><li>two</li></ul><p>line<br>break &lt;b&gt;</p></body></html>"
    )
    assert html_to_text(html) == "Innsyn\n\nKari & Ola Nordmann\n\n- one\n- two\n\nline\nbreak <b>"


def test_parsed_email_is_frozen() -> None:
    parsed = parse_email_file(sample("access-request-nb.eml"))
    assert isinstance(parsed, ParsedEmail)
    with pytest.raises(AttributeError):
        parsed.subject = "x"  # type: ignore[misc]


# --- in the officer's language -----------------------------------------------------------


def refused_nb(path: Path) -> str:
    with pytest.raises(NotAnEmail) as caught:
        parse_email_file(path)
    return caught.value.render("nb")


def test_an_empty_file_is_refused_in_bokmal(tmp_path: Path) -> None:
    assert refused_nb(write(tmp_path, "tom.eml", b"")) == "«tom.eml» er tom"


def test_a_pdf_is_refused_in_bokmal(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert (
        refused_nb(write(tmp_path, "brev.eml", pdf))
        == "«brev.eml» er ikke en e-postmelding: den er et PDF-dokument"
    )


def test_a_text_file_is_refused_in_bokmal(tmp_path: Path) -> None:
    text = b"Hei,\njeg vil ha innsyn.\n"
    assert (
        refused_nb(write(tmp_path, "notat.txt", text))
        == "«notat.txt» er ikke en e-postmelding: hodet har verken From, Date eller Received"
    )


def test_a_damaged_outlook_file_is_refused_in_bokmal_without_the_librarys_words(
    tmp_path: Path,
) -> None:
    noise = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(7).randbytes(8192)
    path = write(tmp_path, "noise.msg", noise)
    assert refused_nb(path) == (
        "«noise.msg» er ikke en lesbar Outlook-melding: filen er skadet, "
        "eller den er ingen Outlook-melding"
    )
    assert refused(path) == (
        "'noise.msg' is not a readable Outlook message: the file is damaged, "
        "or it is no Outlook message"
    )


def test_a_cut_outlook_file_is_refused_in_bokmal(tmp_path: Path) -> None:
    cut = write(tmp_path, "cut.msg", sample("outlook-unicode.msg").read_bytes()[:40])
    assert (
        refused_nb(cut)
        == "«cut.msg» er ikke en lesbar Outlook-melding: filen er for kort (avkuttet?)"
    )


def test_a_folder_is_refused_in_bokmal(tmp_path: Path) -> None:
    folder = tmp_path / "mail.eml"
    folder.mkdir()
    assert refused_nb(folder) == "«mail.eml» er ikke en fil"


def test_a_forward_is_introduced_in_the_officers_language() -> None:
    path = sample("forwarded-rectification-objection.eml")
    english = parse_email_file(path).body_text
    norwegian = parse_email_file(path, "nb").body_text
    assert "---------- Forwarded message ----------\nFrom: Áile Ŋuolga" in english
    assert "---------- Videresendt melding ----------\nFra: Áile Ŋuolga" in norwegian
    assert "\nEmne: Retting av adresse og stans i markedsføring\n" in norwegian
    assert "Forwarded" not in norwegian
    assert english.split("----------")[0] == norwegian.split("----------")[0]
