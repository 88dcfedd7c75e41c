"""The weekly three-colour bulletin (每周三色通报) as PDF, laid out with station.core.printing. No Qt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from station.api import local, printing
from station_startup.bulletin import COLOUR_NAMES, Bulletin, WeekFigures
from station_startup.ratings import BAD, GRADES

GREY = colors.HexColor("#dfe3e8")
CELL = {"red": "#f4c7c3", "yellow": "#fce8b2", "none": "#ffffff", "green": "#b7e1cd"}


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _change(now: float | None, before: float | None, *, percent: bool = False) -> str:
    if now is None or before is None:
        return "—"
    diff = now - before
    if percent:
        return "持平" if abs(diff) < 0.005 else f"{'+' if diff > 0 else '−'}{abs(diff) * 100:.0f} 个百分点"
    return "持平" if diff == 0 else f"{'+' if diff > 0 else '−'}{abs(diff):g}"


def _table(rows: list[list[Any]], widths: list[float], extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), printing.FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), GREY),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                *extra,
            ]
        )
    )
    return table


def comparison_rows(this: WeekFigures, last: WeekFigures) -> list[tuple[str, str, str, str]]:
    """(figure, this week, last week, change) — the rows of 本周与上周对比."""
    r1, r0 = this.ratings, last.ratings
    rows: list[tuple[str, Any, Any, bool]] = [
        ("受理开办件", this.taken, last.taken, False),
        ("办结开办件", this.closed, last.closed, False),
        ("按时办结率", this.in_time_share, last.in_time_share, True),
        ("周末红色件", this.colours["red"], last.colours["red"], False),
        ("超时环节", this.overdue_steps, last.overdue_steps, False),
        ("收到评价", r1.total if r1 else 0, r0.total if r0 else 0, False),
        ("满意率", r1.satisfied_share if r1 else None, r0.satisfied_share if r0 else None, True),
        ("差评", r1.bad if r1 else 0, r0.bad if r0 else 0, False),
    ]
    return [
        (name, _share(a) if pct else str(a), _share(b) if pct else str(b), _change(a, b, percent=pct))
        for name, a, b, pct in rows
    ]


def write(bulletin: Bulletin, path: Path) -> Path:
    st = printing.styles()
    this, last = bulletin.this, bulletin.last
    title = "企业开办三色预警每周通报"
    doc = printing.official_doc(
        str(path), title=f"{title}（{this.week.label}）", issuer=bulletin.station_name, subject="企业开办每周通报",
        now=bulletin.printed_at,
    )  # fmt: skip
    story: list[Any] = [
        Paragraph(title, st["title"]),
        Paragraph(f"{this.week.title()} · {bulletin.station_name}", st["subtitle"]),
        Paragraph(
            f"统计截至 {local(this.as_of):%Y年%m月%d日 %H:%M}（北京时间）；"
            f"打印于 {local(bulletin.printed_at):%Y年%m月%d日 %H:%M}。",
            st["small"],
        ),
        Paragraph("一、总体情况", st["heading"]),
        Paragraph(
            f"本周受理企业开办 {this.taken} 件，办结 {this.closed} 件，其中按时办结 {this.closed_in_time} 件"
            f"（按时办结率 {_share(this.in_time_share)}）；周末仍为红色的 {this.colours['red']} 件"
            + (f"（其中 {this.papers_overdue} 件因容缺材料逾期未补交）" if this.papers_overdue else "")
            + f"，超时环节 {this.overdue_steps} 个。",
            st["body"],
        ),
    ]
    colour_rows: list[list[Any]] = [["颜色", "件数"]]
    colour_rows += [[name, str(this.colours[code])] for code, name in COLOUR_NAMES.items()]
    extra = [("BACKGROUND", (0, i), (0, i), colors.HexColor(CELL[code])) for i, code in enumerate(COLOUR_NAMES, 1)]
    story += [
        Paragraph("二、本周末开办件三色分布", st["heading"]),
        _table(colour_rows, [60 * mm, 30 * mm], extra),
        Paragraph("三、超时环节（按部门）", st["heading"]),
    ]
    if not this.overdue_by_department:
        story.append(Paragraph("本周没有超时的环节。", st["body"]))
    small = ParagraphStyle("bulletin_cell", parent=st["cell"], fontSize=8.5, leading=11)
    for department, items in sorted(this.overdue_by_department.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows: list[list[Any]] = [["受理编号", "企业", "环节", "办事员", "帮办专员", "截止时间", "办结情况"]]
        for o in items:
            state = "周末仍未办结" if o.done_at is None else f"{local(o.done_at):%m-%d %H:%M} 超时办结"
            cells = [o.number, o.enterprise_name, o.step, bulletin.person(o.clerk), bulletin.person(o.agent),
                     f"{local(o.deadline_at):%m-%d %H:%M}", state]  # fmt: skip
            rows.append([Paragraph(text, small) for text in cells])
        rows[0] = [Paragraph(text, small) for text in rows[0]]
        story.append(
            KeepTogether(
                [
                    Paragraph(f"{department}（{len(items)} 个）", st["body"]),
                    _table(rows, [38 * mm, 33 * mm, 17 * mm, 15 * mm, 17 * mm, 21 * mm, 29 * mm]),
                    Spacer(1, 2 * mm),
                ]
            )
        )
    time_rows: list[list[Any]] = [["环节", "本周办结", "用时中位数（工作小时）", "时限（工作小时）", "超时办结"]]
    for t in this.step_times:
        time_rows.append([t.step, str(t.done), _hours(t.median_hours), _hours(t.limit_hours), str(t.late)])
    story += [
        KeepTogether(
            [
                Paragraph("四、各环节用时与时限", st["heading"]),
                Paragraph("用时自开办件受理起计，按园区工作日历只计工作时间。", st["small"]),
                _table(time_rows, [34 * mm, 22 * mm, 44 * mm, 36 * mm, 22 * mm]),
            ]
        ),
        Paragraph("五、好差评（一事三评）", st["heading"]),
    ]
    r = this.ratings
    if r is None or not r.total:
        story.append(Paragraph("本周没有收到评价。", st["body"]))
    else:
        grade_rows: list[list[Any]] = [[name for name in GRADES.values()] + ["合计"]]
        grade_rows.append([str(r.by_grade.get(g, 0)) for g in GRADES] + [str(r.total)])
        story += [
            _table(grade_rows, [26 * mm] * 6, [("ALIGN", (0, 0), (-1, -1), "CENTER")]),
            Spacer(1, 2 * mm),
            Paragraph(
                f"满意率（基本满意及以上）{_share(r.satisfied_share)}；差评（{GRADES[BAD]}、{GRADES[1]}）{r.bad} 条，"
                f"已核实整改并回访 {r.answered} 条，超过处理时限 {r.overdue} 条。",
                st["body"],
            ),
        ]
    compare: list[list[Any]] = [["指标", f"本周（{this.week.label}）", f"上周（{last.week.label}）", "变化"]]
    compare += [list(row) for row in comparison_rows(this, last)]
    story += [Paragraph("六、本周与上周对比", st["heading"]), _table(compare, [40 * mm, 36 * mm, 36 * mm, 36 * mm])]
    doc.build(story)
    return path
