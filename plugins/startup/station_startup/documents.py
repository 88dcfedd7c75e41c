"""Zero-form filling (零填表): the papers of a startup case, filled in from what was collected at intake.

The application form, standard articles of association (公司章程), the shareholder's decision or the
shareholders' resolution (股东决定/股东会决议) and the acceptance receipt (受理回执), whose QR code holds the
tracking code: scanned into any station's board it opens the case. PDFs through station.core.printing
(Chinese font embedded). No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from station.api import local, printing

DOCUMENTS = {
    "application": "设立登记申请书",
    "articles": "公司章程",
    "resolution": "股东决定或股东会决议",
    "receipt": "受理回执",
}


def _date(iso: str | None) -> str:
    return local(dt.datetime.fromisoformat(iso)).strftime("%Y年%m月%d日") if iso else ""


def _time(iso: str | None) -> str:
    return local(dt.datetime.fromisoformat(iso)).strftime("%Y年%m月%d日 %H:%M") if iso else ""


def _share(capital: str, total: str) -> str:
    whole = Decimal(total or "0")
    return f"{Decimal(capital or '0') / whole:.2%}" if whole else ""


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = printing.styles()["cell"]
    data = [[Paragraph(str(v), cell) if not hasattr(v, "wrap") else v for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)))
    table.setStyle(TableStyle(style))
    table.spaceAfter = 8
    return table


def _mm(value: float) -> float:
    from reportlab.lib.units import mm

    return value * mm


def _holders_table(s: Mapping[str, Any]) -> Any:
    rows = [["股东（出资人）", "证件号码", "认缴出资额（万元）", "出资方式", "出资比例"]]
    for h in s["shareholders"]:
        rows.append(
            [h["name"], h["id_number"] or "—", h["capital"], "货币", _share(h["capital"], s["registered_capital"])]
        )
    return _table(rows, [_mm(38), _mm(50), _mm(30), _mm(22), _mm(30)])


def _signatures(names: list[str], when: str) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    body = printing.styles()["body"]
    lines = [Spacer(1, _mm(8))]
    for name in names:
        lines.append(Paragraph(f"{name}（签字或盖章）：________________", body))
    lines.append(Paragraph(f"日期：{when}", body))
    return lines


def application_form(s: Mapping[str, Any], path: Path, *, issuer: str, now: dt.datetime) -> Path:
    from reportlab.platypus import Paragraph, Spacer

    st = printing.styles()
    doc = printing.official_doc(
        path, title=f"{s['enterprise_name']}设立登记申请书", issuer=issuer, subject=s["number"], now=now
    )
    rows = [
        ["名称", s["enterprise_name"]],
        ["类型", s["case_type_name"]],
        ["住所", s["address"]],
        ["法定代表人", s["legal_rep"]],
        ["注册资本", f"{s['registered_capital']} 万元（人民币）"],
        ["经营范围", s["business_scope"]],
        ["联系电话", s["contact_phone"] or "—"],
        ["受理编号", s["number"]],
    ]
    story = [
        Paragraph(f"{s['case_type_name'].removesuffix('设立')}设立登记申请书", st["title"]),
        Paragraph("（根据受理时采集的信息自动生成，申请人核对无误后签字）", st["subtitle"]),
        Spacer(1, _mm(4)),
        _table(rows, [_mm(35), _mm(135)], header=False),
        Paragraph("股东（发起人、出资人）出资情况", st["heading"]),
        _holders_table(s),
        Paragraph("申请人声明", st["heading"]),
        Paragraph(
            "本申请人和签字人承诺提交的材料文件和填报的信息真实有效，并承担相应的法律责任。"
            "对容缺受理的材料，按书面承诺的期限补交。",
            st["body"],
        ),
        *_signatures([f"法定代表人 {s['legal_rep']}"], _date(s["started_at"])),
    ]
    doc.build(story)
    return path


def articles(s: Mapping[str, Any], path: Path, *, issuer: str, now: dt.datetime) -> Path:
    from reportlab.platypus import Paragraph

    st = printing.styles()
    name, holders = s["enterprise_name"], s["shareholders"]
    single = len(holders) == 1
    doc = printing.official_doc(path, title=f"{name}章程", issuer=issuer, subject=s["number"], now=now)
    n = 0

    def article(text: str) -> Any:
        nonlocal n
        n += 1
        return Paragraph(f"第{_cn(n)}条　{text}", st["body"])

    story: list[Any] = [
        Paragraph(f"{name}章程", st["title"]),
        Paragraph("第一章　总则", st["heading"]),
        article("为规范公司的组织和行为，保护公司、股东和债权人的合法权益，根据《中华人民共和国公司法》"
                "（以下简称《公司法》）和有关法律、法规的规定，制定本章程。"),
        article(f"公司名称：{name}。"),
        article(f"公司住所：{s['address']}。"),
        article(f"公司注册资本：人民币{s['registered_capital']}万元。"),
        article(f"公司经营范围：{s['business_scope']}（依法须经批准的项目，经相关部门批准后方可开展经营活动）。"),
        article("公司为有限责任公司，股东以其认缴的出资额为限对公司承担责任，公司以其全部财产对公司的债务承担责任。"),
        Paragraph("第二章　股东的姓名或者名称、出资额、出资方式和出资日期", st["heading"]),
        article("股东的姓名或者名称、认缴的出资额和出资方式如下表。全体股东认缴的出资额由股东按照本章程的规定"
                "自公司成立之日起五年内缴足。"),
        _holders_table(s),
        article("股东按期足额缴纳认缴的出资额；未按期缴纳的，除应向公司足额缴纳外，还应对给公司造成的损失承担赔偿责任。"),
        Paragraph("第三章　公司的组织机构及其产生办法、职权、议事规则", st["heading"]),
        article("公司不设股东会，股东作出《公司法》规定的决定时，应当采用书面形式，并由股东签名或者盖章后置备于公司。"
                if single else
                "股东会由全体股东组成，是公司的权力机构，依照《公司法》行使职权。股东会会议由股东按照认缴出资比例行使表决权。"),
        article("公司规模较小，不设董事会，设董事一名，由股东会选举产生（一人公司由股东委派），任期三年，任期届满可连选连任。"
                .replace("由股东会选举产生（一人公司由股东委派）", "由股东委派" if single else "由股东会选举产生")),
        article("公司不设监事会，经全体股东一致同意，也可不设监事。"),
        article(f"公司的法定代表人由代表公司执行公司事务的董事担任。首任法定代表人为{s['legal_rep']}。"),
        Paragraph("第四章　附则", st["heading"]),
        article("本章程自全体股东签字或者盖章之日起生效。本章程与法律、行政法规不一致的，以法律、行政法规为准。"),
        article("本章程一式两份，公司留存一份，并报公司登记机关备案一份。"),
        *_signatures([f"股东 {h['name']}" for h in holders], _date(s["started_at"])),
    ]  # fmt: skip
    doc.build(story)
    return path


def resolution(s: Mapping[str, Any], path: Path, *, issuer: str, now: dt.datetime) -> Path:
    from reportlab.platypus import Paragraph

    st = printing.styles()
    holders = s["shareholders"]
    single = len(holders) == 1
    title = f"{s['enterprise_name']}{'股东决定' if single else '股东会决议'}"
    doc = printing.official_doc(path, title=title, issuer=issuer, subject=s["number"], now=now)
    who = (
        f"股东{holders[0]['name']}依据《公司法》及公司章程的规定，作出如下决定："
        if single
        else f"{_date(s['started_at'])}，公司全体股东（{'、'.join(h['name'] for h in holders)}）召开股东会，"
        "代表百分之百表决权的股东出席会议，一致通过如下决议："
    )
    items = [
        f"同意设立{s['enterprise_name']}，注册资本人民币{s['registered_capital']}万元，住所为{s['address']}。",
        "通过公司章程。",
        f"{'委派' if single else '选举'}{s['legal_rep']}为公司董事，执行公司事务，担任公司法定代表人。",
        "同意委托园区企业服务站办理设立登记、发票申领、社保登记、银行开户和公章刻制事项。",
    ]
    story = [
        Paragraph(title, st["title"]),
        Paragraph(who, st["body"]),
        *[Paragraph(f"{_cn(i + 1)}、{text}", st["body"]) for i, text in enumerate(items)],
        *_signatures([f"股东 {h['name']}" for h in holders], _date(s["started_at"])),
    ]
    doc.build(story)
    return path


def receipt(s: Mapping[str, Any], path: Path, *, issuer: str, now: dt.datetime) -> Path:
    """受理回执: what was accepted, the steps and their deadlines, deferred papers, and the tracking QR."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    st = printing.styles()
    doc = printing.official_doc(
        path, title=f"企业开办受理回执 {s['number']}", issuer=issuer, subject=s["number"], now=now
    )
    qr = printing.QrCode(printing.qr_matrix(s["tracking_code"], error="M"), _mm(34))
    facts = [
        Paragraph(f"受理编号：{s['number']}", st["body"]),
        Paragraph(f"企业名称：{s['enterprise_name']}", st["body"]),
        Paragraph(f"开办类型：{s['case_type_name']}", st["body"]),
        Paragraph(f"受理时间：{_time(s['started_at'])}", st["body"]),
        Paragraph(f"办结时限：{s['limit']}，承诺于 {_time(s['deadline_at'])} 前办结", st["body"]),
        Paragraph(f"查询码：{s['tracking_code']}", st["body"]),
    ]
    head = Table([[facts, qr]], colWidths=[_mm(132), _mm(38)])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    steps = [["环节", "负责部门", "办理事项", "截止时间"]]
    actions = {"registration": "设立登记", "invoice": "税务登记及发票申领", "social_insurance": "单位参保登记",
               "bank_account": "基本存款账户开立", "seal": "印章刻制及备案"}  # fmt: skip
    for step in s["steps"]:
        steps.append(
            [step["name"], step["department"], actions.get(step["code"], step["name"]), _time(step["deadline_at"])]
        )
    story: list[Any] = [
        Paragraph("企业开办受理回执", st["title"]),
        head,
        Paragraph("五个环节并联办理", st["heading"]),
        _table(steps, [_mm(26), _mm(46), _mm(50), _mm(48)]),
    ]
    deferred = [p for p in s["papers"] if p["status"] == "deferred"]
    if deferred:
        story.append(Paragraph("容缺受理材料（申请人书面承诺限期补交）", st["heading"]))
        rows = [["材料", "承诺", "补交期限"]]
        rows += [[p["name"], p["commitment"], _date(p["due_at"])] for p in deferred]
        story.append(_table(rows, [_mm(50), _mm(85), _mm(35)]))
    story += [
        Spacer(1, _mm(4)),
        Paragraph(
            f"扫描右上角二维码，或凭查询码 {s['tracking_code']}，可在园区任一企业服务站查询办理进度。"
            "申请人对所提交材料的真实性负责；逾期未补交容缺材料的，相关事项暂停办理。",
            st["body"],
        ),
        Spacer(1, _mm(6)),
        Paragraph(
            f"受理人：{s['clerk_name']}" + (f"　帮办代办专员：{s['agent_name']}" if s["agent"] else ""), st["body"]
        ),
        Paragraph(f"受理单位：{issuer}（盖章）", st["body"]),
        _seal_over_last_line(issuer),
        Spacer(1, _mm(30)),
    ]
    doc.build(story)
    return path


def _seal_over_last_line(issuer: str) -> Any:
    """A zero-height flowable that stamps the station's seal over the line above it (受理单位…（盖章）)."""
    from reportlab.platypus import Flowable

    class SealMark(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            printing.draw_seal(self.canv, _mm(75), _mm(-6), _mm(19), issuer, label="业务专用章")

    return SealMark()


def _cn(n: int) -> str:
    """1..99 in Chinese numerals, as articles are numbered (第十二条)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


MAKERS = {"application": application_form, "articles": articles, "resolution": resolution, "receipt": receipt}


def make(
    s: Mapping[str, Any], folder: Path, *, issuer: str, now: dt.datetime, which: tuple[str, ...] = tuple(MAKERS)
) -> list[Path]:
    """Write the chosen papers of case summary ``s`` into ``folder``; the files are named by case number."""
    from station.api import UserError

    paths = []
    for key in which:
        if key not in MAKERS:
            raise UserError(f"没有“{key}”这种文书，可选：{'、'.join(MAKERS)}。")
        if key in ("articles", "resolution") and s["case_type"] not in ("limited_company",):
            continue  # articles and a shareholders' resolution belong to a company
        paths.append(MAKERS[key](s, Path(folder) / f"{s['number']}-{DOCUMENTS[key]}.pdf", issuer=issuer, now=now))
    return paths
