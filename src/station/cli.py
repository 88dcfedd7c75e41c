"""The ``station`` command. With no subcommand it opens the application.

Every subcommand works non-interactively on a fresh data directory. Errors go to stderr as one
sentence with a non-zero exit code; the details go to the log in the data directory.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station import __version__
from station.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.contributions import CliCommand
    from station.core.context import StationContext

log = logging.getLogger("station.cli")

EXIT_UNEXPECTED = 70


def _print_json(value: Any) -> None:
    import json

    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# -- subcommands --------------------------------------------------------------------------------


def _no_display() -> bool:
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace, ctx: StationContext) -> int:
    if _no_display():  # Qt would abort the process with a message in English
        raise UserError("这台电脑没有图形界面，无法打开程序窗口。请在桌面上运行，或用 station --help 查看命令行功能。")
    from station.shell.app import run

    return run(ctx, page=getattr(args, "page", None))


def cmd_demo(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core.demo import fill_demo

    for line in fill_demo(ctx, ctx.cli_actor(args.user), seed=args.seed):
        print(line)
    print(f"演示数据已就绪：{ctx.data_dir}")
    if args.no_gui:
        return 0
    return cmd_gui(args, ctx)


def cmd_enterprise_import(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import enterprise_import

    actor = ctx.cli_actor(args.user)

    def progress(rows: int, share: float | None) -> None:
        if not args.json:
            read = f"（约 {share:.0%}）" if share is not None and share < 1 else ""
            print(f"  已处理 {rows} 行{read}…", file=sys.stderr)

    with ctx.work(actor) as work:
        report = enterprise_import.import_file(work, Path(args.file), progress)
    if args.bad_rows and report.bad:
        enterprise_import.write_bad_rows(report, Path(args.bad_rows))
    if args.json:
        _print_json(report.as_dict())
    else:
        print(report.summary())
        for bad in report.bad[: args.show_bad]:
            print(f"  第 {bad.row} 行 {bad.uscc}：{bad.reason}")
        if report.bad_count > args.show_bad:
            print(f"  …另有 {report.bad_count - args.show_bad} 行有问题（用 --bad-rows 保存到文件）")
    return 0 if not report.bad_count else 2


def cmd_enterprise_template(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import enterprise_import

    print(enterprise_import.write_template(Path(args.path)))
    return 0


def cmd_enterprise_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import enterprises
    from station.core.identity import require

    require(ctx.cli_actor(args.user), "enterprise.view", "查看企业信息")
    with ctx.read() as session:
        ids = enterprises.search_ids(session, args.search or "", limit=args.limit)
        rows = enterprises.rows_for(session, ids)
    items = []
    for eid in ids:
        uscc, name, legal_rep, industry_code, zone, stage, capital = rows[eid]
        items.append(
            {
                "id": eid,
                "uscc": uscc,
                "name": name,
                "legal_rep": legal_rep,
                "industry_code": industry_code,
                "zone": zone,
                "stage": stage,
                "stage_label": enterprises.STAGES.get(stage, stage),
                "registered_capital_wan": enterprises.format_capital(capital),
            }
        )
    if args.json:
        _print_json(items)
    else:
        for item in items:
            print(f"{item['uscc']}  {item['name']}  {item['legal_rep']}  {item['zone']}  {item['stage_label']}")
        print(f"共 {len(items)} 家", file=sys.stderr)
    return 0


def cmd_db_upgrade(args: argparse.Namespace, ctx: StationContext) -> int:
    ctx.open()
    report = ctx.upgrade_report
    if report and report.upgraded:
        print(f"数据库已升级：{', '.join(report.before) or '空库'} → {', '.join(report.after)}")
        if report.backup:
            print(f"升级前的备份：{report.backup}")
    else:
        print("数据库已是最新版本。")
    return 0


def cmd_db_backup(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import backup

    ctx.open()
    target = Path(args.path) if args.path else ctx.backups_dir
    made = backup.backup(ctx.db_path, target)
    with ctx.work(ctx.cli_actor(args.user)) as work:
        work.audit("db.backup", "database", ctx.db_path.name, None, {"target": str(made)})
    print(made)
    return 0


def cmd_db_restore(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import backup, schema

    ctx.open()
    actor = ctx.cli_actor(args.user)
    from station.core.roles import require

    require(actor, "db.restore", "恢复数据库")
    branches = ctx.migration_branches()
    saved = backup.restore(
        Path(args.path),
        ctx.db_path,
        ctx.backups_dir,
        prepare=lambda candidate: schema.upgrade(candidate, branches, ctx.backups_dir),
    )
    ctx.close()
    with ctx.work(actor) as work:
        work.audit("db.restore", "database", ctx.db_path.name, {"replaced_copy": str(saved)}, {"from": args.path})
    print(f"已从 {args.path} 恢复。恢复前的数据库已备份到 {saved}")
    return 0


def cmd_audit_verify(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import audit
    from station.core.sync import client

    with ctx.read() as session:
        verdict = audit.verify(session)
    anchored = client.check_anchor(ctx)  # a log cut short and re-chained passes alone: the hall's anchor tells
    problems = verdict.problems + ([anchored.problem] if anchored.problem else [])
    ok = not problems
    if args.json:
        anchor = anchored.anchor
        _print_json(
            {
                "ok": ok,
                "count": verdict.count,
                "problems": problems,
                "anchor": None if anchor is None else {**vars(anchor), "asked_hall": anchored.asked_hall},
            }
        )
    elif ok:
        print(f"审计日志完整：共 {verdict.count} 条记录，哈希链校验通过。{anchored.sentence()}")
    else:
        print(f"审计日志校验未通过（共 {verdict.count} 条），可能被篡改：", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print(f"  {anchored.sentence()}", file=sys.stderr)
    return 0 if ok else 1


def cmd_users_add(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import identity

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if not password:
        raise UserError("请通过标准输入提供密码：echo 密码 | station users add 用户名 --role clerk --password-stdin")
    from station.core import people

    with ctx.work(ctx.cli_actor(args.user)) as work:
        people.add_user(
            work,
            username=args.username,
            display_name=args.display_name or args.username,
            role=args.role,
            password=password,
        )
    print(f"已添加用户 {args.username}（{identity.ROLES[args.role]}）。")
    return 0


def cmd_users_list(args: argparse.Namespace, ctx: StationContext) -> int:
    from sqlalchemy import select

    from station.core.identity import ROLES, User

    with ctx.read() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
    items = [
        {"username": u.username, "display_name": u.display_name, "role": u.role, "active": u.active} for u in users
    ]
    if args.json:
        _print_json(items)
    else:
        for u in items:
            print(f"{u['username']:<16}{u['display_name']:<10}{ROLES[u['role']]}{'' if u['active'] else '（停用）'}")
    return 0


def cmd_plugins(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.contributions import Page

    pages = ctx.host.collect("register_pages", Page)
    items = [
        {
            "name": p.name,
            "status": p.status,
            "distribution": p.distribution,
            "version": p.version,
            "module": p.module,
            "error": p.error,
            "pages": [pg.key for pg in pages if pg.plugin == p.name],
        }
        for p in ctx.host.plugins.values()
    ]
    if args.json:
        _print_json(items)
    else:
        width = max((len(p["name"]) for p in items), default=0) + 2  # a long name never runs into its status
        for p in items:
            line = f"{p['name']:<{width}}{p['status']:<10}{p['distribution']} {p['version']}"
            print(line + (f"  错误：{p['error']}" if p["error"] else ""))
    return 0


def cmd_plugins_add(args: argparse.Namespace, ctx: StationContext) -> int:
    from station import plugin_wheels

    # Only the plugins folder changes now; the database is upgraded (after a backup) at the next start.
    added = plugin_wheels.add(Path(args.file), ctx.plugins_dir)
    log.info("plugin %s %s added from %s (%s)", added.distribution, added.version, args.file, added.plugins)
    verb = "已更新" if added.replaced else "已添加"
    print(
        f"{verb}插件“{'、'.join(added.plugins)}”（{added.distribution} {added.version}）。"
        "下次启动程序时生效：如需升级数据库，会先自动备份。"
    )
    return 0


def cmd_plugins_remove(args: argparse.Namespace, ctx: StationContext) -> int:
    from station import plugin_wheels

    removed = plugin_wheels.remove(args.name, ctx.plugins_dir)
    log.info("plugin %s removed", removed)
    print(f"已移除插件 {removed}。它在数据库中的数据保留不动，重新添加后即可继续使用。")
    return 0


# -- parser -------------------------------------------------------------------------------------


def build_parser(plugin_commands: Sequence[CliCommand] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station", description="园区企业服务站 Park Service Station")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认为用户数据目录，或环境变量 STATION_DATA_DIR）")
    parser.add_argument("--user", help="以该用户的身份执行并记入审计日志（默认为系统用户）")
    parser.add_argument("-v", "--verbose", action="store_true", help="在终端输出详细日志")
    parser.set_defaults(run=cmd_gui, page=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = sub.add_parser("gui", help="打开程序窗口（默认）")
    gui.add_argument("--page", help="打开后显示的页面，如 enterprises")
    gui.set_defaults(run=cmd_gui)

    demo = sub.add_parser("demo", help="在数据目录中生成演示园区数据，然后打开程序")
    demo.add_argument("--no-gui", action="store_true", help="只生成数据，不打开窗口")
    demo.add_argument("--seed", type=int, default=20261122, help="随机种子（同一种子生成同样的数据）")
    demo.set_defaults(run=cmd_demo)

    ent = sub.add_parser("enterprise", help="企业名录").add_subparsers(metavar="ACTION", required=True)
    imp = ent.add_parser("import", help="从 CSV 或 XLSX 导入企业（按统一社会信用代码新增或更新）")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--show-bad", type=int, default=20, help="列出的问题行数")
    imp.add_argument("--bad-rows", metavar="OUT.csv", help="把有问题的行写入 CSV 文件，便于改正后重新导入")
    imp.set_defaults(run=cmd_enterprise_import)
    lst = ent.add_parser("list", help="列出或搜索企业")
    lst.add_argument("--search", help="名称片段、信用代码或法定代表人")
    lst.add_argument("--limit", type=int, default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(run=cmd_enterprise_list)
    tpl = ent.add_parser("template", help="生成导入模板（文件名以 .xlsx 结尾时为 Excel 工作簿，否则为 CSV）")
    tpl.add_argument("path")
    tpl.set_defaults(run=cmd_enterprise_template)

    db = sub.add_parser("db", help="数据库").add_subparsers(metavar="ACTION", required=True)
    db.add_parser("upgrade", help="升级数据库结构（升级前自动备份）").set_defaults(run=cmd_db_upgrade)
    bk = db.add_parser("backup", help="备份数据库（程序运行时也可安全执行）")
    bk.add_argument("path", nargs="?", help="备份文件或目录（默认为数据目录下的 backups）")
    bk.set_defaults(run=cmd_db_backup)
    rs = db.add_parser("restore", help="从备份恢复数据库（先自动备份当前数据库）")
    rs.add_argument("path", help="备份文件")
    rs.set_defaults(run=cmd_db_restore)

    aud = sub.add_parser("audit", help="审计日志").add_subparsers(metavar="ACTION", required=True)
    ver = aud.add_parser("verify", help="校验审计日志的哈希链")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(run=cmd_audit_verify)

    users = sub.add_parser("users", help="用户").add_subparsers(metavar="ACTION", required=True)
    add = users.add_parser("add", help="添加用户")
    add.add_argument("username")
    add.add_argument("--role", choices=["clerk", "supervisor", "admin"], required=True)
    add.add_argument("--display-name")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    add.set_defaults(run=cmd_users_add)
    ul = users.add_parser("list", help="列出用户")
    ul.add_argument("--json", action="store_true")
    ul.set_defaults(run=cmd_users_list)

    plg = sub.add_parser("plugins", help="列出插件及其状态；添加或移除后来安装的插件")
    plg.add_argument("--json", action="store_true")
    plg.set_defaults(run=cmd_plugins)
    plg_actions = plg.add_subparsers(metavar="ACTION")
    plg_add = plg_actions.add_parser("add", help="从插件安装包（.whl）添加插件，下次启动时生效")
    plg_add.add_argument("file")
    plg_add.set_defaults(run=cmd_plugins_add)
    plg_remove = plg_actions.add_parser("remove", help="移除后来添加的插件（数据库中的数据保留）")
    plg_remove.add_argument("name")
    plg_remove.set_defaults(run=cmd_plugins_remove)

    from station.contributions import loaded
    from station.hall import cli as hall_cli

    hall_sub = hall_cli.configure(sub)

    for command in plugin_commands:
        cmd_parser = (hall_sub if command.parent == "hall" else sub).add_parser(command.name, help=command.help)
        loaded(command.configure)(cmd_parser)
        cmd_parser.set_defaults(run=loaded(command.run))
    return parser


def _builtin_commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from station.core.context import StationContext

    # The data directory decides which plugins are disabled, and plugins add subcommands: peek first.
    # Plugins load only for a command that is not built in (or for --help), so opening the
    # application does not wait for them before its window paints.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--user")
    pre.add_argument("-v", "--verbose", action="store_true")
    pre.add_argument("rest", nargs=argparse.REMAINDER)
    known = pre.parse_known_args(argv)[0]
    ctx = StationContext(known.data_dir)
    command = next((token for token in known.rest if not token.startswith("-")), None)
    wants_help = any(token in ("-h", "--help") for token in argv)
    parser = build_parser()
    # ``hall`` too: plugins add hall actions (and the hall needs them loaded anyway).
    if wants_help or (command is not None and (command == "hall" or command not in _builtin_commands(parser))):
        from station.contributions import CliCommand

        parser = build_parser(ctx.host.collect("register_cli_commands", CliCommand))
    args = parser.parse_args(argv)
    ctx.setup_logging()
    if args.verbose:
        logging.getLogger().addHandler(logging.StreamHandler())
    try:
        return int(args.run(args, ctx) or 0)
    except UserError as exc:
        log.warning("command failed: %s (%s)", exc.message, exc.detail or "")
        print(f"错误：{exc.message}", file=sys.stderr)
        if exc.command:
            print(f"命令：{exc.command}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断，本次操作没有保存。", file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in %s", argv)
        print(
            f"出现意外错误，操作没有完成。详情已写入日志 {ctx.logs_dir / 'station.log'}，请联系技术支持。",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
