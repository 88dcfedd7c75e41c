"""The rules of the house the licences plugin must keep."""

from __future__ import annotations

import subprocess
import sys

NON_UI = [
    "station_licenses",
    "station_licenses.models",
    "station_licenses.services",
    "station_licenses.verify",
    "station_licenses.catalogue",
    "station_licenses.documents",
    "station_licenses.qr",
    "station_licenses.cli",
    "station_licenses.demo",
    "station_licenses.hall_side",
    "station.core.signing",
    "station.core.trust",
    "station.core.station_key",
]


def test_services_and_core_signing_never_import_qt():
    code = (
        "import sys\n"
        f"for m in {NON_UI!r}: __import__(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_entry_point_imports_nothing_heavy():
    code = (
        "import sys\nimport station_licenses\n"
        "roots = ('PySide6', 'sqlalchemy', 'reportlab', 'cryptography')\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in roots]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_catalogue_has_the_kinds_parks_load():
    from station_licenses import catalogue

    names = {k.name for k in catalogue.kinds().values()}
    assert {"食品经营许可证", "药品经营许可证（零售）", "公共场所卫生许可证", "排污许可证"} <= names
    assert all(len(code) <= 6 and code.isascii() for code in catalogue.kinds())
