"""Readers turn the bytes of one file into a ``Document``: the same block model from every format."""

from ingestion.documents.model import Cell, Document, DocumentBuilder, Paragraph, Table

__all__ = ["Cell", "Document", "DocumentBuilder", "Paragraph", "Table"]
