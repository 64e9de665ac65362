"""The rights after access: rectification (Art. 16), erasure (Art. 17), restriction (Art. 18),
objection (Art. 21), the notices to recipients (Art. 19), their letters, and closing a case
under the rules they bring.

Each public function is one unit of work in one short session and returns plain frozen data.
Events and audit rows name fields, activities, systems and recipients, never the person's
data: an erased person leaves only their pseudonym behind.

The package is split by what it does; every public name is re-exported here, so
`from app.services import rights; rights.X` is the way in:

- views: the plain frozen data (FieldChangeView ... StoredLetter)
- common: the checks and look-ups the modules share (check_day, get_activity, system_names)
- rectification, tasks (the system checklist), erasure, restriction, objection,
  notices (to recipients), letters (the rights letters and the notice e-mail)
"""

from __future__ import annotations

from app.core.rights import NOT_NOTIFIED_GROUNDS, Decision, NoticeStatus, TaskKind
from app.services.rights.erasure import (
    apply_erasure,
    draw_up_erasure_matrix,
    draw_up_matrix_in,
    erasure_matrix,
    kept_until_items,
    last_backup_expiry,
    mark_kept_erased,
    set_erasure_line,
)
from app.services.rights.letters import (
    notice_email_text,
    render_rights_letter,
    store_rights_letter,
)
from app.services.rights.notices import (
    draw_up_notices,
    mark_not_notified,
    mark_notified,
    notices,
    open_notice_count,
)
from app.services.rights.objection import (
    object_to_marketing,
    object_to_processing,
    subject_objections,
)
from app.services.rights.rectification import RECTIFIABLE_FIELDS, field_changes, rectify
from app.services.rights.restriction import (
    RESTRICTION_GROUNDS,
    active_restrictions,
    is_restricted,
    lift_restriction,
    record_restriction_notice,
    restrict,
    subject_restrictions,
)
from app.services.rights.tasks import create_system_tasks, mark_task_done, system_tasks
from app.services.rights.views import (
    ErasedItem,
    ErasureLineView,
    ErasureResult,
    FieldChangeView,
    KeptItem,
    KeptUntilItem,
    NoticeView,
    ObjectionView,
    RestrictionView,
    StoredLetter,
    SystemTaskView,
)

__all__ = [
    "NOT_NOTIFIED_GROUNDS",
    "RECTIFIABLE_FIELDS",
    "RESTRICTION_GROUNDS",
    "Decision",
    "ErasedItem",
    "ErasureLineView",
    "ErasureResult",
    "FieldChangeView",
    "KeptItem",
    "KeptUntilItem",
    "NoticeStatus",
    "NoticeView",
    "ObjectionView",
    "RestrictionView",
    "StoredLetter",
    "SystemTaskView",
    "TaskKind",
    "active_restrictions",
    "apply_erasure",
    "create_system_tasks",
    "draw_up_erasure_matrix",
    "draw_up_matrix_in",
    "draw_up_notices",
    "erasure_matrix",
    "field_changes",
    "is_restricted",
    "kept_until_items",
    "last_backup_expiry",
    "lift_restriction",
    "mark_kept_erased",
    "mark_not_notified",
    "mark_notified",
    "mark_task_done",
    "notice_email_text",
    "notices",
    "object_to_marketing",
    "object_to_processing",
    "open_notice_count",
    "record_restriction_notice",
    "rectify",
    "render_rights_letter",
    "restrict",
    "set_erasure_line",
    "store_rights_letter",
    "subject_objections",
    "subject_restrictions",
    "system_tasks",
]
