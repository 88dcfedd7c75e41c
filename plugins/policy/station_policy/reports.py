"""Payout reports (by month and department: CSV, XLSX, PDF with totals), the claim's receipt and the payout
notice for an enterprise (PDF), through station.core.printing. No Qt here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from station.api import UserError, csv_safe
from station_policy import payout_state
from station_policy.facts import format_fen
from station_policy.services import STEPS, ClaimHistory, PayoutLine

HEADERS = [
    "兑付编号",
    "兑付日期",
    "主管部门",
    "政策编号",
    "政策名称",
    "统一社会信用代码",
    "企业名称",
    "年度",
    "金额（元）",
    "状态",
]


def yuan(fen: int) -> Decimal:
    """Fen as an exact Decimal of yuan (two places) for spreadsheets: never a float."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def totals_by_department(lines: Sequence[PayoutLine]) -> list[tuple[str, int, int]]:
    """(department, number of payouts, total fen), by department name."""
    out: dict[str, list[int]] = {}
    for x in lines:
        t = out.setdefault(x.department, [0, 0])
        t[0] += 1
        t[1] += x.amount_fen
    return [(d, n, total) for d, (n, total) in sorted(out.items())]


def _row(x: PayoutLine) -> list[Any]:
    # The amount as a number (an exact Decimal): a spreadsheet sums it, and csv_safe leaves numbers alone.
    return [
        x.number, x.paid_on.isoformat(), x.department, x.policy_code, x.policy_title, x.uscc, x.enterprise_name,
        x.period, yuan(x.amount_fen), payout_state.LABELS[x.state],
    ]  # fmt: skip


def pending(lines: Sequence[PayoutLine]) -> tuple[int, int]:
    """(how many, total fen) of the payouts the hall has not confirmed yet."""
    waiting = [x.amount_fen for x in lines if x.state == payout_state.PENDING]
    return len(waiting), sum(waiting)


def left_out_text(refused: Sequence[PayoutLine]) -> str:
    """Why the report has fewer payouts than were entered here; empty when nothing was left out."""
    if not refused:
        return ""
    numbers = "、".join(x.number for x in refused)
    return (
        f"另有 {len(refused)} 笔兑付（{numbers}，共 {format_fen(sum(x.amount_fen for x in refused))}）"
        "未被服务大厅接受：同一企业、同一政策、同一年度（一事一议奖补为同一决定文号）已由其他站点兑付，未计入本表。"
    )


def write_csv(path: str | Path, lines: Sequence[PayoutLine]) -> None:
    """UTF-8 with a byte-order mark, so Excel on a Chinese desktop opens it with the right characters;
    every cell formula-safe (``station.core.csv_safe``). Payouts the hall has not confirmed are marked."""
    rows: list[list[Any]] = [_row(x) for x in lines]
    rows.append(["合计", "", "", "", "", "", "", "", yuan(sum(x.amount_fen for x in lines)), ""])
    count, fen = pending(lines)
    if count:
        rows.append([f"其中待确认 {count} 笔", "", "", "", "", "", "", "", yuan(fen), "待确认"])
    csv_safe.write_csv(path, HEADERS, rows)


def write_xlsx(path: str | Path, lines: Sequence[PayoutLine], *, month: str) -> None:
    """One sheet of payouts and one of totals by department; amounts as exact numbers with two places.
    Text that a spreadsheet could take for a formula is written as text (``station.core.csv_safe``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheet = wb.active
    sheet.title = "兑付明细"
    csv_safe.append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for x in lines:
        row = _row(x)
        row[1] = x.paid_on
        csv_safe.append_row(sheet, row)
        sheet.cell(sheet.max_row, 9).number_format = "#,##0.00"
    csv_safe.append_row(sheet, ["合计", *[None] * 7, yuan(sum(x.amount_fen for x in lines))])
    sheet.cell(sheet.max_row, 9).number_format = "#,##0.00"
    count, fen = pending(lines)
    if count:
        csv_safe.append_row(sheet, [f"其中待确认 {count} 笔", *[None] * 7, yuan(fen), "待确认"])
        sheet.cell(sheet.max_row, 9).number_format = "#,##0.00"
    for column, width in zip("ABCDEFGHIJ", (22, 12, 18, 18, 34, 22, 34, 8, 16, 18), strict=True):
        sheet.column_dimensions[column].width = width
    totals = wb.create_sheet("按部门汇总")
    csv_safe.append_row(totals, ["主管部门", "笔数", "金额（元）"])
    for d, n, t in totals_by_department(lines):
        csv_safe.append_row(totals, [d, n, yuan(t)])
        totals.cell(totals.max_row, 3).number_format = "#,##0.00"
    csv_safe.append_row(totals, ["合计", len(lines), yuan(sum(x.amount_fen for x in lines))])
    totals.cell(totals.max_row, 3).number_format = "#,##0.00"
    totals.column_dimensions["A"].width = 24
    totals.column_dimensions["C"].width = 18
    wb.properties.title = f"{month} 惠企政策兑付明细"
    wb.save(path)


def write_pdf(
    path: str | Path,
    lines: Sequence[PayoutLine],
    *,
    month: str,
    issuer: str,
    now: dt.datetime | None = None,
    refused: Sequence[PayoutLine] = (),
) -> None:
    """The month's payouts by department with subtotals and a grand total; what waits for the hall is marked,
    what the hall refused is left out and said so."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from station.api import printing

    st = printing.styles()
    doc = printing.official_doc(path, title=f"{month} 惠企政策兑付报表", issuer=issuer, subject="惠企政策兑付", now=now)
    story: list[Any] = [
        Paragraph(f"{month} 惠企政策资金兑付报表", st["title"]),
        Paragraph(f"共 {len(lines)} 笔，合计 {format_fen(sum(x.amount_fen for x in lines))}", st["subtitle"]),
    ]
    count, fen = pending(lines)
    if count:
        story.append(
            Paragraph(f"其中 {count} 笔、{format_fen(fen)} 尚未同步到服务大厅确认，标为“待确认”。", st["body"])
        )
    if refused:
        story.append(Paragraph(left_out_text(refused), st["body"]))
    story.append(Spacer(1, 4 * mm))
    summary = [["主管部门", "笔数", "金额（元）"]]
    summary += [[d, str(n), f"{yuan(t):,}"] for d, n, t in totals_by_department(lines)]
    summary.append(["合计", str(len(lines)), f"{yuan(sum(x.amount_fen for x in lines)):,}"])
    story.append(_table(summary, [80 * mm, 25 * mm, 45 * mm], st, colors, TableStyle, Table, Paragraph))
    for d, _n, t in totals_by_department(lines):
        story.append(Paragraph(f"{d}（小计 {format_fen(t)}）", st["heading"]))
        rows = [["兑付日期", "企业名称", "政策", "年度", "金额（元）", "状态"]]
        rows += [
            [x.paid_on.isoformat(), x.enterprise_name, x.policy_title, x.period, f"{yuan(x.amount_fen):,}",
             payout_state.LABELS[x.state]]
            for x in lines
            if x.department == d
        ]  # fmt: skip
        widths = [22 * mm, 50 * mm, 42 * mm, 12 * mm, 27 * mm, 17 * mm]
        story.append(_table(rows, widths, st, colors, TableStyle, Table, Paragraph))
    if not lines:
        story.append(Paragraph("本月没有兑付记录。", st["body"]))
    doc.build(story)


def _table(
    rows: list[list[str]], widths: list[float], st: Any, colors: Any, TableStyle: Any, Table: Any, Paragraph: Any
) -> Any:
    body = [[Paragraph(str(c), st["cell"]) for c in row] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def write_payout_notice(
    path: str | Path, h: ClaimHistory, *, issuer: str = "园区企业服务站", now: dt.datetime | None = None
) -> None:
    """兑付通知书 for the enterprise: what was paid, under which policy edition, and the steps taken."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from station.api import local_text, printing

    assert h.payout is not None
    if h.payout_state == payout_state.REFUSED:
        raise UserError(payout_state.refused_note(h.payout.number))
    st = printing.styles()
    c, p = h.claim, h.payout
    doc = printing.official_doc(
        path, title=f"惠企政策资金兑付通知书 {p.number}", issuer=issuer, subject=h.policy.title, now=now
    )
    story: list[Any] = [
        *_notice_head(st, "惠企政策资金兑付通知书", p.number, h.payout_state),
        Spacer(1, 6 * mm),
        Paragraph(f"{h.enterprise_name}（统一社会信用代码 {h.uscc}）：", st["body"]),
        Paragraph(
            f"你单位申请的“{h.policy.title}”（申请编号 {c.number}，{c.period} 年度）经受理、审核并公示期满无异议，"
            f"已于 {p.paid_on.isoformat()} 兑付资金 <b>{format_fen(p.amount_fen)}</b>"
            f"（人民币{chinese_amount(p.amount_fen)}）。",
            st["body"],
        ),
        Paragraph(
            f"政策依据：{h.policy.legal_basis or h.policy.title}（{c.policy_edition} 版，主管部门：{p.department}）。",
            st["body"],
        ),
        Paragraph(
            "同一企业、同一政策、同一年度只兑付一次；如对金额有疑问，请在收到本通知之日起十五日内向服务站反映。",
            st["body"],
        ),
        Spacer(1, 4 * mm),
        Paragraph("办理经过", st["heading"]),
    ]
    for e in h.events:
        story.append(
            Paragraph(f"{local_text(e.at)}　{STEPS.get(e.step, e.step)}　{h.who(e.actor)}　{e.reason}", st["small"])
        )
    story.append(Spacer(1, 30 * mm))

    _build_sealed(doc, story, issuer, p.paid_on)


def write_claim_receipt(
    path: str | Path, h: ClaimHistory, *, issuer: str = "园区企业服务站", now: dt.datetime | None = None
) -> None:
    """受理回执 of a claim for the enterprise: what it applied for, the materials handed in, and the receipt code
    that, with its credit code, shows the claim's progress in the park's enterprise window."""
    import json

    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from station.api import local, local_text, printing

    c = h.claim
    if not c.receipt_code:
        raise UserError(f"申请 {c.number} 还没有查询码，请先在服务站生成（打印回执时会自动生成）。")
    st = printing.styles()
    doc = printing.official_doc(
        path, title=f"惠企政策兑现申请回执 {c.number}", issuer=issuer, subject=h.policy.title, now=now
    )
    materials = json.loads(c.materials or "[]")
    story: list[Any] = [
        Paragraph("惠企政策兑现申请回执", st["title"]),
        Paragraph(f"申请编号：{c.number}", st["subtitle"]),
        Spacer(1, 6 * mm),
        Paragraph(f"申请单位：{h.enterprise_name}（统一社会信用代码 {h.uscc}）", st["body"]),
        Paragraph(f"申请政策：{h.policy.title}（{c.policy_code}，{c.policy_edition} 版，{c.period} 年度）", st["body"]),
        Paragraph(f"主管部门：{h.policy.department}", st["body"]),
        Paragraph(f"申请时间：{local_text(c.created_at)}", st["body"]),
        Paragraph(f"已收材料：{'、'.join(materials) if materials else '（无）'}", st["body"]),
        Paragraph(f"查询码：<b>{c.receipt_code}</b>", st["body"]),
        Spacer(1, 4 * mm),
        Paragraph(
            f"凭统一社会信用代码和查询码 {c.receipt_code}，可在园区企业服务窗口网页“政策兑现查询”中查看受理、审核、"
            "公示、兑付的进度和本单位可申请的政策。请妥善保管本回执，查询码不要告诉他人。",
            st["body"],
        ),
        Spacer(1, 30 * mm),
    ]

    _build_sealed(doc, story, issuer, local(now or c.created_at))


def write_award_notice(
    path: str | Path, h: Any, *, issuer: str = "园区企业服务站", now: dt.datetime | None = None
) -> None:
    """兑付通知书 for a 一事一议 award (``awards.AwardHistory``): the decision, the amount and the steps."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from station.api import local_text, printing
    from station_policy import awards

    assert h.payout is not None
    if h.payout_state == payout_state.REFUSED:
        raise UserError(awards.refused_note(h.payout.number, h.award.decision_no))
    st = printing.styles()
    a, p = h.award, h.payout
    esc = _escape
    doc = printing.official_doc(
        path, title=f"一事一议奖补资金兑付通知书 {p.number}", issuer=issuer, subject=a.decision_no, now=now
    )
    story: list[Any] = [
        *_notice_head(st, "一事一议奖补资金兑付通知书", p.number, h.payout_state),
        Spacer(1, 6 * mm),
        Paragraph(f"{esc(h.enterprise_name)}（统一社会信用代码 {h.uscc}）：", st["body"]),
        Paragraph(
            f"根据{esc(a.department)}《{esc(a.decision_no)}》决定给予你单位的一事一议奖补（登记编号 {a.number}），"
            f"经公示期满无异议，已于 {p.paid_on.isoformat()} 兑付资金 <b>{format_fen(p.amount_fen)}</b>"
            f"（人民币{chinese_amount(p.amount_fen)}）。",
            st["body"],
        ),
        Paragraph(f"奖补事由：{esc(a.reason)}", st["body"]),
        Paragraph(f"附件：{esc('、'.join(h.attachments) or '无')}", st["body"]),
        Paragraph("同一决定文号只兑付一次；如对金额有疑问，请在收到本通知之日起十五日内向服务站反映。", st["body"]),
        Spacer(1, 4 * mm),
        Paragraph("办理经过", st["heading"]),
    ]
    for e in h.events:
        story.append(
            Paragraph(
                f"{local_text(e.at)}　{awards.STEPS.get(e.step, e.step)}　{esc(h.who(e.actor))}　{esc(e.reason)}",
                st["small"],
            )
        )
    story.append(Spacer(1, 30 * mm))

    _build_sealed(doc, story, issuer, p.paid_on)


def _escape(text: str) -> str:
    # reportlab's Paragraph reads a small markup: a typed "<" or "&" must not be taken for it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _notice_head(st: Any, title: str, number: str, state: str) -> list[Any]:
    """A payout notice's title and number, and 待确认 while the hall has not confirmed the payment."""
    from reportlab.platypus import Paragraph

    head = [Paragraph(title, st["title"]), Paragraph(f"编号：{number}", st["subtitle"])]
    if state == payout_state.PENDING:
        head.append(Paragraph(f"<b>待确认</b>：{payout_state.PENDING_NOTE}", st["body"]))
    return head


def _build_sealed(doc: Any, story: list[Any], issuer: str, day: dt.date | dt.datetime) -> None:
    """Build ``doc`` with the issuer, the day and its red seal at the foot of the first page, as a notice is
    signed and stamped."""
    from reportlab.lib.units import mm

    from station.api import printing

    def seal(canvas: Any, doc_: Any) -> None:
        width = doc_.pagesize[0]
        canvas.setFont(printing.register_font(), 11)
        canvas.drawRightString(width - 25 * mm, 60 * mm, issuer)
        canvas.drawRightString(width - 25 * mm, 53 * mm, day.strftime("%Y年%m月%d日"))
        printing.draw_seal(canvas, width - 45 * mm, 60 * mm, 20 * mm, issuer)

    doc.build(story, onFirstPage=seal)


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿", "万亿")


def chinese_amount(fen: int) -> str:
    """Uppercase Chinese money (大写金额) as written on payment papers: 30000000 fen -> 叁拾万元整."""
    whole, cents = divmod(int(fen), 100)
    digits = str(whole)
    n = len(digits)
    text, zero = "", False
    for i, ch in enumerate(digits):
        d, pos = int(ch), n - 1 - i
        if d == 0:
            zero = True
        else:
            if zero and text:
                text += "零"
            zero = False
            text += _DIGITS[d] + _UNITS[pos % 4]
        if pos % 4 == 0 and pos > 0 and int(digits[max(0, i - 3) : i + 1]):
            text += _BIG[pos // 4]
    text = (text or "零") + "元"
    jiao, fen_part = divmod(cents, 10)
    if not cents:
        return text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    return text + (_DIGITS[fen_part] + "分" if fen_part else "")
