"""A list a document-sharing copy cuts at a page's end.

Sites that share documents copy each page as one paragraph numbered by its page (``1、…`` /
``2、…`` / ``3、…``), cutting a sentence, and even a word, where the page ends:
``…实际支出30万元。其中某某专项信`` / ``2、息服务支出4万元，…``. A list that runs to a page's end
goes on after the next page's number, and the word cut at the page's end is joined again.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph

_PAGE_NUMBER = re.compile(r"^\s*(\d{1,3})、")
_SENTENCE_END = re.compile(r"[。；;！？!?：:]\s*$")
_CLAUSE_MARK = re.compile(r"[，,；;。、]")


def next_page(paragraphs: list[Paragraph], index: int) -> tuple[str, int] | None:
    """The text that carries on the last sentence of ``paragraphs[index]`` (a page cut mid-sentence)
    on the next page, after its number, with that text's offset in the document."""
    if index + 1 >= len(paragraphs) or _SENTENCE_END.search(paragraphs[index].text):
        return None
    here, there = _PAGE_NUMBER.match(paragraphs[index].text), _PAGE_NUMBER.match(paragraphs[index + 1].text)
    if here is None or there is None or int(there[1]) != int(here[1]) + 1:
        return None
    following = paragraphs[index + 1]
    return following.text[there.end() :], following.start + there.end()


def cut_word(before_break: str) -> str:
    """What of a name the page's end cut off: the words after the sentence's last clause mark."""
    return _CLAUSE_MARK.split(before_break)[-1].strip()
