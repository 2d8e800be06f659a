-- Every parsed report with its document's lineage, its unit resolved from the unit's other
-- documents, and attachments linked to their main report:
-- * a report that names no unit, whose portal names it (unit_hint, region prefix included),
--   takes the unit of the same portal whose name ends that hint (the longest such name);
-- * a unit without a region code takes the code its other documents on the portal state,
--   when they state exactly one;
-- * a form published beside a report (自评表, 绩效目标表: a title or file name ending in 表, or an
--   untitled spreadsheet) is an attachment
--   of the report of the same portal, fiscal year and kind whose file name starts its own
--   (P0201.docx -> P0201-自评表.xlsx) or whose budget execution has the same figures; it takes
--   that report's unit and is never a current report of its own.
with

reports as (
    select * from {{ ref('stg_raw__reports') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

executions as (
    select * from {{ ref('stg_raw__budget_executions') }}
),

parsed as (
    select
        reports.*,
        documents.source_uri,
        documents.portal,
        documents.document_format,
        documents.collected_at,
        documents.published_date,
        documents.unit_hint,
        {{ file_stem('documents.source_uri') }} as file_stem,
        coalesce(
            reports.report_title like '%表'
            or {{ file_stem('documents.source_uri') }} like '%表'
            or (reports.report_title is null and documents.document_format in ('xlsx', 'xls')),
            false
        ) as is_form
    from reports
    inner join documents on reports.report_id = documents.document_sha256
    where coalesce(documents.document_status, '') != 'quarantined'
),

portal_units as (
    select distinct
        portal,
        unit_name
    from parsed
    where unit_name is not null
),

hinted_units as (
    select
        parsed.report_id,
        portal_units.unit_name,
        row_number() over (
            partition by parsed.report_id
            order by length(portal_units.unit_name) desc, portal_units.unit_name
        ) as preference
    from parsed
    inner join portal_units
        on
            parsed.portal = portal_units.portal
            and parsed.unit_name is null
            and parsed.unit_hint like ('%' || portal_units.unit_name)
),

named as (
    select
        parsed.*,
        coalesce(parsed.unit_name, hinted_units.unit_name) as resolved_unit_name
    from parsed
    left join hinted_units
        on parsed.report_id = hinted_units.report_id and hinted_units.preference = 1
),

unit_regions as (
    select
        portal,
        resolved_unit_name,
        min(division_code) as division_code,
        max(province_name) as province_name,
        max(city_name) as city_name,
        max(district_name) as district_name
    from named
    where resolved_unit_name is not null and division_code is not null
    group by portal, resolved_unit_name
    having count(distinct division_code) = 1
),

located as (
    select
        named.*,
        coalesce(named.division_code, unit_regions.division_code) as resolved_division_code,
        case when named.division_code is null then unit_regions.province_name else named.province_name end
            as resolved_province_name,
        case when named.division_code is null then unit_regions.city_name else named.city_name end
            as resolved_city_name,
        case when named.division_code is null then unit_regions.district_name else named.district_name end
            as resolved_district_name
    from named
    left join unit_regions
        on named.portal = unit_regions.portal and named.resolved_unit_name = unit_regions.resolved_unit_name
),

attachment_candidates as (
    select
        forms.report_id as attachment_report_id,
        mains.report_id as main_report_id,
        row_number() over (
            partition by forms.report_id
            order by
                case when forms.file_stem like (mains.file_stem || '%') then 0 else 1 end asc,
                mains.published_date desc nulls last,
                mains.report_id asc
        ) as preference
    from located as forms
    inner join located as mains
        on
            forms.portal = mains.portal
            and forms.fiscal_year = mains.fiscal_year
            and forms.report_kind = mains.report_kind
            and forms.report_id != mains.report_id
            and not mains.is_form
            and (forms.resolved_unit_name is null or forms.resolved_unit_name = mains.resolved_unit_name)
    left join executions as form_executions on forms.report_id = form_executions.report_id
    left join executions as main_executions on mains.report_id = main_executions.report_id
    where
        forms.is_form
        and (
            (length(mains.file_stem) >= 4 and forms.file_stem like (mains.file_stem || '%'))
            or (
                form_executions.executed_wan = main_executions.executed_wan
                and form_executions.full_year_wan = main_executions.full_year_wan
                and form_executions.initial_wan = main_executions.initial_wan
            )
        )
),

attachments as (
    select
        attachment_report_id,
        main_report_id
    from attachment_candidates
    where preference = 1
),

final as (
    select
        located.report_id,
        located.report_kind,
        located.report_title,
        located.fiscal_year,
        located.self_score,
        located.source_uri,
        located.portal,
        located.document_format,
        located.collected_at,
        located.published_date,
        located.parser_version,
        located.loaded_at,
        attachments.main_report_id as attached_to_report_id,
        coalesce(mains.resolved_unit_name, located.resolved_unit_name) as unit_name,
        coalesce(mains.resolved_province_name, located.resolved_province_name) as province_name,
        coalesce(mains.resolved_city_name, located.resolved_city_name) as city_name,
        coalesce(mains.resolved_district_name, located.resolved_district_name) as district_name,
        coalesce(mains.resolved_division_code, located.resolved_division_code) as division_code
    from located
    left join attachments on located.report_id = attachments.attachment_report_id
    left join located as mains on attachments.main_report_id = mains.report_id
)

select * from final
