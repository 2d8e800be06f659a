-- A returned row is a fact row whose report is superseded or unknown to dim_report:
-- the marts must carry current reports only.
{%- set fact_marts = [
    'fct_expenditure', 'fct_project_expenditure', 'fct_performance_indicator', 'fct_budget_execution',
    'fct_staffing', 'fct_cost_control', 'fct_narrative_metric', 'fct_report_statement',
] %}

with

fact_reports as (
    {%- for mart in fact_marts %}
        select
            report_id,
            '{{ mart }}' as mart
        from {{ ref(mart) }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
)

select
    fact_reports.mart,
    fact_reports.report_id,
    dim_report.is_current
from fact_reports
left join {{ ref('dim_report') }} as dim_report on fact_reports.report_id = dim_report.report_id
where dim_report.is_current is null or not dim_report.is_current
