"""Masking personal data: what is masked, what must survive, and that offsets hold.

Every sentence here is invented for the test (names, numbers and units included).
"""

from __future__ import annotations

import pytest

from ingestion.documents.model import DocumentBuilder
from ingestion.privacy import MASK, find_personal_data, mask_document, mask_text


def _masked_pieces(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_personal_data(text)]


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        pytest.param("今年共化解王建国、李秀英、陈志刚等信访遗留问题12件。", ["王建国", "李秀英", "陈志刚"],
                     id="petitioners listed before 等信访"),
        pytest.param("成功化解信访9年的赵德明信访积案。", ["赵德明"], id="one petitioner before 信访积案"),
        pytest.param("接待来访群众孙丽华反映的噪音扰民问题。", ["孙丽华"], id="a visitor after 来访群众"),
        pytest.param("信访人欧阳春梅多次到区政府反映问题。", ["欧阳春梅"], id="compound family name"),
        pytest.param("帮扶困难户黄桂兰、何永强两户。", ["黄桂兰", "何永强"], id="hardship households"),
        pytest.param("对上访户钟文斌、谢玉珍开展包案稳控。", ["钟文斌", "谢玉珍"], id="after 上访户"),
        pytest.param("经办人：周晓峰，联系电话：0731-28812345，手机13812345678。",
                     ["周晓峰", "0731-28812345", "13812345678"], id="clerk with landline and mobile"),
        pytest.param("填表人：邓美玲   填报日期：2024年3月   联系电话：22218765",
                     ["邓美玲", "22218765"], id="form footer"),
        pytest.param("单位负责人签字：尹明哲", ["尹明哲"], id="signature"),
        pytest.param("经办人身份证号：430102198805061237", ["430102198805061237"], id="ID number"),
        pytest.param("联系邮箱：dengml_2023@example.com。", ["dengml_2023@example.com"], id="e-mail"),
        pytest.param("咨询电话：（0731）84567890", ["（0731）84567890"], id="bracketed area code"),
        pytest.param("电话：０７３１－２８８１２３４５", ["０７３１－２８８１２３４５"], id="full width"),
    ],
)  # fmt: skip
def test_personal_data_is_found(text: str, personal: list[str]) -> None:
    assert _masked_pieces(text) == personal
    masked = mask_text(text)
    assert len(masked) == len(text)
    assert not any(piece in masked for piece in personal)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("东湖区大院街道办事处2022年度部门整体支出绩效自评报告", id="unit and district"),
        pytest.param("督导组组长、区委副书记带队到长沙县星沙街道开展信访督查。", id="titles and places"),
        pytest.param("雨花区左家塘街道、天心区坡子街街道联合开展信访宣传。", id="streets beside 信访"),
        pytest.param("化解群众信访件，协调岳麓区市场监管局处理。", id="a district beside 信访"),
        pytest.param("项目支出12345678元，合计13812345678.5元，执行率98.5%。", id="money is no phone number"),
        pytest.param("全年共办理网上信访件54件，妥善处理群众诉求。", id="counts in a petition sentence"),
        pytest.param("通过张贴宣传海报，提升群众安全感和满意度。", id="dictionary words tagged as names"),
        pytest.param("推进老旧院落（含零星楼栋）的管网改造。", id="two characters alone"),
        pytest.param("索引号：430203-000-2023-0012，文号湘财绩〔2023〕5号。", id="index numbers"),
    ],
)
def test_what_is_not_personal_data_survives(text: str) -> None:
    assert _masked_pieces(text) == []
    assert mask_text(text) == text


def test_a_name_found_once_is_masked_everywhere_it_recurs() -> None:
    text = "填表人：魏天朗\n附：魏天朗同志整理的台账。"
    assert mask_text(text) == f"填表人：{MASK * 3}\n附：{MASK * 3}同志整理的台账。"


def test_masked_document_keeps_every_offset() -> None:
    builder = DocumentBuilder("txt")
    builder.add_paragraph("一、存在问题：台账不全，经办人：周晓峰，手机13812345678。")
    builder.add_table([["填表人", "邓美玲"], ["联系电话", "22218765"]])
    builder.metadata["publisher"] = "东湖区大院街道办事处"
    document = builder.build()
    masked = mask_document(document)
    assert len(masked.text) == len(document.text)
    assert "周晓峰" not in masked.text and "13812345678" not in masked.text
    for block, original in zip(masked.blocks, document.blocks, strict=True):
        assert (block.start, block.end) == (original.start, original.end)
    cells = [cell for table in masked.tables() for row in table.rows for cell in row]
    assert all(masked.text[cell.start : cell.end] == cell.text for cell in cells)
    assert "22218765" not in [cell.text for cell in cells]
    assert masked.metadata == {"publisher": "东湖区大院街道办事处"}
    # Outside the masked pieces the masked text is the original, character for character.
    same = [a == b for a, b in zip(masked.text, document.text, strict=True)]
    assert all(same[i] or masked.text[i] == MASK for i in range(len(same)))


def test_a_document_without_personal_data_is_returned_as_is() -> None:
    builder = DocumentBuilder("txt")
    builder.add_paragraph("2023年度一般公共预算财政拨款支出2846.27万元。")
    document = builder.build()
    assert mask_document(document) is document


def test_the_generator_masks_its_truth_with_the_same_placeholder() -> None:
    from sample_drop.personal import MASK as TRUTH_MASK

    assert TRUTH_MASK == MASK
