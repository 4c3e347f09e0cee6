"""Read and extract article files in worker processes, each file within a time and size budget.

Ingest's first half (read -> extract), run over several processes so a folder is
extracted in parallel and a file that takes too long can be stopped: its worker is
killed, the file becomes a failure with its reason, a new worker takes the rest.
The parent (ingest, the only writer) receives the outcomes in the files' order, so
the database does not depend on which worker was quicker.

Workers are forked from the caller, so they start with the extractor (and its
reference data) already imported; tasks go out in small chunks so ten thousand
files cost a few hundred messages, not ten thousand round trips.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterator

from dashboard.articles import MAX_BYTES, Article, ArticleError, read_article


def _env_number(name: str, default: float, kind=float):
    try:
        value = kind(os.environ.get(name) or default)
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Budget:
    """What one file may cost: seconds of processor time to read and extract it, and bytes. Settings:
    DASHBOARD_FILE_SECONDS, DASHBOARD_FILE_BYTES, DASHBOARD_WORKERS (or the CLI's
    --file-seconds, --file-bytes, --workers)."""
    seconds: float = field(default_factory=lambda: _env_number("DASHBOARD_FILE_SECONDS", 10.0))
    max_bytes: int = field(default_factory=lambda: _env_number("DASHBOARD_FILE_BYTES", MAX_BYTES, int))
    workers: int = field(default_factory=lambda: _env_number("DASHBOARD_WORKERS", os.cpu_count() or 1, int))


@dataclass
class Outcome:
    """One file's result. `article` is None when the file could not be read; `records`
    is None when extraction failed, took too long, or was not needed (`skipped`)."""
    path: Path
    article: Article | None = None
    records: list[dict] | None = None
    error: str | None = None     # why reading or extraction failed, for ingest_log
    skipped: bool = False        # the article is stored already by this extractor version
    seconds: float = 0.0


def _one(path: Path, extractor: Callable, max_bytes: int, hooks: "Hooks",
         send: Callable[[Article], None] = lambda a: None) -> Outcome:
    """Read and extract one file. `send` gets the article as soon as it is read, so that
    the parent keeps its text even if extraction then runs out of time."""
    started = time.monotonic()
    out = Outcome(path)
    try:
        out.article = hooks.prepare(path, read_article(path, max_bytes))
    except ArticleError as e:
        out.error = str(e)
    except Exception as e:  # a reader bug is this file's failure, never the run's
        out.error = f"{path.name}: cannot be read ({type(e).__name__})"
    if out.article is not None:
        if hooks.skip(out.article):
            out.skipped = True
        else:
            send(out.article)
            try:
                out.records = extractor(out.article)
            except BaseException as e:  # an extractor bug (even SystemExit) is this article's failure
                first = (str(e).strip().splitlines() or [""])[0][:300]
                out.error = f"extraction failed: {type(e).__name__}: {first}".rstrip(": ")
    out.seconds = time.monotonic() - started
    return out


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker if the ingest that forked it dies (kill -9
    included), so no orphan goes on extracting."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker(conn: Connection, extractor: Callable, max_bytes: int, hooks: "Hooks", parent: int) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if chunk is None:
            os._exit(0)
        for path in chunk:
            try:
                out = _one(path, extractor, max_bytes, hooks, send=conn.send)
                if out.article is not None and not out.skipped:
                    out.article = None  # the parent has it already: the text goes over the pipe once
                conn.send(out)
            except (BrokenPipeError, OSError):
                os._exit(0)
            except Exception as e:  # an unpicklable result: the file fails, the worker goes on
                conn.send(Outcome(path, error=f"{path.name}: its records cannot be passed on ({type(e).__name__})"))


def _never(article: Article) -> bool:
    return False


def _as_read(path: Path, article: Article) -> Article:
    return article


@dataclass(frozen=True)
class Hooks:
    """The caller's say in a worker: how to amend an article as read, and which to skip."""
    skip: Callable[[Article], bool]
    prepare: Callable[[Path, Article], Article]


@dataclass
class _Slot:
    proc: multiprocessing.process.BaseProcess
    conn: Connection
    chunk: deque = field(default_factory=deque)   # (index, path) sent and not answered yet
    started: float = 0.0                          # when its current file started
    cpu_start: float = 0.0                        # the worker's processor time then
    article: Article | None = None                # the current file's article, once read


class _Pool:
    def __init__(self, extractor: Callable, budget: Budget, hooks: "Hooks", size: int):
        # fork: workers start with the extractor imported and warmed, and test
        # extractors (closures) need no pickling. Only extraction runs in them.
        self.ctx = multiprocessing.get_context("fork")
        self.extractor, self.budget, self.hooks, self.size = extractor, budget, hooks, size
        self.slots: list[_Slot] = []

    def start(self) -> _Slot:
        parent_end, child_end = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, daemon=True, name="dashboard-extract",
                                args=(child_end, self.extractor, self.budget.max_bytes, self.hooks, os.getpid()))
        proc.start()
        child_end.close()
        slot = _Slot(proc, parent_end)
        self.slots.append(slot)
        return slot

    def stop(self, slot: _Slot, kill: bool) -> None:
        self.slots.remove(slot)
        if kill:
            slot.proc.kill()
        else:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        slot.conn.close()
        slot.proc.join(timeout=5)
        if slot.proc.is_alive():
            slot.proc.kill()
            slot.proc.join()

    def close(self) -> None:
        for slot in list(self.slots):
            self.stop(slot, kill=bool(slot.chunk))


POLL = 0.25        # seconds between looks at the workers' processor time
WALL_FACTOR = 6    # a file stuck without using the processor (waiting on a lock) is stopped at 6x the budget


def _cpu(pid: int) -> float:
    """A process's processor time so far, in seconds (Linux /proc; elsewhere 0, and the
    wall-clock limit applies alone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _over(slot: _Slot, seconds: float) -> str | None:
    """Why the slot's current file is past its budget, or None. The budget counts the
    worker's processor time, so a machine busy with other work does not fail good files;
    the wall clock only stops a file that waits without working."""
    used = _cpu(slot.proc.pid) - slot.cpu_start
    if used > seconds:
        return f"took more than {seconds:g} s of processor time"
    wall = time.monotonic() - slot.started
    if wall > seconds * WALL_FACTOR:
        return f"did not finish in {wall:.0f} s (more than {WALL_FACTOR}x the budget of {seconds:g} s)"
    return None


def _requeue(pending: deque, slot: _Slot) -> None:
    """The files a stopped worker had not started go back to the front of the queue."""
    pending.extendleft(reversed(slot.chunk))
    slot.chunk.clear()
    slot.article = None


def run(paths: list[Path], extractor: Callable[[Article], list[dict]], budget: Budget | None = None,
        skip: Callable[[Article], bool] | None = None,
        prepare: Callable[[Path, Article], Article] | None = None) -> Iterator[Outcome]:
    """Read and extract each file in a worker process; yield one Outcome per file, in
    the order of `paths`. A file that takes more than `budget.seconds` of processor time
    (or six times that on the clock) is stopped
    and yields an Outcome with the reason. `prepare(path, article)` may amend an article
    as read (ingest puts its sources.csv values in); an article for which `skip` is true
    (already stored as it is) is read, to know its id, but not extracted.
    """
    budget = budget or Budget()
    if not paths:
        return
    size = max(1, min(budget.workers, len(paths)))
    per_chunk = max(1, min(16, len(paths) // (size * 4)))
    pending = deque((i, p) for i, p in enumerate(paths))
    done: dict[int, Outcome] = {}
    next_out = 0
    pool = _Pool(extractor, budget, Hooks(skip or _never, prepare or _as_read), size)
    try:
        while next_out < len(paths):
            for slot in [s for s in pool.slots if not s.chunk] + [None] * (size - len(pool.slots)):
                if not pending:
                    break
                slot = slot or pool.start()
                chunk = [pending.popleft() for _ in range(min(per_chunk, len(pending)))]
                slot.chunk.extend(chunk)
                slot.started, slot.cpu_start = time.monotonic(), _cpu(slot.proc.pid)
                try:
                    slot.conn.send([p for _, p in chunk])
                except OSError:  # it died between files: the next wait sees it closed
                    pass
            busy = [s for s in pool.slots if s.chunk]
            now = time.monotonic()
            timeout = POLL if busy else 0.1
            ready = wait([s.conn for s in busy], timeout=timeout)
            for slot in busy:
                if slot.conn in ready:
                    try:
                        out = slot.conn.recv()
                    except (EOFError, OSError):  # the worker died: out of memory, a crash
                        index, path = slot.chunk.popleft()
                        article = slot.article
                        _requeue(pending, slot)
                        pool.stop(slot, kill=True)
                        done[index] = Outcome(path, article, error=f"{path.name}: the worker extracting it "
                                                                   f"stopped (exit code {slot.proc.exitcode})")
                        continue
                    if isinstance(out, Article):  # read; its records come next
                        slot.article = out
                        continue
                    index, _ = slot.chunk.popleft()
                    out.article = out.article or slot.article
                    done[index] = out
                    slot.article, slot.started, slot.cpu_start = None, time.monotonic(), _cpu(slot.proc.pid)
                elif over := _over(slot, budget.seconds):
                    index, path = slot.chunk.popleft()
                    done[index] = Outcome(path, slot.article, seconds=budget.seconds,
                                          error=f"{path.name}: {over} to read and extract (the time budget); stopped")
                    _requeue(pending, slot)
                    pool.stop(slot, kill=True)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        pool.close()
