"""Demo data: the demo catalogue, facts and certificates for the demo park's enterprises, a few claims.

Figures are drawn to look like a Zhejiang/Hunan high-tech park: most firms are small, a few are large;
R&D spend, exports and taxes are skewed; a handful are listed as abnormal. Idempotent: it does nothing
when facts are already there.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import func, select

from station.api import Enterprise, utcnow
from station_policy import catalog, services
from station_policy.facts import FACTS
from station_policy.models import Certificate, Fact

YEARS = (2024, 2025)
WAN = 1_000_000  # fen in 万元


def _money(rng: random.Random, low_wan: float, high_wan: float) -> int:
    """A skewed amount in fen between the bounds, rounded to the 元."""
    x = rng.random() ** 3
    return int((low_wan + (high_wan - low_wan) * x) * WAN) // 100 * 100


def facts_for(
    rng: random.Random, e: Any, today: dt.date
) -> tuple[dict[tuple[str, int], int], dict[str, dt.date | None]]:
    facts: dict[tuple[str, int], int] = {}
    staff = int(e.employees or rng.randint(5, 80))
    manufacturing = (e.industry_code or "").startswith("C")
    facts[("abnormal_listed", 0)] = 1 if rng.random() < 0.03 else 0
    facts[("serious_dishonesty", 0)] = 1 if rng.random() < 0.01 else 0
    facts[("tax_arrears", 0)] = 1 if rng.random() < 0.02 else 0
    if rng.random() < 0.9:  # 应急管理局 has not reported every firm yet
        facts[("safety_accident", 0)] = 1 if rng.random() < 0.01 else 0
    facts[("above_scale_since", 0)] = 0  # 0: not in the above-scale statistics (统计局 reports every firm)
    if staff >= 50 and rng.random() < 0.5:
        facts[("above_scale_since", 0)] = rng.choice([2019, 2021, 2022, 2023, 2024, 2025])
    for year in YEARS:
        insured = max(1, int(staff * rng.uniform(0.8, 1.0)))
        facts[("insured_staff", year)] = insured
        facts[("new_hires", year)] = rng.randint(0, max(1, staff // 5))
        facts[("layoffs", year)] = 0 if rng.random() < 0.8 else rng.randint(1, max(1, staff // 8))
        facts[("unemployment_premium_fen", year)] = insured * rng.randint(300, 900) * 100
        facts[("revenue_fen", year)] = _money(rng, 50, 80000 if staff > 100 else 8000)
        facts[("tax_paid_fen", year)] = facts[("revenue_fen", year)] * rng.randint(2, 9) // 100 // 100 * 100
        if rng.random() < 0.8:
            facts[("rd_spend_fen", year)] = _money(rng, 10, 3000)
        facts[("graduates_hired", year)] = rng.randint(0, max(1, staff // 10))
        facts[("high_talents", year)] = 0 if rng.random() < 0.85 else rng.randint(1, 6)
        facts[("invention_patents", year)] = 0 if rng.random() < 0.7 else rng.randint(1, 25)
        facts[("pct_patents", year)] = 0 if rng.random() < 0.95 else rng.randint(1, 4)
        if manufacturing:
            facts[("equipment_investment_fen", year)] = 0 if rng.random() < 0.6 else _money(rng, 100, 8000)
        facts[("export_fen", year)] = 0 if rng.random() < 0.75 else _money(rng, 50, 20000)  # customs: every firm
        if e.founded_on and (today - e.founded_on).days < 4 * 365:
            facts[("rent_fen", year)] = rng.randint(3, 40) * 10_000 * 100
    certs: dict[str, dt.date | None] = {}
    roll = rng.random()
    if roll < 0.12:
        certs["高新技术企业"] = dt.date(rng.choice([2025, 2026, 2027, 2028]), rng.randint(1, 12), 15)
    if roll < 0.25:
        certs["科技型中小企业"] = dt.date(2026, 12, 31)
    if roll < 0.05:
        certs["专精特新中小企业"] = dt.date(2028, 12, 31)
    if roll < 0.01:
        certs["专精特新“小巨人”企业"] = dt.date(2029, 6, 30)
    if roll < 0.02:
        certs["省级企业技术中心"] = None
    return facts, certs


def fill(work: Any, rng: random.Random, *, now: dt.datetime | None = None) -> str:
    session = work.session
    if session.scalar(select(func.count()).select_from(Fact)):
        return "已有政策数据，跳过"
    loaded = services.load_catalog(work, catalog.load_dir(catalog.demo_dir()))
    now = now or utcnow()
    today = services.today_local(now)
    fact_rows, cert_rows = [], []
    enterprises = list(session.scalars(select(Enterprise).order_by(Enterprise.id)))
    for e in enterprises:
        facts, certs = facts_for(rng, e, today)
        for (key, year), value in facts.items():
            fact_rows.append(
                {
                    "uid": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                    "version": 1,
                    "enterprise_uid": e.uid,
                    "fact_key": key,
                    "year": year,
                    "value": value,
                    "source": FACTS[key].source,
                    "updated_at": now,
                    "updated_by": work.actor.name,
                }
            )
        for kind, expires in certs.items():
            cert_rows.append(
                {
                    "uid": uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                    "version": 1,
                    "enterprise_uid": e.uid,
                    "kind": kind,
                    "number": f"GR{rng.randint(2023, 2025)}{rng.randint(10000000, 99999999)}",
                    "expires_on": expires,
                    "updated_at": now,
                    "updated_by": work.actor.name,
                }
            )
    if fact_rows:
        session.execute(Fact.__table__.insert(), fact_rows)
    if cert_rows:
        session.execute(Certificate.__table__.insert(), cert_rows)
    session.flush()
    run = services.rematch(work, today)
    claims = _demo_claims(work, rng, now)
    return (
        f"政策 {loaded.added} 项，企业数据 {len(fact_rows)} 条，认定 {len(cert_rows)} 项，"
        f"符合 {run.eligible} 项次，演示申请 {claims} 件"
    )


def _demo_claims(work: Any, rng: random.Random, now: dt.datetime) -> int:
    """A few claims at every step, some paid in earlier months, so pages and reports have something to show."""
    from station_policy.models import Match

    session = work.session
    code = "ST01"
    matches = list(
        session.execute(
            select(Match.enterprise_uid, Match.policy_code)
            .where(Match.status == "eligible")
            .order_by(Match.policy_code, Match.enterprise_uid)
        )
    )
    rng.shuffle(matches)
    made = 0
    seen: set[tuple[str, str]] = set()
    for i, (uid, policy_code) in enumerate(matches[:40]):
        if (uid, policy_code) in seen:
            continue
        seen.add((uid, policy_code))
        start = now - dt.timedelta(days=rng.randint(20, 200))
        founded = session.scalar(select(Enterprise.founded_on).where(Enterprise.uid == uid))
        if founded is not None:  # an enterprise applies only once it exists
            start = max(start, dt.datetime.combine(founded + dt.timedelta(days=1), dt.time(2), dt.UTC))
            if start > now - dt.timedelta(days=20):
                continue
        p = services.policy_edition(session, policy_code, services.today_local(start))
        try:
            claim = services.apply(work, uid, policy_code, materials=p.materials, station_code=code, now=start)
            stage = i % 6
            if stage >= 1:
                services.accept(work, claim.number, now=start + dt.timedelta(hours=2))
            if stage >= 2:
                services.review(work, claim.number, approve=True, now=start + dt.timedelta(days=3))
            if stage >= 3:
                services.start_notice(work, claim.number, now=start + dt.timedelta(days=4))
            if stage >= 4 and start + dt.timedelta(days=12) < now:
                services.pay(work, claim.number, station_code=code, now=start + dt.timedelta(days=12))
        except Exception:
            continue
        made += 1
    return made
