"""Two honest stations and one hostile one, in any order: a hypothesis state machine over the hall's protocol.

The hostile station holds a valid credential and pushes whatever it likes: updates and deletes of other
stations' rows, forged ``updated_by``, stale and future versions, hostile strings, replays of operations it
has seen. The honest stations work as the station software does (full rows, their base versions, pushing
their outbox then pulling). Invariants: no honest station's "owner" or "append" row changes or disappears
through the hostile one, every honest upload arrives, the hall never fails (a refusal at the door is a
4xx), and after a final sync every honest station holds exactly what the hall holds.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from station.contributions import SyncedTable
from station.core.sync import values
from station.hall import sync
from station.hall.models import Op, Row, Station
from station.hall.store import HallStore

NOTE = SyncedTable("note", fields=("text", "updated_by"))
PERMIT = SyncedTable("permit", fields=("status", "updated_by"), write="owner")
PAYOUT = SyncedTable("payout", fields=("amount_fen",), write="append")
RATING = SyncedTable("rating", fields=("grade", "set_aside"), write="append", amend=("set_aside",))
TABLES = {t.name: t for t in (NOTE, PERMIT, PAYOUT, RATING)}
HONEST = ("ST01", "ST02")
PROTECTED = ("permit", "payout", "rating")
FIELDS = ["text", "status", "amount_fen", "grade", "set_aside"]

hostile_text = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["\ud800", "a\x00b", "\x01", "=HYPERLINK(1)", "", "supervisor@ST01", "x" * 300]),
)
hostile_value = st.one_of(
    st.none(), st.booleans(), hostile_text, st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
)  # fmt: skip


class Desk:
    """An honest station: its rows (table, uid) -> (version, data), and its outbox."""

    def __init__(self, code: str) -> None:
        self.code, self.rows, self.outbox, self.seq = code, {}, [], 0

    def write(self, table: str, uid: str, data: dict, op: str = "upsert") -> None:
        version, before = self.rows.get((table, uid), (0, None))
        changed = [f for f in TABLES[table].fields if before is None or before.get(f) != data.get(f)]
        self.seq += 1
        self.outbox.append(
            {"seq": self.seq, "op_uid": uuid.uuid4().hex, "table": table, "uid": uid, "base_version": version,
             "op": op, "changed": changed, "row": None if op == "delete" else data}
        )  # fmt: skip
        if op == "delete":
            self.rows.pop((table, uid), None)
        else:
            self.rows[(table, uid)] = (version + 1, data)


class Park(RuleBasedStateMachine):
    @initialize()
    def open(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="authority-"))
        self.hall = HallStore(f"sqlite:///{self.root / 'hall.db'}")
        self.hall.migrate()
        with self.hall.session() as s, s.begin():
            for code in (*HONEST, "EVIL"):
                s.add(Station(code=code, name=code, last_seq=0))
        self.desks = {code: Desk(code) for code in HONEST}
        self.cursor = dict.fromkeys(HONEST, 0)
        self.created: dict[tuple[str, str], str] = {}  # (table, uid) -> honest creator
        self.expected: dict[tuple[str, str], dict] = {}  # what the hall must hold of protected honest rows
        self.sent: list[str] = []  # honest op uids pushed
        self.seen_ops: list[dict] = []  # what the hostile station may replay
        self.evil_seq = 0

    def teardown(self) -> None:
        self.hall.dispose()
        shutil.rmtree(self.root, ignore_errors=True)

    def _hall_row(self, table: str, uid: str) -> dict | None:
        with self.hall.session() as s:
            row = s.get(Row, {"table_name": table, "row_uid": uid})
            return None if row is None or row.deleted else json.loads(row.data)

    # -- honest work ---------------------------------------------------------------------------------

    @rule(code=st.sampled_from(HONEST), table=st.sampled_from(sorted(TABLES)), n=st.integers(0, 999))
    def create(self, code: str, table: str, n: int) -> None:
        uid = str(uuid.uuid4())
        data = {
            "note": {"text": f"记{n}", "updated_by": "li"},
            "permit": {"status": "valid", "updated_by": "li"},
            "payout": {"amount_fen": n * 100},
            "rating": {"grade": n % 5 + 1, "set_aside": False},
        }[table]
        self.desks[code].write(table, uid, dict(data))
        self.created[(table, uid)] = code

    @rule(code=st.sampled_from(HONEST), pick=st.integers(0, 50), text=st.text("甲乙丙丁", max_size=3))
    def edit(self, code: str, pick: int, text: str) -> None:
        """Notes anyone edits; permits and ratings only their own station changes (as the software allows)."""
        desk = self.desks[code]
        mine = [k for k in sorted(desk.rows) if k[0] == "note" or self.created.get(k) == code]
        if not mine:
            return
        table, uid = mine[pick % len(mine)]
        data = dict(desk.rows[(table, uid)][1])
        if table == "note":
            data["text"] = text
        elif table == "permit":
            data["status"] = "revoked" if data["status"] == "valid" else "valid"
        elif table == "rating":
            data["set_aside"] = not data["set_aside"]
        else:
            return  # a payout is never changed
        desk.write(table, uid, data)

    @rule(code=st.sampled_from(HONEST))
    def push(self, code: str) -> None:
        desk = self.desks[code]
        if not desk.outbox:
            return
        ops, desk.outbox = desk.outbox, []
        values.check_ops(ops)  # honest values always pass the door
        with self.hall.session() as s, s.begin():
            result = sync.push(s, s.get(Station, code), ops, TABLES)
        assert result.acked == [op["op_uid"] for op in ops]
        self.sent += result.acked
        self.seen_ops += ops
        for op, outcome in zip(ops, result.outcomes, strict=True):
            key = (op["table"], op["uid"])
            if op["table"] in PROTECTED and outcome == "applied" and self.created.get(key) == code:
                self.expected[key] = self._hall_row(*key)

    @rule(code=st.sampled_from(HONEST))
    def pull(self, code: str) -> None:
        desk = self.desks[code]
        if desk.outbox:
            self.push(code)
        with self.hall.session() as s:
            changes = sync.pull(s, self.cursor[code], 5000)
        for change in changes:
            key = (change["table"], change["uid"])
            if change["deleted"]:
                desk.rows.pop(key, None)
            else:
                desk.rows[key] = (change["version"], change["data"])
        if changes:
            self.cursor[code] = changes[-1]["seq"]

    # -- the hostile station -------------------------------------------------------------------------

    @precondition(lambda self: self.created)
    @rule(
        pick=st.integers(0, 999),
        op=st.sampled_from(["upsert", "delete"]),
        base=st.integers(0, 2**31 - 1) | st.integers(0, 3),
        row=st.dictionaries(st.sampled_from([*FIELDS, "updated_by", "x"]), hostile_value, max_size=4),
        table=st.none() | st.sampled_from(["note", "nope", "permit\x00", "payout"]),
    )
    def attack(self, pick: int, op: str, base: int, row: dict, table: str | None) -> None:
        keys = sorted(self.created)
        target_table, uid = keys[pick % len(keys)]
        self.evil_seq += 1
        sent = {
            "seq": self.evil_seq, "op_uid": uuid.uuid4().hex, "table": table or target_table, "uid": uid,
            "base_version": base, "op": op, "changed": list(row), "row": None if op == "delete" else row,
        }  # fmt: skip
        self._evil([sent])

    @precondition(lambda self: self.seen_ops)
    @rule(pick=st.integers(0, 999), tamper=st.booleans())
    def replay(self, pick: int, tamper: bool) -> None:
        op = dict(self.seen_ops[pick % len(self.seen_ops)])
        if tamper and op["row"] is not None:
            op["row"] = {**op["row"], "amount_fen": 1, "status": "revoked", "grade": 1}
        self.evil_seq += 1
        self._evil([{**op, "seq": self.evil_seq}])

    def _evil(self, ops: list[dict]) -> None:
        try:
            values.check_ops(ops)
        except values.BadValue:
            return  # 422 at the door: nothing stored
        with self.hall.session() as s, s.begin():
            sync.push(s, s.get(Station, "EVIL"), ops, TABLES)  # must never raise: that would be a 5xx

    # -- invariants ----------------------------------------------------------------------------------

    @invariant()
    def honest_protected_rows_stand(self) -> None:
        for key, data in self.expected.items():
            assert self._hall_row(*key) == data, key

    @invariant()
    def every_honest_upload_arrived(self) -> None:
        if not self.sent:
            return
        with self.hall.session() as s:
            taken = set(s.scalars(select(Op.op_uid).where(Op.op_uid.in_(self.sent[-500:]))))
        assert taken == set(self.sent[-500:])

    def converged(self) -> None:
        for code in HONEST:
            self.pull(code)
        with self.hall.session() as s:
            hall = {(r.table_name, r.row_uid): (r.version, json.loads(r.data))
                    for r in s.scalars(select(Row).where(Row.deleted.is_(False)))}  # fmt: skip
        for desk in self.desks.values():
            assert desk.rows == hall

    @invariant()
    def honest_stations_converge_once_synced(self) -> None:
        if all(not d.outbox for d in self.desks.values()):
            self.converged()


Park.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None, suppress_health_check=list(HealthCheck)
)
test_a_hostile_station_never_changes_honest_work = Park.TestCase
