"""What a portal article page says around the report: encoding, 发布机构/日期, 索引号, title.

Pages declare their charset in a BOM, a ``<meta charset>`` or ``http-equiv`` tag, or nowhere,
and the declaration is sometimes stale (a gb2312 tag on a page re-saved as UTF-8);
GB2312/GBK declarations are read as GB18030, their superset, because pages declared GB2312
routinely contain characters outside it. The metadata sits in a box above the article, as
"发布机构：xx" in one node or as a label cell followed by a value cell.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ingestion import errors

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

_LABELS = {
    "publisher": ("发布机构", "发文机关", "发文单位"),
    "published_date": ("发布日期", "发布时间"),
    "written_date": ("成文日期", "成文时间"),
    "index_no": ("索引号",),
}
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_ALL_LABELS = "|".join(label for labels in _LABELS.values() for label in labels)
# A value ends at the next label on the same line ("发布机构：xx 发布日期：yy").
_OTHER_LABELS = "主题分类|文号|发文字号|来源|浏览次数|生效日期"
_NEXT_LABEL = re.compile(rf"\s+(?:{_ALL_LABELS}|{_OTHER_LABELS})")
_STARTS_WITH_LABEL = re.compile(rf"(?:{_ALL_LABELS}|{_OTHER_LABELS})")


def _declared_encoding(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of an HTML page: BOM, then UTF-8, then the declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding.removesuffix("-sig")
    # Valid UTF-8 is near-proof of UTF-8 (GB bytes almost never are), while GB18030 decodes
    # almost anything: so UTF-8 is tried before a declaration that may be stale.
    candidates = [enc for enc in ("utf-8", _declared_encoding(data)) if enc]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise errors.DocumentRejected(errors.UNDECODABLE, f"{name}: no text encoding fits this page")
    encoding = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
    return data.decode(encoding, errors="replace"), encoding


def _normalize_date(value: str) -> str:
    match = _DATE.search(value)
    if not match:
        return value
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def page_metadata(lines: list[str]) -> dict[str, str]:
    """发布机构 / 发布日期 / 成文日期 / 索引号 from the page's text lines (label and value may be split)."""
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        for key, labels in _LABELS.items():
            if key in found:
                continue
            for label in labels:
                position = line.find(label)
                if position < 0:
                    continue
                value = line[position + len(label) :].lstrip(" :：\u3000\xa0")
                if not value and index + 1 < len(lines):
                    value = lines[index + 1].strip()
                value = _NEXT_LABEL.split(value, maxsplit=1)[0].strip()
                if _STARTS_WITH_LABEL.match(value):
                    value = ""  # an empty field followed by the next label
                if value:
                    found[key] = _normalize_date(value) if key.endswith("_date") else value
                break
    return found
