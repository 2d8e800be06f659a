from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.metrics import narrative_metrics


def metrics_of(text: str) -> list[tuple[str | None, ...]]:
    found = narrative_metrics([Paragraph(text, 0, len(text))])
    return [(m["name"], m["value"], m["unit"], m["qualifier"]) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "全年累计新增就业642人，城镇登记失业率2.87%。",
            [("新增就业", "642", "人", None), ("城镇登记失业率", "2.87", "%", None)],
            id="noun phrase before the number",
        ),
        pytest.param(
            "细分为200余个微网格，开展活动近百次。",
            [("微网格", "200", "个", "余"), ("开展活动", "100", "次", "近")],
            id="qualifiers 余 and 近",
        ),
        pytest.param(
            "发放宣传资料约1500份。", [("发放宣传资料", "1500", "份", "约")], id="约 before the number"
        ),
        pytest.param(
            "上报重点工作目标和工作任务清单近200条。",
            [("工作任务清单", "200", "条", "近")],
            id="phrase starts after 和",
        ),
        pytest.param(
            "本街道编制数52人，在职人数47人，退休人员6人。", [], id="staff counts belong to staffing"
        ),
        pytest.param(
            "预算执行率98%，项目支出418.76万元，2023年12月。", [], id="budget percent, money, dates"
        ),
        pytest.param("社保服务进万家。", [], id="a round word without a qualifier"),
        pytest.param("本街道由1个社区组成。", [], id="a name that is only particles"),
        pytest.param(
            "帮扶困难群众3万人，新建道路1.5公里。",
            [("帮扶困难群众", "3", "万人", None), ("新建道路", "1.5", "公里", None)],
            id="万 after a digit is part of the unit, a decimal stays whole",
        ),
        pytest.param("服务群众1千人次。", [], id="千 after a digit is neither a unit nor a round word"),
        pytest.param(
            "覆盖面积.5亩，走访住户12户。",
            [("走访住户", "12", "户", None)],
            id="a number after a dot is not read",
        ),
    ],
)
def test_narrative_metrics(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert metrics_of(text) == expected


def test_a_repeated_statement_is_one_metric() -> None:
    text = "新增就业809人。帮扶就业登记809人，新增就业809人。"
    assert [m[0] for m in metrics_of(text)] == ["新增就业", "帮扶就业登记"]


def test_evidence_is_the_clause() -> None:
    found = narrative_metrics([Paragraph("截至年底，走访企业112家。", 0, 14)])
    assert found[0]["evidence"] == "走访企业112家"
