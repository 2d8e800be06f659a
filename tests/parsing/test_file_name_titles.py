"""Titles and years as document-sharing sites and downloads state them (snippets invented): a
file name writing its year without 年 (某局2021部门整体…报告.pdf), and a file name that disagrees
with the document's own first page (``1、`` then the heading run on into the text)."""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.fiscal_year import fiscal_year
from tests.parsing.conftest import document_of


def _report(text: str) -> dict:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).report.model_dump()


@pytest.mark.parametrize(
    ("title", "body", "year"),
    [
        pytest.param(
            "宜昌市水利局2021部门整体绩效自评报告",
            "填报日期:2022年5月20日\n一、部门基本情况\n",
            2021,
            id="a file name's year without 年 before the topic",
        ),
        pytest.param("2023眉山市东坡区教育局部门决算", "", 2023, id="a year without 年 opening the title"),
        pytest.param(
            "嘉兴市南湖区档案馆2022项目支出绩效自评表(档案数字化经费)",
            "2023年3月填报。",
            2022,
            id="a year without 年 before a project's self-evaluation",
        ),
        pytest.param(
            "青禾县2000万元河道整治资金绩效评价报告",
            "2023年度河道整治完成。",
            2023,
            id="an amount in the title is no year",
        ),
    ],
)
def test_year_without_nian(title: str, body: str, year: int | None) -> None:
    assert fiscal_year(title, body)[0] == year


SHARED_FILE = (
    "《{file}.docx》由会员分享,可在线阅读,更多相关《{file}.docx(2页珍藏版)》请在某文库网上搜索。\n"
    "1、{own}单位名称宜昌市林业局联系人王某联系电话自评总分(分)95.5年初预算数全年预算数\n"
)


@pytest.mark.parametrize(
    ("file", "own", "title", "year"),
    [
        pytest.param(
            "宜昌市林业局2022年度部门整体绩效自评表",
            "宜昌市林业局2023年度部门整体绩效自评表",
            "宜昌市林业局2023年度部门整体绩效自评表",
            2023,
            id="the document's own year over the file name's",
        ),
        pytest.param(
            "眉山市东坡区民政局2022年度项目支出绩效自评表",
            "眉山市东坡区民政局2022年度项目支出绩效自评表",
            "眉山市东坡区民政局2022年度项目支出绩效自评表",
            2022,
            id="file name and first page agree",
        ),
        pytest.param(
            "嘉兴市南湖区档案馆2022年度部门整体绩效自评报告",
            "嘉兴市南湖区档案馆2022年度收入支出决算总表",
            "嘉兴市南湖区档案馆2022年度部门整体绩效自评报告",
            2022,
            id="a first page on another topic leaves the file name",
        ),
    ],
)
def test_file_name_and_first_page(file: str, own: str, title: str, year: int) -> None:
    report = _report(SHARED_FILE.format(file=file, own=own))
    assert (report["title"], report["fiscal_year"]) == (title, year)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        pytest.param("宜昌市林业局二〇二三年度部门决算", 2023, id="a cover's year in numerals"),
        pytest.param(
            "眉山市东坡区教育局二O二二年部门整体支出绩效自评报告", 2022, id="numerals with a letter O"
        ),
        pytest.param("宜 昌 市 林 业 局 2 0 2 1 年 度 部 门 决 算", 2021, id="a flattened PDF's spaced year"),
        pytest.param("青禾县十二五规划项目绩效评价报告", None, id="十二五 is no year"),
    ],
)
def test_year_as_covers_write_it(title: str, year: int | None) -> None:
    assert fiscal_year(title, "")[0] == year
