"""Untrusted file names: which ones are refused, and the only suffix a stored path may carry.

A name comes from a portal URL or a drop folder, so it may hold anything. The archive never
uses it as a path (objects are addressed by sha256); it is kept as data only. A name that
could not be one plain file name is refused at landing, so no later step can be tricked by it.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 255  # the common file-system limit for one path component

_SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}$")


def unsafe_name_reason(name: str) -> str | None:
    """Why ``name`` cannot be taken as one plain file name, or None when it can."""
    if not name or not name.strip():
        return "empty_name"
    if "\x00" in name:
        return "nul_in_name"
    if len(name.encode("utf-8", errors="surrogatepass")) > MAX_NAME_BYTES:
        return "name_too_long"
    if "/" in name or "\\" in name:
        return "path_in_name"
    if name in {".", ".."} or name.startswith("~"):
        return "path_in_name"
    if re.match(r"^[A-Za-z]:", name):
        return "path_in_name"  # a Windows drive ("C:evil")
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "control_char_in_name"
    return None


def safe_suffix(name: str) -> str:
    """The lower-case extension of ``name`` when it is short and plain ASCII, else ""."""
    match = _SAFE_SUFFIX.search(name.lower())
    return match.group(0) if match else ""
