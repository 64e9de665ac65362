"""Gathering one case's handling for its dossier (plain data for app/reports/dossier.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.core.clock import OSLO
from app.core.model import FeeDecision
from app.reports.dossier import DossierData
from app.services.common import get_case
from app.store.database import Database
from app.store.models import (
    CaseEmail,
    Document,
    ErasureLine,
    Finding,
    ProcessingActivity,
    RecipientNotice,
    Setting,
)


def _d(value: object) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""  # type: ignore[attr-defined]


def dossier_data(db: Database, reference: str) -> DossierData:
    with db.session() as s:
        c = get_case(s, reference)
        controller = s.scalar(select(Setting.value).where(Setting.key == "controller.legal_name"))
        intake: list[tuple[str, str]] = []
        email = s.scalar(select(CaseEmail).where(CaseEmail.case_id == c.id))
        if email is not None:
            intake += [
                ("From", f"{email.sender_name} <{email.sender_email or ''}>"),
                ("Reply-To", email.reply_to or ""),
                ("Forwarded by", email.forwarded_by or ""),
                ("Subject", email.subject_line),
                ("Time of receipt from", email.received_source),
                ("Attachments", email.attachment_names.replace("\n", ", ")),
                ("Text", email.body_text),
            ]
            intake = [(k, v) for k, v in intake if v]
        if c.call_notes:
            intake.append(("Notes", c.call_notes))
        identity = [
            (k, v)
            for k, v in [
                ("Method", c.identity_method or ""),
                ("Result", c.identity_result or ""),
                ("Verified on", _d(c.identity_verified_on)),
                ("Identification asked for", _d(c.identity_requested_on)),
                ("Identification arrived", _d(c.identity_received_on)),
                ("Notes", c.identity_notes or ""),
            ]
            if v
        ]
        searches = [
            (
                f.system.name,
                _d(f.searched_on),
                "" if f.found is None else ("yes" if f.found else "no"),
                f.categories.replace("\n", ", "),
            )
            for f in s.scalars(select(Finding).where(Finding.case_id == c.id).order_by(Finding.id))
        ]
        decisions: list[tuple[str, str]] = []
        if c.extended:
            decisions.append(
                (
                    f"Extension decided {_d(c.extension_decided_on)}",
                    f"Art. 12(3): new due date {_d(c.due_date)}; person told "
                    f"{_d(c.extension_told_on)}. {c.extension_reason or ''}",
                )
            )
        if c.fee_decision:
            decisions.append(
                (
                    f"Once-a-year rule: {c.fee_decision}",
                    f"Art. 12(5). {c.fee_reason or c.refusal_reason or ''}"
                    + (f" Fee: {c.fee_amount} kr." if c.fee_amount else ""),
                )
            )
        if c.refusal_reason and c.fee_decision != FeeDecision.REFUSE:
            decisions.append(("Refusal", c.refusal_reason))
        for line, activity in s.execute(
            select(ErasureLine, ProcessingActivity.name)
            .join(ProcessingActivity, ProcessingActivity.id == ErasureLine.activity_id)
            .where(ErasureLine.case_id == c.id)
        ):
            decisions.append(
                (
                    f"Erasure: {activity} ({line.applies_to})",
                    f"{line.decision}"
                    + (f" until {_d(line.until)}" if line.until else "")
                    + (f"; {line.ground}" if line.ground else "")
                    + (f"; {line.reason}" if line.reason else ""),
                )
            )
        if c.close_note:
            decisions.append(("Closed with a note", c.close_note))
        documents = [
            (
                f"{d.filename} ({d.kind})",
                _d(d.created_at),
                f"{_d(d.sent_on)} {d.sent_method or ''}".strip(),
                d.sha256,
            )
            for d in s.scalars(
                select(Document).where(Document.case_id == c.id).order_by(Document.id)
            )
        ]
        notices = [
            (
                n.recipient.name,
                f"{n.status} {_d(n.notified_on)} {n.method or ''}".strip(),
                n.reason,
            )
            for n in s.scalars(select(RecipientNotice).where(RecipientNotice.case_id == c.id))
        ]
        timeline = [
            (
                e.at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M"),
                e.user,
                e.kind,
                e.detail,
                e.params,
            )
            for e in c.events
        ]
        return DossierData(
            reference=c.reference,
            controller=controller or "Innsyn",
            subject_name=c.subject.name,
            subject_pseudonym=c.subject.pseudonym,
            types=tuple(c.types.split(",")),
            channel=c.channel,
            received_at=c.received_at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M"),
            due=c.due_date,
            status=c.status,
            intake=tuple(intake),
            identity=tuple(identity),
            searches=tuple(searches),
            decisions=tuple(decisions),
            documents=tuple(documents),
            notices=tuple(notices),
            timeline=tuple(timeline),
        )
