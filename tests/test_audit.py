from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from helpers import enterprise_values
from station.core import audit
from station.core import enterprises as ent


@pytest.fixture
def history(ctx, admin):
    for seed in range(1, 6):
        with ctx.work(admin) as work:
            ent.create(work, enterprise_values(seed))
    return ctx


def verdict(ctx) -> audit.Verdict:
    with ctx.read() as session:
        return audit.verify(session)


def tamper(ctx, *statements: str) -> None:
    """What someone with the file could do: drop the guard triggers and edit rows."""
    ctx.close()
    conn = sqlite3.connect(ctx.db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_intact_chain_verifies(history) -> None:
    result = verdict(history)
    assert result.ok and result.count == 5 and result.problems == []


def test_sql_cannot_edit_or_delete_history(history) -> None:
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log WHERE id = 2"):
        with pytest.raises(sa_exc.IntegrityError, match="append-only"), history.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert verdict(history).ok


def test_edited_row_is_detected(history) -> None:
    tamper(history, "UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    result = verdict(history)
    assert not result.ok and any("第 3 条记录的内容被改动" in p for p in result.problems)


def test_deleted_row_is_detected(history) -> None:
    tamper(history, "DELETE FROM audit_log WHERE id = 2")
    result = verdict(history)
    assert not result.ok and any("缺失" in p for p in result.problems)


def test_cut_tail_is_detected(history) -> None:
    tamper(history, "DELETE FROM audit_log WHERE id = 5")
    result = verdict(history)
    assert not result.ok and any("末尾" in p for p in result.problems)


def test_rewritten_chain_is_detected_by_the_head(history) -> None:
    # Even a forger who recomputes every hash after an edit is caught by the head kept in station_meta
    # unless they also rewrite it — which is why `station audit verify` output should be kept off-station.
    history.close()
    conn = sqlite3.connect(history.db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'forger' WHERE id = 5")
    conn.commit()
    conn.close()
    with history.read() as session:
        entry = session.get(audit.AuditEntry, 5)
        new_hash = audit.entry_hash(entry)
    conn = sqlite3.connect(history.db_path)
    conn.execute("UPDATE audit_log SET hash = ? WHERE id = 5", (new_hash,))
    conn.commit()
    conn.close()
    result = verdict(history)
    assert not result.ok and any("末尾" in p for p in result.problems)


def test_cli_verify_exit_codes(history, capsys) -> None:
    from station.cli import main

    assert main(["--data-dir", str(history.data_dir), "audit", "verify"]) == 0
    assert "哈希链校验通过" in capsys.readouterr().out
    tamper(history, "UPDATE audit_log SET after = '{}' WHERE id = 1")
    assert main(["--data-dir", str(history.data_dir), "audit", "verify"]) == 1
    assert "内容被改动" in capsys.readouterr().err
