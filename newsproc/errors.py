"""Errors, their stable codes, and the one place that maps them to exit statuses.

Every failure a user can meet is an `InputError` (one article cannot be analysed; the batch goes on)
or a `UsageError` (the run cannot start as asked, or click's own option errors: exit 2). `error_record` is the only function that turns
an exception into the error record written to the output stream, so codes and messages stay consistent.
"""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    SUCCESS = 0
    INPUT_FAILED = 1   # at least one input became an error record
    USAGE = 2          # bad options or arguments (click's own status)
    INTERRUPTED = 130  # Ctrl-C


class NewsprocError(Exception):
    """Base class: carries a stable machine-readable `code`."""

    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class InputError(NewsprocError):
    """One input (file, JSON line, stdin) cannot be read or analysed."""

    code = "input_error"


class LexiconError(NewsprocError):
    """A lexicon file is malformed; the message names file, line and field."""

    code = "lexicon_error"


class UsageError(NewsprocError):
    """The run cannot start as asked (an engine that is not installed, a scheduler out of reach): exit 2."""

    code = "usage_error"


class OutputError(NewsprocError):
    """Output cannot be written (unwritable directory, full disk)."""

    code = "output_error"


# Stable codes used in error records. Documented in the README; never renamed.
ERROR_CODES = {
    "not_found": "the path does not exist",
    "permission_denied": "the file cannot be read",
    "read_error": "the file could not be read (I/O error, vanished during the run)",
    "binary_input": "the input is binary data, not text",
    "undecodable": "the bytes are not text in any supported encoding",
    "empty_input": "the input holds no text",
    "too_large": "the input is larger than --max-bytes",
    "invalid_json": "a JSON Lines line is not valid JSON or not an object",
    "missing_field": "a JSON Lines record has no text field",
    "invalid_field": "a JSON Lines field has the wrong type",
    "internal_error": "a bug in newsproc: please report it with the input",
}


def error_record(source: dict, exc: BaseException) -> dict:
    """The error record for `source` (a dict with at least `path`) and the exception that ended it."""
    if isinstance(exc, NewsprocError):
        code, message = exc.code, exc.message
    elif isinstance(exc, FileNotFoundError):
        code, message = "not_found", f"no such file: {source.get('path')}"
    elif isinstance(exc, PermissionError):
        code, message = "permission_denied", f"permission denied: {source.get('path')}"
    elif isinstance(exc, (IsADirectoryError, OSError)):
        code, message = "read_error", f"cannot read {source.get('path')}: {exc.strerror or exc}"
    else:
        code = "internal_error"
        message = f"{type(exc).__name__}: {exc}"
    return {"schema": "newsproc.error/1", "source": source, "error": {"code": code, "message": message}}
