from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

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


IDENTIFIER = r"[a-z_]+\.[a-z_.]+"
UUID = r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}"


def test_audit_entries_read_as_sentences_by_name_without_codes_or_uids(ctx, admin) -> None:
    import re

    from station.contributions import AuditWording
    from station.core import enterprises, identity, people
    from station.core.audit import AuditEntry
    from station.core.audit_text import AuditWords
    from station.core.sign_in import sign_in
    from station.errors import UserError

    with ctx.work(admin) as work:
        people.add_user(work, username="li", display_name="李办事", role="clerk", password="s3cret-pass")
        created = enterprises.create(work, enterprise_values(1))
    li = ctx.permissions.actor("li", "clerk", "李办事")
    with ctx.work(li) as work:
        enterprises.update(work, created.id, enterprise_values(1, legal_rep="王五", stage="startup"))
    with pytest.raises(UserError):
        sign_in(ctx, "li", "wrong-password")
    with ctx.work(admin) as work:
        people.change_role(work, "li", "supervisor")
        work.audit("tiny.unknown", "thing", "0f8fad5b-d9cb-469f-a165-70867728950e", None, {"x": 1})
        work.audit("demo.fill", "demo", "licenses.licenses", None, {"summary": "56 份执照"})
        work.audit("user.password", "user", "li")  # never the secret: nothing to show
    with ctx.read() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
        names = identity.display_names(session, [e.actor for e in entries] + ["li"])
        words = AuditWords(ctx.host.collect("register_audit_wordings", AuditWording), names)
        lines = {e.action: words.line(session, e) for e in entries}
    update = lines["enterprise.update"]
    assert (update.who, update.what) == ("李办事", "修改了企业信息")
    assert update.subject == f"{created.name}（{created.uscc}）"
    assert "法定代表人：张三 → 王五" in update.change and "阶段：运营 → 开办" in update.change
    assert lines["user.login_failed"].what == "登录失败" and lines["user.login_failed"].subject == "李办事"
    assert lines["user.role"].change == "角色：办事员 → 审核员"
    assert lines["tiny.unknown"].what == "其他操作" and lines["tiny.unknown"].subject == ""  # no uid shown
    assert lines["demo.fill"].subject == "演示数据" and lines["demo.fill"].change == "内容：56 份执照"
    assert lines["user.password"].change == ""
    for line in lines.values():
        text = " ".join((line.who, line.what, line.subject, line.change))
        assert not re.search(IDENTIFIER, text) and not re.search(UUID, text), text


def test_every_action_the_code_records_is_worded(ctx) -> None:
    """A new audit action without words would show as 其他操作: name each one found in the sources."""
    import re

    from helpers import ROOT
    from station.contributions import AuditWording

    worded = {w.action for w in ctx.host.collect("register_audit_wordings", AuditWording)}
    recorded = set()
    for path in [*(ROOT / "src" / "station").rglob("*.py"), *(ROOT / "plugins").rglob("station_*/*.py")]:
        if "hall" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        recorded |= set(re.findall(r'(?:\.audit\(|action=)\s*"([a-z_]+\.[a-z_.]+)"', source))
    assert recorded and recorded - worded == set()
