"""Files a drop holds that are not readable reports, each with the reason code a reader should give.

Reason codes are those of ``ingestion.errors``; the drop's manifest lists each file with its reason.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fpdf import FPDF
from PIL import Image, ImageDraw

from ingestion import errors


@dataclass(frozen=True, slots=True)
class BrokenFile:
    suffix: str  # file extension without the dot
    data: bytes
    reason: str
    extra: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Material:
    """Good renderings the broken files are made from."""

    docx: bytes
    txt: bytes
    listing_html: bytes
    oversize_bytes: int


def _fixed_pdf() -> FPDF:
    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))  # not "now": same seed, same bytes
    return pdf


def _encrypted_pdf(rng: random.Random) -> bytes:
    pdf = _fixed_pdf()
    pdf.set_encryption(owner_password=f"{rng.getrandbits(64):x}", user_password=f"{rng.getrandbits(64):x}")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "performance report")
    return bytes(pdf.output())


def _scanned_pdf(rng: random.Random) -> bytes:
    """A page that is only a picture of text lines: nothing to extract without OCR."""
    image = Image.new("L", (620, 880), color=250)
    draw = ImageDraw.Draw(image)
    for top in range(60, 820, 26):
        draw.rectangle((60, top, 60 + rng.randint(200, 500), top + 12), fill=rng.randint(30, 90))
    pdf = _fixed_pdf()
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210)
    return bytes(pdf.output())


def _corrupt_zip(rng: random.Random, docx: bytes) -> bytes:
    # Keep the zip signature and directory, overwrite compressed data in the middle.
    middle = len(docx) // 3
    garbage = bytes(rng.getrandbits(8) for _ in range(len(docx) // 3))
    return docx[:middle] + garbage + docx[middle + len(garbage) :]


def _garbled_pdf(rng: random.Random) -> bytes:
    """Header and end marker of a PDF around random bytes: complete, but garbage inside."""
    return b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(4096)) + b"\n%%EOF\n"


def _ofd() -> bytes:
    """An OFD (GB/T 33190 fixed-layout document): a zip no reader here understands."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in (
            ("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>'),
            ("Doc_0/Document.xml", "<ofd:Document/>"),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), body)
    return out.getvalue()


def _oversized(material: Material) -> bytes:
    padding = "　" * (material.oversize_bytes // 3 + 1)  # ideographic space, 3 bytes in UTF-8
    return material.txt + padding.encode("utf-8")


_MAKERS: tuple[tuple[str, str, Callable[[random.Random, Material], bytes]], ...] = (
    ("pdf", errors.EMPTY, lambda rng, m: b""),
    ("docx", errors.TRUNCATED, lambda rng, m: m.docx[: len(m.docx) * 3 // 5]),
    ("docx", errors.CORRUPT, lambda rng, m: _corrupt_zip(rng, m.docx)),
    ("pdf", errors.ENCRYPTED, lambda rng, m: _encrypted_pdf(rng)),
    ("pdf", errors.NO_TEXT_LAYER, lambda rng, m: _scanned_pdf(rng)),
    ("pdf", errors.CORRUPT, lambda rng, m: _garbled_pdf(rng)),
    ("html", errors.NOT_A_REPORT, lambda rng, m: m.listing_html),
    ("txt", errors.OVERSIZED, lambda rng, m: _oversized(m)),
    ("doc", errors.CONVERTER_MISSING, lambda rng, m: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
    ("ofd", errors.UNSUPPORTED_FORMAT, lambda rng, m: _ofd()),
)


def make_broken(rng: random.Random, index: int, material: Material) -> BrokenFile:
    """The ``index``-th broken file; kinds repeat in a fixed cycle."""
    suffix, reason, make = _MAKERS[index % len(_MAKERS)]
    extra: dict[str, int | str] = {}
    if reason == errors.OVERSIZED:
        extra["limit_bytes"] = material.oversize_bytes  # the readers' real limit is far larger
    if reason == errors.CONVERTER_MISSING:
        extra["reason_with_converter"] = errors.CORRUPT  # LibreOffice present: it fails to convert
    return BrokenFile(suffix=suffix, data=make(rng, material), reason=reason, extra=extra)
