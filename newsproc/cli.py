"""The command line: a thin layer that parses options and calls the library.

Exit statuses (errors.ExitStatus): 0 every input analysed, 1 at least one input became an error record,
2 usage error (bad option, bad lexicon file, unwritable output folder), 130 interrupted.
Records go to stdout; progress, warnings and the summary go to stderr.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ExitStatus, LexiconError, NewsprocError, OutputError, UsageError
from .reader.sources import DEFAULT_GLOBS, DEFAULT_MAX_BYTES, ReadOptions


def _fail(message: str, status: ExitStatus = ExitStatus.USAGE):
    click.echo(f"newsproc: error: {message}", err=True)
    sys.exit(int(status))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsproc")
def main():
    """Turn Arabic news articles into structured JSON: actors, statements and events."""


def _input_options(command):
    """The options that choose and read inputs, shared by `analyze` and `render`."""
    options = [
        click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                     help=f"File names to take from folders (repeatable; default: {' '.join(DEFAULT_GLOBS)})."),
        click.option("--format", "input_format", type=click.Choice(["auto", "text", "jsonl"]), default="auto",
                     show_default=True,
                     help="Input format; auto decides by extension (.jsonl) and for stdin by a leading '{'."),
        click.option("--text-field", default="text", show_default=True, help="JSON Lines field holding the article text."),
        click.option("--title-field", default="title", show_default=True, help="JSON Lines field holding the title."),
        click.option("--id-field", default="id", show_default=True, help="JSON Lines field holding the article id."),
        click.option("--date-field", default="date", show_default=True, help="JSON Lines field holding the date."),
        click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: the number of cores)."),
        click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False),
                     help="An extra lexicon YAML file (repeatable)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Largest article accepted, in bytes."),
        click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _read_options(globs, input_format, text_field, title_field, id_field, date_field, max_bytes) -> ReadOptions:
    return ReadOptions(text_field, title_field, id_field, date_field, max_bytes, input_format,
                       tuple(globs) or DEFAULT_GLOBS)


def _load_pipeline(settings) -> None:
    """Compile the lexicons and load the model once; forked workers inherit them."""
    from .batch import init_worker

    try:
        init_worker(settings)
    except LexiconError as exc:
        _fail(exc.message)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_input_options
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one <id>.json per article into this folder instead of JSON Lines on stdout.")
@click.option("--resume", is_flag=True,
              help="With --output: skip inputs whose record an earlier run already wrote there (same file or "
                   "line, same bytes); the rest are analysed.")
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help='Where to run: worker processes here, or a Dask cluster (pip install "newsproc[dask]").')
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler of an existing cluster (tcp://host:8786); default: a "
                   "local cluster of --workers processes.")
def analyze(inputs, globs, input_format, text_field, title_field, id_field, date_field, workers, lexicons,
            max_bytes, quiet, output_dir, resume, pretty, fail_fast, engine, scheduler):
    """Analyse articles: files, folders (recursive) or - for standard input.

    Prints one JSON object per article (JSON Lines), in input order. An input that cannot be analysed
    becomes an error record {"source": …, "error": {"code", "message"}} and the run goes on.
    """
    from .batch import Progress, Settings, Summary, not_done, remove_temporaries, run, write_results
    from .reader.sources import iter_tasks

    options = _read_options(globs, input_format, text_field, title_field, id_field, date_field, max_bytes)
    settings = Settings(options, tuple(lexicons), pretty=pretty)
    if resume and output_dir is None:
        _fail("--resume needs --output DIR (records on standard output cannot be resumed)")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    if output_dir is not None:
        _check_output_dir(output_dir)
        removed = remove_temporaries(output_dir)
        if removed and not quiet:
            click.echo(f"newsproc: removed {removed} unfinished temporary file(s) left in {output_dir} by an "
                       "interrupted run", err=True)
    _load_pipeline(settings)
    workers = workers or os.cpu_count() or 1
    stdin = sys.stdin.buffer if "-" in inputs else None
    tasks = iter_tasks(list(inputs), options, stdin)
    progress = Progress(sys.stderr, sys.stderr.isatty() and not quiet)
    summary = Summary()
    if resume:
        tasks = not_done(tasks, options, output_dir, summary)
    import time

    started = time.monotonic()
    status = ExitStatus.SUCCESS
    if engine == "dask":
        from . import dask_engine

        results = dask_engine.run(tasks, settings, scheduler, workers)
    else:
        results = run(tasks, settings, workers)
    try:
        write_results(results, sys.stdout, output_dir, fail_fast,
                      on_result=lambda s: progress.update(s.articles, s.failed), summary=summary)
    except UsageError as exc:
        progress.clear()
        _fail(exc.message)
    except KeyboardInterrupt:
        summary.interrupted = True
        status = ExitStatus.INTERRUPTED
    except OutputError as exc:
        progress.clear()
        _report(summary, started, quiet)
        _fail(exc.message, ExitStatus.INPUT_FAILED)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do.
        sys.stderr.close()
        os._exit(0)
    progress.clear()
    _report(summary, started, quiet)
    if status == ExitStatus.SUCCESS and summary.failed:
        status = ExitStatus.INPUT_FAILED
    sys.exit(int(status))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_input_options
@click.option("-o", "--output", "output", type=click.Path(path_type=Path),
              help="FILE.html for one article (default: standard output), or a folder: one page per article "
                   "and index.html.")
@click.option("--records", is_flag=True,
              help="The inputs are records written by `newsproc analyze` (.json files, JSON Lines, folders of "
                   "them): render them without analysing again.")
def render(inputs, globs, input_format, text_field, title_field, id_field, date_field, workers, lexicons,
           max_bytes, quiet, output, records):
    """See analysed articles: a right-to-left HTML page with actors, statements and events marked.

    One article gives one self-contained page; with -o DIR, every article gets a page and DIR/index.html
    lists them with their actor counts.
    """
    import time

    from .batch import Settings, Summary, run
    from .output.pages import read_records, records_of, write_pages

    batch = output is not None and output.suffix.lower() not in (".html", ".htm")
    if batch and output.exists() and not output.is_dir():
        _fail(f"{output} is a file: give a folder for several pages, or a name ending in .html")
    started = time.monotonic()
    summary = Summary()
    if records:
        found = read_records(list(inputs), sys.stdin if "-" in inputs else None)
    else:
        from .reader.sources import iter_tasks

        settings = Settings(_read_options(globs, input_format, text_field, title_field, id_field, date_field,
                                          max_bytes), tuple(lexicons))
        _load_pipeline(settings)
        stdin = sys.stdin.buffer if "-" in inputs else None
        found = records_of(run(iter_tasks(list(inputs), settings.read, stdin), settings,
                               workers or os.cpu_count() or 1))
    try:
        if batch:
            write_pages(found, output, summary, " ".join(inputs))
        else:
            _render_one(found, output, summary)
    except KeyboardInterrupt:
        summary.interrupted = True
        _report(summary, started, quiet)
        sys.exit(int(ExitStatus.INTERRUPTED))
    except OutputError as exc:
        _fail(exc.message, ExitStatus.INPUT_FAILED)
    _report(summary, started, quiet)
    sys.exit(int(ExitStatus.INPUT_FAILED if summary.failed else ExitStatus.SUCCESS))


def _render_one(found, output, summary) -> None:
    """The page of the one article the inputs hold, to `output` or standard output."""
    from .batch import write_atomic
    from .output.pages import page_of

    record = next(found, None)
    if record is None:
        _fail("no article found in the inputs")
    if next(found, None) is not None:
        _fail("the inputs hold several articles: render them into a folder with -o DIR")
    summary.articles = 1
    page, record = page_of(record) if "error" not in record else (None, record)
    if page is None:
        summary.failed = 1
        click.echo(f"newsproc: error: {record['error']['message']} [{record['error']['code']}]", err=True)
        return
    if output is None:
        sys.stdout.write(page)
    else:
        write_atomic(output, page)


def _report(summary, started, quiet):
    import time

    summary.seconds = time.monotonic() - started
    if not quiet:
        click.echo(summary.line(), err=True)


def _check_output_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"cannot create output folder {path}: {exc.strerror or exc}")
    if not os.access(path, os.W_OK | os.X_OK):
        _fail(f"output folder {path} is not writable")


@main.command()
@click.argument("input_path", metavar="FILE")
@click.option("--key", "show_key", is_flag=True, help="Print the matching key instead of the clean view.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
def normalize(input_path, show_key, max_bytes):
    """Print the clean view of FILE (or - for standard input); --key prints the matching key."""
    from .reader.sources import Task, read_task
    from .text.normalize import clean_view, key_view

    options = ReadOptions(max_bytes=max_bytes, format="text")
    if input_path == "-":
        task = Task("stdin", "<stdin>", "stdin", data=sys.stdin.buffer.read())
    elif not Path(input_path).exists():
        _fail(f"no such file: {input_path}", ExitStatus.INPUT_FAILED)
    else:
        task = Task("file", input_path, Path(input_path).stem)
    try:
        article = read_task(task, options)
    except NewsprocError as exc:
        _fail(f"{exc.message} [{exc.code}]", ExitStatus.INPUT_FAILED)
    clean = clean_view(article.text)
    view = key_view(clean) if show_key else clean
    sys.stdout.write(view.text)
    if not view.text.endswith("\n"):
        sys.stdout.write("\n")


@main.group()
def lexicon():
    """Lexicon files: check them."""


@lexicon.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def lexicon_check(files):
    """Validate lexicon YAML files; errors name the file, line and field."""
    from .lexicon.load import read_lexicon_file

    failed = False
    for path in files:
        try:
            lexicon_file = read_lexicon_file(path)
        except LexiconError as exc:
            click.echo(f"newsproc: error: {exc.message}", err=True)
            failed = True
            continue
        counts = ", ".join(f"{len(v)} {k}" for k, v in {**lexicon_file.sections, **lexicon_file.lists}.items())
        click.echo(f"{path}: ok ({counts or 'empty'})")
    sys.exit(int(ExitStatus.USAGE if failed else ExitStatus.SUCCESS))


@main.command()
@click.argument("input_path", metavar="FILE")
@click.option("--input-format", type=click.Choice(["text", "conll"]), default="text", show_default=True,
              help="text: an article (tokens are newsproc's); conll: one token per line, blank line between "
                   "sentences (tags are written for exactly those tokens).")
@click.option("--model", type=click.Path(dir_okay=False, exists=True), help="A model from train-ner.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False))
def ner(input_path, input_format, model, lexicons):
    """Named entities as CoNLL: token<TAB>tag with B-/I- PERS, LOC, ORG (ANERcorp conventions)."""
    from .ner.service import tag_conll_file, tag_text_file

    try:
        if input_format == "conll":
            lines = tag_conll_file(input_path, model, tuple(lexicons))
        else:
            lines = tag_text_file(input_path, model, tuple(lexicons))
        for line in lines:
            sys.stdout.write(line + "\n")
    except (NewsprocError, OSError) as exc:
        _fail(getattr(exc, "message", None) or str(exc), ExitStatus.INPUT_FAILED)


@main.command("train-ner")
@click.argument("conll", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", "model_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write the model.")
@click.option("--holdout", type=click.IntRange(min=2), default=None,
              help="Train on the first (N-1)/N of the sentences only (the development protocol uses 6).")
@click.option("--iterations", type=click.IntRange(min=1), default=150, show_default=True)
def train_ner(conll, model_path, holdout, iterations):
    """Train the name tagger on a CoNLL file (e.g. ANERcorp's training part)."""
    from .ner.service import train_file

    sentences, seconds = train_file(conll, model_path, holdout, iterations)
    click.echo(f"trained on {sentences} sentences in {seconds:.0f} s: {model_path}", err=True)


@main.command("eval-ner")
@click.argument("conll", type=click.Path(dir_okay=False, exists=True))
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="Evaluate this model on the whole file (default: the development protocol).")
@click.option("--holdout", type=click.IntRange(min=2), default=6, show_default=True,
              help="Development protocol: train on the first (N-1)/N sentences, score the last 1/N.")
def eval_ner(conll, model, holdout):
    """Precision, recall and F1 per type (PERS, LOC, ORG; MISC counts as O), exact chunk match."""
    from .ner.service import evaluate_file

    report = evaluate_file(conll, model, holdout)
    click.echo(report)


@main.command()
def schema():
    """Print the JSON Schema of the output records."""
    from importlib import resources

    sys.stdout.write((resources.files("newsproc") / "schema" / "article.schema.json").read_text("utf-8"))


if __name__ == "__main__":  # pragma: no cover
    main()
