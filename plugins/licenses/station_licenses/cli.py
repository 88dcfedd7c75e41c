"""``station license …``: the catalogue, issuing, revoking, printing and verifying licences, and the key."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.api import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def _json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="license_action", metavar="ACTION", required=True)
    kinds = sub.add_parser("kinds", help="许可证种类目录")
    kinds.add_argument("--json", action="store_true")

    issue = sub.add_parser("issue", help="载入许可证并签发一照通执照（同一企业此前的执照随之换发作废）")
    issue.add_argument("--uscc", required=True, help="企业的统一社会信用代码")
    issue.add_argument(
        "--permit", action="append", default=[], metavar="KIND:NUMBER:EXPIRY", help="许可证：种类代码:证号:有效期至"
    )
    issue.add_argument("--pdf", metavar="OUT.pdf", help="同时生成执照 PDF")
    issue.add_argument("--json", action="store_true")

    revoke = sub.add_parser("revoke", help="吊销执照（审核员）")
    revoke.add_argument("number")
    revoke.add_argument("--reason", required=True)
    revoke.add_argument("--json", action="store_true")

    prt = sub.add_parser("print", help="生成执照的 PDF（带签名二维码）")
    prt.add_argument("number")
    prt.add_argument("--pdf", metavar="OUT.pdf", required=True)
    prt.add_argument("--permits", action="store_true", help="同时附上各许可证的证书页")

    verify = sub.add_parser("verify", help="离线验证执照二维码（图片、PDF 或扫码枪读出的文字）")
    verify.add_argument("file", nargs="?", help="图片或 PDF 文件")
    verify.add_argument("--payload", help="二维码的文字内容")
    verify.add_argument("--json", action="store_true")

    key = sub.add_parser("key", help="查看本站签名密钥；未认证的向服务大厅申请认证")
    key.add_argument("--json", action="store_true")

    lst = sub.add_parser("list", help="列出执照")
    lst.add_argument("--search", default="")
    lst.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    return {
        "kinds": _kinds,
        "issue": _issue,
        "revoke": _revoke,
        "print": _print,
        "verify": _verify,
        "key": _key,
        "list": _list,
    }[args.license_action](args, ctx)


def _kinds(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_licenses import catalogue

    kinds = [k.as_dict() for k in catalogue.kinds().values()]
    if args.json:
        _json(kinds)
    else:
        for k in kinds:
            years = f"{k['years']} 年" if k["years"] else "备案"
            print(f"{k['code']:<6} {k['name']}（{k['department']}，{years}）")
    return 0


def _issue(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import station_key
    from station_licenses import services

    given = [services.parse_permit_arg(p) for p in args.permit]
    signer = station_key.ensure_certified(ctx.data_dir)
    with ctx.work(ctx.cli_actor(args.user)) as work:
        lic = services.issue(work, signer, args.uscc, given)
        number = lic.number
    out = None
    if args.pdf:
        out = _write_pdf(ctx, number, Path(args.pdf), with_permits=False)
    with ctx.read() as session:
        lic = services.by_number(session, number)
        answer: dict[str, Any] = {
            "number": lic.number,
            "uscc": lic.uscc,
            "name": lic.name,
            "station": lic.station_code,
            "issued_at": lic.issued_at.isoformat(),
            "expires_on": lic.expires_on.isoformat(),
            "permits": [{"kind": k, "number": n, "expires_on": e} for k, n, e in json.loads(lic.permits)],
            "payload": lic.payload,
            "pdf": str(out) if out else None,
        }
    if args.json:
        _json(answer)
    else:
        count, until = len(answer["permits"]), answer["expires_on"]
        print(f"已签发执照 {answer['number']}（{answer['name']}，载入 {count} 张许可证，有效期至 {until}）")
        if out:
            print(f"PDF：{out}")
    return 0


def _revoke(args: argparse.Namespace, ctx: StationContext) -> int:
    from station_licenses import services

    with ctx.work(ctx.cli_actor(args.user)) as work:
        lic = services.revoke(work, args.number, args.reason)
        answer = {"number": lic.number, "status": lic.status, "reason": lic.reason}
    if args.json:
        _json(answer)
    else:
        print(f"执照 {answer['number']} 已吊销（{answer['reason']}）。同步后各服务站验证时都会显示已吊销。")
    return 0


def _write_pdf(ctx: StationContext, number: str, out: Path, *, with_permits: bool) -> Path:
    from station_licenses import documents, services

    with ctx.read() as session:
        lic = services.by_number(session, number)
        sheet = documents.sheet_for(session, lic, issuer=ctx.settings.station_name)
    return documents.write_licence_pdf(out, [sheet], with_permits=with_permits)


def _print(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require

    require(ctx.cli_actor(args.user), "licenses.view", "查看执照和许可证")
    out = _write_pdf(ctx, args.number, Path(args.pdf), with_permits=args.permits)
    print(f"已生成 {out}")
    return 0


def _verify(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import utcnow
    from station_licenses import qr, services, verify

    if bool(args.file) == bool(args.payload):
        raise UserError("请给出一个图片或 PDF 文件，或用 --payload 给出二维码文字（二者选一）。")
    if args.payload:
        texts = [args.payload]
    else:
        path = Path(args.file)
        if not path.is_file():
            raise UserError(f"找不到文件 {path}。")
        try:
            texts = qr.decode_file(path)
        except Exception as exc:  # Pillow / pdfium cannot open it
            raise UserError(f"无法读取文件 {path}（{type(exc).__name__}），请给出 PNG、JPEG 图片或 PDF。") from exc
        if not texts:
            raise UserError(f"在 {path} 中没有找到二维码。请确认图片清晰、二维码完整。")
    with ctx.read() as session:
        snapshot = services.trust_snapshot(session, ctx.data_dir)
    verdicts = [verify.verify(t, snapshot, utcnow()) for t in texts]
    best = next((v for v in verdicts if v.verdict != verify.NOT_A_LICENSE), verdicts[0])
    if args.json:
        _json(best.as_dict())
    else:
        print(f"{best.label}：{best.message}")
        if best.number:
            print(f"执照编号 {best.number}  {best.name}（{best.uscc}）  签发站 {best.station}  签发于 {best.issued_at}")
            for p in best.permits:
                print(f"  {p['name']} {p['number']}  有效期至 {p['expires_on']}")
        if best.revoked_reason:
            print(f"吊销原因：{best.revoked_reason}")
        print(f"信任名单日期：密钥名单 {best.keys_list_date or '无'}，吊销清单 {best.revoked_list_date or '无'}")
    return 0 if best.ok else 1


def _key(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import local_text, signing, station_key

    found = station_key.certified(ctx.data_dir)
    if found is None:
        found = station_key.ensure_certified(ctx.data_dir)
        with ctx.work(ctx.cli_actor(args.user)) as work:
            work.audit(
                "licenses.key.certify", "station", found.station.station_code, None, {"kid": found.station.kid.hex()}
            )
    from station_licenses import demo

    demo_hall = ctx.data_dir / station_key.DIR_NAME / demo.DEMO_HALL_KEY
    is_demo = demo_hall.exists() and signing.public_bytes(
        signing.load_private_pem(demo_hall.read_bytes())
    ) == station_key.hall_public_key(ctx.data_dir)
    answer = {
        "demo": is_demo,
        "station_code": found.station.station_code,
        "key_id": found.station.kid.hex(),
        "public_key": signing.public_bytes(found.key).hex(),
        "valid_from": found.station.valid_from.isoformat(),
        "valid_to": found.station.valid_to.isoformat(),
    }
    if args.json:
        _json(answer)
    else:
        print(
            f"本站 {answer['station_code']} 的签名密钥 {answer['key_id']} 已认证，"
            f"有效期 {local_text(found.station.valid_from)} 至 {local_text(found.station.valid_to)}。"
        )
        if is_demo:
            print("这是演示数据生成的本地证书，只在本站有效；登记服务大厅（station enroll）后会换成大厅的认证。")
    return 0


def _list(args: argparse.Namespace, ctx: StationContext) -> int:
    from station.api import require
    from station_licenses import services

    require(ctx.cli_actor(args.user), "licenses.view", "查看执照和许可证")
    with ctx.read() as session:
        rows = services.licenses_for(session, ids := services.license_ids(session, args.search))
        items = [
            {
                "number": rows[i].number,
                "uscc": rows[i].uscc,
                "name": rows[i].name,
                "status": rows[i].status,
                "expires_on": rows[i].expires_on.isoformat(),
                "station": rows[i].station_code,
            }
            for i in ids
        ]
    if args.json:
        _json(items)
    else:
        for it in items:
            state = "有效" if it["status"] == "valid" else "已吊销"
            print(f"{it['number']}  {it['name']}  {state}  有效期至 {it['expires_on']}")
    if not items and not args.json:
        print("还没有执照。", file=sys.stderr)
    return 0
