"""Portal page furniture before a report: 索引号/发布机构/发布日期 blocks and breadcrumbs.

These lines carry dates and codes that are not the report's own facts (a 2024 发布日期 is not
the fiscal year; an 索引号 is not an amount), so extractors skip them. Portals lay the block out
in several ways, all recognised: ``索引号：x``, ``- 索引号: x`` (a list), ``[ 索引号 ] | x |`` and
``索引号: | x | 主题分类: | y |`` (pipe rows), ``• 发布机构 某局`` (a bulleted list), a label alone
on its line with the value on the next (``索引号:`` / ``czj33/2024-00195``), and a block of fields
the reader took for a table. ``portal_fields`` reads the values worth keeping.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph, Table
from ingestion.parsing.units.names import UNIT_END, first_name

# Labels that open a portal line only when a separator follows (body prose may begin 来源于...).
LABELS = (
    r"索\s*引\s*号|发布机构|发文机关|发文机构|所属机构|责任部门|公开责任部门|发布日期|发布时间|发文日期|成文日期|"
    r"生成日期|公开日期|公开时间|生效日期|废止日期|有效期|信息时间|信息提供日期|主题分类|体裁分类|组配分类|"
    r"公开目录|信息分类(?:名称)?|主题词|关\s*键\s*词|信息来源|来源|浏览次数|浏览量|阅读次数|点击数|点击率|"
    r"访问量|访问次数|字\s*号|文\s*号|发文字号|发文编号|文件编号|统一登记号|有效性|时效性|是否有效|公开方式|公开形式|公开时限|"
    r"公开范围|作者|责任编辑|日期|时间|信息名称|文件名称|名\s*称|标\s*题|内容概览|在线链接地址|文件下载|"
    r"保密审查情况|部门主要负责人审签情况|字体"
)


def _by_first_character(alternatives: str) -> str:
    """``alternatives`` (a|b|…, each opening with a plain character) as one alternation with those
    opening alike under one branch (发(?:布机构|文机关|…)|…), each group in the order given.
    Alternatives opening with different characters never match at the same position, so the
    match is the one the flat alternation finds; the engine tests a position against each first
    character once instead of against every one of some seventy labels."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives.split("|"):
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# LABELS as the patterns below use it (the same matches, found faster).
_LABELS = _by_first_character(LABELS)
_LEAD = r"^\s*(?:[-*•·]\s*)?[\[【]?\s*"
FIELD = re.compile(rf"{_LEAD}(?P<label>{_LABELS})\s*[\]】]?\s*(?:[：:|]|$)")
# [ 发布机构 ] 某局: a bracketed label needs no separator, the bracket closes it.
BRACKETED_FIELD = re.compile(rf"^\s*(?:[-*•·]\s*)?[\[【]\s*(?:{_LABELS})\s*[\]】]\s*\S")
# A bulleted list of fields may separate label and value by spaces alone (• 发布机构 某县某局).
BULLET_FIELD = re.compile(rf"^\s*[-*•·]\s*(?:{_LABELS})[ \t\u3000]+\S")
BULLET = re.compile(r"^\s*[-*•·]\s*")
# A value line too short to be a report's title, whatever words it has (预算、决算).
_SHORT_VALUE = 8
# 监督索引号11010000100001000: no separator, digits follow at once.
_CODE_LINE = re.compile(r"^\s*(?:监督)?索引号\s*[:：]?\s*[0-9A-Za-z]")
_NAV_LINE = re.compile(
    r"^\s*(?:分享到?|打印|关闭|收藏|关怀版|无障碍|信息正文|政府信息公开|\[\s*打印\s*\]|"
    r"返回顶部|回到顶部|返回首页|返回列表|上一篇|下一篇)(?:\s|$|[：:])"
)
# A site's menu laid out one item per line (首页 / 机构概况 / 新闻中心 / 政务服务): short bare
# words in a run that holds the 首页 item. None of them is the report's title or unit.
_MENU_ITEM = re.compile(r"^\s*(?:[-*•·]\s*)?(?:[\u4e00-\u9fff]\s?){2,6}\s*$")
_MENU_HOME = re.compile(r"^\s*(?:[-*•·]\s*)?(?:网站)?首\s?页\s*$")
_MENU_RUN = 3
# A bidding site's notice header copied above a report (公告摘要 / 项目编号- / 预算金额300万元 /
# 招标联系人- / 公告正文): the site's fields, never the report's; a 预算金额 there is no budget of it.
_NOTICE_FIELD = re.compile(
    r"^\s*(?P<label>公告摘要|公告正文|公告内容|项目编号|预算金额|招标联系人|中标联系人|招标人|中标人|采购人|"
    r"代理机构|开标时间|投标截止时间)\s*(?:[：:|\-－—]|\d|$)"
)
_NOTICE_WORDS = ("公告", "招标", "中标", "投标", "开标")
# 首页 新闻服务 部门 …, 首页 | 政务公开 | …: a breadcrumb or menu whose items spaces or bars separate.
_BREADCRUMB = re.compile(
    r"(当前位置|所在位置|您的位置|首页)\s*[：:>＞»/]|[>＞»]\s*[\u4e00-\u9fff]{2,8}\s*[>＞»]"
    r"|^\s*(?:网站)?首\s?页[ \t\u3000|｜]+[\u4e00-\u9fff]{2,8}[ \t\u3000|｜]+\S"
)
# 生成日期 2023-08-11 公开日期 2023-08-11 公开方式 政府网站: fields separated by spaces alone,
# a portal line when it opens with a label and names at least two.
_SPACED_FIELD = re.compile(rf"{_LEAD}(?:{_LABELS})\s+\S")
# Labels are counted where they stand, a label's value may be left empty: 关键词 发布机构 某局
# holds two (the first label says nothing, the second opens the next field at once).
_SPACED_LABEL = re.compile(rf"(?:^|(?<=\s))(?:{_LABELS})(?=\s+\S|\s*$)")
LABEL_ONLY = re.compile(rf"{_LEAD}(?:{_LABELS})\s*[\]】]?\s*[：:]?\s*$")
_MAX_VALUE_LINE = 40
# A line after an empty label is its value unless it is the report's own title.
_REPORT_WORDS = re.compile(r"报告|决算|绩效|预算|评价|自评|说明")
# Portal furniture only occurs before the report proper.
_SCAN_LIMIT = 40


# A page's byline (2021-11-05 16:40:12  来源:某局, 某省某厅 时间:2021-11-05 16:40): a date or the
# publishing office, then a field, on a short line of no prose that states a date.
# A posting date as portals write it (2021-11-05, 2021年11月5日); report_check's listing lines too.
DATE = r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
_CLOCK = r"(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?"
_BYLINE = re.compile(
    rf"^\s*(?:{DATE}{_CLOCK}|(?P<office>[\u4e00-\u9fff（）()]{{3,30}}))[ \t\u3000]+(?:{_LABELS})\s*[:：]"
)
_HAS_DATE = re.compile(DATE)
_MAX_BYLINE = 80
_PROSE_MARK = re.compile(r"[，。；,;]")


def _names_an_office(office: str) -> bool:
    return UNIT_END.fullmatch(first_name(office)) is not None


def byline_office(text: str) -> str | None:
    """The office a byline opens with (某省某厅 时间:…), when it names one."""
    match = _BYLINE.match(text) if len(text) <= _MAX_BYLINE else None
    office = match["office"] if match else None
    return office if office and _names_an_office(office) else None


def _is_byline(text: str) -> bool:
    match = _BYLINE.match(text) if len(text) <= _MAX_BYLINE else None
    if match is None or _PROSE_MARK.search(text) or not _HAS_DATE.search(text):
        return False
    return match["office"] is None or _names_an_office(match["office"])


# Every breadcrumb holds one of these; _BREADCRUMB, tried at every character, runs only then.
BREADCRUMB_HINTS = ("位置", "首页", ">", "＞", "»")
_BREADCRUMB_HINT = re.compile("|".join(re.escape(hint) for hint in BREADCRUMB_HINTS))
# The line shapes that are portal lines without a further test, as one alternation: a line is
# tried against each in the regex engine instead of by five calls (each line of the first forty
# of every report is tested). It matches exactly where one of the five does.
_SHAPES = (FIELD, BRACKETED_FIELD, BULLET_FIELD, _CODE_LINE, _NAV_LINE)
_PORTAL_SHAPES = re.compile("|".join(f"(?:{shape.pattern})" for shape in _SHAPES))


def is_portal_line(text: str) -> bool:
    return bool(
        _PORTAL_SHAPES.match(text)
        or _is_byline(text)
        or (_SPACED_FIELD.match(text) is not None and len(_SPACED_LABEL.findall(text)) >= 2)
        or (_BREADCRUMB_HINT.search(text) and _BREADCRUMB.search(text))
    )


def _is_value(text: str, label_line: str) -> bool:
    """A line after a label alone on its line is that label's value unless it is the report's
    own title; a value in the label's bulleted list, or a very short one, is a value regardless."""
    value = text.strip()
    if len(value) > _MAX_VALUE_LINE:
        return False
    bullet, label_bullet = BULLET.match(text), BULLET.match(label_line)
    same_list = (
        bullet is not None
        and label_bullet is not None
        and bullet.group().strip() == label_bullet.group().strip()
    )
    return same_list or len(value) <= _SHORT_VALUE or not _REPORT_WORDS.search(value)


def portal_lines(document: Document) -> set[int]:
    """Block indexes of portal furniture near the top of the document."""
    found: set[int] = set()
    label_line: str | None = None
    for index, block in enumerate(document.blocks[:_SCAN_LIMIT]):
        if not isinstance(block, Paragraph):
            if _is_portal_table(block):
                found.add(index)
            label_line = None
            continue
        if is_portal_line(block.text):
            found.add(index)
            label_line = block.text if LABEL_ONLY.match(block.text) else None
        elif label_line is not None and _is_value(block.text, label_line):
            found.add(index)
            label_line = None
        else:
            label_line = None
    return found | _menu_lines(document) | _notice_lines(document)


def _notice_lines(document: Document) -> set[int]:
    """Block indexes of a bidding notice's header fields among the first blocks: two or more
    fields, one of them a notice's own (公告摘要, 招标联系人 …)."""
    fields = {
        index: match["label"]
        for index, block in enumerate(document.blocks[:_SCAN_LIMIT])
        if isinstance(block, Paragraph) and (match := _NOTICE_FIELD.match(block.text))
    }
    if len(fields) >= 2 and any(word in label for label in fields.values() for word in _NOTICE_WORDS):
        return set(fields)
    return set()


def _menu_lines(document: Document) -> set[int]:
    """Block indexes of a one-item-per-line site menu among the first blocks."""
    found: set[int] = set()
    run: dict[int, str] = {}
    for index, block in enumerate([*document.blocks[:_SCAN_LIMIT], None]):
        if isinstance(block, Paragraph) and _MENU_ITEM.match(block.text):
            run[index] = block.text
            continue
        if len(run) >= _MENU_RUN and any(_MENU_HOME.match(text) for text in run.values()):
            found.update(run)
        run = {}
    return found


def _is_portal_table(table: Table) -> bool:
    """A block of portal fields laid out as a table (索 引 号:    x    主题分类:    y)."""
    labelled = sum(1 for row in table.rows if row and label_key(row[0].text) is not None)
    return labelled * 2 >= len(table.rows) > 0


def label_key(cell: str) -> str | None:
    match = LABEL_ONLY.match(cell)
    return re.sub(r"[\s\[\]【】：:*•·-]", "", match.group()) if match else None


def without_portal_lines(document: Document, skip: set[int] | None = None) -> str:
    """``Document.text`` with portal furniture blanked out (same length, offsets unchanged)."""
    indexes = sorted(portal_lines(document) if skip is None else skip)
    if not indexes:
        return document.text
    pieces: list[str] = []
    kept = 0
    for index in indexes:
        block = document.blocks[index]
        pieces.append(document.text[kept : block.start])
        pieces.append(" " * (block.end - block.start))
        kept = block.end
    pieces.append(document.text[kept:])
    return "".join(pieces)
