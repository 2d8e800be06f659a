with

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
),

final as (
    select
        report_id,
        report_kind,
        report_title,
        unit_id,
        unit_name,
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
        is_current,
        superseded_by_report_id,
        attached_to_report_id
    from reports
)

select * from final
