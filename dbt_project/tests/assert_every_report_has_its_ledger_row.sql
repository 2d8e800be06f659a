-- A returned row is a report in dim_report with no document in the ledger, or whose ledger
-- status disagrees with is_current (a report that is not current is superseded, or attached to
-- its main report): lineage from mart back to document is broken.
select
    dim_report.report_id,
    dim_report.is_current,
    ledger.status
from {{ ref('dim_report') }} as dim_report
left join {{ ref('fct_document_ledger') }} as ledger on dim_report.report_id = ledger.document_sha256
where
    ledger.document_sha256 is null
    or (dim_report.is_current and ledger.status in ('superseded', 'attached'))
    or (not dim_report.is_current and ledger.status not in ('superseded', 'attached'))
