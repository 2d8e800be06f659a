with

current_reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where is_current
),

staffing as (
    select * from {{ ref('stg_raw__staffing_counts') }}
),

final as (
    select
        staffing.report_id,
        staffing.staff_category,
        staffing.headcount,
        current_reports.fiscal_year,
        current_reports.unit_id,
        staffing.evidence_text
    from staffing
    inner join current_reports on staffing.report_id = current_reports.report_id
)

select * from final
