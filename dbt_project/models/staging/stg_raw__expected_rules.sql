with

source as (
    select * from {{ source('raw', 'expected_rules') }}
),

renamed as (
    select
        report_kind,
        due_month,
        due_day,
        is_carried_forward,
        loaded_at
    from source
)

select * from renamed
