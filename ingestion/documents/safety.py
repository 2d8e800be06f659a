"""Guards run on untrusted Office files before any parser library touches them.

A .docx or .xlsx is a zip of XML parts. Its central directory says, before anything is
decompressed, how many entries it has and how large they become: a zip bomb is refused on
those numbers alone. The directory may lie, so every entry is then inflated in bounded chunks
(``zip_stream``) under a running byte budget, refused the moment it passes the budget
(``unsafe``) or its own stated size (``corrupt``, as for a CRC that does not match); once
vetted, the libraries' own reads are bounded by sizes that are true. Every XML part is fed to
expat as it inflates, with handlers that refuse DOCTYPE and ENTITY declarations (billion
laughs, external entities; Office never writes them), the checks defusedxml makes, and that it
is well-formed. No element tree is built: building
one in Python for every part cost 0.2 s per document, nine tenths of reading a .docx.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any
from xml.parsers import expat

from ingestion import errors
from ingestion.documents.zip_stream import member_chunks

MAX_ZIP_ENTRIES = 5000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
# Office XML compresses ~5-30x; repetitive parts of a real file stay well under this.
MAX_COMPRESSION_RATIO = 200
# Ratios are only meaningful once a part is large: a 2 KB part of spaces may legally hit 1000x.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_END_OF_CENTRAL_DIRECTORY = b"PK\x05\x06"


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The zip's directory, or the specific reason it cannot be read (cut short vs damaged)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if _END_OF_CENTRAL_DIRECTORY not in data[-66_000:]:
            raise errors.DocumentRejected(
                errors.TRUNCATED,
                f"{name}: zip archive ends after {len(data)} bytes without its central directory "
                "(download cut short?)",
            ) from exc
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: damaged zip archive ({exc})") from exc


def check_zip_directory(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse zip bombs and encrypted entries from the directory, before decompressing anything."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise errors.DocumentRejected(
            errors.UNSAFE, f"{name}: {len(entries)} zip entries, over the limit of {MAX_ZIP_ENTRIES}"
        )
    total = sum(info.file_size for info in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise errors.DocumentRejected(
            errors.UNSAFE,
            f"{name}: expands to {total} bytes, over the limit of {MAX_UNCOMPRESSED_BYTES} (zip bomb?)",
        )
    for info in entries:
        if info.flag_bits & 0x1:
            raise errors.DocumentRejected(errors.ENCRYPTED, f"{name}: zip entry {info.filename} is encrypted")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECKED_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise errors.DocumentRejected(
                errors.UNSAFE,
                f"{name}: entry {info.filename} compresses {ratio:.0f}:1, over {MAX_COMPRESSION_RATIO}:1 "
                "(zip bomb?)",
            )


class _Declared(Exception):
    """An XML part declares a DTD or an entity."""


def _refuse(what: str) -> Any:
    def handler(*_: object) -> None:
        raise _Declared(what)

    return handler


def _xml_checker() -> Any:
    """An expat parser raising ``_Declared`` for a DTD or entity declaration (``ExpatError`` when
    malformed), fed a part chunk by chunk."""
    # namespace_separator as ElementTree's parser sets it: an unbound prefix is malformed too.
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse("DTDForbidden")
    parser.EntityDeclHandler = _refuse("EntitiesForbidden")
    parser.UnparsedEntityDeclHandler = _refuse("EntitiesForbidden")
    parser.ExternalEntityRefHandler = _refuse("ExternalReferenceForbidden")
    return parser


def check_members(data: bytes, archive: zipfile.ZipFile, name: str) -> None:
    """Inflate every entry under a running budget (not trusting its stated size) and check its CRC;
    an XML part is fed to expat as it inflates: no DTD, no entities, well-formed."""
    budget = MAX_UNCOMPRESSED_BYTES
    for info in archive.infolist():
        parser = _xml_checker() if info.filename.lower().endswith(_XML_SUFFIXES) else None
        size = crc = 0
        try:
            for chunk in member_chunks(data, info, name):
                size += len(chunk)
                budget -= len(chunk)
                if size > info.file_size or budget < 0:
                    raise _over_budget(name, info, budget)
                crc = zlib.crc32(chunk, crc)
                if parser is not None:
                    parser.Parse(chunk, False)
            if parser is not None:
                parser.Parse(b"", True)
        except _Declared as exc:
            raise errors.DocumentRejected(
                errors.UNSAFE, f"{name}: {info.filename} declares a DTD or entities ({exc})"
            ) from exc
        except expat.ExpatError as exc:
            raise errors.DocumentRejected(
                errors.CORRUPT, f"{name}: {info.filename} is not well-formed XML ({exc})"
            ) from exc
        if (size, crc) != (info.file_size, info.CRC):
            raise errors.DocumentRejected(
                errors.CORRUPT, f"{name}: zip entry {info.filename} does not match its size and CRC"
            )


def _over_budget(name: str, info: zipfile.ZipInfo, budget: int) -> errors.DocumentRejected:
    """Past the budget: a bomb. Past its own stated size: the zip disagrees with itself, as damaged
    data does (random bytes inflate to anything) and as a bomb that lies about its size does."""
    if budget < 0:
        message = f"{name}: entries expand past {MAX_UNCOMPRESSED_BYTES} bytes (zip bomb?)"
        return errors.DocumentRejected(errors.UNSAFE, message)
    message = (
        f"{name}: zip entry {info.filename} claims {info.file_size} bytes but inflates to more "
        "(damaged, or a zip bomb lying about its size)"
    )
    return errors.DocumentRejected(errors.CORRUPT, message)


def checked_office_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open and vet an Office zip; the caller may then hand ``data`` to python-docx/openpyxl."""
    archive = open_zip(data, name)
    check_zip_directory(archive, name)
    check_members(data, archive, name)
    return archive
