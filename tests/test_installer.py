"""installer/: the Windows setup script checked against pyproject.toml and the built bundle (Inno Setup does
not run here), the bundle's post-build check, and the .deb made from a bundle."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "installer"))
import bundle_contents

ISS = ROOT / "installer" / "windows" / "station.iss"
BUNDLE = ROOT / "dist" / "park-station"
# Changing it would make the next setup install a second program beside the first instead of upgrading it.
APP_ID = "{{C1F28E3D-B121-4945-AC80-F0A65AF658C2}"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def parse_iss(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """``#define`` values and each section's lines, with ``{#Name}`` expanded."""
    defines = dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"', text, re.M))
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], raw.strip())
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line)
    return defines, sections


def entries(lines: list[str]) -> list[dict[str, str]]:
    """``Name: "x"; Flags: y`` lines as dictionaries."""
    return [
        dict((k.strip(), v.strip().strip('"')) for k, v in (p.split(":", 1) for p in line.split(";"))) for line in lines
    ]


@pytest.fixture(scope="module")
def iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a script without a BOM in the ANSI code page"
    return parse_iss(raw.decode("utf-8-sig"))


def test_setup_identity_version_and_places(iss) -> None:
    _defines, sections = iss
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppId"] == APP_ID
    assert setup["AppVersion"] == VERSION
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # per machine, under Program Files
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["CloseApplications"] in ("yes", "force")
    assert setup["OutputBaseFilename"] == f"park-station-{VERSION}-setup"
    (language,) = entries(sections["Languages"])
    assert language["MessagesFile"] == r"compiler:Languages\ChineseSimplified.isl"


def test_upgrades_replace_the_program_folder_and_never_touch_the_data(iss) -> None:
    _defines, sections = iss
    deleted = [e["Name"] for e in entries(sections["InstallDelete"])]
    assert r"{app}\_internal" in deleted  # no stale plugin metadata survives an upgrade
    for name in deleted + [e["Name"] for e in entries(sections.get("UninstallDelete", []))]:
        assert name.startswith("{app}\\"), name  # never the data directory or its plugins folder
        assert "plugins" not in name.lower()
    assert not any("{localappdata}" in line or "{userappdata}" in line for lines in sections.values() for line in lines)


def test_shortcut_and_run_entries_start_the_installed_program(iss) -> None:
    defines, sections = iss
    shortcut, uninstall = entries(sections["Icons"])
    assert shortcut["Name"].startswith("{group}\\") and shortcut["Filename"] == rf"{{app}}\{defines['AppExe']}"
    assert uninstall["Filename"] == "{uninstallexe}"
    installed = {e["DestDir"] + "\\" + PureWindowsPath(e["Source"]).name for e in entries(sections["Files"])}
    assert shortcut["Filename"] in installed
    assert all(e["Filename"] in installed for e in entries(sections["Run"]))


def bundle_required() -> Path:
    if not BUNDLE.is_dir():
        if os.environ.get("STATION_BUNDLE_REQUIRED"):
            pytest.fail("dist/park-station was not built")
        pytest.skip("no bundle: ./dev bundle builds it (./dev test does)")
    return BUNDLE


def test_every_file_the_script_names_is_in_the_bundle(iss) -> None:
    bundle_required()
    defines, sections = iss
    assert defines["AppExe"] == "station.exe" and PureWindowsPath(defines["Bundle"]).name == BUNDLE.name
    for entry in entries(sections["Files"]):
        source = ISS.parent / PurePosixPath(*PureWindowsPath(entry["Source"]).parts)
        if source.name == "*":
            assert source.parent.is_dir() and any(source.parent.iterdir()), source.parent
        else:  # the Windows executable's name, built on Linux without .exe
            assert source.with_suffix("").is_file() or source.is_file(), source


def test_the_post_build_check_names_what_was_not_collected(tmp_path) -> None:
    bundle = tmp_path / "park-station"
    internal = bundle / bundle_contents.CONTENTS
    item = bundle_contents.Carried(
        name="station-x",
        dist_info="station_x-1.0.dist-info",
        packages=["station_x"],
        data_files=[
            PurePosixPath("station_x/catalogue.yaml"),
            PurePosixPath("station_x/migrations/versions/x_0001.py"),
        ],
        entry_modules=["station_x"],
    )
    problems = bundle_contents.missing(bundle, [item], modules=set())
    assert len(problems) == 6, problems  # metadata, module, two data files, Qt's translation, the executable
    for path in (
        *item.data_files,
        PurePosixPath(item.dist_info, "entry_points.txt"),
        bundle_contents.QT_TRANSLATIONS_DIR / "qtbase_zh_CN.qm",
    ):
        (internal / path).parent.mkdir(parents=True, exist_ok=True)
        (internal / path).write_text("")
    (bundle / "station").write_text("")
    assert bundle_contents.missing(bundle, [item], modules={"station_x"}) == []


def test_a_deb_is_made_from_a_bundle(tmp_path) -> None:
    bundle = tmp_path / "park-station"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "station").write_text("#!/bin/sh\n")
    (bundle / "station").chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("x")
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "linux" / "deb.py"), str(bundle), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    (deb,) = tmp_path.glob("*.deb")
    assert deb.name.startswith(f"park-station_{VERSION}_")
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "Package: park-station" in info and f"Version: {VERSION}" in info
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in (
        "./opt/park-station/station",
        "./opt/park-station/_internal/data.txt",
        "./usr/bin/station",
        "./usr/share/applications/park-station.desktop",
    ):
        assert path in contents
