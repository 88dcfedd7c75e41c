"""The plugin host: finds plugins through the ``station`` entry-point group and calls their hooks.

A plugin that fails to import, does not validate against the hook specs, or raises from a hook is
disabled and kept in ``host.plugins`` with its error, so the rest of the station keeps working and the
Plugins dialog can show what went wrong.
"""

from __future__ import annotations

import contextvars
import dataclasses
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

from station import contributions, hookspecs

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
        return contributions.load(self.value)


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
        self._settle(list(self.plugins))
        return self

    def add(self, name: str, module: ModuleType | object) -> PluginInfo:
        """Register an object directly (tests, embedding). Goes through the same checks."""
        info = PluginInfo(name=name, module=getattr(module, "__name__", repr(module)))
        self.plugins[name] = info
        if name in self.disabled:
            info.status = "disabled"
            return info
        self._register(info, module)
        self._settle([name])
        return info

    def _register(self, info: PluginInfo, module: object) -> None:
        try:
            self.pm.register(module, name=info.name)
        except Exception as exc:
            self._fail(info, exc, "register")

    def _settle(self, names: Iterable[str]) -> None:
        """After registering: add the hook specs the new plugins offer, then check each new plugin's hooks.

        Specs come first so that a plugin may implement another's hook whatever their names' order; a hook
        that no loaded plugin specifies is refused unless marked ``optionalhook`` (it belongs to a plugin
        that may be switched off). Wrappers are refused: the host calls implementations one by one."""
        fresh = [n for n in names if self.plugins[n].active and self.pm.get_plugin(n) is not None]
        for name in fresh:
            impl = next((i for i in self.pm.hook.register_hookspecs.get_hookimpls() if i.plugin_name == name), None)
            if impl is None:
                continue
            try:
                impl.function(register=self.pm.add_hookspecs)
            except Exception as exc:
                self._fail(self.plugins[name], exc, "register_hookspecs")
        for name in fresh:
            plugin = self.pm.get_plugin(name)
            if plugin is None:
                continue
            try:
                self._check(name, plugin)
            except Exception as exc:
                self._fail(self.plugins[name], exc, "register")

    def _check(self, name: str, plugin: object) -> None:
        for caller in self.pm.get_hookcallers(plugin) or ():
            for impl in caller.get_hookimpls():
                if impl.plugin_name != name:
                    continue
                if impl.hookwrapper or impl.wrapper:
                    raise pluggy.PluginValidationError(
                        plugin, f"{caller.name}: hook wrappers are not supported; use tryfirst or trylast"
                    )
                if not caller.has_spec() and not impl.optionalhook:
                    raise pluggy.PluginValidationError(
                        plugin, f"unknown hook {caller.name!r} (no loaded plugin offers it; mark it optionalhook)"
                    )

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

    def _info(self, name: str) -> PluginInfo:
        return self.plugins.setdefault(name, PluginInfo(name, "?"))

    def modules(self) -> list[object]:
        """The active plugins' registered objects (their modules), in name order."""
        return [self.pm.get_plugin(n) for n, info in sorted(self.plugins.items()) if info.active]

    # -- calling hooks --------------------------------------------------------------------------

    def _impls(self, hook_name: str) -> list[pluggy.HookImpl]:
        """Implementations in calling order: ``tryfirst`` ones, then the rest, then ``trylast`` ones, each
        group by plugin name (pluggy's own order is last-registered first, which depends on install order).
        A hook no loaded plugin implements or specifies has none."""
        caller = getattr(self.pm.hook, hook_name, None)
        if caller is None:
            return []
        return sorted(caller.get_hookimpls(), key=lambda i: (0 if i.tryfirst else 2 if i.trylast else 1, i.plugin_name))

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
                self._fail(self._info(impl.plugin_name), exc, hook_name)
                continue
            for item in got:
                if dataclasses.is_dataclass(item) and hasattr(item, "plugin"):
                    item = dataclasses.replace(item, plugin=impl.plugin_name)  # type: ignore[type-var]
                out.append(item)
        return out

    def call(self, hook_name: str, policy: CallPolicy, /, **kwargs: Any) -> Any:
        """Call a hook's implementations in order, as ``policy`` says (see ``CallPolicy``): every hook call
        of the station and the hall goes through here. Returns the first answer that is not None when the
        policy asks for one (None when nobody answered), else None."""
        token = self._enter()
        try:
            for impl in self._impls(hook_name):
                try:
                    # Only the arguments the implementation names, as pluggy passes them: a hook may gain an
                    # argument without breaking the plugins written before it.
                    picked = {a: kwargs[a] for a in (*impl.argnames, *impl.kwargnames) if a in kwargs}
                    if policy.savepoint is not None:
                        with policy.savepoint.begin_nested():
                            answer = impl.function(**picked)
                    else:
                        answer = impl.function(**picked)
                except Exception as exc:
                    if policy.disable_on_error:
                        self._fail(self._info(impl.plugin_name), exc, hook_name)
                    else:
                        log.exception("%s of plugin %s failed; its work is undone", hook_name, impl.plugin_name)
                    continue
                if policy.first_answer and answer is not None:
                    return answer
            return None
        finally:
            _calling.reset(token)

    def fire(self, hook_name: str, **kwargs: Any) -> None:
        """Call an event hook on every plugin (``EVENT``)."""
        self.call(hook_name, EVENT, **kwargs)

    def first(self, hook_name: str, **kwargs: Any) -> Any:
        """Ask a service hook (``SERVICE``): the first answer other than None."""
        return self.call(hook_name, SERVICE, **kwargs)


@dataclass(frozen=True)
class CallPolicy:
    """How ``PluginHost.call`` calls a hook's implementations.

    ``first_answer``: stop at the first answer that is not None (a service one plugin offers another).
    ``disable_on_error``: an implementation that raises switches its plugin off for the session (the others
    still run); otherwise the error is logged and the call goes on. ``savepoint``: a SQLAlchemy session in
    whose transaction each implementation runs under a savepoint of its own, so a failing plugin's half-done
    work is undone and the caller's transaction stands (the hall's ``hall_did_apply``)."""

    first_answer: bool = False
    disable_on_error: bool = True
    savepoint: Any = None  # sqlalchemy.orm.Session

    @staticmethod
    def in_savepoints(session: Any) -> CallPolicy:
        return CallPolicy(disable_on_error=False, savepoint=session)


EVENT = CallPolicy()  # an event: every plugin hears it, after the change was committed
SERVICE = CallPolicy(first_answer=True)  # a service: the first plugin (in calling order) that answers


def contributions_from(ref: str) -> Callable[[Callable[[Any], None]], None]:
    """A ``register_*`` hook implementation that registers every contribution the function ``ref``
    (``"module:attribute"``) returns, importing it only when the hook is called:

        register_hall_pages = contributions_from("station_policy.hall_web:pages")
    """
    if not contributions.REF.fullmatch(ref):
        raise ValueError(f"contributions_from needs 'module:attribute', not {ref!r}")

    @hookspecs.hookimpl
    def register_each(register: Callable[[Any], None]) -> None:
        for item in contributions.load(ref)():
            register(item)

    return register_each


def load_host(disabled: Iterable[str] = (), extra: dict[str, object] | None = None) -> PluginHost:
    """The host the application uses: entry points, honouring settings and ``STATION_PLUGINS``."""
    host = PluginHost(disabled=disabled, only=only_from_env()).load_entry_points()
    for name, module in (extra or {}).items():
        host.add(name, module)
    return host
