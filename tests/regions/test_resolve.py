"""Region resolution from the offline GB/T 2260 gazetteer (cpca 0.5.5 data)."""

from __future__ import annotations

import pytest

from ingestion.regions import Region, load_gazetteer, resolve_region, split_region_prefix

TIANYUAN = Region("湖南省", "株洲市", "天元区", "430211")


def test_gazetteer_levels_and_codes() -> None:
    gazetteer = load_gazetteer()
    (tianyuan,) = gazetteer.named("天元区")
    assert tianyuan.code == "430211"
    province, city = gazetteer.parent_chain(tianyuan)
    assert (province and province.name, city and city.name) == ("湖南省", "株洲市")


@pytest.mark.parametrize(
    ("name", "district", "rest"),
    [
        pytest.param("株洲市天元区松岭街道办事处", "天元区", "松岭街道办事处", id="city and district"),
        pytest.param("湖南省财政厅", "湖南省", "财政厅", id="province only"),
        pytest.param(
            "石家庄市新华区人民政府", "新华区", "人民政府", id="ambiguous district fixed by its city"
        ),
        pytest.param("新华区人民政府", None, "新华区人民政府", id="ambiguous district alone"),
        pytest.param("松岭街道办事处", None, "松岭街道办事处", id="no region"),
    ],
)
def test_split_region_prefix(name: str, district: str | None, rest: str) -> None:
    division, remainder = split_region_prefix(name)
    assert (division.name if division else None, remainder) == (district, rest)


@pytest.mark.parametrize(
    ("names", "body", "expected"),
    [
        pytest.param(["株洲市天元区松岭街道办事处"], "", TIANYUAN, id="from the unit's full name"),
        pytest.param([], "报告将在天元区政府门户网公开。", TIANYUAN, id="district named in the body"),
        pytest.param([], "推动“开福区特色美食街”建设。", Region(), id="district inside quotes"),
        pytest.param([], "为适应城市发展需要，新建停车场。", Region(), id="name inside words"),
        pytest.param([], "项目建成后服务天元区居民。", TIANYUAN, id="district named after a verb"),
        pytest.param([], "获评湖南省第三批示范社区称号。", Region(), id="province alone in the body"),
        pytest.param(
            [], "提高县域经济，沙县小吃。", Region(), id="two-character county names ignored in the body"
        ),
        pytest.param(
            ["北京市东城区教育委员会"], "", Region("北京市", "北京市", "东城区", "110101"), id="municipality"
        ),
    ],
)
def test_resolve_region(names: list[str], body: str, expected: Region) -> None:
    region, _ = resolve_region(names, body)
    assert region == expected


def test_ambiguous_district_is_null_with_a_warning() -> None:
    region, warnings = resolve_region([], "新华区人民政府门户网站公开。")
    assert region == Region() and "新华区" in warnings[0]


def test_ambiguous_district_resolved_by_a_named_city() -> None:
    region, _ = resolve_region([], "沧州市新华区人民政府门户网站公开。")
    assert region.division_code == "130902"
