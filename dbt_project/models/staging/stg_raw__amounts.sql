with

source as (
    select * from {{ source('raw', 'report_amounts') }}
),

renamed as (
    select
        document_sha256 as report_id,
        line_item,
        amount_wan,
        {{ wan_to_yuan('amount_wan') }} as amount_yuan,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
