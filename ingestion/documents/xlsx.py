"""Read an .xlsx (自评表): each sheet's title as a paragraph, its used range as one table.

openpyxl's read-only mode streams cells but does not expose merged ranges, so those are read
from each sheet's ``mergeCells`` element (the zip was vetted by ``safety`` first). A merged
range is read once, as a docx merged cell is: its text at the top-left, nothing for the rest of
its first row, and an empty cell at its left edge in the rows below.

Numbers arrive as floats from openpyxl: they are rendered through their shortest repr and the
cell's number format (decimals, percent), never through float arithmetic.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from typing import Any
from xml.etree.ElementTree import fromstring

import openpyxl
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from ingestion import errors
from ingestion.documents.model import Document, DocumentBuilder, GridSlot
from ingestion.documents.safety import checked_office_zip

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DECIMALS_IN_FORMAT = re.compile(r"0\.(0+)")


def _sheet_merges(archive: zipfile.ZipFile) -> dict[str, list[tuple[int, int, int, int]]]:
    """Sheet title -> merged ranges as (min_col, min_row, max_col, max_row)."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL}Relationship")}
    merges: dict[str, list[tuple[int, int, int, int]]] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if path not in archive.namelist():
            continue
        ranges = []
        for merge in fromstring(archive.read(path)).iter(f"{_MAIN}mergeCell"):
            min_col, min_row, max_col, max_row = range_boundaries(merge.get("ref", ""))
            if None not in (min_col, min_row, max_col, max_row):
                ranges.append((min_col, min_row, max_col, max_row))
        merges[sheet.get("name", "")] = ranges
    return merges


def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the sheet shows it, without float arithmetic."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fmt = number_format or "General"
        percent = "%" in fmt
        if percent:
            number = number.scaleb(2)
        decimals = _DECIMALS_IN_FORMAT.search(fmt)
        if decimals:
            number = number.quantize(Decimal(1).scaleb(-len(decimals.group(1))))
        text = format(number, "f")
        if not decimals and "." in text:
            text = text.rstrip("0").rstrip(".")  # General shows 5.0 as 5
        return f"{text}%" if percent else text
    return str(value).strip()


def _sheet_rows(
    sheet: Any, merged: list[tuple[int, int, int, int]]
) -> tuple[list[list[str]], list[list[GridSlot]]]:
    """Rows of cell texts and their grid slots (sheet columns from 0)."""
    hidden: set[tuple[int, int]] = set()  # positions a merge covers, left out entirely
    emptied: set[tuple[int, int]] = set()  # left edge of a merge below its first row
    widths: dict[tuple[int, int], int] = {}  # left edge of a merge (any of its rows) -> its columns
    for min_col, min_row, max_col, max_row in merged:
        for row in range(min_row, max_row + 1):
            widths[(row, min_col)] = max_col - min_col + 1
            for col in range(min_col, max_col + 1):
                if (row, col) != (min_row, min_col):
                    (emptied if col == min_col else hidden).add((row, col))
    texts: dict[tuple[int, int], str] = {}
    # Dimensions written by non-Excel tools are often wrong ("A1"): scan the real extent.
    sheet.reset_dimensions()
    for row_number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
        for column_number, cell in enumerate(row, start=1):
            text = cell_text(cell.value, getattr(cell, "number_format", None))
            if text:
                texts[(row_number, column_number)] = text
    height = max((row for row, _ in texts), default=0)
    width = max((col for _, col in texts), default=0)
    rows, grid = [], []
    for row in range(1, height + 1):
        columns = [col for col in range(1, width + 1) if (row, col) not in hidden]
        rows.append(["" if (row, col) in emptied else texts.get((row, col), "") for col in columns])
        grid.append([(col - 1, widths.get((row, col), 1)) for col in columns])
    return rows, grid


def read_xlsx(data: bytes, name: str, format: str = "xlsx") -> Document:
    """Bytes of an .xlsx -> ``Document``: per sheet, its title then its used range."""
    with checked_office_zip(data, name) as archive:
        try:
            merges = _sheet_merges(archive)
        except KeyError as exc:
            raise errors.DocumentRejected(errors.CORRUPT, f"{name}: workbook part missing ({exc})") from exc
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: not a readable workbook ({exc})") from exc
    builder = DocumentBuilder(format)
    try:
        for sheet in workbook.worksheets:
            builder.add_paragraph(sheet.title)
            builder.add_table(*_sheet_rows(sheet, merges.get(sheet.title, [])))
    finally:
        workbook.close()
    return builder.build()
