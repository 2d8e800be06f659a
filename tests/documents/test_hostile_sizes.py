"""Files that lie about how large they become are refused in a parse worker quickly and with
little memory: a .docx whose zip directory claims 1,000 bytes for a 2 GiB document.xml, and a
~1 MB PDF whose content stream inflates to 1 GiB. Both are built here in a blink: a deflate
segment ending in a full flush is self-contained, so one 1 MiB segment repeated is a valid stream."""

from __future__ import annotations

import hashlib
import io
import struct
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.landing.parse_document import ParseJob, ParseOutcome
from ingestion.landing.parse_workers import ParseLimits, run_jobs

MIB = 1024 * 1024
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SPACES = b" " * MIB


def _deflate_repeated(mebibytes: int, wbits: int) -> bytes:
    """``mebibytes`` MiB of spaces, deflated (raw or zlib-wrapped per ``wbits``) without doing the work."""
    segment_maker = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    segment = segment_maker.compress(SPACES) + segment_maker.flush(zlib.Z_FULL_FLUSH)
    body = segment * mebibytes + b"\x03\x00"  # an empty final block ends the stream
    if wbits < 0:
        return body
    checksum = 1
    for _ in range(mebibytes):
        checksum = zlib.adler32(SPACES, checksum)
    return b"\x78\xda" + body + struct.pack(">I", checksum)


def _zip_entry(name: bytes, data: bytes, claimed: int, crc: int, offset: int) -> tuple[bytes, bytes]:
    fields = (20, 0, 8, 0, 0x21, crc, len(data), claimed, len(name), 0)
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + name + data
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + name
    return local, central


def lying_docx() -> bytes:
    """word/document.xml: 2 GiB of spaces in 2 MB of zip, its directory saying 1,000 bytes."""
    types = b"<Types/>"
    parts = {  # name: (deflated, claimed size, claimed CRC)
        b"[Content_Types].xml": (zlib.compress(types)[2:-4], len(types), zlib.crc32(types)),
        b"word/document.xml": (_deflate_repeated(2048, -zlib.MAX_WBITS), 1000, 0),
    }
    locals_, centrals = b"", b""
    for name, (data, claimed, crc) in parts.items():
        local, central = _zip_entry(name, data, claimed, crc, len(locals_))
        locals_, centrals = locals_ + local, centrals + central
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(centrals), len(locals_), 0)
    return locals_ + centrals + end


def bomb_pdf() -> bytes:
    """A one-page PDF whose 1 MB content stream inflates to 1 GiB."""
    stream = _deflate_repeated(1024, zlib.MAX_WBITS)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream" % (len(stream), stream),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(out))
    return out + b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + table + trailer


def _parse_in_worker(tmp_path: Path, name: str, data: bytes) -> tuple[ParseOutcome, float]:
    path = tmp_path / name
    path.write_bytes(data)
    job = ParseJob(hashlib.sha256(data).hexdigest(), name, str(path), 50 * MIB, str(tmp_path / "out.json"))
    started = time.monotonic()
    ((_, outcome),) = run_jobs([job], ParseLimits(workers=1, memory_mb=1024, timeout_s=60))
    return outcome, time.monotonic() - started


@pytest.mark.parametrize(
    ("name", "build", "reason", "message", "max_size"),
    [
        pytest.param("report.docx", lying_docx, errors.CORRUPT,
                     "word/document.xml claims 1000 bytes but inflates to more", 3 * MIB,
                     id="zip directory lying about a 2 GiB part"),
        pytest.param("report.pdf", bomb_pdf, errors.UNSAFE, "PDF bomb?", 2 * MIB,
                     id="PDF stream inflating to 1 GiB"),
    ],
)  # fmt: skip
def test_a_file_that_lies_about_its_size_is_refused_fast_in_little_memory(
    tmp_path: Path, name: str, build: Callable[[], bytes], reason: str, message: str, max_size: int
) -> None:
    data = build()
    assert len(data) < max_size
    outcome, _ = _parse_in_worker(tmp_path, name, data)
    assert (outcome.reason, message in (outcome.message or "")) == (reason, True)
    # Refused, not timed out: the worker's 60 s limit bounds the time; speed belongs to benchmarks.
    assert outcome.peak_rss_kib is not None and outcome.peak_rss_kib < 256 * 1024  # against 1-2 GiB unchecked


def test_an_honest_but_huge_docx_is_stopped_by_the_worker_memory_cap(files: Any, tmp_path: Path) -> None:
    """A valid .docx whose 15 MB body passes every check (it parses with 4 GB to spare): the
    worker's memory cap, here 100 MiB, stops it as too_large."""
    source = zipfile.ZipFile(io.BytesIO(files.docx()))
    paragraphs = "".join(
        f"<w:p><w:r><w:t>第{n}项支出{n * 7 % 9973}.{n % 97}万元</w:t></w:r></w:p>" for n in range(250_000)
    )
    body = (f'<w:document xmlns:w="{W_NAMESPACE}"><w:body>{paragraphs}</w:body></w:document>').encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                info.filename, body if info.filename == "word/document.xml" else source.read(info)
            )
    data = buffer.getvalue()
    path = tmp_path / "huge.docx"
    path.write_bytes(data)
    job = ParseJob(
        hashlib.sha256(data).hexdigest(), path.name, str(path), 50 * MIB, str(tmp_path / "out.json")
    )
    ((_, outcome),) = run_jobs([job], ParseLimits(workers=1, memory_mb=100, timeout_s=120))
    # lxml fails with "XMLSyntaxError: unknown error" under the address-space cap, or the worker is
    # stopped when its resident set passes the cap: either way too_large, not parser_error.
    assert (outcome.reason, "memory" in (outcome.message or "")) == (errors.TOO_LARGE, True)
