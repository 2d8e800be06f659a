with

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
),

fiscal_years as (
    select distinct fiscal_year
    from reports
    where fiscal_year is not null
),

final as (
    select
        fiscal_year,
        {{ year_date('fiscal_year', 1, 1) }} as year_start_date,
        {{ year_date('fiscal_year', 12, 31) }} as year_end_date
    from fiscal_years
)

select * from final
