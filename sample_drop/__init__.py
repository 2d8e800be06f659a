"""Invented portal drops with ground truth, for testing collectors, readers and the parser.

A package beside the product, not part of it: ``make`` installs it with its own dependencies (the
``sample`` extra: fpdf2 and a CJK font) for the sample run, the tests and the benchmarks; the
runtime package ``ingestion`` never imports it.

Units and their figures are invented; region names and GB/T 2260 codes are real (from the cpca
package's bundled table). A report is written once as a ``ReportDocument`` (title, headings,
paragraphs, tables) and rendered to each format; its ``truth`` is the report-extraction/1 JSON a
perfect parser would print for it, plus ``_expected_findings``: the arithmetic rules the report
breaks on purpose. The drop's layout is described in ``drop.py``.

    python -m sample_drop --reports 50 --years 2019-2024 --formats txt,docx,pdf,html,xlsx \
        --out DIR --seed 1 --broken 10
"""
