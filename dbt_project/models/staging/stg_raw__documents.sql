with

source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        document_sha256,
        source_uri,
        portal,
        format as document_format,
        size_bytes,
        collected_at,
        published_date,
        listing_title,
        publisher,
        unit_hint,
        archive_path,
        status as document_status,
        status_reason,
        parser_version,
        loaded_at
    from source
)

select * from renamed
