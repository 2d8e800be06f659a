"""Per-document progress of a step: a bar with rate and ETA on a terminal, log lines elsewhere.

On a terminal (stderr is a TTY) tqdm draws a bar. Anywhere else (an Airflow task log, a pipe,
a test) there is no bar: one line when the step ends, and for a long step one line every
``LINE_EVERY_S`` seconds with the rate and the ETA, all through ``logging``.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

log = logging.getLogger("ingestion.progress")

LINE_EVERY_S = 60.0
T = TypeVar("T")


class Progress:
    """Counts the documents a step has handled; ``close`` logs the step's one line."""

    def __init__(self, step: str, total: int | None = None, *, bar: bool | None = None) -> None:
        self.step = step
        self.total = total
        self.done = 0
        self._started = self._last_line = time.monotonic()
        self._bar: Any = None
        if bar if bar is not None else sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=step, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
        elif time.monotonic() - self._last_line >= LINE_EVERY_S:
            self._last_line = time.monotonic()
            log.info("%s: %s", self.step, self.describe())

    def describe(self) -> str:
        """``120/500 documents in 12.0 s (10.0/s, ETA 38 s)``; no ETA without a total."""
        elapsed = time.monotonic() - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        counted = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        text = f"{counted} documents in {_duration(elapsed)} ({rate:.1f}/s"
        if self.total is not None and 0 < self.done < self.total and rate > 0:
            text += f", ETA {_duration((self.total - self.done) / rate)}"
        return text + ")"

    def close(self, outcome: str = "") -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        log.info("%s: %s%s", self.step, self.describe(), f": {outcome}" if outcome else "")


def track(items: Iterable[T], step: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` counting each; the step's line is logged when the iteration ends."""
    progress = Progress(step, total)
    try:
        for item in items:
            yield item
            progress.advance()
    finally:
        progress.close()


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"
