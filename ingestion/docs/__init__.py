"""The operator's pages, readable with no network: dbt docs, GX Data Docs and the overview.

``python -m ingestion docs`` (``make docs``) builds them under ``BPW_HOME/docs``; see
docs/operations.md, "Docs and the overview".
"""
