with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
),

final as (
    select
        documents.document_sha256,
        cast(
            case
                when reports.attached_to_report_id is not null then 'attached'
                when not reports.is_current then 'superseded'
                else documents.document_status
            end
            as varchar
        ) as status,
        documents.status_reason,
        documents.source_uri,
        documents.portal,
        documents.document_format,
        documents.size_bytes,
        documents.collected_at,
        documents.published_date,
        documents.parser_version,
        documents.loaded_at,
        reports.superseded_by_report_id as superseded_by,
        reports.attached_to_report_id as attached_to,
        (reports.report_id is not null) as has_report
    from documents
    left join reports on documents.document_sha256 = reports.report_id
)

select * from final
