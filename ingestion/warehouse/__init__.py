"""Loading the warehouse: the raw-layer writer and the dbt runner that builds the marts."""

from ingestion.warehouse.connection import Warehouse, connect
from ingestion.warehouse.staging import LoadResult, load_documents

__all__ = ["LoadResult", "Warehouse", "connect", "load_documents"]
