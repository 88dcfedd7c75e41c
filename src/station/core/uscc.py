"""The unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from a 31-character alphabet (digits and capitals without I, O, Z, S, V):
1 registration authority, 1 organisation type, 6 administrative division (GB/T 2260), 9 organisation code
(GB 11714: 8 characters and their check character), 1 check character. The check character makes the
weighted sum of all 18 a multiple of 31.

A station records the code the registration authority issued; it never makes one. ``generate`` exists
for demo data and tests only.
"""

from __future__ import annotations

import random

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Registration authority -> the organisation types it may issue (GB 32100-2015, table 1 and the
# registration departments' published category codes).
AUTHORITIES = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
    "2": "19",  # 外交: 外国常驻新闻机构, 其他
    "3": "123459",  # 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    "4": "19",  # 文化: 外国在华文化中心, 其他
    "5": "1239",  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": "129",  # 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
    "7": "129",  # 宗教: 宗教活动场所, 宗教院校, 其他
    "8": "19",  # 工会: 基层工会, 其他
    "9": "123",  # 工商（市场监管）: 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室: 军队事业单位, 其他
    "N": "1239",  # 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他: 不再细分
}
# The first two digits of a GB/T 2260 division: 10 for the national authorities, then the provinces.
PROVINCES = frozenset(
    [
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)

# GB 11714-1997: the organisation code's 8 characters (digits and capitals A=10 … Z=35) and weights.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def check_char(first17: str) -> str:
    total = sum(VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    """The GB 11714 check character of an organisation code's first 8 characters."""
    total = sum(int(ch, 36) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True))
    rest = 11 - total % 11
    return "X" if rest == 10 else "0" if rest == 11 else str(rest)


def normalize(code: str) -> str:
    """Upper-case and strip spaces: clerks type codes in many ways."""
    return "".join(code.split()).upper()


def problem(code: str) -> str | None:
    """Why ``code`` is not a valid credit code, as a Chinese sentence; None if it is valid.

    The structure only: whether its division still exists and matches an address is ``divisions``' job
    (a code keeps the division it was issued in after the division is renamed or merged).
    """
    code = normalize(code)
    if not code:
        return "请填写统一社会信用代码。"
    if len(code) != 18:
        return f"统一社会信用代码应为18位，现在是{len(code)}位，请核对。"
    bad = sorted({ch for ch in code if ch not in VALUE})
    if bad:
        shown = "".join(ch for ch in bad if ch.isprintable() and not "\ud800" <= ch <= "\udfff")
        if not shown:  # control characters or broken text (a lone surrogate) cannot be shown back
            return "统一社会信用代码含有无法识别的字符，请重新输入。"
        return f"统一社会信用代码含有不允许的字符“{shown}”（不使用 I、O、Z、S、V），请核对。"
    if code[0] not in AUTHORITIES or code[1] not in AUTHORITIES[code[0]]:
        return "统一社会信用代码前两位（登记管理部门和机构类别）不正确，请核对。"
    if not code[2:8].isdigit() or code[2:4] not in PROVINCES:
        return "统一社会信用代码第3至8位应为登记机关的行政区划代码，请核对。"
    if check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确，可能有字符输错，请逐位核对。"
    if org_check_char(code[8:16]) != code[16]:
        return "统一社会信用代码第9至17位（组织机构代码）的校验位不正确，请对照营业执照逐位核对。"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def generate(rng: random.Random, division: str = "430211", authority: str = "9", kind: str = "1") -> str:
    """A well-formed code for demo data and tests only: the given division, a random organisation code."""
    org = "".join(rng.choice(ALPHABET) for _ in range(8))
    body = authority + kind + division + org + org_check_char(org)
    return body + check_char(body)
