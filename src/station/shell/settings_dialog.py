"""Settings (language, station, data directory, plugins) and the Plugins dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station import paths
from station.contributions import QT_TRANSLATE_NOOP
from station.shell import i18n
from station.shell.form_dialog import FormDialog

if TYPE_CHECKING:  # pragma: no cover
    from station.shell.main_window import MainWindow

STATUS = {
    "loaded": QT_TRANSLATE_NOOP("PluginsTable", "Loaded"),
    "disabled": QT_TRANSLATE_NOOP("PluginsTable", "Disabled"),
    "skipped": QT_TRANSLATE_NOOP("PluginsTable", "Not selected"),
    "failed": QT_TRANSLATE_NOOP("PluginsTable", "Failed"),
}


def plugin_titles(window: MainWindow) -> dict[str, str]:
    """Each plugin by the titles of the pages it brings (企业开办, 中介超市 …); a plugin without pages keeps
    its own name."""
    titles: dict[str, list[str]] = {}
    for page in window.pages().values():
        titles.setdefault(page.plugin, []).append(i18n.nav(page.title))
    return {name: "、".join(found) for name, found in titles.items()}


class PluginsTable(QTableWidget):
    """Every plugin found, its status and, for a failed one, its error. Optionally with on/off boxes."""

    def __init__(self, window: MainWindow, editable: bool) -> None:
        super().__init__(0, 3)
        self.setObjectName("plugins_table")
        self.setHorizontalHeaderLabels([self.tr("Enabled"), self.tr("Plugin"), self.tr("Status")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.boxes: dict[str, QCheckBox] = {}
        titles = plugin_titles(window)
        plugins = sorted(window.ctx.host.plugins.values(), key=lambda p: titles.get(p.name, p.name))
        disabled = set(window.ctx.settings.disabled_plugins)
        self.setRowCount(len(plugins))
        for row, info in enumerate(plugins):
            box = QCheckBox()
            box.setChecked(info.name not in disabled)
            box.setEnabled(editable)
            self.boxes[info.name] = box
            self.setCellWidget(row, 0, box)
            status = self.tr(STATUS.get(info.status, info.status))
            # What a person reads: the pages the plugin brings; the package and any error in the tooltip.
            details = f"{info.distribution or info.name} {info.version}".strip() + (
                f"\n{info.error}" if info.error else ""
            )
            for column, text in enumerate((titles.get(info.name, info.name), status), start=1):
                item = QTableWidgetItem(text)
                if info.status == "failed":
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(details)
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)

    def disabled(self) -> list[str]:
        return sorted(name for name, box in self.boxes.items() if not box.isChecked())


class PluginsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Plugins"))
        self.resize(760, 320)
        layout = QVBoxLayout(self)
        failed = [p for p in window.ctx.host.plugins.values() if p.status == "failed"]
        if failed:
            note = QLabel(
                self.tr(
                    "%1 plugin(s) failed and were switched off; the rest of the station works "
                    "normally. The log has the details."
                ).replace("%1", str(len(failed)))
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.table = PluginsTable(window, editable=False)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SettingsDialog(FormDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, save=True)
        self.window_ = window
        settings = window.ctx.settings
        actor = window.actor
        is_admin = actor is not None and actor.role == "admin"
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 420)
        tabs = QTabWidget()

        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in i18n.LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language"), self.language)
        self.station_code = QLineEdit(settings.station_code)
        self.station_name = QLineEdit(settings.station_name)
        for edit in (self.station_code, self.station_name):
            edit.setEnabled(is_admin)
        form.addRow(self.tr("Station code"), self.station_code)
        form.addRow(self.tr("Station name"), self.station_name)
        self.park_name = QLineEdit(settings.park_name)
        self.park_name.setObjectName("park_name")
        self.park_name.setPlaceholderText(self.tr("The park's full name, as on its seal"))
        self.emblem = QLineEdit(settings.emblem)
        self.emblem.setObjectName("emblem")
        self.emblem.setReadOnly(True)
        self.emblem.setPlaceholderText(self.tr("No emblem"))
        pick_emblem = QPushButton(self.tr("Choose…"))
        pick_emblem.clicked.connect(self._pick_emblem)
        for widget in (self.park_name, pick_emblem):
            widget.setEnabled(is_admin)
        emblem_row = QHBoxLayout()
        emblem_row.addWidget(self.emblem, 1)
        emblem_row.addWidget(pick_emblem)
        form.addRow(self.tr("Park name"), self.park_name)
        form.addRow(self.tr("Park emblem"), emblem_row)
        self.data_dir = QLineEdit(str(window.ctx.data_dir))
        self.data_dir.setObjectName("data_dir")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Data directory"), row)
        tabs.addTab(general, self.tr("General"))

        can_manage = actor is not None and actor.can("plugins.manage")
        self.plugins = PluginsTable(window, editable=can_manage)
        tabs.addTab(self.plugins, self.tr("Plugins"))

        self.note = QLabel(self.tr("Changes to language, data directory and plugins take effect after a restart."))
        self.note.setWordWrap(True)
        self.extra.addWidget(tabs)
        self.extra.addWidget(self.note)

    def _pick_emblem(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Park emblem"), self.emblem.text(), self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if chosen:
            self.emblem.setText(chosen)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data directory"), self.data_dir.text())
        if chosen:
            self.data_dir.setText(chosen)

    def save(self) -> None:
        ctx = self.window_.ctx
        settings = ctx.settings
        before = (settings.language, settings.station_code, settings.station_name, list(settings.disabled_plugins))
        settings.language = self.language.currentData()
        settings.station_code = self.station_code.text().strip() or settings.station_code
        settings.station_name = self.station_name.text().strip() or settings.station_name
        settings.park_name = self.park_name.text().strip()
        settings.emblem = self.emblem.text().strip()
        settings.disabled_plugins = self.plugins.disabled()
        try:
            settings.save(ctx.data_dir)
            new_dir = Path(self.data_dir.text().strip()).expanduser()
            if new_dir.resolve() != ctx.data_dir:
                new_dir.mkdir(parents=True, exist_ok=True)
                paths.choose_data_dir(new_dir)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr("The settings could not be saved: %1").replace("%1", str(exc.strerror)),
            )
            return
        after = (settings.language, settings.station_code, settings.station_name, list(settings.disabled_plugins))
        if self.window_.actor is not None and before != after:
            from station.shell.dbop import DbOp

            actor = self.window_.actor

            def audit(progress: object) -> None:
                with ctx.work(actor) as work:
                    work.audit(
                        "settings.change",
                        "settings",
                        "station",
                        dict(zip(("language", "code", "name", "disabled"), before, strict=True)),
                        dict(zip(("language", "code", "name", "disabled"), after, strict=True)),
                    )

            DbOp(self.window_, audit).start()
        self.window_.station_label.setText(f"{settings.station_code} {settings.station_name}")
        self.window_.show_park()
        self.accept()
