"""Run parse jobs in worker processes, each document under a memory cap and a wall-clock limit.

A small pool of our own (docs/adr/0006-parse-worker-pool.md): ``concurrent.futures`` breaks the
whole pool when one worker is killed, and we kill workers on purpose. Each worker is a forked
process that caps its own address space (``RLIMIT_AS``: what it had at the fork plus
``memory_mb``), then parses one job at a time sent over its pipe. The parent hands out jobs,
waits on the pipes and the processes, kills a worker past ``timeout_s`` (``timeout``) or whose
resident set grew by more than ``memory_mb`` (checked every ``_RSS_CHECK_S``: a worker forked
from a large parent can reuse memory without mapping more), takes a worker that died without an
answer as over its memory cap (``too_large``), and starts a new worker in its place when there
is work left. Outcomes come back to the parent, the ledger's one writer.

Each worker holds its next document in its pipe while it parses one, so it never waits for
the parent (which shares the cores) between two documents; a worker that is stopped gives its
waiting document back to the queue, uncharged. The largest files go first, so the run does not
end on one worker finishing a big PDF while the other idles.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from ingestion import errors
from ingestion.landing.memory_cap import cap_address_space, status_kib
from ingestion.landing.parse_document import ParseJob, ParseOutcome, parse_document, rejected

_MIB = 1024 * 1024
_PARENT_CHECK_S = 2.0  # how often an idle worker checks that its parent is still there
_STOP_GRACE_S = 2.0
_RSS_CHECK_S = 0.1  # how often a busy worker's resident set is checked against the cap
# Imported in the parent before the first fork, so the workers share them instead of each
# paying ~1-3 s of imports (the parser, PDFium, openpyxl, python-docx, selectolax).
PRELOADED = (
    "ingestion.parsing",
    "ingestion.documents.read",
    "ingestion.documents.txt",
    "ingestion.documents.docx",
    "ingestion.documents.pdf",
    "ingestion.documents.xlsx",
    "ingestion.documents.html",
)


@dataclass(frozen=True)
class ParseLimits:
    workers: int
    memory_mb: int
    timeout_s: float


_IN_HAND = 2  # documents a worker holds: the one it parses and the next


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    start_rss_kib: int  # what it held when it started (mostly pages shared with the parent)
    jobs: deque[ParseJob] = field(default_factory=deque)  # sent, not answered; the first is under way
    started: float = 0.0  # when the first of jobs started

    @property
    def job(self) -> ParseJob | None:
        return self.jobs[0] if self.jobs else None


def run_jobs(jobs: Sequence[ParseJob], limits: ParseLimits) -> Iterator[tuple[ParseJob, ParseOutcome]]:
    """Each job with its outcome, in the order they finish; a bad document never raises here."""
    queue = deque(sorted(jobs, key=_size, reverse=True))
    pool: list[_Worker] = []
    if queue:
        for module in PRELOADED:
            importlib.import_module(module)
    try:
        _hand_out(queue, pool, limits)
        while any(worker.jobs for worker in pool):
            finished = list(_collect(pool, queue, limits))
            _hand_out(queue, pool, limits)  # before the caller records: no worker waits on the ledger
            yield from finished
    finally:
        for worker in pool:
            _stop(worker)


def _size(job: ParseJob) -> int:
    try:
        return os.stat(job.object_path).st_size
    except OSError:
        return 0


def _hand_out(queue: deque[ParseJob], pool: list[_Worker], limits: ParseLimits) -> None:
    while queue and len(pool) < max(1, limits.workers):
        pool.append(_assign(_start(limits.memory_mb), queue, limits))
    for depth in range(1, _IN_HAND + 1):  # every worker busy first, then each one's next document
        for index, worker in enumerate(pool):
            if len(worker.jobs) < depth and queue:
                pool[index] = _assign(worker, queue, limits)


def _assign(worker: _Worker, queue: deque[ParseJob], limits: ParseLimits) -> _Worker:
    """``worker`` with the next job of ``queue`` sent; a fresh worker in its place if it died idle."""
    job = queue.popleft()
    try:
        worker.conn.send(job)
    except OSError:
        if worker.jobs:  # died over the document it holds: _collect charges that one, not this
            queue.appendleft(job)
            return worker
        _stop(worker)  # killed from outside between two documents: not this document's doing
        worker = _start(limits.memory_mb)
        worker.conn.send(job)
    if not worker.jobs:
        worker.started = time.monotonic()
    worker.jobs.append(job)
    return worker


def _collect(
    pool: list[_Worker], queue: deque[ParseJob], limits: ParseLimits
) -> Iterator[tuple[ParseJob, ParseOutcome]]:
    """Wait for the first answer, death or overrun among busy workers; yield what ended."""
    busy = [worker for worker in pool if worker.jobs]
    deadline = min(worker.started for worker in busy) + limits.timeout_s
    wait(
        [handle for w in busy for handle in (w.conn, w.process.sentinel)],
        min(_RSS_CHECK_S, max(0.0, deadline - time.monotonic())),
    )
    now = time.monotonic()
    for worker in busy:
        outcome, ended = _answer(worker, limits, now)
        if outcome is None:
            continue
        job = worker.jobs.popleft()
        worker.started = now  # the worker went on to its next document as it answered
        # A worker that answered and then died is charged with its next document on the next
        # round; one that died (or was stopped) over this document gives the next one back.
        if ended:
            queue.extendleft(reversed(worker.jobs))  # sent but never started: back, uncharged
            worker.jobs.clear()
            _stop(worker)
            pool.remove(worker)  # _hand_out starts another when there is work left
        yield job, outcome


def _answer(worker: _Worker, limits: ParseLimits, now: float) -> tuple[ParseOutcome | None, bool]:
    """The worker's outcome for its current job, or a ``too_large``/``timeout`` one when it died
    or overran (then True: the worker is gone), or None while it is still at work."""
    job = worker.job
    assert job is not None
    if worker.conn.poll():
        try:
            outcome: ParseOutcome = worker.conn.recv()
            return outcome, False
        except (EOFError, OSError):
            pass  # died while answering: below
    if not worker.process.is_alive():
        worker.process.join()
        return rejected(job.sha256, errors.TOO_LARGE, _death_message(job, worker, limits)), True
    added_kib = status_kib("VmRSS", worker.process.pid or 0) - worker.start_rss_kib
    if added_kib > limits.memory_mb * 1024:
        _kill(worker)
        message = f"{job.name}: resident memory grew past the {limits.memory_mb} MiB cap (worker stopped)"
        return rejected(job.sha256, errors.TOO_LARGE, message), True
    if now - worker.started >= limits.timeout_s:
        _kill(worker)
        message = f"{job.name}: not parsed within {limits.timeout_s:g} s (worker stopped)"
        return rejected(job.sha256, errors.TIMEOUT, message), True
    return None, False


def _kill(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join()  # gone before the caller looks: its waiting document goes back


def _death_message(job: ParseJob, worker: _Worker, limits: ParseLimits) -> str:
    code = worker.process.exitcode
    how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
    return f"{job.name}: parse worker died ({how}) under its {limits.memory_mb} MiB memory cap"


def _start(memory_mb: int) -> _Worker:
    # fork: the worker has every module the parent imported (no start-up cost) and sees the same
    # parser (tests install stand-ins); it runs no thread of the parent's, only the parse.
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    process = context.Process(
        target=_serve, args=(child_end, memory_mb, os.getpid()), name="bpw-parse", daemon=True
    )
    process.start()
    child_end.close()
    try:
        start_rss_kib: int = parent_end.recv()  # the worker's first word: its resident set
    except EOFError as exc:
        raise RuntimeError(f"a parse worker died while starting (exit code {process.exitcode})") from exc
    return _Worker(process, parent_end, start_rss_kib)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(_STOP_GRACE_S)
        if worker.process.is_alive():
            worker.process.kill()
    worker.process.join()
    worker.conn.close()


def _serve(conn: Connection, memory_mb: int, parent_pid: int) -> None:
    """The worker: cap memory, then parse each job sent until told to stop (None) or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    cap_address_space(memory_mb * _MIB)
    start_rss_kib = status_kib("VmRSS")
    conn.send(start_rss_kib)
    while True:
        if not conn.poll(_PARENT_CHECK_S):
            if os.getppid() != parent_pid:
                return  # the parent was killed: nobody will read what we parse
            continue
        job: ParseJob | None = conn.recv()
        if job is None:
            return
        outcome = parse_document(job)
        try:
            conn.send(replace(outcome, peak_rss_kib=status_kib("VmHWM") - start_rss_kib))
        except MemoryError:
            conn.send(rejected(job.sha256, errors.TOO_LARGE, f"{job.name}: no memory left to answer"))
