"""The hall as stations meet it: a real process on loopback, over SQLite and over PostgreSQL."""

from __future__ import annotations

import json

import httpx
import pytest
from conftest_hall import free_port, station


def test_enrol_once_then_every_call_is_authenticated(hall, tmp_path) -> None:
    token = hall.add_station("ST01", "株洲高新区企业服务站")
    desk = tmp_path / "desk"
    first = station(desk, "enroll", hall.url, token)
    assert first.returncode == 0, first.stderr
    assert "ST01" in first.stdout
    credential = json.loads((desk / "hall-credential.json").read_text(encoding="utf-8"))
    assert (desk / "hall-credential.json").stat().st_mode & 0o077 == 0  # the owner's alone
    assert json.loads((desk / "settings.json").read_text(encoding="utf-8"))["station_code"] == "ST01"

    again = station(tmp_path / "thief", "enroll", hall.url, token)
    assert again.returncode == 1 and "已经用过" in again.stderr  # single use

    auth = {"Authorization": f"Bearer ST01:{credential['secret']}"}
    assert httpx.get(f"{hall.url}/v1/whoami", headers=auth).json() == {
        "station_code": "ST01",
        "station_name": "株洲高新区企业服务站",
    }
    for headers in (
        {},
        {"Authorization": "Bearer ST01:wrong"},
        {"Authorization": "Basic abc"},
        {"Authorization": f"Bearer ST02:{credential['secret']}"},
    ):
        assert httpx.get(f"{hall.url}/v1/whoami", headers=headers).status_code == 401

    assert hall.cli("revoke-station", "ST01").returncode == 0
    assert httpx.get(f"{hall.url}/v1/whoami", headers=auth).status_code == 401


def test_the_hall_keeps_only_hashes(hall, tmp_path) -> None:
    token = hall.add_station("ST05")
    assert station(tmp_path / "desk", "enroll", hall.url, token).returncode == 0
    secret = json.loads((tmp_path / "desk" / "hall-credential.json").read_text(encoding="utf-8"))["secret"]
    from sqlalchemy import create_engine, text

    from station.hall.store import default_url

    url = hall.db_args[1] if hall.db_args else default_url(hall.data)
    with create_engine(url).connect() as conn:
        row = conn.execute(text("SELECT token_hash, secret_hash FROM hall_station WHERE code = 'ST05'")).one()
    assert row.token_hash is None and secret not in row.secret_hash and len(row.secret_hash) == 64


def test_hostile_input_gets_4xx_never_5xx(hall) -> None:
    cases = [
        ("POST", "/v1/enroll", b"{not json", {"content-type": "application/json"}),
        ("POST", "/v1/enroll", b'{"token": 12345678901}', {"content-type": "application/json"}),
        ("POST", "/v1/enroll", b'{"token": "short"}', {"content-type": "application/json"}),
        ("POST", "/v1/enroll", json.dumps({"token": "x" * 5000}).encode(), {"content-type": "application/json"}),
        ("POST", "/v1/enroll", b"\x00\xff" * 100, {"content-type": "application/json"}),
        ("POST", "/v1/enroll", b"x" * (5 * 1024 * 1024), {"content-type": "application/json"}),
        ("GET", "/v1/whoami", b"", {"Authorization": "Bearer " + "A" * 400}),
        ("GET", "/v1/whoami", b"", {"Authorization": "Bearer ::::"}),
        ("GET", "/v1/nothing-here", b"", {}),
        ("DELETE", "/v1/enroll", b"", {}),
    ]
    for method, path, body, headers in cases:
        status = httpx.request(method, f"{hall.url}{path}", content=body, headers=headers, timeout=30).status_code
        assert 400 <= status < 500, (method, path, body[:40], status)
    expired = hall.add_station("ST09")
    assert httpx.post(f"{hall.url}/v1/enroll", json={"token": expired + "x"}).status_code == 400


def test_openapi_describes_the_service(hall) -> None:
    spec = httpx.get(f"{hall.url}/openapi.json").json()
    assert {"/v1/enroll", "/v1/whoami", "/v1/health"} <= set(spec["paths"])


def test_station_codes_are_checked_and_a_working_station_cannot_be_re_added(hall, tmp_path) -> None:
    bad = hall.cli("add-station", "a b", "--name", "x")
    assert bad.returncode == 1 and "服务站代码" in bad.stderr
    token = hall.add_station("ST07")
    assert station(tmp_path / "desk", "enroll", hall.url, token).returncode == 0
    twice = hall.cli("add-station", "ST07", "--name", "x")
    assert twice.returncode == 1 and "revoke-station" in twice.stderr


def test_enroll_explains_an_unreachable_hall(tmp_path) -> None:
    result = station(tmp_path / "desk", "enroll", f"http://127.0.0.1:{free_port()}", "x" * 40)
    assert result.returncode == 1 and "连接不上服务大厅" in result.stderr
    assert not (tmp_path / "desk" / "hall-credential.json").exists()


def test_expired_tokens_are_refused(tmp_path) -> None:
    import datetime as dt

    from station.hall import stations
    from station.hall.store import HallStore, default_url

    store = HallStore(default_url(tmp_path))
    store.migrate()
    with store.session() as session, session.begin():
        token = stations.add_station(session, "ST08", "玉门", ttl=dt.timedelta(seconds=-1))
    with pytest.raises(stations.UserError, match="过期"), store.session() as session, session.begin():
        stations.enroll(session, token)
    store.dispose()


def test_hall_models_match_its_migrations(tmp_path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from station.hall.models import HallBase
    from station.hall.store import HallStore, default_url

    store = HallStore(default_url(tmp_path))
    store.migrate()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), HallBase.metadata)
    store.dispose()
    assert diff == []
