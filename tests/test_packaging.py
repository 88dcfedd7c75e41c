"""The wheels of the project and of every plugin carry what the program reads at run time, and installed (not
editable) in a fresh venv they run the README's commands from a folder outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT

PLUGINS = sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))
SKIP = {"__pycache__", ".pyc"}


# setuptools builds in the source tree and keeps what an earlier build left in build/lib: a wheel built there
# could hold a file its configuration no longer ships. The test builds from a clean copy.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    ".data",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
)


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> dict[str, zipfile.ZipFile]:
    """``pip wheel --no-deps`` of the root and every plugin, as ``./dev bundle`` builds them."""
    out = tmp_path_factory.mktemp("wheels")
    source = tmp_path_factory.mktemp("source") / "checkout"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    projects = [source, *(source / plugin.relative_to(ROOT) for plugin in PLUGINS)]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out)]
        + [str(project) for project in projects],
        check=True,
        capture_output=True,
        env={**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("build"))},
    )
    return {path.name.split("-")[0]: zipfile.ZipFile(path) for path in out.glob("*.whl")}


def source_files(folder: Path) -> set[str]:
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {name for name in tracked if not SKIP & {*Path(name).parts, Path(name).suffix}}


def test_the_program_wheel_carries_its_code_migrations_and_resources(wheels) -> None:
    names = set(wheels["park_station"].namelist())
    expected = {f"station/{name}" for name in source_files(ROOT / "src" / "station")}
    expected |= {f"station/resources/{name}" for name in source_files(ROOT / "resources")}
    assert expected - names == set()
    for must in (
        "station/core/migrations/script.py.mako",
        "station/hall/migrations/script.py.mako",
        "station/hall/migrations/versions/hall_0001_stations.py",
        "station/resources/calendar/cn_holidays.yaml",
        "station/resources/fonts/wqy-microhei.ttc",
        "station/resources/fonts/LICENSE-Apache-2.0.txt",
        "station/resources/translations/station_zh_CN.qm",  # built by ./dev setup before any wheel
    ):
        assert must in names


@pytest.mark.parametrize("plugin", PLUGINS, ids=lambda p: p.name)
def test_each_plugin_wheel_carries_migrations_translations_and_catalogues(wheels, plugin) -> None:
    package = plugin / f"station_{plugin.name}"
    names = set(wheels[package.name].namelist())
    expected = {f"{package.name}/{name}" for name in source_files(package)}
    expected |= {f"{package.name}/translations/{qm.name}" for qm in (package / "translations").glob("*.qm")}
    assert expected - names == set()
    assert any(n.startswith(f"{package.name}/migrations/versions/{plugin.name}_0001") for n in names)
    assert f"{package.name}/translations/{package.name}_zh_CN.qm" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "[station]" in wheels[package.name].read(entry_points).decode()


@pytest.fixture(scope="module")
def installed(wheels, tmp_path_factory) -> Path:
    """A fresh venv with the wheels and the pinned dependencies: what a park IT person would install."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    files = [zf.filename for zf in wheels.values()]
    done = subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "constraints.txt"),
            *files,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return venv


README_COMMANDS = [
    ["--version"],
    ["demo", "--no-gui", "--seed", "7"],
    ["plugins", "--json"],
    ["enterprise", "list", "--limit", "3", "--json"],
    ["enterprise", "template", "template.csv"],
    ["db", "upgrade"],
    ["db", "backup"],
    ["audit", "verify"],
    ["users", "list"],
    ["startup", "list", "--json"],
    ["policy", "catalog", "list"],
    ["agencies", "services"],
    ["license", "kinds"],
    ["license", "list"],
    ["sync", "status", "--json"],
    ["hall", "digest"],
]


@pytest.mark.slow
def test_installed_wheels_run_the_readme_commands(installed, tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    station = installed / "bin" / "station"
    location = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import station; print(station.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(installed) in location  # not the checkout
    for command in README_COMMANDS:
        done = subprocess.run(
            [str(station), "--data-dir", str(tmp_path / "data"), *command],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        assert done.returncode == 0, f"station {' '.join(command)}: {done.stderr}"
        if command[0] == "plugins":
            listed = json.loads(done.stdout)
            assert {p["status"] for p in listed} == {"loaded"}, listed
            assert {"registry", "startup", "policy", "agencies", "licenses"} <= {p["name"] for p in listed}
