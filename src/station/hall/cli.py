"""``station hall …``: run the hall and manage the stations it knows."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext


def _store(args: argparse.Namespace, ctx: StationContext):  # -> HallStore
    from sqlalchemy import exc

    from station.errors import UserError
    from station.hall.store import HallStore, default_url

    try:
        store = HallStore(args.db or default_url(ctx.data_dir))
        store.migrate()
    except (exc.ArgumentError, exc.NoSuchModuleError) as error:
        raise UserError(
            "数据库地址的写法不对，请按 postgresql+psycopg://用户名@服务器/数据库名 的格式填写。", detail=str(error)
        ) from error
    except (exc.OperationalError, exc.InterfaceError) as error:
        raise UserError(
            "连接不上服务大厅的数据库。请确认数据库服务器已启动、地址、端口和用户名正确，然后再试。", detail=str(error)
        ) from error
    return store


def _listen(host: str, port: int):  # -> socket.socket
    """Bind the port before saying the hall is up (uvicorn would only log a bind failure in English).

    The socket is made as TCP by name, with Nagle's algorithm off: asyncio turns it off only on connections
    whose socket says TCP, and ``socket.create_server`` leaves that unsaid. With it on, every answer after a
    connection's first waited 40 ms for the station's delayed acknowledgement (uvicorn writes an answer's
    head and body separately): a sync of a few rows spent most of its time so."""
    import socket

    from station.errors import UserError

    sock = None
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)[0]
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        if os.name == "posix":  # as create_server: rebind at once after a restart (on Windows it would share)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(address)
        sock.listen(2048)
        return sock
    except OSError as error:
        if sock is not None:
            sock.close()
        raise UserError(
            f"无法在 {host} 的 {port} 端口上启动服务大厅：端口可能已被占用或地址不属于本机。"
            "请换一个端口（--port）后再试。",
            detail=str(error),
        ) from error


def cmd_serve(args: argparse.Namespace, ctx: StationContext) -> int:
    import uvicorn

    from station.hall import trust
    from station.hall.app import create_app

    trust.configure(ctx.data_dir / "hall")  # the hall's signing key lives beside its default database
    store = _store(args, ctx)
    sock = _listen(args.host, args.port)
    print(f"服务大厅已启动：http://{args.host}:{args.port}（数据库 {store.engine.url.render_as_string()}）", flush=True)
    print(f"控制台 http://{args.host}:{args.port}/console ，企业服务窗口 http://{args.host}:{args.port}/e/", flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning", workers=1))
    server.run(sockets=[sock])
    return 0


def _actor(args: argparse.Namespace) -> str:
    """Who ran a hall command, for the hall's log (``station --user NAME hall …``)."""
    return getattr(args, "user", None) or "命令行"


def cmd_add_station(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.hall import journal, stations

    store = _store(args, ctx)
    with store.session() as session, session.begin():
        token = stations.add_station(session, args.code, args.name)
        journal.record(session, _actor(args), "station.add", args.code.upper(),
                       f"为服务站“{args.name}”生成了一次性登记码。")  # fmt: skip
    store.dispose()
    if args.json:
        print(json.dumps({"station_code": args.code.upper(), "token": token}, ensure_ascii=False))
    else:
        print(f"服务站 {args.code.upper()}（{args.name}）的一次性登记码（24 小时内有效）：\n{token}")
    return 0


def cmd_revoke_station(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.hall import journal, stations, trust

    store = _store(args, ctx)
    trust.configure(ctx.data_dir / "hall")
    with store.session() as session, session.begin():  # locked out and its keys ended, together
        station, ended = stations.retire(session, _tables(ctx), args.code)
        journal.record(session, _actor(args), "station.revoke", station.code, f"停用了服务站“{station.name}”。")
    store.dispose()
    print(f"服务站 {station.code} 已停用，它的凭据从此不能再访问服务大厅。")
    if ended:
        print("它的签名密钥自此失效：此后用它签发的执照在各服务站核验时不会通过，此前签发的不受影响。")
    return 0


def _tables(ctx: StationContext) -> dict[str, Any]:
    from station.contributions import SyncedTable

    return {t.name: t for t in ctx.host.collect("register_synced_tables", SyncedTable)}


def cmd_review(args: argparse.Namespace, ctx: StationContext) -> int:
    """The changes waiting for the hall's supervisor; with an id, apply or dismiss one."""
    from station.hall import events, journal, review, trust

    store = _store(args, ctx)
    trust.configure(ctx.data_dir / "hall")  # an applied change may republish a signed list
    tables = _tables(ctx)
    if args.id is None:
        with store.session() as session:
            found = [review.as_dict(c) for c in review.waiting(session, include_decided=args.all)]
        store.dispose()
        if args.json:
            print(json.dumps(found, ensure_ascii=False))
        elif not found:
            print("没有等待服务大厅审核的改动。")
        for c in [] if args.json else found:
            state = "" if c["status"] == "open" else f"（已{'采纳' if c['status'] == 'applied' else '驳回'}）"
            print(f"[{c['id']}] 服务站 {c['station']} · {c['table']} · {c['created_at'][:16]}{state}")
            print(f"    {c['reason']}")
        return 0
    if args.apply == args.dismiss:
        from station.errors import UserError

        raise UserError("请指明采纳（--apply）还是驳回（--dismiss）这次改动。")
    by = args.user or "hall-supervisor"
    with store.session() as session, session.begin():
        conflict = review.decide(
            session,
            tables,
            args.id,
            apply=args.apply,
            by=by,
            note=args.reason or "",
            after_apply=events.announce(ctx.host, session, tables),
        )
        verb = "采纳" if conflict.status == "applied" else "驳回"
        journal.record(session, by, f"review.{'apply' if args.apply else 'dismiss'}", str(conflict.id),
                       f"{verb}了服务站 {conflict.station} 的一次改动。理由：{args.reason or ''}")  # fmt: skip
    store.dispose()
    verb = "采纳，各服务站下次同步时会收到" if conflict.status == "applied" else "驳回，服务大厅的版本保持不变"
    print(f"服务站 {conflict.station} 的这次改动已{verb}。")
    return 0


def cmd_users(args: argparse.Namespace, ctx: StationContext) -> int:
    """``hall users add NAME --role …`` (the password from stdin or asked twice) and ``hall users list``."""
    from station.errors import UserError
    from station.hall import journal, users

    store = _store(args, ctx)
    if args.action == "list":
        with store.session() as session:
            found = [(u.username, u.display_name, users.ROLES.get(u.role, u.role), u.active)
                     for u in users.listed(session)]  # fmt: skip
        store.dispose()
        for username, display, role, active in found:
            print(f"{username}\t{display}\t{role}{'' if active else '（已停用）'}")
        if not found:
            print("服务大厅还没有控制台用户。用 station hall users add 添加。")
        return 0
    if not args.username or not args.role:
        raise UserError("请写明用户名和角色（--role operator 或 supervisor）。")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass("密码：")
        if getpass.getpass("再输入一次：") != password:
            raise UserError("两次输入的密码不一致，请重新添加。")
    with store.session() as session, session.begin():
        user = users.add(session, args.username, args.role, password, args.display_name or "")
        label, name = users.ROLES[user.role], user.username
        journal.record(session, _actor(args), "user.add", name, f"开设或重设了控制台用户 {name}（{label}）。")
    store.dispose()
    print(f"已添加服务大厅控制台用户 {name}（{label}）。")
    return 0


def cmd_digest(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.hall import sync

    store = _store(args, ctx)
    with store.session() as session:
        value, rows = sync.digest(session, _tables(ctx))
        last = sync.last_seq(session)
    store.dispose()
    if args.json:
        print(json.dumps({"digest": value, "rows": rows, "last_seq": last}))
    else:
        print(f"{value}（{rows} 行，变更序号至 {last}）")
    return 0


def cmd_sync(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core.sync import client

    if args.action == "status":
        state = client.status(ctx)
        if args.json:
            print(json.dumps(state, ensure_ascii=False))
        else:
            print(
                f"待上传 {state['pending']} 条，游标 {state['cursor']}，待审核冲突 {state['conflicts']} 条，"
                f"上次同步 {state['last_sync_at'] or '从未'}；摘要 {state['digest']}"
            )
        return 0
    report = client.run(ctx)
    if args.json:
        print(json.dumps(report.as_dict()))
    else:
        print(report.summary())
    return 0


def cmd_enroll(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.core import enrolment

    credential = enrolment.enroll(ctx.data_dir, args.url, args.token)
    ctx.settings.station_code = credential.station_code
    ctx.settings.station_name = credential.station_name
    ctx.settings.save(ctx.data_dir)
    from station.core import backup, meta

    with ctx.work(ctx.cli_actor(args.user)) as work:
        before = meta.get(work.session, backup.STATION_KEY)
        meta.put(work.session, backup.STATION_KEY, credential.station_code)  # a backup knows whose it is
        work.audit(
            "station.enroll",
            "station",
            credential.station_code,
            {"station": before} if before else None,
            {"hall": credential.url, "station": credential.station_code},
        )
    print(f"本站已登记为 {credential.station_code}（{credential.station_name}），服务大厅 {credential.url}")
    _fetch_hall_key(ctx, credential)
    return 0


def _fetch_hall_key(ctx: StationContext, credential: Any) -> None:
    """Keep the hall's public key (so the station can check the signed trust lists) and have the hall
    certify this station's signing key, at enrolment. Enrolment stands even if this fails: ``station
    license key`` (or the first issue while the hall is reachable) does it again."""
    from station.core import station_key
    from station.errors import UserError

    try:
        station_key.fetch_hall_key(ctx.data_dir, credential)
        station_key.request_certificate(ctx.data_dir, credential)
    except UserError as exc:
        print(f"暂未完成签名密钥认证：{exc.message} 稍后可运行 station license key 重试。", file=sys.stderr)
    else:
        print("已取得服务大厅的公钥并认证了本站的签名密钥：可以签发执照，也可离线核验执照。")


def configure(sub: Any) -> Any:
    """Add ``hall`` and its actions to ``sub``; returns the hall's own subparsers, where plugins' hall
    commands (``CliCommand(parent="hall")``) go."""
    hall = sub.add_parser("hall", help="服务大厅（中心端）").add_subparsers(metavar="ACTION", required=True)
    db_help = "数据库地址，如 postgresql+psycopg://user@host/db（默认为数据目录下 hall/hall.db）"
    serve = hall.add_parser("serve", help="运行服务大厅的 HTTP 服务")
    serve.add_argument("--db", help=db_help)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.set_defaults(run=cmd_serve)
    add = hall.add_parser("add-station", help="添加服务站并生成一次性登记码")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--db", help=db_help)
    add.add_argument("--json", action="store_true")
    add.set_defaults(run=cmd_add_station)
    revoke = hall.add_parser("revoke-station", help="停用服务站（它的凭据立即失效）")
    revoke.add_argument("code")
    revoke.add_argument("--db", help=db_help)
    revoke.set_defaults(run=cmd_revoke_station)
    rev = hall.add_parser("review", help="等待服务大厅审核的改动（他站的记录、只可追加的记录）：列出、采纳或驳回")
    rev.add_argument("id", nargs="?", type=int, help="要处理的改动编号")
    rev.add_argument("--apply", action="store_true", help="采纳：服务大厅以自己的名义发布这次改动")
    rev.add_argument("--dismiss", action="store_true", help="驳回：服务大厅的版本保持不变")
    rev.add_argument("--reason", help="处理理由（必填，与决定一起留存）")
    rev.add_argument("--all", action="store_true", help="也列出已处理的")
    rev.add_argument("--db", help=db_help)
    rev.add_argument("--json", action="store_true")
    rev.set_defaults(run=cmd_review)
    usr = hall.add_parser("users", help="服务大厅控制台的用户：添加（值班员或主管）、列出")
    usr.add_argument("action", choices=["add", "list"])
    usr.add_argument("username", nargs="?", help="用户名，如 wang.li")
    usr.add_argument("--role", choices=["operator", "supervisor"], help="operator：值班员；supervisor：主管")
    usr.add_argument("--display-name", help="显示的姓名")
    usr.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    usr.add_argument("--db", help=db_help)
    usr.set_defaults(run=cmd_users)
    dig = hall.add_parser("digest", help="服务大厅同步数据的摘要（与各站的 station sync status 对照）")
    dig.add_argument("--db", help=db_help)
    dig.add_argument("--json", action="store_true")
    dig.set_defaults(run=cmd_digest)

    sync = sub.add_parser("sync", help="与服务大厅同步（先上传后下载，可随时中断后重跑）")
    sync.add_argument("action", nargs="?", choices=["status"], help="status：只显示同步状态")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(run=cmd_sync)

    enroll = sub.add_parser("enroll", help="用服务大厅给的登记码登记本站")
    enroll.add_argument("url", help="服务大厅地址，如 https://hall.example:8750")
    enroll.add_argument("token", help="一次性登记码")
    enroll.set_defaults(run=cmd_enroll)
    return hall
