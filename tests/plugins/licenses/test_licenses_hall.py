"""With a real hall: enrolment certifies each station's key, the hall publishes the signed lists, a licence
issued at one station verifies at another, and a revocation reaches it with the next sync — offline after."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest_hall import hall, station  # noqa: F401 - the real hall process
from licenses_helpers import add_enterprise

from station.core.context import StationContext


@pytest.fixture
def hall_db():  # SQLite is enough here: the hall's sync itself is tested over PostgreSQL in tests/hall
    return None


def run(data, *args):
    result = station(data, *args)
    assert result.returncode == 0, result.stderr
    return result


def test_enrol_certify_issue_sync_verify_revoke(tmp_path, hall):  # noqa: F811
    a, b = tmp_path / "a", tmp_path / "b"
    enrolled = run(a, "enroll", hall.url, hall.add_station("ST01", "航空港区企业服务站"))
    assert "已取得服务大厅的公钥" in enrolled.stdout  # enough to check the hall's lists
    assert (a / "signing" / "station-key.pem").exists()  # and the station's key, certified at enrolment
    assert json.loads(run(a, "license", "key", "--json").stdout)["station_code"] == "ST01"
    run(b, "enroll", hall.url, hall.add_station("ST02", "临平企业服务站"))
    # A station that enrolled before keys existed (its key files gone) certifies with the key command.
    shutil.rmtree(b / "signing")
    key = json.loads(run(b, "license", "key", "--json").stdout)
    assert key["station_code"] == "ST02"

    ctx = StationContext(a)
    ctx.open()
    uscc = add_enterprise(ctx, ctx.permissions.actor("admin", "admin"))
    ctx.close()
    issued = json.loads(
        run(a, "license", "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000001:2031-06-30", "--json").stdout
    )
    payload = issued["payload"]
    assert (a / "signing" / "station-key.pem").stat().st_mode & 0o777 == 0o600
    run(a, "sync")
    run(b, "sync")
    seen = json.loads(station(b, "license", "verify", "--payload", payload, "--json").stdout)
    assert seen["verdict"] == "valid", seen
    assert seen["trust_lists"]["station_keys"]

    assert json.loads(run(a, "license", "key", "--json").stdout)["station_code"] == "ST01"
    run(a, "license", "revoke", issued["number"], "--reason", "食品经营许可证被注销")
    run(a, "sync")
    run(b, "sync")
    # ST02 is locked out at the hall: what it signs from now on does not pass anywhere.
    locked = hall.cli("revoke-station", "ST02")
    assert locked.returncode == 0 and "签名密钥自此失效" in locked.stdout, locked.stdout + locked.stderr
    late = json.loads(
        run(b, "license", "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000009:2031-06-30", "--json").stdout
    )
    run(a, "sync")
    after = json.loads(station(a, "license", "verify", "--payload", late["payload"], "--json").stdout)
    assert after["verdict"] != "valid", after
    hall.stop()  # from here on the station is offline: verification uses its cached lists only
    after = station(b, "license", "verify", "--payload", payload, "--json")
    verdict = json.loads(after.stdout)
    assert after.returncode == 1 and verdict["verdict"] == "revoked", verdict
    assert verdict["trust_lists"]["revoked_licences"]
