"""Roles, permissions and the acting person. No storage here, so it loads before SQLAlchemy does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from station.contributions import Permission
from station.errors import PermissionDenied

ROLES = {"clerk": "办事员", "supervisor": "审核员", "admin": "管理员"}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the operating-system user behind a CLI call."""

    name: str
    role: str
    permissions: frozenset[str] = field(default_factory=frozenset)
    display_name: str = ""

    def can(self, permission: str) -> bool:
        return self.role == "admin" or permission in self.permissions


class Permissions:
    """The permission catalogue collected from plugins."""

    def __init__(self, items: Iterable[Permission]) -> None:
        self.items = {p.code: p for p in items}

    def for_role(self, role: str) -> frozenset[str]:
        if role == "admin":
            return frozenset(self.items)
        return frozenset(code for code, p in self.items.items() if role in p.roles)

    def actor(self, name: str, role: str, display_name: str = "") -> Actor:
        return Actor(name=name, role=role, permissions=self.for_role(role), display_name=display_name or name)


def require(actor: Actor, permission: str, label: str | None = None) -> None:
    if not actor.can(permission):
        what = label or permission
        raise PermissionDenied(f"当前用户“{actor.display_name or actor.name}”没有“{what}”的权限，请联系管理员。")
