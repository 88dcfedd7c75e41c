"""Matching stored enterprises: results per enterprise and per policy, staleness, events, the CLI."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

from policy_helpers import make_firm
from station_policy import services

from station.core import enterprises

DAY = dt.date(2026, 3, 2)
PLUGIN = Path(__file__).resolve().parents[3] / "plugins" / "policy" / "station_policy"


def test_rematch_finds_matches_and_only_redoes_what_changed(loaded, firm, admin) -> None:
    ctx = loaded
    other = make_firm(ctx, admin, 2, rd_spend_fen={2025: 100_000_000})
    with ctx.work(admin) as work:
        run = services.rematch(work, DAY)
    assert run.enterprises == 2
    with ctx.read() as session:
        rows = {r.policy_code: r for r in services.matches_for_enterprise(session, firm, DAY)}
        assert rows["RD-AWARD"].status == "eligible" and rows["RD-AWARD"].amount_fen == 30_000_000
        assert "RD-AWARD" not in {r.policy_code for r in services.matches_for_enterprise(session, other, DAY)}
        by_policy = services.matches_for_policy(session, "RD-AWARD", DAY)
        assert [r.enterprise_uid for r in by_policy] == [firm]
        assert services.stale_enterprises(session, DAY) == []
    with ctx.work(admin) as work:
        services.set_fact(work, other, "rd_spend_fen", 2025, 250_000_000)
    with ctx.read() as session:
        assert services.stale_enterprises(session, DAY) == [other]
        assert set(services.stale_enterprises(session, DAY + dt.timedelta(days=1))) == {firm, other}
    with ctx.work(admin) as work:
        assert services.rematch(work, DAY).enterprises == 1
    with ctx.read() as session:
        assert {r.enterprise_uid for r in services.matches_for_policy(session, "RD-AWARD", DAY)} == {firm, other}
        summary = {s["code"]: s for s in services.policy_summaries(session, DAY)}
        assert summary["RD-AWARD"]["eligible"] == 2 and summary["RD-AWARD"]["total_fen"] == 55_000_000


def test_enterprise_change_marks_it_stale_for_the_page(loaded, firm, admin) -> None:
    import station_policy

    station_policy.take_stale()
    calls = []
    unsubscribe = station_policy.on_stale(lambda: calls.append(1))
    try:
        with loaded.read() as session:
            e = services.enterprise_by_uid(session, firm)
            values = enterprises.as_form(e)
        values["employees"] = "99"
        with loaded.work(admin) as work:
            enterprises.update(work, e.id, values)
    finally:
        unsubscribe()
    assert calls and station_policy.take_stale() == [firm]
    with loaded.read() as session:
        assert firm in services.stale_enterprises(session, DAY)  # the stamp notices it too


def test_why_not_names_the_condition_and_the_values(loaded, admin) -> None:
    firm = make_firm(loaded, admin, 4, rd_spend_fen={2025: 150_000_000})
    with loaded.read() as session:
        ev = services.explain(session, firm, "RD-AWARD", DAY)
    assert ev.status == "ineligible"
    assert "不满足“上年度研发费用不低于200万元”（2025 年研发费用：1,500,000.00 元）" in ev.why()
    with loaded.read() as session:
        ev = services.explain(session, firm, "EXPORT-GROWTH", DAY)
    assert ev.status == "unknown" and "2025 年出口额：缺少数据" in ev.why()


def test_cli_runs_the_workflow_on_a_fresh_data_directory(tmp_path, capsys) -> None:
    from helpers import valid_code
    from station import cli

    data = str(tmp_path / "cli")
    code = valid_code(7)

    def station(*args: str, today: str = "2026-03-02") -> tuple[int, str, str]:
        if args[0] == "policy" and args[1] in ("claim", "match", "why"):
            args = ("policy", "--today", today, *args[1:])
        rc = cli.main(["--data-dir", data, *args])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, out, _ = station("policy", "catalog", "load", "demo", "--json")
    assert rc == 0 and json.loads(out)["added"] == 22
    from station.core.context import StationContext

    ctx = StationContext(data)
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(
            work,
            {
                "uscc": code,
                "name": "株洲智造科技有限公司",
                "stage": "运营",
                "founded_on": "2020-01-01",
                "employees": "60",
            },
        )
    ctx.close()
    for key, value in (("abnormal_listed", "0"), ("serious_dishonesty", "0"), ("tax_arrears", "0")):
        assert station("policy", "fact", "set", "--uscc", code, "--key", key, "--value", value)[0] == 0
    assert station("policy", "fact", "set", "--uscc", code, "--key", "rd_spend_fen", "--year", "2025",
                   "--value", "300万元")[0] == 0  # fmt: skip
    rc, out, _ = station("policy", "match", "--uscc", code, "--date", "2026-03-02", "--json")
    matches = {m["policy_code"]: m for m in json.loads(out)["matches"]}
    assert rc == 0 and matches["RD-AWARD"]["amount_fen"] == 30_000_000
    rc, out, _ = station("policy", "why", "--uscc", code, "--policy", "TAX-CONTRIB", "--date", "2026-03-02")
    assert rc == 0 and "2025 年纳税总额：缺少数据" in out
    rc, out, err = station("policy", "claim", "apply", "--uscc", code, "--policy", "LITTLE-GIANT")
    assert rc != 0 and err.startswith("错误：") and "未认定" in err
    rc, out, _ = station(
        "policy", "claim", "apply", "--uscc", code, "--policy", "RD-AWARD", "--material", "all", "--json"
    )
    number = json.loads(out)["number"]
    assert rc == 0 and number.startswith("ST01-")
    assert station("policy", "claim", "accept", number)[0] == 0
    assert station("policy", "claim", "review", number, "--approve")[0] == 0
    assert station("policy", "claim", "notice", number)[0] == 0
    rc, out, err = station("policy", "claim", "pay", number)
    assert rc != 0 and "公示期至 2026-03-08" in err
    import datetime as dt

    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=8 + 24)).date().isoformat()
    rc, out, err = station("policy", "claim", "pay", number, today=tomorrow)  # a date not yet come
    assert rc != 0 and "还没到" in err
    rc, out, _ = station("policy", "claim", "pay", number, "--json", today="2026-03-09")
    assert rc == 0 and json.loads(out)["amount_fen"] == 30_000_000
    rc, out, err = station("policy", "claim", "pay", number, today="2026-03-10")
    assert rc != 0 and "已兑付" in err
    rc, out, _ = station("policy", "claim", "show", number, "--json")
    shown = json.loads(out)
    assert [e["step"] for e in shown["events"]] == ["apply", "accept", "review", "notice", "pay"]


def test_non_ui_modules_do_not_import_qt() -> None:
    for path in PLUGIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # the hooks module may import its pages inside the page factory, never at module level
        nodes = tree.body if path.name == "__init__.py" else list(ast.walk(tree))
        names = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in nodes if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.startswith(("PySide6", "station.shell", "station_policy.ui"))], path.name


def test_models_match_the_migration(ctx) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from station_policy import models  # noqa: F401 - registers the models

    from station.core.db import Base

    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def table(entry) -> str:  # type: ignore[no-untyped-def]
        obj = entry[1] if isinstance(entry, tuple) else entry[0][1]
        name = getattr(obj, "name", "") if isinstance(entry, tuple) and entry[0] == "remove_table" else ""
        return name or getattr(getattr(obj, "table", None), "name", "") or str(entry)

    mine = [d for d in diff if "policy_" in table(d)]
    assert mine == []


def test_an_import_of_many_enterprises_marks_everything_stale_in_flat_memory(monkeypatch) -> None:
    import types

    import station_policy

    station_policy.take_stale()
    monkeypatch.setattr(station_policy, "STALE_KEPT", 3)
    calls = []
    unsubscribe = station_policy.on_stale(lambda: calls.append(1))
    try:
        for n in range(10):
            station_policy.enterprise_did_change(types.SimpleNamespace(uid=f"uid-{n}"))
    finally:
        unsubscribe()
    assert calls == [1]  # one call until the page takes them, not one per enterprise
    assert not station_policy._stale  # past the limit nothing is held per enterprise
    assert station_policy.take_stale() is None  # "every stale one": the stamps find them
    assert station_policy.take_stale() == []
