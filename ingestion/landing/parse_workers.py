"""Run parse jobs in worker processes, each document under a memory cap and a wall-clock limit.

(First cut: in this process, in order. The process pool follows.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ingestion.landing.parse_document import ParseJob, ParseOutcome, parse_document


@dataclass(frozen=True)
class ParseLimits:
    workers: int
    memory_mb: int
    timeout_s: float


def run_jobs(jobs: Sequence[ParseJob], limits: ParseLimits) -> Iterator[tuple[ParseJob, ParseOutcome]]:
    """Each job with its outcome, in the order they finish."""
    for job in jobs:
        yield job, parse_document(job)
