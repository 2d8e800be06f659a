"""Find text copied from the seed reports or the real corpus pages into the project's own files.

The project may not carry the seeds' or the real pages' text (code, fixtures, expected strings,
docs, the generator's phrases). A copy is found as a run of twelve-character windows that occur in
the project and in at most two of the source documents: text that many reports share (the standard
form's column labels, heading and title patterns) occurs in more of them, or is form vocabulary
(``FORM_VOCABULARY``). What remains of a run once that vocabulary is taken out must be short and
carry no figure: a copied sentence keeps its unit, its place or its figures.

Both sides are compared after NFKC (full-width forms become ASCII) with only CJK characters,
letters, digits and decimal points kept, so punctuation, spaces and table pipes do not hide a copy.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

WINDOW = 12
# A window found in more source documents than this is shared wording, not one page's text.
MAX_DOCUMENTS = 2
# After the vocabulary is taken out, a piece this long (or a figure with this many digits) is text.
MIN_PIECE = 4
MIN_FIGURE_DIGITS = 4

# The wording every report of a kind shares: form columns, indicator levels, title and heading
# words, statement lines, portal and document-site chrome. Words, not sentences.
_VOCABULARY_LINES = (
    # project self-evaluation form
    "年初预算数 全年预算数 全年执行数 执行率得分 执行率 分值 得分 预算数 执行数 年初预算 调整后预算数 "
    "调整后预算 预算执行数 预算执行率 预算执行情况 权重 原因 年度资金总额 年度预算申请 项目名称 "
    "项目类型 资金用途 使用方向 预算金额 支出金额 指标总额 区级资金 支出总额 主管部门 中央主管部门 "
    "转移支付 填报日期 联系电话 就业补助资金 批复规模 实际规模 "
    # indicator table
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 指标值 完成值 指标性质 度量单位 "
    "偏差原因分析及改进措施 偏差原因 未完成原因分析 绩效指标 产出指标 效益指标 满意度指标 数量指标 "
    "质量指标 时效指标 成本指标 经济成本指标 社会效益指标 经济效益指标 城镇登记失业率 按时完成率 "
    # final-accounts statements and headings
    "收入支出决算总体情况 决算数 三公经费 公车购置 经费控制情况 财政供养人员情况 编制数 实际在职人数 "
    "控制率 一般公共预算 政府性基金预算 国有资本经营预算 社会保险基金预算 财政拨款 支出情况 收入 "
    "第二部分 决算情况说明 单位决算 部门决算 "
    # report titles
    "部门预算 项目支出 绩效自评表 绩效自评报告 绩效评价报告 绩效评价结果 重点绩效评价 绩效评价 "
    "自评报告 自评表 整体支出 部门整体支出 工作情况总结 街道办事处 单位 部门 项目 资金 "
    # portal and document-site chrome
    "内容概览 在线链接地址 文件下载 由会员分享 可在线阅读 更多相关 珍藏版 请在 docx pdf bookmarkGoBack "
    # function words and numbering
    "总结 报告 如下 情况 主要存在 全年 预算 支出 绩效 自评 整体和 开展了 共计 个 财政资金 截止 "
    "万元 其中 年度 月 日 年 分 人 局 开展 涉及 一 二 三 四 的 及 和 A B"
)
FORM_VOCABULARY = tuple(_VOCABULARY_LINES.split())

_KEPT = re.compile(r"[\u4e00-\u9fff0-9A-Za-z.]+")
_NOT_A_DECIMAL_POINT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_VOCABULARY = re.compile("|".join(map(re.escape, sorted(FORM_VOCABULARY, key=len, reverse=True))))
_FIGURE = re.compile(r"\d[\d.]*")
_YEAR_OR_ZEROS = re.compile(r"(?:19|20)\d\d|[0.]+")
_TEXT_SUFFIXES = (".py", ".sql", ".md", ".yml", ".yaml", ".toml", ".txt", ".json", ".csv", ".html", ".cfg")


def normalized(text: str) -> str:
    """Only CJK characters, letters, digits and points, in NFKC; two figures stay apart (``_``)."""
    pieces = _KEPT.findall(_NOT_A_DECIMAL_POINT.sub(" ", unicodedata.normalize("NFKC", text)))
    joined = []
    for piece in pieces:
        if joined and joined[-1][-1].isdigit() and piece[0].isdigit():
            joined.append("_")
        joined.append(piece)
    return "".join(joined)


def _windows(text: str) -> set[str]:
    return {text[i : i + WINDOW] for i in range(len(text) - WINDOW + 1)}


def rare_windows(sources: Iterable[str]) -> set[str]:
    """The windows that occur in at least one and at most ``MAX_DOCUMENTS`` of ``sources``."""
    documents: Counter[str] = Counter()
    for source in sources:
        documents.update(_windows(normalized(source)))
    return {window for window, count in documents.items() if count <= MAX_DOCUMENTS}


def _runs(text: str, rare: set[str]) -> Iterator[str]:
    """Each stretch of ``text`` covered by overlapping rare windows."""
    start = end = None
    for i in range(len(text) - WINDOW + 1):
        if text[i : i + WINDOW] not in rare:
            continue
        if end is not None and i <= end + 1:
            end = i
            continue
        if start is not None and end is not None:
            yield text[start : end + WINDOW]
        start = end = i
    if start is not None and end is not None:
        yield text[start : end + WINDOW]


def is_copied(run: str) -> bool:
    """True when a shared run is more than form vocabulary: a piece of wording or a figure."""
    rest = _VOCABULARY.sub(" ", _FIGURE.sub(" ", run.replace("_", " ")))
    if any(len(piece) >= MIN_PIECE for piece in rest.split()):
        return True
    figures = (figure for figure in _FIGURE.findall(run) if not _YEAR_OR_ZEROS.fullmatch(figure))
    return any(sum(c.isdigit() for c in figure) >= MIN_FIGURE_DIGITS for figure in figures)


def copied_runs(text: str, rare: set[str]) -> list[str]:
    """The runs of normalized ``text`` that are copies (rare in the sources, more than vocabulary)."""
    return [run for run in _runs(text, rare) if is_copied(run)]


@dataclass(frozen=True)
class Copy:
    path: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}: {self.text}"


def project_files(root: Path) -> list[Path]:
    """The project's tracked text files."""
    listed = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True, text=True
    ).stdout.split("\0")
    return [root / name for name in listed if name.endswith(_TEXT_SUFFIXES) or name == "Makefile"]


def copies_in(files: Iterable[Path], rare: set[str], root: Path) -> list[Copy]:
    found = []
    for path in files:
        try:
            text = normalized(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        found += [Copy(str(path.relative_to(root)), run) for run in copied_runs(text, rare)]
    return found
