from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.core import uscc

# Published codes of well-known companies: the check characters are real.
REAL = [
    "914403001922038216",
    "91110000802100433B",
    "91350100M000100Y43",
    "9144030071526726XG",
    "91310115MA1K3BTP2B",
    "91340603MA2UJXXCXF",
    "91620105L015101280",
    "92340621MA2UK3PJXE",  # 个体工商户
    "121200004013590816",  # 事业单位
]


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid(code: str) -> None:
    assert uscc.problem(code) is None


def test_normalizes_case_and_spaces() -> None:
    assert uscc.is_valid(" 9144 0300 1922 0382 16 ")
    assert uscc.is_valid("91350100m000100y43")


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("", "请填写"),
        ("91440300192203821", "18位"),
        ("9144030019220382I6", "不允许的字符"),
        ("824403001922038216", "前两位"),
        ("9144A3001922038216", "行政区划"),
        ("914403001922038217", "校验位"),
        ("91440300192203823C", "组织机构代码"),  # the 18th is right, the 17th (GB 11714) is not
        ("91990300192203821C", "行政区划"),  # no province 99
    ],
)
def test_problems_are_chinese_sentences(code: str, fragment: str) -> None:
    problem = uscc.problem(code)
    assert problem is not None and fragment in problem and problem.endswith("。")


@given(st.integers(0, 2**32), st.integers(0, 17), st.sampled_from(uscc.ALPHABET))
def test_any_single_character_change_is_caught(seed: int, position: int, replacement: str) -> None:
    code = uscc.generate(random.Random(seed))
    assert uscc.is_valid(code)
    changed = code[:position] + replacement + code[position + 1 :]
    assert uscc.is_valid(changed) == (changed == code)


@given(st.integers(0, 2**32), st.integers(0, 16))
def test_adjacent_transpositions_are_caught(seed: int, position: int) -> None:
    code = uscc.generate(random.Random(seed))
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert uscc.is_valid(swapped) == (swapped == code)


# One code per registration authority and category of GB 32100-2015 (a made-up organisation code each).
CATEGORIES = ["11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52",
              "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1",
              "N2", "N3", "N9", "Y1"]  # fmt: skip


@pytest.mark.parametrize("prefix", CATEGORIES)
def test_every_authority_and_category_of_the_standard_is_accepted(prefix: str) -> None:
    code = uscc.generate(random.Random(prefix), "110108", prefix[0], prefix[1])
    assert uscc.problem(code) is None


@pytest.mark.parametrize("prefix", ["14", "22", "36", "42", "54", "63", "94", "99", "A2", "N4", "Y2", "B1", "01"])
def test_categories_outside_the_standard_are_refused(prefix: str) -> None:
    body = prefix + "110108" + "MA01ABCD" + uscc.org_check_char("MA01ABCD")
    assert "前两位" in (uscc.problem(body + uscc.check_char(body)) or "")


def test_generated_codes_carry_a_valid_organisation_code() -> None:
    for seed in range(200):
        code = uscc.generate(random.Random(seed))
        assert uscc.org_check_char(code[8:16]) == code[16]


@pytest.mark.parametrize(
    "code", ["91430211MA4PXE5Q\ud800Y", "91430211MA4PXE5Q\x00Y", "=1430211MA4PXE5QXY", "9" * 10**6]
)
def test_hostile_input_gets_a_sentence_that_can_be_printed(code: str) -> None:
    problem = uscc.problem(code)
    assert problem is not None and problem.endswith("。")
    problem.encode("utf-8")  # no lone surrogate echoed back
