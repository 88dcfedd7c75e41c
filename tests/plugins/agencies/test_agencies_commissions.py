"""Commissions from request to confirmation; deliverables hashed; the CLI runs the story end to end."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from agencies_market import NOW
from station_agencies import services

from station.cli import main
from station.errors import UserError


def test_direct_commission_walks_through_its_steps(market, clerk, tmp_path) -> None:
    report = tmp_path / "结算审核报告.pdf"
    report.write_bytes(b"%PDF-1.7 report")
    with market.ctx.work(clerk) as work:
        c = services.create_commission(
            work, market.enterprise_uscc, "工程造价咨询", scope="厂房扩建工程结算审核", budget_fen=3_500_000,
            agency_uid=market.agencies["valid1"], now=NOW,
        )  # fmt: skip
        assert (c.selection, c.status, c.number) == ("direct", "assigned", "WT-ST01-20260915-0001")
        with pytest.raises(UserError, match="需要先"):
            services.complete(work, c.number, "王经理", now=NOW)
        services.accept(work, c.number, now=NOW)
        services.deliver(work, c.number, [report], store_dir=tmp_path / "store", now=NOW)
        services.complete(work, c.number, "王经理", now=NOW)
        digest = hashlib.sha256(b"%PDF-1.7 report").hexdigest()
        stored = f"{c.number}/{digest[:16]}-{report.name}"
        assert services.deliverables(c) == [{"name": report.name, "sha256": digest, "size": 15, "stored": stored}]
        assert (tmp_path / "store" / stored).read_bytes() == b"%PDF-1.7 report"
        assert (c.status, c.representative, c.version) == ("completed", "王经理", 4)


def test_a_drawn_commission_points_at_its_draw(market, clerk) -> None:
    with market.ctx.work(clerk) as work:
        c = services.create_commission(
            work, market.enterprise_uid, "cost", scope="预算编制", witnesses=[("enterprise", "11"), ("clerk", "22")],
            now=NOW,
        )  # fmt: skip
        d = services.get_draw(work.session, c.draw_uid)
        assert c.selection == "draw" and d.agency_uid == c.agency_uid and d.subject_uid == c.uid
        assert d.enterprise_uid == market.enterprise_uid


def test_a_suspended_agency_cannot_be_commissioned_directly(market, clerk) -> None:
    with pytest.raises(UserError, match="暂停"), market.ctx.work(clerk) as work:
        services.create_commission(
            work, market.enterprise_uid, "cost", scope="x", agency_uid=market.agencies["suspended"], now=NOW
        )


def run(market, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(market.ctx.data_dir), "agencies", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_story_end_to_end(market, capsys, tmp_path) -> None:
    market.ctx.close()
    code, out, _ = run(market, capsys, "services", "--json")
    services_ = json.loads(out)
    assert code == 0 and {"code": "cost", "name": "工程造价咨询"}.items() <= services_[0].items()
    assert next(s for s in services_ if s["code"] == "cost")["agencies"] == 7
    code, out, _ = run(market, capsys, "draw", "--service", "cost", "--witness", "enterprise=3817",
                       "--witness", "clerk=9025", "--enterprise", market.enterprise_uscc, "--json")  # fmt: skip
    drawn = json.loads(out)
    assert code == 0 and drawn["pool_size"] == 3 and len(drawn["exclusions"]) == 5
    code, out, _ = run(market, capsys, "draw", "verify", drawn["number"])
    assert code == 0 and "复核一致" in out
    new = ["--enterprise", market.enterprise_uscc, "--service", "cost", "--scope", "结算审核", "--budget", "35000"]
    code, out, _ = run(market, capsys, "commission", "new", *new, "--witness", "enterprise=5", "--json")
    number = json.loads(out)["number"]
    (tmp_path / "r.pdf").write_bytes(b"x")
    for step in (["accept", number], ["deliver", number, str(tmp_path / "r.pdf")],
                 ["complete", number, "--representative", "王经理"]):  # fmt: skip
        assert run(market, capsys, "commission", *step)[0] == 0
    code, _, _ = run(market, capsys, "rate", number, "--enterprise", market.enterprise_uscc,
                     "--representative", "王经理", "--scores", "5,4,5,4,5")  # fmt: skip
    assert code == 0
    code, _, err = run(market, capsys, "rate", number, "--enterprise", market.enterprise_uscc,
                       "--representative", "王经理", "--scores", "5,4,5,4,5")  # fmt: skip
    assert code != 0 and "已经评价过" in err
    period = f"{NOW.year}Q{(NOW.month - 1) // 3 + 1}"
    code, out, _ = run(market, capsys, "ratings", "--period", "2026", "--json")
    assert code == 0 and json.loads(out)["period"] == "2026"
    code, _, err = run(market, capsys, "ratings", "--period", period.replace("Q", "-"))
    assert code != 0 and err.startswith("错误：")


def test_cli_verify_of_an_unknown_draw_says_so(ctx, capsys) -> None:
    ctx.close()
    code = main(["--data-dir", str(ctx.data_dir), "agencies", "draw", "verify", "CQ-NOPE"])
    assert code != 0 and "找不到抽取记录" in capsys.readouterr().err


def test_models_and_services_do_not_import_qt() -> None:
    code = (
        "import sys, station_agencies, station_agencies.services, station_agencies.cli, station_agencies.demo;"
        "import station_agencies.draw_algorithm, station_agencies.stars, station_agencies.catalogue;"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_notices_for_expiring_qualifications_and_overdue_commissions(market, clerk, admin) -> None:
    import datetime as dt

    with market.ctx.work(admin) as work:
        services.add_qualification(work, market.agencies["uncertified"], "cost", "COST-soon", dt.date(2026, 10, 1))
    with market.ctx.work(clerk) as work:
        services.create_commission(
            work, market.enterprise_uid, "cost", scope="x", agency_uid=market.agencies["valid1"],
            deadline=dt.date(2026, 9, 1), now=NOW,
        )  # fmt: skip
    with market.ctx.read() as session:
        got = services.notices(session, now=NOW)
    texts = [n.text for n in got]
    assert any("COST-soon 将于 2026-10-01 到期" in t for t in texts)
    assert any("已超过完成期限 2026-09-01" in t for t in texts)
    assert not any("COST-valid1" in t for t in texts)  # valid until 2027: nothing to say


def test_demo_marketplace_is_realistic_and_made_once(ctx, admin) -> None:
    import random

    from station_agencies import demo
    from station_agencies.models import Agency

    from helpers import enterprise_values
    from station.core import enterprises

    with ctx.work(admin) as work:
        for seed in range(1, 6):
            enterprises.create(work, enterprise_values(seed))
    with ctx.work(admin) as work:
        summary = demo.fill(work, random.Random(3), now=NOW, commissions=60)
    assert summary.startswith("40 家中介机构")
    with ctx.work(admin) as work:
        assert demo.fill(work, random.Random(3), now=NOW) == "中介超市已有数据，未重复生成"
    with ctx.read() as session:
        statuses = {a.status for a in session.query(Agency)}
        assert statuses == {"active", "suspended", "blacklisted"}
        draw_rows = services.draws(session)
        assert draw_rows and all(services.verify_draw(session, d.uid)[1].ok for d in draw_rows)


def test_models_match_the_migration(ctx) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from station_agencies import models  # noqa: F401 - registers the models

    from station.core.db import Base

    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def table_of(entry) -> str:  # type: ignore[no-untyped-def]
        if not isinstance(entry, tuple):  # column modifications come as a list of changes
            entry = entry[0]
        obj = entry[1] if entry[0] in ("add_table", "remove_table") else getattr(entry[1], "table", None)
        return getattr(obj, "name", "") if obj is not None else str(entry[2] if len(entry) > 2 else "")

    ours = [d for d in diff if table_of(d).startswith("agencies_")]
    assert ours == []
