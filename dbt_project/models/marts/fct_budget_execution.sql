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

executions as (
    select * from {{ ref('stg_raw__budget_executions') }}
),

final as (
    select
        executions.report_id,
        executions.initial_wan,
        executions.full_year_wan,
        executions.executed_wan,
        executions.initial_yuan,
        executions.full_year_yuan,
        executions.executed_yuan,
        executions.execution_rate_pct,
        executions.weight_points,
        executions.score_points,
        current_reports.fiscal_year,
        current_reports.unit_id,
        executions.evidence_text
    from executions
    inner join current_reports on executions.report_id = current_reports.report_id
)

select * from final
