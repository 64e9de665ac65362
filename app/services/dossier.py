"""Gathering one case's handling for its dossier (plain data for app/reports/dossier.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.clock import OSLO
from app.core.event_text import as_enum
from app.core.messages import DocumentKindName, Message, has_key
from app.core.model import FeeDecision, IdentityMethod, RequestType
from app.reports.dossier import Cell, DossierData
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


def _d(value: dt.date | None) -> Cell:
    """A date as the dossier's reader writes it (a moment by its day in Oslo); nothing: ''."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(OSLO).date()
    return value


def _m(key: str, **params: object) -> Message:
    return Message(f"dossier.{key}", **params)


def _receipt_source(source: str) -> Cell:
    key = f"dossier.receipt_source.{source}"
    return Message(key) if has_key(key) else source


def dossier_data(db: Database, reference: str) -> DossierData:
    with db.session() as s:
        c = get_case(s, reference)
        controller = s.scalar(select(Setting.value).where(Setting.key == "controller.legal_name"))
        intake: list[tuple[Cell, Cell]] = []
        email = s.scalar(select(CaseEmail).where(CaseEmail.case_id == c.id))
        if email is not None:
            intake += [
                (_m("from"), f"{email.sender_name} <{email.sender_email or ''}>"),
                (_m("reply_to"), email.reply_to or ""),
                (_m("forwarded_by"), email.forwarded_by or ""),
                (_m("email_subject"), email.subject_line),
                (_m("time_of_receipt_from"), _receipt_source(email.received_source)),
                (_m("attachments"), email.attachment_names.replace("\n", ", ")),
                (_m("text"), email.body_text),
            ]
            intake = [(k, v) for k, v in intake if v]
        if c.call_notes:
            intake.append((_m("notes"), c.call_notes))
        identity = [
            (k, v)
            for k, v in [
                (
                    _m("method"),
                    as_enum(c.identity_method, IdentityMethod) if c.identity_method else "",
                ),
                (_m("result"), c.identity_result or ""),
                (_m("verified_on"), _d(c.identity_verified_on)),
                (_m("identification_asked_for"), _d(c.identity_requested_on)),
                (_m("identification_arrived"), _d(c.identity_received_on)),
                (_m("notes"), c.identity_notes or ""),
            ]
            if v
        ]
        searches = [
            (
                f.system.name,
                _d(f.searched_on),
                "" if f.found is None else _m("yes" if f.found else "no"),
                f.categories.replace("\n", ", "),
            )
            for f in s.scalars(select(Finding).where(Finding.case_id == c.id).order_by(Finding.id))
        ]
        decisions: list[tuple[Cell, Cell]] = []
        if c.extended:
            decisions.append(
                (
                    _m("extension_decided", on=_d(c.extension_decided_on)),
                    _m(
                        "extension",
                        due=_d(c.due_date),
                        told_on=_d(c.extension_told_on),
                        reason=c.extension_reason or "",
                    ),
                )
            )
        if c.fee_decision:
            decisions.append(
                (
                    _m("once_a_year", decision=c.fee_decision),
                    _m(
                        "once_a_year_reason.fee" if c.fee_amount else "once_a_year_reason",
                        reason=c.fee_reason or c.refusal_reason or "",
                        amount=c.fee_amount or 0,
                    ),
                )
            )
        if c.refusal_reason and c.fee_decision != FeeDecision.REFUSE:
            decisions.append((_m("refusal"), c.refusal_reason))
        for line, activity in s.execute(
            select(ErasureLine, ProcessingActivity.name)
            .join(ProcessingActivity, ProcessingActivity.id == ErasureLine.activity_id)
            .where(ErasureLine.case_id == c.id)
        ):
            decided: list[Cell] = [
                _m("erasure_decision.until", decision=line.decision, until=_d(line.until))
                if line.until
                else line.decision
            ]
            decided += [v for v in (line.ground, line.reason) if v]
            decisions.append(
                (_m("erasure", activity=activity, applies_to=line.applies_to), tuple(decided))
            )
        if c.close_note:
            decisions.append((_m("closed_with_a_note"), c.close_note))
        documents = [
            (
                _m("document", filename=d.filename, kind=DocumentKindName(d.kind)),
                _d(d.created_at),
                _m("sent", on=_d(d.sent_on), method=d.sent_method)
                if d.sent_method
                else _d(d.sent_on),
                d.sha256,
            )
            for d in s.scalars(
                select(Document).where(Document.case_id == c.id).order_by(Document.id)
            )
        ]
        notices = [
            (
                n.recipient.name,
                _m(
                    "notice_state",
                    status=n.status,
                    on=_d(n.notified_on),
                    method=n.method or "",
                ),
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
            types=tuple(as_enum(t, RequestType) for t in c.types.split(",")),
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
