"""Errors a person sees. The message is a Chinese sentence that says what to do; details go to the log."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix. ``str(error)`` is the sentence shown to them."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None, command: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        # What to type at the command line to fix it: the CLI prints it, a window never shows it (a clerk
        # does not type commands; the sentence says who does what).
        self.command = command


class PermissionDenied(UserError):
    exit_code = 3


class ValidationError(UserError):
    """Bad input. ``fields`` maps a field name to the sentence about it."""

    exit_code = 2

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("；".join(self.fields.values()))


class DatabaseTooNew(UserError):
    exit_code = 4
