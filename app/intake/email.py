"""Read a request that arrived by e-mail: an .eml (RFC 822) or an Outlook .msg file.

The result says who asked, what they wrote, when the controller received it and from which
evidence that time was taken, and keeps the file's exact bytes for the case record.

Nothing here logs or writes files: the message is read from memory and only the returned
`ParsedEmail` holds its content.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import errors as email_errors
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from hashlib import sha256
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from app.core import clock, messages
from app.core.errors import InvalidInput, NotAnEmail
from app.core.model import REQUEST_TYPE_ORDER, RequestType
from app.intake.contact import normalise_email

if TYPE_CHECKING:
    from extract_msg.msg_classes import MessageBase

__all__ = [
    "DATE_HEADER",
    "FILE_TIME",
    "MAX_EMAIL_BYTES",
    "RECEIVED_HEADER",
    "NotAnEmail",
    "ParsedEmail",
    "detect_language",
    "detect_request_types",
    "html_to_text",
    "parse_email_bytes",
    "parse_email_file",
]

# Where `received_at` came from, best evidence first.
RECEIVED_HEADER = "received-header"  # the controller's own mail server stamped it
DATE_HEADER = "date-header"  # the sender's clock: the officer should check it
FILE_TIME = "file-time"  # no date in the message at all: the officer must confirm it

# Exchange's default limit is 150 MB; anything bigger is not a mail someone sent.
MAX_EMAIL_BYTES = 150 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_MIN_SIZE = 1536  # olefile's minimum; shorter bytes would be taken for a file name

_OTHER_FORMATS = (
    (b"%PDF-", "email.format_pdf"),
    (b"PK\x03\x04", "email.format_zip"),
    (b"\x89PNG", "email.format_png"),
    (b"\xff\xd8\xff", "email.format_jpeg"),
    (b"GIF8", "email.format_gif"),
    (b"II*\x00", "email.format_tiff"),
    (b"MM\x00*", "email.format_tiff"),
    (b"{\\rtf", "email.format_rtf"),
)

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, repr=False)
class ParsedEmail:
    """One e-mail request. For a forwarded request (the original attached as a message),
    the sender, reply-to, subject, date, message id and hints are the original's, and the
    person who forwarded it is in `forwarded_by_*`."""

    sender_name: str
    sender_email: str | None
    reply_to: str | None
    forwarded_by_name: str | None
    forwarded_by_email: str | None
    subject: str
    body_text: str
    received_at: datetime
    received_source: str
    attachment_names: tuple[str, ...]
    raw: bytes
    sha256: str
    format: str
    message_id: str | None
    language_hint: str
    request_type_hints: tuple[str, ...]

    def __repr__(self) -> str:
        # No personal data: this may end up in a traceback or a log line.
        return (
            f"ParsedEmail(format={self.format!r}, sha256={self.sha256[:12]!r}, "
            f"received_at={self.received_at.isoformat()!r}, "
            f"received_source={self.received_source!r}, "
            f"attachments={len(self.attachment_names)})"
        )


@dataclass(frozen=True)
class _Letter:
    """What one message (the outer one, or a forwarded original) says."""

    name: str
    address: str | None
    reply_to: str | None
    subject: str
    date_text: str
    body: str
    received: tuple[datetime, str] | None
    message_id: str | None


# --- public entry points -----------------------------------------------------------------


def parse_email_file(path: Path, language: str = messages.DEFAULT) -> ParsedEmail:
    """Read an .eml or .msg file. The file's modification time is the date of last resort.
    `language` is the officer's: the lines written above a forwarded original read in it.

    Raises `NotAnEmail` for anything that is not a readable e-mail, and `OSError` when the
    file cannot be read at all.
    """
    path = Path(path)
    info = path.stat()
    if not path.is_file():
        raise NotAnEmail("email.not_a_file", name=path.name)
    _check_size(info.st_size, path.name)
    data = path.read_bytes()
    mtime = datetime.fromtimestamp(info.st_mtime, tz=UTC)
    return parse_email_bytes(data, path.name, mtime, language=language)


def parse_email_bytes(
    data: bytes,
    filename: str,
    file_mtime: datetime | None = None,
    *,
    language: str = messages.DEFAULT,
) -> ParsedEmail:
    """Read an e-mail from its bytes. `filename` is used for messages and to tell .msg from
    .eml; `file_mtime` (timezone-aware) is used only when the message carries no date;
    `language` is the officer's, for the lines written above a forwarded original."""
    if file_mtime is not None and file_mtime.utcoffset() is None:
        raise ValueError("file_mtime must be timezone-aware")
    shown = PurePosixPath(PureWindowsPath(filename).as_posix()).name or filename
    if not data.strip():
        raise NotAnEmail("email.empty", name=shown)
    _check_size(len(data), shown)
    if data.startswith(_OLE_MAGIC):
        fmt = "msg"
        outer, original, attachments = _read_msg(data, shown)
    elif shown.lower().endswith(".msg"):
        fmt = "eml"  # an RFC 822 message saved under the wrong extension is still one
        try:
            outer, original, attachments = _read_rfc822(data, shown)
        except NotAnEmail as exc:
            raise NotAnEmail("email.neither_outlook_nor_plain", name=shown) from exc
    else:
        fmt = "eml"
        outer, original, attachments = _read_rfc822(data, shown)
    return _assemble(data, fmt, outer, original, attachments, file_mtime, language)


# --- assembling the result ---------------------------------------------------------------


def _assemble(
    data: bytes,
    fmt: str,
    outer: _Letter,
    original: _Letter | None,
    attachments: tuple[str, ...],
    file_mtime: datetime | None,
    language: str,
) -> ParsedEmail:
    request = original or outer
    forwarded_by_name: str | None = None
    forwarded_by_email: str | None = None
    body = request.body
    if original is not None:
        same_person = original.address is not None and original.address == outer.address
        if not same_person:  # a reminder with one's own earlier mail attached is no forward
            forwarded_by_name = outer.name or None
            forwarded_by_email = outer.address
        body = _forwarded_body(outer.body, original, language)
    # A request is received when it reaches the controller; for a forward that is when the
    # original arrived (e.g. at customer service), the earlier and stricter of the two.
    received = request.received or outer.received
    if received is None:
        stamp = file_mtime if file_mtime is not None else clock.now_utc()
        received = (stamp, FILE_TIME)
    text = f"{request.subject}\n{request.body}"
    return ParsedEmail(
        sender_name=request.name,
        sender_email=request.address,
        reply_to=request.reply_to,
        forwarded_by_name=forwarded_by_name,
        forwarded_by_email=forwarded_by_email,
        subject=request.subject,
        body_text=body,
        received_at=received[0].astimezone(UTC),
        received_source=received[1],
        attachment_names=attachments,
        raw=data,
        sha256=sha256(data).hexdigest(),
        format=fmt,
        message_id=request.message_id,
        language_hint=detect_language(text),
        request_type_hints=detect_request_types(text),
    )


def _forwarded_body(note: str, original: _Letter, language: str) -> str:
    def line(key: str, **params: str) -> str:
        return messages.render(f"email.{key}", params, language)

    lines = [line("forward_rule")]
    if original.name or original.address:
        who = " ".join(
            part
            for part in (original.name, f"<{original.address}>" if original.address else "")
            if part
        )
        lines.append(line("forward_from", who=who))
    if original.date_text:
        lines.append(line("forward_date", date=original.date_text))
    if original.subject:
        lines.append(line("forward_subject", subject=original.subject))
    forwarded = "\n".join(lines) + "\n\n" + original.body
    return f"{note}\n\n{forwarded}".strip() if note else forwarded.strip()


def _check_size(size: int, shown: str) -> None:
    if size > MAX_EMAIL_BYTES:
        raise NotAnEmail(
            "email.too_large",
            name=shown,
            size=round(size / 1024 / 1024),
            limit=MAX_EMAIL_BYTES // 1024 // 1024,
        )


# --- RFC 822 (.eml) ----------------------------------------------------------------------


def _read_rfc822(data: bytes, shown: str) -> tuple[_Letter, _Letter | None, tuple[str, ...]]:
    for magic, what in _OTHER_FORMATS:
        if data.startswith(magic):
            raise NotAnEmail("email.is_other_format", name=shown, what=messages.Message(what))
    end = _HEADER_END.search(data)
    head = data[: end.start()] if end else data
    if b"\x00" in head:
        raise NotAnEmail("email.binary_data", name=shown)
    try:
        msg = BytesParser(policy=policy.default).parsebytes(_head_as_utf8(data, head))
    except Exception as exc:  # the parser is lenient; anything it still throws is bad input
        raise NotAnEmail("email.unreadable", name=shown) from exc
    if not isinstance(msg, EmailMessage):
        raise NotAnEmail("email.unreadable", name=shown)
    if not any(name in msg for name in ("From", "Date", "Received")):
        raise NotAnEmail("email.no_sender_headers", name=shown)
    if end is None and not data.endswith((b"\n", b"\r")):
        raise NotAnEmail("email.ends_in_header", name=shown)
    for part in msg.walk():
        for defect in part.defects:
            if isinstance(defect, email_errors.CloseBoundaryNotFoundDefect):
                raise NotAnEmail("email.last_part_cut", name=shown)
            if isinstance(defect, email_errors.StartBoundaryNotFoundDefect):
                raise NotAnEmail("email.parts_inseparable", name=shown)
    try:
        outer = _eml_letter(msg)
        inner = _forwarded_original(msg)
        original = _eml_letter(inner) if inner is not None else None
        attachments = tuple(_eml_attachment_names(msg))
    except (NotAnEmail, InvalidInput):
        raise
    except Exception as exc:  # header parsers have edge cases that raise; it is still bad input
        raise NotAnEmail("email.headers_unreadable", name=shown) from exc
    return outer, original, attachments


def _head_as_utf8(data: bytes, head: bytes) -> bytes:
    """Raw 8-bit headers are usually UTF-8, which the parser decodes; Windows-1252 ones are
    re-encoded so that names like "Bjørn" survive. Only the parsed copy changes."""
    if head.isascii():
        return data
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace").encode("utf-8") + data[len(head) :]
    return data


def _eml_letter(msg: EmailMessage) -> _Letter:
    name, address = _eml_address(msg, "From")
    _, reply_to = _eml_address(msg, "Reply-To")
    date_text = _one_line(_header_text(msg, "Date"))
    received = _received_time(_header_text_all(msg, "Received"))
    if received is None:
        sent = _parse_date(date_text)
        received = (sent, DATE_HEADER) if sent is not None else None
    return _Letter(
        name=name,
        address=address,
        reply_to=reply_to,
        subject=_one_line(_header_text(msg, "Subject")),
        date_text=date_text,
        body=_eml_body(msg),
        received=received,
        message_id=_one_line(_header_text(msg, "Message-ID")) or None,
    )


def _header_text(msg: Message, name: str) -> str:
    value = msg.get(name)
    return "" if value is None else _fix_8bit(str(value))


def _header_text_all(msg: Message, name: str) -> list[str]:
    return [_fix_8bit(str(value)) for value in msg.get_all(name) or []]


def _eml_address(msg: EmailMessage, header: str) -> tuple[str, str | None]:
    value = msg.get(header)
    if value is None:
        return "", None
    for address in getattr(value, "addresses", ()):
        name = _one_line(_fix_8bit(address.display_name))
        spec = _fix_8bit(address.addr_spec) if address.domain else ""
        return name, _address_or_none(spec)
    return "", None


def _eml_body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = _decode_text(payload, part.get_content_charset())
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return _tidy(text)


def _forwarded_original(msg: EmailMessage) -> EmailMessage | None:
    """The first attached message/rfc822 part that has a sender, if any."""
    for part in msg.walk():
        if part is msg or part.get_content_type() != "message/rfc822":
            continue
        payload = part.get_payload()
        inner: object = None
        if isinstance(payload, list) and payload:
            inner = payload[0]
        else:  # a base64-encoded message part is not parsed for us
            decoded = part.get_payload(decode=True)
            if isinstance(decoded, bytes) and decoded.strip():
                inner = BytesParser(policy=policy.default).parsebytes(decoded)
        if isinstance(inner, EmailMessage) and "From" in inner:
            return inner
    return None


def _eml_attachment_names(msg: EmailMessage) -> Iterator[str]:
    for part in msg.walk():
        if part.is_multipart() or part.get_content_type() == "message/rfc822":
            continue
        filename = part.get_filename()
        if filename:
            yield _clean_filename(filename, part.get_content_type())
        elif part.get_content_disposition() == "attachment":
            yield f"(unnamed {part.get_content_type()})"


# --- Outlook (.msg) ----------------------------------------------------------------------


def _read_msg(data: bytes, shown: str) -> tuple[_Letter, _Letter | None, tuple[str, ...]]:
    if len(data) < _OLE_MIN_SIZE:
        raise NotAnEmail(
            "email.outlook_unreadable",
            name=shown,
            reason=messages.Message("email.outlook_too_short"),
        )
    # Imported on the first .msg: extract_msg takes ~0.15 s to import, which starting the
    # workbench should not pay.
    import extract_msg
    from extract_msg.msg_classes import MessageBase

    try:
        message = extract_msg.openMsg(data)
    except Exception as exc:  # olefile and extract_msg raise many kinds; all mean unreadable
        raise _damaged_outlook(shown) from exc
    try:
        if not isinstance(message, MessageBase):
            raise NotAnEmail(
                "email.outlook_unreadable",
                name=shown,
                reason=messages.Message("email.outlook_other_item"),
            )
        outer = _msg_letter(message)
        inner = next(_embedded_messages(message), None)
        original = _msg_letter(inner) if inner is not None and inner.sender else None
        attachments = tuple(_msg_attachment_names(message, depth=0))
    except (NotAnEmail, InvalidInput):
        raise
    except Exception as exc:
        raise _damaged_outlook(shown) from exc
    finally:
        message.close()
    return outer, original, attachments


def _damaged_outlook(shown: str) -> NotAnEmail:
    # olefile's and extract_msg's own words are English and name their internals: the
    # officer reads our reason instead (the cause stays chained for a traceback).
    return NotAnEmail(
        "email.outlook_unreadable", name=shown, reason=messages.Message("email.outlook_damaged")
    )


def _msg_letter(message: MessageBase) -> _Letter:
    header = message.header  # the transport headers, or what extract_msg builds without them
    name, address = _split_address(message.sender or "")
    _, reply_to = _split_address(_header_text(header, "Reply-To"))
    date_text = _one_line(_header_text(header, "Date"))
    received = _received_time(_header_text_all(header, "Received"))
    if received is None:
        sent = _parse_date(date_text) or _aware(message.date)
        received = (sent, DATE_HEADER) if sent is not None else None
    if not date_text and message.date is not None:
        date_text = message.date.strftime("%a, %d %b %Y %H:%M:%S %z")
    body = message.body
    if body:
        text = str(body)
    else:
        html = message.htmlBody
        text = html_to_text(_decode_text(html, None)) if html else ""
    return _Letter(
        name=name,
        address=address,
        reply_to=reply_to,
        subject=_one_line(message.subject or ""),
        date_text=date_text,
        body=_tidy(text),
        received=received,
        message_id=_one_line(message.messageId or "") or None,
    )


def _embedded_messages(message: MessageBase) -> Iterator[MessageBase]:
    from extract_msg.msg_classes import MessageBase

    for attachment in message.attachments:
        inner = getattr(attachment, "data", None)
        if isinstance(inner, MessageBase):
            yield inner


def _msg_attachment_names(message: MessageBase, depth: int) -> Iterator[str]:
    from extract_msg.msg_classes import MessageBase

    for attachment in message.attachments:
        name = getattr(attachment, "name", None) or getattr(attachment, "longFilename", None)
        mimetype = getattr(attachment, "mimetype", None) or "application/octet-stream"
        yield _clean_filename(str(name), str(mimetype)) if name else f"(unnamed {mimetype})"
        inner = getattr(attachment, "data", None)
        if isinstance(inner, MessageBase) and depth < 5:
            yield from _msg_attachment_names(inner, depth + 1)


# --- shared helpers ----------------------------------------------------------------------


def _split_address(text: str) -> tuple[str, str | None]:
    """ "Name <address>" into its parts; the address only if it is a usable one (Exchange's
    internal X.500 names are not)."""
    text = _one_line(text)
    if not text:
        return "", None
    if "@" not in text:
        return text, None
    pairs = getaddresses([text])
    if not pairs:
        return "", None
    name, spec = pairs[0]
    return _one_line(name), _address_or_none(spec)


def _address_or_none(spec: str) -> str | None:
    if not spec:
        return None
    try:
        return normalise_email(spec)
    except InvalidInput:
        return None  # the raw message is kept; the officer types the address if needed


def _received_time(values: Iterable[str]) -> tuple[datetime, str] | None:
    """The topmost (newest) Received header with a readable date after its last ';'."""
    for value in values:
        _, sep, stamp = _one_line(value).rpartition(";")
        when = _parse_date(stamp) if sep else None
        if when is not None:
            return when, RECEIVED_HEADER
    return None


def _parse_date(text: str) -> datetime | None:
    if not text.strip():
        return None
    try:
        when = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _aware(when)


def _aware(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    if when.utcoffset() is None:  # "-0000": the time is UTC, its zone unknown
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _fix_8bit(text: str) -> str:
    """Undo surrogate escapes the parser leaves for raw 8-bit bytes in headers."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    raw = text.encode("utf-8", errors="surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _decode_text(payload: bytes, charset: str | None) -> str:
    label = (charset or "").strip().lower()
    if label in ("iso-8859-1", "latin-1", "latin1", "l1"):
        label = "cp1252"  # what every mail client means by it (as in the WHATWG encodings)
    if label and label not in ("us-ascii", "ascii", "unknown-8bit", "x-unknown"):
        try:
            return payload.decode(label, errors="replace")
        except LookupError:
            pass
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", errors="replace")


def _one_line(text: str) -> str:
    return " ".join(text.replace("\x00", "").split())


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # "-- " (with its space) is the signature delimiter mail clients look for.
    text = "\n".join(line if line == "-- " else line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _clean_filename(name: str, content_type: str) -> str:
    if "=?" in name:
        try:
            name = str(make_header(decode_header(name)))
        except Exception:  # a broken encoded word: keep the name as written
            pass
    name = PureWindowsPath(name).name  # never a path: "..\\x" or "C:\\fakepath\\x"
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cs"))
    return _one_line(name) or f"(unnamed {content_type})"


# --- text of HTML bodies -----------------------------------------------------------------

_SKIPPED = frozenset({"script", "style", "title", "template", "xml"})
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre"}
)
_LINE = frozenset(
    {
        "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "address",
        "hr", "form", "fieldset", "center", "caption", "figure", "main", "nav", "aside",
    }
)  # fmt: skip


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._skip = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skip = 0  # an unclosed <head> or <title> must not swallow the text
        elif tag in _SKIPPED:
            self._skip += 1
        elif tag == "br":
            self._newline(1)
        elif tag in _PARAGRAPH:
            self._newline(2)
            if tag == "pre":
                self._pre += 1
        elif tag in _LINE:
            self._newline(1)
            if tag == "li":
                self._out.append("- ")
        elif tag in ("td", "th") and self._out and not self._out[-1].endswith(("\n", " ")):
            self._out.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _PARAGRAPH:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._newline(2)
        elif tag in _LINE:
            self._newline(1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            self._out.append(data)
            return
        text = " ".join(data.split())
        if not text:
            if data and self._out and not self._out[-1].endswith(("\n", " ")):
                self._out.append(" ")
            return
        at_line_start = not self._out or self._out[-1].endswith("\n")
        if data[0].isspace() and not at_line_start and not self._out[-1].endswith(" "):
            text = " " + text
        if data[-1].isspace():
            text += " "
        self._out.append(text)

    def _newline(self, count: int) -> None:
        if not self._out:
            return  # no blank lines before the first text
        trailing = 0
        for chunk in reversed(self._out):
            kept = chunk.rstrip("\n")
            trailing += len(chunk) - len(kept)
            if kept:
                break
        if trailing < count:
            self._out.append("\n" * (count - trailing))

    def text(self) -> str:
        return "".join(self._out)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body: paragraphs and line breaks kept, scripts and
    styles dropped, entities decoded."""
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is forgiving; if it still fails, keep what it read
        pass
    return _tidy(parser.text())


# --- language and request types ----------------------------------------------------------

_NORWEGIAN_WORDS = frozenset(
    """
    jeg meg om min mitt mine deg dere deres oss vi hei hilsen mvh vennlig takk ønsker ønske
    innsyn innsynsbegjæring opplysninger personopplysninger sletting slette slett retting
    begrensning protest ikke og er har vil kan skal ble bli eller med fra til av på som det
    en et hva hvilke hvem hvor hvordan når kunde kundenummer adresse ny feil behandler
    """.split()
)
_ENGLISH_WORDS = frozenset(
    """
    i me my mine you your we our the a an and or is are was were be have has will would
    please dear regards thanks thank request data personal information about with from this
    that what which who how when to of in on
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """'nb' when the text reads as Norwegian, else 'en'. A Norwegian name or place in an
    English signature does not make the mail Norwegian."""
    words = [w.lower() for w in _WORD.findall(text)]
    norwegian = sum(1 for w in words if w in _NORWEGIAN_WORDS or any(c in w for c in "æøå"))
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return "nb" if norwegian and norwegian >= english else "en"


_HINTS: dict[RequestType, re.Pattern[str]] = {
    RequestType.ACCESS: re.compile(
        r"\binnsyn\w*|\bhvilke\s+(?:person)?opplysninger|\bwhat\s+(?:personal\s+)?"
        r"(?:data|information)\b|\baccess\b|\bcopy\s+of\s+(?:my|the)\s+(?:personal\s+)?data"
        r"|\b(?:article|artikkel|art\.)\s*15\b",
        re.IGNORECASE,
    ),
    RequestType.RECTIFICATION: re.compile(
        r"\brett(?:ing|e\s+opp|es|et)\b|\bkorriger\w*|\brectif\w*|\bcorrect(?:ion|ed)?\b"
        r"|\b(?:article|artikkel|art\.)\s*16\b",
        re.IGNORECASE,
    ),
    RequestType.ERASURE: re.compile(
        r"\bslett\w*|\bdelet(?:e|ed|ion)\b|\beras(?:e|ed|ure)\b|\bright\s+to\s+be\s+forgotten"
        r"|\b(?:article|artikkel|art\.)\s*17\b",
        re.IGNORECASE,
    ),
    RequestType.RESTRICTION: re.compile(
        r"\bbegrens\w*|\brestrict\w*|\b(?:article|artikkel|art\.)\s*18\b",
        re.IGNORECASE,
    ),
    RequestType.OBJECTION: re.compile(
        r"\bprotest\w*|\bobject(?:s|ed|ing)?\s+to\b|\bobjection\b|\bstop\s+using\b"
        r"|\bmarkedsføring\w*|\bmarketing\b|\breklame\w*|\bnyhetsbrev\w*|\bnewsletters?\b"
        r"|\bunsubscribe\b|\bstans\w*\s+(?:i|av)\b|\b(?:article|artikkel|art\.)\s*21\b",
        re.IGNORECASE,
    ),
}


def detect_request_types(text: str) -> tuple[str, ...]:
    """Request types the text seems to ask for, in canonical order. Hints for the officer,
    who decides."""
    return tuple(t.value for t in REQUEST_TYPE_ORDER if _HINTS[t].search(text))
