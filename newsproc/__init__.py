"""newsproc: Arabic news articles to structured JSON — actors, statements and events.

    >>> import newsproc
    >>> record = newsproc.analyze_text("قال وزير الخارجية الأمريكي أنتوني بلينكن إن …")

`analyze_text` and `analyze_file` return exactly the record the command line prints. The lexicons are
compiled once per process (and cached on disk), so calling them in a loop is cheap after the first call.
"""
from __future__ import annotations

import hashlib

__version__ = "0.1.0"
__all__ = ["analyze_text", "analyze_file", "__version__"]

_pipelines: dict = {}


def _pipeline(lexicons):
    from .pipeline import Pipeline

    key = tuple(str(p) for p in lexicons)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(key)
    return _pipelines[key]


def analyze_text(text: str, title: str | None = None, id: str | None = None, date: str | None = None,
                 lexicons=()) -> dict:
    """Analyse one article given as a string.

    Without `title`, the first line is taken as the title when it looks like one (as for a text file).
    Raises newsproc.errors.InputError for empty text.
    """
    from .errors import InputError
    from .reader.sources import Article

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the text is empty", "empty_input")
    source = {"path": None, "encoding": None, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    article = Article(text, id or "text", title, date, source, detect_title=title is None)
    return _pipeline(lexicons).analyze(article)


def analyze_file(path, lexicons=(), max_bytes: int | None = None) -> dict:
    """Analyse one text file; the record is the one `newsproc analyze PATH` prints.

    Raises newsproc.errors.InputError (with a stable `.code`) when the file cannot be analysed.
    """
    from pathlib import Path

    from .reader.sources import DEFAULT_MAX_BYTES, ReadOptions, Task, read_task

    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        raise ValueError("analyze_file reads one article; iterate over the lines of a JSON Lines file "
                         "and call analyze_text, or run `newsproc analyze` on it")
    options = ReadOptions(max_bytes=max_bytes or DEFAULT_MAX_BYTES, format="text")
    article = read_task(Task("file", str(path), path.stem), options)
    return _pipeline(lexicons).analyze(article)
