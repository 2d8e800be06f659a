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

projects as (
    select * from {{ ref('stg_raw__projects') }}
),

final as (
    select
        projects.report_id,
        projects.project_seq,
        projects.project_name,
        projects.project_type,
        projects.project_purpose,
        projects.budget_wan,
        projects.spent_wan,
        projects.budget_yuan,
        projects.spent_yuan,
        current_reports.fiscal_year,
        current_reports.unit_id,
        projects.evidence_text
    from projects
    inner join current_reports on projects.report_id = current_reports.report_id
)

select * from final
