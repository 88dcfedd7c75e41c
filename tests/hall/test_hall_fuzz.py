"""The hall's OpenAPI description, fuzzed: whatever a station (or anyone) sends, the hall answers 2xx or
4xx, never 5xx. Calls go to the app in process (the HTTP layer is tested with a real process elsewhere),
half of them with a real station's credentials so the authenticated paths are fuzzed too."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from station.hall import stations
from station.hall.app import create_app
from station.hall.store import HallStore, default_url

_root = Path(tempfile.mkdtemp(prefix="hall-fuzz-"))
atexit.register(shutil.rmtree, _root, True)
_store = HallStore(default_url(_root))
_store.migrate()
with _store.session() as _s, _s.begin():
    _token = stations.add_station(_s, "FZ01", "模糊测试站")
with _store.session() as _s, _s.begin():
    _secret = stations.enroll(_s, _token).secret
AUTH = {"Authorization": f"Bearer FZ01:{_secret}"}
APP = create_app(_store)

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.filterwarnings("ignore:Using `httpx`")
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_hall_fail(case) -> None:
    for headers in (None, AUTH):
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
