r"""Untrusted file names: which ones are refused, and the only suffix a stored path may carry.

A name comes from a portal URL or a drop folder, so it may hold anything. The archive never
uses it as a path (objects are addressed by sha256); it is kept as data only. A name that
could not be one plain file name is refused at landing, so no later step can be tricked by it.

Any byte string is a legal name on a POSIX file system; Python hands a byte that is not UTF-8
over as a lone surrogate (``surrogateescape``), which JSON and UTF-8 files cannot hold.
``printable_text`` spells such a byte ``\xNN`` (docs/drops.md). The escaped form cannot be
mistaken for a real name: a real name holding ``\`` is refused as ``path_in_name``.
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


def printable_text(text: str) -> str:
    """``text`` with what UTF-8 cannot hold spelled out: a file-system byte that was not UTF-8
    (a surrogate escape) as ``\\xNN``, any other lone surrogate as ``\\uNNNN``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_printable_char(char) for char in text)
    return text


def _printable_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # what os.fsdecode made of a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return char
