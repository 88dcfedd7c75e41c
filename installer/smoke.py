"""Smoke test of the frozen program, run by ``./dev test`` (CI) right after ``./dev bundle``.

    python installer/smoke.py [dist/park-station]

Everything runs on a fresh data directory, with a clean environment (no PYTHONPATH, no venv, a home of its
own) from a folder outside the checkout, so the program can only use what it carries. Prints one line per
check and exits non-zero at the first failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TINY_PLUGIN = ROOT / "tests" / "fixtures" / "tiny_plugin"
GUI_SECONDS = 5.0
# Dropped into the plugins folder before the window opens: what Qt's standard buttons say once the shell has
# installed its translators (Qt's own Chinese catalogue must have been carried and found).
QT_PROBE = """import os
from PySide6.QtCore import QCoreApplication, QTimer

def _say():
    with open(os.environ["STATION_SMOKE_QT"], "w", encoding="utf-8") as out:
        out.write(QCoreApplication.translate("QPlatformTheme", "Cancel"))

QTimer.singleShot(1000, _say)
"""


class Smoke:
    def __init__(self, bundle: Path, scratch: Path) -> None:
        self.program = bundle / ("station.exe" if sys.platform == "win32" else "station")
        self.scratch = scratch
        self.data = scratch / "station"
        home = scratch / "home"
        home.mkdir()
        drop = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "STATION_DATA_DIR", "STATION_PLUGINS")
        self.env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("XDG_")}
        self.env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
        self.passed = 0

    def run(self, *args: str, data: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.program), "--data-dir", str(data or self.data), *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.scratch,
            timeout=300,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"station {' '.join(args)} exited {done.returncode}:\n{done.stderr}{done.stdout}")
        return done

    def check(self, title: str, step: Callable[[], str]) -> None:
        started = time.monotonic()
        detail = step()
        self.passed += 1
        print(f"ok   {title} ({time.monotonic() - started:.1f} s){': ' + detail if detail else ''}", flush=True)

    # -- the checks ---------------------------------------------------------------------------------------

    def version(self) -> str:
        import tomllib

        wanted = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        out = subprocess.run(
            [str(self.program), "--version"], capture_output=True, text=True, env=self.env, cwd=self.scratch
        )
        assert out.returncode == 0 and out.stdout.strip() == f"station {wanted}", out
        return out.stdout.strip()

    def demo(self) -> str:
        out = self.run("demo", "--no-gui")
        assert "演示数据已就绪" in out.stdout, out.stdout
        return ""

    def plugins_loaded(self, *expected: str) -> str:
        listed = {p["name"]: p for p in json.loads(self.run("plugins", "--json").stdout)}
        failing = {name: p["error"] or p["status"] for name, p in listed.items() if p["status"] != "loaded"}
        assert not failing, failing
        missing = set(expected) - set(listed)
        assert not missing, f"not listed: {missing}"
        return ", ".join(sorted(listed))

    def licence(self) -> str:
        uscc = json.loads(self.run("enterprise", "list", "--limit", "1", "--json").stdout)[0]["uscc"]
        pdf = self.scratch / "licence.pdf"
        self.run("license", "issue", "--uscc", uscc, "--permit", "SPJY:JY13101000001:2030-12-31", "--pdf", str(pdf))
        verdict = json.loads(self.run("license", "verify", str(pdf), "--json").stdout)
        assert verdict["verdict"] == "valid", verdict
        return f"{verdict['number']} {verdict['label']}"

    def hall_and_sync(self) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        hall_data = self.scratch / "hall"
        hall = subprocess.Popen(
            [str(self.program), "--data-dir", str(hall_data), "hall", "serve", "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
            cwd=self.scratch,
        )
        try:
            assert hall.stdout is not None
            first = hall.stdout.readline()
            assert "服务大厅已启动" in first, first + (hall.stderr.read() if hall.stderr else "")
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass  # said it started: the port is bound
            code = "ST01"  # the code of a station that was never set up, as the demo's licences carry
            added = self.run("hall", "add-station", code, "--name", "冒烟测试服务站", "--json", data=hall_data)
            token = json.loads(added.stdout)["token"]
            self.run("enroll", f"http://127.0.0.1:{port}", token)
            self.run("sync")
            status = json.loads(self.run("sync", "status", "--json").stdout)
            assert status["pending"] == 0, status
            return f"{code} synced, cursor {status['cursor']}"
        finally:
            hall.terminate()
            hall.wait(timeout=30)

    def third_party_plugin(self) -> str:
        wheels = self.scratch / "wheels"
        source = self.scratch / "tiny_plugin"  # a clean copy: setuptools builds in the tree
        shutil.copytree(TINY_PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "-w",
                str(wheels),
                str(source),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "TMPDIR": str(self.scratch)},
        )
        (wheel,) = wheels.glob("station_tiny-*.whl")
        self.run("plugins", "add", str(wheel))
        self.plugins_loaded("tiny")
        upgraded = self.run("db", "upgrade").stdout
        assert "tiny_0001" in upgraded and "升级前的备份" in upgraded, upgraded
        return "tiny added, its migration applied after a backup"

    def gui(self) -> str:
        log = self.data / "logs" / "station.log"
        start = log.stat().st_size if log.exists() else 0
        probe = self.data / "plugins"
        (probe / "smoke_qt_probe.py").write_text(QT_PROBE, encoding="utf-8")
        (probe / "smoke_qt_probe-1.0.dist-info").mkdir()
        (probe / "smoke_qt_probe-1.0.dist-info" / "METADATA").write_text("Name: smoke-qt-probe\nVersion: 1.0\n")
        (probe / "smoke_qt_probe-1.0.dist-info" / "entry_points.txt").write_text(
            "[station]\nqt_probe = smoke_qt_probe\n"
        )
        said = self.scratch / "qt-cancel.txt"
        window = subprocess.Popen(
            [str(self.program), "--data-dir", str(self.data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**self.env, "STATION_SMOKE_QT": str(said)},
            cwd=self.scratch,
        )
        time.sleep(GUI_SECONDS)
        alive = window.poll() is None
        window.terminate()
        output = window.communicate(timeout=30)[0]
        assert alive, f"the window closed after less than {GUI_SECONDS:.0f} s:\n{output}"
        errors = [line for line in log.read_text(encoding="utf-8")[start:].splitlines() if re.search(r" ERROR ", line)]
        assert not errors, "\n".join(errors)
        cancel = said.read_text(encoding="utf-8") if said.exists() else "(nothing)"
        assert cancel == "取消", f"Qt's standard buttons are not in Chinese: {cancel}"
        return f"up {GUI_SECONDS:.0f} s, no error in the log, Qt's own buttons in Chinese ({cancel})"


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "park-station").resolve()
    with tempfile.TemporaryDirectory(prefix="station-smoke-") as scratch:
        smoke = Smoke(bundle, Path(scratch))
        checks = [
            ("--version", smoke.version),
            ("demo --no-gui", smoke.demo),
            ("plugins --json: all loaded", lambda: smoke.plugins_loaded("registry", "startup", "licenses")),
            ("license issue --pdf, license verify", smoke.licence),
            ("hall serve, add-station, enroll, sync", smoke.hall_and_sync),
            ("plugins add, migration at the next start", smoke.third_party_plugin),
            ("window offscreen", smoke.gui),
        ]
        for title, step in checks:
            try:
                smoke.check(title, step)
            except Exception as exc:
                print(f"FAIL {title}: {exc}", flush=True)
                return 1
    print(f"frozen program: {smoke.passed} checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
