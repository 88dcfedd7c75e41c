"""``station license …`` end to end, as a clerk's script would run it."""

from __future__ import annotations

import json
import subprocess

import pytest
from licenses_helpers import add_enterprise, certify_locally

from helpers import STATION
from station.core.context import StationContext


def station(data, *args):
    return subprocess.run([*STATION, "--data-dir", str(data), "license", *args], capture_output=True, text=True)


@pytest.fixture
def prepared(tmp_path, hall_key):
    data = tmp_path / "st"
    ctx = StationContext(data)
    ctx.open()
    uscc = add_enterprise(ctx, ctx.permissions.actor("admin", "admin"))
    ctx.close()
    return data, uscc


def test_kinds_and_a_station_without_a_key(prepared):
    data, uscc = prepared
    kinds = station(data, "kinds", "--json")
    assert kinds.returncode == 0
    assert {"code": "SPJY", "name": "食品经营许可证"}.items() <= json.loads(kinds.stdout)[0].items()
    refused = station(data, "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000001:2031-06-30")
    assert refused.returncode != 0
    assert "station enroll" in refused.stderr and "不能签发" in refused.stderr


def test_issue_verify_tamper_revoke(prepared, hall_key, tmp_path):
    data, uscc = prepared
    certify_locally(data, hall_key, "ST01")
    issued = station(
        data, "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000001:2031-06-30",
        "--permit", "YPJY:豫AA3710001:2030-12-31", "--permit", "GGWS:豫卫公证字〔2026〕第000123号:2030-03-31", "--json",
    )  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    answer = json.loads(issued.stdout)
    payload = answer["payload"]
    assert answer["number"].startswith("ST01-") and len(answer["permits"]) == 3

    ok = station(data, "verify", "--payload", payload, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "valid"

    bad = payload[:40] + ("0" if payload[40] != "0" else "1") + payload[41:]
    refused = station(data, "verify", "--payload", bad, "--json")
    assert refused.returncode == 1 and json.loads(refused.stdout)["verdict"] != "valid"

    import zxingcpp
    from PIL import Image

    image = tmp_path / "scan.png"
    view = memoryview(zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="Q").to_image(scale=4))
    Image.frombytes("L", (view.shape[1], view.shape[0]), view.tobytes()).save(image)
    from_file = station(data, "verify", str(image), "--json")
    assert from_file.returncode == 0 and json.loads(from_file.stdout)["verdict"] == "valid"

    revoked = station(data, "revoke", answer["number"], "--reason", "违规经营")
    assert revoked.returncode == 0, revoked.stderr
    after = station(data, "verify", "--payload", payload, "--json")
    assert after.returncode == 1 and json.loads(after.stdout)["verdict"] == "revoked"
