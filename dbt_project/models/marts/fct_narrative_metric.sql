with

current_reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where is_current
),

metrics as (
    select * from {{ ref('stg_raw__metrics') }}
),

final as (
    select
        metrics.report_id,
        metrics.metric_seq,
        metrics.metric_name,
        metrics.metric_value,
        metrics.metric_unit,
        metrics.qualifier,
        current_reports.fiscal_year,
        current_reports.unit_id,
        metrics.evidence_text
    from metrics
    inner join current_reports on metrics.report_id = current_reports.report_id
)

select * from final
