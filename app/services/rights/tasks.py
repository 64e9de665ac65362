"""The system checklist: one line per system to correct, erase or restrict in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import InvalidInput, NotFound
from app.core.rights import Decision, TaskKind
from app.services.common import add_event, get_case, limited_text
from app.services.drawing import (
    active_activities,
    erasure_lines,
)
from app.services.rights.common import check_day
from app.services.rights.views import (
    SystemTaskView,
)
from app.services.workflow import (
    require_not_closed,
)
from app.store.database import Database
from app.store.models import (
    Case,
    ProcessingActivity,
    Restriction,
    System,
    SystemTask,
)


def _task_view(t: SystemTask) -> SystemTaskView:
    return SystemTaskView(
        id=t.id,
        system_id=t.system_id,
        system=t.system.name,
        owner=t.system.owner,
        holds=t.system.holds,
        kind=t.kind,
        done_on=t.done_on,
        notes=t.notes,
    )


def _tasks_of(s: Session, case: Case) -> list[SystemTask]:
    return list(
        s.scalars(
            select(SystemTask)
            .where(SystemTask.case_id == case.id)
            .options(selectinload(SystemTask.system))
            .order_by(SystemTask.id)
        )
    )


def _restricted_activity_ids(s: Session, case: Case) -> set[int] | None:
    """The activities restricted on this case; None where the whole subject is."""
    ids: set[int] = set()
    for r in s.scalars(select(Restriction).where(Restriction.case_id == case.id)):
        if r.activity_id is None:
            return None
        ids.add(r.activity_id)
    for line in erasure_lines(s, case):
        if line.decision == Decision.RESTRICT:
            ids.add(line.activity_id)
    return ids


def _task_activities(s: Session, case: Case, kind: TaskKind) -> list[ProcessingActivity]:
    activities = active_activities(s)
    if kind is TaskKind.ERASE:
        lines = erasure_lines(s, case)
        if lines:
            erase = {ln.activity_id for ln in lines if ln.decision == Decision.ERASE}
            activities = [a for a in activities if a.id in erase]
    elif kind is TaskKind.RESTRICT:
        restricted = _restricted_activity_ids(s, case)
        if restricted is not None:
            activities = [a for a in activities if a.id in restricted]
    return activities


def system_tasks(db: Database, reference: str) -> list[SystemTaskView]:
    with db.session() as s:
        return [_task_view(t) for t in _tasks_of(s, get_case(s, reference))]


def create_system_tasks(db: Database, reference: str, kind: str) -> list[SystemTaskView]:
    """One checklist line per system (in use) of the activities concerned: every activity for
    a correction, those with data to erase, those restricted. Existing lines stay."""
    try:
        task_kind = TaskKind(kind)
    except ValueError:
        raise InvalidInput(f"Unknown task {kind!r}; use rectify, erase or restrict.") from None
    with db.session() as s:
        case = get_case(s, reference)
        require_not_closed(case, "add system tasks")
        have = {(t.system_id, t.kind) for t in _tasks_of(s, case)}
        systems: dict[int, System] = {}
        for activity in _task_activities(s, case, task_kind):
            for system in activity.systems:
                if system.retired_at is None:
                    systems.setdefault(system.id, system)
        added = 0
        for system in systems.values():
            if (system.id, task_kind) not in have:
                s.add(SystemTask(case_id=case.id, system=system, kind=task_kind))
                added += 1
        if added:
            add_event(case, "system tasks", f"{task_kind.value}: {added} systems to do")
        s.flush()
        return [_task_view(t) for t in _tasks_of(s, case)]


def mark_task_done(db: Database, task_id: int, on: dt.date, notes: str = "") -> SystemTaskView:
    notes = limited_text(notes, "notes")
    with db.session() as s:
        task = s.get(SystemTask, task_id)
        if task is None:
            raise NotFound(f"There is no system task {task_id}.")
        case = s.get_one(Case, task.case_id)
        require_not_closed(case, "tick off a system")
        check_day(on, case, "date the system was done")
        task.done_on = on
        task.notes = notes
        add_event(case, "system task", f"{task.kind} in {task.system.name}: done {on.isoformat()}")
        s.flush()
        return _task_view(task)
