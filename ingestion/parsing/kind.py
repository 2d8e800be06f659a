"""Which kind of report a document is: from its title, else from what its body says of itself.

Title rules, first match wins:
- key_projects: 重点项目/重点绩效评价, an office's 绩效评价结果 announcement (通报/公告/公示/的说明);
- overall_expenditure: 整体支出 / 部门整体 / 部门绩效自评 (not a budget's 绩效目标表), or a
  项目支出绩效自评总报告 (the unit's summary over all its projects);
- key_projects: an evaluation (评价, not 自评) of a project or fund (…项目/资金/工程 绩效评价报告,
  跟踪问效), unless it is the unit's overall spending's (部门整体支出及项目支出绩效评价报告), or the
  unit evaluated its own fund (the body says 自评, or 我委…开展绩效评价) with no third party, or
  an office other than a finance or audit office heads the title and no one else is at work;
- final_accounts: any 决算 (部门/单位/本级决算, 决算公开, 决算草案), 绩效 sections included;
- project_expenditure: a project's or a fund's self-evaluation (项目支出绩效, …资金绩效自评; a
  公益金 is a fund);
- overall_expenditure: a unit's 财政支出绩效评价 or 绩效自评(工作)总结 that names no project or fund,
  or a title of nothing but the unit, its year and 绩效自评报告 (某局2023年度预算绩效自评报告).
Without a telling title, a 决算's contents (a line 收入支出决算总表) make it final_accounts; an
office announcing evaluation results it commissioned or publishes (我局委托第三方…, 现将…绩效评价
结果公示如下), a finance office picking projects for a third party to evaluate or hiring a firm
to evaluate a fund (财政局委托了某咨询公司…开展评价), or a third party
evaluating on a finance office's commission (某事务所接受某县财政局的委托), is key_projects, and so
is a fund's tracking evaluation (开展…跟踪问效) that speaks of no self-evaluation, and so is a firm
evaluating on a commission (受某中心委托，某事务所…) or, with no title, the national evaluation
template's headings (项目立项背景及实施目的) or an opening on the evaluation (某局对某补贴使用情况
开展了绩效评价; 我局… is the unit's own: a self-evaluation) without a 自评; a cover naming the
project's own unit as its evaluator (评价机构名称) makes a fund's evaluation a self-evaluation; else the body
decides by the phrases each kind's template uses (会计师事务所; 部门整体绩效目标; the transfer
template's 绩效目标分解下达情况; a project's 项目年度预算绩效目标; 部门决算, 较上年决算数), counted
in its first pages, letters spaced apart joined, cited documents' titles left out; a form with a
项目名称 field and a 自评 that counts none of these is a project's self-evaluation, and so is the
transfer self-evaluation form (转移支付（项目）名称 … 全年执行数) with or without its title.
"""

from __future__ import annotations

import re

from ingestion.parsing.form_fields import field_values, form_fields
from ingestion.parsing.units.names import UNIT_SUFFIX, is_unit_name

# 公益金 (a lottery's welfare fund, 彩票公益金) and a 转移支付 (a transfer to lower governments) are
# funds though their names say neither 资金 nor 项目.
_FUND = r"(?:项目|资金|经费|工程|专项|公益金|转移支付)"
_FUND_EVALUATION = re.compile(rf"{_FUND}.{{0,8}}(?<!自)(?:绩效评价报告|跟踪问效)")
_TITLE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "key_projects",
        re.compile(
            r"重点项目.{0,8}(?:绩效|评价)|重点(?:绩效)?评价|绩效评价结果.{0,8}(?:通报|公告|公示|说明)|"
            # 某部公布2022年某补助资金绩效评价结果: an office publishing the results of evaluations.
            r"(?:公布|发布|通报|公示)[^，。；]{0,40}?绩效评价结果"
        ),
    ),
    # 整体/项目支出绩效目标表 are a budget's target tables, not self-evaluations. A unit's overall
    # spending evaluated with its projects (部门整体支出及项目支出绩效评价报告) is an overall report.
    (
        "overall_expenditure",
        re.compile(
            r"整体(?:支出)?绩效(?!目标)|整体(?:和项目)?支出(?!绩效目标)|部门(?:单位)?绩效自评|"
            # 项目支出绩效自评总报告: the unit's summary over all its projects' self-evaluations.
            r"项目(?:支出)?绩效自评(?:总报告|汇总报告)"
        ),
    ),
    ("key_projects", _FUND_EVALUATION),
    ("final_accounts", re.compile(r"决算")),
    (
        "project_expenditure",
        re.compile(
            rf"项目(?:支出)?绩效(?!目标)|{_FUND}.{{0,16}}(?:绩效)?自评|{_FUND}.{{0,16}}绩效评价|"
            rf"{_FUND}.{{0,20}}(?:管理)?使用情况"
        ),
    ),
    # A unit's 财政支出绩效评价报告 naming no project or fund: its spending as a whole.
    # 某局2023年度绩效自评总结 naming no project or fund: the department-wide summary.
    ("overall_expenditure", re.compile(r"(?:财政|部门|单位)支出绩效(?:自评|评价)|绩效自评.{0,6}总结")),
)
# 某县某局2023年度（预算）绩效自评报告: a unit heading the title with nothing but its year before the
# self-evaluation names no project or fund: the unit's self-evaluation as a whole.
_UNIT_YEAR_SELF_EVALUATION = re.compile(
    rf"^(?P<unit>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX})(?:19|20)\d{{2}}年度?(?:部门|单位)?(?:预算)?"
    r"绩效自评(?:工作)?报告$"
)
_BODY_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "key_projects",
        re.compile(
            r"重点项目.{0,8}(?:绩效|评价)|重点绩效评价|受.{0,20}财政(?:局|厅|部门)的?委托|会计师事务所"
        ),
    ),
    # A fund's 整体绩效目标 is its target as a whole, no unit's overall spending (部门整体 says that).
    ("overall_expenditure", re.compile(r"整体(?:支出)?绩效(?!目标)|整体支出(?!绩效目标表)|部门整体")),
    # 较2022年度决算数增加…: the year-on-year comparison every line of a 决算's explanation makes.
    ("final_accounts", re.compile(r"部门决算|单位决算|决算公开|决算说明|决算情况|年度?决算数")),
    (
        "project_expenditure",
        re.compile(
            rf"项目(?:支出)?绩效(?!目标表)|项目绩效评价|绩效目标分解下达|{_FUND}.{{0,12}}绩效自评|项目全年预算|"
            # 项目年度预算绩效目标和绩效指标设定情况: a project self-evaluation's outline heading.
            r"项目年度(?:预算)?绩效目标|"
            # 转移支付(支持项目)概况: the transfer template's first heading, as 绩效目标分解下达 is.
            r"转移支付(?:支持项目)?概况|"
            rf"{_FUND}.{{0,16}}(?:开展|进行)了?(?:绩效)?自评"
        ),
    ),
)
# An office announcing evaluation results, whatever else the page counts: it commissioned the
# evaluations itself (我局委托第三方), or it publishes their results (现将…绩效评价结果公示如下).
_ANNOUNCES_RESULTS = re.compile(
    r"[我本](?:局|厅)(?:委托|聘请)第三方|(?:接受|受)[^，。；,;]{0,20}财政(?:局|厅|部门)的?委托|"
    r"绩效评价(?:结果|情况)[^，。；]{0,8}?(?:公示|公告|通报|公开)如下|"
    r"现将[^。；]{0,60}?绩效(?:重点)?评价(?:结果|情况)(?:予以)?(?:公示|公告|通报|公开)"
)
# 某区财政分局选取5个单位的13个项目…委托第三方开展再评价: the finance office picked the projects
# and had a third party evaluate them, whatever self-evaluations it asked the units for first;
# unless the report is a unit's own self-evaluation (我局…自评) that mentions it in passing.
# 受某中心委托，某会计师事务所对…开展绩效评价: a firm evaluating on someone's commission.
_COMMISSIONED_FIRM = re.compile(
    r"受[^。；]{0,40}?委托[，,]?[^。；]{0,40}?(?:事务所|咨询|评价机构)|"
    r"(?:事务所|咨询|评价机构)[^。；]{0,16}?(?:接受|受)[^。；]{0,40}?委托"
)
# The headings of the national project evaluation report template (项目立项背景及实施目的, 评价工作开展
# 情况): an evaluation; the template's user speaks of 自评 when it evaluated itself.
_EVALUATION_TEMPLATE = re.compile(r"项目立项背景及实施目的|评价工作开展情况")
# 某局对2023年度某补贴使用情况开展了财政绩效评价工作: an untitled report opening on the evaluation
# it is; the unit's own (我局对…开展了评价) is a self-evaluation, anyone else's an evaluation.
_EVALUATION_OPENING = re.compile(r"对[^。；;]{2,60}?(?:开展|进行)了?[^。；;，,]{0,6}?绩效评价")
_FINANCE_PICKS = re.compile(
    r"财政(?:分局|局|厅)(?:选取|抽取)[^。；]{0,120}?(?:第三方|事务所|评价机构)|"
    # 市财政局委托了某咨询公司对某补助资金开展评价: the finance office's own evaluation, done
    # by the firm it hired.
    r"财政(?:分局|局|厅)委托了?[^。；]{0,40}?(?:第三方|事务所|公司|评价机构)[^。；]{0,60}?评价|"
    # 县财政局组成了绩效评价工作组: the finance office evaluating another's fund with its own team.
    r"财政(?:分局|局|厅)(?:组成|成立|组建|抽调[^。；，,]{0,12}?组成)了?(?:绩效)?评价(?:工作)?小?组"
)
_OWN_SELF_EVALUATION = re.compile(r"[我本](?:委|局|厅|办|单位|部门|中心)[^。；;]{0,40}?自评")
# 开展2022年某资金全周期跟踪问效: a tracking evaluation of a fund, the finance office's own; a
# self-evaluation only promises to 加强跟踪问效 among its measures.
_TRACKING_EVALUATION = re.compile(r"(?:开展|进行|组织)[^，。；,;]{0,50}?(?:全周期|全过程)?跟踪问效")
# A 决算's contents list its tables, the first a line of its own (表一：收入支出决算总表): the
# unit's accounts, whatever its duties say (a performance centre works on a finance office's
# commission, 受某市财政局委托, which would read as an evaluation announcement).
_ACCOUNTS_CONTENTS = re.compile(
    r"^[ \t\u3000]*(?:表[一二三四五六七八九十\d]{1,3}[ \t\u3000]*[:：、.．]?"
    r"|[一二三四五六七八九十]{1,3}[、.．])?[ \t\u3000]*收入支出决算总表[ \t\u3000]*$",
    re.MULTILINE,
)
# A project self-evaluation form's cover: a 项目名称 field and an evaluation done by the unit itself
# (its 评价方式 field says 自评), with no word the body counts (a form is mostly labels).
_PROJECT_FORM = re.compile(r"^[ \t\u3000]*项目名称[ \t\u3000]*[:：]", re.MULTILINE)
# The transfer self-evaluation form (转移支付（项目）名称 | …, 全年预算数 | 全年执行数): a fund's
# self-evaluation, though a copy may start below its title and never say 自评.
_TRANSFER_FORM = re.compile(r"转移支付[（(]项目[）)]名称[^。]{0,600}?全年执行数", re.DOTALL)
_BODY_HEAD = 3000
_LETTER_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
_CITED = re.compile(r"《[^》]{0,80}》")


# A unit evaluating its own fund (我委…对某专项开展绩效评价, 自评标准): a self-evaluation whatever
# its title calls it, unless a third party did the work.
_OWN_EVALUATION = re.compile(
    r"自评|[我本](?:委|局|厅|办|单位|中心)[^。；;]{0,40}?(?:开展|进行)了?(?:绩效)?评价"
)
_THIRD_PARTY = re.compile(r"第三方|事务所|委托|评价机构|评价组|专家组")


# 某县某局 / 2020年某项目支出绩效评价报告: an office heading the title with its own project's
# evaluation did it itself, unless it is a finance or audit office (they evaluate others' funds) or
# the body names a third party, an evaluation team or a finance office doing the work.
_TITLE_HEAD_UNIT = re.compile(rf"^(?P<unit>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX})(?:19|20)\d{{2}}年")
_EVALUATES_OTHERS = re.compile(r"财政|审计")
_OTHERS_AT_WORK = re.compile(r"第三方|事务所|委托|评价机构|评价(?:工作)?小?组|专家组|财政(?:局|厅|部门)|审计")


# A cover naming who evaluated (评价机构名称, 评价实施部门) and whose project it is (项目主管部门).
_EVALUATORS = ("评价机构名称", "评价机构", "评价实施部门", "评价实施单位", "评价单位")
_OWNERS = ("项目主管部门", "主管部门", "项目实施单位", "实施单位", "项目单位", "单位名称")


def _cover_names_itself(text: str) -> bool:
    """The cover names the project's own unit as its evaluator: a self-evaluation."""
    fields = form_fields(text)
    evaluators = {field.value for field in field_values(fields, *_EVALUATORS)}
    owners = {field.value for field in field_values(fields, *_OWNERS)}
    return bool(evaluators) and evaluators <= owners


def _own_fund_evaluation(pattern: re.Pattern[str], title: str, text: str) -> bool:
    if pattern is not _FUND_EVALUATION:
        return False
    if _cover_names_itself(text):
        return True
    head = _CITED.sub("", _LETTER_GAP.sub("", text[:_BODY_HEAD]))
    if _OWN_EVALUATION.search(head) is not None and _THIRD_PARTY.search(head) is None:
        return True
    unit = _TITLE_HEAD_UNIT.match(title)
    return (
        unit is not None
        and is_unit_name(unit["unit"])
        and not _EVALUATES_OTHERS.search(unit["unit"])
        and _OTHERS_AT_WORK.search(head) is None
    )


def report_kind(title: str | None, text: str) -> str:
    """The contract's ``report.kind`` for a report with this title (or none) and body text."""
    for kind, pattern in _TITLE_KINDS:
        if title and pattern.search(title):
            return "project_expenditure" if _own_fund_evaluation(pattern, title, text) else kind
    headed = _UNIT_YEAR_SELF_EVALUATION.match(_LETTER_GAP.sub("", title or ""))
    if headed and is_unit_name(headed["unit"]):
        return "overall_expenditure"
    # A flattened PDF spaces the letters of its words (会计 师事务所); a cited document's title
    # (《某项目支出绩效评价管理办法》) speaks of that document, not of this report.
    head = _CITED.sub("", _LETTER_GAP.sub("", text[:_BODY_HEAD]))
    if _ACCOUNTS_CONTENTS.search(head):
        return "final_accounts"
    if _ANNOUNCES_RESULTS.search(head):
        return "key_projects"
    if _FINANCE_PICKS.search(head) and not _OWN_SELF_EVALUATION.search(head):
        return "key_projects"
    if _TRACKING_EVALUATION.search(head) and "自评" not in head:
        return "key_projects"
    if _COMMISSIONED_FIRM.search(head) and not _OWN_SELF_EVALUATION.search(head):
        return "key_projects"
    counts = {kind: len(pattern.findall(head)) for kind, pattern in _BODY_KINDS}
    best = max(counts, key=lambda kind: counts[kind])
    if counts[best]:
        return best
    if not title and _EVALUATION_TEMPLATE.search(head) and "自评" not in head:
        return "key_projects"
    if not title and _EVALUATION_OPENING.search(head) and "自评" not in head:
        return "project_expenditure" if _OWN_EVALUATION.search(head) else "key_projects"
    project_form = (_PROJECT_FORM.search(head) and "自评" in head) or _TRANSFER_FORM.search(head)
    return "project_expenditure" if project_form else "unknown"
