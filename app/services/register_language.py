"""The register in the reader's language (issue 13): every text a letter or statement prints
has an English and a Bokmål value. A document in a language with a text not written is
refused with a message naming the entries to complete, never filled with the other language;
names that are the same in both (a recipient's or a system's proper name) are left empty in
Bokmål and print as they are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from app.core.errors import RuleViolation
from app.core.messages import Message
from app.services.register import ActivityView, RecipientView, RuleView


def _unwritten(pairs: Iterable[tuple[str, str, str]]) -> list[Message]:
    """The fields (field, English, Bokmål) whose English has a text and whose Bokmål has none."""
    return [
        Message(f"register.field_{field}")
        for field, english, bokmal in pairs
        if english.strip() and not bokmal.strip()
    ]


def _missing_fields(activity: ActivityView) -> list[Message]:
    """The Bokmål texts an activity lacks that a letter or statement would print. A list of
    categories is complete with one Bokmål line for each English one."""
    missing = _unwritten(
        (
            ("name", activity.name, activity.name_nb),
            ("purpose", activity.purpose, activity.purpose_nb),
            ("legal_basis_text", activity.legal_basis_text, activity.legal_basis_text_nb),
            ("source", activity.source, activity.source_nb),
            ("transfers", activity.transfers, activity.transfers_nb),
        )
    )
    if len(activity.data_categories_nb) != len(activity.data_categories):
        missing.append(Message("register.field_data_categories"))
    if len(activity.subject_categories_nb) != len(activity.subject_categories):
        missing.append(Message("register.field_subject_categories"))
    if _unwritten(("applies_to", x.applies_to, x.applies_to_nb) for x in activity.retention):
        missing.append(Message("register.field_applies_to"))
    return missing


def missing_texts(
    activities: Iterable[ActivityView], lang: str, recipients: Iterable[RecipientView] = ()
) -> list[Message]:
    """The register entries a document in `lang` would print that have no text in it, each
    with the fields to complete; empty in English (its texts are required when saved)."""
    if lang != "nb":
        return []
    rules: dict[int, RuleView] = {}
    named: dict[int, RecipientView] = {r.id: r for r in recipients}
    found: list[tuple[str, str, list[Message]]] = []
    for activity in activities:
        found.append(("activity", activity.name, _missing_fields(activity)))
        rules.update((line.rule.id, line.rule) for line in activity.retention)
        named.update((r.id, r) for r in activity.recipients if not r.retired)
    for rule in rules.values():
        fields = _unwritten([("legal_reference", rule.legal_reference, rule.legal_reference_nb)])
        found.append(("rule", rule.description, fields))
    for recipient in named.values():
        fields = _unwritten([("country", recipient.country, recipient.country_nb)])
        found.append(("recipient", recipient.name, fields))
    return [
        Message(f"register.entry_{kind}", name=name, fields=fields)
        for kind, name, fields in found
        if fields
    ]


def require_texts(
    activities: Iterable[ActivityView], lang: str, recipients: Iterable[RecipientView] = ()
) -> None:
    """Refuse a document in a language the register has not been written in, naming what to
    complete: a Norwegian letter is never filled with English register texts."""
    entries = missing_texts(activities, lang, recipients)
    if entries:
        raise RuleViolation(
            "register.texts_missing", language=Message(f"register.language_{lang}"), entries=entries
        )


def recipient_in(recipient: RecipientView, lang: str) -> RecipientView:
    if lang != "nb":
        return recipient
    return replace(
        recipient,
        name=recipient.name_nb or recipient.name,
        country=recipient.country_nb or recipient.country,
    )


def in_language(activity: ActivityView, lang: str) -> ActivityView:
    """The activity with the texts of `lang` in its plain fields (call `require_texts` first:
    a Bokmål text not written is left empty here, never filled with English). Names that are
    the same in both (a recipient's or system's proper name) keep the English value."""
    if lang != "nb":
        return activity
    return replace(
        activity,
        name=activity.name_nb,
        purpose=activity.purpose_nb,
        legal_basis_text=activity.legal_basis_text_nb,
        data_categories=activity.data_categories_nb,
        subject_categories=activity.subject_categories_nb,
        source=activity.source_nb,
        transfers=activity.transfers_nb,
        recipients=tuple(recipient_in(r, lang) for r in activity.recipients),
        systems=tuple(replace(x, name=x.name_nb or x.name) for x in activity.systems),
        retention=tuple(
            replace(
                line,
                applies_to=line.applies_to_nb,
                rule=replace(
                    line.rule,
                    description=line.rule.description_nb,
                    legal_reference=line.rule.legal_reference_nb,
                ),
            )
            for line in activity.retention
        ),
    )
