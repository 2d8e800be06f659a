with

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
),

regions as (
    -- Reports may spell a region's names differently; keep one spelling per code.
    select
        division_code,
        max(province_name) as province_name,
        max(city_name) as city_name,
        max(district_name) as district_name
    from reports
    where division_code is not null
    group by division_code
),

final as (
    select
        division_code,
        province_name,
        city_name,
        district_name,
        cast(
            case
                when division_code like '%0000' then 'province'
                when division_code like '%00' then 'city'
                else 'district'
            end as varchar
        ) as region_level
    from regions
)

select * from final
