"""The quarterly (or annual) evaluation report of the intermediary agencies, as PDF. No Qt.

Laid out with station.core.printing (A4, footed with the issuer, page number and print time): the rules
applied, the park figures, two charts (agencies per star level; park mean per dimension) and the ranking
per service type.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from station.api import printing

from . import services
from .stars import DIMENSIONS, Period

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

BLUE = colors.HexColor("#2f6fb0")
GREY = colors.HexColor("#c9ced6")


def _stars(stars: int | None) -> str:
    return "评价不足" if stars is None else "★" * stars + "☆" * (5 - stars)


def _bar_chart(labels: list[str], values: list[float], *, title: str, value_max: float, fmt: str) -> Drawing:
    font = printing.register_font()
    drawing = Drawing(80 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, 64 * mm, 40 * mm
    chart.data = [values]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, value_max
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = fmt
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(40 * mm, 57 * mm, title, fontName=font, fontSize=9, textAnchor="middle"))
    return drawing


def _dimension_chart(names: list[str], means: list[float]) -> Drawing:
    font = printing.register_font()
    drawing = Drawing(80 * mm, 62 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 20 * mm, 6 * mm, 54 * mm, 46 * mm
    chart.data = [list(reversed(means))]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.2f"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(40 * mm, 57 * mm, "园区各维度加权平均分", fontName=font, fontSize=9, textAnchor="middle"))
    return drawing


def write(ctx: StationContext, period_text: str, path: Path) -> Path:
    """Write the evaluation report of ``period_text`` (2026Q3 or 2026) to ``path``."""
    period = Period.parse(period_text)
    cat = services.catalogue(ctx.data_dir)
    rules = cat.rules
    with ctx.read() as session:
        result, ranked = services.ranking(session, period, None, rules)
        counted = len(services.rating_points(session, period))
        total = services.ratings_in_period(session, period)
    st = printing.styles()
    issuer = f"{ctx.settings.station_name}（{ctx.settings.station_code}）"
    title = f"中介机构星级评价报告（{period.title()}）"
    doc = printing.official_doc(str(path), title=title, issuer=issuer, subject="中介超市星级评价")
    rated = [r for r in ranked if r.count]
    starred = [r for r in rated if r.stars is not None]
    story: list[Any] = [
        Paragraph(title, st["title"]),
        Paragraph(f"依据《玉门市中介超市星级评价办法（试行）》 · {issuer}", st["subtitle"]),
        Paragraph("一、评价办法", st["heading"]),
        Paragraph(
            "委托企业在服务完成后，从服务质量、时效、态度、收费、规范五个维度按 1–5 分评价。"
            f"各维度得分为向园区平均值收缩的贝叶斯平均（先验权重 m = {rules.prior_weight:g}），"
            f"较早季度的评价按每季度 {rules.decay_per_quarter:g} 的系数递减计权；"
            "综合得分按维度权重"
            + "、".join(f"{cat.dimensions[d]} {rules.weights[d]:g}" for d in DIMENSIONS)
            + " 加权。星级门槛："
            + "，".join(f"{s} 星 ≥ {score:.2f}" for s, score in rules.thresholds if score > 0)
            + f"；本期评价少于 {rules.min_ratings} 条的机构不评星级。被认定为不当评价的记录不计入。",
            st["body"],
        ),
        Paragraph("二、总体情况", st["heading"]),
        Paragraph(
            f"本期共有 {len(rated)} 家机构获得评价，计入评价 {counted} 条"
            f"（另有 {total - counted} 条被认定为不当评价未计入）；{len(starred)} 家机构达到评星条件。",
            st["body"],
        ),
        Spacer(1, 3 * mm),
    ]
    levels = [sum(1 for r in starred if r.stars == n) for n in range(5, 0, -1)]
    charts = Table(
        [
            [
                _bar_chart(
                    [f"{n}星" for n in range(5, 0, -1)],
                    [float(v) for v in levels],
                    title="各星级机构数",
                    value_max=max([1, *levels]) * 1.25,
                    fmt="%d",
                ),
                _dimension_chart([cat.dimensions[d] for d in DIMENSIONS], [result.park_means[d] for d in DIMENSIONS]),
            ]
        ],
        colWidths=[85 * mm, 85 * mm],
    )
    story += [charts, Paragraph("三、分服务类型排名", st["heading"])]
    head = ["名次", "中介机构", "星级", "综合", *[cat.dimensions[d][2:] for d in DIMENSIONS], "条数"]
    for code, service in cat.services.items():
        rows = [r for r in rated if code in r.services]
        if not rows:
            continue
        story.append(Paragraph(f"{service.name}（{len(rows)} 家）", st["subtitle"]))
        data: list[list[Any]] = [[Paragraph(h, st["cell"]) for h in head]]
        for place, r in zip(services.ranks(rows), rows, strict=True):
            data.append(
                [str(place or "—"), Paragraph(r.with_status(r.name), st["cell"]), _stars(r.stars),
                 f"{r.score:.2f}" if r.score else "",
                 *[f"{r.dims.get(d, 0):.2f}" for d in DIMENSIONS], str(r.count)]
            )  # fmt: skip
        table = Table(data, colWidths=[12 * mm, 52 * mm, 20 * mm, 12 * mm, *[12 * mm] * 5, 12 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), printing.FONT),
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("BACKGROUND", (0, 0), (-1, 0), GREY),
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                ]
            )
        )
        story += [table, Spacer(1, 3 * mm)]
    doc.build(story)
    return path
