"""主动推送: who is told, never twice unless asked, what is recorded and synced, the letter and the list."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from policy_helpers import make_firm
from sqlalchemy import select, update
from station_policy import push, services
from station_policy.models import Push

from station.core import enterprises, printing
from station.core.context import StationContext
from station.errors import UserError

DAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)


@pytest.fixture
def firms(loaded, admin):
    """Three firms that qualify for RD-AWARD: one applies, one is named like a formula, one is plain."""
    uids = [make_firm(loaded, admin, seed) for seed in (1, 2, 3)]
    with loaded.work(admin) as work:
        # The registry refuses such names now; rows an older station synced in may still carry them.
        work.session.execute(
            update(enterprises.Enterprise)
            .where(enterprises.Enterprise.uid == uids[1])
            .values(name='=HYPERLINK("x")<b>有限公司', contact_person="@李四")
        )
        services.rematch(work, DAY)
        materials = list(services.policy_edition_materials(loaded, "RD-AWARD", DAY))
        services.apply(work, uids[0], "RD-AWARD", materials=materials, now=NOW)
    return uids


def test_only_the_qualifying_who_have_not_applied_and_never_twice(loaded, admin, firms, tmp_path):
    with loaded.read() as session:
        plan = push.plan(session, "RD-AWARD", DAY, station="天元区企业服务站")
    assert {n.enterprise_uid for n in plan.notices} == set(firms[1:])  # the one that applied is left out
    assert "天元区企业服务站" in plan.notices[0].message and "300,000.00 元" in plan.notices[0].message
    with loaded.work(admin) as work:
        batch = push.record(work, plan, ["letter", "list"], now=NOW)
    with loaded.read() as session:
        kept = session.scalars(select(Push)).all()
        assert {(p.enterprise_uid, p.period, p.batch_uid, p.pushed_by) for p in kept} == {
            (uid, "2026", batch, admin.display_name or admin.name) for uid in firms[1:]
        }
        again = push.plan(session, "RD-AWARD", DAY, station="站")
        assert again.notices == [] and again.skipped_notified == 2
        forced = push.plan(session, "RD-AWARD", DAY, station="站", again=True)
        assert len(forced.notices) == 2
    with loaded.work(admin) as work:  # as if they had been told last year
        work.session.execute(Push.__table__.update().values(period="2025"))
    with loaded.read() as session:
        assert len(push.plan(session, "RD-AWARD", DAY, station="站").notices) == 2  # a new period: told afresh
    with loaded.work(admin) as work, pytest.raises(UserError, match="没有需要推送的企业"):
        push.record(work, again, ["list"])
    with loaded.raw() as conn:
        queued = conn.execute("SELECT count(*) FROM sync_outbox WHERE table_name = 'policy_push'").fetchone()[0]
    assert queued >= 2  # the record travels to the hall


def test_the_list_is_safe_in_a_spreadsheet_and_the_letter_prints_names_as_they_are(loaded, firms, tmp_path):
    with loaded.read() as session:
        plan = push.plan(session, "RD-AWARD", DAY, station="天元区企业服务站")
    out = push.write_csv(tmp_path / "名单.csv", plan)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == push.CSV_HEADER and len(rows) == 3
    assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    pdf = push.write_letters(tmp_path / "提示函.pdf", plan, issuer="天元区企业服务站", now=NOW)
    text = printing.pdf_text(pdf)
    assert text.count("惠企政策申报提示函") == 2 and "<b>有限公司" in text and "研发费用专项审计报告" in text


def test_cli_lists_then_records_and_does_not_repeat(tmp_path, capsys):
    from station import cli

    data = tmp_path / "cli"
    ctx = StationContext(data)
    admin = ctx.cli_actor()
    with ctx.work(admin) as work:
        from station_policy import catalog

        services.load_catalog(work, catalog.load_dir(catalog.demo_dir()))
    make_firm(ctx, admin, 1)
    ctx.close()
    base = ["--data-dir", str(data), "policy", "--today", "2026-03-02", "push", "--policy", "rd-award"]
    assert cli.main([*base, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed["notices"]) == 1 and not listed["recorded"]
    assert cli.main([*base, "--csv", str(tmp_path / "a.csv"), "--pdf", str(tmp_path / "a.pdf"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recorded"]
    assert (tmp_path / "a.pdf").stat().st_size > 0
    assert cli.main([*base, "--csv", str(tmp_path / "b.csv")]) != 0
    assert "已推送过" in capsys.readouterr().err and not (tmp_path / "b.csv").exists()
    assert cli.main([*base, "--csv", str(tmp_path / "b.csv"), "--again"]) == 0
    assert (tmp_path / "b.csv").exists()
