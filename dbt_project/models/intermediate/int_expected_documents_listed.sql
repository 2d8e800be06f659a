-- Who is expected to publish which kind of report for which fiscal year, from two sources:
-- the registry (config/expected_documents.yml), and units seen in earlier years: a unit that
-- published a carried-forward kind is expected to publish it every later year, up to the latest
-- fiscal year any current report covers (a year nobody has reached yet is expected of no one).
with

registry as (
    select * from {{ ref('stg_raw__expected_documents') }}
),

rules as (
    select * from {{ ref('stg_raw__expected_rules') }}
),

reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where is_current and unit_id is not null and fiscal_year is not null
),

horizon as (
    select max(fiscal_year) as last_fiscal_year from reports
),

-- The contract's fiscal-year range; joined below, so only the years needed survive.
year_spine as (
    select cast(spine.fiscal_year as integer) as fiscal_year
    from generate_series(1990, 2100) as spine (fiscal_year)
),

first_publications as (
    select
        reports.unit_id,
        reports.report_kind,
        max(reports.unit_name) as unit_name,
        max(reports.division_code) as division_code,
        min(reports.fiscal_year) as first_fiscal_year
    from reports
    inner join rules
        on reports.report_kind = rules.report_kind and rules.is_carried_forward
    group by reports.unit_id, reports.report_kind
),

seen_in_earlier_years as (
    select
        first_publications.unit_id,
        first_publications.unit_name,
        first_publications.division_code,
        first_publications.report_kind,
        year_spine.fiscal_year,
        false as is_in_registry,
        true as is_seen_in_earlier_years
    from first_publications
    cross join horizon
    inner join year_spine
        on
            first_publications.first_fiscal_year <= year_spine.fiscal_year
            and horizon.last_fiscal_year >= year_spine.fiscal_year
),

listed as (
    select
        {{ unit_key('unit_name', 'division_code') }} as unit_id,
        unit_name,
        division_code,
        report_kind,
        fiscal_year,
        true as is_in_registry,
        false as is_seen_in_earlier_years
    from registry
),

combined as (
    select * from listed
    union all
    select * from seen_in_earlier_years
),

final as (
    select
        unit_id,
        report_kind,
        fiscal_year,
        max(unit_name) as unit_name,
        max(division_code) as division_code,
        bool_or(is_in_registry) as is_in_registry,
        bool_or(is_seen_in_earlier_years) as is_seen_in_earlier_years
    from combined
    group by unit_id, report_kind, fiscal_year
)

select * from final
