"""The retention sweep: for a date, every piece of personal data whose retention period has
run out, with the rule and its legal reference, most overdue first.

Three kinds of item:

- ``subject-data``: a person in the register (not erased) × an activity that applies to them
  × a retention line of that activity, where the rule counted from the person's dates
  (``app.core.retention.earliest_deletion``) has come. An activity applies to a person by its
  subject categories and the person's roles (Customers ↔ customer, Suppliers ↔ supplier,
  Stakeholders ↔ stakeholder); to a person with none of these roles every activity applies,
  and the dates decide. Rules "as required by law", and rules whose date is not known
  (collection), are never listed: there is no date to count from.
- ``kept-under-legal-ground``: data kept after an applied erasure under an Art. 17(3) ground
  until a date that has come (the same lines as ``rights.kept_until_items``).
- ``closed-case``: the workbench's own request cases, closed longer ago than the configured
  period (``case_retention_years``, 3 years by default) and not yet de-identified.

Each retention line becomes a date threshold (a person is due when ``last_purchase <= as_of -
period``), so SQLite does the filtering; each distinct date's deletion date is counted once
per rule. ``sweep`` lists everything at once (a few thousand items; the reference order).
A million people give a million and a half items, too many to hold: ``sweep_plan`` counts
them per number of days overdue, and ``sweep_page`` then reads any page of the list in SQL
(the GUI), ``reading_sweep`` the whole list a window at a time (the CLI, the CSV export).

The officer then creates erasure cases from a selection in one step
(``create_erasure_cases``), and de-identifies the closed cases
(``deidentify_closed_cases``); for the whole list, a batch per transaction
(``create_erasure_cases_for_sweep``, ``deidentify_closed_cases_for_sweep``). Names are
carried for the GUI only: logs get pseudonyms.

The package: ``listing`` (the sweep and its counts, the period of closed cases, the register's
lines and conditions), ``paging`` (``sweep_plan``, ``sweep_page``, ``reading_sweep``),
``actions`` (erasure cases, de-identification, the CSV file); the item is plain data in
``app.core.sweep``, its records and CSV in ``app.reports.sweep_csv``. The names other code
uses are re-exported here.
"""

from __future__ import annotations

from app.core.sweep import (
    SweepItem,
    SweepKind,
)
from app.reports.sweep_csv import (
    RECORD_FIELDS,
    record_fields,
    sweep_csv,
    sweep_record,
    sweep_records,
    write_sweep_csv_rows,
)
from app.services.retention_sweep.actions import (
    DEIDENTIFIED,
    DeidentifiedCase,
    SweepErasures,
    create_erasure_cases,
    create_erasure_cases_for_sweep,
    deidentify_closed_cases,
    deidentify_closed_cases_for_sweep,
    export_sweep_csv,
    sweep_item_key,
)
from app.services.retention_sweep.listing import (
    CASE_RETENTION_KEY,
    CHUNK,
    DEFAULT_CASE_RETENTION_YEARS,
    SweepCancelled,
    SweepCounts,
    case_retention_years,
    set_case_retention_years,
    sweep,
    sweep_counts,
)
from app.services.retention_sweep.paging import (
    SweepPlan,
    SweepStream,
    reading_sweep,
    sweep_page,
    sweep_plan,
)

__all__ = [
    "CASE_RETENTION_KEY",
    "CHUNK",
    "DEFAULT_CASE_RETENTION_YEARS",
    "DEIDENTIFIED",
    "RECORD_FIELDS",
    "DeidentifiedCase",
    "SweepCancelled",
    "SweepCounts",
    "SweepErasures",
    "SweepItem",
    "SweepKind",
    "SweepPlan",
    "SweepStream",
    "case_retention_years",
    "create_erasure_cases",
    "create_erasure_cases_for_sweep",
    "deidentify_closed_cases",
    "deidentify_closed_cases_for_sweep",
    "export_sweep_csv",
    "reading_sweep",
    "record_fields",
    "set_case_retention_years",
    "sweep",
    "sweep_counts",
    "sweep_csv",
    "sweep_item_key",
    "sweep_page",
    "sweep_plan",
    "sweep_record",
    "sweep_records",
    "write_sweep_csv_rows",
]
