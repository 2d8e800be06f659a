-- One row per expected report (unit, fiscal year, kind) and what became of it:
-- published (one report), superseded (published, then replaced by a corrected re-publication),
-- overdue (nothing published and past its due date) or expected (nothing yet, not due yet).
-- var('expected_as_of_date') pins "today" (YYYY-MM-DD) for reproducible reports; default: today.
with

expected as (
    select * from {{ ref('int_expected_documents_listed') }}
),

rules as (
    select * from {{ ref('stg_raw__expected_rules') }}
),

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where unit_id is not null and fiscal_year is not null
),

publications as (
    select
        unit_id,
        fiscal_year,
        report_kind,
        count(*) as reports_published,
        max(case when is_current then report_id end) as report_id,
        min(coalesce(published_date, cast(collected_at as date))) as first_published_date
    from reports
    group by unit_id, fiscal_year, report_kind
),

dated as (
    select
        expected.*,
        {{ year_date('expected.fiscal_year + 1', 'rules.due_month', 'rules.due_day') }} as due_date,
        {% if var('expected_as_of_date', none) -%}
            cast('{{ var("expected_as_of_date") }}' as date)
        {%- else -%}
            current_date
        {%- endif %} as as_of_date
    from expected
    inner join rules on expected.report_kind = rules.report_kind
),

final as (
    select
        cast(
            md5(dated.unit_id || '|' || dated.report_kind || '|' || cast(dated.fiscal_year as varchar))
            as varchar
        ) as expected_document_id,
        dated.unit_id,
        dated.unit_name,
        dated.division_code,
        dated.report_kind,
        dated.fiscal_year,
        dated.is_in_registry,
        dated.is_seen_in_earlier_years,
        dated.due_date,
        dated.as_of_date,
        publications.report_id,
        publications.first_published_date,
        coalesce(publications.reports_published, 0) as reports_published,
        case
            when publications.reports_published > 1 then 'superseded'
            when publications.reports_published = 1 then 'published'
            when dated.due_date < dated.as_of_date then 'overdue'
            else 'expected'
        end as publication_status
    from dated
    left join publications
        on
            dated.unit_id = publications.unit_id
            and dated.fiscal_year = publications.fiscal_year
            and dated.report_kind = publications.report_kind
)

select * from final
