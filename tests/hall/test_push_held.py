"""After a push, the pull steps past the station's own changes without fetching them (the hall's answer says
which sequence numbers hold nothing else), fetches whatever another station wrote between its requests,
and never writes a change older than the version a push's answer gave it."""

from __future__ import annotations

import httpx
import orjson
import pytest
from conftest_hall import enrolled, hall_digest

from station.core import demo, enterprises
from station.core.sync import client


class Watching(httpx.BaseTransport):
    """The real network, counting what the pulls bring; ``after_first_push`` runs once the first push is
    answered (another station's sync slipping in between this one's requests)."""

    def __init__(self, after_first_push=None) -> None:  # type: ignore[no-untyped-def]
        self.inner = httpx.HTTPTransport()
        self.after_first_push = after_first_push
        self.pulled: list[int] = []  # sequence numbers each pull brought
        self.pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        if request.url.path == "/v1/pull":
            self.pulled += [c["seq"] for c in orjson.loads(response.content)["changes"]]
        if request.url.path == "/v1/push":
            self.pushes += 1
            if self.pushes == 1 and self.after_first_push is not None:
                self.after_first_push()
        return response


def _fill(ctx, count: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(count, seed=seed)), source="test")


def test_the_pull_fetches_none_of_the_stations_own_changes_and_all_of_anothers(hall, tmp_path) -> None:
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    _fill(a, 2_500, seed=3)  # requests of 1,000 and 1,500: two ranges
    _fill(b, 7, seed=4)
    watching = Watching(after_first_push=lambda: client.run(b))  # B's 7 changes land between A's requests
    report = client.run(a, transport=watching)
    assert report.pushed == 2_500 and watching.pushes == 2
    # Only B's changes travelled back to A: its own 2,500 were stepped past.
    assert len(watching.pulled) == 7 and report.applied == 7
    with a.read() as session:
        assert enterprises.count(session) == 2_507
    assert report.cursor == 2_507  # past all of it
    client.run(b)
    assert client.status(a)["digest"] == client.status(b)["digest"] == hall_digest(hall)
    again = client.run(a, transport=(quiet := Watching()))
    assert (again.pushed, again.applied, quiet.pulled) == (0, 0, [])
    a.close()
    b.close()


@pytest.mark.parametrize("hall_db", [None], ids=["sqlite"])  # the station's side; the hall's is the same
def test_a_change_older_than_what_a_push_gave_is_not_written_over_it(hall, tmp_path) -> None:
    """B's push is merged over A's newer row: B's answer gives it the merged version, and the pull that
    brings A's change (older) afterwards, in a page of its own, must not take B's own edit back."""
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    _fill(a, 3, seed=5)
    client.run(a)
    client.run(b)
    with a.read() as session:
        uid = enterprises.search_ids(session, "")[0]
        row = enterprises.get(session, uid)
        uscc = row.uscc
    for ctx, name, value in ((a, "legal_rep", "王五"), (b, "contact_person", "赵六")):
        with ctx.read() as session:
            found = enterprises.by_uscc(session, uscc)
            values = {**enterprises.as_form(found), name: value}
        with ctx.work(ctx.cli_actor()) as work:
            enterprises.update(work, found.id, values)
    client.run(a)
    report = client.run(b)
    assert report.new_conflicts == 0
    client.run(a)
    for ctx in (a, b):
        with ctx.read() as session:
            found = enterprises.by_uscc(session, uscc)
            assert (found.legal_rep, found.contact_person) == ("王五", "赵六")
    assert client.status(a)["digest"] == client.status(b)["digest"] == hall_digest(hall)
    a.close()
    b.close()
