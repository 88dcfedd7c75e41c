"""Lazy exports for the plugin API modules: a name's module is imported the first time the name is used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy(module_name: str, exports: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``module_name`` (PEP 562). ``exports`` maps each public name to
    ``"module:attribute"`` or to a module's dotted name; a loaded name is cached in the module's globals."""

    def __getattr__(name: str) -> Any:
        target = exports.get(name)
        if target is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        source, _, attribute = target.partition(":")
        found = importlib.import_module(source)
        value = getattr(found, attribute) if attribute else found
        setattr(sys.modules[module_name], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
