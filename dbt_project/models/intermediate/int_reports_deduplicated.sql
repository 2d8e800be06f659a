-- A corrected re-publication (same unit_name, fiscal_year and report_kind, published or collected
-- later) supersedes the older report. Reports without a unit name or fiscal year are never merged:
-- nothing says two of them are the same report.
with

reports as (
    select * from {{ ref('stg_raw__reports') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

reports_with_documents as (
    select
        reports.report_id,
        reports.report_kind,
        reports.report_title,
        reports.unit_name,
        reports.province_name,
        reports.city_name,
        reports.district_name,
        reports.division_code,
        reports.fiscal_year,
        reports.self_score,
        documents.source_uri,
        documents.portal,
        documents.document_format,
        documents.collected_at,
        documents.published_date,
        reports.parser_version,
        reports.loaded_at,
        {{ unit_key('reports.unit_name', 'reports.division_code') }} as unit_id,
        (reports.unit_name is not null and reports.fiscal_year is not null) as is_mergeable
    from reports
    inner join documents on reports.report_id = documents.document_sha256
    where coalesce(documents.document_status, '') != 'quarantined'
),

successors as (
    select
        *,
        -- Newest first, so the row before this one in the window is its immediate successor.
        lag(report_id) over (
            partition by unit_name, fiscal_year, report_kind
            order by published_date desc nulls last, collected_at desc nulls last, report_id desc
        ) as newer_report_id
    from reports_with_documents
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
        case when is_mergeable then newer_report_id end as superseded_by_report_id,
        (not is_mergeable or newer_report_id is null) as is_current
    from successors
)

select * from deduplicated
