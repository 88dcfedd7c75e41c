"""Faults at random points: a network that drops, duplicates and reorders requests and loses answers, and
processes killed at random moments of push and pull. Afterwards every station and the hall converge to
the same digest, with nothing lost and nothing duplicated."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import subprocess
import time

import httpx
import pytest
from conftest_hall import enrolled, hall_digest
from test_sync import status

from helpers import STATION, enterprise_values
from station.core import demo, enterprises
from station.core.sync import client
from station.errors import UserError


class ChaosTransport(httpx.BaseTransport):
    """A bad network between one station and the hall, driven by a seeded random generator."""

    def __init__(self, rng: random.Random, replay: list[httpx.Request]) -> None:
        self.rng, self.replay = rng, replay
        self.inner = httpx.HTTPTransport()
        self.counts = {"dropped": 0, "lost": 0, "duplicated": 0, "replayed": 0}

    def _send(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        roll = self.rng.random()
        if roll < 0.12:
            self.counts["dropped"] += 1  # never reached the hall
            raise httpx.ConnectError("dropped", request=request)
        if request.method == "POST":
            body = request.read()
            self.replay.append(httpx.Request("POST", request.url, headers=request.headers, content=body))
            if self.rng.random() < 0.3 and len(self.replay) > 1:
                self.counts["replayed"] += 1  # an old push arrives late, out of order
                self._send(self.rng.choice(self.replay[:-1]))
        if roll > 0.85:
            self.counts["duplicated"] += 1  # the same request twice
            self._send(request)
        response = self._send(request)
        if 0.12 <= roll < 0.24:
            self.counts["lost"] += 1  # the hall did the work, the answer never came back
            raise httpx.ReadError("lost", request=request)
        return response


def test_a_chaotic_network_loses_and_duplicates_nothing(hall, tmp_path) -> None:
    rng = random.Random(20261123)
    desks = [enrolled(hall, tmp_path, code) for code in ("ST01", "ST02", "ST03")]
    replays: dict[str, list[httpx.Request]] = {}
    created: set[str] = set()
    seed = 100
    totals = {"dropped": 0, "lost": 0, "duplicated": 0, "replayed": 0}
    for _round in range(14):
        ctx = rng.choice(desks)
        for _ in range(rng.randint(1, 4)):
            seed += 1
            values = enterprise_values(seed)
            twins = [ctx] + ([rng.choice([d for d in desks if d is not ctx])] if rng.random() < 0.3 else [])
            for desk in twins:  # sometimes the same enterprise at a second desk, offline
                with desk.work(desk.cli_actor()) as work:
                    enterprises.create(work, values)
            created.add(values["uscc"])
        with ctx.read() as session:
            ids = enterprises.search_ids(session, "")
            found = enterprises.get(session, rng.choice(ids))
            values = {**enterprises.as_form(found), "employees": str(rng.randint(1, 999))}
        with ctx.work(ctx.cli_actor()) as work:
            enterprises.update(work, found.id, values)
        chaos = ChaosTransport(rng, replays.setdefault(str(ctx.data_dir), []))
        with contextlib.suppress(UserError):  # interrupted: the next sync continues
            client.run(ctx, transport=chaos)
        for key, value in chaos.counts.items():
            totals[key] += value
    assert all(totals.values()), totals  # every kind of fault happened
    for _ in range(2):
        for ctx in desks:
            client.run(ctx)
    digests = {status(ctx)["digest"] for ctx in desks}
    assert digests == {hall_digest(hall)}
    for ctx in desks:
        assert status(ctx)["pending"] == 0
        with ctx.read() as session:
            held = [enterprises.rows_for(session, [i])[i][0] for i in enterprises.search_ids(session, "")]
        assert sorted(held) == sorted(created)  # every enterprise once, none lost, none doubled
    for ctx in desks:
        ctx.close()


@pytest.mark.slow
def test_processes_killed_at_random_moments_lose_and_duplicate_nothing(hall, tmp_path) -> None:
    rng = random.Random(7)
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    rows = list(demo.enterprise_rows(2000, seed=23))
    with a.work(a.cli_actor()) as work:
        enterprises.upsert_many(work, rows[:1200], source="test")
    with b.work(b.cli_actor()) as work:
        enterprises.upsert_many(work, rows[800:], source="test")  # 400 of them at both desks
    for _round in range(4):
        syncs = [
            subprocess.Popen(
                [*STATION, "--data-dir", str(ctx.data_dir), "sync"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for ctx in (a, b)
        ]
        time.sleep(rng.uniform(0.3, 2.5))
        victim = rng.choice(["station", "hall", "both"])
        if victim in ("station", "both"):
            rng.choice(syncs).send_signal(signal.SIGKILL)
        if victim in ("hall", "both"):
            hall.kill()
            hall.start()
        for process in syncs:
            process.wait(timeout=120)
    for ctx in (a, b, a, b):
        client.run(ctx)
    assert json.loads(hall.cli("digest", "--json").stdout)["rows"] == 2000
    assert status(a)["pending"] == status(b)["pending"] == 0
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)
    for ctx in (a, b):
        with ctx.read() as session:
            assert enterprises.count(session) == 2000
        ctx.close()
