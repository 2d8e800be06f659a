-- depends_on: {{ ref('stg_raw__documents') }}  (read by reports_to_rebuild in incremental builds)

with

current_reports as (
    select * from {{ ref('int_reports_deduplicated') }}
    where
        is_current
        {% if is_incremental() -%}
            and report_id in ({{ reports_to_rebuild() }})
        {%- endif %}
),

amounts as (
    select * from {{ ref('stg_raw__amounts') }}
),

line_items as (
    select
        line_item,
        line_item_name_zh,
        -- An empty seed cell is "no parent", whether it arrives as null or as ''.
        nullif(parent_line_item, '') as parent_line_item
    from {{ ref('line_items') }}
),

final as (
    select
        amounts.report_id,
        amounts.line_item,
        line_items.line_item_name_zh,
        line_items.parent_line_item,
        amounts.amount_wan,
        amounts.amount_yuan,
        current_reports.fiscal_year,
        current_reports.unit_id,
        amounts.evidence_text,
        amounts.evidence_start,
        amounts.evidence_end
    from amounts
    inner join current_reports on amounts.report_id = current_reports.report_id
    left join line_items on amounts.line_item = line_items.line_item
)

select * from final
