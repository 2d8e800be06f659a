with

source as (
    select * from {{ source('raw', 'reports') }}
),

renamed as (
    select
        document_sha256 as report_id,
        contract as contract_version,
        kind as report_kind,
        title as report_title,
        unit_name,
        province as province_name,
        city as city_name,
        district as district_name,
        division_code,
        fiscal_year,
        self_score,
        source_format,
        parser_version,
        loaded_at
    from source
)

select * from renamed
