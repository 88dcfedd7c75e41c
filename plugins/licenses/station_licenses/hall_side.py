"""What the licences plugin does inside the hall process: keep the hall-signed revocation list current.

When a push brings a licence whose status is ``revoked`` (revoked by hand, re-issued, or its permit
revoked), the hall adds its number to the revocation list, re-signs it and republishes it in the same
transaction, so every station's next sync carries it. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

LICENSE_TABLE = "licenses_license"


def _when(value: Any) -> dt.datetime:
    try:
        found = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime.now(dt.UTC)
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def revoked_in(changes: Any) -> list[tuple[str, dt.datetime]]:
    """(number, revoked at) of the licences a batch of applied changes shows as revoked."""
    found = []
    for table, _uid, data, _station in changes:
        if table == LICENSE_TABLE and data and data.get("status") == "revoked" and data.get("number"):
            found.append((str(data["number"]), _when(data.get("revoked_at") or data.get("updated_at"))))
    return found


def on_hall_apply(batch: Any) -> int:
    numbers = revoked_in(batch.changes)
    if not numbers:
        return 0
    from station.api.hall import trust

    return trust.revoke_licences(batch.publish, batch.session, numbers)


def revoke_at_hall(session: Any, tables: Any, number: str, reason: str, by: str, now: dt.datetime | None = None) -> str:
    """The hall's supervisor revokes a licence: the hall publishes the revoked licence as its own change
    (every station pulls it, the issuing one included) and adds it to the signed revocation list, in the
    caller's transaction. Returns the licence's uid."""
    import json

    from sqlalchemy import select

    from station.api import UserError
    from station.api.hall import Row, UniqueKey, authority, sync, trust

    number, reason = number.strip().upper(), reason.strip()
    if not reason:
        raise UserError("请写明吊销原因，它会写入执照和吊销清单。")
    sync.lock(session)
    key = authority.key_hash(("number",), {"number": number})
    uid = session.scalar(
        select(UniqueKey.row_uid).where(UniqueKey.table_name == LICENSE_TABLE, UniqueKey.key_hash == key)
    )
    row = session.get(Row, {"table_name": LICENSE_TABLE, "row_uid": uid}) if uid else None
    if row is None or row.deleted or not row.data:
        raise UserError(f"服务大厅没有编号为 {number} 的执照（签发它的服务站可能还没有同步）。")
    data = json.loads(row.data)
    if data.get("status") == "revoked":
        raise UserError(f"执照 {number} 已于此前吊销（{data.get('reason') or '未写原因'}）。")
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    stored = now.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")  # as a station's database writes it
    data.update(status="revoked", reason=reason[:300], revoked_at=stored, updated_at=stored, updated_by=f"{by}@HALL")
    sync.publish_rows(session, tables, LICENSE_TABLE, [(row.row_uid, data)])
    trust.revoke_licences(lambda table, rows: sync.publish_rows(session, tables, table, rows), session, [(number, now)])
    return row.row_uid


def revoke_command(args: Any, ctx: StationContext) -> int:
    """``station hall revoke-license NUMBER --reason …``"""
    import json

    from station.api import SyncedTable
    from station.api.hall import HallStore, default_url, journal, trust

    store = HallStore(args.db or default_url(ctx.data_dir))
    store.migrate()
    trust.configure(ctx.data_dir / "hall")
    tables = {t.name: t for t in ctx.host.collect("register_synced_tables", SyncedTable)}
    by = args.user or "hall-supervisor"
    with store.session() as session, session.begin():
        uid = revoke_at_hall(session, tables, args.number, args.reason, by)
        number = args.number.strip().upper()
        said = f"以服务大厅的名义吊销了执照 {number}。原因：{args.reason}"
        journal.record(session, by, "licence.revoke", number, said)
    store.dispose()
    if args.json:
        print(json.dumps({"number": args.number.strip().upper(), "uid": uid, "status": "revoked"}))
    else:
        print(f"执照 {args.number.strip().upper()} 已由服务大厅吊销；各服务站下次同步时收到，核验时显示为已吊销。")
    return 0
