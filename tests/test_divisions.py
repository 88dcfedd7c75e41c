from __future__ import annotations

import pytest

from station.core import divisions


def test_the_table_knows_provinces_cities_and_counties() -> None:
    assert divisions.name("430211") == "湖南省株洲市天元区"
    assert divisions.name("430200") == "湖南省株洲市"
    assert divisions.name("110108") == "北京市海淀区"
    assert divisions.name("620981") == "甘肃省酒泉市玉门市"
    assert divisions.name("999999") is None
    assert len(divisions.table()) > 3000


@pytest.mark.parametrize(
    ("division", "address"),
    [
        ("430211", "湖南省株洲市天元区栗雨路88号"),
        ("430211", "株洲市栗雨路88号"),  # the city only: the district is not contradicted
        ("430200", "株洲市天元区黄河北路1号"),  # a city-level authority for an address in one of its districts
        ("430211", "高新区创业大厦3楼"),  # a park's own names: nothing to contradict
        ("110108", "北京市海淀区中关村大街1号"),
        ("100000", "北京市西城区三里河东路8号"),  # a national authority
        ("620981", "玉门市玉门大道12号"),
    ],
)
def test_addresses_that_fit_the_division(division: str, address: str) -> None:
    assert divisions.problem(division, address) is None


@pytest.mark.parametrize(
    ("division", "address"),
    [
        ("430211", "北京市海淀区中关村大街1号"),  # the case: 株洲天元区 code for a Beijing address
        ("430211", "株洲市芦淞区建设南路1号"),  # another district of the same city
        ("220104", "北京市朝阳区建国路1号"),  # 长春的朝阳区 is not Beijing's
        ("999901", "株洲市天元区栗雨路88号"),  # no such division
    ],
)
def test_addresses_that_contradict_the_division(division: str, address: str) -> None:
    problem = divisions.problem(division, address)
    assert problem is not None and problem.endswith("。")


def test_demo_enterprises_have_codes_that_agree_with_their_addresses() -> None:
    from station.core import demo, uscc

    for row in demo.enterprise_rows(300):
        assert uscc.problem(row["uscc"]) is None
        assert divisions.problem(row["uscc"][2:8], row["address"]) is None, row["address"]


def test_demo_agencies_sit_where_their_codes_say() -> None:
    from station_agencies import demo

    for place, division in demo.PLACES:
        assert divisions.problem(division, demo.ADDRESS[place]) is None, place
