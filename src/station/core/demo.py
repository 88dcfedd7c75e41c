"""A realistic demo park: enterprises with plausible Chinese names and valid credit codes.

Deterministic for a given seed, so screenshots, benchmarks and tests see the same park.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from station.core import uscc

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext

# (city prefix, administrative division code, street names) of the parks in our source reports.
CITIES = [
    ("株洲", "430211", ["栗雨路", "黄河北路", "长江南路", "珠江北路", "泰山路", "天台路"]),
    ("玉门", "620981", ["玉门大道", "新市区南街", "石油路", "建设西路"]),
    ("沈抚", "210411", ["浑河路", "创新路", "金枫街", "智造大道"]),
    ("杭州", "330113", ["临平大道", "世纪大道", "东湖北路", "望梅路"]),
    ("郑州", "410173", ["航兴路", "郑港六街", "雁鸣路", "新港大道"]),
]
# Where each city's enterprises are registered, as an address begins (agrees with the division above).
PLACE = {
    "株洲": "湖南省株洲市天元区",
    "玉门": "甘肃省玉门市",
    "沈抚": "辽宁省沈抚改革创新示范区",
    "杭州": "浙江省杭州市临平区",
    "郑州": "河南省郑州航空港经济综合实验区",
}
ZONES = [
    "高新区核心园",
    "新材料产业园",
    "智能制造产业园",
    "数字经济产业园",
    "生物医药产业园",
    "现代物流园",
    "航空港综合保税区",
    "中小企业创业园",
]
BRAND_CHARS = (
    "华鑫盛泰宏达恒瑞兴隆腾飞博远中科创新智诚汇通天启金源嘉禾永安昌明德信凯旋联合东方"
    "北辰南翔海川长青正和顺丰锦程佳润安捷精工宇航世纪星辉卓越睿思云帆"
)
BUSINESS = [
    ("科技", "I6513"),
    ("信息技术", "I6510"),
    ("软件", "I6511"),
    ("电子科技", "C3971"),
    ("新材料", "C2929"),
    ("机械制造", "C3411"),
    ("智能装备", "C3490"),
    ("汽车零部件", "C3670"),
    ("精密制造", "C3484"),
    ("生物医药", "C2720"),
    ("医疗器械", "C3581"),
    ("食品", "C1490"),
    ("餐饮管理", "H6210"),
    ("物流", "G5990"),
    ("供应链管理", "L7219"),
    ("商贸", "F5190"),
    ("建筑工程", "E4710"),
    ("环保科技", "N7724"),
    ("新能源", "D4415"),
    ("化工", "C2669"),
    ("检测技术", "M7452"),
    ("工程咨询", "M7481"),
    ("文化传媒", "R8710"),
    ("农业开发", "A0190"),
    ("陶瓷", "C3074"),
    ("航空科技", "C3744"),
    ("轨道交通装备", "C3714"),
    ("电气", "C3829"),
    ("服饰", "C1810"),
    ("包装材料", "C2231"),
]
SUFFIXES = ["有限公司"] * 8 + ["有限责任公司", "股份有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌宇浩凯鹏飞晨雪梅海燕琳俊峰丹"
STAGE_WEIGHTS = [("startup", 6), ("construction", 10), ("operation", 74), ("change", 7), ("exit", 3)]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "151", "158", "177", "186", "189"]) + f"{rng.randrange(10**8):08d}"


def address(rng: random.Random, city: str, streets: list[str]) -> str:
    """A street address in ``city`` that agrees with the city's division (its credit codes' 3rd-8th)."""
    return f"{PLACE[city]}{rng.choice(streets)}{rng.randrange(1, 999)}号"


def enterprise_rows(count: int, seed: int = 20261122, today: dt.date | None = None) -> Iterator[dict[str, Any]]:
    """``count`` cleaned enterprise rows (stored values, as ``enterprises.clean`` returns them)."""
    rng = random.Random(seed)
    today = today or dt.date(2026, 11, 1)
    codes: set[str] = set()
    stages, weights = zip(*STAGE_WEIGHTS, strict=True)
    for _ in range(count):
        city, division, streets = rng.choice(CITIES)
        business, industry_code = rng.choice(BUSINESS)
        brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
        if rng.random() < 0.15:
            brand += rng.choice(BRAND_CHARS)
        name = f"{city}{brand}{business}{rng.choice(SUFFIXES)}"
        code = uscc.generate(rng, division)
        while code in codes:
            code = uscc.generate(rng, division)
        codes.add(code)
        capital_wan: float = rng.choice([10, 50, 100, 200, 300, 500, 800, 1000, 2000, 5000, 12_000])
        if rng.random() < 0.2:
            capital_wan = round(rng.uniform(3, 3000), 2)
        founded = today - dt.timedelta(days=rng.randrange(30, 365 * 25))
        stage = rng.choices(stages, weights)[0]
        if stage == "startup":
            founded = today - dt.timedelta(days=rng.randrange(0, 60))
        yield {
            "uscc": code,
            "name": name,
            "legal_rep": person(rng),
            "industry_code": industry_code,
            "registered_capital_fen": round(capital_wan * 100) * 10_000,
            "employees": max(1, int(rng.lognormvariate(3.0, 1.1))),
            "founded_on": founded,
            "address": address(rng, city, streets),
            "zone": rng.choice(ZONES),
            "contact_person": person(rng),
            "contact_phone": mobile(rng),
            "stage": stage,
        }


def fill_demo(ctx: StationContext, actor: Any, seed: int = 20261122) -> Iterator[str]:
    """Run every plugin's demo-data step, each in its own transaction; yield a line per step."""
    from station.contributions import DemoData, loaded

    steps = sorted(ctx.host.collect("register_demo_data", DemoData), key=lambda d: (d.order, d.name))
    for step in steps:
        rng = random.Random(f"{seed}:{step.plugin}:{step.name}")
        with ctx.work(actor) as work:
            summary = loaded(step.fill)(work, rng)
            work.audit("demo.fill", "demo", f"{step.plugin}.{step.name}", None, {"summary": summary})
        yield f"{step.plugin}/{step.name}: {summary}"
