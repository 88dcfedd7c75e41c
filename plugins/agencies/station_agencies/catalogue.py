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
class Catalogue:
    services: dict[str, ServiceType]
    dimensions: dict[str, str]  # code -> Chinese name, in Yumen's order
    rules: StarRules

    def service(self, code_or_name: str) -> ServiceType:
        """A service type by its code or its Chinese name."""
        wanted = code_or_name.strip()
        for service in self.services.values():
            if wanted in (service.code, service.name):
                return service
        known = "、".join(f"{s.code}（{s.name}）" for s in self.services.values())
        raise UserError(f"没有“{wanted}”这类中介服务，请从以下服务类型中选择：{known}。")

    def name(self, code: str) -> str:
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
        stars.update(override.get("stars") or {})
    services = {s["code"]: ServiceType(s["code"], s["name"], s["field"], s.get("note", "")) for s in raw["services"]}
    dimensions = {d["code"]: d["name"] for d in raw["dimensions"]}
    return Catalogue(services=services, dimensions=dimensions, rules=_rules(stars))
