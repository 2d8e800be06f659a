"""A parse worker's memory cap (``RLIMIT_AS``), and telling a failure it caused from a defect.

The address-space cap is the kernel's hard stop, but a worker forked from a large parent can
reuse memory the parent had freed without mapping more; so the pool also watches each worker's
resident set (``status_kib``) against the same budget (docs/adr/0006-parse-worker-pool.md).

Python raises ``MemoryError`` when the cap refuses an allocation, but a C library may report
the same refusal as anything (lxml: ``XMLSyntaxError: unknown error``). An exception raised
while the worker's address space has come close to its cap is therefore taken as running out
of memory, not as a parser defect.
"""

from __future__ import annotations

import resource

# Within this share of the budget from the cap counts as "close": a growing buffer's failed
# allocation can be as large as the buffer itself.
NEAR_CAP_SHARE = 0.25
_budget = 0


def cap_address_space(extra_bytes: int) -> None:
    """Let this process map at most ``extra_bytes`` more than it has now.

    Counted from the current size: a forked worker starts with its parent's mappings, which
    may be large and are not this document's doing.
    """
    global _budget
    limit = _status_bytes("VmSize") + extra_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _budget = extra_bytes


def near_cap() -> bool:
    """Whether this process's peak address space came within reach of its cap."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or not _budget:
        return False
    return _status_bytes("VmPeak") >= soft - NEAR_CAP_SHARE * _budget


def _status_bytes(field: str) -> int:
    return status_kib(field) * 1024


def status_kib(field: str, pid: int | str = "self") -> int:
    """A ``/proc/<pid>/status`` figure in KiB (VmRSS, VmHWM, VmSize ...); 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0
