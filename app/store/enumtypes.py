"""The column type of a column that holds one member of a StrEnum (a case's status, an
erasure line's decision...).

It stores the member's value, the very text such columns held before they had a type, so no
data changes; it reads the member back, so the code compares members, not strings; and it
refuses, when the value is bound, anything that is not one of the enum's values, so a typo
or another enum's member never reaches the file.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any, TypeVar

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """`EnumText(Status, 24)`: a VARCHAR(24) holding a `Status` value."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        # Both arguments are attributes of the same name: SQLAlchemy's cache key reads them.
        self.enum = enum
        self.length = length
        self._members: dict[str, E] = {m.value: m for m in enum}

    @property
    def python_type(self) -> type[E]:
        return self.enum

    def member(self, value: object) -> E:
        """The member `value` is (a member or its value), or ValueError naming both."""
        found = None
        if isinstance(value, str) and not (
            isinstance(value, Enum) and not isinstance(value, self.enum)
        ):
            found = self._members.get(value)
        if found is None:
            raise ValueError(f"{value!r} is not a {self.enum.__name__} value")
        return found

    def process_bind_param(self, value: object, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.member(value).value

    def process_result_value(self, value: Any | None, dialect: Dialect) -> E | None:
        if value is None:
            return None
        return self.member(value)
