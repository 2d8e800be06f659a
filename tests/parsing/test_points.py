from __future__ import annotations

from collections.abc import Callable

import pytest

from ingestion.documents.model import Document
from ingestion.parsing.points import problems_and_measures, split_points
from ingestion.parsing.sections import outline


@pytest.mark.parametrize(
    ("text", "points"),
    [
        pytest.param(
            "一是加强预算编制；二是提高目标质量；三是强化结果应用。",
            ["加强预算编制", "提高目标质量", "强化结果应用。"],
            id="一是 二是 三是",
        ),
        pytest.param(
            "1.提前谋划项目，加快拨付。2.积极争取上级资金。",
            ["提前谋划项目，加快拨付。", "积极争取上级资金。"],
            id="numbered from the first word",
        ),
        pytest.param(
            "主要问题如下：一是论证不足；二是进度偏慢", ["论证不足", "进度偏慢"], id="lead-in dropped"
        ),
        pytest.param(
            "1、甲项工作；2、乙项工作；3、丙项工作", ["甲项工作", "乙项工作", "丙项工作"], id="1、 2、 3、"
        ),
        pytest.param(
            "（一）机制有待完善，资金2.5万元未拨付。",
            ["机制有待完善，资金2.5万元未拨付。"],
            id="a decimal is no numbering",
        ),
        pytest.param("预算执行进度偏慢。", ["预算执行进度偏慢。"], id="one sentence"),
    ],
)
def test_split_points(text: str, points: list[str]) -> None:
    assert split_points(text) == points


REPORT = """2022年度示例县某局整体支出绩效自评报告
一、单位概况
本局内设机构6个。
二、存在的主要问题及原因
1、预算编制精细化程度不高。
2、绩效目标设置不够量化。
三、下一步工作计划
一是加强预算编制的科学性；二是提高绩效目标质量。
四、其他需要说明的事项
无。
"""

SPLIT_HEADINGS = """示例区某局2023年度整体支出绩效评价报告
四、存在的问题和改进措施
（一）主要问题
项目前期论证不充分，个别项目执行率偏低。
（二）整改措施
1.加强项目前期论证。2.建立执行进度通报机制。
"""

INLINE = """某局2019年度部门整体支出绩效自评报告
三、自评情况
本部门自评得分92分，存在的问题：一是测算不够精细。二是申报不够及时。下一步改进措施：一是精准测算预算。二是及时拨付资金。
"""

# A 自评表 exported one cell per paragraph: its column header reads like a measures heading.
FORM_CELLS = """某校2019年度项目支出绩效自评表
三级指标
分值
得分
偏差原因分析及改进措施
维修围墙长度
10
10
验收合格率
10
9
"""


@pytest.mark.parametrize(
    ("text", "problems", "measures"),
    [
        pytest.param(
            REPORT,
            ["预算编制精细化程度不高。", "绩效目标设置不够量化。"],
            ["加强预算编制的科学性", "提高绩效目标质量。"],
            id="问题及原因, 下一步工作计划",
        ),
        pytest.param(
            SPLIT_HEADINGS,
            ["项目前期论证不充分，个别项目执行率偏低。"],
            ["加强项目前期论证。", "建立执行进度通报机制。"],
            id="sub-headings under one section",
        ),
        pytest.param(
            INLINE,
            ["测算不够精细。", "申报不够及时。"],
            ["精准测算预算。", "及时拨付资金。"],
            id="problems and measures named inline in one paragraph",
        ),
        pytest.param(FORM_CELLS, [], [], id="a form's column header is no measures section"),
    ],
)
def test_problems_and_measures(
    make_document: Callable[[str], Document], text: str, problems: list[str], measures: list[str]
) -> None:
    assert problems_and_measures(outline(make_document(text))) == (problems, measures)
