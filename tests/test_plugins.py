"""The plugin host, every hook (one test each, named test_hook_<name>), and a real third-party install."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from station_agencies import hookspecs as agencies_hookspecs
from station_agencies.hookspecs import DrawOutcome
from station_licenses import hookspecs as licenses_hookspecs
from station_licenses.hookspecs import LicenseIssued
from station_startup import hookspecs as startup_hookspecs
from station_startup.hookspecs import StartupCompleted

from helpers import ROOT, enterprise_values
from station import hookspecs
from station.contributions import (
    AuditWording,
    CliCommand,
    DashboardFigure,
    DemoData,
    EnterpriseChange,
    MigrationBranch,
    Notice,
    NoticeSource,
    Page,
    Permission,
)
from station.core.context import StationContext
from station.hookspecs import hookimpl
from station.plugins import PluginHost


def _specs(module: types.ModuleType) -> list[str]:
    return sorted(name for name in dir(module) if hasattr(getattr(module, name), "station_spec"))


HOOKS = _specs(hookspecs)
# Hooks the business plugins offer one another (each plugin's own hookspecs module).
PLUGIN_HOOKS = {
    name: module for module in (agencies_hookspecs, licenses_hookspecs, startup_hookspecs) for name in _specs(module)
}
TINY = ROOT / "tests" / "fixtures" / "tiny_plugin"


def plugin(**hooks) -> types.SimpleNamespace:
    return types.SimpleNamespace(**{name: hookimpl(fn) for name, fn in hooks.items()})


def host_with(**plugins) -> PluginHost:
    host = PluginHost().load_entry_points()
    for name, module in plugins.items():
        host.add(name, module)
    return host


# -- meta: every hook has a test and a doc entry ----------------------------------------------


def test_every_hook_has_a_test_and_documentation() -> None:
    assert not set(HOOKS) & set(PLUGIN_HOOKS), "a plugin's hook must not shadow the core's"
    assert HOOKS, "no hooks found"
    tests = {name for name in globals() if name.startswith("test_hook_")}
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for hook in HOOKS + list(PLUGIN_HOOKS):
        assert f"test_hook_{hook}" in tests, f"hook {hook} has no test_hook_{hook}"
        assert re.search(rf"^### {hook}\(", docs, re.M), f"hook {hook} is not documented in docs/plugins.md"


def test_hook_specs_are_typed_and_documented() -> None:
    for hook in HOOKS + list(PLUGIN_HOOKS):
        fn = getattr(PLUGIN_HOOKS.get(hook, hookspecs), hook)
        assert fn.__doc__ and fn.__annotations__, hook
        assert not fn.station_spec.get("firstresult"), f"{hook}: firstresult must be said in the docs"


# -- one test per hook -----------------------------------------------------------------------


def test_hook_register_pages(ctx) -> None:
    host = host_with(extra=plugin(register_pages=lambda register: register(Page("extra", "Extra", print, 5))))
    pages = {p.key: p for p in host.collect("register_pages", Page)}
    assert {"enterprises", "users", "audit", "extra"} <= set(pages)
    assert pages["extra"].plugin == "extra" and pages["enterprises"].plugin == "registry"


def test_hook_register_migrations(tmp_path) -> None:
    tiny = TINY / "station_tiny" / "versions"
    host = host_with(tiny=plugin(register_migrations=lambda register: register(MigrationBranch("tiny", tiny))))
    ctx = StationContext(tmp_path / "data", host=host)
    ctx.open()
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM tiny_note").scalar() == 0
    ctx.close()


def test_hook_register_permissions(tmp_path) -> None:
    host = host_with(p=plugin(register_permissions=lambda register: register(Permission("p.do", "做事", ("clerk",)))))
    ctx = StationContext(tmp_path, host=host)
    clerk = ctx.permissions.actor("c", "clerk")
    assert clerk.can("p.do") and not ctx.permissions.actor("s", "supervisor").can("p.do")


def test_hook_register_demo_data(tmp_path) -> None:
    from station.core.demo import fill_demo

    calls = []

    def fill(work, rng):
        calls.append(rng.random())
        return "ok"

    host = host_with(d=plugin(register_demo_data=lambda register: register(DemoData("thing", fill, order=99))))
    ctx = StationContext(tmp_path, host=host)
    lines = list(fill_demo(ctx, ctx.cli_actor()))
    assert lines[-1] == "d/thing: ok" and len(calls) == 1
    assert any(line.startswith("registry/enterprises: 2400") for line in lines)
    ctx.close()


def test_hook_register_cli_commands(tmp_path, capsys, monkeypatch) -> None:
    import station.plugins

    def run(args, ctx):
        print(f"hello {args.who}")
        return 7

    extra = plugin(
        register_cli_commands=lambda register: register(
            CliCommand("hello", "说你好", lambda p: p.add_argument("who"), run)
        )
    )
    real = station.plugins.load_host
    monkeypatch.setattr(station.plugins, "load_host", lambda **kw: real(**kw, extra={"hello": extra}))
    from station.cli import main

    assert main(["--data-dir", str(tmp_path), "hello", "园区"]) == 7
    assert capsys.readouterr().out == "hello 园区\n"


def test_hook_register_synced_tables(tmp_path) -> None:
    from station.contributions import SyncedTable
    from station.core.sync import capture

    extra = SyncedTable("tiny_note", fields=("body",), rule="review")
    host = host_with(t=plugin(register_synced_tables=lambda register: register(extra)))
    tables = {t.name: t for t in host.collect("register_synced_tables", SyncedTable)}
    assert tables["enterprise"].plugin == "registry" and tables["tiny_note"].plugin == "t"
    assert "uscc" in tables["enterprise"].fields and tables["enterprise"].rule == "lww"
    assert any('AFTER UPDATE ON "tiny_note"' in sql for sql in capture.trigger_sql(extra))


def test_hook_register_dashboard_figures(ctx) -> None:
    figures = {f.key: f for f in ctx.host.collect("register_dashboard_figures", DashboardFigure)}
    with ctx.read() as session:
        assert figures["enterprises.total"].compute(session) == "0"


def test_hook_enterprise_did_change(tmp_path) -> None:
    from station.core import enterprises

    seen: list[EnterpriseChange] = []
    host = host_with(listener=plugin(enterprise_did_change=lambda change: seen.append(change)))
    ctx = StationContext(tmp_path, host=host)
    admin = ctx.permissions.actor("admin", "admin")
    with ctx.work(admin) as work:
        created = enterprises.create(work, enterprise_values(1))
        assert seen == []  # not before the commit
    assert [(c.change, c.uscc, c.enterprise_id) for c in seen] == [("created", created.uscc, created.id)]
    with ctx.work(admin) as work:
        enterprises.update(work, created.id, enterprise_values(1, legal_rep="王五"))
    assert seen[-1].change == "updated" and seen[-1].changed_fields == ("legal_rep",)
    with pytest.raises(ValueError), ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(2))
        raise ValueError("rolled back")
    assert len(seen) == 2  # a rolled-back change announces nothing
    ctx.close()


def test_hook_register_notice_sources(ctx) -> None:
    source = NoticeSource("red", lambda session, actor: [Notice("red:1", "案件已超期", "critical", page="startup")])
    host = host_with(extra=plugin(register_notice_sources=lambda register: register(source)))
    got = [s for s in host.collect("register_notice_sources", NoticeSource) if s.key == "red"]
    assert got[0].plugin == "extra" and got[0].poll(None, None)[0].level == "critical"


def test_hook_register_audit_wordings(ctx) -> None:
    wording = AuditWording("tiny.note.add", "记了一笔", {"text": "内容"})
    host = host_with(extra=plugin(register_audit_wordings=lambda register: register(wording)))
    got = {w.action: w for w in host.collect("register_audit_wordings", AuditWording)}
    assert got["tiny.note.add"].plugin == "extra" and got["user.login"].plugin == "people"
    assert got["enterprise.update"].plugin == "registry"


def test_hook_request_agency_draw(tmp_path) -> None:
    """The marketplace's service: asked by keyword (the asking plugin imports nothing of the marketplace),
    answered by the first plugin in calling order that answers."""
    from station.plugins import calling

    outcome = DrawOutcome("d1", "a1", "某某会计师事务所", "ab" * 32)
    asked: list[tuple[str, tuple[str, ...]]] = []

    def first_declines(service, exclude_uscc):
        asked.append((service, exclude_uscc))

    def second_answers(service):
        assert calling() is ctx  # where the answering plugin writes its draw
        return outcome

    def third_never_asked(service):
        raise AssertionError("the first answer counts")

    host = host_with(
        a_decline=plugin(request_agency_draw=first_declines),
        b_answer=plugin(request_agency_draw=second_answers),
        c_late=plugin(request_agency_draw=third_never_asked),
    )
    host.plugins["agencies"].status = "disabled"  # only the three above answer
    host.pm.unregister(name="agencies")
    ctx = StationContext(tmp_path, host=host)
    request = dict(
        service="audit", purpose="专项审计", subject_uid="claim-1", witness="12 34", actor=None,
        exclude_uscc=("91430200MA4L0XXX0X",),
    )  # fmt: skip
    assert host.first("request_agency_draw", **request) == outcome
    assert asked == [("audit", ("91430200MA4L0XXX0X",))] and calling() is None  # only while the hook runs


def test_service_hook_that_raises_is_disabled_and_the_next_answers() -> None:
    def broken(service):
        raise RuntimeError("boom")

    host = host_with(a_broken=plugin(request_agency_draw=broken), b_ok=plugin(request_agency_draw=lambda service: 7))
    assert host.first("request_agency_draw", service="audit") == 7
    assert host.plugins["a_broken"].status == "failed"


def test_a_hook_nobody_offers_has_no_answer() -> None:
    host = PluginHost(only=["registry"]).load_entry_points()  # the marketplace is not loaded
    assert host.first("request_agency_draw", service="audit") is None
    host.fire("startup_did_complete", completed=None)  # nobody listens: nothing happens


def test_hook_register_hookspecs() -> None:
    """A plugin offers a hook of its own; another implements it, whatever order they load in. An implementation
    marked optionalhook survives the offering plugin being switched off; an unmarked one of an unknown hook
    is refused."""

    class Specs:
        @hookspecs.hookspec
        def request_did_close(self, number: str) -> None:
            """An enterprise request was closed."""

    heard: list[str] = []
    offerer = plugin(register_hookspecs=lambda register: register(Specs))
    listener = types.SimpleNamespace(request_did_close=hookimpl(optionalhook=True)(lambda number: heard.append(number)))
    host = PluginHost(only=["registry"]).load_entry_points()
    host.add("a_listener", listener)  # loads before the plugin that offers the hook
    host.add("z_offerer", offerer)
    assert host.plugins["a_listener"].active and host.plugins["z_offerer"].active
    host.fire("request_did_close", number="SQ-1")
    assert heard == ["SQ-1"]

    alone = PluginHost(only=["registry"]).load_entry_points()
    alone.add("a_listener", listener)  # its offerer is not there: kept, and never called
    strict = types.SimpleNamespace(request_did_close=hookimpl(lambda number: None))
    alone.add("b_strict", strict)
    assert alone.plugins["a_listener"].active
    assert alone.plugins["b_strict"].status == "failed" and "request_did_close" in alone.plugins["b_strict"].error


def test_tryfirst_and_trylast_order_the_calls_then_plugin_names() -> None:
    order: list[str] = []

    def listener(name: str, **marks: bool) -> types.SimpleNamespace:
        return types.SimpleNamespace(enterprise_did_change=hookimpl(**marks)(lambda change: order.append(name)))

    host = PluginHost(only=[]).load_entry_points()
    for name, marks in (("a_last", {"trylast": True}), ("b", {}), ("c_first", {"tryfirst": True}), ("a", {})):
        host.add(name, listener(name, **marks))
    host.fire("enterprise_did_change", change=None)
    assert order == ["c_first", "a", "b", "a_last"]


def test_hook_wrappers_are_refused_not_ignored() -> None:
    def wrapping(change):
        yield

    host = PluginHost(only=[]).load_entry_points()
    host.add("wrapper", types.SimpleNamespace(enterprise_did_change=hookimpl(wrapper=True)(wrapping)))
    assert host.plugins["wrapper"].status == "failed" and "wrappers are not supported" in host.plugins["wrapper"].error


@pytest.mark.filterwarnings("ignore:Using `httpx`")  # starlette's TestClient still runs over httpx
def test_hook_register_hall_pages(tmp_path) -> None:
    """A plugin's console page (signed in), window page (public) and figures, served by the hall."""
    from fastapi import APIRouter
    from fastapi.testclient import TestClient

    from station.contributions import HallFigure, HallPage
    from station.hall.app import create_app
    from station.hall.store import HallStore, default_url

    def routes(web):  # type: ignore[no-untyped-def]
        router = APIRouter()
        router.get("")(lambda: {"hello": "园区"})
        return router

    figure = HallFigure("小插件的数字", ("项目", "数量"), [("甲", "1")])
    pages = [
        HallPage("tiny", "小窗口", area="window", routes=routes),
        HallPage("tinyc", "小控制台", area="console", routes=routes, figures=lambda session: [figure]),
    ]
    host = host_with(tiny=plugin(register_hall_pages=lambda register: [register(p) for p in pages]))
    store = HallStore(default_url(tmp_path))
    store.migrate()
    client = TestClient(create_app(store, [], host))
    assert client.get("/e/tiny").json() == {"hello": "园区"}
    front = client.get("/e/").text
    assert 'href="/e/tiny"' in front and "小窗口" in front
    for path in ("/console/figures", "/console/tinyc"):  # the console is for the signed-in, whatever the plugin
        assert client.get(path, follow_redirects=False).headers["location"] == "/console/signin"
    store.dispose()


def test_hook_hall_did_apply(tmp_path) -> None:
    """At the hall, inside the push's transaction: a plugin publishes hall rows that commit with the push;
    a plugin that fails has its half-done work undone and the push still stands."""
    from fastapi.testclient import TestClient

    from station.contributions import HallBatch, SyncedTable
    from station.hall import stations
    from station.hall.app import create_app
    from station.hall.publish import publish_rows
    from station.hall.store import HallStore, default_url

    tables = [
        SyncedTable("note", fields=("text",)),
        SyncedTable("note_count", fields=("count",), write="hall"),
    ]
    heard: list[HallBatch] = []

    def counter(batch: HallBatch) -> None:
        heard.append(batch)
        notes = [c for c in batch.changes if c[0] == "note"]
        batch.publish("note_count", [("all", {"count": len(notes)})])

    def broken(batch: HallBatch) -> None:
        batch.publish("note_count", [("broken", {"count": -1})])
        raise RuntimeError("boom")

    host = host_with(a_counter=plugin(hall_did_apply=counter), b_broken=plugin(hall_did_apply=broken))
    store = HallStore(default_url(tmp_path))
    store.migrate()
    with store.session() as s, s.begin():
        secret = stations.enroll(s, stations.add_station(s, "ST01", "一站")).secret
    http = TestClient(create_app(store, tables, host))
    auth = {"Authorization": f"Bearer ST01:{secret}"}
    ops = [
        {"seq": n, "op_uid": f"{n:08x}", "table": "note", "uid": f"n{n}", "base_version": 0, "op": "upsert",
         "changed": ["text"], "row": {"text": f"第{n}条"}}
        for n in (1, 2)
    ]  # fmt: skip
    assert http.post("/v1/push", json={"ops": ops}, headers=auth).json()["applied"] == 2
    assert [c[:2] for c in heard[0].changes] == [("note", "n1"), ("note", "n2")] and heard[0].changes[0][3] == "ST01"
    changes = http.get("/v1/pull", headers=auth).json()["changes"]
    assert [(c["table"], c["uid"]) for c in changes] == [("note", "n1"), ("note", "n2"), ("note_count", "all")]
    assert changes[-1]["data"] == {"count": 2}
    with store.session() as s, s.begin():  # publishing what is already there changes nothing
        assert publish_rows(s, {t.name: t for t in tables}, "note_count", [("all", {"count": 2})]) == 0
    store.dispose()


def _events_reach_listeners(hook: str, listen, payload: object, seen: list[object]) -> None:
    """A plugin's event reaches a listener that implements it as optional (the offering plugin may be off)."""
    host = host_with(listener=types.SimpleNamespace(**{hook: hookimpl(optionalhook=True)(listen)}))
    argument = next(iter(PLUGIN_HOOKS[hook].__dict__[hook].__annotations__))
    host.fire(hook, **{argument: payload})
    assert seen == [payload]


def test_hook_startup_did_complete() -> None:
    seen: list[object] = []
    completed = StartupCompleted(
        "c1", "e1", "91430200MA4L0XXX0X", "株洲某某科技有限公司", "company", "软件开发", "clerk",
        "2026-11-23T02:00:00+00:00",
    )  # fmt: skip
    _events_reach_listeners("startup_did_complete", lambda completed: seen.append(completed), completed, seen)


def test_hook_license_did_issue() -> None:
    seen: list[object] = []
    issued = LicenseIssued("ZZ01-2026-000001", "e1", "91430200MA4L0XXX0X", ("food_sales",), "clerk")
    _events_reach_listeners("license_did_issue", lambda issued: seen.append(issued), issued, seen)


# -- failure isolation -----------------------------------------------------------------------


def test_plugin_whose_hook_raises_is_disabled_and_the_rest_works() -> None:
    def broken(register):
        raise RuntimeError("boom")

    host = host_with(broken=plugin(register_pages=broken))
    pages = host.collect("register_pages", Page)
    assert {"enterprises", "users"} <= {p.key for p in pages}
    assert host.plugins["broken"].status == "failed" and "boom" in host.plugins["broken"].error
    assert host.collect("register_pages", Page) == pages  # disabled for good, not retried


def test_plugin_with_an_unknown_hook_is_refused() -> None:
    host = host_with(typo=plugin(register_pagez=lambda register: None))
    assert host.plugins["typo"].status == "failed" and "register_pagez" in host.plugins["typo"].error
    assert host.collect("register_pages", Page)


def test_wrong_contribution_type_disables_the_plugin() -> None:
    host = host_with(wrong=plugin(register_pages=lambda register: register("not a page")))
    host.collect("register_pages", Page)
    assert host.plugins["wrong"].status == "failed" and "expects Page" in host.plugins["wrong"].error


def test_event_hook_that_raises_does_not_undo_the_change(tmp_path) -> None:
    from station.core import enterprises

    def explode(change):
        raise RuntimeError("listener bug")

    ctx = StationContext(tmp_path, host=host_with(bad=plugin(enterprise_did_change=explode)))
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
    with ctx.read() as session:
        assert enterprises.count(session) == 1
    assert ctx.host.plugins["bad"].status == "failed"
    ctx.close()


def test_station_plugins_env_and_disabled_setting(monkeypatch) -> None:
    monkeypatch.setenv("STATION_PLUGINS", "registry")
    from station.plugins import load_host

    host = load_host()
    assert host.plugins["registry"].status == "loaded" and host.plugins["people"].status == "skipped"
    monkeypatch.delenv("STATION_PLUGINS")
    host = load_host(disabled=["people"])
    assert host.plugins["people"].status == "disabled"
    assert "users" not in {p.key for p in host.collect("register_pages", Page)}


# -- a real third-party distribution through the entry point ---------------------------------


@pytest.fixture(scope="module")
def tiny_installed(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(TINY),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "TMPDIR": str(build)},
    )
    assert list(target.glob("station_tiny-*.dist-info"))
    return target


def run_station(site: Path, data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(site), **env}
    return subprocess.run(
        [sys.executable, "-m", "station", "--data-dir", str(data), *args], capture_output=True, text=True, env=environ
    )


def test_third_party_plugin_installed_from_a_distribution(tiny_installed, tmp_path) -> None:
    data = tmp_path / "data"
    listed = run_station(tiny_installed, data, "plugins", "--json")
    assert listed.returncode == 0, listed.stderr
    tiny = next(p for p in json.loads(listed.stdout) if p["name"] == "tiny")
    assert tiny == {**tiny, "status": "loaded", "distribution": "station-tiny", "version": "0.0.1", "pages": ["tiny"]}

    hello = run_station(tiny_installed, data, "tiny", "--name", "玉门")
    assert hello.returncode == 0 and hello.stdout.strip() == "你好，玉门"

    events = tmp_path / "events.jsonl"
    demo = run_station(tiny_installed, data, "demo", "--no-gui", TINY_EVENT_LOG=str(events))
    assert demo.returncode == 0, demo.stderr
    assert "tiny/notes: 1 条便签" in demo.stdout
    lines = events.read_text(encoding="utf-8").splitlines()
    imported = [line for line in lines if json.loads(line)["change"] == "imported"]  # others: plugins' demo data
    assert len(imported) == 2400 and json.loads(lines[0])["change"] == "imported"

    # Without the plugin the station still opens the same database: its table is left alone.
    without = run_station(Path("/nonexistent"), data, "enterprise", "list", "--limit", "1")
    assert without.returncode == 0, without.stderr


def test_plugin_that_fails_to_import_is_listed_with_its_error(tiny_installed, tmp_path) -> None:
    broken = tmp_path / "site"
    broken.mkdir()
    dist = broken / "station_broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: station-broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[station]\nbroken = station_broken\n")
    (broken / "station_broken.py").write_text("raise ImportError('a dependency is missing')\n")
    result = run_station(broken, tmp_path / "data", "plugins", "--json")
    assert result.returncode == 0, result.stderr
    listed = {p["name"]: p for p in json.loads(result.stdout)}
    assert listed["broken"]["status"] == "failed" and "a dependency is missing" in listed["broken"]["error"]
    assert listed["registry"]["status"] == "loaded"
