with

source as (
    select * from {{ source('raw', 'report_warnings') }}
),

renamed as (
    select
        document_sha256 as report_id,
        warning_seq,
        message as warning_message,
        parser_version,
        loaded_at
    from source
)

select * from renamed
