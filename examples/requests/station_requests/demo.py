"""Demo requests for ``station demo``: what enterprises brought to the station this month, some answered."""

from __future__ import annotations

import datetime as dt
from typing import Any

# (kind, what the enterprise asked, working days, the answer if closed, the enterprise's verdict), worded as the
# parks' reports word them (企业诉求问题, 用地规划许可, 用工“一件事”, 留抵退税, 竣工即交证).
REQUESTS = [
    (
        "用地",
        "二期扩建需新增工业用地约 20 亩，想了解园区东片区地块的供地计划和用地规划许可办理时限。",
        10,
        "已与自然资源和规划局对接，东片区 3 号地块拟于下季度挂牌，已发送供地计划和用地规划许可办理指南。",
        "满意",
    ),
    ("用工", "新生产线投产，急需招聘普工 60 名、焊工 8 名，希望园区组织专场招聘会。", 5, None, None),
    (
        "融资",
        "订单增加导致流动资金紧张，申请 500 万元流动资金贷款，希望对接园区合作银行的知识产权质押融资。",
        5,
        "已组织两家合作银行上门对接，知识产权质押贷款 300 万元已进入审批。",
        "基本满意",
    ),
    ("审批", "厂房已竣工，申请联合验收，希望实现“竣工即交证”。", 3, None, None),
    ("其他", "园区北门至厂区道路夜间无路灯，员工下夜班出行不安全。", 10, None, None),
    (
        "用工",
        "外地技术骨干子女入学问题，希望协调就近学校学位。",
        15,
        "已协调区教育局，安排至栗雨小学就读，企业对办理速度有意见。",
        "不满意",
    ),
    ("审批", "增值税留抵退税材料已提交两周，询问办理进度。", 2, None, None),
]


def fill(work: Any, rng: Any) -> str:
    from sqlalchemy import func, select

    from station.api import Enterprise, utcnow, workcalendar
    from station_requests import services
    from station_requests.models import EnterpriseRequest

    if work.session.scalar(select(func.count()).select_from(EnterpriseRequest)):
        return "已有企业诉求，未重复生成"
    codes = list(work.session.scalars(select(Enterprise.uscc).order_by(Enterprise.id).limit(200)))
    if not codes:
        return "企业名录为空，未生成企业诉求"
    now = utcnow()
    cal = workcalendar.for_session(work.session)
    station = work.station_code
    closed = 0
    # Raised some working days ago (a few are past their due date, so the overdue notice has work), and
    # recorded in the order they came, so their numbers follow the days.
    raised_at = [cal.subtract_working_time(now, dt.timedelta(hours=7 * rng.uniform(0.5, r[2] + 3))) for r in REQUESTS]
    for raised, (kind, text, days, answer, verdict) in sorted(zip(raised_at, REQUESTS, strict=True)):
        request = services.open_request(
            work, code=rng.choice(codes), kind=kind, text=text, days=days, station_code=station, now=raised
        )
        if answer and verdict:
            done = min(now, cal.add_working_days(raised, rng.uniform(0.5, days)))
            services.close_request(work, request.number, answer=answer, satisfaction=verdict, now=done)
            closed += 1
    return f"{len(REQUESTS)} 件企业诉求（{closed} 件已办结）"
