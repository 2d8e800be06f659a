with

source as (
    select * from {{ source('raw', 'report_metrics') }}
),

renamed as (
    select
        document_sha256 as report_id,
        metric_seq,
        name as metric_name,
        value as metric_value,
        unit as metric_unit,
        qualifier,
        evidence_text,
        evidence_start,
        evidence_end,
        parser_version,
        loaded_at
    from source
)

select * from renamed
