with

source as (
    select * from {{ source('raw', 'report_indicators') }}
),

renamed as (
    select
        document_sha256 as report_id,
        indicator_seq,
        level1 as level1_name,
        level2 as level2_name,
        name as indicator_name,
        target as target_value,
        actual as actual_value,
        weight as weight_points,
        score as score_points,
        note as deviation_note,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
