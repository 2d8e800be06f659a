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

statements as (
    select * from {{ ref('stg_raw__statements') }}
),

final as (
    select
        statements.report_id,
        statements.statement_kind,
        statements.statement_seq,
        statements.statement_text,
        current_reports.fiscal_year,
        current_reports.unit_id
    from statements
    inner join current_reports on statements.report_id = current_reports.report_id
)

select * from final
