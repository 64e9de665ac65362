"""Errors a user can act on. Each carries a message key of the catalogue and its parameters
(app/core/messages.py), rendered in the reader's language: one clear sentence, never personal
data beyond what the user typed, never a traceback. `str()` of one is its English text, as
logs and tracebacks want it; the GUI and the CLI show `render(language)`."""

from __future__ import annotations

from typing import Any

from app.core.messages import DEFAULT, Message


class UserError(Exception):
    """Something the officer can put right; the message says what.

    `UserError("area.key", name=value, ...)` names a message of the catalogue. Until every
    raise names one, a text that is no key is shown as it is (a test lists where)."""

    def __init__(self, key: str | Message, /, **params: Any) -> None:
        if isinstance(key, Message):
            self.message = Message(key.key, **{**key.params, **params})
        else:
            self.message = Message(key, **params)
        super().__init__(self.message.render(DEFAULT))

    @property
    def key(self) -> str:
        return self.message.key

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params

    def render(self, language: str = DEFAULT) -> str:
        return self.message.render(language)


class InvalidInput(UserError, ValueError):
    """A value typed or imported is not acceptable (a phone number, an e-mail address...)."""


class NotAnEmail(InvalidInput):
    """A file offered as an e-mail cannot be read as one."""


class NotFound(UserError):
    """A case, subject or register entry that does not exist."""


class RuleViolation(UserError):
    """An action the workflow does not allow (an extension after the due date...)."""


class DatabaseProblem(UserError):
    """The database file cannot be used as it is (not a database, written by a newer version,
    locked, read-only, disk full)."""
