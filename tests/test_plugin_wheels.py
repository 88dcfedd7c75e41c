"""``station plugins add FILE.whl`` / ``plugins remove NAME``: checks on hostile wheels, a killed add, and the
whole path through the command line (the plugin's migration runs at the next start, after a backup)."""

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
from station import plugin_wheels
from station.errors import UserError

TINY = ROOT / "tests" / "fixtures" / "tiny_plugin"


@pytest.fixture(scope="module")
def tiny_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    source = tmp_path_factory.mktemp("source") / "tiny"  # setuptools builds in the tree: not in the shared one
    shutil.copytree(TINY, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        env={**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("build"))},
    )
    (wheel,) = out.glob("station_tiny-*.whl")
    return wheel


def make_wheel(
    folder: Path,
    files: dict[str, str],
    *,
    name: str = "station_extra",
    tag: str = "py3-none-any",
    entry_points: str = "[station]\nextra = station_extra\n",
    requires: tuple[str, ...] = (),
) -> Path:
    """A hand-made wheel: the adversary does not have to use a build backend."""
    wheel = folder / f"{name}-1.0-{tag}.whl"
    dist_info = f"{name}-1.0.dist-info"
    meta = f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: 1.0\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{dist_info}/METADATA", meta)
        if entry_points:
            archive.writestr(f"{dist_info}/entry_points.txt", entry_points)
        archive.writestr(f"{dist_info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\n")
        record = [*files, f"{dist_info}/METADATA", f"{dist_info}/entry_points.txt", f"{dist_info}/RECORD"]
        archive.writestr(f"{dist_info}/RECORD", "".join(f"{path},,\n" for path in record))
    return wheel


GOOD = {"station_extra/__init__.py": ""}


def test_a_wheel_is_unpacked_and_removed(tmp_path, tiny_wheel) -> None:
    folder = tmp_path / "plugins"
    added = plugin_wheels.add(tiny_wheel, folder)
    assert (added.distribution, added.version, added.plugins) == ("station-tiny", "0.0.1", ("tiny",))
    assert not added.replaced
    assert (folder / "station_tiny" / "versions" / "tiny_0001_note.py").is_file()
    assert [d.metadata["Name"] for d in plugin_wheels.installed(folder)] == ["station-tiny"]
    assert plugin_wheels.add(tiny_wheel, folder).replaced  # adding it again updates it in place
    assert plugin_wheels.remove("tiny", folder) == "station-tiny"
    assert list(folder.iterdir()) == []
    with pytest.raises(UserError, match="没有找到"):
        plugin_wheels.remove("tiny", folder)
    with pytest.raises(UserError, match="没有找到"):
        plugin_wheels.remove("registry", folder)  # a plugin the program carries is not removable


@pytest.mark.parametrize(
    ("wheel_args", "message"),
    [
        ({"tag": "cp27-cp27m-win32"}, "其他 Python 版本"),
        ({"entry_points": ""}, "不是服务站插件"),
        ({"entry_points": "[console_scripts]\nx = station_extra:main\n"}, "不是服务站插件"),
        ({"files": {"../../evil.py": "", **GOOD}}, "内容异常"),
        ({"files": {"/etc/evil.py": "", **GOOD}}, "内容异常"),
        ({"files": {"station_extra-1.0.data/scripts/run": "", **GOOD}}, "程序文件夹以外"),
        ({"files": {"station/__init__.py": "", **GOOD}}, "与本程序中的同名"),
        ({"files": {"yaml/__init__.py": "", **GOOD}}, "与本程序中的同名"),
        ({"entry_points": "[station]\nregistry = station_extra\n"}, "已有名为“registry”的插件"),
        ({"requires": ("numpy>=2",)}, "numpy"),
        ({"requires": ("park-station>=99",)}, "版本不符"),
    ],
)
def test_hostile_or_unsuitable_wheels_are_refused_before_anything_is_written(tmp_path, wheel_args, message) -> None:
    files = wheel_args.pop("files", GOOD)
    wheel = make_wheel(tmp_path, files, **wheel_args)
    folder = tmp_path / "plugins"
    with pytest.raises(UserError, match=message) as caught:
        plugin_wheels.add(wheel, folder)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert "/" not in caught.value.message  # a sentence, no paths


def test_requirements_the_program_carries_are_accepted(tmp_path) -> None:
    wheel = make_wheel(tmp_path, GOOD, requires=("park-station", "SQLAlchemy>=2", "numpy; python_version < '3'"))
    assert plugin_wheels.add(wheel, tmp_path / "plugins").plugins == ("extra",)


def test_a_wheel_without_its_metadata_is_refused(tmp_path) -> None:
    wheel = tmp_path / "station_extra-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("station_extra/__init__.py", "")
        archive.writestr("station_extra-1.0.dist-info/entry_points.txt", "[station]\nextra = station_extra\n")
    with pytest.raises(UserError, match="缺少说明信息"):
        plugin_wheels.add(wheel, tmp_path / "plugins")


def test_a_corrupt_or_misnamed_file_is_refused(tmp_path) -> None:
    broken = tmp_path / "station_extra-1.0-py3-none-any.whl"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError, match="已损坏"):
        plugin_wheels.add(broken, tmp_path / "plugins")
    misnamed = tmp_path / "plugin.zip"
    misnamed.write_bytes(b"")
    with pytest.raises(UserError, match="不是插件安装包"):
        plugin_wheels.add(misnamed, tmp_path / "plugins")
    with pytest.raises(UserError, match="找不到"):
        plugin_wheels.add(tmp_path / "nothing.whl", tmp_path / "plugins")


def test_two_added_plugins_cannot_share_a_package(tmp_path) -> None:
    folder = tmp_path / "plugins"
    plugin_wheels.add(make_wheel(tmp_path, GOOD), folder)
    other = make_wheel(tmp_path, GOOD, name="station_other", entry_points="[station]\nother = station_extra\n")
    with pytest.raises(UserError, match="station-extra中的同名"):
        plugin_wheels.add(other, folder)


def test_an_add_killed_half_way_leaves_no_plugin_and_adding_again_finishes(tmp_path, tiny_wheel) -> None:
    folder = tmp_path / "plugins"
    plugin_wheels.add(tiny_wheel, folder)
    # What a kill between moving the package and moving its .dist-info leaves: a staging folder holding the
    # .dist-info, the package in place.
    staging = folder / ".adding-killed"
    staging.mkdir()
    dist_info = next(folder.glob("*.dist-info"))
    dist_info.replace(staging / dist_info.name)
    assert plugin_wheels.installed(folder) == []  # no entry point: the half-added plugin does not exist
    plugin_wheels.add(tiny_wheel, folder)
    assert [d.metadata["Name"] for d in plugin_wheels.installed(folder)] == ["station-tiny"]
    assert sorted(p.name for p in folder.iterdir()) == ["station_tiny", dist_info.name]


def station(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "station", "--data-dir", str(data), *args], capture_output=True, text=True, env=env
    )


@pytest.mark.slow
def test_cli_add_then_the_next_start_migrates_after_a_backup_and_remove(tmp_path, tiny_wheel) -> None:
    data = tmp_path / "data"
    assert station(data, "db", "upgrade").returncode == 0
    added = station(data, "plugins", "add", str(tiny_wheel))
    assert added.returncode == 0, added.stderr
    assert "下次启动" in added.stdout
    listed = {p["name"]: p for p in json.loads(station(data, "plugins", "--json").stdout)}
    assert listed["tiny"]["status"] == "loaded" and listed["tiny"]["distribution"] == "station-tiny"
    upgraded = station(data, "db", "upgrade")
    assert "tiny_0001" in upgraded.stdout and "升级前的备份" in upgraded.stdout, upgraded.stdout
    assert list((data / "backups").glob("*before-upgrade*"))
    hello = station(data, "tiny", "--name", "玉门")
    assert hello.stdout.strip() == "你好，玉门", hello.stderr

    removed = station(data, "plugins", "remove", "tiny")
    assert removed.returncode == 0 and "station-tiny" in removed.stdout
    assert station(data, "enterprise", "list").returncode == 0  # its table stays, the station still opens


def test_an_added_plugin_that_fails_to_load_is_listed_with_its_error(tmp_path) -> None:
    wheel = make_wheel(tmp_path, {"station_extra/__init__.py": "raise ImportError('needs a newer station')\n"})
    data = tmp_path / "data"
    assert station(data, "plugins", "add", str(wheel)).returncode == 0
    listed = {p["name"]: p for p in json.loads(station(data, "plugins", "--json").stdout)}
    assert listed["extra"]["status"] == "failed" and "needs a newer station" in listed["extra"]["error"]
    assert listed["registry"]["status"] == "loaded"
