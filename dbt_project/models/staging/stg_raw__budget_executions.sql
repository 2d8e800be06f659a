with

source as (
    select * from {{ source('raw', 'report_budget_execution') }}
),

renamed as (
    select
        document_sha256 as report_id,
        initial_wan,
        full_year_wan,
        executed_wan,
        {{ wan_to_yuan('initial_wan') }} as initial_yuan,
        {{ wan_to_yuan('full_year_wan') }} as full_year_yuan,
        {{ wan_to_yuan('executed_wan') }} as executed_yuan,
        rate_pct as execution_rate_pct,
        weight as weight_points,
        score as score_points,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
