"""Use cases of the subject register: list, search and show data subjects."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from app.core import paging
from app.core.errors import NotFound
from app.core.model import Role
from app.services.cases import case_row
from app.services.dto import SubjectDetail, SubjectRow
from app.store import fts
from app.store.database import Database
from app.store.lists import lists
from app.store.models import Case, Subject, SubjectEmail, SubjectPhone

_SORT = {
    "name": (Subject.sort_name, Subject.id),
    "pseudonym": (Subject.id,),
    "customer_no": (Subject.customer_no, Subject.id),
}


def _roles(text_: str) -> tuple[Role, ...]:
    return tuple(Role(r) for r in text_.split(",") if r)


# A search matching at most this many people reads them by id and sorts them; more (a common
# surname at 1M people: 50,000), and the list is walked in its own order (the sort_name
# index) with the match as a filter, so the first page does not wait for a sort of them all.
FEW_PEOPLE = 5000


def _match_sql(match: str) -> Any:
    return (
        select(text("rowid"))
        .select_from(text("subject_fts"))
        .where(text("subject_fts MATCH :m").bindparams(m=match))
    )


def _filtered(s: Session, stmt: Select[Any], search: str, role: Role | None) -> Select[Any]:
    stmt = stmt.where(Subject.erased_at.is_(None))
    match = fts.match_expression(search)
    if match:
        estimate = fts.estimated_matches(s.connection(), search)
        ids = (
            list(s.scalars(_match_sql(match).limit(FEW_PEOPLE + 1)))
            if estimate is None or estimate <= FEW_PEOPLE
            else None
        )
        if ids is not None and len(ids) <= FEW_PEOPLE:
            stmt = stmt.where(Subject.id.in_(ids))
        else:  # `id + 0`: not the rowid, so SQLite keeps to the order's index
            stmt = stmt.where((Subject.id + 0).in_(_match_sql(match)))
    if role is not None:
        stmt = stmt.where(lists(Subject.roles, Role(role)))
    return stmt


def list_subjects(
    db: Database,
    *,
    search: str = "",
    role: Role | None = None,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
) -> list[SubjectRow]:
    """One page of the register, in the chosen order. With `total` (count_subjects of the
    same filter, as the paged list knows it) a page in the second half is read from the
    other end and reversed; every order ends in the id, so both ends agree."""
    cols = _SORT.get(sort, _SORT["name"])
    page = paging.window(offset, limit, total)
    if page is None:
        return []
    order = [c.desc() for c in cols] if descending != page.backwards else list(cols)
    with db.session() as s:
        page_ids = _filtered(s, select(Subject.id), search, role).order_by(*order)
        stmt = (
            select(
                Subject.id,
                Subject.pseudonym,
                Subject.name,
                Subject.roles,
                Subject.customer_no,
                _EMAILS,
                _PHONES,
                _OPEN_CASES,
            )
            .where(Subject.id.in_(page_ids.offset(page.offset).limit(page.limit)))
            .order_by(*order)
        )
        rows = [
            SubjectRow(
                id=r.id,
                pseudonym=r.pseudonym,
                name=r.name,
                emails=_split(r.emails),
                phones=_split(r.phones),
                roles=_roles(r.roles),
                customer_no=r.customer_no,
                open_cases=r.open_cases or 0,
            )
            for r in s.execute(stmt)
        ]
    if page.backwards:
        rows.reverse()
    return rows


# One row per subject with its e-mails, phones and open cases, each found through its
# subject_id index (one statement; the open cases counted without the (is_open, due_date)
# index, which would read every open case).
_SEP = "\x1f"
_EMAILS = (
    select(func.group_concat(SubjectEmail.address, _SEP).aggregate_order_by(SubjectEmail.id))
    .where(SubjectEmail.subject_id == Subject.id)
    .scalar_subquery()
    .label("emails")
)
_PHONES = (
    select(func.group_concat(SubjectPhone.e164, _SEP).aggregate_order_by(SubjectPhone.id))
    .where(SubjectPhone.subject_id == Subject.id)
    .scalar_subquery()
    .label("phones")
)
_OPEN_CASES = (
    select(func.count().filter(Case.is_open.is_(True)))
    .where(Case.subject_id == Subject.id)
    .scalar_subquery()
    .label("open_cases")
)


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_SEP)) if joined else ()


def count_subjects(db: Database, *, search: str = "", role: Role | None = None) -> int:
    match = fts.match_expression(search)
    with db.session() as s:
        if match and role is None:
            # The search index holds exactly the subjects not erased (erasure removes the
            # row), so the count is the index's own.
            return (
                s.scalar(
                    text("SELECT count(*) FROM subject_fts WHERE subject_fts MATCH :m"),
                    {"m": match},
                )
                or 0
            )
        if not match and role is None:  # the table's count less the few erased ones
            everyone = s.scalar(select(func.count()).select_from(Subject)) or 0
            erased = s.scalar(select(func.count()).where(Subject.erased_at.is_not(None))) or 0
            return everyone - erased
        stmt = _filtered(s, select(Subject.id), search, role)
        return s.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def get_subject(db: Database, subject_id: int) -> SubjectDetail:
    with db.session() as s:
        x = s.get(Subject, subject_id)
        if x is None:
            raise NotFound(f"There is no subject {subject_id}.")
        cases = s.scalars(
            select(Case).where(Case.subject_id == x.id).order_by(Case.received_at.desc())
        )
        return SubjectDetail(
            id=x.id,
            pseudonym=x.pseudonym,
            name=x.name,
            postal_address=x.postal_address,
            emails=tuple(e.address for e in x.emails),
            phones=tuple(p.e164 for p in x.phones),
            roles=_roles(x.roles),
            customer_no=x.customer_no,
            supplier_no=x.supplier_no,
            last_purchase=x.last_purchase,
            last_contact=x.last_contact,
            erased=x.erased_at is not None,
            cases=tuple(case_row(c, x.name) for c in cases),
        )
