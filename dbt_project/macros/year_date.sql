{#- A date in a fiscal (= calendar) year; make_date(year, month, day) exists on DuckDB and PostgreSQL. -#}
{% macro year_date(year_column, month, day) -%}
    make_date(cast({{ year_column }} as integer), {{ month }}, {{ day }})
{%- endmacro %}
