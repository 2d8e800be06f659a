"""The CJK font PDFs embed: WenQuanYi Micro Hei from the paperang-p2-fonts-cjk package, subset once.

Loading the 5 MB font costs ~0.6 s; fpdf2 would pay that per document. Subsetting it once to the
characters a whole drop uses makes each PDF cheap. CFF-outline fonts (Noto Sans SC .otf) embed
without a usable text layer in fpdf2 (pdfplumber extracts nothing), so a TrueType font is required.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from importlib import resources
from pathlib import Path

FONT_PACKAGE = "paperang_p2_fonts_cjk"
FONT_FILE = "fonts/wqy-microhei.ttc"
# Printable ASCII and the full-width punctuation reports use, whatever the text holds.
_ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "，。、；：？！（）“”‘’《》【】％—…·≥≤＝"


class FontMissing(RuntimeError):
    """The CJK font package is not installed, so PDFs cannot be drawn."""


def source_font() -> Path:
    try:
        path = Path(str(resources.files(FONT_PACKAGE).joinpath(FONT_FILE)))
    except ModuleNotFoundError as exc:
        raise FontMissing(
            f"PDF rendering needs the {FONT_PACKAGE!r} package (pip install paperang-p2-fonts-cjk)"
        ) from exc
    if not path.is_file():
        raise FontMissing(f"{path} is missing from the {FONT_PACKAGE!r} package")
    return path


def subset_font(text: str, cache_dir: Path | None = None) -> Path:
    """A TrueType font holding the glyphs of ``text``; cached by character set."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    chars = "".join(sorted(set(text) | set(_ALWAYS)))
    digest = hashlib.sha256(chars.encode("utf-8")).hexdigest()[:16]
    folder = cache_dir or Path(tempfile.gettempdir()) / "bpw-fonts"
    # "-fixed": fonts cached before the timestamp was pinned carry the time they were made.
    target = folder / f"wqy-microhei-{digest}-fixed.ttf"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" is harmless
    # Pinned timestamp: fontTools would stamp the subset with the time it was made, and every PDF
    # embedding it would differ from the same seed's PDF made another day.
    font = TTFont(str(source_font()), fontNumber=0, recalcTimestamp=False)
    font["head"].modified = font["head"].created
    options = subset.Options(layout_features=[], name_IDs=["*"], notdef_outline=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    partial = target.with_suffix(".part")
    font.save(str(partial))
    partial.replace(target)
    return target
