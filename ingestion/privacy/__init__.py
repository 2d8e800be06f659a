"""Personal data out of everything but the raw archive (docs/privacy.md, ADR 0005).

``mask_document`` is applied once, where an extraction is produced (``parsing.report``): the
extraction JSON, the raw tables, the marts, the published files and the Data Docs are all built
from the masked text, so nothing downstream ever sees a name, phone number, ID number or
e-mail address of a private person.
"""

from ingestion.privacy.mask import MASK, find_personal_data, mask_document, mask_text
from ingestion.privacy.patterns import Found

__all__ = ["MASK", "Found", "find_personal_data", "mask_document", "mask_text"]
