"""The ``station`` command as scripts and CI use it: non-interactive, on fresh data directories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import STATION, enterprise_values
from station import __version__
from station.cli import main


def station(*args: str, data: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None):
    prefix = ["--data-dir", str(data)] if data else []
    return subprocess.run(
        [*STATION, *prefix, *args], capture_output=True, text=True, input=stdin, env={**os.environ, **(env or {})}
    )


def test_version() -> None:
    result = station("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"station {__version__}"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("demo") / "data"
    result = station("demo", "--no-gui", data=data)
    assert result.returncode == 0, result.stderr
    assert "registry/enterprises: 2400 家企业" in result.stdout
    return data


def test_demo_makes_a_realistic_park_and_is_idempotent(demo_dir) -> None:
    listed = json.loads(station("enterprise", "list", "--json", data=demo_dir).stdout)
    assert len(listed) >= 2000
    assert all(len(e["uscc"]) == 18 and e["name"].endswith("公司") for e in listed)
    assert len({e["uscc"] for e in listed}) == len(listed)
    users = {u["username"]: u["role"] for u in json.loads(station("users", "list", "--json", data=demo_dir).stdout)}
    assert {"admin", "supervisor", "clerk"} <= set(users) and set(users.values()) == {"admin", "supervisor", "clerk"}
    again = station("demo", "--no-gui", data=demo_dir)
    assert again.returncode == 0 and "0 个用户" in again.stdout
    assert len(json.loads(station("enterprise", "list", "--json", data=demo_dir).stdout)) == len(listed)


def test_search_from_the_cli(demo_dir) -> None:
    result = station("enterprise", "list", "--search", "株洲", "--limit", "5", "--json", data=demo_dir)
    found = json.loads(result.stdout)
    assert len(found) == 5 and all("株洲" in e["name"] for e in found)


def test_data_dir_from_environment(tmp_path) -> None:
    result = station("enterprise", "list", env={"STATION_DATA_DIR": str(tmp_path / "env")})
    assert result.returncode == 0 and (tmp_path / "env" / "station.db").exists()


def test_import_reports_and_exit_codes(tmp_path) -> None:
    from station.core import enterprise_import, enterprises

    data = tmp_path / "data"
    good = enterprise_import.write_template(tmp_path / "good.csv")
    result = station("enterprise", "import", str(good), "--json", data=data)
    assert result.returncode == 0 and json.loads(result.stdout)["created"] == 1
    bad = tmp_path / "bad.csv"
    values = enterprise_values(3, uscc="123")
    bad.write_text(
        ",".join(enterprise_import.TEMPLATE_HEADER) + "\n" + ",".join(values[f] for f in enterprises.EDITABLE) + "\n",
        encoding="utf-8",
    )
    result = station("enterprise", "import", str(bad), data=data)
    assert result.returncode == 2 and "第 2 行" in result.stdout and "18位" in result.stdout
    missing = station("enterprise", "import", str(tmp_path / "nope.csv"), data=data)
    assert missing.returncode == 1 and missing.stderr.startswith("错误：找不到文件") and missing.stdout == ""


def test_actions_are_audited_under_the_named_or_system_user(demo_dir, tmp_path) -> None:
    import getpass
    import sqlite3

    target = tmp_path / "copy.db"
    assert station("--user", "supervisor", "db", "backup", str(target), data=demo_dir).returncode == 0
    assert station("db", "backup", str(tmp_path / "copy2.db"), data=demo_dir).returncode == 0
    conn = sqlite3.connect(demo_dir / "station.db")
    actors = [r[0] for r in conn.execute("SELECT actor FROM audit_log WHERE action = 'db.backup' ORDER BY id")]
    enterprises = conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    conn.close()
    assert actors == ["supervisor", f"system:{getpass.getuser()}"]
    copy = sqlite3.connect(target)
    # 2,400 imported, plus those the plugins' demo data registers (finished startup cases)
    assert copy.execute("SELECT count(*) FROM enterprise").fetchone()[0] == enterprises >= 2400
    copy.close()
    unknown = station("--user", "ghost", "db", "backup", data=demo_dir)
    assert unknown.returncode == 1 and "不存在" in unknown.stderr


def test_clerk_cannot_import(demo_dir, tmp_path) -> None:
    from station.core import enterprise_import

    path = enterprise_import.write_template(tmp_path / "t.csv")
    result = station("--user", "clerk", "enterprise", "import", str(path), data=demo_dir)
    assert result.returncode == 3 and "没有“批量导入企业”的权限" in result.stderr


def test_template_xlsx_is_a_real_workbook_that_imports(tmp_path) -> None:
    import zipfile

    from openpyxl import load_workbook

    from station.core import enterprise_import

    data = tmp_path / "data"
    made = station("enterprise", "template", str(tmp_path / "模板.xlsx"), data=data)
    assert made.returncode == 0, made.stderr
    assert zipfile.is_zipfile(tmp_path / "模板.xlsx")  # not CSV bytes under an .xlsx name
    rows = list(load_workbook(tmp_path / "模板.xlsx").active.iter_rows(values_only=True))
    assert list(rows[0]) == enterprise_import.TEMPLATE_HEADER and rows[1][-2] == "13807330000"
    imported = station("enterprise", "import", str(tmp_path / "模板.xlsx"), "--json", data=data)
    assert imported.returncode == 0 and json.loads(imported.stdout)["created"] == 1


def test_users_add_reads_the_password_from_stdin(tmp_path) -> None:
    data = tmp_path / "data"
    result = station("users", "add", "boss", "--role", "admin", "--password-stdin", data=data, stdin="long-password\n")
    assert result.returncode == 0, result.stderr
    no_password = station("users", "add", "li", "--role", "clerk", data=data)
    assert no_password.returncode == 1 and "标准输入" in no_password.stderr


def test_db_upgrade_on_fresh_and_current_databases(tmp_path) -> None:
    data = tmp_path / "data"
    first = station("db", "upgrade", data=data)
    assert first.returncode == 0 and "core_0007" in first.stdout
    second = station("db", "upgrade", data=data)
    assert second.returncode == 0 and "已是最新" in second.stdout


def test_unexpected_errors_point_to_the_log(tmp_path, capsys, monkeypatch) -> None:
    import types

    import station.plugins
    from station.contributions import CliCommand
    from station.hookspecs import hookimpl

    buggy = types.SimpleNamespace(
        register_cli_commands=hookimpl(
            lambda register: register(CliCommand("crash", "出错的命令", lambda p: None, lambda a, c: 1 / 0))
        )
    )
    real = station.plugins.load_host
    monkeypatch.setattr(station.plugins, "load_host", lambda **kw: real(**kw, extra={"buggy": buggy}))
    assert main(["--data-dir", str(tmp_path), "crash"]) == 70
    err = capsys.readouterr().err
    assert "出现意外错误" in err and "station.log" in err
    assert "ZeroDivisionError" in (tmp_path / "logs" / "station.log").read_text(encoding="utf-8")


def test_core_never_imports_qt() -> None:
    code = (
        "import pkgutil, importlib, sys, station, station.core, station.builtin, station.hall\n"
        "for pkg in (station.core, station.builtin, station.hall):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "import station.cli, station.plugins, station.hookspecs, station.contributions\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_opening_the_window_without_a_display_says_so(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([*STATION, "--data-dir", str(tmp_path)], capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "没有图形界面" in result.stderr


def test_demo_facts_never_fall_before_the_enterprise_was_founded(demo_dir) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_dir / "station.db")
    try:
        checks = {
            "permits": "SELECT count(*) FROM licenses_permit p JOIN enterprise e ON e.uid = p.enterprise_uid "
            "WHERE p.issued_on < e.founded_on",
            "claims": "SELECT count(*) FROM policy_claim c JOIN enterprise e ON e.uid = c.enterprise_uid "
            "WHERE date(c.created_at, '+8 hours') <= e.founded_on",
            "commissions": "SELECT count(*) FROM agencies_commission c JOIN enterprise e ON e.uid = c.enterprise_uid "
            "WHERE date(c.created_at, '+8 hours') <= e.founded_on",
        }
        assert {name: conn.execute(sql).fetchone()[0] for name, sql in checks.items()} == dict.fromkeys(checks, 0)
        made = conn.execute("SELECT count(*) FROM licenses_permit").fetchone()[0]
        assert made > 0
        # filings carry no expiry; every permit's expiry is within its kind's validity
        assert (
            conn.execute(
                "SELECT count(*) FROM licenses_permit WHERE kind IN ('SPXS', 'YLQX2') AND expires_on IS NOT NULL"
            ).fetchone()[0]
            == 0
        )
    finally:
        conn.close()
