"""Read old binary Office files (.doc, .xls, RTF) by converting them with LibreOffice.

The conversion runs headless in a private temporary folder, with its own LibreOffice profile so
concurrent runs do not share one, and a timeout. The input is written under a fixed name: a
drop's file name is untrusted and never reaches a command line, and the command is an argument
list, never a shell string. The converted .docx/.xlsx then goes through the ordinary reader,
so its safety checks apply to LibreOffice's output as well.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ingestion import errors
from ingestion.documents.model import Document

CONVERSION_TIMEOUT_SECONDS = 120
_TARGET = {"doc": "docx", "xls": "xlsx"}


def convert_with_libreoffice(data: bytes, source_format: str, target_format: str, name: str) -> bytes:
    """The bytes of ``data`` converted by ``soffice --headless --convert-to target_format``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise errors.DocumentRejected(
            errors.CONVERTER_MISSING, f"LibreOffice is not installed: cannot read .{source_format} ({name})"
        )
    with tempfile.TemporaryDirectory(prefix="bpw-convert-") as folder:
        workdir = Path(folder)
        source = workdir / f"input.{source_format}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(workdir / "out"),
            str(source),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, timeout=CONVERSION_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise errors.DocumentRejected(
                errors.CORRUPT,
                f"{name}: LibreOffice did not convert it within {CONVERSION_TIMEOUT_SECONDS} s",
            ) from exc
        converted = workdir / "out" / f"input.{target_format}"
        if completed.returncode != 0 or not converted.exists():
            detail = completed.stderr.decode("utf-8", errors="replace").strip()[-300:]
            raise errors.DocumentRejected(
                errors.CORRUPT,
                f"{name}: LibreOffice could not convert .{source_format} "
                f"(exit {completed.returncode}) {detail}",
            )
        return converted.read_bytes()


def read_legacy_office(data: bytes, name: str, format: str) -> Document:
    """A .doc/.xls (or RTF) -> ``Document`` via LibreOffice; ``Document.format`` stays ``format``."""
    source_suffix = "rtf" if data.startswith(b"{\\rtf") else format
    converted = convert_with_libreoffice(data, source_suffix, _TARGET[format], name)
    if format == "xls":
        from ingestion.documents.xlsx import read_xlsx

        return read_xlsx(converted, name, format="xls")
    from ingestion.documents.docx import read_docx

    return read_docx(converted, name, format="doc")
