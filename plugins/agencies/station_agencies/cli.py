"""`station agencies …`: what a clerk needs to run the marketplace from a terminal, non-interactively."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.api import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def _out(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(metavar="ACTION", required=True)

    p = sub.add_parser("services", help="列出中介服务类型")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_services)

    p = sub.add_parser("list", help="列出入驻的中介机构（可按服务类型），附星级")
    p.add_argument("--service", help="服务类型代码或名称，如 cost 或 工程造价咨询")
    p.add_argument("--period", help="星级的评价期间，如 2026Q3 或 2026（默认上一季度）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_list)

    p = sub.add_parser("add", help="登记入驻的中介机构")
    p.add_argument("--name", required=True)
    p.add_argument("--uscc", required=True, help="统一社会信用代码")
    p.add_argument("--services", required=True, help="服务类型，逗号分隔")
    p.add_argument("--legal-rep", default="")
    p.add_argument("--related", default="", help="申报的关联方统一社会信用代码，逗号分隔")
    p.add_argument("--contact", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_add)

    p = sub.add_parser("qualify", help="登记机构的资质证书")
    p.add_argument("agency", help="机构编号、统一社会信用代码或名称")
    p.add_argument("--service", required=True)
    p.add_argument("--cert", required=True, help="证书编号")
    p.add_argument("--until", required=True, help="有效期至，如 2027-06-30")
    p.add_argument("--issuer", default="")
    p.set_defaults(agencies_run=cmd_qualify)

    p = sub.add_parser("status", help="暂停、列入黑名单或恢复机构")
    p.add_argument("agency")
    p.add_argument("status", choices=["active", "suspended", "blacklisted"])
    p.add_argument("--reason", default="")
    p.set_defaults(agencies_run=cmd_status)

    p = sub.add_parser("draw", help="随机抽取中介机构（双随机）；draw verify ID 复核一次抽取")
    p.add_argument("verify", nargs="*", metavar="verify ID", help="复核抽取记录：verify 抽取编号")
    p.add_argument("--service", help="服务类型代码或名称")
    p.add_argument(
        "--witness", action="append", default=[], help="见证输入，可写 enterprise=数字、clerk=数字 或 beacon=信标值"
    )
    p.add_argument("--enterprise", default="", help="委托企业的统一社会信用代码（排除利益冲突）")
    p.add_argument("--purpose", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_draw)

    p = sub.add_parser("commission", help="中介服务委托：new / accept / deliver / complete / list")
    csub = p.add_subparsers(metavar="STEP", required=True)
    c = csub.add_parser("new", help="企业委托一项中介服务（指定机构或随机抽取）")
    c.add_argument("--enterprise", required=True, help="委托企业的统一社会信用代码")
    c.add_argument("--service", required=True, help="服务类型；联合委托写几类，逗号分隔，如 cost,appraisal")
    c.add_argument("--scope", required=True, help="服务内容和范围")
    c.add_argument("--budget", help="预算（元）")
    c.add_argument("--deadline", help="完成期限，如 2026-12-31")
    c.add_argument("--agency", help="直接选取的机构；不填则随机抽取")
    c.add_argument("--invite", action="store_true", help="按园区星级规则直接邀请 --agency（须达到星级且预算低于限额）")
    c.add_argument("--witness", action="append", default=[], help="随机抽取的见证输入，如 enterprise=3817")
    c.add_argument("--json", action="store_true")
    c.set_defaults(agencies_run=cmd_commission_new)
    for step, help_text in (("accept", "机构接受委托"), ("complete", "企业确认完成")):
        c = csub.add_parser(step, help=help_text)
        c.add_argument("number", help="委托编号")
        if step == "complete":
            c.add_argument("--representative", required=True, help="确认完成的企业代表")
        c.set_defaults(agencies_run=cmd_commission_step, step=step)
    c = csub.add_parser("deliver", help="机构提交成果文件（记录文件的 SHA-256）")
    c.add_argument("number")
    c.add_argument("files", nargs="+")
    c.set_defaults(agencies_run=cmd_commission_step, step="deliver")
    c = csub.add_parser("list", help="列出委托")
    c.add_argument("--status")
    c.add_argument("--json", action="store_true")
    c.set_defaults(agencies_run=cmd_commission_list)

    p = sub.add_parser("rate", help="录入委托企业对已完成委托的五维评价")
    p.add_argument("number", help="委托编号")
    p.add_argument("--enterprise", required=True, help="委托企业的统一社会信用代码")
    p.add_argument("--representative", required=True, help="作出评价的企业代表")
    p.add_argument("--scores", required=True, help="质量,时效,态度,收费,规范 五个 1–5 分，如 5,4,5,4,5")
    p.add_argument("--comment", default="")
    p.add_argument("--agency", help="联合委托由几家机构分别承担时，评价的是哪一家")
    p.set_defaults(agencies_run=cmd_rate)

    p = sub.add_parser("report", help="生成季度或年度星级评价报告（PDF）")
    p.add_argument("--period", required=True, help="2026Q3 或 2026")
    p.add_argument("output", help="PDF 文件路径")
    p.set_defaults(agencies_run=cmd_report)

    p = sub.add_parser("close-period", help="季度星级结算：记录各机构星级并执行园区规则（暂停抽取、可直接邀请）")
    p.add_argument("--quarter", required=True, help="已结束的季度，如 2026Q3")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_close_period)

    p = sub.add_parser("publish", help="生成对外公开的中介机构名录：静态网页（HTML+CSS）和 PDF")
    p.add_argument("--out", required=True, help="输出文件夹")
    p.add_argument("--quarter", help="展示到哪个季度，如 2026Q3（默认上一季度）")
    p.add_argument("--hall", action="store_true", help="在服务大厅发布：用大厅汇总的全园区数据（数据目录为大厅的）")
    p.add_argument("--hall-db", help="大厅数据库地址（默认为数据目录中的大厅数据库；给出即在大厅发布）")
    p.add_argument("--issuer", help="落款的发布单位（默认为本站名称；在大厅发布时为“园区企业服务中心”）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_publish)

    p = sub.add_parser("ratings", help="季度或年度星级评价")
    p.add_argument("--period", required=True, help="2026Q3 或 2026")
    p.add_argument("--service", help="只看一种服务类型")
    p.add_argument("--json", action="store_true")
    p.set_defaults(agencies_run=cmd_ratings)


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    return int(args.agencies_run(args, ctx) or 0)


# -- helpers ------------------------------------------------------------------------------------


def _witnesses(texts: list[str]) -> list[tuple[str, str]]:
    from station_agencies.services import WITNESS_ROLES

    out = []
    for text in texts:
        role, sep, value = text.partition("=")
        out.append((role.strip(), value) if sep and role.strip() in WITNESS_ROLES else ("witness", text))
    return out


def _date(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{what}“{text}”写法不对，请写成 2026-12-31 这样的日期。") from None


def _fen(text: str | None) -> int | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "").replace("元", ""))
    except InvalidOperation:
        raise UserError(f"预算“{text}”不是金额，请写成 12000 或 12000.50（元）。") from None
    return int((value * 100).to_integral_value())


def _period_default() -> str:
    from station.api import SHANGHAI

    today = dt.datetime.now(SHANGHAI).date()
    q = (today.month - 1) // 3
    return f"{today.year - 1}Q4" if q == 0 else f"{today.year}Q{q}"


# -- commands -----------------------------------------------------------------------------------


def cmd_services(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    cat = services.catalogue(ctx.data_dir)
    with ctx.read() as session:
        counts = services.counts(session)
    rows = [
        {"code": s.code, "name": s.name, "field": s.field, "note": s.note, "agencies": counts.get(s.code, 0)}
        for s in cat.services.values()
    ]
    if args.json:
        _out(rows)
    else:
        for r in rows:
            print(f"{r['code']:<12} {r['name']:<10} {r['field']:<6} 入驻机构 {r['agencies']} 家")
    return 0


def _star_text(stars: int | None, count: int) -> str:
    return "评价不足" if stars is None else "★" * stars + "☆" * (5 - stars) + f"（{count} 条）"


def cmd_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services
    from station_agencies.stars import Period

    cat = services.catalogue(ctx.data_dir)
    service = cat.service(args.service).code if args.service else None
    period = Period.parse(args.period or _period_default())
    with ctx.read() as session:
        _, ranked = services.ranking(session, period, service, cat.rules)
    rows = [
        {"uid": r.uid, "name": r.name, "services": [cat.name(s) for s in r.services], "status": r.status,
         "ratings": r.count, "score": r.score, "stars": r.stars}
        for r in ranked
    ]  # fmt: skip
    if args.json:
        _out({"period": period.label, "agencies": rows})
    else:
        print(f"评价期间 {period.title()}")
        for r in ranked:
            print(f"{r.name}  {r.with_status(_star_text(r.stars, r.count))}  {r.uid}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        agency = services.create_agency(
            work,
            {"name": args.name, "uscc": args.uscc, "services": args.services, "legal_rep": args.legal_rep,
             "related_uscc": args.related, "contact_person": args.contact, "contact_phone": args.phone},
        )  # fmt: skip
        uid, name = agency.uid, agency.name
    if args.json:
        _out({"uid": uid, "name": name})
    else:
        print(f"已登记中介机构“{name}”，编号 {uid}。请用 station agencies qualify 登记资质证书。")
    return 0


def cmd_qualify(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    until = _date(args.until, "有效期")
    assert until is not None
    with ctx.work(ctx.cli_actor(args.user)) as work:
        q = services.add_qualification(work, args.agency, args.service, args.cert, until, args.issuer)
        print(f"已登记资质证书 {q.cert_no}，有效期至 {q.valid_until.isoformat()}。")
    return 0


def cmd_status(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        agency = services.set_status(work, args.agency, args.status, args.reason)
        print(f"“{agency.name}”现为{services.STATUSES[agency.status]}。")
    return 0


def _draw_json(row: Any, cat: Any) -> dict[str, Any]:
    return {
        "uid": row.uid, "number": row.number, "service": row.service, "service_name": cat.name(row.service),
        "agency_uid": row.agency_uid, "agency_name": row.agency_name, "pool_size": len(json.loads(row.pool)),
        "pool_hash": row.pool_hash, "exclusions": json.loads(row.exclusions), "witnesses": json.loads(row.witnesses),
        "seed": row.seed, "drawn_index": row.drawn_index, "drawn_at": row.drawn_at, "record_hash": row.record_hash,
    }  # fmt: skip


def cmd_draw(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    if args.verify:
        if args.verify[0] != "verify" or len(args.verify) != 2:
            raise UserError("复核抽取请写成：station agencies draw verify 抽取编号。")
        return _verify(args, ctx, args.verify[1])
    if not args.service:
        raise UserError("请用 --service 指定服务类型，例如 --service cost（可用 station agencies services 查看）。")
    cat = services.catalogue(ctx.data_dir)
    enterprise_uid = ""
    with ctx.work(ctx.cli_actor(args.user)) as work:
        if args.enterprise:
            enterprise_uid = services.enterprise_by(work.session, args.enterprise).uid
        row = services.draw(
            work, args.service, _witnesses(args.witness), purpose=args.purpose, enterprise_uid=enterprise_uid,
            station_code=ctx.settings.station_code,
        )  # fmt: skip
        data = _draw_json(row, cat)
    if args.json:
        _out(data)
    else:
        print(f"抽取编号 {data['number']}：{data['service_name']}，候选 {data['pool_size']} 家，"
              f"排除 {len(data['exclusions'])} 家")  # fmt: skip
        print(f"名单哈希 {data['pool_hash']}")
        print(f"种子 {data['seed']}")
        print(f"中选机构：{data['agency_name']}")
    return 0


def _verify(args: argparse.Namespace, ctx: StationContext, key: str) -> int:
    from station_agencies import services

    with ctx.read() as session:
        row, verdict = services.verify_draw(session, key)
        number, name = row.number, row.agency_name
    if args.json:
        _out({"number": number, "matches": verdict.ok, "problems": list(verdict.problems), "agency_name": name})
    elif verdict.ok:
        print(f"抽取 {number} 复核一致：由记录的名单和见证数字重新抽取，得到同一家机构“{name}”。")
    else:
        print(f"抽取 {number} 复核不一致：")
        for problem in verdict.problems:
            print(f"  - {problem}")
    return 0 if verdict.ok else 5


def cmd_commission_new(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    if not args.agency and not args.witness:
        raise UserError("请用 --agency 直接选取机构，或用 --witness 给出见证输入进行随机抽取。")
    if args.invite and not args.agency:
        raise UserError("直接邀请请用 --agency 写明被邀请的机构。")
    with ctx.work(ctx.cli_actor(args.user)) as work:
        c = services.create_commission(
            work, args.enterprise, args.service, scope=args.scope, budget_fen=_fen(args.budget),
            deadline=_date(args.deadline, "完成期限"), agency_uid=args.agency, witnesses=_witnesses(args.witness),
            station_code=ctx.settings.station_code, invite=args.invite, cat=services.catalogue(ctx.data_dir),
        )  # fmt: skip
        agency = services.get_agency(work.session, c.agency_uid or "")
        cat = services.catalogue(ctx.data_dir)
        parts = [
            {"service": p.service, "service_name": cat.name(p.service), "agency_uid": p.agency_uid,
             "agency_name": services.get_agency(work.session, p.agency_uid).name, "draw_uid": p.draw_uid}
            for p in services.commission_parts(work.session, c.uid)
        ]  # fmt: skip
        data: dict[str, Any] = {"uid": c.uid, "number": c.number, "agency_uid": agency.uid, "agency_name": agency.name,
                "selection": c.selection, "draw_uid": c.draw_uid, "service": c.service,
                "service_name": cat.name(c.service), "parts": parts}  # fmt: skip
    if args.json:
        _out(data)
    else:
        how = services.SELECTIONS[data["selection"]]
        doers = {p["agency_name"] for p in parts}
        if len(doers) > 1:
            each = "；".join(f"{p['service_name']}：{p['agency_name']}" for p in parts)
            print(f"已登记联合委托 {data['number']}（{how}，没有一家机构具备全部资质，按服务分别抽取）：{each}")
        else:
            print(f"已登记委托 {data['number']}（{data['service_name']}，{how}）：{data['agency_name']}")
    return 0


def cmd_commission_step(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        if args.step == "accept":
            c = services.accept(work, args.number)
        elif args.step == "deliver":
            c = services.deliver(
                work, args.number, [Path(f) for f in args.files], store_dir=services.deliverables_dir(ctx.data_dir)
            )
        else:
            c = services.complete(work, args.number, args.representative)
        print(f"委托 {c.number}：{services.COMMISSION_STATUSES[c.status]}。")
    return 0


def cmd_commission_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services

    cat = services.catalogue(ctx.data_dir)
    with ctx.read() as session:
        names = {a.uid: a.name for a in services.agencies_for(session)}
        rows = [
            {"number": c.number, "service": cat.name(c.service), "agency": names.get(c.agency_uid or "", ""),
             "status": services.COMMISSION_STATUSES[c.status], "selection": services.SELECTIONS[c.selection]}
            for c in services.commissions(session, status=args.status)
        ]  # fmt: skip
    if args.json:
        _out(rows)
    else:
        for r in rows:
            print(f"{r['number']}  {r['service']}  {r['agency']}  {r['selection']}  {r['status']}")
    return 0


def cmd_rate(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services
    from station_agencies.stars import DIMENSIONS

    parts = [p for p in args.scores.replace("，", ",").split(",") if p.strip()]
    if len(parts) != 5 or not all(p.strip().isdigit() for p in parts):
        raise UserError("请按 质量,时效,态度,收费,规范 的顺序给出五个 1–5 的分数，如 5,4,5,4,5。")
    scores = dict(zip(DIMENSIONS, (int(p) for p in parts), strict=True))
    with ctx.work(ctx.cli_actor(args.user)) as work:
        services.rate(
            work, args.number, enterprise_uscc=args.enterprise, representative=args.representative, scores=scores,
            comment=args.comment, agency=args.agency,
        )  # fmt: skip
    print(f"已录入委托 {args.number} 的评价。")
    return 0


def cmd_ratings(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services
    from station_agencies.stars import Period

    cat = services.catalogue(ctx.data_dir)
    period = Period.parse(args.period)
    service = cat.service(args.service).code if args.service else None
    with ctx.read() as session:
        result, ranked = services.ranking(session, period, service, cat.rules)
    rated = [r for r in ranked if r.count]
    ranks = services.ranks(rated)
    if args.json:
        _out(
            {
                "period": period.label,
                "park_means": {d: round(v, 2) for d, v in result.park_means.items()},
                "rules": {
                    "prior_weight": cat.rules.prior_weight,
                    "decay_per_quarter": cat.rules.decay_per_quarter,
                    "min_ratings": cat.rules.min_ratings,
                },
                "agencies": [
                    {
                        "uid": r.uid,
                        "name": r.name,
                        "status": r.status,
                        "status_text": r.status_text,
                        "rank": rank,
                        "ratings": r.count,
                        "score": r.score,
                        "stars": r.stars,
                        "dimensions": r.dims,
                    }
                    for r, rank in zip(rated, ranks, strict=True)
                ],
            }
        )
        return 0
    print(f"{period.title()}中介机构星级评价（{len(rated)} 家有评价）")
    for r, rank in zip(rated, ranks, strict=True):
        score = f"{r.score:.2f}" if r.score is not None else "—"
        place = f"{rank:>3}." if rank else "    "  # not ranked: suspended or blacklisted
        print(f"{place} {r.name}  {r.with_status(_star_text(r.stars, r.count))}  综合得分 {score}")
    return 0


def cmd_report(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import report

    out = Path(args.output)
    if out.parent and not out.parent.exists():
        raise UserError(f"目录 {out.parent} 不存在，请换一个保存位置。")
    report.write(ctx, args.period, out)
    print(f"已生成星级评价报告：{out}")
    return 0


def cmd_close_period(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_agencies import services, standing

    with ctx.work(ctx.cli_actor(args.user)) as work:
        closed = standing.close_period(work, args.quarter, cat=services.catalogue(ctx.data_dir))
        names = dict(work.session.execute(_agency_names()).all())
        rows = [
            {"agency": names.get(s.agency_uid, ""), "stars": s.stars, "ratings": s.ratings,
             "consequence": s.consequence, "note": s.note}
            for s in closed.standings
        ]  # fmt: skip
    if args.json:
        _out({"period": closed.period, "standings": rows})
        return 0
    print(f"{closed.period} 星级已结算，共 {len(rows)} 家机构。")
    for r in rows:
        if r["consequence"]:
            print(f"  {r['agency']}：{standing.LABELS[r['consequence']]}。{r['note']}")
    return 0


def _agency_names() -> Any:
    from sqlalchemy import select

    from station_agencies.models import Agency

    return select(Agency.uid, Agency.name)


def cmd_publish(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_agencies import publish, services

    cat = services.catalogue(ctx.data_dir)
    if args.hall or args.hall_db:  # the park's whole marketplace as the hall holds it (the hall's operator runs it)
        issuer = (args.issuer or "").strip() or "园区企业服务中心"
        written = publish.publish_from_hall(
            ctx.data_dir, Path(args.out), issuer=issuer, hall_db=args.hall_db, quarter=args.quarter, cat=cat
        )
    else:
        require(ctx.cli_actor(args.user), "agencies.view", "查看中介超市")
        issuer = (args.issuer or "").strip() or getattr(ctx.settings, "station_name", "") or "园区企业服务站"
        with ctx.read() as session:
            written = publish.publish(session, Path(args.out), issuer=issuer, quarter=args.quarter, cat=cat)
    if args.json:
        _out(written)
    else:
        site = Path(written["out"]) / "index.html"
        print(f"已生成 {written['agencies']} 家机构的公开名录：{site} 和 {publish.PDF_NAME}。")
    return 0
