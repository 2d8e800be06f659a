"""What a listed item's name may be: the shape every prose list of projects hands on (``Item``),
and the names that are no project (a source, a year, a place, a stage or a movement of money).
What introduces a list item (下达, 安排, 转移支付 …) is not part of its name.
"""

from __future__ import annotations

import re

from ingestion.parsing.text import Span

Item = tuple[str, str | None, Span | None]  # (name, budget in 万元 or None, where it is stated)

_LEAD_IN = re.compile(r"^.*(?:下达|安排|分配|拨付|包括|分别为|主要为|用于|即|转移支付)(?:到|给|至)?")
_MAX_NAME = 40
# A breakdown by source or by use of the money, not by project: 中央资金, 本级, 其他资金, 项目管理费,
# 已拨付, 执行 ….
# Every level names its own (自治区财政补助资金, 盟市财政补助资金, 旗县级财政资金, 中央财政专项资金,
# 中央预算内基建投资), and what is left once the verb is dropped (省级财政安排补助资金) is a bare
# 补助资金.
NOT_AN_ITEM = re.compile(
    r"^(?:中央|自治区|省级|省|盟市|市级|市|州级|旗县级|旗县|县级|县|区级|本级|上级|地方|自筹|社会|财政|配套|其他|其它)"
    r"(?:[^项]|专项){0,6}(?:资金|配套|补助|投资)?$|"
    r"管理费|支出共|本年度$|^(?:项目|资金|专项|补助)(?:金额|资金|经费|总额)?$|[一二三四五六七八九十]、|我[校局单部市县区]|"
    r"\d+个|绩效自评|绩效评价|评价结果|全年|下达$|"
    # a place alone (其中某区2.1万元), or what a place applied for or got (某县申请某补贴30万元): an
    # allocation by area, not a project
    r"^[\u4e00-\u9fff]{1,6}(?:省|市|区|县|旗|镇|乡|街道)(?:$|申请|申报|获得|争取|分得)"
)
# A share named by its year alone, or by its year and source (其中2021年120万元, 2022年省级资金80万元):
# a part of the money, not a project.
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
# What the money did, in the item's own words: spent or moved, not a project.
MONEY_MOVED = re.compile(r"执行|拨付|到位|结余|结转|使用|调减|调增|追加|已于")


def without_lead_in(raw: str) -> str:
    return _LEAD_IN.sub("", raw).strip("，,、 ") or raw


def is_item(name: str, span: Span | None) -> bool:
    """A name a list's item may have: no source, year, place, stage or movement of money."""
    after_year = _LEADING_YEAR.sub("", name)
    return (
        3 <= len(name) <= _MAX_NAME
        and len(after_year) >= 2
        and not NOT_AN_ITEM.search(name)
        and not NOT_AN_ITEM.search(after_year)
        and not (span is not None and MONEY_MOVED.search(span.text))
    )


def named_items(items: list[Item]) -> list[Item]:
    return [(name, wan, span) for name, wan, span in items if is_item(name, span)]
