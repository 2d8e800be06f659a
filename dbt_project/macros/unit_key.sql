{#- The surrogate key of a reporting unit: md5 of unit_name || '|' || division_code (empty when
    unknown); null when the report names no unit. md5 returns text on PostgreSQL and varchar on
    DuckDB: the cast makes both match the marts' contracts. -#}
{% macro unit_key(unit_name, division_code) -%}
    case
        when {{ unit_name }} is not null
            then cast(md5({{ unit_name }} || '|' || coalesce({{ division_code }}, '')) as varchar)
    end
{%- endmacro %}
