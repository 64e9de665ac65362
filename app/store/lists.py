"""Columns that hold a comma-separated list of enum values (a case's request types, a
person's roles): matching one value exactly, never as a substring of another value."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, literal


def lists(column: Any, value: StrEnum) -> ColumnElement[bool]:
    """`column` (e.g. "access,erasure") holds `value` as one whole item."""
    if "," in value.value or "%" in value.value or "_" in value.value:
        raise ValueError(f"{value!r} cannot be an item of a comma-separated list")
    wrapped = literal(",") + column + literal(",")
    return wrapped.like(f"%,{value.value},%")
