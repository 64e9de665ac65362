"""Errors a user can act on. Their messages are shown as they are: one clear sentence,
never personal data beyond what the user typed, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the officer can put right; the message says what."""


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
