with

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
),

final as (
    -- unit_id is derived from exactly these two columns, so distinct yields one row per unit.
    select distinct
        unit_id,
        unit_name,
        division_code
    from reports
    where unit_id is not null
)

select * from final
