"""The service-type catalogue and the star rules, from catalogue.yaml (a park may override the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from station.api import UserError

from .stars import StarRules

CATALOGUE = Path(__file__).with_name("catalogue.yaml")
OVERRIDE_NAME = "agencies.yaml"


@dataclass(frozen=True)
class ServiceType:
    code: str
    name: str
    field: str
    note: str


@dataclass(frozen=True)
class Consequences:
    """What star levels bring at a quarter's close (the park's rules, ``stars.consequences``)."""

    suspend_stars: int  # at or below this level …
    suspend_quarters: int  # … this many closed quarters running: suspended from draws
    invite_stars: int  # at or above this level: may be invited directly …
    invite_below_fen: int  # … for a commission whose budget is under this


@dataclass(frozen=True)
class Catalogue:
    services: dict[str, ServiceType]
    dimensions: dict[str, str]  # code -> Chinese name, in Yumen's order
    rules: StarRules
    consequences: Consequences

    def service(self, code_or_name: str) -> ServiceType:
        """A service type by its code or its Chinese name."""
        wanted = code_or_name.strip()
        for service in self.services.values():
            if wanted in (service.code, service.name):
                return service
        known = "、".join(f"{s.code}（{s.name}）" for s in self.services.values())
        raise UserError(f"没有“{wanted}”这类中介服务，请从以下服务类型中选择：{known}。")

    def name(self, code: str) -> str:
        """A service type's Chinese name; a joint commission's codes ("cost+appraisal") as 工程造价咨询＋资产评估."""
        if "+" in code:
            return "＋".join(self.name(part) for part in code.split("+"))
        found = self.services.get(code)
        return found.name if found else code


def _rules(raw: dict[str, Any]) -> StarRules:
    return StarRules(
        prior_weight=float(raw["prior_weight"]),
        decay_per_quarter=float(raw["decay_per_quarter"]),
        min_ratings=int(raw["min_ratings"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        thresholds=tuple((int(t["stars"]), float(t["score"])) for t in raw["thresholds"]),
    )


def _consequences(raw: dict[str, Any]) -> Consequences:
    from decimal import Decimal, InvalidOperation

    def whole(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):  # 4.7 stars or "两" is a slip, not a rule
            raise ValueError(value)
        return value

    suspend, invite = raw.get("suspend") or {}, raw.get("invite") or {}
    try:
        found = Consequences(
            suspend_stars=whole(suspend["stars"]),
            suspend_quarters=whole(suspend["quarters"]),
            invite_stars=whole(invite["stars"]),
            invite_below_fen=int(Decimal(str(invite["below_yuan"])).quantize(Decimal("0.01")) * 100),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation, OverflowError, AttributeError) as exc:
        raise UserError(
            f"{OVERRIDE_NAME} 中 stars.consequences 的写法不对：suspend 要有 stars 和 quarters，invite 要有 stars 和 "
            "below_yuan（元），均为数字。"
        ) from exc
    if not (1 <= found.suspend_stars <= 5 and 1 <= found.suspend_quarters <= 8 and 1 <= found.invite_stars <= 5):
        raise UserError(f"{OVERRIDE_NAME} 中 stars.consequences 的星级应为 1 到 5，连续季度数应为 1 到 8。")
    if not 0 <= found.invite_below_fen <= 100_000_000 * 100:
        raise UserError(f"{OVERRIDE_NAME} 中直接邀请的金额上限应在 0 到 1 亿元之间。")
    return found


@cache
def _base() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def load(data_dir: Path | None = None) -> Catalogue:
    """The catalogue; ``agencies.yaml`` in the data directory may override keys of ``stars``."""
    raw = _base()
    stars = dict(raw["stars"])
    if data_dir is not None and (data_dir / OVERRIDE_NAME).is_file():
        import yaml

        try:
            override = yaml.safe_load((data_dir / OVERRIDE_NAME).read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise UserError(f"数据目录中的 {OVERRIDE_NAME} 格式有误，请改正或删除它。", detail=str(exc)) from exc
        given = override.get("stars") or {}
        if not isinstance(given, dict):
            raise UserError(f"数据目录中的 {OVERRIDE_NAME} 里 stars 应为键值表，请改正或删除它。")
        # A park may name only the consequence it changes (suspend or invite); the other keeps its default.
        consequences = {**stars["consequences"], **(given.get("consequences") or {})}
        stars.update(given)
        stars["consequences"] = consequences
    services = {s["code"]: ServiceType(s["code"], s["name"], s["field"], s.get("note", "")) for s in raw["services"]}
    dimensions = {d["code"]: d["name"] for d in raw["dimensions"]}
    return Catalogue(
        services=services, dimensions=dimensions, rules=_rules(stars), consequences=_consequences(stars["consequences"])
    )
