"""The raw archive and the document ledger: land collected files, then parse what is pending.

- ``land`` / ``collect_into_archive``  bytes in, content-addressed, every sighting recorded
- ``pending_documents`` / ``parse_pending``  archived bytes -> extraction JSON, status parsed/quarantined
- ``iter_ledger`` / ``load_extraction``  what the warehouse loader reads
"""

from ingestion.landing.land import LandingResult, collect_into_archive, land
from ingestion.landing.ledger import LANDED, PARSED, QUARANTINED, iter_ledger, load_extraction
from ingestion.landing.parse import ParseResult, QuarantinedDocument, parse_pending, pending_documents

__all__ = [
    "LANDED",
    "PARSED",
    "QUARANTINED",
    "LandingResult",
    "ParseResult",
    "QuarantinedDocument",
    "collect_into_archive",
    "iter_ledger",
    "land",
    "load_extraction",
    "parse_pending",
    "pending_documents",
]
