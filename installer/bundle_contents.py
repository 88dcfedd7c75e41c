"""What the frozen program must carry, read from the installed distributions, and the check of a built bundle.

Used by ``station.spec`` (inside the build venv, where the project and its plugins are installed from their
wheels) and by the tests. PyInstaller says "Build complete" even when a plugin that is only reached through
an entry point was left out, so the spec checks the folder it made against this list and fails the build.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

PROGRAM_DISTRIBUTION = "park-station"
ENTRY_POINT_GROUP = "station"
CONTENTS = "_internal"  # PyInstaller's folder beside the executable
# Qt's own catalogue for standard dialogs and buttons (确定, 取消 …), loaded by station.shell.i18n.
QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)
QT_TRANSLATIONS_DIR = PurePosixPath("PySide6/Qt/translations")


@dataclass
class Carried:
    """One distribution the program carries: its metadata folder, packages, modules and data files."""

    name: str
    dist_info: str
    packages: list[str]
    data_files: list[PurePosixPath] = field(default_factory=list)  # relative to site-packages
    entry_modules: list[str] = field(default_factory=list)


def _is_editable(dist: metadata.Distribution) -> bool:
    raw = dist.read_text("direct_url.json")
    return bool(raw) and bool(json.loads(raw).get("dir_info", {}).get("editable"))


def _is_data(path: PurePosixPath) -> bool:
    """Files read from disk at run time: everything but code, and Alembic's scripts, which Alembic loads
    from their folder as files."""
    if "__pycache__" in path.parts or path.suffix == ".pyc":
        return False
    return path.suffix != ".py" or "migrations" in path.parts


def carried() -> list[Carried]:
    """The program and every distribution offering an entry point in the ``station`` group."""
    names = {PROGRAM_DISTRIBUTION}
    names.update(ep.dist.metadata["Name"] for ep in metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.dist)
    out = []
    for name in sorted(names):
        dist = metadata.distribution(name)
        if _is_editable(dist):
            raise SystemExit(f"{name} is installed editable: build the bundle from its wheel")
        files = [PurePosixPath(str(f)) for f in dist.files or []]
        dist_info = next(f.parts[0] for f in files if f.parts[0].endswith(".dist-info"))
        packages = sorted(
            {f.parts[0] for f in files if len(f.parts) > 1 and f.parts[0].isidentifier()}  # not ../bin, *.dist-info
        )
        out.append(
            Carried(
                name=name,
                dist_info=dist_info,
                packages=packages,
                data_files=sorted(f for f in files if f.parts[0] in packages and _is_data(f)),
                entry_modules=sorted(ep.value for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP),
            )
        )
    return out


def site_packages(item: Carried) -> Path:
    return Path(str(metadata.distribution(item.name).locate_file("")))


def missing(bundle: Path, items: list[Carried], modules: set[str]) -> list[str]:
    """What the built folder ``bundle`` (``dist/park-station``) lacks; ``modules`` are the frozen modules."""
    root = bundle / CONTENTS
    problems = []
    for item in items:
        if not (root / item.dist_info / "entry_points.txt").is_file() and item.entry_modules:
            problems.append(f"{item.name}: no {item.dist_info}/entry_points.txt (its plugins would not be found)")
        for module in item.entry_modules:
            if module not in modules:
                problems.append(f"{item.name}: module {module} not frozen")
        for data in item.data_files:
            if not (root / data).is_file():
                problems.append(f"{item.name}: data file {data} not collected")
    for qm in QT_TRANSLATIONS:
        if not (root / QT_TRANSLATIONS_DIR / qm).is_file():
            problems.append(f"Qt translation {qm} not collected")
    executable = bundle / ("station.exe" if sys.platform == "win32" else "station")
    if not executable.is_file():
        problems.append(f"no executable {executable.name}")
    return problems
