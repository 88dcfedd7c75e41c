"""The example third-party plugins (examples/requests and examples/requests_digest), as a park would get them:
built as wheels, added to a station with ``station plugins add``, and used through the CLI, the page and a sync
with a real hall. Nothing of them is installed in this process: every station runs as its own process, so the
plugins come only from the data directory's plugins folder, as they would at a park."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest_hall import Hall

from helpers import ROOT, STATION, valid_code
from station.core.clock import SHANGHAI

EXAMPLES = {"requests": ROOT / "examples" / "requests", "requests_digest": ROOT / "examples" / "requests_digest"}
COUNTED = ("requests_request", "requests_followup", "sync_outbox", "audit_log")

pytestmark = pytest.mark.slow


def station(data: Path, *args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """``station --data-dir DATA ARGS`` as a user types it (bytes pass an argument that is not UTF-8)."""
    done = subprocess.run([*STATION, "--data-dir", str(data), *args], capture_output=True, input=stdin)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    )


def ok(data: Path, *args: str) -> str:
    done = station(data, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def as_json(data: Path, *args: str) -> object:
    return json.loads(ok(data, *args, "--json"))


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> dict[str, Path]:
    """Both wheels, built as the README says (``pip wheel --no-deps``) from a copy: setuptools builds in the tree."""
    out = tmp_path_factory.mktemp("wheels")
    built: dict[str, Path] = {}
    for name, source in EXAMPLES.items():
        copy = tmp_path_factory.mktemp("src") / source.name
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "--disable-pip-version-check", "-w", str(out), str(copy)],
            check=True, capture_output=True,
        )  # fmt: skip
        found = list(out.glob(f"station_{name}-*.whl"))
        assert len(found) == 1, found
        built[name] = found[0]
    return built


def add_plugins(data: Path, wheels: dict[str, Path]) -> None:
    for name, wheel in wheels.items():
        assert f"已添加插件“{name}”" in ok(data, "plugins", "add", str(wheel))


def a_registry(path: Path, *names: str, division: str = "430211") -> list[str]:
    """A registry file a park would import: one enterprise per name, with well-formed credit codes."""
    codes = [valid_code(seed, division) for seed in range(1, len(names) + 1)]
    lines = ["统一社会信用代码,企业名称,法定代表人"] + [f"{c},{n},王建国" for c, n in zip(codes, names, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return codes


@pytest.fixture(scope="module")
def fresh(wheels, tmp_path_factory) -> Path:
    """A new station with both plugins added (its database made at the first command) and two enterprises."""
    root = tmp_path_factory.mktemp("fresh")
    data = root / "station"
    add_plugins(data, wheels)
    a_registry(root / "registry.csv", "株洲中车时代电气配套有限公司", "株洲千金药业物流有限公司")
    ok(data, "enterprise", "import", str(root / "registry.csv"))
    return data


def counts(data: Path) -> dict[str, int]:
    with sqlite3.connect(data / "station.db") as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.fixture(scope="module")
def registered(fresh) -> str:
    """The credit code of an enterprise in the fresh station's registry, as the registry lists it."""
    return as_json(fresh, "enterprise", "list", "--limit", "1")[0]["uscc"]


def actions(data: Path) -> list[str]:
    with sqlite3.connect(data / "station.db") as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit_log WHERE action LIKE 'requests.%' ORDER BY id")]


def test_record_follow_and_close_a_request_and_the_digest_hears_it(fresh, registered) -> None:
    from station.core import workcalendar

    before, audited = as_json(fresh, "requests-digest"), actions(fresh)
    made = as_json(
        fresh, "requests", "new", "--uscc", registered, "--kind", "用地", "--due-days", "3",
        "--text", "新厂房消防验收排队较久，希望协调提前安排现场验收。",
    )  # fmt: skip
    assert made["number"].startswith("ST01-SQ") and made["status"] == "open" and made["due_days"] == 3
    assert made["department"] == "自然资源和规划局"  # the kind's department, unless the clerk names another
    raised, due = dt.datetime.fromisoformat(made["raised_at"]), dt.datetime.fromisoformat(made["due_at"])
    park = workcalendar.WorkCalendar(workcalendar.national())  # a new station keeps the default working hours
    assert due == park.add_working_days(raised, 3) and park.is_working_moment(due - dt.timedelta(seconds=1))
    assert made["number"] in [r["number"] for r in as_json(fresh, "requests", "list")]

    ok(fresh, "requests", "follow", made["number"], "--text", "已电话联系消防大队，约定下周二现场验收。")
    closed = as_json(
        fresh, "requests", "close", made["number"].lower(), "--answer", "已完成现场验收并出具意见书。",
        "--satisfaction", "满意",
    )  # fmt: skip
    assert closed["status"] == "closed" and closed["satisfaction"] == "满意"
    shown = as_json(fresh, "requests", "show", made["number"])
    assert [line["kind"] for line in shown["history"]] == ["opened", "note", "closed"]
    assert made["number"] not in [r["number"] for r in as_json(fresh, "requests", "list")]
    assert made["number"] in [r["number"] for r in as_json(fresh, "requests", "list", "--all")]

    # The digest plugin heard request_did_close, though it never imports the requests plugin.
    after = as_json(fresh, "requests-digest")
    assert after["closed"] == before["closed"] + 1 and after["on_time"] == before["on_time"] + 1
    assert after["by_kind"].get("用地", 0) == before["by_kind"].get("用地", 0) + 1

    new = actions(fresh)[len(audited) :]
    assert new == ["requests.new", "requests.follow", "requests.close"]
    with sqlite3.connect(fresh / "station.db") as conn:
        outbox = {r[0] for r in conn.execute("SELECT table_name FROM sync_outbox")}
    assert {"requests_request", "requests_followup"} <= outbox  # captured for the hall
    assert "requests_digest_closed" not in outbox  # the digest is this station's own log
    ok(fresh, "audit", "verify")


HOSTILE: list[tuple[str, tuple[str | bytes, ...], bytes | None, str]] = [
    ("lone surrogate", ("--text", b"\xed\xa0\x80 \xe7\x94\xa8\xe5\x9c\xb0"), None, "无法识别的字符"),
    ("not UTF-8 at all", ("--text", b"\xff\xfe"), None, "无法识别的字符"),
    ("NUL from standard input", ("--text", "-"), "用地\x00问题".encode(), "无法识别的字符"),
    ("lone surrogate from standard input", ("--text", "-"), b"\xed\xb0\x80", "无法识别的字符"),
    ("5,000 characters", ("--text", "扩" * 5000), None, "最多 2000 字，现在有 5,000 字"),
    ("blank text", ("--text", "   "), None, "请填写诉求内容"),
    ("NaN days", ("--text", "x", "--due-days", "nan"), None, "1 至 60 之间的整数"),
    ("infinite days", ("--text", "x", "--due-days", "inf"), None, "1 至 60 之间的整数"),
    ("overflowing days", ("--text", "x", "--due-days", "1e309"), None, "1 至 60 之间的整数"),
    ("giant days", ("--text", "x", "--due-days", "9" * 40), None, "1 至 60 之间的整数"),
    ("negative days", ("--text", "x", "--due-days=-2"), None, "1 至 60 之间的整数"),
    ("no days", ("--text", "x", "--due-days", "0"), None, "1 至 60 之间的整数"),
    ("unknown kind", ("--text", "x", "--kind", "用电"), None, "诉求类别应为用地、用工、融资、审批、其他之一"),
]


@pytest.mark.parametrize(("what", "args", "stdin", "says"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_request_is_refused_and_nothing_is_stored(fresh, registered, what, args, stdin, says) -> None:
    before = counts(fresh)
    base = ["requests", "new", "--uscc", registered] + ([] if "--kind" in args else ["--kind", "用地"])
    done = station(fresh, *base, *args, stdin=stdin)
    assert done.returncode != 0 and says in done.stderr and done.stderr.startswith("错误："), done.stderr
    assert "Traceback" not in done.stderr and "\ufffd" not in done.stderr  # the text is never echoed back broken
    assert counts(fresh) == before


def test_unknown_or_malformed_credit_codes_are_refused(fresh) -> None:
    before = counts(fresh)
    unknown = valid_code(99, "110105")  # a well-formed code nobody registered
    done = station(fresh, "requests", "new", "--uscc", unknown, "--kind", "融资", "--text", "贷款")
    assert done.returncode != 0 and f"企业名录中没有统一社会信用代码为 {unknown} 的企业" in done.stderr
    wrong = unknown[:-1] + ("1" if unknown[-1] == "0" else "0")  # one character mistyped
    done = station(fresh, "requests", "new", "--uscc", wrong, "--kind", "融资", "--text", "贷款")
    assert done.returncode != 0 and "校验位不正确" in done.stderr
    assert counts(fresh) == before


def test_closing_twice_an_unknown_number_or_a_wrong_verdict_is_refused(fresh, registered) -> None:
    made = as_json(fresh, "requests", "new", "--uscc", registered, "--kind", "用工", "--text", "招工")
    number = made["number"]
    bad = station(fresh, "requests", "close", number, "--answer", "已答复", "--satisfaction", "非常好")
    assert bad.returncode != 0 and "企业满意度应为满意、基本满意、不满意之一" in bad.stderr
    ok(fresh, "requests", "close", number, "--answer", "已推荐专场招聘会", "--satisfaction", "基本满意")
    before, heard = counts(fresh), as_json(fresh, "requests-digest")["closed"]
    again = station(fresh, "requests", "close", number, "--answer", "再答复一次", "--satisfaction", "满意")
    assert again.returncode != 0 and f"诉求 {number} 已于" in again.stderr and "不能再次办结" in again.stderr
    follow = station(fresh, "requests", "follow", number, "--text", "补充")
    assert follow.returncode != 0 and "已办结，不能再记录跟进" in follow.stderr
    missing = station(fresh, "requests", "close", "ST01-SQ1999-0001", "--answer", "x", "--satisfaction", "满意")
    assert missing.returncode != 0 and "找不到编号为“ST01-SQ1999-0001”的诉求" in missing.stderr
    broken = station(fresh, "requests", "close", b"ST01-\xed\xa0\x80", "--answer", "x", "--satisfaction", "满意")
    assert broken.returncode != 0 and "诉求编号含有无法识别的字符" in broken.stderr and "Traceback" not in broken.stderr
    assert counts(fresh) == before and as_json(fresh, "requests-digest")["closed"] == heard
    assert as_json(fresh, "requests", "show", number)["answer"] == "已推荐专场招聘会"


def test_a_formula_is_kept_as_typed_and_exported_as_text(fresh, registered, tmp_path) -> None:
    """A request is the enterprise's words: a text that looks like a formula is stored as typed, and the export
    (through csv_safe) keeps it text on whoever opens the file."""
    formula = '=HYPERLINK("http://example.invalid/x","查看附件")'
    made = as_json(fresh, "requests", "new", "--uscc", registered, "--kind", "其他", "--text", formula)
    assert made["text"] == formula
    out = tmp_path / "诉求.csv"
    ok(fresh, "requests", "export", str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["编号", "企业"]
    assert [r[4] for r in rows if r[0] == made["number"]] == ["'" + formula]


def test_declarations_hold_the_synced_fields_are_the_models_and_every_named_code_loads(fresh) -> None:
    """The entry point writes the synced fields out (it stays free of SQLAlchemy): they must be the models'
    columns. Every "module:attribute" the two plugins contribute imports, and the hook the requests plugin offers
    is implemented by the digest plugin alone."""
    code = textwrap.dedent(
        f"""
        import dataclasses, json
        from station import contributions as c
        from station.core.context import StationContext
        ctx = StationContext({str(fresh)!r})
        host = ctx.host
        tables = {{t.name: t for t in host.collect("register_synced_tables", c.SyncedTable) if t.plugin == "requests"}}
        from station_requests.models import EnterpriseRequest, RequestFollowUp
        out = {{"tables": {{}}, "refs": []}}
        for model in (EnterpriseRequest, RequestFollowUp):
            table = tables[model.__tablename__]
            columns = [col.name for col in model.__table__.columns if col.name not in ("id", "uid", "version")]
            out["tables"][model.__tablename__] = [sorted(columns), sorted(table.fields), table.write, table.delete]
        kinds = {{"register_pages": c.Page, "register_cli_commands": c.CliCommand, "register_demo_data": c.DemoData,
                 "register_dashboard_figures": c.DashboardFigure, "register_notice_sources": c.NoticeSource,
                 "register_audit_wordings": c.AuditWording}}
        for hook, kind in kinds.items():
            for item in host.collect(hook, kind):
                for f in dataclasses.fields(item):
                    value = getattr(item, f.name)
                    if item.plugin.startswith("requests") and f.metadata.get("ref") and isinstance(value, str):
                        out["refs"].append([item.plugin, value, callable(c.loaded(value))])
        out["implemented_by"] = [i.plugin_name for i in host.pm.hook.request_did_close.get_hookimpls()]
        out["branches"] = sorted(b.label for b in ctx.migration_branches() if b.plugin.startswith("requests"))
        print(json.dumps(out))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    for model_columns, fields, _, _ in found["tables"].values():
        assert model_columns == fields
    assert found["tables"]["requests_request"][2:] == ["any", "none"]
    assert found["tables"]["requests_followup"][2] == "append"
    assert all(loads for _, _, loads in found["refs"]), found["refs"]
    assert sorted(ref for _, ref, _ in found["refs"]) == [
        "station_requests.cli:configure", "station_requests.cli:run", "station_requests.demo:fill",
        "station_requests.ui.page:RequestsPage", "station_requests_digest.digest:configure",
        "station_requests_digest.digest:run",
    ]  # fmt: skip
    assert found["implemented_by"] == ["requests_digest"]
    assert found["branches"] == ["requests", "requests_digest"]


def test_a_demo_station_loads_both_plugins_and_its_page_lists_the_requests(wheels, tmp_path) -> None:
    """``station demo`` with the plugins added: their migrations and demo data run, the digest hears the demo's
    closes, and the page (offscreen, in its own process) lists what the CLI lists."""
    data = tmp_path / "demo"
    add_plugins(data, wheels)
    out = ok(data, "demo", "--no-gui")
    assert "requests/requests: 7 件企业诉求（3 件已办结）" in out
    listed = {p["name"]: p for p in as_json(data, "plugins")}
    assert listed["requests"] == {
        **listed["requests"], "status": "loaded", "distribution": "station-requests", "pages": ["requests"]
    }  # fmt: skip
    assert listed["requests_digest"]["status"] == "loaded"
    assert listed["requests_digest"]["distribution"] == "station-requests-digest"
    assert all(p["status"] == "loaded" for p in listed.values()), listed
    assert (data / "plugins" / "station_requests").is_dir()  # from the wheel, not from this checkout
    heard = as_json(data, "requests-digest")
    assert heard["closed"] == 3 and heard["by_kind"] == {"用地": 1, "用工": 1, "融资": 1}
    waiting = as_json(data, "requests", "list")
    assert len(waiting) == 4 and {r["status"] for r in waiting} == {"open", "overdue"}

    shot = tmp_path / "requests.png"
    known = as_json(data, "enterprise", "list", "--limit", "1")[0]["uscc"]
    probe = [sys.executable, str(ROOT / "tests" / "fixtures" / "requests_probe.py"), str(data), str(shot)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*probe, valid_code(99, "110105"), known], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    # The list: what the CLI lists, in Chinese, the overdue ones in red.
    assert seen["title"] == "企业诉求"
    assert seen["headers"][:3] == ["编号", "企业", "类别"] and "办理期限" in seen["headers"]
    assert sorted(r[0] for r in seen["rows"]) == sorted(r["number"] for r in waiting)  # open ones, by default
    late = sorted(r["number"] for r in waiting if r["status"] == "overdue")
    assert late and sorted(row[0] for row, red in zip(seen["rows"], seen["red"], strict=True) if red) == late
    assert {row[7] for row in seen["rows"]} == {"办理中", "已超期"}
    assert seen["summary"] == f"未办结的诉求 {len(waiting)} 件，其中 {len(late)} 件已超过办理期限。"
    assert shot.stat().st_size > 10_000

    # One warning per overdue request; clicking one opens the page on it.
    assert sorted(n["key"] for n in seen["notices"]) == sorted(f"requests:{r['uid']}:overdue" for r in waiting
                                                               if r["status"] == "overdue")  # fmt: skip
    assert all(
        n["level"] == "warning" and n["page"] == "requests" and "已过办理期限" in n["text"] for n in seen["notices"]
    )
    assert seen["opened"] in late and seen["opened"] in seen["history"] and "受理，转" in seen["history"]
    assert seen["figures"]["requests.open"] == f"{len(waiting)}（{len(late)} 件超期）"
    # This month's closes among the demo's three, as the dashboard counted them before the forms below closed
    # another (the park's month: at its turn the demo's closes fall on both sides of it).
    month = dt.datetime.now(dt.UTC).astimezone(SHANGHAI)
    first = month.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    with sqlite3.connect(data / "station.db") as conn:
        stored = conn.execute("SELECT closed_at FROM requests_digest_closed ORDER BY id LIMIT 3").fetchall()
    closes = [dt.datetime.fromisoformat(at) for (at,) in stored]
    this_month = sum(1 for at in closes if (at if at.tzinfo else at.replace(tzinfo=dt.UTC)) >= first)
    assert len(closes) == 3
    assert seen["figures"]["requests_digest.month"].startswith(f"{this_month}（" if this_month else "—")

    # The forms: a refusal keeps the form open with what was typed; then recorded, then closed.
    assert "企业名录中没有统一社会信用代码为" in seen["refused"]["error"] and seen["refused"]["open"]
    assert seen["refused"]["text"] == "订单增加，需要流动资金贷款 300 万元。"
    assert seen["recorded"] == {**seen["recorded"], "kind": "融资", "department": "金融服务中心", "state": "open"}
    assert seen["close_refused"] == "请填写答复内容。"
    assert seen["closed"] == seen["recorded"]["number"]
    shown = as_json(data, "requests", "show", seen["closed"])
    assert shown["status"] == "closed" and shown["satisfaction"] == "基本满意" and shown["uscc"] == known
    assert seen["wording"] == ["办结了企业诉求", f"诉求 {shown['number']}（{shown['enterprise_name']}）"]
    assert as_json(data, "requests-digest")["closed"] == 4


@pytest.fixture
def hall_with_plugins(tmp_path, wheels) -> Iterator[Hall]:
    """A hall that loads the same plugins: it learns the requests' tables from them."""
    data = tmp_path / "hall"
    add_plugins(data, wheels)
    running = Hall(data, None)
    yield running
    running.stop()


def test_a_request_recorded_at_one_station_is_closed_at_another_through_the_hall(
    hall_with_plugins, wheels, tmp_path
) -> None:
    hall = hall_with_plugins
    yumen, town = tmp_path / "YM01", tmp_path / "YM02"
    for data, code in ((yumen, "YM01"), (town, "YM02")):
        add_plugins(data, wheels)
        ok(data, "enroll", hall.url, hall.add_station(code))
    (code,) = a_registry(tmp_path / "registry.csv", "玉门昌盛新能源科技有限公司", division="620981")
    ok(yumen, "enterprise", "import", str(tmp_path / "registry.csv"))
    made = as_json(
        yumen, "requests", "new", "--uscc", code, "--kind", "融资", "--due-days", "10",
        "--text", "风电配套项目需流动资金 800 万元，希望对接园区合作银行。",
    )  # fmt: skip
    assert made["number"].startswith("YM01-SQ")
    ok(yumen, "requests", "follow", made["number"], "--text", "已推荐给园区合作银行客户经理。")
    ok(yumen, "sync")
    ok(town, "sync")

    there = as_json(town, "requests", "show", made["number"])
    assert there["uid"] == made["uid"] and there["enterprise_name"] == "玉门昌盛新能源科技有限公司"
    assert there["due_at"] == made["due_at"] and [h["kind"] for h in there["history"]] == ["opened", "note"]
    ok(town, "requests", "close", made["number"], "--answer", "银行已授信 500 万元。", "--satisfaction", "基本满意")
    assert as_json(town, "requests-digest")["closed"] == 1  # heard where it was closed
    ok(town, "sync")
    ok(yumen, "sync")

    back = as_json(yumen, "requests", "show", made["number"])
    assert back["status"] == "closed" and back["satisfaction"] == "基本满意"
    assert back["answer"] == "银行已授信 500 万元。"
    assert [h["kind"] for h in back["history"]] == ["opened", "note", "closed"]
    assert as_json(yumen, "requests-digest")["closed"] == 0  # a synced close is not this station's close
    digests = {as_json(d, "sync", "status")["digest"] for d in (yumen, town)}
    assert digests == {json.loads(hall.cli("digest", "--json").stdout)["digest"]}
