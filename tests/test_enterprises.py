from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from helpers import enterprise_values
from station.core import enterprises as ent
from station.core.audit import AuditEntry
from station.errors import PermissionDenied, UserError, ValidationError


def test_create_stores_exact_values_and_audits(ctx, clerk) -> None:
    with ctx.work(clerk) as work:
        created = ent.create(work, enterprise_values(1, registered_capital="1234.567891"))
    with ctx.read() as session:
        stored = ent.get(session, created.id)
        assert stored.registered_capital_fen == 1_234_567_891
        assert ent.format_capital(stored.registered_capital_fen) == "1234.567891"
        assert stored.founded_on == dt.date(2021, 6, 18)
        assert stored.stage == "operation" and stored.version == 1 and stored.updated_by == "clerk"
        assert len(stored.uid) == 36
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "enterprise.create")).one()
        assert entry.actor == "clerk" and entry.subject_id == stored.uid and "1234567891" in entry.after


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("uscc", "91430211MA4PXE5Q8Y", "校验位"),
        ("name", "株", "企业名称"),
        ("industry_code", "C65", "不属于门类"),
        ("industry_code", "X12", "门类字母"),
        ("registered_capital", "五百万", "数字"),
        ("registered_capital", "-3", "负数"),
        ("registered_capital", "0.0000001", "精确到分"),
        ("employees", "3.5", "整数"),
        ("founded_on", "2099-01-01", "晚于今天"),
        ("founded_on", "去年", "格式"),
        ("contact_phone", "12345", "联系电话"),
        ("stage", "倒闭", "生命周期"),
    ],
)
def test_validation_messages_name_the_field_in_chinese(field: str, value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ent.clean(enterprise_values(1, **{field: value}))
    assert list(caught.value.fields) == [field]
    assert fragment in caught.value.fields[field]


def test_capital_accepts_common_spellings() -> None:
    assert ent.parse_capital("500万元") == 500_000_000
    assert ent.parse_capital("1,200") == 1_200_000_000
    assert ent.parse_capital(12.5) == 12_500_000
    assert ent.parse_capital(Decimal("0.000001")) == 1
    assert ent.parse_capital("") is None


def test_duplicate_code_is_refused(ctx, clerk) -> None:
    with ctx.work(clerk) as work:
        ent.create(work, enterprise_values(1))
    with pytest.raises(ValidationError) as caught, ctx.work(clerk) as work:
        ent.create(work, enterprise_values(1, name="另一家公司"))
    assert "已登记" in caught.value.fields["uscc"]
    with ctx.read() as session:
        assert ent.count(session) == 1


def test_update_records_only_changed_fields_and_checks_version(ctx, clerk) -> None:
    with ctx.work(clerk) as work:
        created = ent.create(work, enterprise_values(2))
    with ctx.work(clerk) as work:
        ent.update(work, created.id, enterprise_values(2, legal_rep="王五", employees="40"), expected_version=1)
    with ctx.read() as session:
        stored = ent.get(session, created.id)
        assert (stored.legal_rep, stored.employees, stored.version) == ("王五", 40, 2)
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "enterprise.update")).one()
        assert entry.before == '{"employees":35,"legal_rep":"张三"}'
    with pytest.raises(UserError, match="已被他人修改"), ctx.work(clerk) as work:
        ent.update(work, created.id, enterprise_values(2, legal_rep="赵六"), expected_version=1)


def test_permissions_are_checked_in_the_service(ctx) -> None:
    nobody = ctx.permissions.actor("guest", "guest")
    with pytest.raises(PermissionDenied, match="没有"), ctx.work(nobody) as work:
        ent.create(work, enterprise_values(3))


@pytest.fixture
def park(ctx, admin):
    from station.core import demo

    rows = list(demo.enterprise_rows(600, seed=7))
    rows[0].update(name="株洲华鑫新材料有限公司", legal_rep="欧阳明")
    rows[1].update(name="玉门华鑫物流有限公司")
    with ctx.work(admin) as work:
        ent.upsert_many(work, rows, source="test")
    return rows


def _names(ctx, query: str) -> list[str]:
    with ctx.read() as session:
        ids = ent.search_ids(session, query)
        rows = ent.rows_for(session, ids)
    return [rows[i][1] for i in ids]


def test_search_finds_chinese_substrings_codes_and_people(ctx, park) -> None:
    assert _names(ctx, "华鑫新材") == ["株洲华鑫新材料有限公司"]
    assert set(_names(ctx, "华鑫")) >= {"株洲华鑫新材料有限公司", "玉门华鑫物流有限公司"}  # 2 characters: scan
    assert _names(ctx, park[5]["uscc"]) == [park[5]["name"]]
    assert _names(ctx, park[5]["uscc"][:10].lower()) == [park[5]["name"]]
    assert _names(ctx, park[5]["uscc"][8:17]) == [park[5]["name"]]  # the old organization code inside it
    assert _names(ctx, "欧阳明") == ["株洲华鑫新材料有限公司"]
    assert _names(ctx, '"%_') == []  # quotes and wildcards are literal


def test_search_results_are_sorted_and_complete(ctx, park) -> None:
    names = _names(ctx, "公司")
    assert len(names) == len(park) and names == sorted(names)


def test_fts_index_follows_edits(ctx, park, admin) -> None:
    with ctx.read() as session:
        target = ent.by_uscc(session, park[10]["uscc"])
    values = {**ent.as_form(target), "name": "沈抚改名后的新公司"}
    with ctx.work(admin) as work:
        ent.update(work, target.id, values)
    assert _names(ctx, "改名后的") == ["沈抚改名后的新公司"]
    assert park[10]["name"] not in _names(ctx, park[10]["name"])


def test_a_code_fragment_shared_by_many_finds_them_all_in_name_order(ctx, park, monkeypatch) -> None:
    from station.core import registry_queries

    region = park[0]["uscc"][2:8]  # the region part of the credit code
    want = sorted(r["name"] for r in park if region in r["uscc"])
    assert len(want) > 5 and _names(ctx, region) == want
    monkeypatch.setattr(registry_queries, "MANY", 5)  # the name-index walk gives the same answer
    assert _names(ctx, region) == want


def test_broad_searches_take_the_ordered_index_walk_with_the_same_answer(ctx, park, monkeypatch) -> None:
    from station.core import registry_queries

    sorted_join = _names(ctx, "有限公司")
    monkeypatch.setattr(registry_queries, "MANY", 5)  # force the name-index walk
    assert _names(ctx, "有限公司") == sorted_join and len(sorted_join) > 5
    with ctx.read() as session:
        assert (
            registry_queries.search_ids(ent._raw(session), "有限公司", limit=3)
            == ent.search_ids(session, "有限公司")[:3]
        )


def test_industry_codes_read_as_names_from_the_gbt_4754_2017_table() -> None:
    import csv

    from station import paths
    from station.core import industry

    assert industry.name("I6513") == "软件和信息技术服务业"
    assert industry.name("c3411") == "通用设备制造业"
    assert industry.name("S91") == "中国共产党机关"
    assert industry.name("A") == "农、林、牧、渔业"
    assert industry.name("") == "" and industry.name(None) == ""
    assert industry.label("C3411") == "C3411 通用设备制造业（制造业）"
    with paths.resource("industry", "gbt4754_2017.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    divisions = [r["code"] for r in rows if len(r["code"]) == 3]
    sections = [r["code"] for r in rows if len(r["code"]) == 1]
    assert len(sections) == 20 and len(divisions) == 97  # every 门类 and 大类 of the 2017 edition
    for code in divisions:  # each division sits in its section's range, as the validator has it
        assert industry.problem(code) is None, code
