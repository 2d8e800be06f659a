with

source as (
    select * from {{ source('raw', 'report_statements') }}
),

renamed as (
    select
        document_sha256 as report_id,
        statement_kind,
        statement_seq,
        statement_text,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
