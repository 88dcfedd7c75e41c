from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.core import uscc

# Published codes of well-known companies: the check characters are real.
REAL = ["914403001922038216", "91110000802100433B", "91350100M000100Y43", "91430211MA4PXE5Q8X"]


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
        ("814403001922038216", "前两位"),
        ("9144A3001922038216", "行政区划"),
        ("914403001922038217", "校验位"),
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
