with

source as (
    select * from {{ source('raw', 'report_staffing') }}
),

renamed as (
    select
        document_sha256 as report_id,
        category as staff_category,
        headcount,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
