"""The startup catalogue (steps and papers by case type), read from ``resources/catalogue.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from station.api import UserError

CATALOGUE = Path(__file__).parent / "resources" / "catalogue.yaml"


@dataclass(frozen=True)
class StepSpec:
    code: str
    name: str
    action: str
    department: str
    needs_code: bool
    limit_share: float


@dataclass(frozen=True)
class PaperSpec:
    code: str
    name: str
    essential: bool
    generated: bool


@dataclass(frozen=True)
class Limit:
    amount: float
    unit: str  # "hours" | "days" (working)

    def text(self) -> str:
        amount = f"{self.amount:g}"
        return f"{amount}个工作小时" if self.unit == "hours" else f"{amount}个工作日"


@dataclass(frozen=True)
class CaseType:
    code: str
    name: str
    default_limit: Limit
    papers: tuple[PaperSpec, ...]


@dataclass(frozen=True)
class Catalogue:
    steps: tuple[StepSpec, ...]
    case_types: dict[str, CaseType]

    def case_type(self, code: str) -> CaseType:
        found = self.case_types.get(code)
        if found is None:
            names = "、".join(f"{t.code}（{t.name}）" for t in self.case_types.values())
            raise UserError(f"没有“{code}”这种开办类型，请从以下类型中选择：{names}。")
        return found

    def step(self, code: str) -> StepSpec:
        for step in self.steps:
            if step.code == code or step.name == code:
                return step
        names = "、".join(f"{s.code}（{s.name}）" for s in self.steps)
        raise UserError(f"没有“{code}”这个环节，请从以下环节中选择：{names}。")

    def step_name(self, code: str) -> str:
        return next((s.name for s in self.steps if s.code == code), code)


def parse_limit(raw: dict) -> Limit:
    unit = str(raw.get("unit", "hours"))
    amount = float(raw.get("amount", 0))
    if unit not in ("hours", "days") or amount <= 0:
        raise UserError("办结时限应为正数，单位为工作小时（hours）或工作日（days）。")
    return Limit(amount, unit)


@cache
def load(path: Path = CATALOGUE) -> Catalogue:
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = tuple(
        StepSpec(
            code=s["code"],
            name=s["name"],
            action=s.get("action", s["name"]),
            department=s["department"],
            needs_code=bool(s.get("needs_code")),
            limit_share=float(s.get("limit_share", 1.0)),
        )
        for s in raw["steps"]
    )
    types = {
        code: CaseType(
            code=code,
            name=t["name"],
            default_limit=parse_limit(t.get("default_limit") or {"amount": 4, "unit": "hours"}),
            papers=tuple(
                PaperSpec(p["code"], p["name"], bool(p.get("essential")), bool(p.get("generated")))
                for p in t.get("papers") or ()
            ),
        )
        for code, t in raw["case_types"].items()
    }
    return Catalogue(steps, types)
