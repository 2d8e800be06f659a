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
