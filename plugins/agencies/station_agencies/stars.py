"""Star levels from ratings (Yumen's 星级评价办法): pure arithmetic, described in docs/agencies-stars.md.

For a period (a quarter or a year) and each of the five dimensions:

    weight of a rating  w = decay ** (quarters between the rating's quarter and the period's last quarter)
    park mean           μ_d = Σ w·x_d / Σ w                     over every counted rating in the park
    agency average      B_d = (m·μ_d + Σ w·x_d) / (m + Σ w)     over the agency's ratings (Bayesian)
    overall score       S   = Σ c_d·B_d / Σ c_d                  with the dimension weights c_d

The star level is the highest threshold S reaches; an agency with fewer than ``min_ratings`` ratings in
the period gets no stars. Ratings set aside as abusive are not counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from station.api import UserError

DIMENSIONS = ("quality", "timeliness", "attitude", "fees", "compliance")


@dataclass(frozen=True)
class StarRules:
    prior_weight: float  # m
    decay_per_quarter: float
    min_ratings: int
    weights: Mapping[str, float]
    thresholds: tuple[tuple[int, float], ...]  # (stars, lowest score), highest first

    def stars_for(self, score: float) -> int:
        for stars, lowest in sorted(self.thresholds, key=lambda t: -t[1]):
            if score >= lowest - 1e-9:
                return stars
        return 0


@dataclass(frozen=True)
class Period:
    """A quarter (``2026Q3``) or a year (``2026``), as quarter indexes year*4 + quarter - 1."""

    label: str
    first: int
    last: int

    @classmethod
    def parse(cls, text: str) -> Period:
        text = text.strip().upper()
        if m := re.fullmatch(r"(\d{4})Q([1-4])", text):
            index = int(m[1]) * 4 + int(m[2]) - 1
            return cls(text, index, index)
        if re.fullmatch(r"\d{4}", text):
            return cls(text, int(text) * 4, int(text) * 4 + 3)
        raise UserError(f"评价期间“{text}”写法不对，请写成季度如 2026Q3 或年度如 2026。")

    def contains(self, quarter: int) -> bool:
        return self.first <= quarter <= self.last

    @property
    def is_year(self) -> bool:
        return self.first != self.last

    def title(self) -> str:
        year, q = divmod(self.first, 4)
        return f"{year} 年度" if self.is_year else f"{year} 年第 {q + 1} 季度"


def quarter_index(year: int, month: int) -> int:
    return year * 4 + (month - 1) // 3


@dataclass(frozen=True)
class RatingPoint:
    agency_uid: str
    quarter: int  # quarter index of the rating (Asia/Shanghai date)
    scores: Mapping[str, int]


@dataclass
class AgencyStars:
    agency_uid: str
    count: int = 0
    weight: float = 0.0
    sums: dict[str, float] = field(default_factory=lambda: dict.fromkeys(DIMENSIONS, 0.0))
    bayes: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    stars: int | None = None  # None: fewer ratings than the minimum


@dataclass
class Evaluation:
    period: Period
    park_means: dict[str, float]
    agencies: dict[str, AgencyStars]

    def ranked(self) -> list[AgencyStars]:
        """Agencies with stars first, by score; then those without enough ratings, by count."""
        return sorted(self.agencies.values(), key=lambda a: (a.stars is None, -a.score, -a.count, a.agency_uid))


def evaluate(points: Iterable[RatingPoint], period: Period, rules: StarRules) -> Evaluation:
    per_agency: dict[str, AgencyStars] = defaultdict(lambda: AgencyStars(""))
    park_sums = dict.fromkeys(DIMENSIONS, 0.0)
    park_weight = 0.0
    for point in points:
        if not period.contains(point.quarter):
            continue
        w = rules.decay_per_quarter ** (period.last - point.quarter)
        agency = per_agency[point.agency_uid]
        agency.agency_uid = point.agency_uid
        agency.count += 1
        agency.weight += w
        park_weight += w
        for dim in DIMENSIONS:
            agency.sums[dim] += w * point.scores[dim]
            park_sums[dim] += w * point.scores[dim]
    park_means = {d: (park_sums[d] / park_weight if park_weight else 0.0) for d in DIMENSIONS}
    total_weight = sum(rules.weights[d] for d in DIMENSIONS)
    m = rules.prior_weight
    for agency in per_agency.values():
        agency.bayes = {d: (m * park_means[d] + agency.sums[d]) / (m + agency.weight) for d in DIMENSIONS}
        agency.score = sum(rules.weights[d] * agency.bayes[d] for d in DIMENSIONS) / total_weight
        agency.stars = rules.stars_for(agency.score) if agency.count >= rules.min_ratings else None
    return Evaluation(period, park_means, dict(per_agency))
