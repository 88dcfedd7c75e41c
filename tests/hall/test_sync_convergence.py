"""Three stations edit offline, the same rows included, and sync in random order: they always converge.

The same enterprise entered at two stations while offline ends as one row everywhere. A hypothesis state
machine drives the hall's and the stations' sync functions in one process (the HTTP
layer is tested with a real process elsewhere). After any history, two rounds of sync leave every station
and the hall with the same digest, no outbox entries, and exactly the rows that were created.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select

from helpers import enterprise_values
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client, digest, outbox, pages
from station.hall import stations, sync
from station.hall.models import Alias, Station
from station.hall.store import HallStore

CODES = ("ST01", "ST02", "ST03")


class Park(RuleBasedStateMachine):
    @initialize()
    def open(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="park-"))
        self.hall = HallStore(f"sqlite:///{self.root / 'hall.db'}")
        self.hall.migrate()
        self.desks: dict[str, StationContext] = {}
        with self.hall.session() as s, s.begin():
            for code in CODES:
                stations.enroll(s, stations.add_station(s, code, code))
        for code in CODES:
            self.desks[code] = StationContext(self.root / code)
            self.desks[code].prepare()
        self.tables = {t.name: t for t in client.synced_tables(self.desks["ST01"])}
        self.created: set[str] = set()
        self.expected: dict[tuple[str, str], object] = {}  # (uid, field) -> the value the hall applied last
        self.next_seed = 1

    def teardown(self) -> None:
        for ctx in self.desks.values():
            ctx.close()
        self.hall.dispose()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- what clerks do -------------------------------------------------------------------------

    @rule(code=st.sampled_from(CODES))
    def register(self, code: str) -> None:
        values = enterprise_values(self.next_seed)
        self.next_seed += 1
        ctx = self.desks[code]
        with ctx.work(ctx.cli_actor()) as work:
            enterprises.create(work, values)
        self.created.add(values["uscc"])

    @rule(pair=st.sampled_from([(a, b) for a in CODES for b in CODES if a < b]), differ=st.booleans())
    def register_at_two_desks(self, pair: tuple[str, str], differ: bool) -> None:
        """The same enterprise (one credit code) entered at two stations while offline: two uids."""
        values = enterprise_values(self.next_seed)
        self.next_seed += 1
        for n, code in enumerate(pair):
            ctx = self.desks[code]
            with ctx.work(ctx.cli_actor()) as work:
                enterprises.create(work, {**values, "legal_rep": f"王{n}"} if differ else values)
        self.created.add(values["uscc"])

    @rule(
        code=st.sampled_from(CODES),
        pick=st.integers(0, 50),
        field=st.sampled_from(["legal_rep", "employees"]),
        value=st.integers(1, 99),
    )
    def edit(self, code: str, pick: int, field: str, value: int) -> None:
        ctx = self.desks[code]
        with ctx.read() as session:
            ids = enterprises.search_ids(session, "")
            if not ids:
                return
            found = enterprises.get(session, ids[pick % len(ids)])
            values = {**enterprises.as_form(found), field: f"张{value}" if field == "legal_rep" else str(value)}
        with ctx.work(ctx.cli_actor()) as work:
            enterprises.update(work, found.id, values)

    @rule(code=st.sampled_from(CODES), push_only=st.booleans())
    def synchronise(self, code: str, push_only: bool) -> None:
        self.push(code)
        if not push_only:
            self.pull(code)

    # -- the protocol, without HTTP --------------------------------------------------------------

    def push(self, code: str) -> None:
        ctx = self.desks[code]
        with outbox.connect(ctx.db_path) as conn:
            while ops := outbox.batch(conn, 7):
                with self.hall.session() as s, s.begin():
                    result = sync.push(s, s.get(Station, code), ops, self.tables)
                    # Merged rows live on under the surviving uid: expect their fields there.
                    survivor = dict(s.execute(select(Alias.from_uid, Alias.to_uid)).all())
                for op, outcome in zip(ops, result.outcomes, strict=True):
                    if outcome in ("applied", "merged") and op["op"] == "upsert":  # last writer, per field
                        for field in op["changed"]:
                            if field in ("legal_rep", "employees"):
                                uid = survivor.get(op["uid"], op["uid"])
                                self.expected[(uid, field)] = op["row"][field]
                outbox.acknowledge(conn, result.acked)

    def pull(self, code: str) -> None:
        ctx = self.desks[code]
        with outbox.connect(ctx.db_path) as conn:
            while True:
                with self.hall.session() as s:
                    changes = sync.pull(s, outbox.cursor(conn), 5)
                if not changes:
                    return
                pages.apply_page(conn, self.tables, changes, changes[-1]["seq"], "now")

    @invariant()
    def nothing_is_lost(self) -> None:
        with self.hall.session() as s:
            assert sync.last_seq(s) >= 0

    def converge(self) -> None:
        for _ in range(2):
            for code in CODES:
                self.synchronise(code, push_only=False)
        with self.hall.session() as s:
            hall_digest, rows = sync.digest(s, self.tables)
        assert rows == len(self.created)
        for code, ctx in self.desks.items():
            with outbox.connect(ctx.db_path) as conn:
                assert outbox.pending(conn) == 0, code
                assert digest.of_station(conn, list(self.tables.values())) == hall_digest, code
            with ctx.read() as session:
                codes = {enterprises.rows_for(session, [i])[i][0] for i in enterprises.search_ids(session, "")}
            assert codes == self.created, code
            with outbox.connect(ctx.db_path) as conn:
                for (uid, field), value in self.expected.items():
                    held = conn.execute(f"SELECT {field} FROM enterprise WHERE uid = ?", (uid,)).fetchone()[0]
                    assert held == value, (code, uid, field)  # every edit was applied by its rule


class ConvergingPark(Park):
    @rule()
    def everyone_syncs_and_agrees(self) -> None:
        self.converge()


ConvergingPark.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=18,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_stations_always_converge = ConvergingPark.TestCase
