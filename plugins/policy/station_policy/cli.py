"""``station policy …``: catalogue, facts, matching, why-not, the claim workflow and reports."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from station.api import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", help="办理日期 YYYY-MM-DD（补录纸质申请时使用；默认今天）")
    sub = parser.add_subparsers(metavar="ACTION", required=True)

    cat = sub.add_parser("catalog", help="政策目录").add_subparsers(metavar="ACTION", required=True)
    load = cat.add_parser("load", help="从目录载入政策 YAML（本站离线载入）")
    load.add_argument("dir", help="政策目录（*.yaml）；写 demo 载入随插件提供的演示政策")
    load.add_argument("--json", action="store_true")
    load.set_defaults(run=cmd_catalog_load)
    check = cat.add_parser("check", help="检查政策 YAML 并运行其中的案例，不写入数据库")
    check.add_argument("dir")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=cmd_catalog_check)
    lst = cat.add_parser("list", help="列出本站的政策目录")
    lst.add_argument("--date", help="评估日期 YYYY-MM-DD（默认今天）")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(run=cmd_catalog_list)
    pub = cat.add_parser("publish", help="在大厅发布政策目录，各站点同步后获得")
    pub.add_argument("dir")
    pub.add_argument("--hall-db", help="大厅数据库地址（默认为数据目录中的大厅数据库）")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(run=cmd_catalog_publish)

    fact = sub.add_parser("fact", help="企业涉企数据").add_subparsers(metavar="ACTION", required=True)
    fset = fact.add_parser("set", help="登记一项企业数据")
    fset.add_argument("--uscc", required=True)
    fset.add_argument("--key", required=True, help="数据项，如 rd_spend_fen")
    fset.add_argument("--year", type=int, default=0)
    fset.add_argument("--value", required=True, help="数值；金额可写 300万元、1500元")
    fset.add_argument("--source", default="")
    fset.set_defaults(run=cmd_fact_set)
    fcert = fact.add_parser("cert", help="登记一项资质认定")
    fcert.add_argument("--uscc", required=True)
    fcert.add_argument("--kind", required=True)
    fcert.add_argument("--expires", help="有效期至 YYYY-MM-DD；长期有效不填")
    fcert.add_argument("--number", default="")
    fcert.set_defaults(run=cmd_fact_cert)
    fshow = fact.add_parser("show", help="查看一家企业的涉企数据")
    fshow.add_argument("--uscc", required=True)
    fshow.add_argument("--json", action="store_true")
    fshow.set_defaults(run=cmd_fact_show)
    facts = sub.add_parser("facts", help="归集部门数据").add_subparsers(metavar="ACTION", required=True)
    fload = facts.add_parser("load", help="按数据对照表载入部门报送的 CSV/XLSX 文件")
    fload.add_argument("file", help="部门报送的文件（CSV 或 XLSX）")
    fload.add_argument("--mapping", required=True, help="数据对照表名称（如 shebao、shuiwu、tongji）或 YAML 文件")
    fload.add_argument("--bad-rows", metavar="OUT.csv", help="把有问题的行写入 CSV 文件，便于改正后重新导入")
    fload.add_argument("--json", action="store_true")
    fload.set_defaults(run=cmd_facts_load)

    match = sub.add_parser("match", help="政策匹配（在线智推）：先重算有变化的企业")
    match.add_argument("--uscc", help="只看这家企业符合的政策")
    match.add_argument("--policy", help="只看符合这项政策的企业")
    match.add_argument("--date", help="评估日期 YYYY-MM-DD（默认今天）")
    match.add_argument("--json", action="store_true")
    match.set_defaults(run=cmd_match)

    push = sub.add_parser("push", help="主动推送：给符合条件但未申请的企业发提示函和短信/公众号名单")
    push.add_argument("--policy", required=True, help="政策编号")
    push.add_argument("--pdf", help="输出提示函 PDF（每家企业一页）")
    push.add_argument("--csv", help="输出短信/公众号推送名单 CSV（含消息内容）")
    push.add_argument("--again", action="store_true", help="本年度已推送过的企业也再推送一次")
    push.add_argument("--json", action="store_true")
    push.set_defaults(run=cmd_push)

    why = sub.add_parser("why", help="说明一家企业为何（不）符合一项政策")
    why.add_argument("--uscc", required=True)
    why.add_argument("--policy", required=True)
    why.add_argument("--date")
    why.add_argument("--json", action="store_true")
    why.set_defaults(run=cmd_why)

    claim = sub.add_parser("claim", help="兑现申请：申请、受理、审核、公示、兑付").add_subparsers(
        metavar="ACTION", required=True
    )
    c_apply = claim.add_parser("apply", help="申请")
    c_apply.add_argument("--uscc", required=True)
    c_apply.add_argument("--policy", required=True)
    c_apply.add_argument("--material", action="append", default=[], help="已收材料（可重复）；all 表示全部")
    c_apply.add_argument("--json", action="store_true")
    c_apply.set_defaults(run=cmd_claim_apply)
    c_accept = claim.add_parser("accept", help="受理（缺材料须写容缺理由）")
    c_accept.add_argument("number")
    c_accept.add_argument("--material", action="append", help="已收材料（可重复）；all 表示全部")
    c_accept.add_argument("--reason", default="")
    c_accept.add_argument("--json", action="store_true")
    c_accept.set_defaults(run=cmd_claim_accept)
    c_review = claim.add_parser("review", help="审核（审核员）")
    c_review.add_argument("number")
    verdict = c_review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    c_review.add_argument("--amount", help="核定金额（元），默认按规则计算")
    c_review.add_argument("--reason", default="")
    c_review.add_argument("--json", action="store_true")
    c_review.set_defaults(run=cmd_claim_review)
    c_notice = claim.add_parser("notice", help="开始公示")
    c_notice.add_argument("number")
    c_notice.add_argument("--days", type=int, default=7)
    c_notice.add_argument("--json", action="store_true")
    c_notice.set_defaults(run=cmd_claim_notice)
    c_pay = claim.add_parser("pay", help="兑付（公示期满后）")
    c_pay.add_argument("number")
    c_pay.add_argument("--json", action="store_true")
    c_pay.set_defaults(run=cmd_claim_pay)
    c_reject = claim.add_parser("reject", help="驳回")
    c_reject.add_argument("number")
    c_reject.add_argument("--reason", required=True)
    c_reject.add_argument("--json", action="store_true")
    c_reject.set_defaults(run=cmd_claim_reject)
    c_verify = claim.add_parser("verify", help="随机抽取第三方鉴证机构（需中介超市插件）")
    c_verify.add_argument("number")
    c_verify.add_argument("--witness", required=True, help="现场见证文字（作为随机种子）")
    c_verify.add_argument("--json", action="store_true")
    c_verify.set_defaults(run=cmd_claim_verify)
    c_show = claim.add_parser("show", help="申请的完整经过")
    c_show.add_argument("number")
    c_show.add_argument("--json", action="store_true")
    c_show.set_defaults(run=cmd_claim_show)
    c_list = claim.add_parser("list", help="列出申请")
    c_list.add_argument("--status")
    c_list.add_argument("--json", action="store_true")
    c_list.set_defaults(run=cmd_claim_list)

    award = sub.add_parser("award", help="一事一议奖补：登记决定、公示、兑付、撤销").add_subparsers(
        metavar="ACTION", required=True
    )
    a_new = award.add_parser("new", help="登记一事一议奖补决定（主管）")
    a_new.add_argument("--uscc", required=True, help="企业统一社会信用代码")
    a_new.add_argument("--decision", required=True, help="决定文号，如 株高新管〔2026〕18号")
    a_new.add_argument("--amount", required=True, help="奖补金额（元，可到分），如 350000.50")
    a_new.add_argument("--department", required=True, help="作出决定的部门")
    a_new.add_argument("--reason", required=True, help="奖补事由")
    a_new.add_argument("--attachment", action="append", default=[], help="附件名称（可重复）")
    a_new.add_argument("--json", action="store_true")
    a_new.set_defaults(run=cmd_award_new)
    a_notice = award.add_parser("notice", help="开始公示")
    a_notice.add_argument("number", help="登记编号或决定文号")
    a_notice.add_argument("--days", type=int, default=7)
    a_notice.add_argument("--json", action="store_true")
    a_notice.set_defaults(run=cmd_award_notice)
    a_pay = award.add_parser("pay", help="兑付（公示期满后；同一决定文号全园区只兑付一次）")
    a_pay.add_argument("number", help="登记编号或决定文号")
    a_pay.add_argument("--json", action="store_true")
    a_pay.set_defaults(run=cmd_award_pay)
    a_revoke = award.add_parser("revoke", help="撤销（兑付前）")
    a_revoke.add_argument("number", help="登记编号或决定文号")
    a_revoke.add_argument("--reason", required=True)
    a_revoke.add_argument("--json", action="store_true")
    a_revoke.set_defaults(run=cmd_award_revoke)
    a_show = award.add_parser("show", help="奖补的完整经过")
    a_show.add_argument("number", help="登记编号或决定文号")
    a_show.add_argument("--json", action="store_true")
    a_show.set_defaults(run=cmd_award_show)
    a_list = award.add_parser("list", help="列出一事一议奖补")
    a_list.add_argument("--status", help="decided、notice、paid 或 revoked")
    a_list.add_argument("--json", action="store_true")
    a_list.set_defaults(run=cmd_award_list)

    rep = sub.add_parser("report", help="兑付报表：按月份和部门")
    rep.add_argument("--month", required=True, help="YYYY-MM")
    rep.add_argument("--pdf", help="输出 PDF 报表")
    rep.add_argument("--csv", help="输出 CSV")
    rep.add_argument("--xlsx", help="输出 XLSX")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(run=cmd_report)
    receipt = sub.add_parser("receipt", help="为一件申请生成给企业的受理回执 PDF（印有查询码）")
    receipt.add_argument("number", help="申请编号")
    receipt.add_argument("--pdf", required=True)
    receipt.add_argument("--json", action="store_true")
    receipt.set_defaults(run=cmd_receipt)
    note = sub.add_parser("notice", help="为一笔兑付生成给企业的兑付通知书 PDF")
    note.add_argument("number", help="申请编号、一事一议登记编号或决定文号")
    note.add_argument("--pdf", required=True)
    note.set_defaults(run=cmd_notice)


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    return int(args.run(args, ctx) or 0)


# -- helpers ------------------------------------------------------------------------------------


def _print(args: argparse.Namespace, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def _now(args: argparse.Namespace) -> dt.datetime:
    """The moment the step is recorded: now, or 10:00 (Shanghai) of ``--today`` for back-dated entries."""
    from station.api import SHANGHAI, utcnow

    if not getattr(args, "today", None):
        return utcnow()
    try:
        day = dt.date.fromisoformat(args.today)
    except ValueError:
        raise UserError(f"日期“{args.today}”格式不对，请写成 2026-03-01。") from None
    now = utcnow()
    today = now.astimezone(SHANGHAI).date()
    if day > today:
        raise UserError(f"办理日期 {day.isoformat()} 还没到，补录只能写今天或以前的日期。")
    if day == today:
        return now  # today's entry is dated now, not at a 10:00 that may still be ahead
    return dt.datetime.combine(day, dt.time(10), SHANGHAI).astimezone(dt.UTC)


def _today(args: argparse.Namespace) -> dt.date:
    from station_policy import services

    return services.today_local(_now(args))


def _day(value: str | None, args: argparse.Namespace | None = None) -> dt.date:
    from station_policy import services

    if not value:
        return _today(args) if args is not None else services.today_local()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"日期“{value}”格式不对，请写成 2026-03-01。") from None


def _yuan(fen: int | None) -> str:
    from station_policy.facts import format_fen

    return format_fen(fen)


def _actor(args: argparse.Namespace, ctx: StationContext) -> Any:
    return ctx.cli_actor(args.user)


def _station_code(ctx: StationContext) -> str:
    return ctx.settings.station_code


def _materials(given: list[str] | None, p: Any) -> list[str] | None:
    if given is None:
        return None
    if "all" in given:
        return list(p.materials)
    return given


# -- catalogue ----------------------------------------------------------------------------------


def _load_dir(path: str) -> list[Any]:
    from station_policy import catalog

    return catalog.load_dir(catalog.demo_dir() if path == "demo" else path)


def cmd_catalog_load(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import catalog, services

    policies = _load_dir(args.dir)
    problems = [p for policy in policies for p in catalog.check_cases(policy)]
    if problems:
        raise UserError("政策案例未通过，未载入：" + "；".join(problems[:3]))
    with ctx.work(_actor(args, ctx)) as work:
        result = services.load_catalog(work, policies)
    data = {"editions": len(policies), **result.__dict__}
    _print(
        args,
        data,
        f"已载入政策 {len(policies)} 个版本：新增 {result.added}，更新 {result.changed}，未变 {result.unchanged}。",
    )
    return 0


def cmd_catalog_check(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import catalog

    policies = _load_dir(args.dir)
    problems = [p for policy in policies for p in catalog.check_cases(policy)]
    cases = sum(len(p.cases) for p in policies)
    _print(
        args,
        {"editions": len(policies), "cases": cases, "problems": problems},
        "\n".join(problems) if problems else f"政策 {len(policies)} 个版本、案例 {cases} 个，全部通过。",
    )
    return 1 if problems else 0


def cmd_catalog_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    on = _day(args.date, args)
    with ctx.read() as session:
        rows = services.policy_summaries(session, on)
    lines = [
        f"{r['code']:<18} {r['edition']}  {r['title']}（{r['department']}）"
        f"符合 {r['eligible']} 家，待补数据 {r['unknown']} 家"
        for r in rows
    ]
    _print(args, rows, "\n".join(lines) or "本站还没有政策目录，请用 station policy catalog load 载入。")
    return 0


def cmd_catalog_publish(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import hall_publish

    policies = _load_dir(args.dir)
    count = hall_publish.publish(ctx, policies, hall_db=args.hall_db)
    _print(args, {"published": count}, f"已在大厅发布政策 {count} 个版本，各站点下次同步时获得。")
    return 0


# -- facts --------------------------------------------------------------------------------------


def cmd_fact_set(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import rules, services
    from station_policy.facts import FACTS

    spec = FACTS.get(args.key)
    if spec is None:
        raise UserError(f"没有名为“{args.key}”的数据项，可用：{'、'.join(FACTS)}。")
    try:
        value = rules.quantity(args.value)
    except rules.RuleError as exc:
        raise UserError(str(exc)) from None
    if not isinstance(value, int):
        raise UserError(f"“{args.value}”不是整数或整分金额。")
    with ctx.work(_actor(args, ctx)) as work:
        e = services.enterprise_by_code(work.session, args.uscc)
        services.set_fact(work, e.uid, args.key, args.year, value, source=args.source)
    print(f"已登记 {e.name} 的{spec.label}。")
    return 0


def cmd_fact_cert(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    expires = _day(args.expires) if args.expires else None
    with ctx.work(_actor(args, ctx)) as work:
        e = services.enterprise_by_code(work.session, args.uscc)
        services.set_cert(work, e.uid, args.kind, expires, number=args.number)
    print(f"已登记 {e.name} 的{args.kind}认定。")
    return 0


def cmd_fact_show(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import services
    from station_policy.facts import fact_title, format_value

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        e = services.enterprise_by_code(session, args.uscc)
        s = services.subject_of(session, e.uid)
    facts = [{"key": k, "year": y, "value": v} for (k, y), v in sorted(s.facts.items())]
    certs = [{"kind": k, "expires_on": v} for k, v in sorted(s.certs.items())]
    lines = [f"{fact_title(k, y)}：{format_value(k, v)}" for (k, y), v in sorted(s.facts.items())]
    lines += [f"{k}：{'有效期至 ' + v.isoformat() if v else '长期有效'}" for k, v in sorted(s.certs.items())]
    _print(args, {"uscc": e.uscc, "name": e.name, "facts": facts, "certs": certs}, f"{e.name}\n" + "\n".join(lines))
    return 0


def cmd_facts_load(args: argparse.Namespace, ctx: StationContext) -> int:
    from pathlib import Path

    from station_policy import intake, services

    mapping = intake.load_mapping(args.mapping, ctx.data_dir)
    with ctx.work(_actor(args, ctx)) as work:
        report = intake.load_file(work, Path(args.file), mapping, now=_now(args))
        run = services.rematch(work, _today(args), report.enterprises)
    if args.bad_rows and report.bad:
        intake.write_bad_rows(report, Path(args.bad_rows))
    data = report.as_dict() | {"rematched": run.enterprises}
    text = report.summary()
    if report.enterprises:
        text += f"\n已为数据有变化的 {run.enterprises} 家企业重新匹配政策。"
    if report.bad and not args.bad_rows:
        text += "\n" + "\n".join(f"第 {b.row} 行（{b.column}）：{b.reason}" for b in report.bad[:20])
    _print(args, data, text)
    return 2 if report.bad else 0


def cmd_push(args: argparse.Namespace, ctx: StationContext) -> int:
    """Without --pdf or --csv it only lists who would be told; with either, what was handed out is recorded."""
    from station_policy import push, services

    today, station = _today(args), ctx.settings.station_name
    channels = [name for name, given in (("letter", args.pdf), ("list", args.csv)) if given]
    with ctx.work(_actor(args, ctx)) as work:
        services.rematch(work, today)  # the list rests on today's data
        plan = push.plan(work.session, args.policy.strip().upper(), today, station=station, again=args.again)
        if channels:  # recorded first: a failed write below rolls the record back with it
            push.record(work, plan, channels, now=_now(args))
            if args.pdf:
                push.write_letters(args.pdf, plan, issuer=station, now=_now(args))
            if args.csv:
                push.write_csv(args.csv, plan)
    data = {
        "policy_code": plan.policy.code,
        "period": plan.period,
        "recorded": bool(channels),
        "skipped_already_notified": plan.skipped_notified,
        "notices": [
            {"uscc": n.uscc, "name": n.name, "estimated_fen": n.estimated_fen, "message": n.message}
            for n in plan.notices
        ],
    }
    told = f"（另有 {plan.skipped_notified} 家本年度已推送过，未列入）" if plan.skipped_notified else ""
    if channels:
        text = f"已为“{plan.policy.title}”生成 {len(plan.notices)} 家企业的推送{told}，并记录在案。"
    else:
        lines = [f"{n.uscc}  {n.name}  {_yuan(n.estimated_fen)}" for n in plan.notices]
        text = f"“{plan.policy.title}”有 {len(plan.notices)} 家企业符合条件且未申请{told}：\n" + "\n".join(lines)
        text += "\n加 --pdf 或 --csv 生成提示函或推送名单。"
    _print(args, data, text)
    return 0


# -- matching -----------------------------------------------------------------------------------


def cmd_match(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    actor = _actor(args, ctx)
    on = _day(args.date, args)
    with ctx.work(actor) as work:
        run_ = services.rematch(work, on)
    with ctx.read() as session:
        if args.uscc:
            e = services.enterprise_by_code(session, args.uscc)
            rows = services.matches_for_enterprise(session, e.uid, on)
        elif args.policy:
            rows = services.matches_for_policy(session, args.policy, on)
        else:
            summaries = services.policy_summaries(session, on)
            data = {"date": on.isoformat(), "rematched": run_.enterprises, "policies": summaries}
            lines = [f"重算 {run_.enterprises} 家企业，用时 {run_.seconds:.2f} 秒。"]
            lines += [
                f"{r['code']:<18} {r['title']}：符合 {r['eligible']} 家（预计 {_yuan(r['total_fen'])}），"
                f"待补数据 {r['unknown']} 家"
                for r in summaries
            ]
            _print(args, data, "\n".join(lines))
            return 0
    from station_policy.catalog import STATUS_LABELS

    data = {"date": on.isoformat(), "rematched": run_.enterprises, "matches": [r.__dict__ for r in rows]}
    lines = [
        f"{r.policy_code:<18} {r.uscc} {r.enterprise_name}  {r.policy_title}  {STATUS_LABELS[r.status]}"
        f"  {_yuan(r.amount_fen) if r.amount_fen is not None else ''}"
        for r in rows
    ]
    _print(args, data, "\n".join(lines) or "没有符合的结果。")
    return 0


def cmd_why(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    on = _day(args.date, args)
    with ctx.read() as session:
        e = services.enterprise_by_code(session, args.uscc)
        ev = services.explain(session, e.uid, args.policy, on)
    data = {
        "uscc": e.uscc,
        "policy": ev.policy.code,
        "edition": ev.policy.edition,
        "date": on.isoformat(),
        "status": ev.status,
        "amount_fen": ev.amount_fen,
        "why": ev.why(),
        "conditions": [
            {"label": f.label, "rule": f.rule, "outcome": f.outcome, "values": f.values} for f in ev.findings
        ],
    }
    lines = [ev.why(), ""] + [
        f"  {'✓' if f.outcome == 'eligible' else '✗' if f.outcome == 'ineligible' else '?'} {f.sentence()}"
        for f in ev.findings
    ]
    _print(args, data, "\n".join(lines))
    return 0


# -- claims -------------------------------------------------------------------------------------


def _claim_data(session: Any, claim: Any) -> dict[str, Any]:
    return {
        "number": claim.number,
        "uid": claim.uid,
        "policy": claim.policy_code,
        "edition": claim.policy_edition,
        "period": claim.period,
        "status": claim.status,
        "estimated_fen": claim.estimated_fen,
        "approved_fen": claim.approved_fen,
        "notice_until": claim.notice_until,
        "receipt_code": claim.receipt_code,
    }


def _claim_line(claim: Any) -> str:
    from station_policy.services import STATUSES

    return f"申请 {claim.number}（{claim.policy_code}，{claim.period}）：{STATUSES[claim.status]}"


def cmd_claim_apply(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    with ctx.work(_actor(args, ctx)) as work:
        e = services.enterprise_by_code(work.session, args.uscc)
        p = services.policy_edition(work.session, args.policy, _today(args))
        claim = services.apply(
            work,
            e.uid,
            args.policy,
            materials=_materials(args.material, p) or [],
            station_code=_station_code(ctx),
            now=_now(args),
        )
        found = services.warnings(work.session, claim, _today(args))
        data = {**_claim_data(work.session, claim), "warnings": [w.text for w in found]}
    text = (_claim_line(claim) + f"，预计 {_yuan(claim.estimated_fen)}，回执查询码 {claim.receipt_code}"
            + "".join(f"\n  提示：{w.text}" for w in found))  # fmt: skip
    _print(args, data, text)
    return 0


def _step(args: argparse.Namespace, ctx: StationContext, fn: Any) -> int:
    with ctx.work(_actor(args, ctx)) as work:
        claim = fn(work)
        data = _claim_data(work.session, claim)
    _print(args, data, _claim_line(claim))
    return 0


def cmd_claim_accept(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    def step(work: Any) -> Any:
        claim = services.get_claim(work.session, args.number)
        p = services.edition_by_uid(work.session, claim.policy_uid)
        return services.accept(
            work, args.number, materials=_materials(args.material, p), reason=args.reason, now=_now(args)
        )

    return _step(args, ctx, step)


def cmd_claim_review(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import rules, services

    amount: int | None = None
    if args.amount:
        try:
            amount = int(rules.quantity(args.amount if args.amount.endswith("元") else args.amount + "元"))  # 元: fen
        except rules.RuleError as exc:
            raise UserError(str(exc)) from None
    return _step(
        args,
        ctx,
        lambda work: services.review(
            work, args.number, approve=args.approve, reason=args.reason, amount_fen=amount, now=_now(args)
        ),
    )


def cmd_claim_notice(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    return _step(args, ctx, lambda work: services.start_notice(work, args.number, days=args.days, now=_now(args)))


def cmd_claim_pay(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    with ctx.work(_actor(args, ctx)) as work:
        payout = services.pay(work, args.number, station_code=_station_code(ctx), now=_now(args))
        data = {
            "payout": payout.number,
            "claim": args.number,
            "amount_fen": payout.amount_fen,
            "paid_on": payout.paid_on,
        }
    _print(args, data, f"已兑付 {_yuan(payout.amount_fen)}，兑付编号 {payout.number}。")
    return 0


def cmd_claim_reject(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    return _step(args, ctx, lambda work: services.reject(work, args.number, args.reason, now=_now(args)))


def cmd_claim_verify(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import services

    record = services.request_verification(ctx, _actor(args, ctx), args.number, witness=args.witness, now=_now(args))
    if record is None:
        raise UserError("未能抽取鉴证机构：中介超市插件未启用或没有符合条件的机构，请人工指定并记录。")
    _print(args, record, f"已随机抽取鉴证机构：{record['agency_name']}（抽取记录 {record['draw_uid']}）。")
    return 0


def cmd_claim_show(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text, require
    from station_policy import services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        h = services.history(session, args.number, _today(args))
    c = h.claim
    data = {
        **_claim_data(None, c),
        "enterprise": {"uscc": h.uscc, "name": h.enterprise_name},
        "policy_title": h.policy.title,
        "policy_digest": c.policy_digest,
        "events": [
            {
                "step": e.step,
                "status": e.status_after,
                "actor": e.actor,
                "at": e.at,
                "reason": e.reason,
                "detail": json.loads(e.detail),
            }
            for e in h.events
        ],
        "payout": None
        if h.payout is None
        else {
            "number": h.payout.number,
            "amount_fen": h.payout.amount_fen,
            "paid_on": h.payout.paid_on,
            "state": h.payout_state,
        },
        "warnings": [{"code": w.code, "level": w.level, "text": w.text} for w in h.warnings],
        "notes": h.notes,
    }
    lines = [
        f"{_claim_line(c)}",
        f"企业：{h.enterprise_name}（{h.uscc}）",
        f"政策：{h.policy.title}（{c.policy_code}，{c.policy_edition} 版）",
        f"预计金额：{_yuan(c.estimated_fen)}；核定金额：{_yuan(c.approved_fen)}",
        f"回执查询码：{c.receipt_code or '（打印回执时生成）'}",
    ]
    lines += [f"  {local_text(e.at)}  {services.STEPS.get(e.step, e.step)}  {e.actor}  {e.reason}" for e in h.events]
    lines += [f"  提示：{w.text}" for w in h.warnings]
    lines += [f"  说明：{note}" for note in h.notes]
    _print(args, data, "\n".join(lines))
    return 0


def cmd_claim_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        ids = services.claim_ids(session, status=args.status)
        rows = services.claim_rows(session, ids)
    out = [
        {
            "number": r[0],
            "enterprise": r[1],
            "policy": r[8],
            "policy_title": r[2],
            "period": r[3],
            "status": r[4],
            "estimated_fen": r[5],
            "approved_fen": r[6],
        }
        for r in (rows[i] for i in ids)
    ]
    lines = [f"{o['number']}  {o['enterprise']}  {o['policy_title']}  {services.STATUSES[o['status']]}" for o in out]
    _print(args, out, "\n".join(lines) or "没有申请。")
    return 0


# -- reports ------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import reports, services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        lines = services.payouts(session, month=args.month)
        refused = services.refused_payouts(session, month=args.month)
    written = []
    if args.csv:
        reports.write_csv(args.csv, lines)
        written.append(args.csv)
    if args.xlsx:
        reports.write_xlsx(args.xlsx, lines, month=args.month)
        written.append(args.xlsx)
    if args.pdf:
        reports.write_pdf(
            args.pdf,
            lines,
            month=args.month,
            issuer=ctx.settings.station_name if hasattr(ctx.settings, "station_name") else "园区企业服务站",
            refused=refused,
        )
        written.append(args.pdf)
    totals = reports.totals_by_department(lines)
    data = {
        "month": args.month,
        "count": len(lines),
        "total_fen": sum(x.amount_fen for x in lines),
        "by_department": [{"department": d, "count": n, "total_fen": t} for d, n, t in totals],
        "pending": {"count": reports.pending(lines)[0], "total_fen": reports.pending(lines)[1]},
        "left_out": [{"number": x.number, "amount_fen": x.amount_fen} for x in refused],
        "written": written,
    }
    text = [f"{args.month} 兑付 {len(lines)} 笔，合计 {_yuan(data['total_fen'])}"]
    text += [f"  {d}：{n} 笔，{_yuan(t)}" for d, n, t in totals]
    if data["pending"]["count"]:
        text.append(f"其中 {data['pending']['count']} 笔、{_yuan(data['pending']['total_fen'])} 待服务大厅确认。")
    if refused:
        text.append(reports.left_out_text(refused))
    text += [f"已写入 {w}" for w in written]
    _print(args, data, "\n".join(text))
    return 0


def cmd_receipt(args: argparse.Namespace, ctx: StationContext) -> int:
    """The claim's receipt; a claim taken before receipt codes is given one first (it syncs)."""
    from station_policy import reports, services

    with ctx.work(_actor(args, ctx)) as work:
        services.receipt_code(work, args.number, now=_now(args))
    with ctx.read() as session:
        h = services.history(session, args.number, _today(args))
    reports.write_claim_receipt(args.pdf, h, issuer=ctx.settings.station_name)
    _print(args, {"number": h.claim.number, "receipt_code": h.claim.receipt_code, "pdf": args.pdf},
           f"已写入 {args.pdf}（查询码 {h.claim.receipt_code}）")  # fmt: skip
    return 0


def cmd_notice(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import reports, services

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        if _is_award(session, args.number):
            from station_policy import awards

            ah = awards.history(session, args.number)
            if ah.payout is None:
                raise UserError(f"一事一议奖补 {ah.award.number} 还没有兑付，兑付后才能出具兑付通知书。")
            reports.write_award_notice(args.pdf, ah)
            print(f"已写入 {args.pdf}", file=sys.stdout)
            return 0
        h = services.history(session, args.number, _today(args))
    if h.payout is None:
        raise UserError(f"申请 {h.claim.number} 还没有兑付，兑付后才能出具兑付通知书。")
    reports.write_payout_notice(args.pdf, h)
    print(f"已写入 {args.pdf}", file=sys.stdout)
    return 0


# -- 一事一议 -------------------------------------------------------------------------------------


def _is_award(session: Any, ref: str) -> bool:
    from sqlalchemy import select

    from station_policy.models import Award

    q = select(Award.id).where((Award.number == ref) | (Award.uid == ref) | (Award.decision_no == ref)).limit(1)
    return session.scalar(q) is not None


def _award_data(award: Any) -> dict[str, Any]:
    from station_policy import awards

    return {
        "number": award.number,
        "uid": award.uid,
        "decision": award.decision_no,
        "amount_fen": award.amount_fen,
        "department": award.department,
        "reason": award.reason,
        "attachments": awards.attachment_names(award.attachments),
        "status": award.status,
        "notice_until": award.notice_until,
    }


def _award_line(award: Any) -> str:
    from station_policy.awards import STATUSES

    return (
        f"一事一议奖补 {award.number}（{award.decision_no}，{_yuan(award.amount_fen)}）：{STATUSES[award.status]}"
        + (f"，公示至 {award.notice_until.isoformat()}" if award.status == "notice" and award.notice_until else "")
    )


def _award_step(args: argparse.Namespace, ctx: StationContext, fn: Any) -> int:
    with ctx.work(_actor(args, ctx)) as work:
        award = fn(work)
        data = _award_data(award)
        line = _award_line(award)
    _print(args, data, line)
    return 0


def cmd_award_new(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import awards, services

    amount = awards.parse_amount(args.amount)  # before the transaction: a typing slip opens nothing

    def step(work: Any) -> Any:
        e = services.enterprise_by_code(work.session, args.uscc)
        return awards.record(
            work,
            e.uid,
            decision_no=args.decision,
            amount_fen=amount,
            department=args.department,
            reason=args.reason,
            attachments=args.attachment,
            station_code=_station_code(ctx),
            now=_now(args),
        )

    return _award_step(args, ctx, step)


def cmd_award_notice(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import awards

    return _award_step(args, ctx, lambda work: awards.start_notice(work, args.number, days=args.days, now=_now(args)))


def cmd_award_revoke(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import awards

    return _award_step(args, ctx, lambda work: awards.revoke(work, args.number, args.reason, now=_now(args)))


def cmd_award_pay(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_policy import awards

    with ctx.work(_actor(args, ctx)) as work:
        payout = awards.pay(work, args.number, station_code=_station_code(ctx), now=_now(args))
        data = {"payout": payout.number, "award": args.number, "decision": payout.decision_no,
                "amount_fen": payout.amount_fen, "paid_on": payout.paid_on}  # fmt: skip
    text = f"已兑付 {_yuan(payout.amount_fen)}（决定文号 {payout.decision_no}），兑付编号 {payout.number}。"
    _print(args, data, text)
    return 0


def cmd_award_show(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text, require
    from station_policy import awards

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        h = awards.history(session, args.number)
    a = h.award
    data = {
        **_award_data(a),
        "enterprise": {"uscc": h.uscc, "name": h.enterprise_name},
        "events": [
            {"step": e.step, "status": e.status_after, "actor": e.actor, "at": e.at, "reason": e.reason,
             "detail": json.loads(e.detail)}
            for e in h.events
        ],
        "payout": None if h.payout is None else {
            "number": h.payout.number, "amount_fen": h.payout.amount_fen, "paid_on": h.payout.paid_on,
            "state": h.payout_state,
        },
        "notes": h.notes,
    }  # fmt: skip
    lines = [
        _award_line(a),
        f"企业：{h.enterprise_name}（{h.uscc}）",
        f"决定部门：{a.department}",
        f"奖补事由：{a.reason}",
        f"附件：{'、'.join(h.attachments) or '无'}",
    ]
    lines += [
        f"  {local_text(e.at)}  {awards.STEPS.get(e.step, e.step)}  {h.who(e.actor)}  {e.reason}" for e in h.events
    ]
    lines += [f"  说明：{note}" for note in h.notes]
    _print(args, data, "\n".join(lines))
    return 0


def cmd_award_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_policy import awards, payout_state

    require(_actor(args, ctx), "policy.view", "查看惠企政策")
    with ctx.read() as session:
        found = awards.rows(session, status=args.status)
    out = [
        {"number": r.number, "decision": r.decision_no, "enterprise": r.enterprise_name, "uscc": r.uscc,
         "amount_fen": r.amount_fen, "department": r.department, "status": r.status,
         "payout_state": r.payout_state}
        for r in found
    ]  # fmt: skip
    lines = [
        f"{r.number}  {r.decision_no}  {r.enterprise_name}  {_yuan(r.amount_fen)}  {awards.STATUSES[r.status]}"
        + (f"（{payout_state.LABELS[r.payout_state]}）" if r.payout_state else "")
        for r in found
    ]
    _print(args, out, "\n".join(lines) or "没有一事一议奖补。")
    return 0
