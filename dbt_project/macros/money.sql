{#- 万元 (as stated, decimal(18,6)) to yuan (decimal(20,2)); exact, since 10000 shifts 4 of the 6 places. -#}
{% macro wan_to_yuan(column_name) -%}
    cast({{ column_name }} * 10000 as decimal(20, 2))
{%- endmacro %}
