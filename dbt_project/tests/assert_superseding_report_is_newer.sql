-- A returned row is a superseded report whose successor is not a later publication of the same
-- unit, fiscal year and kind: supersession picked the wrong report to keep.
select
    older.report_id,
    older.superseded_by_report_id
from {{ ref('dim_report') }} as older
left join {{ ref('dim_report') }} as newer on older.superseded_by_report_id = newer.report_id
where
    older.superseded_by_report_id is not null
    and (
        newer.report_id is null
        or newer.unit_name != older.unit_name
        or newer.fiscal_year != older.fiscal_year
        or newer.report_kind != older.report_kind
        or coalesce(newer.published_date, older.published_date) < older.published_date
        or (
            coalesce(newer.published_date, older.published_date) = older.published_date
            and newer.collected_at < older.collected_at
        )
    )
