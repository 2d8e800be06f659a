"""Invented portal drops with ground truth, for testing collectors, readers and the parser.

Units and their figures are invented; region names and GB/T 2260 codes are real (from the cpca
package's bundled table). A report is written once as a ``ReportDocument`` (title, headings,
paragraphs, tables) and rendered to each format; its ``truth`` is the report-extraction/1 JSON a
perfect parser would print for it, plus ``_expected_findings``: the arithmetic rules the report
breaks on purpose. The drop's layout is described in ``drop.py``.

    python -m ingestion generate --reports 50 --years 2019-2024 --formats txt,docx,pdf,html,xlsx \
        --out DIR --seed 1 --broken 10
"""
