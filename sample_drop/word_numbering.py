"""Word automatic heading numbering (一、 / （一） / 1、) written into numbering.xml.

Many published .docx reports number their headings this way, so python-docx's paragraph text
lacks the labels; rendering some reports like that exercises the reader that rebuilds them.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph as WordParagraph

_LIST_ID = 90  # far from the ids the default template uses
_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3、"))


def _abstract_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )


def add_heading_list(word: WordDocument) -> int:
    """Define the heading list once per document; returns its ``numId``."""
    numbering = word.part.numbering_part.element
    abstract = parse_xml(_abstract_xml())
    first_num = numbering.find(qn("w:num"))
    # The schema wants every abstractNum before the first num.
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST_ID}"><w:abstractNumId w:val="{_LIST_ID}"/></w:num>')
    )
    return _LIST_ID


def number_heading(paragraph: WordParagraph, num_id: int, level: int) -> None:
    """Attach a heading paragraph to the list at ``level`` (1 = 一、)."""
    properties = paragraph._p.get_or_add_pPr()
    level_xml = f'<w:ilvl w:val="{min(level, 3) - 1}"/>'
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}>{level_xml}<w:numId w:val="{num_id}"/></w:numPr>'))
