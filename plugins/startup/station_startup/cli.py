"""``station startup …``: take a case, move its steps, list the board, print its papers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.api import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

COLOUR_CHOICES = ("red", "yellow", "green", "none")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(metavar="ACTION", required=True)

    new = sub.add_parser("new", help="受理一件企业开办（从标准输入或 --file 读取 JSON）")
    new.add_argument("--file", help="申请信息 JSON 文件；不给则读标准输入")
    new.add_argument("--json", action="store_true")
    new.add_argument("--user")
    new.set_defaults(startup_action=cmd_new)

    step = sub.add_parser("step", help="办结、标记受阻或恢复办理一个环节")
    step.add_argument("case", help="受理编号、回执上的查询码或 uid")
    step.add_argument("step", help="环节：registration invoice social_insurance bank_account seal（或中文名）")
    step.add_argument("status", choices=("done", "blocked", "in_progress"))
    step.add_argument("--note", default="", help="受阻原因或备注")
    step.add_argument("--uscc", help="营业执照办结时必填：营业执照上市场监管部门核发的统一社会信用代码")
    step.add_argument("--json", action="store_true")
    step.add_argument("--user")
    step.set_defaults(startup_action=cmd_step)

    lst = sub.add_parser("list", help="开办件清单及三色预警")
    lst.add_argument("--colour", "--color", choices=COLOUR_CHOICES)
    lst.add_argument("--clerk", default="", help="只看某位办事员或帮办专员的件")
    lst.add_argument("--step", default="", help="按某个环节的颜色筛选")
    lst.add_argument("--all", action="store_true", help="包括已办结的件")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(startup_action=cmd_list)

    show = sub.add_parser("show", help="查看一件的状态（受理编号或查询码）")
    show.add_argument("case")
    show.add_argument("--json", action="store_true")
    show.set_defaults(startup_action=cmd_show)

    assign = sub.add_parser("assign", help="分派办事员或帮办代办专员")
    assign.add_argument("case")
    assign.add_argument("--clerk")
    assign.add_argument("--agent")
    assign.add_argument("--user")
    assign.set_defaults(startup_action=cmd_assign)

    paper = sub.add_parser("paper", help="登记容缺材料已补交")
    paper.add_argument("case")
    paper.add_argument("paper", help="材料代码或名称")
    paper.add_argument("--user")
    paper.set_defaults(startup_action=cmd_paper)

    prt = sub.add_parser("print", help="生成申请书、公司章程、股东决定/决议和受理回执（PDF，零填表）")
    prt.add_argument("case")
    prt.add_argument("--out", default=".", help="保存到哪个文件夹（默认当前文件夹）")
    prt.add_argument("--only", default="", help="只生成其中几种：application,articles,resolution,receipt")
    prt.add_argument("--json", action="store_true")
    prt.set_defaults(startup_action=cmd_print)

    rate = sub.add_parser("rate", help="好差评：企业对申请、受理或办结环节的评价（每个环节一次）")
    rate.add_argument("case", help="受理编号或回执上的查询码（在任何服务站都可凭查询码评价）")
    rate.add_argument("--grade", required=True, help="5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意")
    rate.add_argument("--stage", choices=("apply", "accept", "complete"), help="评价哪个环节（默认最近的环节）")
    rate.add_argument("--comment", default="", help="评价意见（可不填）")
    rate.add_argument("--json", action="store_true")
    rate.add_argument("--user")
    rate.set_defaults(startup_action=cmd_rate)

    ans = sub.add_parser("answer", help="差评处理：记录核实、整改、回访（主管）")
    ans.add_argument("case", help="受理编号或查询码")
    ans.add_argument("--stage", required=True, choices=("apply", "accept", "complete"), help="被评价的环节")
    ans.add_argument("--step", required=True, choices=("verify", "rectify", "revisit"), help="核实、整改或回访")
    ans.add_argument("--text", required=True, help="处理情况")
    ans.add_argument("--user")
    ans.set_defaults(startup_action=cmd_answer)

    bul = sub.add_parser("bulletin", help="每周三色预警通报（PDF），供园区管理层")
    bul.add_argument("--week", help="周次，如 2026-W48（默认上一周）")
    bul.add_argument("--pdf", help="保存 PDF 的文件名")
    bul.add_argument("--json", action="store_true", help="以 JSON 输出各项数字")
    bul.set_defaults(startup_action=cmd_bulletin)

    settings = sub.add_parser("settings", help="查看或设置办结时限与黄色预警比例")
    settings.add_argument(
        "--limit", action="append", default=[], metavar="TYPE=4h", help="如 limited_company=4h 或 =1d"
    )
    settings.add_argument("--yellow-share", type=float)
    settings.add_argument("--answer-days", type=int, help="差评核实、整改、回访的时限（工作日，1–15）")
    settings.add_argument("--json", action="store_true")
    settings.add_argument("--user")
    settings.set_defaults(startup_action=cmd_settings)

    cal = sub.add_parser("calendar", help="查看或设置园区工作时间、休息日和调休上班日")
    cal.add_argument("--hours", help="如 09:00-12:00,13:30-17:30")
    cal.add_argument("--close", action="append", default=[], metavar="DATE", help="园区加休的日期")
    cal.add_argument("--open", action="append", default=[], metavar="DATE", help="园区加班的日期")
    cal.add_argument("--clear", action="append", default=[], metavar="DATE", help="取消某日的园区设置")
    cal.add_argument("--json", action="store_true")
    cal.add_argument("--user")
    cal.set_defaults(startup_action=cmd_calendar)


def _print(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _now() -> Any:
    from station.api import utcnow

    return utcnow()


def cmd_new(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import services

    try:
        text = Path(args.file).read_text(encoding="utf-8") if args.file else sys.stdin.read()
        raw = json.loads(text)
    except OSError as exc:
        raise UserError(f"读不到申请信息文件 {args.file}，请检查路径。") from exc
    except ValueError as exc:
        raise UserError("申请信息不是有效的 JSON，请检查格式（可参考 docs 中的示例）。") from exc
    if not isinstance(raw, dict):
        raise UserError("申请信息应为一个 JSON 对象。")
    actor = ctx.cli_actor(args.user)
    with ctx.work(actor) as work:
        now = _now()
        case = services.open_case(work, raw, station_code=ctx.settings.station_code, now=now)
        summary = services.case_summary(work.session, case, now)
    if args.json:
        _print(summary)
    else:
        print(f"已受理：{summary['number']}  {summary['enterprise_name']}  查询码 {summary['tracking_code']}")
        print(f"办结时限：{summary['limit']}，截止 {_local(summary['deadline_at'])}")
    return 0


def _local(iso: str | None) -> str:
    from station.api import local_text

    return local_text(iso)


def cmd_step(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import services

    actor = ctx.cli_actor(args.user)
    with ctx.work(actor) as work:
        now = _now()
        step = services.set_step(work, args.case, args.step, args.status, note=args.note, uscc_code=args.uscc, now=now)
        case = services.find_case(work.session, step.case_uid)
        summary = services.case_summary(work.session, case, now)
    if args.json:
        _print(summary)
    else:
        name = next(s["name"] for s in summary["steps"] if s["code"] == step.step_code)
        print(f"{summary['number']} {name}：{services.STEP_STATUS[step.status]}")
        if summary["uscc"]:
            print(f"统一社会信用代码：{summary['uscc']}")
        if summary["status"] == "closed":
            print("全部环节已办结，开办件已办结。")
    return 0


def cmd_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text
    from station_startup import catalogue, services

    if args.step:
        catalogue.load().step(args.step)
    now = _now()
    with ctx.raw() as conn:
        flt = services.BoardFilter(clerk=args.clerk, include_closed=args.all or args.colour == "green")
        ids = services.board_ids(conn, flt)
        colours = services.board_colours(conn, now)
        ids = services.filter_by_colour(colours, ids, args.colour or "", args.step)
        rows = services.board_rows(conn, ids)
    steps = [s.code for s in catalogue.load().steps]
    items = []
    for case_id in ids:
        number, name, case_type, clerk, agent, deadline, started, status, uscc_code = rows[case_id]
        ranks = colours.get(case_id, (0,) * (len(steps) + 1))
        items.append(
            {
                "number": number,
                "enterprise_name": name,
                "case_type": case_type,
                "clerk": clerk,
                "agent": agent,
                "status": status,
                "uscc": uscc_code,
                "colour": services.RANKED[ranks[0]],
                "steps": {code: services.RANKED[r] for code, r in zip(steps, ranks[1:], strict=True)},
                "started_at": local_text(started.replace(" ", "T") + "+00:00"),
                "deadline_at": local_text(deadline.replace(" ", "T") + "+00:00"),
            }
        )
    if args.json:
        _print({"count": len(items), "cases": items})
        return 0
    marks = {"red": "红", "yellow": "黄", "green": "绿", "none": "  "}
    for item in items:
        mark = marks[item["colour"]]
        print(f"[{mark}] {item['number']}  {item['enterprise_name']}  截止 {item['deadline_at']}  {item['clerk']}")
    print(f"共 {len(items)} 件")
    return 0


def cmd_show(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import services
    from station_startup.ratings import ANSWER_STEPS as ratings_steps

    with ctx.read() as session:
        now = _now()
        summary = services.case_summary(session, services.find_case(session, args.case), now)
    if args.json:
        _print(summary)
        return 0
    print(f"{summary['number']}  {summary['enterprise_name']}（{summary['case_type_name']}）  {summary['status_text']}")
    print(f"受理 {_local(summary['started_at'])}  时限 {summary['limit']}  截止 {_local(summary['deadline_at'])}")
    for s in summary["steps"]:
        print(f"  {s['name']}（{s['department']}）：{s['status_text']}  截止 {_local(s['deadline_at'])}")
    for p in summary["papers"]:
        if p["status"] == "deferred":
            print(f"  容缺：{p['name']}，应于 {_local(p['due_at'])} 前补交{'（已逾期）' if p['overdue'] else ''}")
    for r in summary["ratings"]:
        done = "、".join(ratings_steps[s] for s in r["answers"])
        print(f"  评价：{r['stage_text']} {r['grade_text']}{'（' + r['comment'] + '）' if r['comment'] else ''}"
              + (f"  已{done}" if done else ""))  # fmt: skip
    return 0


def cmd_print(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import documents, services

    which = tuple(k.strip() for k in args.only.split(",") if k.strip()) or tuple(documents.MAKERS)
    now = _now()
    with ctx.read() as session:
        summary = services.case_summary(session, services.find_case(session, args.case), now)
    try:
        paths = documents.make(summary, Path(args.out), issuer=ctx.settings.station_name, now=now, which=which)
    except OSError as exc:
        raise UserError(f"无法写入文件夹 {args.out}，请换一个有写入权限的文件夹。") from exc
    if args.json:
        _print({"number": summary["number"], "files": [str(p) for p in paths]})
    else:
        for path in paths:
            print(path)
    return 0


def cmd_assign(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import services

    if args.clerk is None and args.agent is None:
        raise UserError("请用 --clerk 或 --agent 指定要分派给谁。")
    with ctx.work(ctx.cli_actor(args.user)) as work:
        case = services.assign(work, args.case, clerk=args.clerk, agent=args.agent)
        print(f"{case.number}：办事员 {case.clerk or '—'}，帮办代办专员 {case.agent or '—'}")
    return 0


def cmd_paper(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        paper = services.receive_paper(work, args.case, args.paper)
        print(f"已登记补交：{paper.name}")
    return 0


def cmd_rate(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import ratings, services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        case = services.find_case(work.session, args.case)
        # at the window the case's number is typed; later, anywhere, the receipt's tracking code
        channel = "window" if args.case.strip() in (case.number, case.uid) else "code"
        rating = ratings.rate(
            work, case.uid, args.grade, stage=args.stage, comment=args.comment, channel=channel,
            station_code=ctx.settings.station_code,
        )  # fmt: skip
        found: dict[str, Any] = {"number": case.number, "stage": rating.stage, "grade": rating.grade, "uid": rating.uid}
        due = rating.answer_due_at
    if args.json:
        _print({**found, "answer_due_at": due.isoformat() if due else None})
        return 0
    print(f"{found['number']}“{ratings.STAGES[found['stage']]}”环节：{ratings.GRADES[found['grade']]}，已记录。")
    if due:
        print(f"这是差评，请主管于 {_local(due.isoformat())} 前核实、整改并回访。")
    return 0


def cmd_answer(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import ratings

    with ctx.work(ctx.cli_actor(args.user)) as work:
        rating = ratings.find_rating(work.session, args.case, args.stage)
        ratings.answer(work, rating.uid, args.step, args.text)
    print(f"已记录{ratings.ANSWER_STEPS[args.step]}。")
    return 0


def cmd_bulletin(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import bulletin, bulletin_pdf

    now = _now()
    week = bulletin.Week.parse(args.week) if args.week else bulletin.last_full_week(now)
    with ctx.read() as session:
        found = bulletin.make(session, week, station_name=ctx.settings.station_name, now=now)
    if args.pdf:
        out = Path(args.pdf)
        if not out.parent.is_dir():
            raise UserError(f"文件夹 {out.parent} 不存在，请换一个保存位置。")
        try:
            bulletin_pdf.write(found, out)
        except OSError as exc:
            raise UserError(f"无法写入 {out}，请换一个有写入权限的位置。") from exc
    rows = bulletin_pdf.comparison_rows(found.this, found.last)
    if args.json:
        this = found.this
        _print(
            {
                "week": week.label,
                "colours": this.colours,
                "overdue_by_department": {d: len(v) for d, v in this.overdue_by_department.items()},
                "step_times": [
                    {"step": t.step, "done": t.done, "median_hours": t.median_hours, "limit_hours": t.limit_hours}
                    for t in this.step_times
                ],
                "comparison": [{"figure": r[0], "this_week": r[1], "last_week": r[2], "change": r[3]} for r in rows],
                "pdf": args.pdf,
            }
        )
        return 0
    print(f"企业开办每周通报 {week.title()}")
    for name, now_text, before, change in rows:
        print(f"  {name}：{now_text}（上周 {before}，{change}）")
    if args.pdf:
        print(f"已生成：{args.pdf}")
    return 0


def cmd_settings(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_startup import catalogue, services

    if args.limit or args.yellow_share is not None or args.answer_days is not None:
        with ctx.work(ctx.cli_actor(args.user)) as work:
            current = services.load_settings(work.session)
            limits = dict(current.limits)
            for item in args.limit:
                if "=" not in item:
                    raise UserError(f"“{item}”应写成 类型=时限，例如 limited_company=4h。")
                case_type, text = item.split("=", 1)
                limits[case_type.strip()] = services.parse_limit_text(text)
            share = current.yellow_share if args.yellow_share is None else args.yellow_share
            days = current.answer_days if args.answer_days is None else args.answer_days
            services.save_settings(work, services.StartupSettings(limits, share, days))
    with ctx.read() as session:
        settings = services.load_settings(session)
    cat = catalogue.load()
    result: dict[str, Any] = {
        "limits": {code: settings.limit_for(code).text() for code in cat.case_types},
        "yellow_share": settings.yellow_share,
        "answer_days": settings.answer_days,
    }
    if args.json:
        _print(result)
    else:
        for code, text in result["limits"].items():
            print(f"{cat.case_types[code].name}（{code}）：{text}")
        print(f"剩余时间不足 {settings.yellow_share:.0%} 时亮黄灯")
        print(f"不满意的评价须在 {settings.answer_days} 个工作日内核实、整改并回访")
    return 0


def _date(text: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"日期“{text}”的格式不对，请写成 2026-12-31。") from exc


def cmd_calendar(args: argparse.Namespace, ctx: StationContext) -> int:
    from dataclasses import replace

    from station.api import workcalendar

    changes = args.hours or args.close or args.open or args.clear
    if changes:
        with ctx.work(ctx.cli_actor(args.user)) as work:
            park = workcalendar.park_settings(work.session)
            closed, opened = set(park.closed), set(park.extra_workdays)
            for day in map(_date, args.clear):
                closed.discard(day)
                opened.discard(day)
            closed |= set(map(_date, args.close))
            opened |= set(map(_date, args.open))
            hours = park.hours
            if args.hours:
                hours = workcalendar.parse_hours(span.replace("–", "-").split("-") for span in args.hours.split(","))
            park = replace(park, hours=hours, closed=frozenset(closed - opened), extra_workdays=frozenset(opened))
            workcalendar.save_park_settings(work, park)
    with ctx.read() as session:
        park = workcalendar.park_settings(session)
    result = json.loads(park.to_json())
    result["sources"] = {str(y): s for y, s in sorted(workcalendar.national().sources.items())}
    if args.json:
        _print(result)
    else:
        print("工作时间：" + "，".join(f"{a}–{b}" for a, b in result["hours"]))
        print("园区加休：" + ("、".join(result["closed"]) or "无"))
        print("园区加班：" + ("、".join(result["extra_workdays"]) or "无"))
        for year, source in result["sources"].items():
            print(f"{year} 年节假日依据：{source}")
    return 0


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    return int(args.startup_action(args, ctx) or 0)
