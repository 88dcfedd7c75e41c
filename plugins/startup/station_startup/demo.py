"""Demo cases for ``station demo``: a month of startups at the window, in every colour."""

from __future__ import annotations

import datetime as dt
from typing import Any

SCOPES = [
    "新材料技术研发；电子专用材料制造；电子专用材料销售；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。",
    "软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储支持服务。",
    "通用设备制造（不含特种设备制造）；机械零件、零部件加工；机械设备销售。",
    "食品销售（仅销售预包装食品）；餐饮管理；日用百货销售。",
    "太阳能发电技术服务；风力发电技术服务；新兴能源技术研发；储能技术服务。",
    "普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；供应链管理服务。",
]
CASES = 36


def fill(work: Any, rng: Any) -> str:
    from sqlalchemy import func, select

    from station.api import demo, uscc, utcnow, workcalendar
    from station_startup import catalogue, ratings, services
    from station_startup.models import StartupCase

    if work.session.scalar(select(func.count()).select_from(StartupCase)):
        return "已有开办件，未重复生成"
    code = work.station_code
    now = utcnow()
    cal = workcalendar.for_session(work.session)
    steps = [s.code for s in catalogue.load().steps]
    made = closed = 0
    for i in range(CASES):
        city, division, streets = rng.choice(demo.CITIES)
        business, _ = rng.choice(demo.BUSINESS)
        name = f"{city}{rng.choice(demo.BRAND_CHARS)}{rng.choice(demo.BRAND_CHARS)}{business}有限公司"
        if work.session.scalar(select(StartupCase.id).where(StartupCase.enterprise_name == name)):
            continue
        founder, partner = demo.person(rng), demo.person(rng)
        capital = rng.choice([50, 100, 200, 500, 1000])
        first = rng.choice([capital, capital * 3 // 5])
        raw = {
            "case_type": rng.choice(["limited_company"] * 4 + ["sole_proprietorship"]) if i % 7 else "limited_company",
            "enterprise_name": name,
            "legal_rep": founder,
            "registered_capital": str(capital),
            "business_scope": rng.choice(SCOPES),
            "address": demo.address(rng, city, streets),
            "contact_phone": demo.mobile(rng),
            "shareholders": [{"name": founder, "id_number": "", "capital": str(first)}]
            + ([{"name": partner, "id_number": "", "capital": str(capital - first)}] if first != capital else []),
            "papers": {
                "identity": "received",
                "appointment": "received",
                "premises": "received" if rng.random() < 0.7 else {"deferred": True},
            },
            "clerk": rng.choice(["clerk", "clerk2"]),
            "agent": "clerk2" if rng.random() < 0.3 else "",
        }
        if raw["case_type"] == "sole_proprietorship":
            raw["shareholders"] = raw["shareholders"][:1]
            raw["shareholders"][0]["capital"] = str(capital)
        # The oldest cases are finished; the newest are still at the window in every colour. Cases are
        # taken in working hours, so they start at a working moment counted back from now.
        back = rng.uniform(0.2, 5.5) if i >= CASES - 12 else rng.uniform(8, 7 * 20)
        started = cal.subtract_working_time(now, dt.timedelta(hours=back))
        case = services.open_case(work, raw, station_code=code, now=started)
        made += 1
        if i < CASES - 12:
            t = cal.add_working_time(started, dt.timedelta(minutes=rng.randrange(40, 150)))
            # The code the market regulator would issue: demo data is the one place a code is made up.
            issued = uscc.generate(rng, division)
            services.set_step(work, case.uid, "registration", "done", uscc_code=issued, now=t)
            for step in steps[1:]:
                t = cal.add_working_time(t, dt.timedelta(minutes=rng.randrange(5, 70)))
                services.set_step(work, case.uid, step, "done", now=t)
            closed += 1
            # 好差评 at the window: most are content; now and then one is not, and waits for its answer
            grade = rng.choices([5, 4, 3, 2, 1], weights=[60, 25, 8, 5, 2])[0]
            comment = "" if grade > 2 else rng.choice(["等候时间较长", "材料要求没有一次讲清楚"])
            ratings.rate(work, case.uid, grade, stage="complete", comment=comment, station_code=code, now=t)
        elif rng.random() < 0.5:
            services.set_step(work, case.uid, "seal", "done", now=min(now, started + dt.timedelta(minutes=20)))
    return f"{made} 件企业开办（{closed} 件已办结）"
