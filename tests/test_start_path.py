"""What starting the workbench does not pay for: the libraries only some actions need are
imported when first used, and the schema check reads the migration files, not Alembic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from alembic.script import ScriptDirectory

from app.store import migrate

DEFERRED = ("alembic", "reportlab", "openpyxl", "extract_msg", "holidays")

_IMPORT_AND_LIST = """
import json, sys
import app.ui.main_window
import app.ui.app
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in sys.argv[1:])))
"""


def test_the_main_window_imports_none_of_the_deferred_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_LIST, *DEFERRED],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_head_revision_read_from_the_files_is_alembics() -> None:
    script = ScriptDirectory.from_config(migrate._alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert migrate._revision_graph()[0] is not None  # the fast path, not the fallback
