with

source as (
    select * from {{ source('raw', 'report_projects') }}
),

renamed as (
    select
        document_sha256 as report_id,
        project_seq,
        name as project_name,
        project_type,
        purpose as project_purpose,
        budget_wan,
        spent_wan,
        {{ wan_to_yuan('budget_wan') }} as budget_yuan,
        {{ wan_to_yuan('spent_wan') }} as spent_yuan,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
