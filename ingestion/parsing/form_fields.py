"""Label/value fields of a report's cover form (单位名称, 项目名称, 主管部门, 实施单位 ...).

Self-evaluation forms reach us in every shape: ``单位名称：某局（盖章）``, pipe rows
(``项目名称 | | 某经费 |``), one cell per line (``主管部门 |`` / ``某局 |``), a form flattened to one
line with single spaces (``项目名称 某经费 主管部门 某局``), or with every separator lost
(``项目名称某经费主管部门某局项目实施单位某中心``); a cover may space a label's letters out
(``委 托 单 位：``) and a sentence may state a field (``项目业主为某中心``, ``项目名称为某项目``).
A value therefore ends at a separator, a clause mark, a line end, or where the next known label
begins. Only the top of the document is
read: forms are cover material.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingestion.parsing.text import fold

# Longest first, so 项目实施单位 is not read as 实施单位 and 中央主管部门 not as 主管部门.
LABELS = (
    "部门(单位)名称", "单位(部门)名称", "部门(部门)名称", "单位(单位)名称", "转移支付(项目)名称",
    "项目(资金)名称", "预算部门名称",
    "主管部门名称", "实施单位名称", "项目实施单位", "中央主管部门", "地方主管部门", "项目主管部门",
    "省级主管部门", "市级主管部门", "县级主管部门", "负责人及电话",
    "资金使用单位", "单位名称", "部门名称", "项目名称", "资金名称", "主管部门", "实施单位", "项目单位",
    "填报单位", "报送单位", "编报单位", "自评单位", "评价单位", "评价机构", "组织单位", "填报日期",
    "评价机构名称", "评价实施部门", "评价实施单位",
    "填报人", "项目类别", "项目属性", "项目类型", "项目负责人", "联系电话", "项目地址", "评价类型",
    "评价方式", "项目金额", "报告日期", "评价年度", "项目起止时间", "自评得分", "资金情况",
    # 项目资金（万元）: the money block's header cell, where a unit cell that lost its separator ends.
    "项目资金(万元)", "年度资金总额", "项目业主单位", "项目业主", "委托单位", "业主单位", "项目预算单位",
    # A unit's code beside its name (…名称 某局 预算编码 302001): the name ends where it begins.
    "预算编码", "预算代码", "单位编码", "单位代码", "部门编码", "部门代码",
)  # fmt: skip
_BY_LENGTH = sorted(LABELS, key=len, reverse=True)


_MAX_SPACED = 5
_LETTER_GAP = "[ \u3000]+"


def _written(label: str) -> list[str]:
    """The label as a pattern that takes full- or half-width brackets alike, and a cover's
    letter-spaced label (委 托 单 位 ：) for a short one; each opens with the label's first character."""
    plain = re.escape(label).replace(r"\(", "[(（]").replace(r"\)", "[)）]")
    if "(" in label or len(label) > _MAX_SPACED:
        return [plain]
    return [plain, _LETTER_GAP.join(label)]


def _by_first_character(labels: list[str]) -> str:
    """The labels' patterns as one alternation, those opening with the same character under one
    branch (部(?:门…|…)|单(?:位…|…)|…), each group in the order given. Patterns opening with
    different characters never match at the same position, so the match is the one the flat list
    of patterns finds; the engine tests a position against each first character once instead of
    against every one of some eighty patterns."""
    groups: dict[str, list[str]] = {}
    for label in labels:
        groups.setdefault(label[0], []).extend(pattern[1:] for pattern in _written(label))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_LABEL = re.compile(_by_first_character(_BY_LENGTH))
# Labels a sentence may state (主管部门为某局, 项目业主为某中心, 项目名称为某项目).
_SENTENCE_LABEL = re.compile(r"(?:单位|部门|业主|名称)$")
_STATED_AS = re.compile(r"为(?=[^\s|:：，。；,;、])")
_SEAL = re.compile(r"\s*[(（](?:公章|盖章|签章)[)）]")
_SEPARATORS = re.compile(r"(?:[ \t\u3000]*[|:：][ \t\u3000]*|[ \t\u3000]+)*(?:\n[ \t\u3000]*)?")
# A value: no separators, clause marks or line breaks; it ends where the next label begins.
_VALUE = re.compile(r"(?:[^\s|:：，。；,;、]|(?<=\d),(?=\d{3})){2,80}")
_FORM_TOP = 5000
# A code before the name in budget systems' exports (5100-某经费, 219001-某镇人民政府).
_CODE_PREFIX = re.compile(r"^[0-9A-Za-z]{2,}[-—_－]")


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str
    start: int  # of the value in Document.text
    end: int


def _value_after(text: str, at: int, in_a_sentence: bool = False) -> tuple[str, int, int] | None:
    seal = _SEAL.match(text, at)
    at = seal.end() if seal else at
    stated_as = _STATED_AS.match(text, at) if in_a_sentence else None
    at = stated_as.end() if stated_as else at
    gap = _SEPARATORS.match(text, at)
    start = gap.end() if gap else at
    found = _VALUE.match(text, start)
    if found is None:
        return None
    value = found.group()
    if _LABEL.match(value):
        return None  # a header row of labels (项目名称 | 主管部门 | …): no value
    code = _CODE_PREFIX.match(value)
    if code is not None:
        value, start = value[code.end() :], start + code.end()
    following = _LABEL.search(value, 1)
    if following is not None:
        value = value[: following.start()]
    seal = _SEAL.search(value)
    if seal is not None:
        value = value[: seal.start()]
    return (value, start, start + len(value)) if len(value) >= 2 else None


# A template's slip (部门（部门）名称) names the same field as 部门（单位）名称.
_SAME_LABEL = {"部门(部门)名称": "部门(单位)名称", "单位(单位)名称": "部门(单位)名称"}
# Two labels sharing a cell (实施单位/项目负责人 某中心/张某): each value in its label's place, the
# first label's before the slash.
_PAIRED_LABEL = re.compile(r"[ \t\u3000]*[/／][ \t\u3000]*")


def _paired_value(top: str, at: int) -> tuple[str, int, int] | None:
    slash = _PAIRED_LABEL.match(top, at)
    second = _LABEL.match(top, slash.end()) if slash else None
    value = _value_after(top, second.end()) if second else None
    if value is None:
        return None
    first, start, _ = value
    cut = _PAIRED_LABEL.search(first)
    if cut is None or cut.start() < 2:
        return None
    return first[: cut.start()], start, start + cut.start()


@lru_cache(maxsize=4)
def form_fields(text: str) -> tuple[Field, ...]:
    """Every labelled field near the top of ``text`` (Document.text), in reading order (cached:
    the unit, the project and the amounts all read the same form)."""
    top = fold(text[:_FORM_TOP])
    fields = []
    for label in _LABEL.finditer(top):
        if label.start() > 0 and top[label.start() - 1] in "的和与及":
            continue
        name = re.sub(r"[ \u3000]+", "", label.group()).replace("（", "(").replace("）", ")")
        name = _SAME_LABEL.get(name, name)
        value = _paired_value(top, label.end()) or _value_after(
            top, label.end(), _SENTENCE_LABEL.search(name) is not None
        )
        if value is not None:
            fields.append(Field(name, *value))
    return tuple(fields)


def field_values(fields: tuple[Field, ...], *labels: str) -> list[Field]:
    """The fields with one of ``labels``, in the order of ``labels`` (then reading order)."""
    return [field for label in labels for field in fields if field.label == label]
