"""Invented personal data planted in every generated report, and the truth that must not show it.

Real reports name private persons where this plants them: petitioners in a 信访 sentence, a
clerk with a landline, a mobile number and sometimes an ID number inside a 问题 item, and a form
filler (or a contact) with a phone number and e-mail address at the end. Every name, number and
address is invented here; the truth lists them (``_personal_data``) so a test can show that none
reaches a mart, a published file or the Data Docs, and the truth's own texts carry them masked
the way docs/privacy.md says (``＊`` for every character).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sample_drop.facts import ReportFacts

MASK = "＊"  # docs/privacy.md: one placeholder character per masked character
_FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
_GIVEN = (
    "建国", "秀英", "志刚", "丽华", "晓峰", "春梅", "永强", "桂兰", "文斌", "玉珍", "德明", "小红",
    "云飞", "美玲", "海燕", "国庆", "红梅", "建华", "淑芬", "明辉", "卫东", "翠英", "振华", "秋菊",
)  # fmt: skip
_PETITIONS = (
    "全年共化解{names}等群众的信访积案，实现零非访",
    "成功化解{names}反映的信访遗留问题，妥善处理群众诉求",
    "对上访户{names}落实包案稳控措施，矛盾纠纷得到有效化解",
    "帮扶困难户{names}，送去慰问金和生活物资",
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(slots=True)
class PersonalData:
    """What one report says about private persons, and each piece that must never be published."""

    petition_sentence: str
    clerk_clause: str
    footer_person: str
    footer_phone: str
    footer_email: str
    pieces: list[str] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return rng.choice(_FAMILY) + rng.choice(_GIVEN)


def landline(rng: random.Random) -> str:
    return f"0{rng.randint(710, 799)}-{rng.randint(2, 8)}{rng.randint(1000000, 9999999)}"


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"


def id_number(rng: random.Random, division_code: str) -> str:
    """An 18-digit resident ID of the unit's district with a valid check character."""
    body = f"{division_code}{rng.randint(1955, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(0, 999):03d}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def email(rng: random.Random) -> str:
    user = "".join(rng.choice("abcdefghjkmnpqrstwxyz") for _ in range(rng.randint(4, 8)))
    return f"{user}{rng.randint(10, 99)}@{rng.choice(('163.com', 'qq.com', 'example.cn'))}"


def invent_personal_data(rng: random.Random, division_code: str) -> PersonalData:
    petitioners = list(dict.fromkeys(person(rng) for _ in range(rng.randint(2, 3))))
    clerk, phone, cell = person(rng), landline(rng), mobile(rng)
    pieces = [*petitioners, clerk, phone, cell]
    clause = f"经办人：{clerk}，联系电话：{phone}，手机{cell}"
    if rng.random() < 0.5:
        card = id_number(rng, division_code)
        clause += f"，身份证号：{card}"
        pieces.append(card)
    filler = person(rng)
    footer_phone = rng.choice((str(rng.randint(22000000, 28999999)), landline(rng)))
    footer_email = email(rng)
    pieces += [filler, footer_phone, footer_email]
    return PersonalData(
        petition_sentence=rng.choice(_PETITIONS).format(names="、".join(petitioners)) + "。",
        clerk_clause=clause,
        footer_person=filler,
        footer_phone=footer_phone,
        footer_email=footer_email,
        pieces=list(dict.fromkeys(pieces)),
    )


def with_clerk(problem: str, personal: PersonalData) -> str:
    """A 问题 item that names the clerk who kept the files (as audit findings do)."""
    return f"{problem}（{personal.clerk_clause}）"


def masked(text: str, pieces: list[str]) -> str:
    """``text`` as a parser that follows docs/privacy.md returns it: each piece masked in place."""
    for piece in sorted(pieces, key=len, reverse=True):
        text = text.replace(piece, MASK * len(piece))
    return text


def contact_line(personal: PersonalData, *, form: bool, year: int, month: int) -> str:
    """The last line: a form's 填表人 footer, or a report's 联系人."""
    if form:
        return (
            f"填表人：{personal.footer_person}   填报日期：{year}年{month}月   "
            f"联系电话：{personal.footer_phone}   电子邮箱：{personal.footer_email}"
        )
    return (
        f"联系人：{personal.footer_person}，联系电话：{personal.footer_phone}，"
        f"电子邮箱：{personal.footer_email}。"
    )


def plant_personal_data(facts: ReportFacts) -> None:
    """Give ``facts`` its personal data and put the clerk into its first 问题 item.

    Drawn from a generator of its own, seeded by the report's identity, so planting changes no
    other invented fact of a drop (the main stream of random draws stays as it was)."""
    rng = random.Random(f"{facts.unit.full_name}|{facts.year}|{facts.kind}|{facts.title}|{facts.problems}")
    facts.personal = invent_personal_data(rng, facts.unit.region.code)
    if facts.problems:
        facts.problems[0] = with_clerk(facts.problems[0], facts.personal)
