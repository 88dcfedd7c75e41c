"""Bulk loads (a first sync, an import into an empty registry): an empty table fills several times faster
without what it does not need yet.

When a page brings many rows into an empty table, the page's transaction takes off the table's non-unique
indexes and the triggers that keep its full-text (FTS5) indexes, and records them in ``station_meta`` in
the same transaction. ``finish`` puts them back and builds the indexes once, at the end of the pull: a
``CREATE INDEX`` and an FTS5 build over sorted rows cost a fraction of keeping them per row. A station
killed in between is finished on its next start (``StationContext.prepare``).

The full-text indexes are the larger part of that work (trigrams of every name and legal representative).
While the pull goes on, a ``FullTextBuilder`` builds them on a thread of its own from the rows committed so
far, and ``finish`` copies its result in; whenever that copy might not be exactly the index a rebuild
would make, ``finish`` rebuilds instead.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from station.core.sync import outbox

log = logging.getLogger(__name__)

KEY = "sync.bulk"  # what bulk loads took off, to be put back (JSON: table -> spec)
_SHADOWS = ("data", "idx", "docsize")  # the FTS5 shadow tables that hold an index's content


@dataclass(frozen=True)
class FullText:
    """An FTS5 table whose content is another table's columns."""

    name: str
    sql: str  # its CREATE VIRTUAL TABLE statement
    rowid: str  # the content table's column behind the index's rowid
    columns: tuple[str, ...]


def full_text_indexes(conn: sqlite3.Connection, table: str) -> list[FullText]:
    found = []
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"):
        options = dict(re.findall(r"(\w+)\s*=\s*['\"]?(\w+)['\"]?", sql))
        if options.get("content") == table:
            columns = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
            found.append(FullText(name, sql, options.get("content_rowid", "rowid"), columns))
    return found


def _saved(conn: sqlite3.Connection) -> dict[str, dict[str, list[str]]]:
    return json.loads(outbox.meta(conn, KEY) or "{}")


def _outbox_sequence(conn: sqlite3.Connection) -> int:
    """The outbox's last sequence number: it moves with every local change of any synced table."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchone()
    return row[0] if row else 0


def enter(conn: sqlite3.Connection, table: str) -> list[FullText] | None:
    """Start a bulk load of ``table`` if it is empty, inside the caller's transaction; if the table loads
    in bulk, its full-text indexes, else None. Unique indexes stay (they keep the data right), and so do
    the sync capture triggers."""
    saved = _saved(conn)
    fts = full_text_indexes(conn, table)
    if table in saved:
        return fts
    if conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
        return None
    feeding = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        )
        if any(re.search(rf"\bINTO\s+[\"'`]?{re.escape(f.name)}\b", sql, re.IGNORECASE) for f in fts)
    ]
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND upper(sql) NOT LIKE 'CREATE UNIQUE%'",
        (table,),
    ).fetchall()
    for name, _ in feeding:
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    saved[table] = {"create": [sql for _, sql in feeding + indexes], "rebuild": [f.name for f in fts]}
    outbox.put_meta(conn, KEY, json.dumps(saved))
    return fts


def scratch_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-fulltext")


def _database_path(conn: sqlite3.Connection) -> Path:
    return Path(next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"))


def finish(conn: sqlite3.Connection, builder: FullTextBuilder | None = None) -> list[str]:
    """Put back what bulk loads took off, with their full-text indexes, in one transaction; the tables it
    finished. Safe to call any time: a sync calls it when its pull ends, however it ends (with the builder
    it ran), and start-up in case one was killed. ``conn`` must not have used the full-text indexes in
    this load: FTS5 keeps what it read of an index per connection, and the copy changes it underneath."""
    built = builder.close() if builder else {}
    if outbox.meta(conn, KEY) is None:  # what start-up finds nearly always: one query
        if builder:
            scratch_path(builder.db_path).unlink(missing_ok=True)
        return []
    scratch = scratch_path(_database_path(conn))
    attached = False
    try:
        if built:
            conn.execute("ATTACH DATABASE ? AS fulltext", (str(scratch),))
            attached = True
        with outbox.transaction(conn):
            return put_back(conn, built)
    finally:
        if attached:
            conn.execute("DETACH DATABASE fulltext")
        scratch.unlink(missing_ok=True)


def put_back(conn: sqlite3.Connection, built: dict[str, _Build] | None = None) -> list[str]:
    """``finish``'s work inside the caller's transaction: a writer that loaded in bulk in one transaction
    (an import) puts the indexes back in the same one, so a kill anywhere leaves the table as it was."""
    saved = _saved(conn)
    for table, spec in saved.items():
        done = (built or {}).get(table)
        if done is not None and done.covers(conn, table):
            for fts in spec["rebuild"]:
                for shadow in _SHADOWS:
                    conn.execute(f'DELETE FROM main."{fts}_{shadow}"')
                    conn.execute(f'INSERT INTO main."{fts}_{shadow}" SELECT * FROM fulltext."{fts}_{shadow}"')
            log.info("%s: full-text index copied from the build beside the load", table)
        else:
            # First, before the covering index is back: the rebuild would read the table through
            # it, in name order, and FTS5 takes rows out of rowid order 2.5x slower.
            for fts in spec["rebuild"]:
                conn.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            log.info("%s: full-text index rebuilt after the load", table)
        for sql in spec["create"]:
            conn.execute(sql)
    if saved:
        conn.execute("DELETE FROM station_meta WHERE key = ?", (KEY,))
    return sorted(saved)


@dataclass
class _Build:
    indexes: list[FullText]
    rowid: str
    outbox_at_start: int
    done: int = 0  # the highest content rowid indexed
    rows: int = 0
    spoiled: bool = False

    def covers(self, conn: sqlite3.Connection, table: str) -> bool:
        """Whether the index built holds exactly the table's rows as they are: no row the writer changed or
        deleted after it was indexed, no local change meanwhile (any moves the outbox), none missing."""
        if self.spoiled or _outbox_sequence(conn) != self.outbox_at_start:
            return False
        count, highest = conn.execute(f'SELECT count(*), coalesce(max("{self.rowid}"), 0) FROM "{table}"').fetchone()
        return (count, highest) == (self.rows, self.done)


@dataclass
class FullTextBuilder:
    """Builds the full-text indexes of tables loading in bulk, on a thread and in a scratch database of its
    own, from the rows the writer has committed; ``finish`` copies the result in.

    The writer's thread is busy inserting; FTS5 tokenising the same rows took as long again there. Here it
    runs on the other core, one statement per commit (SQLite works without the interpreter lock). An FTS5
    index lives in its shadow tables (``<name>_data``, ``_idx``, ``_docsize``): the same library, given the
    same table definition, rows and rowids, writes shadow rows that index them in the very format the
    station's table reads, so copying them in is the index (the tests hold it against a rebuild and FTS5's
    own integrity check). What the builder cannot vouch for (a row changed after it was indexed, a local
    edit meanwhile, a failure) is rebuilt instead.
    """

    db_path: Path
    _builds: dict[str, _Build] = field(default_factory=dict)
    _wake: threading.Condition = field(default_factory=threading.Condition)
    _rounds: int = 0  # commits signalled
    _closing: bool = False
    _thread: threading.Thread | None = None
    _failed: BaseException | None = None

    def start(self, conn: sqlite3.Connection, table: str, indexes: list[FullText]) -> None:
        """In the transaction that began the table's bulk load (nothing of it is committed yet), with the
        table's full-text indexes."""
        if not indexes or table in self._builds:
            return
        rowids = {f.rowid for f in indexes}
        if len(rowids) != 1:
            return  # indexes keyed on different columns: rebuilt at the end
        with self._wake:
            self._builds[table] = _Build(indexes, rowids.pop(), _outbox_sequence(conn))
        if self._thread is None:
            scratch_path(self.db_path).unlink(missing_ok=True)
            self._thread = threading.Thread(target=self._run, name="sync-fulltext", daemon=True)
            self._thread.start()

    def spoil(self, table: str) -> None:
        """The writer changed or deleted rows of the table: what was indexed may be stale."""
        build = self._builds.get(table)
        if build is not None:
            build.spoiled = True

    def committed(self) -> None:
        with self._wake:
            self._rounds += 1
            self._wake.notify()

    def close(self) -> dict[str, _Build]:
        """Index what is committed, stop; the tables built (none if the builder failed)."""
        if self._thread is None:
            return {}
        with self._wake:
            self._closing = True
            self._rounds += 1
            self._wake.notify()
        self._thread.join()
        self._thread = None
        if self._failed is not None:
            log.warning("building the full-text index beside the sync failed; it is rebuilt", exc_info=self._failed)
            return {}
        return {table: build for table, build in self._builds.items() if not build.spoiled}

    def _run(self) -> None:
        try:
            scratch = sqlite3.connect(scratch_path(self.db_path), isolation_level=None, timeout=30)
            try:
                scratch.execute("PRAGMA journal_mode = OFF")  # a scratch copy: after a crash the index is rebuilt
                scratch.execute("PRAGMA synchronous = OFF")
                scratch.execute("ATTACH DATABASE ? AS station", (str(self.db_path),))
                created: set[str] = set()
                seen = 0
                while True:
                    with self._wake:
                        while self._rounds == seen and not self._closing:
                            self._wake.wait()
                        seen, last = self._rounds, self._closing
                        builds = [(t, b) for t, b in self._builds.items() if not b.spoiled]
                    for table, build in builds:
                        self._index(scratch, table, build, created)
                    if last and seen == self._rounds:
                        return
            finally:
                scratch.close()
        except BaseException as exc:  # the sync goes on; finish rebuilds
            self._failed = exc

    @staticmethod
    def _index(scratch: sqlite3.Connection, table: str, build: _Build, created: set[str]) -> None:
        scratch.execute("BEGIN")
        try:
            for index in build.indexes:
                if index.name not in created:
                    scratch.execute(index.sql)
                    # One segment per round rather than one per MiB of terms (the default): fewer merges.
                    scratch.execute(
                        f'INSERT INTO main."{index.name}"("{index.name}", rank) VALUES (\'hashsize\', ?)', (8 << 20,)
                    )
                    created.add(index.name)
            rowid = f'"{build.rowid}"'
            (highest,) = scratch.execute(f'SELECT coalesce(max({rowid}), 0) FROM station."{table}"').fetchone()
            new_rows = f'FROM station."{table}" WHERE {rowid} > ? AND {rowid} <= ?'
            for index in build.indexes:
                columns = ", ".join(f'"{c}"' for c in index.columns)
                scratch.execute(
                    f'INSERT INTO main."{index.name}"(rowid, {columns}) SELECT {rowid}, {columns} {new_rows} '
                    f"ORDER BY {rowid}",
                    (build.done, highest),
                )
            (added,) = scratch.execute(f"SELECT count(*) {new_rows}", (build.done, highest)).fetchone()
        except BaseException:
            scratch.execute("ROLLBACK")
            raise
        scratch.execute("COMMIT")
        build.done, build.rows = highest, build.rows + added
