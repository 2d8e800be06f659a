"""Landing: keep every collected file byte for byte and record where it was seen.

The same bytes collected twice (another portal, another name, another run) are one document
with one more sighting. Landing parses nothing; ``parse_pending`` does that from the archive.
A file whose name is not one plain file name is not archived: its bytes are set aside under
``quarantine/<reason>/`` (once) and it is listed in ``rejected_names`` with the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingestion import errors
from ingestion.collect.model import CollectedFile
from ingestion.collect.names import printable_text, safe_suffix, unsafe_name_reason
from ingestion.landing import ledger, quarantine
from ingestion.landing.archive import Archive
from ingestion.progress import Progress
from ingestion.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class LandingResult:
    found: int = 0  # files offered to landing
    new: int = 0  # documents the archive did not have before
    already_known: int = 0  # bytes the archive already had (a new sighting or a rerun)
    known_names: list[str] = field(default_factory=list)  # the files those bytes came in
    rejected_names: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (uri, why it was not collected)
    unchanged: int = 0  # crawl: URLs that answered 304 Not Modified
    warnings: list[str] = field(default_factory=list)


def land(
    collected: Iterable[CollectedFile], settings: Settings, progress: Progress | None = None
) -> LandingResult:
    """Store each file under its sha256 and add its sighting to the ledger."""
    archive = Archive(settings.archive_dir)
    result = LandingResult()
    with archive.locked():
        for item in collected:
            result.found += 1
            if progress is not None:
                progress.advance()
            reason = unsafe_name_reason(item.name)
            if reason is not None:
                # repr: the name may hold control characters that would garble a terminal or log
                shown = printable_text(repr(item.name))
                quarantine.set_aside_unlanded(
                    settings.quarantine_dir, item.data, reason,
                    f"file name {shown} refused ({reason})", printable_text(item.provenance.source_uri),
                )  # fmt: skip
                result.rejected_names.append((shown, reason))
                continue
            _land_one(archive, _printable(item), result)
    return result


def _printable(item: CollectedFile) -> CollectedFile:
    """The file with every text UTF-8 can hold (a name's non-UTF-8 bytes spelled ``\\xNN``)."""
    seen = item.provenance
    provenance = replace(
        seen,
        source_uri=printable_text(seen.source_uri),
        listing_title=_printable_or_none(seen.listing_title),
        publisher=_printable_or_none(seen.publisher),
        unit_hint=_printable_or_none(seen.unit_hint),
    )
    warnings = tuple(printable_text(warning) for warning in item.warnings)
    return replace(item, name=printable_text(item.name), provenance=provenance, warnings=warnings)


def _printable_or_none(text: str | None) -> str | None:
    return None if text is None else printable_text(text)


def _land_one(archive: Archive, item: CollectedFile, result: LandingResult) -> None:
    sha256, _ = archive.store(item.data)
    record = ledger.read_record(archive, sha256)
    if record is None:
        record = ledger.new_record(sha256, len(item.data), _format_of(item))
        result.new += 1
    else:
        result.already_known += 1
        result.known_names.append(item.name)
    ledger.add_sighting(record, item)
    ledger.write_record(archive, record)
    result.warnings.extend(f"{item.name}: {warning}" for warning in item.warnings)


def _format_of(item: CollectedFile) -> str | None:
    """The reader's format name; an unreadable format is noted and decided at parse time."""
    from ingestion.documents.read import detect_format

    try:
        return detect_format(item.data, item.name)
    except errors.DocumentRejected:
        return safe_suffix(item.name).lstrip(".") or None


def collect_into_archive(
    source: str,
    settings: Settings,
    *,
    portals: Collection[str] | None = None,
    progress: Progress | None = None,
) -> LandingResult:
    """Land a drop folder (path or fsspec URL), or crawl the portals of a YAML config (*.yml).

    ``portals`` limits a crawl to these slugs; it is ignored for drop folders. ``progress``
    counts the files landed (with a total for drop folders, which are listed first).
    """
    if source.endswith((".yml", ".yaml")):
        return _crawl_into_archive(Path(source), settings, portals, progress)
    from ingestion.collect.drop_folder import iter_drop_folder

    skipped: list[tuple[str, str]] = []
    on_total = progress.set_total if progress is not None else None
    result = land(iter_drop_folder(source, skipped=skipped, on_total=on_total), settings, progress)
    result.skipped.extend(skipped)
    return result


def _crawl_into_archive(
    config_path: Path, settings: Settings, portals: Collection[str] | None, progress: Progress | None
) -> LandingResult:
    from ingestion.collect.crawler import CrawlLog, crawl_portals
    from ingestion.collect.portal_config import load_portal_configs

    configs = load_portal_configs(config_path)
    if portals is not None:
        unknown = set(portals) - {config.slug for config in configs}
        if unknown:
            raise ValueError(f"portals not in {config_path}: {', '.join(sorted(unknown))}")
        configs = [config for config in configs if config.slug in portals]
    crawl_log = CrawlLog()
    state_path = Archive(settings.archive_dir).crawl_state_path
    result = land(crawl_portals(configs, state_path, crawl_log), settings, progress)
    result.skipped.extend(crawl_log.failures)
    result.unchanged = crawl_log.unchanged
    return result
