"""``station hall …``: run the hall and manage the stations it knows."""

from __future__ import annotations

import argparse
import json
from typing import Any


def _store(args: argparse.Namespace, ctx: Any):  # -> HallStore
    from station.hall.store import HallStore, default_url

    store = HallStore(args.db or default_url(ctx.data_dir))
    store.migrate()
    return store


def cmd_serve(args: argparse.Namespace, ctx: Any) -> int:
    import uvicorn

    from station.hall.app import create_app

    store = _store(args, ctx)
    print(f"服务大厅已启动：http://{args.host}:{args.port}（数据库 {store.engine.url.render_as_string()}）", flush=True)
    uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="warning", workers=1)
    return 0


def cmd_add_station(args: argparse.Namespace, ctx: Any) -> int:
    from station.hall import stations

    store = _store(args, ctx)
    with store.session() as session, session.begin():
        token = stations.add_station(session, args.code, args.name)
    store.dispose()
    if args.json:
        print(json.dumps({"station_code": args.code.upper(), "token": token}, ensure_ascii=False))
    else:
        print(f"服务站 {args.code.upper()}（{args.name}）的一次性登记码（24 小时内有效）：\n{token}")
    return 0


def cmd_revoke_station(args: argparse.Namespace, ctx: Any) -> int:
    from station.hall import stations

    store = _store(args, ctx)
    with store.session() as session, session.begin():
        station = stations.revoke(session, args.code)
    store.dispose()
    print(f"服务站 {station.code} 已停用，它的凭据从此不能再访问服务大厅。")
    return 0


def cmd_enroll(args: argparse.Namespace, ctx: Any) -> int:
    from station.core import enrolment

    credential = enrolment.enroll(ctx.data_dir, args.url, args.token)
    ctx.settings.station_code = credential.station_code
    ctx.settings.station_name = credential.station_name
    ctx.settings.save(ctx.data_dir)
    with ctx.work(ctx.cli_actor(args.user)) as work:
        work.audit("station.enroll", "station", credential.station_code, None, {"hall": credential.url})
    print(f"本站已登记为 {credential.station_code}（{credential.station_name}），服务大厅 {credential.url}")
    return 0


def configure(sub: Any) -> None:
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

    enroll = sub.add_parser("enroll", help="用服务大厅给的登记码登记本站")
    enroll.add_argument("url", help="服务大厅地址，如 https://hall.example:8750")
    enroll.add_argument("token", help="一次性登记码")
    enroll.set_defaults(run=cmd_enroll)
