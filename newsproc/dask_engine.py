"""Running the analysis on a Dask cluster: `newsproc analyze --engine dask [--scheduler ADDRESS]`.

The same tasks, the same worker code (`batch.process`) and the same writer as the local engine, so the
output is byte for byte the local engine's. What changes is where tasks run: chunks of tasks are submitted
to a Dask cluster — the one at ADDRESS, or a local cluster of one single-threaded process per core — and
their results come back in input order. Files are read here and shipped with their task, so the workers
need not see this machine's disk. At most a few chunks per worker are in flight: memory stays flat on any
number of inputs. Each worker process builds its pipeline once (lexicons and tagger) and keeps it.

Dask is an optional extra (`pip install "newsproc[dask]"`); nothing else in newsproc imports it.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from . import batch
from .errors import UsageError
from .reader.sources import Task, with_bytes

CHUNK = 16            # tasks per Dask task: enough to hide the scheduler's per-task cost
IN_FLIGHT_PER_WORKER = 4
SCHEDULER_TIMEOUT = "10s"


def analyze_chunk(tasks: list[Task], settings: batch.Settings) -> list[batch.Result]:
    """Run on a Dask worker: analyse a chunk with the worker's pipeline (built on the first call)."""
    batch.init_worker(settings)
    results = []
    for task in tasks:
        result = batch.process(task)
        result.task = None  # the bytes need not travel back
        results.append(result)
    return results


def run(tasks: Iterable[Task], settings: batch.Settings, scheduler: str | None = None,
        workers: int | None = None) -> Iterator[batch.Result]:
    """Yield one Result per task, in input order, computed on a Dask cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError('the dask engine needs Dask: pip install "newsproc[dask]"') from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        limit = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        yield from batch.in_order(lambda chunk: client.submit(analyze_chunk, chunk, settings, pure=False),
                                  batch.chunks((with_bytes(task, settings.read) for task in tasks), CHUNK), limit)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

