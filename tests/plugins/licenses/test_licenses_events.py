"""Events: a completed business startup becomes an offer (listed and noticed); issuing fires license_did_issue."""

from __future__ import annotations

import datetime as dt
import types

from licenses_helpers import LONG_NAME, NOW
from station_licenses import services
from station_licenses.services import PermitInput
from station_startup.hookspecs import StartupCompleted

from station.contributions import NoticeSource
from station.core import station_key
from station.hookspecs import hookimpl


def _completed(uscc: str, uid: str) -> StartupCompleted:
    return StartupCompleted(
        case_uid="case-0001",
        enterprise_uid=uid,
        uscc=uscc,
        enterprise_name=LONG_NAME,
        case_type="食品经营",
        business_scope="预包装食品销售；热食类食品制售",
        actor="clerk",
        completed_at=NOW.isoformat(),
    )


def test_startup_completion_offers_a_licence_until_it_is_issued(station, clerk):
    from station.core import enterprises

    ctx, uscc = station
    with ctx.read() as session:
        uid = enterprises.by_uscc(session, uscc).uid
    for _ in range(2):  # told twice, offered once
        with ctx.work(clerk) as work:
            work.emit("startup_did_complete", completed=_completed(uscc, uid))
    (source,) = [s for s in ctx.host.collect("register_notice_sources", NoticeSource) if s.plugin == "licenses"]
    with ctx.read() as session:
        assert [o.uscc for o in services.open_offers(session)] == [uscc]
        (notice,) = source.poll(session, clerk)
    assert notice.key == "licenses:offer:case-0001" and notice.page == "licenses" and LONG_NAME in notice.text

    heard = []
    spy = types.SimpleNamespace(license_did_issue=hookimpl(lambda issued: heard.append(issued)))
    ctx.host.pm.register(spy, name="spy")
    try:
        signer = station_key.require_certified(ctx.data_dir)
        with ctx.work(clerk) as work:
            services.issue(work, signer, uscc, [PermitInput("SPJY", "JY14101000123456", dt.date(2031, 6, 30))], now=NOW)
    finally:
        ctx.host.pm.unregister(name="spy")
    assert [(h.uscc, h.permit_kinds, h.actor) for h in heard] == [(uscc, ("SPJY",), "clerk")]
    with ctx.read() as session:
        assert services.open_offers(session) == []
        assert source.poll(session, clerk) == []
