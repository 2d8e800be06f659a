"""The rule catalogue as Markdown, for docs/validation.md (a test keeps the page in step with rules.yml).

``python -m expectations.catalogue`` prints it.
"""

from __future__ import annotations

from expectations.rules import Rule, load_rules


def _tolerance(rule: Rule) -> str:
    if rule.severity == "blocking":
        return "—"
    sign = "≤" if rule.compare == "at_most" else "±"
    return f"{sign} {rule.tolerance} {rule.unit}"


def render_catalogue() -> str:
    lines = [
        "| rule | severity | boundary | checks | tolerance | a failing row means |",
        "|---|---|---|---|---|---|",
    ]
    for rule in load_rules().values():
        cells = [
            f"`{rule.id}`",
            rule.severity,
            ", ".join(rule.boundaries),
            rule.checks,
            _tolerance(rule),
            rule.failing_row_means,
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_catalogue(), end="")
