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

indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

final as (
    select
        indicators.report_id,
        indicators.indicator_seq,
        indicators.level1_name,
        indicators.level2_name,
        indicators.indicator_name,
        indicators.target_value,
        indicators.actual_value,
        indicators.weight_points,
        indicators.score_points,
        indicators.deviation_note,
        current_reports.fiscal_year,
        current_reports.unit_id,
        indicators.evidence_text
    from indicators
    inner join current_reports on indicators.report_id = current_reports.report_id
)

select * from final
