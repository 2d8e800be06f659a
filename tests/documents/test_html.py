"""The portal article page reader: body only, spans once, metadata kept, encodings found."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion import errors
from ingestion.documents.html import read_html
from ingestion.parsing import extract_report

# 镕 and 堃 are in GBK/GB18030 but not in GB2312: pages declared gb2312 contain them anyway.
OUTSIDE_GB2312 = "朱镕基同志和王堃同志"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>"


def test_page_furniture_is_left_out_and_metadata_kept(files: Any) -> None:
    document = read_html(files.html(), "page.html")

    assert not any(word in document.text for word in ("网站首页", "当前位置", "版权所有", "脚本", "索引号"))
    assert document.metadata == {
        "index_no": "430203-000-2022-0012",
        "publisher": "天元区财政局",
        "published_date": "2022-08-12",
        "written_date": "2022-08-01",
        "page_title": "绩效自评报告_天元区人民政府",
    }


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(
            _page(f"<p>{OUTSIDE_GB2312}</p>", '<meta charset="gb2312">').encode("gb18030"),
            "gb18030",
            id="declared gb2312, holds GBK-only characters",
        ),
        pytest.param(
            _page(
                f"<p>{OUTSIDE_GB2312}</p>",
                '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
            ).encode("gb18030"),
            "gb18030",
            id="http-equiv GBK",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + _page(f"<p>{OUTSIDE_GB2312}</p>").encode("utf-8"), "utf-8", id="utf-8 BOM"
        ),
        pytest.param(
            _page(f"<p>{OUTSIDE_GB2312}</p>", '<meta charset="gb2312">').encode("utf-8"),
            "utf-8",
            id="declared gb2312 but really utf-8",
        ),
    ],
)
def test_encoding_from_bom_declaration_or_fallback(data: bytes, encoding: str) -> None:
    document = read_html(data, "page.html")

    assert document.encoding == encoding
    assert [p.text for p in document.paragraphs()] == [OUTSIDE_GB2312]


def test_undeclared_gb18030_page_is_detected() -> None:
    body = "".join(
        f"<p>{text}</p>"
        for text in [
            "一、部门基本情况",
            "我单位是财政全额拨款的行政单位，内设机构六个，年末实有人数五十八人。",
            "二、一般公共预算支出情况",
            "年度预算资金全部用于保障机关正常运转和重点工作。",
        ]
    )
    document = read_html(_page(body).encode("gb18030"), "page.htm")

    assert document.paragraphs().__next__().text == "一、部门基本情况"


def test_rowspan_and_colspan_are_read_once() -> None:
    table = (
        "<table><tr><th>一级指标</th><th colspan='2'>指标值</th></tr>"
        "<tr><td rowspan='2'>产出指标</td><td>数量</td><td>28个</td></tr>"
        "<tr><td>质量</td><td>合格</td></tr></table>"
    )
    [read] = read_html(_page(table).encode("utf-8"), "t.html").tables()

    assert read.texts() == [["一级指标", "指标值"], ["产出指标", "数量", "28个"], ["", "质量", "合格"]]
    assert [[(cell.col, cell.cols) for cell in row] for row in read.rows] == [
        [(0, 1), (1, 2)],
        [(0, 1), (1, 1), (2, 1)],
        [(0, 1), (1, 1), (2, 1)],
    ]


def test_layout_table_is_walked_into_not_read_as_data() -> None:
    page = _page(
        "<table><tr><td><p>一、基本情况</p><p>正文内容。</p>"
        "<table><tr><td>预算数</td><td>100</td></tr></table></td></tr></table>"
    )
    document = read_html(page.encode("utf-8"), "t.html")

    assert [p.text for p in document.paragraphs()] == ["一、基本情况", "正文内容。"]
    assert [t.texts() for t in document.tables()] == [[["预算数", "100"]]]


def test_inline_markup_and_breaks() -> None:
    page = _page("<div id='zoom'><p>&nbsp;&nbsp;共<span>28</span>个<b>项目</b><br/>第二行</p></div>")

    paragraphs = [p.text for p in read_html(page.encode("utf-8"), "t.html").paragraphs()]

    assert paragraphs == ["共28个项目", "第二行"]


def test_metadata_in_one_line_is_split_at_the_next_label() -> None:
    page = _page(
        "<div class='info'>发布机构：某某局 发布日期：2023/3/5</div><div id='zoom'><p>正文。</p></div>"
    )

    metadata = read_html(page.encode("utf-8"), "t.html").metadata

    assert metadata["publisher"] == "某某局"
    assert metadata["published_date"] == "2023-03-05"


_CHROME = (
    '<div class="header"><div class="logo">某某区人民政府</div><ul class="nav">'
    + "".join(f'<li><a href="/c{n}/">栏目{n}</a></li>' for n in range(8))
    + '</ul></div><div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 绩效评价</div>'
)
_FOOTER = '<div class="footer"><a href="/about">关于我们</a><a href="/map">网站地图</a>版权所有</div>'
_LISTING_ITEMS = [
    f'<li><a href="/zwgk/P0202106{n:02d}.html">2020年度第{n}街道办事处部门整体支出绩效自评报告</a>'
    f'<span class="date">2021-06-{n:02d}</span></li>'
    for n in range(1, 21)
]
_PAGER = '<div class="page">共3页 <a href="#">首页</a> <a href="#">上一页</a> <a href="#">下一页</a></div>'
_REPORT_TEXT = "".join(
    f"<p>{text}</p>"
    for text in [
        "一、部门基本情况",
        "我单位是财政全额拨款的行政单位，内设机构六个，年末实有人数五十八人，主要职能是统筹推进辖区经济社会发展。",
        "二、一般公共预算支出情况",
        "2022年度一般公共预算财政拨款支出2846.27万元，其中基本支出2102.15万元，项目支出744.12万元。",
        "三、绩效目标完成情况",
        "全年完成农村公路养护28公里，走访困难群众240户次，各项目标均按计划完成，群众满意度达到95%以上。",
    ]
)
_RELATED = (
    '<ul class="related">'
    + "".join(
        f'<li><a href="/zwgk/{n}.html">2021年度第{n}项目支出绩效自评报告</a><span>2022-05-0{n}</span></li>'
        for n in range(1, 6)
    )
    + "</ul>"
)


@pytest.mark.parametrize(
    ("body", "links"),
    [
        pytest.param(
            f'{_CHROME}<ul class="list">{"".join(_LISTING_ITEMS)}</ul>{_PAGER}{_FOOTER}',
            23,
            id="column index with dates and a pager",
        ),
        pytest.param(
            f'<div id="content"><ul>{"".join(_LISTING_ITEMS[:3])}</ul></div>',
            3,
            id="three items in a content box",
        ),
    ],
)
def test_listing_page_is_not_a_report(body: str, links: int) -> None:
    document = read_html(_page(body).encode(), "list_1.html")
    assert document.page_links is not None and document.page_links.links == links
    with pytest.raises(errors.DocumentRejected) as rejected:
        extract_report(document, path="list_1.html", sha256="0" * 64)

    assert rejected.value.reason == errors.NOT_A_REPORT
    assert rejected.value.message == f"list_1.html: a listing page: {links} links, no report text"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            f'{_CHROME}<div class="article">{_REPORT_TEXT}</div>{_FOOTER}',
            id="article with nav bar and footer",
        ),
        pytest.param(
            f'{_CHROME}<div id="zoom">{_REPORT_TEXT}<p>相关文章</p>{_RELATED}</div>{_FOOTER}',
            id="article followed by related-article links",
        ),
        pytest.param(
            f"<ul>{''.join(f'<li><a href=x>{n}</a></li>' for n in range(9))}</ul>{_REPORT_TEXT}",
            id="unmarked menu above the report, no container",
        ),
    ],
)
def test_article_page_with_links_is_read(body: str) -> None:
    document = read_html(_page(body).encode(), "article.html")
    extract_report(document, path="article.html", sha256="0" * 64)  # not set aside as a listing

    assert "2022年度一般公共预算财政拨款支出2846.27万元" in document.text
