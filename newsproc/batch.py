"""Running the analysis over many inputs: workers, ordering, output, progress and the summary.

Analysis knows nothing of this module: a worker gets a `Task`, returns the serialised record (or error
record), and this module writes results in input order. Memory stays bounded: at most a few tasks per
worker are in flight, and nothing is kept once written.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import signal
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError, OutputError, error_record
from .output.record import SCHEMA
from .reader.sources import ReadOptions, Task, failure_source, read_task, with_bytes


SERIAL_BELOW = 8  # fewer inputs than this are analysed in the main process
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".newsproc-", ".tmp"


@dataclass(frozen=True)
class Settings:
    read: ReadOptions = field(default_factory=ReadOptions)
    lexicons: tuple[str, ...] = ()
    use_cache: bool = True
    pretty: bool = False


@dataclass
class Result:
    task: Task
    ok: bool
    id: str
    json: str          # the serialised record or error record, without a trailing newline
    code: str | None = None


def dumps(record: dict, pretty: bool = False) -> str:
    if pretty:
        return json.dumps(record, ensure_ascii=False, indent=2)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


# --- worker side ---------------------------------------------------------------------------------------

_pipeline = None
_settings: Settings | None = None


def init_worker(settings: Settings) -> None:
    """Build the pipeline once per process (a forked worker inherits the parent's, already loaded)."""
    global _pipeline, _settings
    from .pipeline import Pipeline

    if _pipeline is None or _settings is None or _settings.lexicons != settings.lexicons:
        _pipeline = Pipeline(settings.lexicons, use_cache=settings.use_cache)
    _settings = settings


def _init_pool_worker(settings: Settings) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what stops, so workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init_worker(settings)


def process(task: Task) -> Result:
    """Analyse one task. Never raises: every failure becomes an error record."""
    settings = _settings
    try:
        article = read_task(task, settings.read)
        record = _pipeline.analyze(article)
        return Result(task, True, article.id, dumps(record, settings.pretty))
    except Exception as exc:  # noqa: BLE001 - the one place failures become records
        if os.environ.get("NEWSPROC_DEBUG"):
            import traceback

            traceback.print_exc(file=sys.stderr)
        record = error_record(failure_source(task), exc)
        return Result(task, False, task.id, dumps(record, settings.pretty), record["error"]["code"])


def _process_chunk(tasks: list[Task]) -> list[Result]:
    return [process(task) for task in tasks]


# --- driver side ---------------------------------------------------------------------------------------

def chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def in_order(submit: Callable, chunked: Iterable[list[Task]], limit: int) -> Iterator[Result]:
    """Submit chunks (to a process pool or a Dask cluster) and yield their results in input order, with at
    most `limit` chunks in flight, so memory stays flat on any number of inputs."""
    in_flight: deque = deque()
    for chunk in chunked:
        in_flight.append(submit(chunk))
        while len(in_flight) >= limit:
            yield from in_flight.popleft().result()
    while in_flight:
        yield from in_flight.popleft().result()


def run(tasks: Iterable[Task], settings: Settings, workers: int = 1) -> Iterator[Result]:
    """Yield one Result per task, in input order."""
    init_worker(settings)
    tasks = iter(tasks)
    # A handful of inputs is done before worker processes would even have started.
    first = list(itertools.islice(tasks, SERIAL_BELOW))
    if workers <= 1 or len(first) < SERIAL_BELOW:
        for task in itertools.chain(first, tasks):
            yield process(task)
        return
    tasks = itertools.chain(first, tasks)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_pool_worker,
                             initargs=(settings,)) as pool:
        try:
            yield from in_order(lambda chunk: pool.submit(_process_chunk, chunk), chunks(tasks, 4), workers * 4)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # the chunks not yet started are dropped
            raise


# --- output --------------------------------------------------------------------------------------------

def safe_relative_path(article_id: str) -> Path:
    """A path under the output folder for an id: folders kept, unsafe characters replaced."""
    parts = []
    for part in article_id.replace("\\", "/").split("/"):
        part = "".join(ch if ch.isalnum() or ch in "-_.:" else "_" for ch in part).replace(":", "_")
        if part in ("", ".", ".."):
            part = "_"
        parts.append(part)
    return Path(*parts)


def output_names(output_dir: Path, article_id: str, suffix: str = ".json") -> Iterator[Path]:
    """`<id>.json`, then `<id>~2.json`, `<id>~3.json` … for further inputs with the same id."""
    relative = safe_relative_path(article_id)
    yield output_dir / relative.with_name(relative.name + suffix)
    for number in itertools.count(2):
        yield output_dir / relative.with_name(f"{relative.name}~{number}{suffix}")


def _same_input(source: dict, path: str, line: int | None) -> bool:
    return source.get("line") == line and (source.get("path") == path
                                           or os.path.realpath(str(source.get("path"))) == os.path.realpath(path))


def _source_in(path: Path) -> dict | None:
    """The `source` of the record in an output file, or None when the file is not a whole, valid record."""
    try:
        with open(path, encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA or not isinstance(record.get("source"), dict):
        return None
    return record["source"]


def _output_path(output_dir: Path, article_id: str, task: Task, run_started: float) -> Path:
    """The first free name for a record: not written by this run, and not another input's record from an
    earlier run (which a resumed run still needs). An input's own earlier record, or a file that is not a
    valid record, is replaced. No list of names is kept, so memory stays flat however many are written."""
    for path in output_names(output_dir, article_id):
        try:
            if path.stat().st_mtime >= run_started:
                continue
        except FileNotFoundError:
            return path
        source = _source_in(path)
        if source is None or _same_input(source, task.path, task.line):
            return path


def already_done(task: Task, options: ReadOptions, output_dir: Path) -> bool:
    """Whether an earlier run wrote this input's record from the same bytes (for --resume). `task` carries
    its bytes (`with_bytes`); a file's or standard input's record id is the task's, so only a JSON line,
    whose id may be a field, is parsed here."""
    if task.data is None:
        return False  # failed during discovery or reading: the analysis reports it
    if task.kind == "line":
        try:
            article_id = read_task(task, options).id
        except InputError:
            return False
    else:
        article_id = task.id
    digest = hashlib.sha256(task.data).hexdigest()
    for path in output_names(output_dir, article_id):
        if not path.exists():
            return False
        source = _source_in(path)
        if source is not None and _same_input(source, task.path, task.line):
            return source.get("sha256") == digest
    return False


def not_done(tasks: Iterable[Task], options: ReadOptions, output_dir: Path, summary: "Summary") -> Iterator[Task]:
    """The tasks whose record is not already in `output_dir`; the others are counted as skipped. Each file
    is read once, here: the task goes on with its bytes."""
    for task in tasks:
        task = with_bytes(task, options)
        if already_done(task, options, output_dir):
            summary.skipped += 1
        else:
            yield task


def remove_temporaries(output_dir: Path) -> int:
    """Delete the temporary files a killed run left in the output folder (they are never a visible .json)."""
    removed = 0
    for folder, _folders, files in os.walk(output_dir):
        for name in files:
            if name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def write_atomic(path: Path, data: str) -> None:
    """Write `data` to `path` so that a reader sees the old file, or the whole new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=TEMPORARY_PREFIX,
                                             suffix=TEMPORARY_SUFFIX, delete=False)
        try:
            with handle:
                handle.write(data)
                handle.write("\n")
            os.replace(handle.name, path)
        except BaseException:
            os.unlink(handle.name)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}", "output_error") from None


class Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, stream, enabled: bool):
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0

    def update(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(f"\r\x1b[K{done} articles, {failed} failed, {rate:.0f}/s")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class _uninterrupted:
    """Ctrl-C during a write waits until the record is whole: output is never half-written."""

    def __enter__(self):
        self.pending = False
        try:
            self.previous = signal.signal(signal.SIGINT, self._defer)
        except ValueError:  # not the main thread: signals cannot be handled here anyway
            self.previous = None
        return self

    def _defer(self, _signum, _frame):
        self.pending = True

    def __exit__(self, *_exc):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        if self.pending:
            raise KeyboardInterrupt
        return False


@dataclass
class Summary:
    started: float = field(default_factory=time.time)   # wall clock, to recognise files this run wrote
    articles: int = 0
    failed: int = 0
    skipped: int = 0     # --resume: already done by an earlier run
    seconds: float = 0.0
    interrupted: bool = False

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        state = " (interrupted)" if self.interrupted else ""
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (f"newsproc: {self.articles} articles, {self.failed} failed{skipped}, {self.seconds:.2f} s "
                f"({rate:.1f} articles/s){state}")


def write_results(results: Iterable[Result], stdout, output_dir: Path | None, fail_fast: bool,
                  on_result: Callable[[Summary], None] | None = None, summary: Summary | None = None) -> Summary:
    """Write each result where it belongs; records to stdout or to `output_dir`, error records to stdout."""
    summary = summary or Summary()
    for result in results:
        with _uninterrupted():
            if output_dir is not None and result.ok:
                write_atomic(_output_path(output_dir, result.id, result.task, summary.started), result.json)
            else:
                stdout.write(result.json + "\n")
                stdout.flush()
            summary.articles += 1
            summary.failed += not result.ok
        if on_result:
            on_result(summary)
        if fail_fast and not result.ok:
            break
    return summary
