"""Rewrite an OOXML zip with fixed timestamps so the same document gives the same bytes."""

from __future__ import annotations

import io
import re
import zipfile

_EPOCH = (1980, 1, 1, 0, 0, 0)
# openpyxl stamps "now" into the core properties at save time, whatever the workbook says.
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_FIXED_STAMP = rb"\g<1>2024-01-01T00:00:00Z\g<2>"


def stable_zip(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _STAMP.sub(_FIXED_STAMP, content)
            target.writestr(fixed, content)
    return out.getvalue()
