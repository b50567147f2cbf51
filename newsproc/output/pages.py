"""What `newsproc render` does with records: one page, or a folder of pages with an index.

Records come from the analysis (the same worker code as `analyze`) or, with `--records`, from files that
`newsproc analyze` wrote. Pages are written atomically; the index is written row by row into a temporary
file and renamed into place at the end, so memory stays flat on any number of articles.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..batch import TEMPORARY_PREFIX, TEMPORARY_SUFFIX, Summary, output_names, write_atomic
from ..errors import OutputError
from ..reader.sources import walk
from .html import article_page, index_head, index_row, index_tail
from .record import SCHEMA

RECORD_GLOBS = ("*.json", "*.jsonl")


def _error(path: str, code: str, message: str) -> dict:
    return {"schema": "newsproc.error/1", "source": {"path": path}, "error": {"code": code, "message": message}}


def _parsed(text: str, where: str) -> dict:
    try:
        record = json.loads(text)
    except ValueError as exc:
        return _error(where, "invalid_json", f"{where}: not valid JSON ({exc})")
    if not isinstance(record, dict):
        return _error(where, "invalid_field", f"{where}: not a newsproc record (schema {SCHEMA})")
    if "error" in record:  # an error record written by analyze: shown as a failed input
        error = record["error"] if isinstance(record["error"], dict) else {}
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        return _error(str(source.get("path", where)), str(error.get("code", "invalid_field")),
                      str(error.get("message", f"{where}: an error record")))
    if record.get("schema") != SCHEMA:
        return _error(where, "invalid_field", f"{where}: not a newsproc record (schema {SCHEMA})")
    return record


def _record_files(paths: list[str]) -> Iterator[Path | dict]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from walk(path, RECORD_GLOBS)
        elif path.is_file():
            yield path
        else:
            yield _error(name, "not_found", f"no such file or folder: {name}")


def read_records(paths: list[str], stdin=None) -> Iterator[dict]:
    """Records from files written by `newsproc analyze`: one record per .json file, one per line of a
    .jsonl file or of standard input (-); a file that holds no record gives an error record."""
    if "-" in paths and stdin is not None:
        for number, line in enumerate(stdin, 1):
            if line.strip():
                yield _parsed(line, f"<stdin>, line {number}")
        paths = [p for p in paths if p != "-"]
    for item in _record_files(paths):
        if isinstance(item, dict):
            yield item
            continue
        try:
            text = item.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield _error(str(item), "read_error", f"{item}: cannot be read ({exc})")
            continue
        if item.suffix == ".jsonl":
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    yield _parsed(line, f"{item}, line {number}")
        else:
            yield _parsed(text, str(item))


def page_of(record: dict) -> tuple[str | None, dict]:
    """(page, record) for a record, or (None, an error record) when a record read from a file lacks fields
    or has values of the wrong type (a hand-edited or foreign file)."""
    try:
        return article_page(record), record
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        where = (record.get("source") or {}).get("path") or record.get("id") or "record"
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        return None, _error(str(where), "invalid_field", f"{where}: not a complete newsproc record ({detail})")


def records_of(results: Iterable) -> Iterator[dict]:
    """Records from the analysis's results (batch.Result)."""
    for result in results:
        yield json.loads(result.json)


def _page_path(output_dir: Path, article_id: str, run_started: float) -> Path:
    """The first page name this run has not written yet (another input may share the id)."""
    return next(path for path in output_names(output_dir, article_id, ".html")
                if not path.exists() or path.stat().st_mtime < run_started)


def write_pages(records: Iterable[dict], output_dir: Path, summary: Summary, inputs: str) -> None:
    """One page per article and `index.html` linking them (failed inputs listed with their codes)."""
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        index = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output_dir, prefix=TEMPORARY_PREFIX,
                                            suffix=TEMPORARY_SUFFIX, delete=False)
    except OSError as exc:
        raise OutputError(f"cannot write into {output_dir}: {exc.strerror or exc}") from None
    try:
        with index:
            index.write(index_head(inputs))
            for record in records:
                summary.articles += 1
                page, record = page_of(record) if "error" not in record else (None, record)
                if page is None:
                    summary.failed += 1
                    index.write(index_row(record, ""))
                    continue
                path = _page_path(output_dir, str(record["id"]), summary.started)
                write_atomic(path, page)
                index.write(index_row(record, path.relative_to(output_dir).as_posix()))
            index.write(index_tail(summary.articles, summary.failed))
        os.replace(index.name, output_dir / "index.html")
    except BaseException:
        os.unlink(index.name)
        raise
