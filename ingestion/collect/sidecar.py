"""The optional metadata file beside a dropped report: ``<file>.meta.json``.

Format (every key optional, every value a string)::

    {"title": "...", "url": "https://...", "published_date": "YYYY-MM-DD",
     "unit": "...", "publisher": "..."}

A sidecar is written by hand or by a scraper, so it is validated field by field: a bad field
is dropped with a warning, a file that is not a JSON object is ignored with a warning. Either
way the report itself still lands.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 64 * 1024
MAX_VALUE_CHARS = 1000
_TEXT_KEYS = ("title", "unit", "publisher")
KNOWN_KEYS = frozenset({*_TEXT_KEYS, "url", "published_date"})


@dataclass(frozen=True)
class Sidecar:
    title: str | None = None
    url: str | None = None
    published_date: date | None = None
    unit: str | None = None
    publisher: str | None = None
    warnings: tuple[str, ...] = field(default=())


def parse_sidecar(raw: bytes, sidecar_name: str) -> Sidecar:
    """Validate the bytes of one sidecar; problems become warnings, never exceptions."""
    if len(raw) > MAX_SIDECAR_BYTES:
        return Sidecar(warnings=(f"sidecar {sidecar_name} ignored: over {MAX_SIDECAR_BYTES} bytes",))
    try:
        content = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Sidecar(warnings=(f"sidecar {sidecar_name} ignored: not UTF-8 JSON ({exc})",))
    if not isinstance(content, dict):
        return Sidecar(warnings=(f"sidecar {sidecar_name} ignored: not a JSON object",))

    warnings = [
        f"sidecar {sidecar_name}: unknown key {key!r} ignored" for key in sorted(content.keys() - KNOWN_KEYS)
    ]
    values: dict[str, object] = {}
    for key in sorted(KNOWN_KEYS & content.keys()):
        value, problem = _validated(key, content[key])
        if problem:
            warnings.append(f"sidecar {sidecar_name}: {key} {problem}; ignored")
        else:
            values[key] = value
    return Sidecar(**values, warnings=tuple(warnings))  # type: ignore[arg-type]


def _validated(key: str, value: object) -> tuple[object, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, f"is {type(value).__name__}, not a string"
    value = value.strip()
    if len(value) > MAX_VALUE_CHARS:
        return None, f"is longer than {MAX_VALUE_CHARS} characters"
    if not value:
        return None, None
    if key == "url" and not value.startswith(("http://", "https://")):
        return None, f"{value!r} is not an http(s) URL"
    if key == "published_date":
        return _iso_date(value)
    return value, None


def _iso_date(value: str) -> tuple[date | None, str | None]:
    # fromisoformat alone would also take "20230501" and week dates; the format says YYYY-MM-DD.
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value), None
        except ValueError:
            pass
    return None, f"{value!r} is not a YYYY-MM-DD date"
