"""A real hall process on loopback, over SQLite or PostgreSQL, for the hall and sync tests."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from helpers import STATION

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def hall_db(request, tmp_path) -> Iterator[str | None]:
    if request.param == "sqlite":
        yield None  # the default: a SQLite file in the hall's data directory
        return
    psycopg = pytest.importorskip("psycopg")
    name = f"hall_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not running here ({exc}); ./dev test starts it")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


class Hall:
    def __init__(self, data: Path, db: str | None) -> None:
        self.data, self.db_args = data, (["--db", db] if db else [])
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def kill(self) -> None:
        """As a power cut would: no shutdown, no flush."""
        self.process.kill()
        self.process.wait(timeout=10)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [*STATION, "--data-dir", str(self.data), "hall", "serve", "--port", str(self.port), *self.db_args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.process.kill()
        raise RuntimeError(f"hall did not start: {self.process.stderr.read()}")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*STATION, "--data-dir", str(self.data), "hall", *args, *self.db_args], capture_output=True, text=True
        )

    def add_station(self, code: str, name: str = "园区企业服务站") -> str:
        result = self.cli("add-station", code, "--name", name, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["token"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def hall(tmp_path, hall_db) -> Iterator[Hall]:
    running = Hall(tmp_path / "hall", hall_db)
    yield running
    running.stop()


def station(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*STATION, "--data-dir", str(data), *args], capture_output=True, text=True)


def enrolled(hall: Hall, root: Path, code: str):  # -> StationContext
    """A station data directory under ``root`` enrolled with ``hall`` as ``code``, the way a clerk does it."""
    from station.core.context import StationContext

    data = root / code
    result = station(data, "enroll", hall.url, hall.add_station(code))
    assert result.returncode == 0, result.stderr
    return StationContext(data)


def hall_digest(hall: Hall) -> str:
    result = hall.cli("digest", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["digest"]
