"""Collect, parse and load budget-performance reports into the warehouse.

Sub-packages, in the order data flows through them:

- ``collect``    portal drops and listing crawls -> raw bytes with provenance (I/O only)
- ``landing``    content-addressed archive and the document ledger
- ``documents``  bytes of any format -> one ``Document`` of blocks (paragraphs, tables)
- ``parsing``    ``Document`` -> the report-extraction/1 contract (no I/O)
- ``warehouse``  the one place that writes the warehouse: staging loads, dbt, publishing
- ``generate``   invented portal drops with ground truth, for the sample run, tests and benchmarks
"""

__version__ = "0.1.0"
