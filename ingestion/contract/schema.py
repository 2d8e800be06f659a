"""The JSON schema generated from the models, and its shape, to compare with the shared schema.

The shared ``report-extraction.schema.json`` is written by hand (``{"type": ["string", "null"]}``,
``$ref`` to a ``wan`` definition); pydantic writes the same constraints differently (``anyOf`` with
``null``, its own ``$defs``, titles). ``shape`` reduces either to what a document must look like:
per node its JSON types, enum or const, pattern, bounds, required keys and the shape of each
property and item. Descriptions and titles are not shape.
"""

from __future__ import annotations

from typing import Any

from ingestion.contract.models import ReportExtraction

_BOUNDS = ("pattern", "minimum", "maximum")


def generated_schema() -> dict[str, Any]:
    """The JSON schema of ``ReportExtraction`` as serialised (by alias, optional keys not required)."""
    schema = ReportExtraction.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "report-extraction/1"
    return schema


def shape(schema: dict[str, Any]) -> dict[str, Any]:
    """The structural content of a JSON schema, comparable across ways of writing it."""
    return _node(schema, schema.get("$defs", {}))


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**defs[name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("type")
    types = set(declared) if isinstance(declared, list) else {declared} if declared else set()
    if "const" in node and not types:
        types.add("string")
    if "enum" in node and not types:
        types |= {"null" if v is None else "string" for v in node["enum"]}
    return types


def _node(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    node = _resolve(node, defs)
    variants = [_resolve(v, defs) for v in node.get("anyOf", [])]
    merged = {k: v for k, v in node.items() if k != "anyOf"}
    for variant in variants:  # pydantic: anyOf [{...}, {"type": "null"}] is one nullable node
        for key, value in variant.items():
            if key != "type":
                merged.setdefault(key, value)
    types = _types(merged).union(*(_types(v) for v in variants))
    if types == {"integer", "number"} or types == {"integer", "number", "null"}:
        types.discard("integer")  # int | float is JSON's number
    out: dict[str, Any] = {"types": sorted(types)}
    enum = [v for v in merged.get("enum", []) if v is not None]
    if enum or "const" in merged:
        out["values"] = sorted(enum or [merged["const"]])
    out.update({key: merged[key] for key in _BOUNDS if key in merged})
    if "properties" in merged:
        out["required"] = sorted(merged.get("required", []))
        out["properties"] = {name: _node(sub, defs) for name, sub in merged["properties"].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(merged.get(key), dict):
            out[key] = _node(merged[key], defs)
    return out
