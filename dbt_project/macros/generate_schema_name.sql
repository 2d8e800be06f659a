{#- Layer schemas: "staging", "intermediate", "marts" on DuckDB (one file per warehouse), and
    "<target.schema>_<layer>" on PostgreSQL, so one database holds several isolated deployments
    (a test run picks a unique target schema). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ return(adapter.dispatch('generate_schema_name_for_layer', 'bpw')(custom_schema_name)) }}
{%- endmacro %}

{% macro default__generate_schema_name_for_layer(custom_schema_name) -%}
    {%- if custom_schema_name is none -%}
        {{ return(target.schema) }}
    {%- endif -%}
    {{ return(target.schema ~ '_' ~ custom_schema_name | trim) }}
{%- endmacro %}

{% macro duckdb__generate_schema_name_for_layer(custom_schema_name) -%}
    {%- if custom_schema_name is none -%}
        {{ return(target.schema) }}
    {%- endif -%}
    {{ return(custom_schema_name | trim) }}
{%- endmacro %}
