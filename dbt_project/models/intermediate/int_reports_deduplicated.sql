-- A corrected re-publication (same unit_name, fiscal_year and report_kind, published or collected
-- later) supersedes the older report. Reports without a unit name or fiscal year are never merged:
-- nothing says two of them are the same report. An attachment (int_reports_resolved) is never
-- current: its figures are its main report's.
with

reports as (
    select
        *,
        {{ unit_key('unit_name', 'division_code') }} as unit_id,
        (unit_name is not null and fiscal_year is not null and attached_to_report_id is null) as is_mergeable
    from {{ ref('int_reports_resolved') }}
),

successors as (
    select
        *,
        -- Newest first, so the row before this one in the window is its immediate successor.
        lag(report_id) over (
            partition by unit_name, fiscal_year, report_kind, (attached_to_report_id is null)
            order by published_date desc nulls last, collected_at desc nulls last, report_id desc
        ) as newer_report_id
    from reports
),

deduplicated as (
    select
        report_id,
        report_kind,
        report_title,
        unit_id,
        unit_name,
        province_name,
        city_name,
        district_name,
        division_code,
        fiscal_year,
        self_score,
        source_uri,
        portal,
        document_format,
        collected_at,
        published_date,
        parser_version,
        loaded_at,
        attached_to_report_id,
        case when is_mergeable then newer_report_id end as superseded_by_report_id,
        (attached_to_report_id is null and (not is_mergeable or newer_report_id is null)) as is_current
    from successors
)

select * from deduplicated
