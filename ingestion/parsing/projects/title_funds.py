"""The funds a fund self-evaluation's title names, when the title-core reading finds none.

A transfer-payment or subsidy self-evaluation's title often opens with its fund and puts the year
(or nothing) after it: 某省某专项资金和某公益金专项转移支付2022年度绩效自评报告, 某补助资金区域绩效
目标自评表. Reading what precedes the year as a unit and dropping it, or leaving the 区域绩效目标
words on, loses the fund; here the title's opening run of names, each ending in a fund word, is the
fund (or funds) the report is about.

Two funds joined by 和/及/、 are two projects when each side ends in a fund word on its own
(某发展资金和某建设资金); a single fund whose name has 和 inside it (文化和旅游发展资金) stays one.
"""

from __future__ import annotations

import re

from ingestion.parsing.text import fold

# 公益金 and a 转移支付 are funds though their names say neither 资金 nor 经费.
_FUND_WORD = r"(?:资金|经费|转移支付|公益金)"
_PART = rf"[\u4e00-\u9fff（）()]{{2,30}}?{_FUND_WORD}"
_JOINER = r"[和及、与]"
# What follows the names: the year, or the report's own words (区域绩效目标自评表, 使用情况…).
_AFTER = r"(?=(?:19|20)\d{2}年|(?:区域|整体)?绩效|(?:管理)?使用情况|预算执行)"
_OPENING_FUNDS = re.compile(rf"^(?P<funds>{_PART}(?:{_JOINER}{_PART})*){_AFTER}")
# Split after a fund word's last character; each part is then checked to end in a whole fund word.
_SPLIT = re.compile(rf"(?<=[金费付]){_JOINER}")
_ENDS_IN_FUND = re.compile(rf"{_FUND_WORD}$")
# Words that make the run something other than a fund's name (a unit's report on its spending).
_NOT_A_FUND = re.compile(r"部门|单位|整体|预算|决算")
_MIN_NAME = 4


def title_funds(title: str) -> str | None:
    """The fund names a title opens with, as the title writes them (joined), else None."""
    found = _OPENING_FUNDS.match(re.sub(r"\s+", "", fold(title)))
    if found is None or _NOT_A_FUND.search(found["funds"]):
        return None
    return found["funds"] if len(found["funds"]) >= _MIN_NAME else None


def joined_funds(name: str) -> list[str]:
    """Two or more funds a name joins (甲资金和乙转移支付 -> both); else the name alone."""
    parts = _SPLIT.split(name)
    whole = len(parts) > 1 and all(len(p) >= _MIN_NAME and _ENDS_IN_FUND.search(p) for p in parts)
    return parts if whole else [name]
