with

source as (
    select * from {{ source('raw', 'expected_documents') }}
),

renamed as (
    select
        unit_name,
        division_code,
        report_kind,
        fiscal_year,
        loaded_at
    from source
)

select * from renamed
