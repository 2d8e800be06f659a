with

source as (
    select * from {{ source('raw', 'report_cost_control') }}
),

renamed as (
    select
        document_sha256 as report_id,
        row_seq,
        item as item_name,
        prior_final_wan,
        budget_wan,
        final_wan,
        {{ wan_to_yuan('prior_final_wan') }} as prior_final_yuan,
        {{ wan_to_yuan('budget_wan') }} as budget_yuan,
        {{ wan_to_yuan('final_wan') }} as final_yuan,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
