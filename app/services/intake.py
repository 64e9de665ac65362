"""E-mail intake: read an .eml or .msg file into a request the officer confirms and saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core import messages
from app.core.errors import UserError
from app.core.messages import Message
from app.core.model import Channel, RequestType
from app.intake.email import ParsedEmail, parse_email_file
from app.services.cases import log_request
from app.services.dto import EmailEvidence, RequestInput
from app.store.database import Database

MEDIA_TYPES = {"eml": "message/rfc822", "msg": "application/vnd.ms-outlook"}


@dataclass(frozen=True)
class EmailDraft:
    """A request pre-filled from an e-mail, for the officer to confirm before saving."""

    parsed: ParsedEmail
    request: RequestInput


def evidence_of(parsed: ParsedEmail, filename: str) -> EmailEvidence:
    forwarded = None
    if parsed.forwarded_by_email or parsed.forwarded_by_name:
        forwarded = " ".join(
            p
            for p in (
                parsed.forwarded_by_name,
                f"<{parsed.forwarded_by_email}>" if parsed.forwarded_by_email else None,
            )
            if p
        )
    return EmailEvidence(
        filename=filename,
        raw=parsed.raw,
        sha256=parsed.sha256,
        media_type=MEDIA_TYPES.get(parsed.format, "application/octet-stream"),
        sender_name=parsed.sender_name,
        sender_email=parsed.sender_email,
        reply_to=parsed.reply_to,
        forwarded_by=forwarded,
        subject_line=parsed.subject,
        body_text=parsed.body_text,
        received_source=parsed.received_source,
        attachment_names=parsed.attachment_names,
        message_id=parsed.message_id,
    )


def draft_from_email(path: Path, language: str = messages.DEFAULT) -> EmailDraft:
    """Read the file (raises NotAnEmail with a clear message) and pre-fill a request. What
    the draft writes of its own (the forward's header lines, the subject note) reads in
    `language`, the officer's."""
    parsed = parse_email_file(path, language)
    types = tuple(RequestType(t) for t in parsed.request_type_hints) or (RequestType.ACCESS,)
    notes = (
        messages.render("intake.subject_note", {"subject": parsed.subject}, language)
        if parsed.subject
        else ""
    )
    request = RequestInput(
        channel=Channel.EMAIL,
        types=types,
        name=parsed.sender_name or (parsed.sender_email or ""),
        received_at=parsed.received_at,
        email=parsed.sender_email,
        notes=notes,
        language=parsed.language_hint,
        email_evidence=evidence_of(parsed, path.name),
    )
    return EmailDraft(parsed=parsed, request=request)


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    reference: str | None
    received_at: dt.datetime | None
    received_source: str | None
    error: Message | None  # why it was not imported, rendered where it is shown


def import_email_files(
    db: Database,
    paths: Sequence[Path],
    *,
    progress: Callable[[int, int], bool] | None = None,
    language: str = messages.DEFAULT,
) -> list[ImportOutcome]:
    """Import many files, each in its own transaction; one bad file does not stop the rest.
    `progress(done, total)` may return False to cancel before the next file; `language` is
    the officer's, for what the drafts write of their own."""
    outcomes: list[ImportOutcome] = []
    for i, path in enumerate(paths):
        if progress is not None and progress(i, len(paths)) is False:
            break
        try:
            draft = draft_from_email(path, language)
            if not draft.request.name.strip():
                raise UserError("intake.no_sender", name=path.name)
            logged = log_request(db, draft.request)
            outcomes.append(
                ImportOutcome(
                    path,
                    logged.reference,
                    draft.parsed.received_at,
                    draft.parsed.received_source,
                    None,
                )
            )
        except UserError as exc:
            outcomes.append(ImportOutcome(path, None, None, None, exc.message))
        except OSError as exc:  # unreadable or gone: say so for this file, go on
            reason = messages.os_reason(exc)
            problem = Message("intake.file_unreadable", name=path.name, reason=reason)
            outcomes.append(ImportOutcome(path, None, None, None, problem))
    if progress is not None:
        progress(len(outcomes), len(paths))
    return outcomes
