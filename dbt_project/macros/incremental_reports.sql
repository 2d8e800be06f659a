{#-
  The fact marts are incremental on report_id (delete+insert). A build rebuilds only the reports
  whose rows may differ from what a full build would give:
  * documents loaded since the last successful build (var changed_since, the newest loaded_at that
    build saw; the pipeline passes it, docs/operations.md), i.e. new, re-parsed or quarantined ones;
  * reports with rows here that are no longer current, or whose unit or fiscal year changed
    (a corrected re-publication, an attachment, a unit resolved from another document);
  * current reports without rows here (newly current again; for most reports: no facts of this kind).
  A rule or model change needs `dbt build --full-refresh` (the pipeline does it when the project changed).
-#}
{% macro reports_to_rebuild() %}
    select documents.document_sha256 as report_id
    from {{ ref('stg_raw__documents') }} as documents
    {%- if var('changed_since', none) is not none %}
        where documents.loaded_at > cast('{{ var("changed_since") }}' as timestamp)
    {%- endif %}
    union
    select existing.report_id
    from {{ this }} as existing
    left join {{ ref('int_reports_deduplicated') }} as reports
        on existing.report_id = reports.report_id and reports.is_current
    where
        reports.report_id is null
        or reports.unit_id is distinct from existing.unit_id
        or reports.fiscal_year is distinct from existing.fiscal_year
    union
    select reports.report_id
    from {{ ref('int_reports_deduplicated') }} as reports
    where reports.is_current and reports.report_id not in (select existing.report_id from {{ this }} as existing)
{% endmacro %}

{#- pre_hook of the incremental fact marts: a rebuilt report's old rows go first, including those of
    a report that now has no rows here at all (delete+insert alone would keep them). -#}
{% macro delete_reports_to_rebuild() %}
    {%- if is_incremental() -%}
        delete from {{ this }} where report_id in ({{ reports_to_rebuild() }})
    {%- endif -%}
{% endmacro %}
