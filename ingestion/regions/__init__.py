"""Regions: resolve province / city / district and the GB/T 2260 code, offline.

Data: ``cpca`` 0.5.5's bundled ``adcodes.csv`` (2021 vintage), read as a file; see
``gazetteer``. ``resolve_region`` decides which places in a report are the unit's own.
"""

from ingestion.regions.gazetteer import DATASET_VINTAGE, Division, load_gazetteer
from ingestion.regions.resolve import Region, region_of, resolve_region, split_region_prefix

__all__ = [
    "DATASET_VINTAGE",
    "Division",
    "Region",
    "load_gazetteer",
    "region_of",
    "resolve_region",
    "split_region_prefix",
]
