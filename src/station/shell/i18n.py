"""Translations through Qt's own tools: English source strings, ``resources/translations/*.ts`` sources
compiled to ``.qm`` by ``pyside6-lrelease`` (``./dev setup`` does it). Simplified Chinese is the default."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station import paths
from station.contributions import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT = "zh_CN"

_installed: list[QTranslator] = []
_plugin_dirs: list[Path] = []  # each plugin package's translations/ folder, once plugins are loaded


def qm_path(language: str) -> Path:
    return paths.resource("translations", f"station_{language}.qm")


def install(app: QCoreApplication, language: str) -> bool:
    """Install the station's and Qt's own translators for ``language``; English needs none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        log.error("translation %s missing; run ./dev setup to build it", qm_path(language))
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    for folder in _plugin_dirs:
        for qm in sorted(folder.glob(f"*_{language}.qm")):
            plugin = QTranslator(app)
            if plugin.load(str(qm)):
                app.installTranslator(plugin)
                _installed.append(plugin)
            else:
                log.error("translation %s could not be loaded; run ./dev setup to build it", qm)
    qt = QTranslator(app)  # standard dialogs and buttons (确定, 取消 …)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return True


# The roles' names on screen; core.roles keeps the Chinese ones for the command line and the papers.
ROLE_NAMES = {
    "clerk": QT_TRANSLATE_NOOP("Roles", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role(code: str) -> str:
    source = ROLE_NAMES.get(code)
    return QCoreApplication.translate("Roles", source) if source else code


def nav(text: str) -> str:
    """Page titles come from plugins as English source text in the "Navigation" context."""
    return QCoreApplication.translate("Navigation", text)


def install_plugins(app: QCoreApplication, language: str, modules: list[object]) -> None:
    """Add the translations each plugin package ships in ``translations/`` (``<package>_<lang>.qm``)."""
    folders = []
    for module in modules:
        file = getattr(module, "__file__", None)
        if file and (Path(file).parent / "translations").is_dir():
            folders.append(Path(file).parent / "translations")
    if folders != _plugin_dirs:
        _plugin_dirs[:] = folders
        install(app, language)
