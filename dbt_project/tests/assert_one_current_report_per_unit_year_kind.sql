-- A returned row is a unit, fiscal year and report kind with more than one current report:
-- a re-publication failed to supersede the older report, so the marts would count it twice.
select
    unit_name,
    fiscal_year,
    report_kind,
    count(*) as current_reports
from {{ ref('dim_report') }}
where
    is_current
    and unit_name is not null
    and fiscal_year is not null
group by unit_name, fiscal_year, report_kind
having count(*) > 1
