"""The enterprise facts the policy plugin keeps, and which department each comes from (一数一源).

Rules read facts as ``facts.<key>[year]`` (yearly) or ``facts.<key>``; a fact the station does not
hold is unknown. Money is integer fen, counts are integers, dates are ISO dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class FactSpec:
    key: str
    label: str  # Chinese, what a clerk reads
    kind: str  # fen | count | flag | year | text
    yearly: bool
    source: str  # the department the figure comes from


FACTS: dict[str, FactSpec] = {
    f.key: f
    for f in (
        FactSpec("tax_paid_fen", "纳税总额", "fen", True, "区税务局"),
        FactSpec("revenue_fen", "营业收入", "fen", True, "区统计局"),
        FactSpec("rd_spend_fen", "研发费用", "fen", True, "区税务局"),
        FactSpec("insured_staff", "参保职工人数", "count", True, "区人力社保局"),
        FactSpec("new_hires", "新增参保就业人数", "count", True, "区人力社保局"),
        FactSpec("layoffs", "裁员人数", "count", True, "区人力社保局"),
        FactSpec("unemployment_premium_fen", "失业保险费缴纳额", "fen", True, "区人力社保局"),
        FactSpec("high_talents", "新引进高层次人才人数", "count", True, "区人才办"),
        FactSpec("graduates_hired", "新招用高校毕业生人数", "count", True, "区人力社保局"),
        FactSpec("equipment_investment_fen", "生产性设备投资额", "fen", True, "区经信局"),
        FactSpec("export_fen", "出口额", "fen", True, "区商务局"),
        FactSpec("invention_patents", "新授权发明专利数", "count", True, "区市场监管局"),
        FactSpec("pct_patents", "PCT国际专利申请数", "count", True, "区市场监管局"),
        FactSpec("rent_fen", "厂房（办公用房）年租金", "fen", True, "园区管委会"),
        FactSpec("above_scale_since", "首次纳入规上统计年份（0 为未纳入）", "year", False, "区统计局"),
        FactSpec("abnormal_listed", "列入经营异常名录", "flag", False, "区市场监管局"),
        FactSpec("serious_dishonesty", "列入严重失信主体名单", "flag", False, "区发改局"),
        FactSpec("tax_arrears", "存在欠税", "flag", False, "区税务局"),
        FactSpec("safety_accident", "近三年发生较大安全生产事故", "flag", False, "区应急管理局"),
    )
}

ENTERPRISE_FIELDS = {
    "uscc": "统一社会信用代码",
    "name": "企业名称",
    "industry_code": "行业代码",
    "registered_capital_fen": "注册资本",
    "employees": "从业人数",
    "founded_on": "成立日期",
    "zone": "所在园区",
    "stage": "生命周期阶段",
}

CERT_KINDS = (
    "高新技术企业",
    "科技型中小企业",
    "专精特新中小企业",
    "专精特新“小巨人”企业",
    "省级企业技术中心",
    "省级研发机构",
)


def format_fen(fen: int | Decimal | None) -> str:
    """Fen as yuan with thousands separators and two decimals: 123456789 -> "1,234,567.89 元"."""
    if fen is None:
        return "—"
    yuan = Decimal(fen) / 100
    return f"{yuan:,.2f} 元"


def format_value(key: str, value: Any) -> str:
    """A fact's value as a clerk reads it."""
    spec = FACTS.get(key)
    if value is None:
        return "缺少数据"
    if spec is None:
        return str(value)
    if spec.kind == "fen":
        return format_fen(value)
    if spec.kind == "flag":
        return "是" if value else "否"
    if spec.kind == "count":
        return f"{value:,}"
    return str(value)


def fact_title(key: str, year: int) -> str:
    spec = FACTS[key]
    return f"{year} 年{spec.label}" if spec.yearly else spec.label
