-- depends_on: {{ ref('stg_raw__documents') }}  (read by reports_to_rebuild in incremental builds)

with

current_reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where
        is_current
        {% if is_incremental() -%}
            and report_id in ({{ reports_to_rebuild() }})
        {%- endif %}
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
