"""The hall as the park's authority, tried as a hostile station would: with its own valid credential and the
wire protocol, it may write its own work but not another station's, and nothing it sends stops the park.

In process (the hall's push and the stations' apply functions): the HTTP layer is tried in test_hall_door.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from station.contributions import SyncedTable
from station.core.sync import values
from station.hall import review, sync
from station.hall.models import Change, Conflict, Row, Station
from station.hall.store import HallStore

NOTE = SyncedTable("note", fields=("text", "updated_by"))  # any: every station edits, only its owner deletes
PERMIT = SyncedTable("permit", fields=("status", "reason", "updated_by"), write="owner")
PAYOUT = SyncedTable("payout", fields=("amount_fen", "paid_by"), write="append", unique=(("paid_by",),))
RATING = SyncedTable("rating", fields=("grade", "set_aside", "updated_by"), write="append", amend=("set_aside",))
CATALOGUE = SyncedTable("catalogue", fields=("title",), write="hall")
TABLES = {t.name: t for t in (NOTE, PERMIT, PAYOUT, RATING, CATALOGUE)}


class Park:
    def __init__(self, root: Path) -> None:
        self.store = HallStore(f"sqlite:///{root / 'hall.db'}")
        self.store.migrate()
        self.seq: dict[str, int] = {}
        with self.store.session() as s, s.begin():
            for code in ("ST01", "ST02", "EVIL"):
                s.add(Station(code=code, name=code, last_seq=0))

    def push(self, code: str, *ops: dict) -> sync.PushResult:
        numbered = []
        for op in ops:
            self.seq[code] = self.seq.get(code, 0) + 1
            numbered.append({"seq": self.seq[code], "op_uid": uuid.uuid4().hex, "changed": [], **op})
        with self.store.session() as s, s.begin():
            return sync.push(s, s.get(Station, code), numbered, TABLES)

    def row(self, table: str, uid: str) -> dict | None:
        with self.store.session() as s:
            found = s.get(Row, {"table_name": table, "row_uid": uid})
            return None if found is None or found.deleted else json.loads(found.data)

    def conflicts(self, code: str) -> list[dict]:
        with self.store.session() as s:
            return sync.conflicts_for(s, code, 0, TABLES)


def upsert(table: str, uid: str, base: int = 0, **row: object) -> dict:
    return {"table": table, "uid": uid, "op": "upsert", "base_version": base, "row": row, "changed": list(row)}


def delete(table: str, uid: str, base: int = 1) -> dict:
    return {"table": table, "uid": uid, "op": "delete", "base_version": base, "row": None}


@pytest.fixture
def park(tmp_path) -> Iterator[Park]:
    running = Park(tmp_path)
    yield running
    running.store.dispose()


def test_another_station_cannot_change_an_owner_row_and_the_change_waits_for_the_hall(park) -> None:
    park.push("ST01", upsert("permit", "p1", status="valid", reason="", updated_by="li"))
    result = park.push("EVIL", upsert("permit", "p1", base=1, status="revoked", reason="假", updated_by="li@ST01"))
    assert result.outcomes == ["conflict"]
    assert park.row("permit", "p1") == {"status": "valid", "reason": "", "updated_by": "li@ST01"}
    (seen,) = park.conflicts("EVIL")
    assert seen["kind"] == "owner" and seen["review"] and "ST01" in seen["reason"]
    assert seen["hall_data"]["status"] == "valid"  # what the refused station goes back to
    with park.store.session() as s, s.begin():
        (waiting,) = review.waiting(s)
        review.decide(s, TABLES, waiting.id, apply=True, by="王主任", note="经核实，许可证确已吊销")
    assert park.row("permit", "p1")["status"] == "revoked"
    assert park.row("permit", "p1")["updated_by"] == "li@EVIL"  # the station part is the credential's
    with park.store.session() as s:
        assert s.scalars(select(Change.station).order_by(Change.seq.desc())).first() == "HALL"
        with pytest.raises(Exception, match="已由"):
            review.decide(s, TABLES, waiting.id, apply=False, by="王主任", note="再次处理")


def test_the_owner_may_change_its_own_row(park) -> None:
    park.push("ST01", upsert("permit", "p1", status="valid", reason="", updated_by="li"))
    assert park.push("ST01", upsert("permit", "p1", base=1, status="revoked", reason="到期")).outcomes == ["applied"]
    assert park.row("permit", "p1")["status"] == "revoked"


def test_deleting_another_stations_row_is_refused_even_where_anyone_may_edit(park) -> None:
    park.push("ST01", upsert("note", "n1", text="一"))
    assert park.push("EVIL", upsert("note", "n1", base=1, text="二")).outcomes == ["applied"]  # "any": edits pass
    assert park.push("EVIL", delete("note", "n1", base=2)).outcomes == ["conflict"]
    assert park.row("note", "n1")["text"] == "二"
    assert park.conflicts("EVIL")[-1]["kind"] == "delete"
    assert park.push("ST01", delete("note", "n1", base=2)).outcomes == ["applied"]  # its owner may
    assert park.row("note", "n1") is None


def test_append_rows_are_never_rewritten_or_deleted_even_by_their_owner(park) -> None:
    park.push("ST01", upsert("payout", "pay1", amount_fen=150_000, paid_by="li"))
    assert park.push("ST01", upsert("payout", "pay1", base=1, amount_fen=1, paid_by="li")).outcomes == ["conflict"]
    assert park.push("EVIL", delete("payout", "pay1")).outcomes == ["conflict"]
    assert park.push("ST01", delete("payout", "pay1")).outcomes == ["conflict"]
    assert park.row("payout", "pay1") == {"amount_fen": 150_000, "paid_by": "li"}
    assert {c["kind"] for c in park.conflicts("ST01")} == {"append"}
    assert not any(c["review"] for c in park.conflicts("ST01"))


def test_amend_fields_of_an_append_row_change_only_at_the_station_that_wrote_it(park) -> None:
    park.push("ST01", upsert("rating", "r1", grade=5, set_aside=False))
    assert park.push("EVIL", upsert("rating", "r1", base=1, grade=5, set_aside=True)).outcomes == ["conflict"]
    assert park.row("rating", "r1")["set_aside"] is False
    assert park.push("ST01", upsert("rating", "r1", base=1, grade=5, set_aside=True)).outcomes == ["applied"]
    assert park.push("ST01", upsert("rating", "r1", base=2, grade=1, set_aside=True)).outcomes == ["conflict"]
    assert park.row("rating", "r1")["grade"] == 5


def test_hall_tables_and_unknown_tables_take_nothing_from_a_station(park) -> None:
    result = park.push("EVIL", upsert("catalogue", "c1", title="假目录"), upsert("nope", "x", a=1))
    assert result.outcomes == ["conflict", "conflict"]
    assert park.row("catalogue", "c1") is None
    assert [c["kind"] for c in park.conflicts("EVIL")] == ["hall", "table"]


def test_updated_by_names_the_station_of_the_credential_never_the_row(park) -> None:
    park.push("EVIL", upsert("note", "n1", text="x", updated_by="supervisor@ST01"))
    assert park.row("note", "n1")["updated_by"] == "supervisor@EVIL"
    # The same person edits again: updated_by is not among the changed fields, the row still carries it.
    park.push("EVIL", {**upsert("note", "n1", base=1, text="y", updated_by="supervisor@ST01"), "changed": ["text"]})
    assert park.row("note", "n1") == {"text": "y", "updated_by": "supervisor@EVIL"}


def test_an_operation_is_known_by_its_uid_not_by_a_sequence_number(park) -> None:
    """A station re-enrolled on a new PC, or restored from a backup, numbers its outbox from 1 again."""
    first = park.push("ST01", upsert("note", "a", text="1"), upsert("note", "b", text="2"))
    park.seq["ST01"] = 0  # the new PC
    again = park.push("ST01", upsert("note", "c", text="3"))
    assert first.outcomes == ["applied", "applied"] and again.outcomes == ["applied"]
    assert park.row("note", "c") == {"text": "3", "updated_by": "ST01"}
    assert again.acked == [again.acked[0]] and len(first.acked) == 2


def test_a_replayed_operation_changes_nothing_whoever_sends_it(park) -> None:
    op = {"seq": 1, "op_uid": uuid.uuid4().hex, **upsert("note", "n1", text="原文")}
    with park.store.session() as s, s.begin():
        sync.push(s, s.get(Station, "ST01"), [op], TABLES)
    with park.store.session() as s, s.begin():
        replay = sync.push(s, s.get(Station, "EVIL"), [{**op, "row": {"text": "篡改"}}], TABLES)
    assert replay.outcomes == ["repeated"] and park.row("note", "n1")["text"] == "原文"


@pytest.mark.parametrize(
    "bad",
    [
        {"row": {"text": float("nan")}},
        {"row": {"text": float("inf")}},
        {"row": {"text": "\ud800"}},
        {"row": {"text": "a\x00b"}},
        {"row": {"te\x01xt": "a"}},
        {"uid": "n\x00"},
        {"table": "note\n"},
        {"changed": ["te\x7fxt"]},
        {"row": {"text": 2**70}},
    ],
)
def test_values_that_would_stop_the_park_are_refused_at_the_door(bad) -> None:
    op = {"seq": 1, "op_uid": "ab" * 16, **upsert("note", "n1", text="x"), **bad}
    with pytest.raises(values.BadValue) as refused:
        values.check_ops([op])
    assert "服务大厅没有接受" in refused.value.message
    assert "\x00" not in refused.value.message and "\ud800" not in refused.value.message


def test_harmless_values_travel() -> None:
    op = {"seq": 1, "op_uid": "ab" * 16, **upsert("note", "n1", text="第一行\n第二行\t末尾", n=-(2**63), f=1.5)}
    values.check_ops([op])


def test_a_conflict_never_applies_half_of_a_request(park) -> None:
    park.push("ST01", upsert("permit", "p1", status="valid", reason="", updated_by="li"))
    result = park.push("EVIL", upsert("note", "mine", text="好"), upsert("permit", "p1", base=1, status="revoked"))
    assert result.outcomes == ["applied", "conflict"] and result.acked and len(result.acked) == 2
    assert park.row("note", "mine")["text"] == "好" and park.row("permit", "p1")["status"] == "valid"
    with park.store.session() as s:
        assert s.scalar(select(Conflict.review).where(Conflict.station == "EVIL")) is True


def test_an_upgrade_repairs_rows_an_earlier_hall_stored_with_nan(tmp_path) -> None:
    """Before values were checked at the door, one NaN stored made every station's pull fail."""
    import orjson
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from station.hall.store import MIGRATIONS

    store = HallStore(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "hall_0003")
        conn.execute(text("INSERT INTO hall_row VALUES ('note', 'n1', 1, '{\"text\": NaN, \"n\": 1}', 0)"))
        conn.execute(
            text("INSERT INTO hall_change(table_name, row_uid, version, data, deleted, station, op_uid) "
                 "VALUES ('note', 'n1', 1, '{\"text\": Infinity, \"n\": 1}', 0, 'ST01', 'ab')")
        )  # fmt: skip
    store.migrate()
    with store.session() as s:
        page = orjson.loads(sync.pull_json(s, 0, 10))  # what a station parses
        assert page["changes"][0]["data"] == {"text": None, "n": 1}
        assert json.loads(s.get(Row, {"table_name": "note", "row_uid": "n1"}).data) == {"text": None, "n": 1}
        assert s.get(Row, {"table_name": "note", "row_uid": "n1"}).owner == "ST01"
    store.dispose()
