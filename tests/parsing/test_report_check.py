"""Pages that are not reports (portal listings, pages without report terms) are set aside."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingestion import errors
from ingestion.collect.model import CollectedFile, Provenance
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.landing import land, parse_pending
from ingestion.parsing import extract_report
from ingestion.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]

LISTING = (
    "当前位置：首页 > 政府信息公开 > 绩效评价\n"
    + "2023年度天元区财政局整体支出绩效自评报告2024-05-01\n"
    + "2022年度松岭街道办事处项目支出绩效自评报告 2023-06-11\n"
    + "[2023-03-02] 关于2023年预算执行情况的报告\n"
    + "共1页 首页 上一页 下一页\n"
)


def _document(text: str, fmt: str = "html", table: list[list[str]] | None = None) -> Document:
    builder = DocumentBuilder(fmt, "utf-8")
    for line in text.splitlines():
        builder.add_paragraph(line)
    if table:
        builder.add_table(table)
    return builder.build()


@pytest.mark.parametrize("fmt", [pytest.param(f, id=f) for f in ("html", "txt", "docx", "pdf")])
def test_a_listing_page_is_not_a_report_in_any_format(fmt: str) -> None:
    with pytest.raises(errors.DocumentRejected) as rejected:
        extract_report(_document(LISTING, fmt), path="list_1", sha256="0" * 64)
    assert rejected.value.reason == errors.NOT_A_REPORT


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("欢迎访问本网站。\n", id="no report terms"),
        pytest.param("   \n", id="no text"),
    ],
)
def test_pages_without_a_report_are_rejected(text: str) -> None:
    with pytest.raises(errors.DocumentRejected) as rejected:
        extract_report(_document(text), path="x", sha256="0" * 64)
    assert rejected.value.reason == errors.NOT_A_REPORT


@pytest.mark.parametrize(
    ("text", "table"),
    [
        pytest.param(
            "2023年度某街道部门整体支出绩效自评报告\n一、基本情况\n2023-01-05下达预算\n2023-06-01追加预算\n"
            "2023-09-01调整预算\n二、绩效情况\n",
            None,
            id="dated lines inside numbered sections",
        ),
        pytest.param(
            "项目支出绩效自评表\n2023-01-05\n2023-06-01\n2023-09-01\n",
            [["项目名称", "预算数"], ["社区经费", "50"]],
            id="a form with a table",
        ),
        pytest.param(
            "2023年项目支出绩效自评报告\n项目支出48万元，完成率96%。\n", None, id="short prose with figures"
        ),
        pytest.param(
            "发布机构：青禾县应急管理局\n成文日期：2024-10-08\n发文日期：2024-10-08\n发布日期：2024-10-08\n"
            "青禾县2023年应急广播建设项目支出绩效评价报告\n发布时间：2024-10-08 09:30\n"
            "依据省应急管理厅关于县级应急广播体系建设的要求，为提升全县预警信息发布能力，"
            "县应急管理局组织实施了应急广播建设项目，覆盖全县各乡镇和行政村，有利于提升基层应急处置和群众自救互救能力，项目建设意义重大。\n",
            None,
            id="a report's opening cut before its figures, under dated header lines",
        ),
    ],
)
def test_reports_with_dates_are_kept(text: str, table: list[list[str]] | None) -> None:
    result = extract_report(_document(text, table=table), path="x", sha256="0" * 64).as_json()
    assert result["contract"] == "report-extraction/1"


# A notice with report words and numbered sections but no amount, no indicator and no report
# kind. The pipeline used to set it aside after parsing while `python -m ingestion parse`
# printed an extraction for it; both now ask parsing.report_check.
NOTICE = (
    "关于做好年度预算绩效管理工作的通知\n一、工作目标\n进一步加强预算绩效管理，提高资金使用效益。\n"
    "二、工作要求\n各单位要高度重视，按时报送有关材料。\n"
)


def test_the_cli_and_the_pipeline_agree_on_a_notice_with_nothing_in_it(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "ingestion", "parse", str(notice)], capture_output=True, text=True, cwd=ROOT
    )
    assert (cli.returncode, cli.stdout) == (2, "")
    assert cli.stderr.startswith(f"{errors.NOT_A_REPORT}: notice.txt: no amounts, no indicators")

    settings = load_settings(tmp_path / "home")
    seen_at = datetime(2024, 5, 1, tzinfo=UTC)
    provenance = Provenance("p", "https://p.example/notice.txt", None, None, None, None, seen_at)
    land([CollectedFile("notice.txt", notice.read_bytes(), provenance)], settings)
    result = parse_pending(settings)
    assert [(q.name, q.reason) for q in result.quarantined] == [("notice.txt", errors.NOT_A_REPORT)]
    assert result.quarantined[0].message == cli.stderr.split(": ", 1)[1].rsplit(" (", 1)[0]
