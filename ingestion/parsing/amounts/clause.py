"""One clause's labelled amount: which figure of ``amounts_wan`` it states, in 万元.

A label opens the clause after list numbering, a cited document (《…的通知》（文号）) and
qualifiers (a year, 其中, 本单位, 一般公共预算 …: ``2020年度本单位一般公共预算拨款支出836.42万元``)
and the amount follows it directly, so a comparison (上年…), a difference (相差…) or a list
(分别为…) is never a total. A budget or its execution may also follow the subject it describes:
the department (某局所属部门2023年预算数…) and, in a report on one project or fund, that project
or fund (某补助经费预算520万元). In such a report the fund's stated 合计 (or the project's planned
investment: 计划投资, 总投资) and what a higher level 下达/安排 to it (某资金共下达105万元) count
as stage-less budget figures, and what it paid out (支付, 实际发放, 支出共计, 完成拨付,
已使用资金, 资金已使用, 已经支出, 支出资金, 足额拨付资金) as its execution. How many projects a
figure covers may stand before it (年初预算8个项目985万元).
"""

from __future__ import annotations

import re

from ingestion.parsing.amounts.money import NUMBER, money_at, to_wan
from ingestion.parsing.text import ENCLOSED_NUMERAL

# A year before 年初 leaves it to the label (2021年初预算数). Years listed (2021年、2022年…) are
# each checked against the report's: only a report on all of them (no single year) reads past them.
_QUALIFIER = re.compile(
    r"(?:、(?=(?:19|20)\d{2}年)|其中|含|另|本年度?|当年|全年|(?P<year>(?:19|20)\d{2})(?:年度|年(?!初)|(?=年初))|年度|本?单位|本?部门|我单位|我街道|本街道|"
    r"一般公共预算|一般公共(?=财政)|公共预算|安排的?|财政拨款|拨款|(?:[省市县区乡镇]级)?财政(?!拨款|支出|收入|资金)|已|全部|累计|实际|目前|当前|[本该]项目|涉及|共|(?:主要)?用于|"
    r"[本我](?:局|厅|委|办|中心|院|校|馆|部|所|站|镇|乡|街道)|"
    # 按照合同进度已支付…, 按合同约定和施工进度及时足额拨付…: the pace and manner of the payments,
    # not what they are.
    r"按(?:照)?(?:合同|工程|施工|项目)?(?:进度|约定)(?:[和及与、](?:合同|工程|施工|项目)?(?:进度|约定))*|"
    r"严格|及时|足额|"
    r"(?:截至|截止|至|到)(?:(?P<until>(?:19|20)\d{2})年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?)\s*"
)
# A list number opening the clause: 1、 2. (before a year) （一） ① 一是
_ITEM_NUMBER = (
    r"(?:\d{1,2}(?:[、．]|\.(?!\d)|\.(?=(?:19|20)\d{2}年))|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    rf"[{ENCLOSED_NUMERAL}]|[一二三四五六七八九十]是)"
)
_ITEM = re.compile(rf"\s*(?:{_ITEM_NUMBER}\s*)?")
# The document a clause opens by citing (《某局关于下达…的通知》（某财〔2020〕18号）共下达…): its
# title is no label of the figure that follows.
_CITED_LEAD = re.compile(r"《[^》]{2,80}》\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:文件)?\s*")
# The subject a budget figure may follow: the department (教育部门2023年预算数) and, in a report on
# one project or fund, that project or fund (2022年度某维修类项目预算数, 某补助经费预算520万元);
# never a comparison or another level's figure.
_NOT_THE_SUBJECT = r"(?!上年|去年|上一年|同期|同比|较|比|其中|上级|下属|所属|二级|其他|各)"
_UNIT_SUBJECT = re.compile(rf"(?:{_NOT_THE_SUBJECT}[\u4e00-\u9fff]){{0,12}}?(?:部门|单位)")
_FUND_SUBJECT = re.compile(
    rf"(?:{_NOT_THE_SUBJECT}[\u4e00-\u9fff（）()“”、\d]){{0,60}}?(?:部门|单位|项目|资金|经费)"
)
# 2022年初某资金预算安排…: the subject opens with the stage of its budget.
_YEAR_START_SUBJECT = re.compile(r"(?:(?:19|20)\d{2})?年初")
_SUBJECT_END = re.compile(r"部门|单位|项目|资金|经费")
# A year inside the subject (某区2022年度某经费项目预算…) must be the report's.
_SUBJECT_YEAR = re.compile(r"((?:19|20)\d{2})年")
# Labels a subject may precede: the budget, its execution and the total spent (某卫生院单位支出为…),
# not a component of spending.
_SUBJECT_LABELS = frozenset(
    {
        "budget_full_year",
        "budget_initial",
        "budget",
        "executed",
        "spent",
        "paid",
        "expenditure_total",
        "project_budget",
    }
)
# 预算数/预算资金/预算安排 name no stage: ``budget`` until the merge sees whether a full-year or an
# initial figure is stated elsewhere (report.py). The executed labels come first: 预算执行数.
_LABELS: tuple[tuple[str, str], ...] = (
    (
        "budget_full_year",
        # 调整预算后项目预算…万元, 预算调整后为…: the budget once adjusted (before 调整预算 alone).
        r"(?:调整预算|预算调整)后(?:的)?(?:项目)?(?:预算)?(?:数|资金|金额|总额)?|"
        r"全年预算(?:数|资金|金额|总额)?|(?:年中)?调整后?(?:的)?预算(?:数|资金|金额|总额)?|"
        r"全年(?:实际)?下达(?:资金|预算)?|实际下达(?:资金)?|"
        # 项目到位资金86万元: what actually reached the unit in the year, like 全年实际下达.
        r"(?:实际)?到位资金(?:总额)?",
    ),
    # 年初我局申请预算资金2000万元: the unit asking for its initial budget may stand in between.
    (
        "budget_initial",
        r"年初(?:[我本](?:局|厅|委|办|中心|院|校|单位|部门))?(?:申请|批复的?|安排的?)?(?:收支)?预算(?:数|资金|金额|总额|安排)?",
    ),
    ("appropriation_revenue", r"财政拨款收入(?:合计|总计)?"),
    # 总收入…，其中财政拨款80万元: the part of the income (budget.py keeps it only after 收入).
    ("appropriation_income_part", r"财政拨款(?=\s*(?:为|是)?\s*\d)"),
    ("appropriation_expenditure", r"财政拨款支出(?:合计|总计)?|一般公共预算支出"),
    # 某资金执行总量…万元: the whole executed, in a fund's words.
    ("executed", r"全年执行数|全年预算执行数|预算执行数|执行数|执行总(?:量|额)"),
    # What was spent, in everyday words: the unit's or project's execution, unless the sentence
    # speaks of a project in a unit's report (年中追加某项目…，实际支出12万元).
    (
        "spent",
        # 实际支出项目资金12万元: the project's money named after the verb (one project only).
        r"实际执行(?:数|金额)?|执行金额|实际支出(?:项目资金)?|实际使用资金|实际完成投资|实际决算金额|共支出?|执行(?=\d)",
    ),
    # A fund's or a project's payments (支付12万元, 实际发放8万元, 支出共计9万元): its execution,
    # read only in a report on one project or fund (a 决算's 支付 may be any payment).
    (
        "paid",
        # 共支付某公益金113万元: the whole paid out of the fund it names (共 or 累计 says whole).
        r"(?:(?<=共)|(?<=累计))支付[\u4e00-\u9fff]{2,20}?(?:资金|经费|公益金)(?=\s*\d)|"
        # 发放补助资金为8万元: what the fund paid out, its kind of money named.
        r"(?:实际|全年|累计)?发放(?:[\u4e00-\u9fff]{0,4}?(?:资金|经费))?|(?<!未)支付(?:资金)?|支出共计|(?<!未)拨付使用(?:资金)?|"
        # 预算数为15万元，决算数为5万元: the project's 决算 is what it spent.
        r"(?<![收入])决算(?:数|金额)|"
        r"完成拨付(?:资金)?|(?<![未计划])使用资金|"
        # 支出资金12万元, 足额拨付资金12万元: what the project paid out, the money named after the verb
        # (budget.py leaves a 拨付 an issuer makes to the project: 财政拨付资金…).
        r"(?<![未需应])(?:支出|拨付)资金(?=\s*(?:为|共计|共)?\s*\d[\d.,]*\s*万元)|"
        # 已经支出12万元 (已 read as a qualifier): what the project has spent so far.
        r"(?<=已)经?支出(?=\s*\d[\d.,]*\s*万元)|"
        # 某改造项目支出12万元: the project named, then what it spent (本级项目支出, 2022年项目支出
        # and 我局项目支出 are a unit's 项目支出 line).
        r"(?<=项目)(?<![级本年度门位中子局厅委办院校所站馆]项目)支出(?=\s*(?:为|共计|共)?\s*\d[\d.,]*\s*万元)|"
        # 资金已使用12万元: the fund named first, then what of it was used.
        r"(?<=资金)(?:已|累计)?使用(?=\s*\d[\d.,]*\s*万元)|(?<=资金已)使用(?=\s*\d[\d.,]*\s*万元)",
    ),
    ("basic", r"基本支出(?:合计)?"),
    ("personnel", r"人员经费(?:支出)?"),
    ("public_funds", r"(?:日常)?公用经费(?:支出)?"),
    ("household_subsidy", r"对个人和家庭(?:的)?补助(?:支出)?"),
    ("capital", r"资本性支出"),
    ("project", r"(?:安排|拨款)?项目支出(?:合计|费用)?"),
    ("project_budget", r"项目预算(?:数|总额|金额|合计)?"),
    # 部门预算某某拨款资金共86.5万元: what the budget consists of may follow it.
    (
        "budget",
        # 预算实际安排…万元: what the budget in fact put in.
        r"预算收入(?:总额|合计|总计)?|预算(?:总金额|总额|金额|资金|数|(?:实际)?安排)?(?:[\u4e00-\u9fff]{0,16}?(?:资金|经费))?|"
        r"年度资金安排|(?:项目)?(?:财政)?资金总额|(?:项目)?总预算(?:数|资金|金额)?|"
        # 批复某局项目9个，项目资金1950万元: the projects approved, counted, then their money.
        r"(?:批复|核定)(?:给)?[\u4e00-\u9fff]{0,20}?(?=子?项目(?:共计?)?\d{1,4}个)|"
        # 某资金规模…万元, 项目资金总规模为…: the size of the fund (after its name, as a subject).
        r"(?:(?:项目)?(?:财政)?资金|(?<=资金)|(?<=经费))总?规模",
    ),
    ("gov_fund", r"政府性基金(?:预算)?(?:财政拨款|安排|拨款)?支出"),
    ("state_capital", r"国有资本经营预算(?:财政拨款|安排)?支出"),
    ("social_insurance", r"社会保险基金(?:预算)?(?:财政拨款|安排)?支出"),
    # A bare 支出 is the total only as a row's label (支出：…) or right after the year or the unit
    # (2022年支出…, 单位支出为…, 单位支出本年…万元，上年…: this year's beside last year's).
    (
        "expenditure_total",
        r"(?:本年)?支出(?:决算)?(?:总计|合计|总额)|总支出|收入?[、和与及]?支出?(?:总计|合计)[均各]?|"
        # 2023年度支出决算…万元, 决算支出总额…: the 决算's spending as a whole.
        r"(?:(?<=年)|(?<=年度)|(?<=单位))支出决算数?(?=\s*(?:为|共计|共)?\s*\d)|决算支出(?:总额|合计|总计)?|"
        r"(?:(?<=年)|(?<=年度)|(?<=单位))支出(?:本年度?)?(?=\s*(?:为|共计|共)?\s*\d)|支出[:：]",
    ),
)
_LABEL = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS))
# Spending components a list of their contents may precede (…等人员经费).
_COMPONENT_KEYS = frozenset({"basic", "personnel", "public_funds", "project"})
# Labels too loose to trust beyond 万元 figures, or when they disagree with themselves.
WEAK_KEYS = frozenset({"budget", "budget_total", "budget_issued", "budget_planned"})
# In a report on one project or fund: the fund put at its disposal (某厅下达我县某专项资金260万元, a
# place masked by the publisher included: 下达**县某资金,
# 财政安排某项目经费9.5万元) and the fund's stated total (某资金合计3200万元).
# A qualifier in brackets may follow the fund's name (某发展资金（某建设行动）): it is still the fund.
_FUND = (
    r"[\u4e00-\u9fff（）()“”、\d*]{0,40}?(?:资金|经费|补助|预算|公益金)"
    r"(?:[）)]|[（(][\u4e00-\u9fff]{2,20}[）)])?"
)
_WAN_FOLLOWS = rf"(?=\s*{NUMBER}\s*万元)"
_FUND_VERB = re.compile(
    rf"(?:下达|安排)(?:我(?:省|市|县|区|州|旗|局|单位))?{_FUND}(?:共计|合计|总计|共)?{_WAN_FOLLOWS}"
    # …的通知，下达我局353.6万元: issued to the unit itself, the fund named before.
    rf"|下达(?:给)?(?:我|本)(?:省|市|县|区|州|旗|局|单位|镇|乡|中心|院|校){_WAN_FOLLOWS}"
)
# What the project received, told from its side (获得省级某资金2000万元, 收到拨付的某资金96万元):
# the fund issued to it, like 下达.
_RECEIVED = re.compile(rf"(?:获得|收到)(?:上级)?(?:拨付|下达)?的?{_FUND}(?:共计|合计|总计|共)?{_WAN_FOLLOWS}")
# ... but not what counted beneficiaries got (全镇320户农户获得补贴资金…): the payments, not the fund.
_COUNTED_RECEIVERS = re.compile(r"\d+\s*(?:户|人|家|名|所|个)[\u4e00-\u9fff]{0,8}$")
# ... or the fund named before the verb (某补助资金合计下达64万元).
_FUND_BEFORE_VERB = re.compile(r"(?:资金|经费)(?:共计?|合计|累计)?$")
_FUND_TOTAL = re.compile(rf"[\u4e00-\u9fff（）()“”]{{2,40}}?(?:资金|经费)(?:合计|共计|总计|共){_WAN_FOLLOWS}")
# 某项目计划投资3180万元, 项目总投资27.5万元: the investment planned for the project, a budget
# figure weaker than any other (a year's 资金安排 may differ from the plan).
_INVESTMENT = re.compile(
    rf"(?:[\u4e00-\u9fff（）()“”\d]{{0,40}}?项目)?(?:批复|核定)?(?:计划|总)投资(?:总额|额)?(?:为|共计?|合计)?{_WAN_FOLLOWS}"
)
# Who or when may stand before the verb: 某省2023年3月8日下达…, 2022年省某厅分两次下达….
_VERB_LEAD = 24
# ... or, however long, the issuers (and the number of their notice) right before it:
# 甲厅、乙厅（某财〔2022〕30号）下达…, 一、资金下达情况甲省某厅、甲省财政厅联合下达….
# A figure followed by 、 is the first item of a list (下达给甲项目资金120万元、乙项目资金95万元), not
# the fund's whole.
_LISTED = re.compile(r"\s*、")
# So may the funds the money came from, however long their names: 中央甲资金和省级乙资金共下达我县….
_CITED_VERB = re.compile(
    r"(?:号[)）]|[厅局委办部府]|财政|资金|经费)\s*(?:联合|共同|共|再|分批|分两次)?(?P<verb>下达|安排)"
)
# 年初财政下达资金5万元: what was issued at the start of the year is the initial budget, not the
# full year's (a later 追加 may add to it).
_AT_YEAR_START = re.compile(r"年初[\u4e00-\u9fff]{0,8}$")
# 县本级预算安排某资金…, 市级财政安排…: what one level puts in itself is its share of the fund (beside
# the higher levels' money), not the fund as a whole. (A higher level's 下达 to the unit still is.)
# So is what the lower levels together put in (县区财政安排配套资金…, 地方财政安排…).
_LEVEL_SHARE = re.compile(
    r"(?:本级|[省市县区乡镇旗]级|(?:(?<![\u4e00-\u9fff])|(?<=各))[市县区]{2,3}|地方)(?:财政|预算)*$"
)
# The key of a labelled figure stated in 元 or 亿元 starts with this (its value is the figure as written).
OTHER_UNIT = "not-in-wan:"
_FILLER = re.compile(r"[:：]?\s*(?:(?:共计|合计|总计|总额)(?:为|是)|为|是|共|共计|合计|总计|总额|计|达)?\s*")
_BARE_WAN = re.compile(rf"(?P<number>{NUMBER})\s*万(?![\u4e00-\u9fff\d])")
# How many projects a budget covers may stand between its label and its amount (年初预算8个项目985万元,
# 预算安排项目共计12个，资金300万元, 年初预算项目12个，预算项目经费300万元).
_COUNT = re.compile(
    r"(?:子?项目)?(?:共计?)?\d{1,4}个(?:子?项目|单位)?(?:资金|经费)?(?:共计?|合计)?\s*"
    # …项目共计47个，财政资金1825.64万元: the count's clause, then the money it comes to.
    r"(?:[,，]\s*(?:预算)?(?:项目)?(?:财政)?(?:资金|经费)(?:共计?|合计|总额)?(?:为)?\s*)?"
)


def _label_starts(folded: str, at: int, fiscal_year: int | None) -> list[int] | None:
    """Where a label may start after ``at``: before and after each further qualifier, in order
    (全年 and 实际 are qualifiers, and begin 全年预算数 and 实际支出). None when a qualifier names
    a year other than the report's (2019年…, 截至2013年已安排…): another year's figure."""
    starts = [at]
    while (qualifier := _QUALIFIER.match(folded, starts[-1])) and qualifier.end() > starts[-1]:
        year = qualifier.group("year") or qualifier.group("until")
        if year and fiscal_year and int(year) != fiscal_year:
            return None
        starts.append(qualifier.end())
    return starts


def clause_amount(folded: str, fiscal_year: int | None, one_project: bool) -> tuple[str, str] | None:
    """(key, 万元) of the clause's labelled amount: a label after qualifiers, else after the
    subject it describes, else after the 等 that closes a list of what a component holds
    (…办公费、差旅费等日常公用经费12万元), else (one project) the fund's stated total or what was
    issued to it."""
    at = _ITEM.match(folded).end()  # type: ignore[union-attr]
    if cited := _CITED_LEAD.match(folded, at):
        at = cited.end()
    starts = _label_starts(folded, at, fiscal_year)
    if starts is None:
        return None
    for start in starts:
        if found := _labelled_amount(folded, start):
            return found
    closing = folded.rfind("等")
    if closing > 0 and (found := _labelled_amount(folded, closing + 1)) and found[0] in _COMPONENT_KEYS:
        return found
    subject_pattern = _FUND_SUBJECT if one_project else _UNIT_SUBJECT
    for start in starts:
        for end in _subject_ends(subject_pattern, folded, start):
            if _other_year(folded[start:end], fiscal_year):
                break
            for after in _label_starts(folded, end, fiscal_year) or ():
                found = _labelled_amount(folded, after)
                if found is not None and found[0] in _SUBJECT_LABELS:
                    # The budget of the project the report is about (某经费项目预算合计…) names no stage.
                    if found[0] in ("project_budget", "budget"):
                        # 年初某资金预算安排…: the stage stated before the subject.
                        initial = _YEAR_START_SUBJECT.match(folded, start)
                        return ("budget_initial" if initial else "budget", found[1])
                    return found
    return _fund_amount(folded, starts) if one_project else None


def _subject_ends(pattern: re.Pattern[str], folded: str, start: int) -> list[int]:
    """Where the subject at ``start`` may end, shortest first: 某经费（甲、乙）项目 names 某经费 too."""
    ends = []
    for word in _SUBJECT_END.finditer(folded, start):
        if pattern.fullmatch(folded, start, word.end()):
            ends.append(word.end())
    return ends


def _other_year(subject: str, fiscal_year: int | None) -> bool:
    return fiscal_year is not None and any(int(y) != fiscal_year for y in _SUBJECT_YEAR.findall(subject))


def _fund_amount(folded: str, starts: list[int]) -> tuple[str, str] | None:
    """A one-project report's fund: its stated total or planned investment, else what was put at
    its disposal."""
    for pattern, key in ((_FUND_TOTAL, "budget_total"), (_INVESTMENT, "budget_planned")):
        for start in starts:
            total = pattern.match(folded, start)
            if (
                total
                and (money := money_at(folded, total.end()))
                and folded.startswith("万元", money.end - 2)
            ):
                return key, money.wan
    verbs = [verb.start() for verb in re.finditer("下达|安排", folded[: starts[-1] + _VERB_LEAD])]
    verbs += [cited.start("verb") for cited in _CITED_VERB.finditer(folded)]
    for verb in verbs:
        if folded.startswith("安排", verb) and _LEVEL_SHARE.search(folded, 0, verb):
            continue
        fund = _FUND_VERB.match(folded, verb)
        after: int | None = fund.end() if fund else None
        if fund is None and _FUND_BEFORE_VERB.search(folded, 0, verb):
            after = verb + len("下达")  # 下达 and 安排 are two characters
        money = money_at(folded, after) if after is not None else None
        in_wan = money is not None and folded.startswith("万元", money.end - 2)
        if money is not None and in_wan and not _LISTED.match(folded, money.end):
            key = "budget_initial" if _AT_YEAR_START.search(folded, 0, verb) else "budget_issued"
            return key, money.wan
    for receipt in re.finditer("获得|收到", folded[: starts[-1] + _VERB_LEAD]):
        if _COUNTED_RECEIVERS.search(folded, 0, receipt.start()):
            continue
        received = _RECEIVED.match(folded, receipt.start())
        money = money_at(folded, received.end()) if received else None
        if money is not None and not _LISTED.match(folded, money.end):
            return "budget_issued", money.wan
    return None


def _labelled_amount(folded: str, at: int) -> tuple[str, str] | None:
    """(key, 万元) for a known label at ``at`` followed directly by an amount."""
    label = _LABEL.match(folded, at)
    if label is None or label.lastgroup is None:
        return None
    filler = _FILLER.match(folded, label.end())
    at = filler.end() if filler else label.end()
    count = _COUNT.match(folded, at)
    money = money_at(folded, count.end() if count else at)
    if money is None:
        # 执行数29.6万，…: a money label's figure in 万 with the 元 left out.
        bare = _BARE_WAN.match(folded, count.end() if count else at)
        if bare is None or label.lastgroup in WEAK_KEYS:
            return None
        return label.lastgroup, to_wan(bare["number"], "万元")
    if not folded.startswith("万元", money.end - 2):
        # 元 or 亿元 in running text is as often a slip (2.5元 for 2.5万元) as a unit: not taken.
        return (
            (OTHER_UNIT + label.lastgroup, folded[money.start : money.end])
            if label.lastgroup not in WEAK_KEYS
            else None
        )
    return label.lastgroup, money.wan
