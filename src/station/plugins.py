"""The plugin host: finds plugins through the ``station`` entry-point group and calls their hooks.

A plugin that fails to import, does not validate against the hook specs, or raises from a hook is
disabled and kept in ``host.plugins`` with its error, so the rest of the station keeps working and the
Plugins dialog can show what went wrong.
"""

from __future__ import annotations

import contextvars
import dataclasses
import importlib
import logging
import os
import sys
import traceback
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pluggy

from station import hookspecs

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "station"
ENV_ONLY = "STATION_PLUGINS"

T = TypeVar("T")

# The station context whose host is calling an event or service hook right now (see ``calling``).
_calling: contextvars.ContextVar[Any] = contextvars.ContextVar("station_calling", default=None)


def calling() -> Any:
    """The ``StationContext`` calling the event or service hook that is running, or None outside one.

    Hooks receive what happened, not where: a plugin that must write in reaction (record a licence offer,
    a draw) opens ``calling().work(actor)``."""
    return _calling.get()


@dataclass
class PluginInfo:
    name: str
    module: str
    distribution: str = ""
    version: str = ""
    status: str = "loaded"  # loaded | disabled (by settings) | skipped (not in STATION_PLUGINS) | failed
    error: str = ""

    @property
    def active(self) -> bool:
        return self.status == "loaded"


@dataclass(frozen=True)
class EntryPoint:
    """One entry point of a group, as the distribution that declares it spells it."""

    name: str
    value: str  # "module:attribute"
    distribution: str
    version: str

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        found: Any = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            found = getattr(found, part)
        return found


def _header(metadata_file: Path) -> dict[str, str]:
    """Name and Version from a METADATA/PKG-INFO file: its first header lines, without the email parser."""
    found: dict[str, str] = {}
    try:
        with metadata_file.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                if key in ("Name", "Version"):
                    found[key] = value.strip()
    except OSError:
        pass
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """The group's entry points of every distribution on ``sys.path``, the first of a name winning, as
    ``importlib.metadata.entry_points(group=...)`` finds them. Read straight from each ``*.dist-info``
    (or ``*.egg-info``) folder's ``entry_points.txt``: importing ``importlib.metadata`` (and with it the
    email parser) and parsing every distribution's metadata cost the start-up 25 ms before sign-in."""
    found: dict[str, EntryPoint] = {}
    for entry in sys.path:
        try:
            folders = sorted(os.scandir(entry or "."), key=lambda e: e.name)
        except OSError:  # a zip file, a missing folder
            continue
        for folder in folders:
            if not folder.name.endswith((".dist-info", ".egg-info")) or not folder.is_dir():
                continue
            declared = _group(Path(folder.path) / "entry_points.txt", group)
            if not declared:
                continue
            header = _header(Path(folder.path) / ("METADATA" if folder.name.endswith(".dist-info") else "PKG-INFO"))
            for name, value in declared:
                found.setdefault(name, EntryPoint(name, value, header.get("Name", ""), header.get("Version", "")))
    return list(found.values())


def _group(file: Path, group: str) -> list[tuple[str, str]]:
    try:
        text = file.read_text(encoding="utf-8")
    except OSError:
        return []
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def only_from_env() -> list[str] | None:
    """``STATION_PLUGINS=a,b`` limits loading to those plugins; unset means all."""
    raw = os.environ.get(ENV_ONLY)
    if raw is None:
        return None
    return [part.strip() for part in raw.split(",") if part.strip()]


class PluginHost:
    def __init__(self, *, disabled: Iterable[str] = (), only: list[str] | None = None) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.disabled = set(disabled)
        self.only = only
        self.plugins: dict[str, PluginInfo] = {}
        self._context: weakref.ref[Any] | None = None  # the StationContext this host serves

    def serve(self, context: Any) -> None:
        """Say which station context this host calls hooks for (``calling()`` returns it meanwhile)."""
        self._context = weakref.ref(context)

    def _enter(self) -> contextvars.Token[Any]:
        return _calling.set(self._context() if self._context is not None else None)

    # -- loading --------------------------------------------------------------------------------

    def load_entry_points(self) -> PluginHost:
        for ep in sorted(entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in self.plugins:
                continue  # the same distribution seen twice on sys.path
            info = PluginInfo(name=ep.name, module=ep.value, distribution=ep.distribution, version=ep.version)
            self.plugins[ep.name] = info
            if self.only is not None and ep.name not in self.only:
                info.status = "skipped"
                continue
            if ep.name in self.disabled:
                info.status = "disabled"
                continue
            try:
                module = ep.load()
            except Exception as exc:
                self._fail(info, exc, "import")
                continue
            self._register(info, module)
        return self

    def add(self, name: str, module: ModuleType | object) -> PluginInfo:
        """Register an object directly (tests, embedding). Goes through the same checks."""
        info = PluginInfo(name=name, module=getattr(module, "__name__", repr(module)))
        self.plugins[name] = info
        if name in self.disabled:
            info.status = "disabled"
            return info
        self._register(info, module)
        return info

    def _register(self, info: PluginInfo, module: object) -> None:
        try:
            self.pm.register(module, name=info.name)
            self.pm.check_pending()  # a hookimpl whose name matches no spec is a bug in the plugin
        except Exception as exc:
            if self.pm.get_plugin(info.name) is not None:
                self.pm.unregister(name=info.name)
            self._fail(info, exc, "register")

    def _fail(self, info: PluginInfo, exc: BaseException, during: str) -> None:
        info.status = "failed"
        info.error = f"{type(exc).__name__}: {exc}"
        log.error(
            "plugin %s disabled after an error during %s:\n%s",
            info.name,
            during,
            "".join(traceback.format_exception(exc)),
        )
        if self.pm.get_plugin(info.name) is not None:
            self.pm.unregister(name=info.name)

    # -- calling hooks --------------------------------------------------------------------------

    def _impls(self, hook_name: str) -> list[pluggy.HookImpl]:
        # pluggy calls implementations last-registered first; we want a stable order by plugin name.
        return sorted(getattr(self.pm.hook, hook_name).get_hookimpls(), key=lambda i: i.plugin_name)

    def collect(self, hook_name: str, kind: type[T]) -> list[T]:
        """Call a ``register_*`` hook on every plugin; return the contributions, each tagged with its plugin."""
        out: list[T] = []
        for impl in self._impls(hook_name):
            got: list[T] = []

            def register(item: T, _got: list[T] = got) -> None:
                if not isinstance(item, kind):
                    raise TypeError(f"{hook_name} expects {kind.__name__}, got {type(item).__name__}")
                _got.append(item)

            try:
                impl.function(register=register)
            except Exception as exc:
                self._fail(self.plugins.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name, "?")), exc, hook_name)
                continue
            for item in got:
                if dataclasses.is_dataclass(item) and hasattr(item, "plugin"):
                    item = dataclasses.replace(item, plugin=impl.plugin_name)  # type: ignore[type-var]
                out.append(item)
        return out

    def fire(self, hook_name: str, **kwargs: Any) -> None:
        """Call an event hook on every plugin. A plugin that raises is disabled; the others still run."""
        token = self._enter()
        try:
            for impl in self._impls(hook_name):
                try:
                    impl.function(**kwargs)
                except Exception as exc:
                    info = self.plugins.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name, "?"))
                    self._fail(info, exc, hook_name)
        finally:
            _calling.reset(token)

    def first(self, hook_name: str, **kwargs: Any) -> Any:
        """Ask a service hook: the first plugin (in name order) that answers something other than None.

        A plugin that raises is disabled, as for events, and the next one is asked."""
        token = self._enter()
        try:
            for impl in self._impls(hook_name):
                try:
                    answer = impl.function(**kwargs)
                except Exception as exc:
                    info = self.plugins.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name, "?"))
                    self._fail(info, exc, hook_name)
                    continue
                if answer is not None:
                    return answer
            return None
        finally:
            _calling.reset(token)


def load_host(
    disabled: Iterable[str] = (),
    extra: dict[str, object] | None = None,
    on_loaded: Callable[[PluginHost], None] | None = None,
) -> PluginHost:
    """The host the application uses: entry points, honouring settings and ``STATION_PLUGINS``."""
    host = PluginHost(disabled=disabled, only=only_from_env()).load_entry_points()
    for name, module in (extra or {}).items():
        host.add(name, module)
    return host
