"""Third-party plugins added after installation: ``station plugins add FILE.whl`` / ``plugins remove NAME``.

An installed (or frozen) program cannot run pip, so a plugin wheel is unpacked into the data directory's
``plugins`` folder, which is put on ``sys.path`` before the entry points are read. The folder belongs to
the station, not to the program: upgrading or uninstalling the program leaves it alone.

A wheel is checked before anything is written: it is a wheel for this Python, it offers an entry point in
the ``station`` group, it brings no package or plugin name the program already has, and what it requires
is carried by the program. It is unpacked into a hidden staging folder and moved into place with its
``.dist-info`` last, so a process killed half-way leaves no plugin that half exists (adding it again
finishes the job); removal deletes the ``.dist-info`` first for the same reason.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path, PurePosixPath

from station.errors import UserError
from station.plugins import ENTRY_POINT_GROUP

FOLDER = "plugins"
_STAGING_PREFIX = ".adding-"


@dataclass(frozen=True)
class Added:
    distribution: str
    version: str
    plugins: tuple[str, ...]
    replaced: bool


def activate(folder: Path) -> None:
    """Put the plugins folder on ``sys.path`` (after the program's own, so it can never shadow them)."""
    entry = str(folder)
    if folder.is_dir() and entry not in sys.path:
        sys.path.append(entry)
        import importlib

        importlib.invalidate_caches()


def installed(folder: Path) -> list[metadata.Distribution]:
    if not folder.is_dir():
        return []
    return sorted(metadata.distributions(path=[str(folder)]), key=lambda d: d.metadata["Name"].lower())


def _normal(name: str) -> str:
    from packaging.utils import canonicalize_name

    return canonicalize_name(name)


def _refuse(message: str, detail: str) -> UserError:
    return UserError(message, detail=detail)


def _check_tags(wheel: Path) -> tuple[str, str]:
    from packaging import tags
    from packaging.utils import InvalidWheelFilename, parse_wheel_filename

    try:
        name, version, _build, wheel_tags = parse_wheel_filename(wheel.name)
    except InvalidWheelFilename as exc:
        raise _refuse("这个文件不是插件安装包（应为 .whl 文件）。请向插件提供方索取正确的文件。", str(exc)) from exc
    if not wheel_tags & set(tags.sys_tags()):
        raise _refuse(
            f"插件安装包是为其他 Python 版本或操作系统制作的，不能用于本程序（Python "
            f"{sys.version_info.major}.{sys.version_info.minor}）。请向插件提供方索取适用的版本。",
            f"tags {sorted(str(t) for t in wheel_tags)}",
        )
    return str(name), str(version)


def _members(archive: zipfile.ZipFile, dist_info: str) -> dict[str, PurePosixPath]:
    """Archive member -> where it goes in the plugins folder; refuses paths that would leave it."""
    data_dir = dist_info.removesuffix(".dist-info") + ".data"
    out: dict[str, PurePosixPath] = {}
    for member in archive.namelist():
        if member.endswith("/"):
            continue
        path = PurePosixPath(member)
        if path.is_absolute() or ".." in path.parts or "\\" in member or ":" in path.parts[0]:
            raise _refuse("插件安装包内容异常，已拒绝安装。请向插件提供方索取正确的文件。", f"unsafe member {member!r}")
        if path.parts[0] == data_dir:
            if len(path.parts) < 3 or path.parts[1] not in ("purelib", "platlib"):
                raise _refuse(
                    "插件安装包要求安装程序文件夹以外的内容（如命令或头文件），不能作为插件安装。",
                    f"member {member!r}",
                )
            path = PurePosixPath(*path.parts[2:])
        out[member] = path
    return out


def _entry_points(archive: zipfile.ZipFile, dist_info: str) -> list[str]:
    from configparser import ConfigParser

    parser = ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(archive.read(f"{dist_info}/entry_points.txt").decode("utf-8"))
    except (KeyError, UnicodeDecodeError, ValueError):
        return []
    return list(parser[ENTRY_POINT_GROUP]) if parser.has_section(ENTRY_POINT_GROUP) else []


def _check_requirements(archive: zipfile.ZipFile, dist_info: str) -> None:
    from email.parser import Parser

    from packaging.requirements import InvalidRequirement, Requirement

    try:
        meta = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode("utf-8"))
    except (KeyError, UnicodeDecodeError) as exc:
        raise _refuse("插件安装包缺少说明信息，不能安装。请向插件提供方索取正确的文件。", str(exc)) from exc
    for line in meta.get_all("Requires-Dist") or []:
        try:
            requirement = Requirement(line)
        except InvalidRequirement as exc:
            raise _refuse("插件安装包的说明信息有误，不能安装。请向插件提供方索取正确的文件。", line) from exc
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        try:
            have = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            have = None
        if have is None or not requirement.specifier.contains(have, prereleases=True):
            raise _refuse(
                f"插件需要的组件“{requirement.name}”本程序没有携带（或版本不符），不能安装。"
                "请向插件提供方确认它适用于本程序的版本。",
                f"requires {line}; have {have}",
            )


def _check_clashes(folder: Path, name: str, tops: set[str], plugins: list[str]) -> None:
    """No package and no plugin name that the program (or another added plugin) already has."""
    others = [d for d in installed(folder) if _normal(d.metadata["Name"]) != _normal(name)]
    owned = {_top(PurePosixPath(str(f))): d.metadata["Name"] for d in others for f in d.files or []}
    for top in sorted(tops):
        module = top.removesuffix(".py")
        spec = util.find_spec(module) if module.isidentifier() else None
        from_folder = spec is not None and spec.origin is not None and Path(spec.origin).is_relative_to(folder)
        if top in owned or (spec is not None and not from_folder):
            holder = owned.get(top, "本程序")
            raise _refuse(
                f"插件中的程序包“{module}”与{holder}中的同名，不能安装。请向插件提供方反映。",
                f"package {top} exists",
            )
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        same = ep.dist is not None and _normal(ep.dist.metadata["Name"]) == _normal(name)
        if ep.name in plugins and not (same and ep.dist and Path(str(ep.dist.locate_file(""))) == folder):
            raise _refuse(
                f"已有名为“{ep.name}”的插件，不能再安装同名插件。如需更新它，请先移除旧的插件。",
                f"entry point {ep.name} from {ep.dist.metadata['Name'] if ep.dist else '?'}",
            )


def _top(path: PurePosixPath) -> str:
    """The entry of the plugins folder that a RECORD path lives under (``X.data/purelib/a`` -> ``a``)."""
    if path.parts[0].endswith(".data") and len(path.parts) > 2:
        return path.parts[2]
    return path.parts[0]


def add(wheel: Path, folder: Path) -> Added:
    """Check ``wheel`` and unpack it into ``folder``, replacing an earlier version of the same plugin."""
    if not wheel.is_file():
        raise UserError(f"找不到插件安装包“{wheel.name}”，请检查文件是否存在。")
    name, version = _check_tags(wheel)
    try:
        archive = zipfile.ZipFile(wheel)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse("插件安装包已损坏，无法读取。请重新获取文件。", str(exc)) from exc
    with archive:
        dist_infos = {m.split("/")[0] for m in archive.namelist() if m.split("/")[0].endswith(".dist-info")}
        if len(dist_infos) != 1:
            raise _refuse("插件安装包缺少说明信息，不能安装。请向插件提供方索取正确的文件。", f"{dist_infos}")
        dist_info = dist_infos.pop()
        plugins = _entry_points(archive, dist_info)
        if not plugins:
            raise _refuse(
                "这个安装包不是服务站插件（没有声明服务站插件入口），不能安装。",
                f"no [{ENTRY_POINT_GROUP}] entry point",
            )
        members = _members(archive, dist_info)
        tops = {path.parts[0] for path in members.values() if path.parts[0] != dist_info}
        _check_requirements(archive, dist_info)
        _check_clashes(folder, name, tops, plugins)

        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{_STAGING_PREFIX}*"):  # left by an add that was killed
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=folder))
        try:
            for member, target in members.items():
                destination = staging / target
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, destination.open("wb") as out:
                    shutil.copyfileobj(source, out)
            replaced = _remove_distribution(folder, name)
            for entry in sorted(staging.iterdir(), key=lambda p: p.name == dist_info):  # .dist-info last
                _delete(folder / entry.name)  # left by a killed add (the clash check saw nobody owns it)
                entry.replace(folder / entry.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return Added(distribution=name, version=version, plugins=tuple(plugins), replaced=replaced)


def _delete(target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()


def _remove_distribution(folder: Path, name: str) -> bool:
    for dist in installed(folder):
        if _normal(dist.metadata["Name"]) != _normal(name):
            continue
        tops = {_top(PurePosixPath(str(f))) for f in dist.files or []}
        dist_info = next(top for top in tops if top.endswith(".dist-info"))
        shutil.rmtree(folder / dist_info)  # first: from now on no entry point names the rest
        for top in sorted(tops - {dist_info}):
            _delete(folder / top)
        return True
    return False


def remove(name: str, folder: Path) -> str:
    """Remove the added plugin called ``name`` (its plugin or its distribution name); returns the distribution."""
    for dist in installed(folder):
        plugin_names = {ep.name for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP}
        dist_name = str(dist.metadata["Name"])
        if name in plugin_names or _normal(dist_name) == _normal(name):
            _remove_distribution(folder, dist_name)
            return dist_name
    raise UserError(
        f"没有找到后来添加的插件“{name}”。程序自带的插件不能移除，只能在设置中停用；请用 station plugins 查看插件名称。"
    )
