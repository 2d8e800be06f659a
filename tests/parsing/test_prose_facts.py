"""Prose extractors: staffing, self score, projects, problems/measures, metrics, meta, unit."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Document, DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.kind import report_kind
from ingestion.parsing.metrics import narrative_metrics
from ingestion.parsing.points import problems_and_measures, split_points
from ingestion.parsing.projects.breakdown import prose_projects
from ingestion.parsing.scores.total import prose_self_score
from ingestion.parsing.sections import outline
from ingestion.parsing.staffing import prose_staffing
from ingestion.parsing.text import fold, passages
from ingestion.parsing.title import find_title
from ingestion.parsing.units.unit import unit_name


def document_of(text: str) -> Document:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    return builder.build()


def paragraphs(text: str) -> list[Paragraph]:
    return [b for b in document_of(text).blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "2022年本单位年未实有人数58人，其中：行政编制19人，事业编制14人，退休人员25人。",
            {"actual": 58, "administrative": 19, "institutional": 14, "retired": 25},
            id="实有人数 with its parts",
        ),
        pytest.param(
            "本街道编制数52人，在职人数47人；编外聘用人员12人，公益性岗位人员21人；离退休人数6人。",
            {"authorized": 52, "actual": 47, "contract": 12, "public_welfare": 21},
            id="在职人数 when no 实有人数; 离退休 is not 退休",
        ),
        pytest.param(
            "本局核定人员编制26人,其中:行政编制17人。在职实有24人,退休 9人。车辆编制2辆,实有车辆2辆。",
            {"authorized": 26, "administrative": 17, "actual": 24, "retired": 9},
            id="在职实有; vehicles are no staff",
        ),
        pytest.param(
            "核准编制人数31人,实有在编人员29人。", {"authorized": 31, "actual": 29}, id="实有在编人员"
        ),
        pytest.param("本中心预算人员实有数11人,合同人员3人。", {"actual": 11}, id="实有数"),
        pytest.param(
            "本校年初在职职工 60 人,期间调入 6 人,年末在职职工 64 人,在校学生 980 人。",
            {"actual": 64},
            id="the year-end count of 在职职工",
        ),
        pytest.param("本园现有在职教师27人,退休人员5人。", {"actual": 27, "retired": 5}, id="在职教师"),
        pytest.param(
            "我所属正科级事业单位，全额事业编制38个。实有在职人员35人。",
            {"authorized": 38, "institutional": 38, "actual": 35},
            id="the one kind of post counted in 个 is the total",
        ),
        pytest.param(
            "机关行政编制12名，事业编制4名。",
            {"administrative": 12, "institutional": 4},
            id="two kinds of post are parts, never the total",
        ),
        pytest.param(
            "核定行政编制9名，另有工勤编制2名。",
            {"administrative": 9},
            id="a 工勤 post besides: the 行政 posts are no total",
        ),
        pytest.param(
            "本院核定政法专项编制58人、行政工勤编制4人，另核定事业编制3人。截至年末在职57人。",
            {"institutional": 3, "actual": 57},
            id="a 专项编制 is a kind of post, no total; 年末在职 N人 is the headcount",
        ),
        pytest.param(
            "本街道共有工作人员58人，其中行政编制20人、参公编制11人、事业编制19人。",
            {"actual": 58, "administrative": 20, "institutional": 19},
            id="共有工作人员 as the headcount",
        ),
        pytest.param(
            "本所实有人数17人，共有工作人员21人（含临聘）。",
            {"actual": 17},
            id="实有 beats a headcount",
        ),
        pytest.param(
            "本单位实有人数12人，其中：在职人员9人，离休人员0人，退休人员3人。",
            {"actual": 9, "retired": 3},
            id="a 实有 count holding the retired: its serving part",
        ),
    ],
)
def test_staffing(text: str, expected: dict[str, int]) -> None:
    document = document_of(text)
    prose = passages(paragraphs(text), fold(document.text))
    assert prose_staffing(prose, document.text, {}) == expected


@pytest.mark.parametrize(
    ("text", "score"),
    [
        pytest.param("本次绩效自评评分87分。", 87, id="评分"),
        pytest.param("经自评，自评得分为95.5分。", 95.5, id="decimal score"),
        pytest.param("产出指标分值40分，得分40分。", None, id="an indicator weight is no total"),
        pytest.param("自评得分为960分。", None, id="out of range"),
        pytest.param("实施单位 | 青禾县第二中学 | 自评得分 | 93 |", 93, id="a form's 自评得分 cell"),
        pytest.param(
            "整体支出绩效自评表填报单位青禾县某局自评总分(分)92.4联系人", 92.4, id="自评总分(分) run on"
        ),
        pytest.param("实施单位\n青禾县第二中学\n自评得分\n88.5\n", 88.5, id="a form's cells one per line"),
        pytest.param(
            "项目名称某经费主管部门青禾县教育局实施单位青禾县第二中学自评得分91财政评分项目资金(万元)",
            91,
            id="a form flattened with every separator lost",
        ),
        pytest.param(
            "序号 | 项目名称 | 自评得分 |\n1 | 某经费 | 95 |",
            None,
            id="a column of 自评得分 is no form's total",
        ),
    ],
)
def test_self_score(text: str, score: float | None) -> None:
    assert prose_self_score(paragraphs(text), {}) == score


def test_projects_listed_after_the_total() -> None:
    document = document_of(
        "（2） 项目支出情况\n2022年度财政拨款项目支出86.4万元。其中：\n"
        "1、 河道清淤工作经费项目支出6.2万元；2、社区2021年文化阵地建设专项资金项目支出80.0万元;"
        "3、其他项目支出0.2万元；\n（三）政府性基金预算支出情况\n无。"
    )
    found, warnings = prose_projects(outline(document), "86.4", {})
    assert [(p["name"], p["spent_wan"]) for p in found] == [
        ("河道清淤工作经费", "6.2"),
        ("社区2021年文化阵地建设专项资金", "80.0"),
        ("其他项目支出", "0.2"),
    ]
    assert warnings == []


def test_project_categories_and_a_sum_warning() -> None:
    document = document_of("项目支出情况\n项目支出100万元，其中，城市管理60万元，公共安全30.5万元。")
    found, warnings = prose_projects(outline(document), "100", {})
    assert [p["name"] for p in found] == ["城市管理", "公共安全"]
    assert "90.5" in warnings[0]


def test_inline_enumeration_splits_into_points() -> None:
    text = "一是健全绩效管理制度；二是强化预算执行监控；三是做实项目跟踪问效。四是积极争取上级资金。"
    assert split_points(text) == [
        "健全绩效管理制度",
        "强化预算执行监控",
        "做实项目跟踪问效。",
        "积极争取上级资金。",
    ]


def test_combined_problem_and_measure_section() -> None:
    document = document_of(
        "四、存在的主要问题及改进措施\n1、项目前期论证不充分;\n2、部分支出进度滞后。\n今后将进一步做好与财政部门的衔接。\n"
        "五、其他需要说明的情况\n无。"
    )
    problems, measures = problems_and_measures(outline(document))
    assert problems == ["项目前期论证不充分;", "部分支出进度滞后。"]
    assert measures == ["今后将进一步做好与财政部门的衔接。"]


def test_budget_sections_win_over_a_work_summary() -> None:
    document = document_of(
        "2022年度工作中存在的不足\n一是矛盾纠纷化解压力较大。\n三、整体支出绩效评价中发现的问题\n1、项目前期论证不充分。\n"
        "四、整体支出绩效改进措施及建议\n1、做实项目前期论证。"
    )
    assert problems_and_measures(outline(document)) == (["项目前期论证不充分。"], ["做实项目前期论证。"])


def test_metrics_with_qualifiers_and_round_words() -> None:
    found = narrative_metrics(
        paragraphs("街道新增就业1358人，城镇登记失业率3.65%，开展执法行动近百次，划分成200余个微网格。")
    )
    as_tuples = [(m["name"], m["value"], m["unit"], m["qualifier"]) for m in found]
    assert ("新增就业", "1358", "人", None) in as_tuples
    assert ("城镇登记失业率", "3.65", "%", None) in as_tuples
    assert ("开展执法行动", "100", "次", "近") in as_tuples
    assert ("微网格", "200", "个", "余") in as_tuples


def test_title_joined_over_lines_and_metadata() -> None:
    document = document_of(
        "部门（单位）名称：湘潭市雨湖区松岭街道办事处（盖章）\n2023年度湘潭市雨湖区松岭街道办事处整体支出\n绩效自评报告\n一、基本情况\n"
    )
    found = find_title(document)
    assert found is not None and found[0] == "2023年度湘潭市雨湖区松岭街道办事处整体支出绩效自评报告"
    assert report_kind(found[0], document.text) == "overall_expenditure"
    assert fiscal_year(found[0], document.text) == (2023, [])
    name, full_names, _ = unit_name(document, None)
    assert (name, full_names) == ("松岭街道办事处", ["湘潭市雨湖区松岭街道办事处"])


def test_fiscal_year_ignores_a_tie() -> None:
    year, warnings = fiscal_year(None, "2021年完成任务，2022年继续。")
    assert year is None and warnings


def test_unit_named_only_in_the_body() -> None:
    document = document_of(
        "一、基本情况\n有效提升了柏溪街道居民的法律意识。\n出台《柏溪街道文明创建实施方案》。\n"
    )
    assert unit_name(document, None)[0] == "柏溪街道办事处"
