"""The plugin API's boundary: plugins import the station only through ``station.api`` (and its ``ui`` and ``hall``
namespaces) and never each other; every name the API declares resolves, and importing it is free."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

API = ("station.api", "station.api.ui", "station.api.hall")
PLUGIN_ROOTS = sorted(
    package
    for folder in ("plugins", "examples")
    for package in (ROOT / folder).glob("*/station_*")
    if package.is_dir() and not package.name.endswith(".egg-info")
)


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def test_the_plugins_are_found() -> None:
    assert {p.name for p in PLUGIN_ROOTS} >= {
        "station_agencies",
        "station_licenses",
        "station_policy",
        "station_startup",
    }


@pytest.mark.parametrize("package", PLUGIN_ROOTS, ids=lambda p: p.name)
def test_a_plugin_imports_the_station_only_through_the_api_and_no_other_plugin(package: Path) -> None:
    wrong = []
    for path in sorted(package.rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top == "station" and not module.startswith(API):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module} (use station.api)")
            elif top.startswith("station_") and top != package.name:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports another plugin, {module} (offer a hook)")
    assert not wrong, "\n".join(wrong)


def _declared(module: str) -> tuple[dict[str, str], set[str]]:
    """The module's EXPORTS table and the names its TYPE_CHECKING block imports."""
    source = Path(importlib.import_module(module).__file__ or "").read_text(encoding="utf-8")
    tree = ast.parse(source)
    exports: dict[str, str] = {}
    typed: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "EXPORTS":
            exports = ast.literal_eval(node.value)
        elif isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.Import | ast.ImportFrom):
                    typed |= {alias.asname or alias.name for alias in stmt.names}
    return exports, typed


@pytest.mark.parametrize("module", API)
def test_every_declared_name_resolves_and_type_checkers_see_the_same_names(module: str) -> None:
    exports, typed = _declared(module)
    assert exports and set(exports) == typed, set(exports) ^ typed
    api = importlib.import_module(module)
    for name, target in exports.items():
        source, _, attribute = target.partition(":")
        expected = importlib.import_module(source)
        assert getattr(api, name) is (getattr(expected, attribute) if attribute else expected), name
    assert sorted(api.__all__) == sorted(exports) and set(dir(api)) >= set(exports)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        api.nothing_here  # noqa: B018


def test_importing_the_api_and_the_plugins_loads_neither_qt_nor_sqlalchemy() -> None:
    """The plugins' entry points are imported before the first window paints: they must stay light."""
    names = ", ".join(p.name for p in PLUGIN_ROOTS)
    code = (
        f"import sys, station.api, {names}\n"
        "heavy = [m for m in ('PySide6.QtWidgets', 'sqlalchemy', 'fastapi') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    # The examples are third-party plugins, not installed in the development environment: import them from source.
    examples = [str(p.parent) for p in PLUGIN_ROOTS if p.parent.parent.name == "examples"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*examples, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == ""


def test_contributions_name_their_code_and_every_name_loads() -> None:
    """Pages, commands, demo steps, figures … may be given as "module:attribute": a misspelt one is refused
    when contributed, and every one the installed plugins contribute imports (what a clerk would otherwise
    meet only on first opening the page)."""
    import dataclasses

    from station import contributions as c
    from station.plugins import PluginHost

    with pytest.raises(ValueError, match="module:attribute"):
        c.Page("x", "X", factory="station_policy.ui.page.PolicyPage")  # a dot where the colon belongs
    assert c.loaded("station.core.uscc:normalize") is importlib.import_module("station.core.uscc").normalize

    host = PluginHost().load_entry_points()
    kinds = {
        "register_pages": c.Page, "register_cli_commands": c.CliCommand, "register_demo_data": c.DemoData,
        "register_dashboard_figures": c.DashboardFigure, "register_notice_sources": c.NoticeSource,
        "register_audit_wordings": c.AuditWording, "register_hall_pages": c.HallPage,
    }  # fmt: skip
    named = 0
    for hook, kind in kinds.items():
        for item in host.collect(hook, kind):
            for f in dataclasses.fields(item):
                value = getattr(item, f.name)
                if f.metadata.get("ref") and isinstance(value, str):
                    assert callable(c.loaded(value)), f"{item.plugin}: {value}"
                    named += 1
    assert named >= 15 and all(info.active for info in host.plugins.values())
