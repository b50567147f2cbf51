"""Finding inputs and reading one article from each.

Discovery (`iter_tasks`) runs in the main process and is lazy: folders are walked in sorted order and
JSON Lines files are read line by line, so a million inputs never sit in memory. Each `Task` is small and
picklable; `read_task` (run in a worker) turns it into an `Article` or raises an error with a stable code.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .decode import decode

DEFAULT_GLOBS = ("*.txt", "*.jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_MAX_BYTES = 5_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    title_field: str = "title"
    id_field: str = "id"
    date_field: str = "date"
    max_bytes: int = DEFAULT_MAX_BYTES
    format: str = "auto"            # auto | text | jsonl
    globs: tuple[str, ...] = DEFAULT_GLOBS


@dataclass(frozen=True)
class Task:
    kind: str                       # "file" | "line" | "stdin" | "failed"
    path: str                       # as the user gave it (or joined from a folder)
    id: str
    line: int | None = None
    data: bytes | None = None       # the bytes of a JSON line, of standard input, or of a file read ahead
    error: tuple[str, str] | None = None  # (code, message) for inputs that failed during discovery


@dataclass
class Article:
    text: str
    id: str
    title: str | None
    date: str | None
    source: dict = field(default_factory=dict)
    detect_title: bool = True
    warnings: list[dict] = field(default_factory=list)   # from reading: a damaged but readable input


def _source(task: Task, encoding: str | None = None, digest: str | None = None) -> dict:
    source = {"path": task.path}
    if task.line is not None:
        source["line"] = task.line
    source["encoding"] = encoding
    source["sha256"] = digest
    return source


def failure_source(task: Task) -> dict:
    """The `source` object of an error record for `task`."""
    return _source(task)


def _is_jsonl(path: str, options: ReadOptions) -> bool:
    if options.format != "auto":
        return options.format == "jsonl"
    return path.lower().endswith(JSONL_SUFFIXES)


def _id_from_path(path: Path, root: Path | None) -> str:
    relative = path.relative_to(root) if root is not None else Path(path.name)
    return relative.with_suffix("").as_posix()


def walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    """The files under `root` whose names match `globs`, in sorted order, hidden ones skipped."""
    # followlinks=False: a symlink loop cannot trap the walk; symlinked files are still read.
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if any(fnmatch.fnmatch(name, pattern) for pattern in globs):
                yield Path(folder) / name


def iter_tasks(inputs: list[str], options: ReadOptions, stdin=None) -> Iterator[Task]:
    """Yield one task per article, in input order. Failures found while listing become failed tasks."""
    for raw in inputs:
        if raw == "-":
            data = stdin.read() if stdin is not None else b""
            if options.format == "jsonl" or (options.format == "auto" and data.lstrip()[:1] == b"{"):
                yield from _line_tasks(data.splitlines(), "<stdin>", "stdin")
            else:
                yield Task("stdin", "<stdin>", "stdin", data=data)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in walk(path, options.globs):
                yield from _file_tasks(file, path, options)
        elif path.exists() or path.is_symlink():
            yield from _file_tasks(path, None, options)
        else:
            yield Task("failed", raw, path.stem or raw, error=("not_found", f"no such file or folder: {raw}"))


def _file_tasks(path: Path, root: Path | None, options: ReadOptions) -> Iterator[Task]:
    article_id = _id_from_path(path, root)
    if not _is_jsonl(str(path), options):
        yield Task("file", str(path), article_id)
        return
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Task("failed", str(path), article_id, error=_os_error(exc, str(path)))
        return
    with handle:
        yield from _line_tasks(handle, str(path), article_id)


def _line_tasks(lines, path: str, stem: str) -> Iterator[Task]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield Task("line", path, f"{stem}:{number}", line=number, data=line)


def _os_error(exc: OSError, path: str) -> tuple[str, str]:
    if isinstance(exc, FileNotFoundError):
        return "not_found", f"no such file: {path}"
    if isinstance(exc, PermissionError):
        return "permission_denied", f"permission denied: {path}"
    if isinstance(exc, IsADirectoryError):
        return "read_error", f"{path} is a folder"
    return "read_error", f"cannot read {path}: {exc.strerror or exc}"


def _read_bytes(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(_os_error(exc, path)[1], _os_error(exc, path)[0]) from None
    if len(data) > limit:
        raise InputError(f"{path}: larger than --max-bytes ({limit:,} bytes)", "too_large")
    return data


def with_bytes(task: Task, options: ReadOptions) -> Task:
    """The task with its file's bytes read now, for a worker that cannot see this machine's files (a Dask
    cluster); a file that cannot be read becomes a failed task with the error `read_task` would raise."""
    if task.kind != "file" or task.data is not None:
        return task
    try:
        return replace(task, data=_read_bytes(task.path, options.max_bytes))
    except InputError as exc:
        return replace(task, kind="failed", error=(exc.code, exc.message))


def read_task(task: Task, options: ReadOptions) -> Article:
    """Read and decode the article a task stands for; raise InputError with a stable code on failure."""
    if task.kind == "failed":
        code, message = task.error
        raise InputError(message, code)
    if task.kind == "line":
        return _read_json_line(task, options)
    data = task.data if task.data is not None else _read_bytes(task.path, options.max_bytes)
    if len(data) > options.max_bytes:
        raise InputError(f"{task.path}: larger than --max-bytes ({options.max_bytes:,} bytes)", "too_large")
    text, encoding, warnings = decode(data, task.path)
    text = _universal_newlines(text)
    if not text.strip():
        raise InputError(f"{task.path}: the input holds no text", "empty_input")
    return Article(text, task.id, None, None, _source(task, encoding, hashlib.sha256(data).hexdigest()),
                   warnings=warnings)


def _universal_newlines(text: str) -> str:
    # Offsets index the text as Python's universal-newline reading gives it: \r\n and \r become \n.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _read_json_line(task: Task, options: ReadOptions) -> Article:
    where = f"{task.path}, line {task.line}"
    if len(task.data) > options.max_bytes:
        raise InputError(f"{where}: larger than --max-bytes ({options.max_bytes:,} bytes)", "too_large")
    raw, encoding, warnings = decode(task.data, where)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})", "invalid_json") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object is expected, found {type(record).__name__}", "invalid_json")
    if options.text_field not in record:
        raise InputError(f"{where}: no {options.text_field!r} field (choose another with --text-field)",
                         "missing_field")
    text = record[options.text_field]
    if not isinstance(text, str):
        raise InputError(f"{where}: field {options.text_field!r} must be a string, "
                         f"found {type(text).__name__}", "invalid_field")
    text = _universal_newlines(text)
    if not text.strip():
        raise InputError(f"{where}: field {options.text_field!r} holds no text", "empty_input")
    if _SURROGATE.search(text):
        # JSON may escape halves of UTF-16 pairs (\ud800) that are no character and cannot be written out.
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings = [*warnings, {"code": "invalid_characters", "message":
                                f"{count} lone UTF-16 surrogate escape(s) were replaced by U+FFFD"}]
    values = {}
    for name, option in (("title", options.title_field), ("id", options.id_field), ("date", options.date_field)):
        value = record.get(option)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
            raise InputError(f"{where}: field {option!r} must be a string, found {type(value).__name__}",
                             "invalid_field")
        values[name] = None if value is None else _SURROGATE.sub("\ufffd", str(value))
    return Article(
        text,
        values["id"] or task.id,
        values["title"],
        values["date"],
        _source(task, encoding, hashlib.sha256(task.data).hexdigest()),
        detect_title=False,
        warnings=warnings,
    )
