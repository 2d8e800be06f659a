{#- A document's file name without its extension, from its source URI (the last path segment).
    Portal URLs are percent-encoded and drop-folder paths are not: DuckDB decodes both alike;
    PostgreSQL has no URL decoding built in, so there an encoded name stays encoded (attachments
    are then linked by their figures alone, see int_reports_resolved). -#}
{% macro file_stem(uri) -%}
    {%- if target is defined and target.type == 'postgres' -%}
        regexp_replace(substring({{ uri }} from '[^/]*$'), '\.[A-Za-z0-9]+$', '')
    {%- else -%}
        regexp_replace(url_decode(regexp_extract({{ uri }}, '[^/]*$')), '\.[A-Za-z0-9]+$', '')
    {%- endif -%}
{%- endmacro %}
