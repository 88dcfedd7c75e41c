"""Demo marketplace: about 40 agencies over the service types, a year of commissions, draws and ratings.

Each agency has a hidden "true" quality, so the star ranking that comes out of a year of ratings means
something; a few qualifications have expired and two agencies are suspended or blacklisted, so draws
show exclusions with their reasons. Deterministic for a given random generator.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select

from station.api import Enterprise, Work, uscc, utcnow

from . import services
from .models import Agency
from .stars import DIMENSIONS

PLACES = [("玉门", "620981"), ("酒泉", "620902"), ("甘肃", "620100"), ("兰州", "620102"), ("嘉峪关", "620200")]
# Each place's address agrees with its division (a provincial-capital firm named 甘肃… sits in 兰州).
ADDRESS = {"玉门": "甘肃省玉门市", "酒泉": "甘肃省酒泉市肃州区", "甘肃": "甘肃省兰州市", "兰州": "甘肃省兰州市城关区",
           "嘉峪关": "甘肃省嘉峪关市"}  # fmt: skip
BRANDS = "恒信正大天衡中正华源精诚诚信立信永和瑞华弘远中元同德博达鼎盛明鉴公正金诚德勤汇智新纪元"
SUFFIX = {
    "cost": "工程造价咨询有限公司",
    "appraisal": "资产评估事务所有限公司",
    "audit": "会计师事务所（普通合伙）",
    "eia": "环境科技有限公司",
    "safety": "安全评价技术服务有限公司",
    "survey": "测绘有限公司",
    "supervision": "工程监理有限公司",
    "legal": "律师事务所",
    "tax": "税务师事务所有限公司",
    "energy": "节能技术服务有限公司",
    "soil": "水土保持技术服务有限公司",
    "design": "建筑设计研究院有限公司",
}
# Agencies per service type (primary service); some also offer a second, related one.
PLAN = {"cost": 6, "appraisal": 5, "audit": 5, "eia": 4, "safety": 4, "survey": 3, "supervision": 3,
        "legal": 3, "tax": 3, "energy": 2, "soil": 1, "design": 1}  # fmt: skip
SECOND = {"cost": "supervision", "appraisal": "audit", "audit": "tax", "eia": "soil", "safety": "energy",
          "survey": "design", "tax": "audit"}  # fmt: skip
ISSUERS = {
    "cost": "住房和城乡建设部", "appraisal": "甘肃省财政厅", "audit": "甘肃省财政厅", "eia": "生态环境部",
    "safety": "甘肃省应急管理厅", "survey": "甘肃省自然资源厅", "supervision": "住房和城乡建设部",
    "legal": "甘肃省司法厅", "tax": "甘肃省税务师行业协会", "energy": "甘肃省发展和改革委员会",
    "soil": "甘肃省水利厅", "design": "住房和城乡建设部",
}  # fmt: skip
SCOPES = {
    "cost": ["厂房扩建工程结算审核", "光伏电站项目概算编制", "办公楼装修工程预算编制"],
    "appraisal": ["股权转让资产评估", "设备抵押贷款价值评估", "土地使用权价值评估"],
    "audit": ["年度财务报表审计", "惠企政策专项资金使用审计", "高新技术企业认定专项审计"],
    "eia": ["新建生产线环境影响报告表", "储能项目环境影响报告书"],
    "safety": ["危险化学品仓库安全现状评价", "新建项目安全预评价"],
    "survey": ["厂区地形测绘", "不动产权籍测绘"],
    "supervision": ["厂房新建工程施工监理", "园区道路工程监理"],
    "legal": ["股权融资法律尽职调查", "采购合同审查"],
    "tax": ["研发费用加计扣除鉴证", "企业所得税汇算清缴鉴证"],
    "energy": ["项目节能报告编制"],
    "soil": ["水土保持方案报告表编制"],
    "design": ["标准化厂房施工图设计"],
}  # fmt: skip
DEMO_COMMISSIONS = 560
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _score(rng: random.Random, level: float) -> int:
    return max(1, min(5, round(rng.gauss(level, 0.7))))


def fill(work: Work, rng: random.Random, *, now: dt.datetime | None = None, commissions: int = DEMO_COMMISSIONS) -> str:
    session = work.session
    if session.scalar(select(func.count()).select_from(Agency)):
        return "中介超市已有数据，未重复生成"
    now = now or utcnow()
    today = now.date()
    used_names: set[str] = set()
    agencies: list[tuple[Agency, float]] = []
    for service, n in PLAN.items():
        for _ in range(n):
            place, division = rng.choice(PLACES)
            name = place + "".join(rng.sample(BRANDS, 2)) + SUFFIX[service]
            while name in used_names:
                name = place + "".join(rng.sample(BRANDS, 2)) + SUFFIX[service]
            used_names.add(name)
            offered = [service] + ([SECOND[service]] if service in SECOND and rng.random() < 0.4 else [])
            agency = services.create_agency(
                work,
                {"name": name, "uscc": uscc.generate(rng, division=division), "legal_rep": _person(rng),
                 "services": offered, "contact_person": _person(rng),
                 "contact_phone": f"0937-{rng.randrange(2000000, 9999999)}", "address": ADDRESS[place]},
                now=now - dt.timedelta(days=400),
            )  # fmt: skip
            for code in offered:
                expired = rng.random() < 0.08
                until = (
                    today - dt.timedelta(days=rng.randrange(5, 90))
                    if expired
                    else today.replace(year=today.year + rng.randrange(1, 4))
                )
                services.add_qualification(
                    work, agency.uid, code, f"{code.upper()}-{rng.randrange(10**7, 10**8)}", until, ISSUERS[code],
                    now=now - dt.timedelta(days=400),
                )  # fmt: skip
            agencies.append((agency, rng.uniform(2.6, 5.0)))
    enterprises = list(session.scalars(select(Enterprise).order_by(Enterprise.id).limit(400)))
    made = draws = ratings = 0
    if enterprises:
        for _ in range(commissions):
            agency, level = rng.choice(agencies)
            service = rng.choice(agency.service_codes())
            enterprise = rng.choice(enterprises)
            when = now - dt.timedelta(days=rng.randrange(3, 365), hours=rng.randrange(0, 8))
            if enterprise.founded_on is not None:  # commissioned only once the enterprise exists
                when = max(when, dt.datetime.combine(enterprise.founded_on + dt.timedelta(days=1), dt.time(2), dt.UTC))
                if when > now - dt.timedelta(days=3):
                    continue
            by_draw = rng.random() < 0.45
            witnesses = [("enterprise", str(rng.randrange(10000))), ("clerk", str(rng.randrange(10000)))]
            try:
                c = services.create_commission(
                    work, enterprise.uid, service, scope=rng.choice(SCOPES[service]),
                    budget_fen=rng.randrange(20, 600) * 100_00, deadline=(when + dt.timedelta(days=30)).date(),
                    agency_uid=None if by_draw else agency.uid, witnesses=witnesses if by_draw else (), now=when,
                )  # fmt: skip
            except services.UserError:
                continue  # nothing eligible that day: no commission
            made += 1
            draws += by_draw
            if by_draw:
                level = next(lv for a, lv in agencies if a.uid == c.agency_uid)
            # Work of the last month is still under way, at every step; older work is done.
            stop = rng.choice(("assigned", "accepted", "delivered", "completed")) if (now - when).days < 30 else ""
            if stop == "assigned":
                continue
            services.accept(work, c.number, now=when + dt.timedelta(days=1))
            if stop == "accepted":
                continue
            c.deliverables = services.algo.canonical(
                [{"name": f"{c.number}-成果报告.pdf", "sha256": f"{rng.getrandbits(256):064x}", "size": 480_000}]
            )
            delivered = min(now, when + dt.timedelta(days=20))
            services._advance(work, c.number, "accepted", "delivered", delivered, delivered_at=delivered)
            if stop == "delivered":
                continue
            services.complete(work, c.number, _person(rng), now=min(now, when + dt.timedelta(days=21)))
            if rng.random() < 0.85:
                enterprise_uscc = next(e.uscc for e in enterprises if e.uid == c.enterprise_uid)
                scores = {d: _score(rng, level) for d in DIMENSIONS}
                services.rate(
                    work, c.number, enterprise_uscc=enterprise_uscc, representative=_person(rng), scores=scores,
                    comment=rng.choice(["", "", "报告质量好，按时交付", "沟通及时", "收费偏高", "整改意见很专业"]),
                    now=min(now, when + dt.timedelta(days=22)),
                )  # fmt: skip
                ratings += 1
    suspended, blacklisted = agencies[3][0], agencies[17][0]
    services.set_status(work, suspended.uid, "suspended", "季度评价连续两次不达标，暂停三个月", now=now)
    services.set_status(work, blacklisted.uid, "blacklisted", "出具虚假鉴证报告", now=now)
    return f"{len(agencies)} 家中介机构，{made} 项委托（{draws} 次随机抽取），{ratings} 条评价"
