"""A portal article page: header, nav, breadcrumb, 索引号/发布机构/发布日期 block, article, footer."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sample_drop.document import Heading, Paragraph, ReportDocument, Table


@dataclass(frozen=True, slots=True)
class PageInfo:
    site_name: str  # 株洲市天元区人民政府
    title: str
    publisher: str  # 发布机构
    published_date: str  # YYYY-MM-DD
    index_number: str  # 索引号
    phone: str


def _table_html(table: Table) -> str:
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            if table.covered(r, c):
                continue
            span = table.span_at(r, c)
            attrs = ""
            if span and span.rows > 1:
                attrs += f' rowspan="{span.rows}"'
            if span and span.cols > 1:
                attrs += f' colspan="{span.cols}"'
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


def _article_html(doc: ReportDocument) -> list[str]:
    parts = [f'<p style="text-align:left">{escape(doc.seal_line)}</p>'] if doc.seal_line else []
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"<p><strong>{escape(block.line)}</strong></p>")
        elif isinstance(block, Paragraph):
            parts.append(f'<p style="text-indent:2em">{escape(block.text)}</p>')
        elif isinstance(block, Table):
            parts.append(_table_html(block))
    return parts


def render_html(doc: ReportDocument, page: PageInfo, charset: str = "utf-8") -> str:
    """The page as text; the caller encodes it with ``charset``, which the page declares."""
    info = (
        f"<tr><th>索引号</th><td>{escape(page.index_number)}</td><th>发布机构</th><td>{escape(page.publisher)}</td></tr>"
        f'<tr><th>标题</th><td colspan="3">{escape(page.title)}</td></tr>'
        f"<tr><th>发布日期</th><td>{page.published_date}</td><th>主题分类</th><td>财政预决算</td></tr>"
    )
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="zh-CN"><head><meta charset="{charset}">',
        f"<title>{escape(page.title)}-{escape(page.site_name)}</title></head>",
        "<body>",
        f'<div class="header"><div class="logo">{escape(page.site_name)}</div>',
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>',
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a>'
        " &gt; 财政预决算 &gt; 绩效评价</div>",
        f'<table class="xxgk-info">{info}</table>',
        '<div class="article">',
        f"<h1>{escape(page.title)}</h1>",
        '<div class="article-content">',
        *_article_html(doc),
        "</div></div>",
        f'<div class="footer"><p>主办单位：{escape(page.site_name)}办公室　联系电话：{page.phone}</p>'
        "<p>网站标识码：0000000000　ICP备00000000号</p></div>",
        "</body></html>",
    ]
    return "\n".join(lines) + "\n"


def render_listing(site_name: str, links: list[tuple[str, str, str]]) -> str:
    """A portal's column page: a list of (title, href, date) links and paging, no report in it."""
    items = "\n".join(
        f'<li><a href="{escape(href)}">{escape(title)}</a><span class="date">{date}</span></li>'
        for title, href, date in links
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>绩效评价-{escape(site_name)}</title></head>\n<body>\n"
        f'<div class="header"><div class="logo">{escape(site_name)}</div></div>\n'
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; '
        "财政预决算 &gt; 绩效评价</div>\n"
        f'<ul class="list">\n{items}\n</ul>\n'
        '<div class="page">共1页 <a href="#">首页</a> <a href="#">上一页</a> <a href="#">下一页</a></div>\n'
        "</body></html>\n"
    )
