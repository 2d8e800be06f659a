"""The report-extraction/1 contract as code: typed models and the vocabularies, declared once.

``python -m ingestion.contract`` rewrites ``dbt_project/seeds/line_items.csv`` from the vocabulary;
``python -m ingestion.contract --schema`` prints the JSON schema generated from the models.
"""

from ingestion.contract.models import CONTRACT, GroundTruth, ReportExtraction
from ingestion.contract.vocabulary import LINE_ITEMS, PUBLISHED_KINDS, REPORT_KINDS, STAFF_CATEGORIES

__all__ = [
    "CONTRACT",
    "LINE_ITEMS",
    "PUBLISHED_KINDS",
    "REPORT_KINDS",
    "STAFF_CATEGORIES",
    "GroundTruth",
    "ReportExtraction",
]
