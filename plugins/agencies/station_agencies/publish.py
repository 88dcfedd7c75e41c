"""The public marketplace (中介服务网上展示): a static site and a PDF of every agency, for the park's website.

``station agencies publish --out DIR`` writes ``index.html`` and ``style.css`` (plain HTML and CSS: no
script, no server, no font or file from elsewhere; readable on a phone) and ``中介机构名录.pdf``: each agency
with its services, qualifications, star levels for the quarters of the year and the year, its status and
what the park's star rules made of it at the latest closed quarter. Everything typed by a person is
escaped. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import utcnow

from . import services, standing
from .catalogue import Catalogue
from .models import Agency
from .stars import Period

PDF_NAME = "中介机构名录.pdf"


@dataclass
class Listing:
    uid: str
    name: str
    status: str
    status_reason: str
    services: list[str]
    qualifications: list[dict[str, Any]]
    stars: dict[str, int | None]  # period label -> stars (None: 评价不足)
    consequence: str = ""
    note: str = ""
    contact: str = ""


@dataclass
class Market:
    title: str
    as_of: dt.date
    quarters: list[str]
    year: str
    closed: str  # the latest closed quarter, "" if none
    rules_text: list[str]
    agencies: list[Listing]
    by_service: dict[str, list[Listing]] = field(default_factory=dict)


def _last_complete_quarter(today: dt.date) -> Period:
    index = today.year * 4 + (today.month - 1) // 3 - 1
    return Period.parse(standing.quarter_label(index))


def gather(
    session: Session, *, quarter: str | None = None, cat: Catalogue | None = None, now: dt.datetime | None = None
) -> Market:
    """Every agency with what the public page shows, for the year of ``quarter`` (default: the last one over)."""
    at = now or utcnow()
    today = services._today(at)
    last = Period.parse(quarter) if quarter else _last_complete_quarter(today)
    if last.is_year:
        last = Period.parse(f"{last.label}Q4")
    year_of, _ = divmod(last.first, 4)
    quarters = [standing.quarter_label(i) for i in range(year_of * 4, last.last + 1)]
    cat = cat or services.catalogue()
    rules = cat.consequences
    evaluations = {p: services.evaluation(session, Period.parse(p), cat.rules) for p in [*quarters, str(year_of)]}
    held = standing.latest(session)
    closed = standing.closed_periods(session)
    listings = []
    for a in session.scalars(select(Agency).order_by(Agency.name, Agency.uid)):
        quals = [
            {"service": cat.name(q.service), "cert_no": q.cert_no, "issuer": q.issuer,
             "valid_until": q.valid_until.isoformat(), "expired": q.valid_until < today}
            for q in services.qualifications(session, a.uid)
        ]  # fmt: skip
        stars = {p: (e.agencies[a.uid].stars if a.uid in e.agencies else None) for p, e in evaluations.items()}
        mine = held.get(a.uid)
        listings.append(
            Listing(a.uid, a.name, a.status, a.status_reason, [cat.name(s) for s in a.service_codes()], quals, stars,
                    mine.consequence if mine else "", mine.note if mine else "", a.contact_phone)
        )  # fmt: skip
    order = services.STANDING
    year_label = str(year_of)
    listings.sort(key=lambda x: (order.get(x.status, 3), -(x.stars.get(year_label) or 0), x.name))
    rules_text = [
        f"连续 {rules.suspend_quarters} 个季度评为 {rules.suspend_stars} 星及以下的机构，季度结算时暂停参与随机抽取，"
        "至下一季度结算。",
        f"评为 {rules.invite_stars} 星的机构，预算低于 {rules.invite_below_fen / 100:,.2f} 元的委托可由企业直接邀请，"
        "至下一季度结算。",
        f"当季评价少于 {cat.rules.min_ratings} 条的机构显示“评价不足”，不评星级。",
    ]
    market = Market("中介超市入驻机构名录", today, quarters, year_label, closed[-1] if closed else "", rules_text,
                    listings)  # fmt: skip
    for code, service in cat.services.items():
        offering = [x for x in listings if service.name in x.services]
        if offering:
            market.by_service[service.name] = offering
        del code
    return market


# -- HTML ---------------------------------------------------------------------------------------

CSS = """\
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
       sans-serif; color: #1f2933; background: #f4f6f8; line-height: 1.6; }
header { background: #2f6fb0; color: #fff; padding: 1rem 1.25rem; }
header h1 { margin: 0; font-size: 1.5rem; }
header p { margin: .25rem 0 0; opacity: .9; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
section.rules, nav.services { background: #fff; border-radius: .5rem; padding: .75rem 1rem; margin-bottom: 1rem; }
nav.services ul { padding-left: 1.2rem; margin: .25rem 0; }
nav.services a, .card a { color: #2f6fb0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.card { background: #fff; border-radius: .5rem; padding: 1rem; border-top: 4px solid #2f6fb0; }
.card.suspended { border-top-color: #c77c02; }
.card.blacklisted { border-top-color: #b42318; }
.card h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .85rem; background: #e3f0e8;
         color: #1b6b3a; }
.badge.suspended { background: #fff1d6; color: #8a5300; }
.badge.blacklisted { background: #fde4e1; color: #b42318; }
.badge.invite { background: #fff7cc; color: #7a5b00; }
.note { font-size: .9rem; color: #52606d; margin: .35rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
th, td { border: 1px solid #d9dee4; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: normal; }
td.stars { color: #d99100; letter-spacing: .05em; white-space: nowrap; }
td.none { color: #7b8794; }
.expired { color: #b42318; }
footer { text-align: center; font-size: .85rem; color: #7b8794; padding: 1rem; }
@media (max-width: 30rem) {
  header h1 { font-size: 1.25rem; }
  main { padding: .5rem; }
  .cards { grid-template-columns: 1fr; }
}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _stars_cell(stars: int | None) -> str:
    if stars is None:
        return '<td class="none">评价不足</td>'
    return f'<td class="stars" title="{stars} 星">{_e(standing.stars_text(stars))}</td>'


def _status_badge(x: Listing) -> str:
    label = services.STATUSES.get(x.status, x.status)
    badge = f'<span class="badge {_e(x.status)}">{_e(label)}</span>'
    if x.consequence == standing.INVITE:
        badge += ' <span class="badge invite">可直接邀请</span>'
    return badge


def _card(x: Listing, m: Market) -> str:
    head = "".join(f"<th>{_e(p[-2:])}</th>" for p in m.quarters) + f"<th>{_e(m.year)} 年度</th>"
    cells = "".join(_stars_cell(x.stars.get(p)) for p in [*m.quarters, m.year])
    quals = "".join(
        f"<tr><td>{_e(q['service'])}</td><td>{_e(q['cert_no'])}</td>"
        + (
            f'<td class="expired">{_e(q["valid_until"])}（已过期）</td>'
            if q["expired"]
            else f"<td>{_e(q['valid_until'])}</td>"
        )
        + "</tr>"
        for q in x.qualifications
    )
    reason = x.status_reason if x.status != "active" else ""
    notes = [n for n in (reason, x.note if x.note != reason else "") if n]
    return (
        f'<article class="card {_e(x.status)}" id="a-{_e(x.uid)}">'
        f"<h2>{_e(x.name)}</h2><p>{_status_badge(x)}</p>"
        + "".join(f'<p class="note">{_e(n)}</p>' for n in notes)
        + f"<p><strong>服务类型：</strong>{_e('、'.join(x.services) or '无')}</p>"
        + f"<table><caption>星级（{_e(m.year)} 年）</caption><tr>{head}</tr><tr>{cells}</tr></table>"
        + (
            f"<table><caption>资质证书</caption><tr><th>服务类型</th><th>证书编号</th><th>有效期至</th></tr>{quals}</table>"
            if quals
            else '<p class="note">未登记资质证书</p>'
        )
        + "</article>"
    )


def render_html(m: Market, issuer: str) -> str:
    nav = "".join(
        f"<li>{_e(name)}：" + "、".join(f'<a href="#a-{_e(x.uid)}">{_e(x.name)}</a>' for x in rows) + "</li>"
        for name, rows in m.by_service.items()
    )
    closed = f"，星级规则执行至 {m.closed}" if m.closed else "，尚未结算季度星级"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(m.title)}</title>"
        '<link rel="stylesheet" href="style.css"></head><body>'
        f"<header><h1>{_e(m.title)}</h1><p>{_e(issuer)} · 截至 {_e(m.as_of.isoformat())}{_e(closed)} · "
        f"共 {len(m.agencies)} 家机构</p></header><main>"
        '<section class="rules"><h2>星级与园区规则</h2><ul>'
        + "".join(f"<li>{_e(t)}</li>" for t in m.rules_text)
        + f'</ul><p class="note">完整名录另见 <a href="{_e(PDF_NAME)}">{_e(PDF_NAME)}</a>。</p></section>'
        f'<nav class="services"><h2>按服务类型查找</h2><ul>{nav}</ul></nav>'
        '<div class="cards">' + "".join(_card(x, m) for x in m.agencies) + "</div></main>"
        f"<footer>{_e(issuer)}发布 · 本页为静态页面，信息以发布时为准</footer></body></html>\n"
    )


# -- PDF ----------------------------------------------------------------------------------------


def write_pdf(path: Path, m: Market, issuer: str, *, now: dt.datetime | None = None) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from station.api import printing

    st = printing.styles()
    doc = printing.official_doc(path, title=m.title, issuer=issuer, subject="中介服务网上展示", now=now)
    story: list[Any] = [
        Paragraph(_e(m.title), st["title"]),
        Paragraph(f"{_e(issuer)} · 截至 {m.as_of.isoformat()} · 共 {len(m.agencies)} 家机构", st["subtitle"]),
        Paragraph("星级与园区规则", st["heading"]),
        *[Paragraph("· " + _e(t), st["body"]) for t in m.rules_text],
    ]
    grid = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), printing.FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    periods = [*m.quarters, m.year]
    for x in m.agencies:
        status = services.STATUSES.get(x.status, x.status) + (
            "　可直接邀请" if x.consequence == standing.INVITE else ""
        )
        block: list[Any] = [
            Paragraph(f"{_e(x.name)}　<font size=9>［{_e(status)}］</font>", st["heading"]),
            Paragraph(f"服务类型：{_e('、'.join(x.services) or '无')}", st["cell"]),
        ]
        for n in dict.fromkeys(n for n in (x.status_reason if x.status != "active" else "", x.note) if n):
            block.append(Paragraph(_e(n), st["cell"]))
        stars = Table(
            [[*(p[-2:] for p in m.quarters), f"{m.year} 年度"],
             [standing.stars_text(x.stars.get(p)) for p in periods]],
            colWidths=[170 * mm / len(periods)] * len(periods),
        )  # fmt: skip
        stars.setStyle(grid)
        block += [Spacer(1, 1.5 * mm), stars]
        if x.qualifications:
            rows = [["服务类型", "证书编号", "有效期至"]] + [
                [q["service"], Paragraph(_e(q["cert_no"]), st["cell"]),
                 q["valid_until"] + ("（已过期）" if q["expired"] else "")]
                for q in x.qualifications
            ]  # fmt: skip
            quals = Table(rows, colWidths=[45 * mm, 80 * mm, 45 * mm])
            quals.setStyle(grid)
            block += [Spacer(1, 1.5 * mm), quals]
        story.append(KeepTogether(block))
    doc.build(story)
    return path


def publish(session: Session, out: Path, *, issuer: str, quarter: str | None = None, cat: Catalogue | None = None,
            now: dt.datetime | None = None) -> dict[str, Any]:  # fmt: skip
    """Write the site and the PDF into ``out`` (created if missing); returns what was written."""
    from station.api import UserError

    m = gather(session, quarter=quarter, cat=cat, now=now)
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "style.css").write_text(CSS, encoding="utf-8")
        (out / "index.html").write_text(render_html(m, issuer), encoding="utf-8")
        write_pdf(out / PDF_NAME, m, issuer, now=now)
    except OSError as exc:
        raise UserError(f"无法写入文件夹 {out}，请检查路径和权限。", detail=str(exc)) from exc
    return {
        "out": str(out),
        "files": ["index.html", "style.css", PDF_NAME],
        "agencies": len(m.agencies),
        "quarters": m.quarters,
        "year": m.year,
        "closed": m.closed,
    }


# -- from the hall ------------------------------------------------------------------------------

HALL_TABLES = ("agencies_agency", "agencies_qualification", "agencies_rating", "agencies_standing")


def publish_from_hall(data_dir: Path, out: Path, *, issuer: str, hall_db: str | None = None,
                      quarter: str | None = None, cat: Catalogue | None = None,
                      now: dt.datetime | None = None) -> dict[str, Any]:  # fmt: skip
    """Publish what the hall holds for the whole park: its live rows of the marketplace's tables are copied
    into a scratch database of the station's shape (in memory), and the same pages are made from it."""
    import json
    import sqlite3

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session as OrmSession
    from sqlalchemy.pool import StaticPool

    from station.api import Base
    from station.api.hall import HallStore, Row, default_url

    from . import models  # noqa: F401 - the tables below are declared there

    store = HallStore(hall_db or default_url(data_dir))
    try:
        with store.session() as hall:
            rows = {
                name: [(r.row_uid, r.version, json.loads(r.data or "{}"))
                       for r in hall.query(Row).filter(Row.table_name == name, Row.deleted.is_(False))]
                for name in HALL_TABLES
            }  # fmt: skip
    finally:
        store.dispose()
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(":memory:", check_same_thread=False), poolclass=StaticPool
    )
    try:
        Base.metadata.create_all(engine, tables=[Base.metadata.tables[name] for name in HALL_TABLES])
        raw = engine.raw_connection()
        try:
            for name, found in rows.items():
                columns = set(Base.metadata.tables[name].columns.keys()) - {"id"}
                for uid, version, data in found:
                    values = {k: v for k, v in data.items() if k in columns} | {"uid": uid, "version": version}
                    marks = ", ".join("?" for _ in values)
                    raw.execute(f"INSERT INTO {name} ({', '.join(values)}) VALUES ({marks})", list(values.values()))
            raw.commit()
        finally:
            raw.close()
        with OrmSession(engine) as session:
            return publish(session, out, issuer=issuer, quarter=quarter, cat=cat, now=now)
    finally:
        engine.dispose()
