"""The hall's OpenAPI description, fuzzed: whatever a station (or anyone) sends, the hall answers 2xx or
4xx, never 5xx. Calls go to the app in process (the HTTP layer is tested with a real process elsewhere),
anonymous and with a real station's credentials so the authenticated paths are fuzzed too, on a SQLite
hall and, where it runs, on a PostgreSQL one (NUL in text, surrogates and oversized integers fail there
in ways SQLite forgives)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from station.hall import stations
from station.hall.app import create_app
from station.hall.store import HallStore, default_url

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _hall(url: str) -> tuple[object, dict[str, str]]:
    store = HallStore(url)
    store.migrate()
    with store.session() as s, s.begin():
        token = stations.add_station(s, "FZ01", "模糊测试站")
    with store.session() as s, s.begin():
        secret = stations.enroll(s, token).secret
    return create_app(store), {"Authorization": f"Bearer FZ01:{secret}"}


def _postgres() -> str | None:
    try:
        import psycopg

        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except Exception:  # not running here: the SQLite hall is fuzzed alone
        return None
    name = f"hall_fuzz_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    atexit.register(drop)
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


_root = Path(tempfile.mkdtemp(prefix="hall-fuzz-"))
atexit.register(shutil.rmtree, _root, True)
APP, AUTH = _hall(default_url(_root))
_pg = _postgres()
PG_APP, PG_AUTH = _hall(_pg) if _pg else (None, None)

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


def _never_5xx(case, app, auth) -> None:  # type: ignore[no-untyped-def]
    for headers in (None, auth):
        response = case.call(headers=headers, app=app) if app is not APP else case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])
        assert response.status_code < 500, (case.method, case.path, response.text[:300])


@pytest.mark.filterwarnings("ignore:Using `httpx`")
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_hall_fail(case) -> None:
    _never_5xx(case, APP, AUTH)


@pytest.mark.skipif(PG_APP is None, reason="PostgreSQL is not running here; ./dev test starts it")
@pytest.mark.filterwarnings("ignore:Using `httpx`")
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_a_postgresql_hall_fail(case) -> None:
    _never_5xx(case, PG_APP, PG_AUTH)
