"""A Debian package of the frozen program, for parks whose desktops run Linux (UOS, Kylin, Debian):

    python installer/linux/deb.py dist/park-station dist      (./dev bundle --deb runs it)

The program goes to /opt/park-station with ``station`` on the PATH and a menu entry. dpkg replaces the
program's files on upgrade and deletes those a newer version no longer has; the station's data and the
plugins added with ``station plugins add`` live in each user's data directory and are never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "park-station"
PREFIX = Path("opt") / PACKAGE
# What Qt's xcb platform needs from the desktop (PyInstaller leaves the graphics stack to the system).
DEPENDS = "libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libfontconfig1, libdbus-1-3"
DESKTOP = """[Desktop Entry]
Type=Application
Name=Park Service Station
Name[zh_CN]=园区企业服务站
Comment[zh_CN]=园区企业服务站：企业开办、惠企政策兑现、中介超市、一照通执照
Exec=/{prefix}/station
Terminal=false
Categories=Office;
"""


def build(bundle: Path, out_dir: Path) -> Path:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = project["version"]
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    size_kib = sum(f.lstat().st_size for f in bundle.rglob("*") if not f.is_dir() or f.is_symlink()) // 1024
    with tempfile.TemporaryDirectory(prefix="station-deb-") as scratch:
        root = Path(scratch) / "root"
        shutil.copytree(bundle, root / PREFIX, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / "station").symlink_to(Path("/") / PREFIX / "station")
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        (applications / f"{PACKAGE}.desktop").write_text(DESKTOP.format(prefix=PREFIX), encoding="utf-8")
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text(
            f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\nSection: misc\nPriority: optional\n"
            f"Installed-Size: {size_kib}\nDepends: {DEPENDS}\nMaintainer: Park Service Station <station@localhost>\n"
            f"Description: {project['description']}\n",
            encoding="utf-8",
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(target)],
            check=True,
            capture_output=True,
        )
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
