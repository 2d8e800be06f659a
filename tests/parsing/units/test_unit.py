"""The reporting unit named only in the body, or only by the portal that published the report."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Document, DocumentBuilder
from ingestion.parsing import extract_report
from ingestion.parsing.units.unit import could_be_unit, publisher_unit, unit_name
from tests.parsing.conftest import document_of

BODY_HEAD = "一、部门（单位）基本情况\n（一）主要职能\n做好国防动员。\n"


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        pytest.param(
            "2021年，嘉茗街道办事处在区委、区政府的统一部署下推进工作。", "嘉茗街道办事处", id="after a year"
        ),
        pytest.param("2023年泉柳街道办事处重点项目3个。", "泉柳街道办事处", id="year without a comma"),
        pytest.param("我单位系前山镇人民政府，内设机构6个。", "前山镇人民政府", id="我单位系 ..."),
        pytest.param("2020年，荷澄乡人民政府各项事业持续发展。", "荷澄乡人民政府", id="a 乡人民政府"),
        pytest.param(
            "2022年，济南市槐荫区霞湄镇人民政府在区委领导下工作。",
            "霞湄镇人民政府",
            id="region prefix dropped",
        ),
        pytest.param(
            "绵阳市人民政府研究室是承担政策研究任务的市政府直属机构。", "研究室", id="a government's 研究室"
        ),
        pytest.param("绵阳市涪城区会议室是一间大房间。", None, id="near miss: a room is no unit"),
        pytest.param(
            "配合各街道办事处开展工作，本镇人民政府统筹安排。", None, id="other units' mentions do not count"
        ),
    ],
)
def test_unit_named_in_the_body(body: str, unit: str | None) -> None:
    assert unit_name(document_of(BODY_HEAD + body + "\n"), None)[0] == unit


@pytest.mark.parametrize(
    ("publisher", "body", "unit"),
    [
        pytest.param(
            "吉林市昌邑区枫岚街道办事处", "本单位年末实有人数32人。", "枫岚街道办事处", id="self-reference"
        ),
        pytest.param(
            "株洲市天元区财政局", "本单位年末实有人数32人。", None, id="a finance office posts for others"
        ),
        pytest.param(
            "株洲市天元区财政局", "区财政局下达预算资金。", "财政局", id="the body names the publisher"
        ),
        pytest.param(
            "吉林市昌邑区枫岚街道办事处", "项目资金使用规范。", None, id="no sign the report is its own"
        ),
    ],
)
def test_publisher_as_unit(publisher: str, body: str, unit: str | None) -> None:
    assert publisher_unit(publisher, body) == unit


def _html_document(body: str, metadata: dict[str, str]) -> Document:
    builder = DocumentBuilder("html", "utf-8")
    for line in body.splitlines():
        builder.add_paragraph(line)
    builder.metadata.update(metadata)
    return builder.build()


def test_portal_metadata_gives_title_unit_and_region() -> None:
    metadata = {
        "publisher": "广州市从化区霞棠乡人民政府",
        "page_title": "2022年度重点项目绩效评价情况-广州市从化区人民政府",
    }
    body = "一、重点项目基本情况\n2022年我单位重点项目3个，年初预算534.37万元。\n二、绩效情况\n"
    report = extract_report(_html_document(body, metadata), path="x.html", sha256="0" * 64).report
    assert (report.title, report.kind, report.fiscal_year) == (
        "2022年度重点项目绩效评价情况",
        "key_projects",
        2022,
    )
    assert report.unit_name == "霞棠乡人民政府"
    assert tuple(report.region.model_dump().values()) == ("广东省", "广州市", "从化区", "440117")


def test_site_district_is_the_region_when_the_publisher_is_not_the_unit() -> None:
    metadata = {"publisher": "某某单位", "page_title": "部门整体支出绩效自评报告-武汉市蔡甸区人民政府"}
    body = "一、基本情况\n2019年，汀坪街道办事处在区委领导下，项目支出1903.09万元。\n二、绩效情况\n"
    report = extract_report(_html_document(body, metadata), path="x.html", sha256="0" * 64).report
    assert report.unit_name == "汀坪街道办事处"
    assert tuple(report.region.model_dump().values()) == ("湖北省", "武汉市", "蔡甸区", "420114")


def test_city_site_alone_does_not_set_a_region() -> None:
    metadata = {"page_title": "部门整体支出绩效自评报告-武汉市人民政府"}
    body = "一、基本情况\n2019年，汀坪街道办事处在区委领导下，项目支出1903.09万元。\n二、绩效情况\n"
    report = extract_report(_html_document(body, metadata), path="x.html", sha256="0" * 64).report
    assert report.region.district is None


def test_project_implementing_unit_field_beats_a_project_title() -> None:
    text = (
        "2020年度泉禾社区河塘清淤专项经费支出绩效自评报告\n一、项目基本情况\n"
        "项目名称：泉禾社区河塘清淤专项经费。项目实施单位：汕头市潮阳区荷澄街道办事处。\n"
    )
    report = extract_report(document_of(text), path="x.txt", sha256="0" * 64).report.model_dump()
    assert (report["unit_name"], report["region"]["district"]) == ("荷澄街道办事处", "潮阳区")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "2024年度单位决算\n二、机构设置\n本单位下设办公室。\n", None, id="本单位下设 names no unit"
        ),
        pytest.param(
            "2024年度单位决算\n二、机构设置\n渠县林业技术推广站内设办公室。\n", "林业技术推广站", id="内设"
        ),
        pytest.param(
            "项目支出绩效自评表\n主管部门：仁寿县统计局\n金额单位：万元\n",
            None,
            id="主管部门 and 金额单位 fields",
        ),
        pytest.param(
            "2022年度县级专项资金绩效目标自评表专项资金名称县级档案修复经费负责人及电话张某县级主管部门"
            "青川县档案馆实施单位档案保管利用股项目资金(万元)全年预算数\n",
            "档案馆",
            id="a section inside the department carries the project out: the 主管部门 reports",
        ),
        pytest.param(
            "收入支出决算总表 部门：彝良县龙安镇中心卫生院 金额单位：元\n",
            "龙安镇中心卫生院",
            id="部门 field",
        ),
        pytest.param(
            "2019年某市档案馆决算公开报告.doc\n乌海市档案馆 2019年度决算公开报告 目录 一、部门概况\n",
            "档案馆",
            id="a file name yields to the title line below it",
        ),
        pytest.param(
            "根据财政局预算绩效管理要求开展自评，形成报告\n", None, id="a prose line is no title line"
        ),
        pytest.param("云县文化馆单位2023年度单位决算\n", "文化馆", id="单位 after the unit"),
    ],
)
def test_unit_from_fields_titles_and_structure(text: str, unit: str | None) -> None:
    assert unit_name(document_of(text), None)[0] == unit


@pytest.mark.parametrize(
    ("name", "could"),
    [
        pytest.param("青禾县融媒体中心", False, id="a media centre reposting news"),
        pytest.param("青禾县电视台", False, id="a television station"),
        pytest.param("青禾县广播电视局", True, id="the broadcasting office is an office"),
        pytest.param("青禾县水务局", True, id="an office"),
    ],
)
def test_news_outlets_are_no_unit(name: str, could: bool) -> None:
    assert could_be_unit(name) is could
