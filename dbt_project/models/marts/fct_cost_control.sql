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

cost_control as (
    select * from {{ ref('stg_raw__cost_control_rows') }}
),

final as (
    select
        cost_control.report_id,
        cost_control.row_seq,
        cost_control.item_name,
        cost_control.prior_final_wan,
        cost_control.budget_wan,
        cost_control.final_wan,
        cost_control.prior_final_yuan,
        cost_control.budget_yuan,
        cost_control.final_yuan,
        current_reports.fiscal_year,
        current_reports.unit_id,
        cost_control.evidence_text
    from cost_control
    inner join current_reports on cost_control.report_id = current_reports.report_id
)

select * from final
