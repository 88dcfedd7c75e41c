"""Department data intake: files as departments export them, hostile cells, re-loading, sync and the CLI."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from policy_helpers import make_firm
from sqlalchemy import select
from station_policy import intake, services
from station_policy.models import Fact

from helpers import valid_code
from station.core.context import StationContext
from station.errors import UserError

SHEBAO = {
    "department": "区人力社保局",
    "year": 2025,
    "columns": {
        "参保人数/年末在册": "insured_staff",
        "参保人数/本年新增": "new_hires",
        "失业保险费（万元）": {"fact": "unemployment_premium_fen", "unit": "万元"},
    },
}


def _shebao_csv(path: Path, rows: list[list[str]], encoding: str = "gbk") -> Path:
    """As 社保 exports it: a title row, a group header merged over two columns, a sub-header row, a total."""
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["2025年度参保单位缴费情况表", "", "", "", "", ""])
        w.writerow(["序号", "统一社会信用代码", "单位名称", "参保人数", "", "失业保险费（万元）"])
        w.writerow(["", "", "", "年末在册", "本年新增", ""])
        for i, row in enumerate(rows, 1):
            w.writerow([str(i), *row])
        w.writerow(["合计", "", "", "", "", ""])
    return path


def _facts(ctx: StationContext, uid: str) -> dict[tuple[str, int], Fact]:
    with ctx.read() as session:
        return {(f.fact_key, f.year): f for f in session.scalars(select(Fact).where(Fact.enterprise_uid == uid))}


def _outbox(ctx: StationContext) -> int:
    with ctx.raw() as conn:
        return conn.execute("SELECT count(*) FROM sync_outbox WHERE table_name = 'policy_fact'").fetchone()[0]


def _load(ctx, admin, path: Path, doc: dict) -> intake.LoadReport:
    with ctx.work(admin) as work:
        return intake.load_file(work, path, intake.parse_mapping("test", doc))


def test_gbk_csv_with_merged_headers_loads_with_source_and_reloading_changes_nothing(loaded, firm, admin, tmp_path):
    code = valid_code(1)
    path = _shebao_csv(tmp_path / "社保.csv", [[code, "株洲测试1号科技有限公司", "36", "4", "1.25"]])
    report = _load(loaded, admin, path, SHEBAO)
    assert (report.total, report.loaded_rows, report.changed, report.bad) == (1, 1, 3, [])
    facts = _facts(loaded, firm)
    assert facts[("insured_staff", 2025)].value == 36
    assert facts[("new_hires", 2025)].value == 4
    assert facts[("unemployment_premium_fen", 2025)].value == 1_250_000  # 1.25 万元, exactly, in fen
    assert facts[("insured_staff", 2025)].source == "区人力社保局"
    assert facts[("insured_staff", 2025)].updated_at is not None
    assert report.enterprises == [firm]

    versions = {k: f.version for k, f in facts.items()}
    queued = _outbox(loaded)
    assert queued >= 3  # the loaded facts travel to the hall like any other change
    again = _load(loaded, admin, path, SHEBAO)
    assert (again.changed, again.unchanged, again.enterprises) == (0, 3, [])
    assert {k: f.version for k, f in _facts(loaded, firm).items()} == versions
    assert _outbox(loaded) == queued


def test_hostile_cells_come_back_with_row_column_and_reason_and_load_nothing(loaded, firm, admin, tmp_path):
    make_firm(loaded, admin, seed=2)
    rows = [
        [valid_code(1), "甲", "NaN", "1", "1"],
        [valid_code(2), "乙", "10", "2", '=HYPERLINK("x")'],
        [valid_code(3), "丙", "10", "2", "1"],  # not registered
        ["91430211MA4PXE5QX1", "丁", "10", "2", "1"],  # check digit wrong
        [valid_code(2), "乙", "10", "2", "9" * 30],
        [valid_code(2), "乙", "10.5", "2", "0.0000001"],
        ["=cmd|' /C calc'!A0", "戊", "1", "1", "1"],
    ]
    path = _shebao_csv(tmp_path / "bad.csv", rows)
    report = _load(loaded, admin, path, SHEBAO)
    reasons = {(b.row, b.column): b.reason for b in report.bad}
    assert "不是有效的数字" in reasons[(4, "参保人数/年末在册")]
    assert "公式" in reasons[(5, "失业保险费（万元）")]
    assert "未在企业库登记" in reasons[(6, "统一社会信用代码")]
    assert "校验位" in reasons[(7, "统一社会信用代码")]
    assert "过大" in reasons[(8, "失业保险费（万元）")]
    assert "整数" in reasons[(9, "参保人数/年末在册")] and "整分" in reasons[(9, "失业保险费（万元）")]
    assert report.loaded_rows == 0 and report.changed == 0 and report.total == 7  # the 合计 line is not a row
    assert ("insured_staff", 2025) not in _facts(loaded, firm)

    out = intake.write_bad_rows(report, tmp_path / "问题行.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_xlsx_with_merged_year_groups_and_a_lying_dimension(loaded, firm, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["重点税源企业纳税情况"])
    ws.merge_cells("A1:E1")
    ws.append(["纳税人识别号", "纳税人名称", "2024年度", None, "2025年度"])
    ws.append([None, None, "入库税款（万元）", "是否欠税", "入库税款（万元）"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("C2:D2")
    ws.append([valid_code(1), "甲", 12.34, "否", 0.1 + 0.2])  # a double carries binary noise past 15 digits
    honest = tmp_path / "honest.xlsx"
    wb.save(honest)
    lying = tmp_path / "税务.xlsx"
    with zipfile.ZipFile(honest) as zin, zipfile.ZipFile(lying, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:A1"/>', data)
            zout.writestr(item, data)
    doc = {
        "department": "区税务局",
        "key": "纳税人识别号",
        "columns": {
            "2024年度/入库税款（万元）": {"fact": "tax_paid_fen", "unit": "万元", "year": 2024},
            "2025年度/入库税款（万元）": {"fact": "tax_paid_fen", "unit": "万元", "year": 2025},
            "是否欠税": "tax_arrears",
        },
    }
    report = _load(loaded, admin, lying, doc)
    assert report.bad == [] and report.loaded_rows == 1
    facts = _facts(loaded, firm)
    assert facts[("tax_paid_fen", 2024)].value == 12_340_000
    assert facts[("tax_paid_fen", 2025)].value == 300_000
    assert facts[("tax_arrears", 0)].value == 0


def test_an_ambiguous_leaf_asks_for_its_group(loaded, admin, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["纳税人识别号", "2024年度", "2025年度"])
    ws.append([None, "入库税款", "入库税款"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    doc = {"department": "区税务局", "key": "纳税人识别号", "year": 2025, "columns": {"入库税款": "tax_paid_fen"}}
    with pytest.raises(UserError, match="上级表头"):
        _load(loaded, admin, path, doc)


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ({"columns": {"a": "insured_staff"}}, "来源部门"),
        ({"department": "区统计局", "columns": {"a": "no_such_fact"}}, "数据项不认识"),
        ({"department": "区统计局", "columns": {"a": "revenue_fen"}}, "年份"),
        ({"department": "区统计局", "year": 2025, "columns": {"a": {"fact": "revenue_fen", "unit": "美元"}}}, "单位"),
    ],
)
def test_a_broken_mapping_says_what_to_fix(doc, words):
    with pytest.raises(UserError, match=words):
        intake.parse_mapping("统计", doc)


def test_shipped_mappings_read_their_sample_files(loaded):
    for mapping_path in intake.shipped_dir().glob("*.yaml"):
        mapping = intake.load_mapping(mapping_path.stem)
        (sample,) = intake.shipped_dir().glob(f"{mapping_path.stem}-*.*")
        with loaded.read() as session:
            _good, report = intake.check(session, sample, mapping)
        assert report.total >= 20, sample.name  # the header block found, every column located
        assert all("未在企业库登记" in b.reason or b.row > 20 for b in report.bad), report.bad


def test_cli_loads_rematches_and_writes_bad_rows(tmp_path, capsys):
    from station import cli

    data = tmp_path / "cli"
    ctx = StationContext(data)
    admin = ctx.cli_actor()
    with ctx.work(admin) as work:
        from station_policy import catalog

        services.load_catalog(work, catalog.load_dir(catalog.demo_dir()))
    uid = make_firm(ctx, admin, seed=1)
    ctx.close()
    mapping = tmp_path / "shebao.yaml"
    mapping.write_text(json.dumps(SHEBAO, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    rows = [[valid_code(1), "甲", "36", "4", "1"], [valid_code(5), "乙", "1", "1", "1"]]
    path = _shebao_csv(tmp_path / "社保.csv", rows)
    bad = tmp_path / "bad.csv"
    args = ["--data-dir", str(data), "policy", "facts", "load", str(path), "--mapping", str(mapping)]
    rc = cli.main([*args, "--bad-rows", str(bad), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 2 and out["changed"] == 3 and out["rematched"] == 1 and len(out["bad"]) == 1
    assert "未在企业库登记" in bad.read_text(encoding="utf-8-sig")
    ctx = StationContext(data)
    with ctx.read() as session:
        assert uid not in services.stale_enterprises(session, services.today_local())
    ctx.close()
    rc = cli.main(["--data-dir", str(data), "policy", "facts", "load", str(path), "--mapping", "无此对照表"])
    assert rc != 0 and "找不到名为“无此对照表”" in capsys.readouterr().err


def test_a_row_without_its_code_under_the_header_is_a_bad_row_and_years_are_sub_headers(loaded, firm, admin, tmp_path):
    path = tmp_path / "统计.csv"
    path.write_text(
        "统一社会信用代码,营业收入（万元）,\n,2024,2025\n" + f"{valid_code(1)},100,200\n,300,400\n", encoding="utf-8"
    )
    doc = {
        "department": "区统计局",
        "columns": {
            "营业收入（万元）/2024": {"fact": "revenue_fen", "unit": "万元", "year": 2024},
            "营业收入（万元）/2025": {"fact": "revenue_fen", "unit": "万元", "year": 2025},
        },
    }
    report = _load(loaded, admin, path, doc)
    assert report.loaded_rows == 1 and [(b.row, b.column) for b in report.bad] == [(4, "统一社会信用代码")]
    assert _facts(loaded, firm)[("revenue_fen", 2025)].value == 200_000_000
    path.write_text("统一社会信用代码,营业收入（万元）\n" + ",300\n" + f"{valid_code(1)},100\n", encoding="utf-8")
    doc = {
        "department": "区统计局",
        "year": 2025,
        "columns": {"营业收入（万元）": {"fact": "revenue_fen", "unit": "万元"}},
    }
    report = _load(loaded, admin, path, doc)
    assert report.loaded_rows == 1 and [b.row for b in report.bad] == [2]  # not taken for a sub-header
