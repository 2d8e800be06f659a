"""The unit's budget figures stated in prose (``amounts_wan``).

Each clause is read by ``clause`` (two sentences a lost line break ran together,
…859.6万元2023年支出…, are two clauses). Only figures stated in 万元 are taken: in running text
元 or 亿元 is as often a slip as a unit, and published labels leave such figures out (a warning
names each). The first statement of a figure wins; a later different
one becomes a warning, and a stage-less budget figure stated with different values is left null
unless one statement is the total of the others (共下达…873万元 over tranches of 250 and 295),
names the fund the title names, or is followed by a 其中 list of the others that adds up to it
(``stageless``).
A budget figure in a breakdown (其中，甲资金合计…) is a part, not the whole, and one after a count
of several projects evaluated (对12个项目开展评价，涉及资金总额…) is what they involve together;
everyday words for what was spent (实际支出) count for the unit only where the sentence does not
speak of a project; a works project's 总投资 set by an approved 概算 spans years and is no budget. A
section headed 政府性基金/国有资本经营/社会保险基金预算支出 and answered 无 states zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ingestion.parsing.amounts.appropriation_parts import other_appropriation_income
from ingestion.parsing.amounts.clause import OTHER_UNIT, WEAK_KEYS, clause_amount
from ingestion.parsing.amounts.evaluated_scope import combined_evaluated
from ingestion.parsing.amounts.masked import masked_key
from ingestion.parsing.amounts.money import parse_money
from ingestion.parsing.amounts.part_or_later import a_listed_part, dated_in_another_year
from ingestion.parsing.amounts.stageless import (
    WeakStatements,
    cited_before,
    parts_listed_after,
    shared_out,
    whole_then_parts,
)
from ingestion.parsing.amounts.year_span import spans_several_years
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.form_fields import field_values, form_fields
from ingestion.parsing.sections import Section
from ingestion.parsing.text import Passage, Span, clauses

_ZERO_SECTIONS = {
    "gov_fund": re.compile(r"政府性基金"),
    "state_capital": re.compile(r"国有资本经营"),
    "social_insurance": re.compile(r"社会保险基金"),
}
# A label before a colon is short (2、支出, 其中：基本支出); a longer run is a sentence.
_MAX_LABEL = 16
# A works project whose investment an approved estimate sets (初步设计及概算批复) is built over
# several years: its 总投资 is the whole cost, never the year's budget.
_APPROVED_ESTIMATE = re.compile(r"概算[^。；;，,]{0,6}批复|批复[^。；;，,]{0,6}概算")
# Budget and execution figures: after a span of years (2019—2021年…) each is those years' total.
_SPAN_KEYS = WEAK_KEYS | {"budget_full_year", "budget_initial", "executed", "spent", "paid"}
# Spending components listed under a planned figure (年初预算支出…，其中：基本支出…) are the plan's.
_PART_KEYS = frozenset({"basic", "project", "personnel", "public_funds"})
_PLANNED_WHOLE = re.compile(r"(?:年初|调整后?|全年)预算(?:支出|数)?\s*(?:为|是)?\s*[\d.,]+\s*万元")
_NONE_ANSWER = re.compile(r"^(?:本单位|我单位|本部门)?(?:无|没有|无此项|不涉及)[^，,\d]{0,20}[。.]?$")


def prose_amounts(
    prose: Iterable[Passage],
    document_text: str,
    fiscal_year: int | None,
    evidence: Evidence,
    one_project: bool = False,
    title: str | None = None,
    announcement: bool = False,
) -> tuple[dict[str, str], list[str]]:
    """Labelled amounts in the prose passages. The first statement of a label wins (a later
    different one is a warning); a stage-less ``budget`` stated twice differently is left null.
    ``announcement``: the report announces evaluation results (``evaluated_scope``)."""
    found: dict[str, str] = {}
    warnings: list[str] = []
    warned: set[str] = set()
    weak = WeakStatements()
    later: dict[str, list[tuple[str, bool]]] = {}
    hidden_keys: set[str] = set()  # stage-less figures a copy of the report masks somewhere
    for passage in prose:
        if "元" not in passage.text and "万" not in passage.text:
            continue
        for clause in _unfused(clauses(passage.text, containing="元", or_containing="万")):
            hit = clause_amount(clause.text, fiscal_year, one_project)
            if hit is None and (labelled := _label_before_colon(passage.text, clause)) is not None:
                clause = labelled
                hit = clause_amount(clause.text, fiscal_year, one_project)
            # A stage-less budget after a count whose clause names the stage (年初预算项目8个，预算
            # 项目经费…): the count's label says which budget the money is.
            if (hit is None or hit[0] in WEAK_KEYS) and (
                counted := _count_before(passage.text, clause)
            ) is not None:
                recounted = clause_amount(counted.text, fiscal_year, one_project)
                if recounted is not None and (hit is None or recounted[0] not in WEAK_KEYS):
                    clause, hit = counted, recounted
            if hit is None:
                if masked := masked_key(clause.text, fiscal_year, one_project):
                    hidden_keys.add(masked)
                continue
            key, wan = hit
            if key.startswith(OTHER_UNIT):
                stated = key.removeprefix(OTHER_UNIT).replace(
                    "appropriation_income_part", "appropriation_revenue"
                )
                warnings.append(f"amounts_wan.{stated}: {wan} is not in 万元; not taken")
                continue
            if key in WEAK_KEYS and (
                _in_a_breakdown(passage.text, clause.start)
                or combined_evaluated(passage.text, clause.start, clause.text, announcement)
                or (key == "budget_planned" and _APPROVED_ESTIMATE.search(document_text) is not None)
            ):
                continue
            if key in _SPAN_KEYS and spans_several_years(
                _sentence_before(passage.text, clause.start) + clause.text
            ):
                continue  # 2019—2021年…安排资金…: those years' total, no year's budget
            if key in _SPAN_KEYS and (
                dated_in_another_year(_sentence_before(passage.text, clause.start), fiscal_year)
                or a_listed_part(passage.text[: clause.start])
            ):
                continue  # 截至次年4月，共支出… / 其中：(1)甲…: not the year's whole
            if key == "appropriation_income_part":
                if "收入" not in _sentence_before(passage.text, clause.start):
                    continue
                key = "appropriation_revenue"
            if key == "appropriation_revenue" and _general_budget_part(clause.text, document_text):
                continue
            if key in _PART_KEYS and _PLANNED_WHOLE.search(_sentence_before(passage.text, clause.start)):
                continue  # 年初预算支出…，其中：基本支出…: the budget's parts, not what was spent
            if key == "paid" and (not one_project or _issued_to_it(clause.text)):
                continue
            # 某项目…项目全年预算数2万元，执行数为2万元 in a unit's report: that project's execution.
            if (
                key == "executed"
                and not one_project
                and _A_PROJECT.search(_sentence_before(passage.text, clause.start))
            ):
                continue
            if key in ("spent", "paid"):
                if not one_project and (
                    _about_a_project(passage.text, clause.start) or "项目资金" in clause.text
                ):
                    continue
                key = "executed"
            if key in WEAK_KEYS:
                span = passage.span(clause.start, clause.end, document_text)
                weak.add(
                    key,
                    wan,
                    clause.text,
                    span,
                    parts_listed_after(passage.text, clause.end),
                    cited_before(passage.text, clause.start),
                )
                sentence = _sentence_before(passage.text, clause.start) + clause.text
                later.setdefault(key, []).append((wan, shared_out(sentence)))
            if key not in found:
                found[key] = wan
                cite(evidence, f"/amounts_wan/{key}", passage.span(clause.start, clause.end, document_text))
            elif found[key] != wan and key not in warned:
                warned.add(key)
                warnings.append(
                    f"amounts_wan.{key}: {found[key]} stated first, {wan} elsewhere; kept the first"
                )
    for key in hidden_keys & found.keys():
        if key not in warned and weak.total(key) is None:  # the readable figure may be a tranche
            del found[key]
            evidence.pop(f"/amounts_wan/{key}", None)
            warnings.append(f"amounts_wan.{key}: also stated with its figure masked; left null")
    for key in warned & WEAK_KEYS:
        warnings[:] = [w for w in warnings if not w.startswith(f"amounts_wan.{key}:")]
        kept = weak.total(key) or weak.named_in(key, title) or weak.whole_of_listed_parts(key)
        if kept is None and whole_then_parts(later[key]):
            continue  # the first statement stays, with its evidence
        if kept is not None:
            found[key] = kept[0]
            cite(evidence, f"/amounts_wan/{key}", kept[1])
            warnings.append(
                f"amounts_wan.{key}: stated with different values; kept {kept[0]}"
                " (the total, the title's fund, or the whole of its listed parts)"
            )
            continue
        del found[key]
        evidence.pop(f"/amounts_wan/{key}", None)
        warnings.append(f"amounts_wan.{key}: stated with different values and no stage; left null")
    return found, warnings


_CLAUSE_MARKS = "，,；;。！!？?\n:："
# Two sentences a lost line break ran together (…其他资金859.6万元2023年支出2310.4万元): a new one
# starts where a year follows a figure's 万元; so does one after an ASCII full stop (…万元.全年…),
# which no decimal point can be there.
_FUSED = re.compile(r"(?<=万元)(?=(?:19|20)\d{2}年)|(?<=万元\.)(?=[\u4e00-\u9fff])")


def _unfused(spans: Iterable[Span]) -> Iterator[Span]:
    for span in spans:
        if "万元" not in span.text or not _FUSED.search(span.text):
            yield span
            continue
        start = 0
        for cut in [m.start() for m in _FUSED.finditer(span.text)] + [len(span.text)]:
            yield Span(span.text[start:cut], span.start + start, span.start + cut)
            start = cut


def _label_before_colon(text: str, clause: Span) -> Span | None:
    """The clause with the label a colon sets before it (2、支出：80万元), when one does."""
    colon = clause.start - 1
    if colon < 1 or text[colon] not in ":：":
        return None
    start = max(text.rfind(mark, 0, colon) for mark in _CLAUSE_MARKS) + 1
    return Span(text[start : clause.end], start, clause.end) if colon - start <= _MAX_LABEL else None


# 预算安排项目共计47个，财政资金1825.64万元: the money a counted budget comes to, in a clause of its own.
_COUNTED = re.compile(r"\d{1,4}个(?:子?项目|单位)?[,，]\s*$")
_MONEY_CLAUSE = re.compile(r"^\s*(?:预算)?(?:项目)?(?:财政)?(?:资金|经费)")


def _count_before(text: str, clause: Span) -> Span | None:
    """The clause with the clause before it, when that one ends counting projects and this one
    states the money (…共计47个，财政资金1825.64万元)."""
    if not _MONEY_CLAUSE.match(clause.text) or not _COUNTED.search(text, 0, clause.start):
        return None
    start = max(text.rfind(mark, 0, clause.start - 1) for mark in "，,；;。\n") + 1
    return Span(text[start : clause.end], start, clause.end)


def _sentence_before(text: str, clause_start: int) -> str:
    """The part of the sentence holding the clause at ``clause_start`` that precedes it."""
    return text[max(text.rfind(mark, 0, clause_start) for mark in "。；;") + 1 : clause_start]


# A project named, not the unit's 项目支出 line (基本支出…，项目支出…，执行数…).
_A_PROJECT = re.compile(r"项目(?!支出)")


# 财政拨付资金…, 上级已拨付资金…: money an issuer passed to the project, not what it paid out.
_ISSUER_PAYS = re.compile(r"(?:财政|上级|主管部门)[^，,；;。]{0,6}拨付")


def _issued_to_it(clause: str) -> bool:
    return _ISSUER_PAYS.search(clause) is not None


def _about_a_project(text: str, clause_start: int) -> bool:
    return "项目" in _sentence_before(text, clause_start)


def _general_budget_part(clause: str, document_text: str) -> bool:
    """The clause states the 一般公共预算 line, and a non-zero 政府性基金 line makes it a part."""
    return "一般公共预算" in clause and other_appropriation_income(document_text)


def _in_a_breakdown(text: str, clause_start: int) -> bool:
    """The clause lists a part (其中，甲资金合计…): no budget of the whole."""
    return "其中" in _sentence_before(text, clause_start)


# A cover form's cell whose unit stands in its label (计划安排资金 | （万元） | 89): the figure
# follows the unit, on the same line or the next cell's.
_UNIT_LABELLED = re.compile(
    r"(?P<label>计划安排资金|预算安排资金|实际支出(?:资金)?)[ \t\u3000|]*\n?[ \t\u3000|]*[（(]万元[）)]"
    r"[ \t\u3000|]*(?:\n[ \t\u3000|]*)*(?P<number>\d+(?:\.\d+)?)[ \t\u3000|]*(?:\n|$)"
)
_UNIT_LABEL_KEYS = {"计划安排资金": "budget", "预算安排资金": "budget"}
_FORM_TOP = 5000


def form_amounts(document_text: str) -> dict[str, str]:
    """A stage-less budget a cover form states (项目金额 | 1,250.00万元), in 万元 only, and the
    cells that name their unit in the label (计划安排资金 (万元) 89, 实际支出 (万元) 89)."""
    found: dict[str, str] = {}
    for field in field_values(form_fields(document_text), "项目金额"):
        money = parse_money(field.value)
        if money is not None and field.value.endswith("万元"):
            found["budget"] = money
            break
    for cell in _UNIT_LABELLED.finditer(document_text, 0, _FORM_TOP):
        key = _UNIT_LABEL_KEYS.get(cell["label"], "executed")
        found.setdefault(key, cell["number"])
    return found


def zero_sections(sections: list[Section], evidence: Evidence) -> dict[str, str]:
    """Keys of sections headed 政府性基金/国有资本经营/社会保险基金...支出 and answered 无: ``"0"``."""
    zeros: dict[str, str] = {}
    for section in sections:
        if "支出" not in section.title and "预算" not in section.title:
            continue
        for key, pattern in _ZERO_SECTIONS.items():
            body = section.body_paragraphs()
            if key in zeros or not pattern.search(section.title) or not body:
                continue
            answer = body[0]
            if _NONE_ANSWER.match(answer.text.strip()):
                zeros[key] = "0"
                cite(evidence, f"/amounts_wan/{key}", Span(answer.text, answer.start, answer.end))
    return zeros
