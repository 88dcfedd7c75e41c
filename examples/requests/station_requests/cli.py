"""``station requests …``: record a request, follow it up, close it, list and export them."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from station.api import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def configure(parser: argparse.ArgumentParser) -> None:
    # Kinds, days and verdicts are checked by the services, not by argparse: its refusals are in English.
    sub = parser.add_subparsers(metavar="ACTION", required=True)

    new = sub.add_parser("new", help="记录一件企业诉求")
    new.add_argument("--uscc", required=True, help="企业的统一社会信用代码（须已在企业名录中）")
    new.add_argument("--kind", required=True, help="类别：用地、用工、融资、审批、其他")
    new.add_argument("--text", required=True, help="诉求内容；写 - 则从标准输入读取（适合长文本）")
    new.add_argument("--due-days", default="5", help="办理时限，工作日（1–60，默认 5），按园区工作日历计算")
    new.add_argument("--department", default="", help="承办部门（默认按类别）")
    new.add_argument("--json", action="store_true")
    new.add_argument("--user")
    new.set_defaults(requests_action=cmd_new)

    lst = sub.add_parser("list", help="诉求清单（默认只列未办结的）")
    lst.add_argument("--all", action="store_true", help="包括已办结的")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(requests_action=cmd_list)

    show = sub.add_parser("show", help="查看一件诉求及其跟进记录")
    show.add_argument("number", help="诉求编号")
    show.add_argument("--json", action="store_true")
    show.set_defaults(requests_action=cmd_show)

    follow = sub.add_parser("follow", help="记录一次跟进")
    follow.add_argument("number", help="诉求编号")
    follow.add_argument("--text", required=True, help="跟进情况")
    follow.add_argument("--user")
    follow.set_defaults(requests_action=cmd_follow)

    close = sub.add_parser("close", help="办结一件诉求")
    close.add_argument("number", help="诉求编号")
    close.add_argument("--answer", required=True, help="给企业的答复；写 - 则从标准输入读取")
    close.add_argument("--satisfaction", required=True, help="企业满意度：满意、基本满意、不满意")
    close.add_argument("--json", action="store_true")
    close.add_argument("--user")
    close.set_defaults(requests_action=cmd_close)

    export = sub.add_parser("export", help="导出全部诉求为 CSV（可用 Excel 打开）")
    export.add_argument("file", help="保存的文件名，如 诉求.csv")
    export.set_defaults(requests_action=cmd_export)


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    return int(args.requests_action(args, ctx))


def _print(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _text(value: str) -> str:
    """The text given, or standard input for "-". Bytes that are not UTF-8 are kept as lone surrogates, exactly
    as in arguments, so the services refuse them with a sentence instead of the command failing to decode."""
    if value != "-":
        return value
    import sys

    return sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape")


def cmd_new(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local, utcnow
    from station_requests import services

    actor = ctx.cli_actor(args.user)
    now = utcnow()
    with ctx.work(actor) as work:
        request = services.open_request(
            work,
            code=args.uscc,
            kind=args.kind,
            text=_text(args.text),
            days=args.due_days,
            department=args.department,
            station_code=ctx.settings.station_code,
            now=now,
        )
        found = services.as_dict(request, now)
    if args.json:
        _print(found)
    else:
        due = local(request.due_at)
        print(f"已记录诉求 {found['number']}（{found['enterprise_name']}），转{found['department']}办理，")
        print(f"应于 {due:%Y-%m-%d %H:%M} 前答复企业（{found['due_days']} 个工作日）。")
    return 0


def cmd_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text, utcnow
    from station_requests import services

    now = utcnow()
    with ctx.read() as session:
        found = [services.as_dict(r, now) for r in services.listing(session, "all" if args.all else "open")]
    if args.json:
        _print(found)
        return 0
    if not found:
        print("没有未办结的企业诉求。" if not args.all else "还没有企业诉求。")
    for r in found:
        print(f"{r['number']}  {r['status_text']:<4}  {r['kind']}  {r['enterprise_name']}  {r['department']}  "
              f"期限 {local_text(r['due_at'])[:16]}")  # fmt: skip
    return 0


def cmd_show(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text, utcnow
    from station_requests import services

    with ctx.read() as session:
        request = services.find(session, args.number)
        found = services.as_dict(request, utcnow())
        found["history"] = [
            {"at": line.at.isoformat(), "by": line.by, "kind": line.kind, "text": line.text}
            for line in services.history(session, request.uid)
        ]
    if args.json:
        _print(found)
        return 0
    print(f"{found['number']}  {found['enterprise_name']}（{found['uscc']}）  {found['kind']}  {found['status_text']}")
    print(found["text"])
    print(f"承办部门：{found['department']}，办理期限：{local_text(found['due_at'])[:16]}")
    if found["answer"]:
        print(f"答复（企业{found['satisfaction']}）：{found['answer']}")
    for line in found["history"]:
        print(f"  {local_text(line['at'])[:16]}  {line['by']}  {line['text']}")
    return 0


def cmd_follow(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_requests import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        services.follow_up(work, args.number, args.text)
    print(f"已记录诉求 {args.number.strip().upper()} 的跟进情况。")
    return 0


def cmd_close(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import utcnow
    from station_requests import services

    now = utcnow()
    with ctx.work(ctx.cli_actor(args.user)) as work:
        request = services.close_request(
            work, args.number, answer=_text(args.answer), satisfaction=args.satisfaction, now=now
        )
        found = services.as_dict(request, now)
    if args.json:
        _print(found)
    else:
        print(f"诉求 {found['number']}（{found['enterprise_name']}）已办结，企业{found['satisfaction']}。")
    return 0


def cmd_export(args: argparse.Namespace, ctx: StationContext) -> int:
    from pathlib import Path

    from station.api import csv_safe, local_text, utcnow
    from station_requests import services

    now = utcnow()
    with ctx.read() as session:
        found = [services.as_dict(r, now) for r in services.listing(session, "all")]
    header = ["编号", "企业", "统一社会信用代码", "类别", "诉求内容", "承办部门", "受理时间", "办理期限", "状态",
              "答复", "满意度"]  # fmt: skip
    rows = [
        [r["number"], r["enterprise_name"], r["uscc"], r["kind"], r["text"], r["department"],
         local_text(r["raised_at"]), local_text(r["due_at"]), r["status_text"], r["answer"], r["satisfaction"]]
        for r in found
    ]  # fmt: skip
    try:
        # Through csv_safe: a request typed as "=HYPERLINK(…)" stays text on whoever opens the file.
        csv_safe.write_csv(Path(args.file), header, rows)
    except OSError as exc:
        raise UserError(f"无法写入文件“{Path(args.file).name}”，请换一个文件夹或文件名。", detail=str(exc)) from exc
    print(f"已导出 {len(rows)} 件诉求到 {Path(args.file).name}。")
    return 0
