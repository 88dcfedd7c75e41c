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


def test_only_the_issuing_station_or_the_hall_revokes_a_licence(tmp_path, hall):  # noqa: F811
    a, evil = tmp_path / "a", tmp_path / "evil"
    run(a, "enroll", hall.url, hall.add_station("ST01", "航空港区企业服务站"))
    run(evil, "enroll", hall.url, hall.add_station("EVIL", "另一服务站"))
    ctx = StationContext(a)
    ctx.open()
    uscc = add_enterprise(ctx, ctx.permissions.actor("admin", "admin"))
    ctx.close()
    issued = json.loads(
        run(a, "license", "issue", "--uscc", uscc, "--permit", "SPJY:JY14101730000001:2031-06-30", "--json").stdout
    )
    number = issued["number"]
    run(a, "sync")
    run(evil, "sync")
    # Another station's supervisor revokes it locally and syncs: the hall refuses, and the station goes back.
    run(evil, "license", "revoke", number, "--reason", "冒用他站吊销")
    run(evil, "sync")
    mine = json.loads(run(evil, "license", "list", "--json").stdout)
    assert [lic["status"] for lic in mine if lic["number"] == number] == ["valid"]
    run(a, "sync")
    still = json.loads(station(a, "license", "verify", "--payload", issued["payload"], "--json").stdout)
    assert still["verdict"] == "valid", still
    waiting = json.loads(hall.cli("review", "--json").stdout)
    assert [(w["station"], w["table"], w["kind"]) for w in waiting] == [("EVIL", "licenses_license", "owner")]
    # The hall's supervisor revokes it for the park: every station pulls it, and the signed list carries it.
    done = hall.cli("revoke-license", number, "--reason", "许可证已被发证机关吊销")
    assert done.returncode == 0, done.stderr
    assert hall.cli("revoke-license", number, "--reason", "再次").returncode != 0  # once
    run(a, "sync")
    verdict = json.loads(station(a, "license", "verify", "--payload", issued["payload"], "--json").stdout)
    assert verdict["verdict"] == "revoked", verdict
    revoked = [lic for lic in json.loads(run(a, "license", "list", "--json").stdout) if lic["number"] == number]
    assert revoked[0]["status"] == "revoked"


def test_a_station_cannot_grow_the_trust_list_without_bound(tmp_path, hall):  # noqa: F811
    """Each key a station has certified stays listed once it ends; new keys are limited to five a day."""
    import base64

    import httpx

    from station.core import enrolment, signing

    a = tmp_path / "a"
    run(a, "enroll", hall.url, hall.add_station("ST01", "航空港区企业服务站"))  # certifies one key
    auth = {"Authorization": enrolment.load(a).authorization}

    def certify(key: bytes) -> int:
        body = {"public_key": base64.b64encode(key).decode("ascii")}
        return httpx.post(f"{hall.url}/v1/station-key", json=body, headers=auth).status_code

    keys = [signing.public_bytes(signing.new_private_key()) for _ in range(5)]
    codes = [certify(key) for key in keys]
    assert codes == [200, 200, 200, 200, 429], codes  # the enrolment's key counted as the first of the day
    assert certify(keys[3]) == 200  # the current key again: nothing new, not counted
    refused = httpx.post(
        f"{hall.url}/v1/station-key", json={"public_key": base64.b64encode(keys[4]).decode()}, headers=auth
    )
    assert "分钟后再试" in refused.json()["detail"]
