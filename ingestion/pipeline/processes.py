"""Is the process that took a lock still there? By pid and start time, so a reused pid is not it.

On Linux ``/proc/<pid>/stat`` gives the state (an exited child not yet reaped is a zombie, not
alive) and the start time in clock ticks since boot; elsewhere only the pid is checked.
"""

from __future__ import annotations

import os
from pathlib import Path


def process_alive(pid: int, started: str | None) -> bool:
    """Whether ``pid`` runs and, when ``started`` is known, is the process that started then."""
    if Path("/proc/self/stat").exists():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return False
        # fields[0] is the state (Z: exited, not yet reaped); fields[19] the start time in ticks.
        return fields[0] not in {"Z", "X"} and (started is None or fields[19] == started)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_started(pid: int) -> str | None:
    """The start time of ``pid`` (clock ticks since boot), or None where it cannot be read."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None
