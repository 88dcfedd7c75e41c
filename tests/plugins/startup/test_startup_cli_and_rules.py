"""The ``station startup`` commands on a fresh data directory, and the plugin's house rules."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from startup_helpers import application, issued

from station.cli import main


def run(capsys, monkeypatch, data, *argv, stdin=None):  # type: ignore[no-untyped-def]
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data), "startup", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_step_list_show_on_a_fresh_data_directory(tmp_path, capsys, monkeypatch) -> None:
    data = tmp_path / "data"
    stdin = json.dumps(application(), ensure_ascii=False)
    code, out, err = run(capsys, monkeypatch, data, "new", "--json", stdin=stdin)
    assert code == 0, err
    case = json.loads(out)
    assert case["number"].startswith("ST01-KB") and case["status"] == "open" and len(case["steps"]) == 5
    code, out, _ = run(capsys, monkeypatch, data, "list", "--json")
    listed = json.loads(out)
    assert listed["count"] == 1 and listed["cases"][0]["enterprise_name"] == "株洲华鑫新材料有限公司"
    assert listed["cases"][0]["steps"]["invoice"] in ("none", "yellow", "red")
    code, out, err = run(
        capsys, monkeypatch, data, "step", case["tracking_code"], "registration", "done", "--json", "--uscc", issued()
    )
    assert code == 0, err
    assert json.loads(out)["uscc"]
    code, out, err = run(capsys, monkeypatch, data, "step", case["number"], "invoice", "blocked")
    assert code != 0 and "受阻原因" in err
    for step in ("invoice", "social_insurance", "bank_account", "seal"):
        assert run(capsys, monkeypatch, data, "step", case["number"], step, "done")[0] == 0
    code, out, _ = run(capsys, monkeypatch, data, "show", case["number"], "--json")
    assert json.loads(out)["status"] == "closed"
    code, out, _ = run(capsys, monkeypatch, data, "list", "--colour", "green", "--json")
    assert json.loads(out)["count"] == 1
    code, out, _ = run(capsys, monkeypatch, data, "list", "--colour", "red")
    assert "共 0 件" in out


def test_errors_are_one_chinese_sentence(tmp_path, capsys, monkeypatch) -> None:
    data = tmp_path / "data"
    code, _, err = run(capsys, monkeypatch, data, "new", stdin="{not json")
    assert code != 0 and "JSON" in err and "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, data, "show", "KB-NOPE")
    assert code != 0 and err.startswith("错误：找不到开办件")
    code, _, err = run(capsys, monkeypatch, data, "list", "--step", "bakery")
    assert code != 0 and "没有“bakery”这个环节" in err


def test_settings_and_calendar_commands(tmp_path, capsys, monkeypatch) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, monkeypatch, data, "settings", "--limit", "limited_company=1d", "--json")
    assert code == 0, err
    assert json.loads(out)["limits"]["limited_company"] == "1个工作日"
    code, _, err = run(capsys, monkeypatch, data, "settings", "--limit", "limited_company=soon")
    assert code != 0 and "4h" in err
    code, out, err = run(
        capsys, monkeypatch, data, "calendar", "--hours", "08:30-12:00,14:00-18:00", "--close", "2026-12-01", "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["hours"] == [["08:30", "12:00"], ["14:00", "18:00"]] and result["closed"] == ["2026-12-01"]
    assert "国办发明电" in result["sources"]["2026"]


def test_models_match_the_migration(ctx) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from station_startup import models  # noqa: F401 - registers the tables

    from station.core.db import Base

    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def mine(entry) -> bool:  # type: ignore[no-untyped-def]
        obj = entry[1] if isinstance(entry, tuple) else entry[0][1]
        table = getattr(obj, "table", obj)
        return getattr(table, "name", "").startswith("startup_")

    assert [d for d in diff if mine(d)] == []


def test_services_and_models_never_import_qt() -> None:
    code = (
        "import sys, station_startup, station_startup.services, station_startup.models, station_startup.cli, "
        "station_startup.demo, station_startup.catalogue, station.core.workcalendar\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_fills_cases_once(ctx, admin) -> None:
    import random

    from station_startup import demo

    from station.core import people

    with ctx.work(admin) as work:
        for name in ("clerk", "clerk2"):
            people.add_user(work, username=name, display_name=name, role="clerk", password="station-demo-1")
    with ctx.work(admin) as work:
        first = demo.fill(work, random.Random(1))
    with ctx.work(admin) as work:
        second = demo.fill(work, random.Random(1))
    assert "件企业开办" in first and "未重复" in second
    with ctx.raw() as conn:
        assert conn.execute("SELECT count(*) FROM startup_case").fetchone()[0] == demo.CASES
        assert conn.execute("SELECT count(*) FROM startup_case WHERE status = 'closed'").fetchone()[0] == 24


def test_list_red_shows_a_closed_case_whose_deferred_paper_is_overdue(tmp_path, capsys, monkeypatch) -> None:
    import datetime as dt

    from station_startup import services

    from station.core.context import StationContext

    data = tmp_path / "data"
    papers = {"identity": "received", "appointment": "received", "premises": {"deferred": True}}
    start = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)  # long ago: the commitment's five days are past
    ctx = StationContext(data)
    ctx.open()
    try:
        with ctx.work(ctx.cli_actor()) as work:
            case = services.open_case(work, application(papers=papers), station_code="ST01", now=start)
            for step in ("registration", "invoice", "social_insurance", "bank_account", "seal"):
                services.set_step(work, case.uid, step, "done", uscc_code=issued(), now=start)
            number = case.number
    finally:
        ctx.close()
    code, out, err = run(capsys, monkeypatch, data, "list", "--colour", "red", "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert [c["number"] for c in listed["cases"]] == [number]
    assert listed["cases"][0]["status"] == "closed" and listed["cases"][0]["colour"] == "red"
    code, out, _ = run(capsys, monkeypatch, data, "list", "--colour", "green", "--json")
    assert json.loads(out)["count"] == 0
