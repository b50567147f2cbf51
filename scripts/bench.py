"""`make bench [CORPUS=path]`: speed and memory of `newsproc analyze` on a folder, against a floor.

Prints, for the folder:
* the floor: reading the same files and splitting them into tokens with one regular expression, in Python
  (articles/s and tokens/s) — what any analysis costs at the least;
* `newsproc analyze FOLDER` with 1 worker and with all cores: articles/s, tokens/s (the floor's tokens),
  the ratio to the floor, and the peak RSS of the main process and of each worker (VmHWM, read from /proc
  while the run goes on);
* start to exit for one small article (`newsproc analyze FILE`), median of several runs;
* with --stream N: memory while N generated articles are analysed from one JSON Lines file and from a
  folder of N files (RSS sampled at each tenth of the run: flat means streamed);
* with --profile: the top functions of a cProfile run over the folder, one process.

Every figure is measured in this run; nothing is read from earlier runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TOKEN = re.compile(r"\w+|[^\w\s]")
NEWSPROC = Path(sys.executable).with_name("newsproc")
SMALL_ARTICLE = Path(__file__).resolve().parent.parent / "samples" / "000_efdb9537e2f129eb.txt"

# The targets of the performance issue, on a 2-core machine.
TARGET_FLOOR_SHARE = 1 / 50
TARGET_SCALING = 1.7
TARGET_RSS_MB = 200
TARGET_STARTUP_S = 0.5
FLAT_MB = 10


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt") if p.is_file())


def floor(files: list[Path]) -> tuple[float, int, float]:
    """(seconds, tokens, articles/s) for reading the files and splitting them with one regex."""
    started = time.perf_counter()
    tokens = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        tokens += len(TOKEN.findall(text))
    seconds = time.perf_counter() - started
    return seconds, tokens, len(files) / seconds


class MemoryWatch:
    """Peak RSS (VmHWM) of a process and of its children, sampled from /proc while it runs."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid = pid
        self.interval = interval
        self.peaks: dict[int, int] = {}      # pid -> peak RSS in kB
        self.samples: list[int] = []         # total current RSS of the tree, kB, at each sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()

    def _children(self) -> list[int]:
        try:
            with open(f"/proc/{self.pid}/task/{self.pid}/children") as handle:
                return [int(p) for p in handle.read().split()]
        except OSError:
            return []

    @staticmethod
    def _status(pid: int) -> tuple[int, int]:
        hwm = rss = 0
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        rss = int(line.split()[1])
        except OSError:
            pass
        return hwm, rss

    def _run(self):
        while not self._stop.is_set():
            total = 0
            for pid in [self.pid, *self._children()]:
                hwm, rss = self._status(pid)
                if hwm:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), hwm)
                    total += rss
            if total:
                self.samples.append(total)
            self._stop.wait(self.interval)

    def main_peak_mb(self) -> float:
        return self.peaks.get(self.pid, 0) / 1024

    def worker_peaks_mb(self) -> list[float]:
        return sorted((kb / 1024 for pid, kb in self.peaks.items() if pid != self.pid), reverse=True)


def analyze(inputs: list[str], workers: int, extra: tuple[str, ...] = ()) -> tuple[float, MemoryWatch, int]:
    """Run `newsproc analyze` to /dev/null; (seconds, memory watch, exit status)."""
    command = [str(NEWSPROC), "analyze", *inputs, "--workers", str(workers), "-q", *extra]
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        with MemoryWatch(process.pid) as watch:
            _, errors = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return seconds, watch, process.returncode


def startup(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(NEWSPROC), "analyze", "-q", str(SMALL_ARTICLE)], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return times


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def speed(folder: Path, cores: int) -> None:
    files = article_files(folder)
    if not files:
        sys.exit(f"bench: no .txt files under {folder}")
    analyze([str(SMALL_ARTICLE)], 1)  # warm the lexicon cache
    floor(files)  # warm the file cache: both measured runs read from memory
    floor_seconds, tokens, floor_rate = floor(files)
    print(f"corpus: {folder} — {len(files)} articles, {tokens} tokens (regex \\w+|[^\\w\\s])")
    print(f"floor (read + one-regex split, 1 process): {floor_rate:,.0f} articles/s, "
          f"{tokens / floor_seconds:,.0f} tokens/s")
    rates: dict[int, float] = {}
    largest = 0.0  # peak RSS of the largest process in any run, MB
    for workers in sorted({1, cores}):
        seconds, watch, _ = analyze([str(folder)], workers)
        rates[workers] = len(files) / seconds
        workers_rss = watch.worker_peaks_mb()
        per_worker = (", ".join(f"{mb:.0f}" for mb in workers_rss) + " MB") if workers_rss \
            else "none (analysed in the main process)"
        print(f"analyze, {workers} worker{'s' if workers > 1 else ''}: {rates[workers]:,.1f} articles/s, "
              f"{tokens / seconds:,.0f} tokens/s, {seconds:.1f} s; floor/analysis = "
              f"{floor_rate / rates[workers]:,.0f}x; peak RSS main {watch.main_peak_mb():.0f} MB, "
              f"workers {per_worker}")
        largest = max(largest, watch.main_peak_mb(), *workers_rss)
    times = startup(7)
    median = statistics.median(times)
    print(f"start to exit, one small article ({SMALL_ARTICLE.name}), 7 runs: median {median:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    print()
    share = rates[1] / floor_rate
    print(f"target 1 worker >= floor/50 ({floor_rate * TARGET_FLOOR_SHARE:,.1f} articles/s): "
          f"{rates[1]:,.1f} — {verdict(share >= TARGET_FLOOR_SHARE)}")
    if cores > 1:
        scaling = rates[cores] / rates[1]
        print(f"target {cores} workers >= {TARGET_SCALING}x 1 worker: {scaling:.2f}x — "
              f"{verdict(scaling >= TARGET_SCALING)}")
    print(f"target peak RSS of the largest process <= {TARGET_RSS_MB} MB: {largest:.0f} MB — "
          f"{verdict(largest <= TARGET_RSS_MB)}")
    print(f"target start to exit median < {TARGET_STARTUP_S} s: {median:.3f} s — {verdict(median < TARGET_STARTUP_S)}")


ARABIC_WORDS = ("قال", "وزير", "الخارجية", "إن", "الحكومة", "ستعقد", "اجتماعا", "مع", "الوفد", "في", "العاصمة",
                "يوم", "الخميس", "لبحث", "التعاون", "بين", "البلدين", "وأكد", "أهمية", "الحوار")


def generated_text(number: int) -> str:
    words = [ARABIC_WORDS[(number * 7 + i * 3) % len(ARABIC_WORDS)] for i in range(60)]
    return f"خبر رقم {number}\n\n" + " ".join(words[:30]) + ".\n" + " ".join(words[30:]) + ".\n"


def stream(count: int, cores: int) -> None:
    """Memory while `count` generated articles are analysed: from one JSON Lines file, then a folder."""
    work = Path(tempfile.mkdtemp(prefix="newsproc-bench-"))
    try:
        jsonl = work / "articles.jsonl"
        with jsonl.open("w", encoding="utf-8") as handle:
            for number in range(count):
                handle.write(json.dumps({"id": f"a{number}", "text": generated_text(number)}, ensure_ascii=False))
                handle.write("\n")
        folder = work / "articles"
        for number in range(count):
            sub = folder / f"{number // 1000:03d}"
            if number % 1000 == 0:
                sub.mkdir(parents=True)
            (sub / f"a{number}.txt").write_text(generated_text(number), encoding="utf-8")
        for label, target in (("JSON Lines file", jsonl), ("folder of files", folder)):
            seconds, watch, _ = analyze([str(target)], cores)
            samples = watch.samples
            tenths = [samples[min(len(samples) - 1, round(i * (len(samples) - 1) / 10))] / 1024
                      for i in range(11)] if samples else []
            print(f"stream, {count:,} articles from a {label}, {cores} workers: {count / seconds:,.0f} articles/s; "
                  f"total RSS at each tenth (MB): {' '.join(f'{mb:.0f}' for mb in tenths)}; peak main "
                  f"{watch.main_peak_mb():.0f} MB, workers {', '.join(f'{mb:.0f}' for mb in watch.worker_peaks_mb())} MB")
            if len(tenths) > 9:
                # The caches fill during the first half (bounded: ner/features.py); after that memory must
                # not grow with the number of articles.
                warm, late = tenths[5], tenths[9]
                print(f"  growth over the second half (tenth 5 to tenth 9, caches warm): {late - warm:+.0f} MB — "
                      f"{'flat' if abs(late - warm) < FLAT_MB else 'NOT FLAT'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def profile(folder: Path, top: int) -> None:
    import cProfile
    import pstats

    from newsproc.pipeline import Pipeline
    from newsproc.reader.sources import ReadOptions, Task, read_task

    pipeline = Pipeline()
    articles = [read_task(Task("file", str(p), p.stem), ReadOptions()) for p in article_files(folder)]
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        pipeline.analyze(article)
    profiler.disable()
    print(f"profile: {len(articles)} articles in one process, top {top} by own time")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="samples", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the 'all cores' run")
    parser.add_argument("--stream", type=int, default=0, metavar="N",
                        help="also measure memory on N generated articles (JSON Lines and a folder)")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP", help="also print a cProfile top list")
    args = parser.parse_args()
    if not NEWSPROC.exists():
        sys.exit(f"bench: {NEWSPROC} not found; run `make bench`, which installs it")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    speed(args.corpus, args.workers)
    if args.stream:
        print()
        stream(args.stream, args.workers)
    if args.profile:
        print()
        profile(args.corpus, args.profile)


if __name__ == "__main__":
    main()
