"""The unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from a 31-character alphabet (digits and capitals without I, O, Z, S, V):
1 registration authority, 1 organisation type, 6 administrative division, 9 organisation code,
1 check character. The check character makes the weighted sum of all 18 a multiple of 31.
"""

from __future__ import annotations

import random

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Registration authority -> the organisation types it may issue (GB 32100-2015, table 1).
AUTHORITIES = {
    "1": "129",  # 机构编制
    "5": "1239",  # 民政
    "9": "123",  # 工商 (1 企业, 2 个体工商户, 3 农民专业合作社)
    "Y": "1",  # 其他
}


def check_char(first17: str) -> str:
    total = sum(VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalize(code: str) -> str:
    """Upper-case and strip spaces: clerks type codes in many ways."""
    return "".join(code.split()).upper()


def problem(code: str) -> str | None:
    """Why ``code`` is not a valid credit code, as a Chinese sentence; None if it is valid."""
    code = normalize(code)
    if not code:
        return "请填写统一社会信用代码。"
    if len(code) != 18:
        return f"统一社会信用代码应为18位，现在是{len(code)}位，请核对。"
    bad = sorted({ch for ch in code if ch not in VALUE})
    if bad:
        return f"统一社会信用代码含有不允许的字符“{''.join(bad)}”（不使用 I、O、Z、S、V），请核对。"
    if code[0] not in AUTHORITIES or code[1] not in AUTHORITIES[code[0]]:
        return "统一社会信用代码前两位（登记管理部门和机构类别）不正确，请核对。"
    if not code[2:8].isdigit():
        return "统一社会信用代码第3至8位应为行政区划代码（数字），请核对。"
    if check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确，可能有字符输错，请逐位核对。"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def generate(rng: random.Random, division: str = "430211", authority: str = "9", kind: str = "1") -> str:
    """A valid code for demo data: the given division, a random organisation code."""
    body = authority + kind + division + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + check_char(body)
