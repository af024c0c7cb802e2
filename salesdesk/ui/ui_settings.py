"""Per-machine UI state and preferences (window geometry, splitters, recent files, theme) behind
one typed wrapper.

Facts about the business live in the database file; this is only how this computer shows it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from salesdesk import paths
from salesdesk.domain.importing import ColumnMapping
from salesdesk.domain.slice_spec import PeriodPreset
from salesdesk.store import PresetError, save_preset
from salesdesk.ui.formatting import CurrencyDisplay
from salesdesk.ui.language import Language
from salesdesk.ui.theme import Theme

# 2: mapping presets moved out of these settings into files the CLI reads too.
# 3: the Funnel tab's slice moved into each database file.
SETTINGS_VERSION = 3
MAX_RECENT = 8


class UiSettings:
    """Typed access to QSettings; keys and defaults are declared here and nowhere else."""

    _VERSION = "settings_version"
    _GEOMETRY = "window/geometry"
    _STATE = "window/state"
    _SPLITTERS = "splitters/"
    _HIDDEN = "hidden_columns/"
    _RECENT = "files/recent"
    _LAST_FOLDER = "files/last_folder"
    _OLD_FUNNEL_SLICE = "funnel/slice"
    _EXPORT_FOLDER = "export/last_folder"
    _EXPORT_FORMAT = "export/last_format"
    _IMPORT_FOLDER = "import/last_folder"
    _IMPORT_MAPPING = "import/last_mapping"
    _IMPORT_PRESETS = "import/presets"
    _THEME = "appearance/theme"
    _LANGUAGE = "appearance/language"
    _CURRENCY_DISPLAY = "appearance/currency_display"
    _FUNNEL_PERIOD = "funnel/default_period"

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()
        self._migrate()

    def _migrate(self) -> None:
        version = self._settings.value(self._VERSION, 0, type=int)
        assert isinstance(version, int)
        if version < 3:
            # Whichever file set it last (the demo, often) would filter the one opened next.
            self._settings.remove(self._OLD_FUNNEL_SLICE)
        if version < 2 and not self._move_import_presets():
            return  # tried again at the next start
        if version < SETTINGS_VERSION:
            self._settings.setValue(self._VERSION, SETTINGS_VERSION)

    def _move_import_presets(self) -> bool:
        """Move the presets earlier versions saved here to the shared presets folder (a
        malformed one is dropped); False when some could not be written (they stay here)."""
        kept: dict[str, Any] = {}
        for name, data in self._json(self._IMPORT_PRESETS).items():
            try:
                save_preset(paths.import_presets_dir(), str(name), ColumnMapping.from_dict(data))
            except ValueError:
                continue
            except PresetError:
                kept[str(name)] = data
        if kept:
            self._settings.setValue(self._IMPORT_PRESETS, json.dumps(kept, ensure_ascii=False))
            return False
        self._settings.remove(self._IMPORT_PRESETS)
        return True

    def _bytes(self, key: str) -> QByteArray:
        value = self._settings.value(key, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()

    @property
    def geometry(self) -> QByteArray:
        """The main window's saved geometry (empty when never saved)."""
        return self._bytes(self._GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue(self._GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        """The main window's toolbars and docks."""
        return self._bytes(self._STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue(self._STATE, value)

    def splitter(self, name: str) -> QByteArray:
        """The saved state of the splitter called ``name``."""
        return self._bytes(self._SPLITTERS + name)

    def set_splitter(self, name: str, state: QByteArray) -> None:
        """Remember a splitter's positions."""
        self._settings.setValue(self._SPLITTERS + name, state)

    def hidden_columns(self, name: str) -> list[str] | None:
        """The columns hidden in the table called ``name``, or None if never chosen."""
        if not self._settings.contains(self._HIDDEN + name):
            return None
        value = self._settings.value(self._HIDDEN + name, [], type=list)
        return [str(c) for c in value] if isinstance(value, list) else []

    def set_hidden_columns(self, name: str, columns: list[str]) -> None:
        """Remember which columns of a table are hidden."""
        self._settings.setValue(self._HIDDEN + name, columns)

    @property
    def recent_files(self) -> list[str]:
        """Recently opened files that still exist, newest first."""
        value = self._settings.value(self._RECENT, [], type=list)
        assert isinstance(value, list)
        return [str(p) for p in value if Path(str(p)).exists()][:MAX_RECENT]

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        entry = str(path.resolve())
        files = [entry, *(p for p in self.recent_files if p != entry)]
        self._settings.setValue(self._RECENT, files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        """Forget the recent files."""
        self._settings.setValue(self._RECENT, [])

    @property
    def last_folder(self) -> str:
        """The folder last used in a file dialog."""
        return str(self._settings.value(self._LAST_FOLDER, "", type=str))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._settings.setValue(self._LAST_FOLDER, folder)

    @property
    def last_export_folder(self) -> str:
        """The folder a chart or report was last exported to (empty: none yet)."""
        return str(self._settings.value(self._EXPORT_FOLDER, "", type=str))

    @last_export_folder.setter
    def last_export_folder(self, folder: str) -> None:
        self._settings.setValue(self._EXPORT_FOLDER, folder)

    @property
    def last_export_format(self) -> str:
        """The file extension of the last chart export ("png", "svg", "pdf", "csv"; empty:
        none yet)."""
        return str(self._settings.value(self._EXPORT_FORMAT, "", type=str))

    @last_export_format.setter
    def last_export_format(self, extension: str) -> None:
        self._settings.setValue(self._EXPORT_FORMAT, extension)

    @property
    def last_import_folder(self) -> str:
        """The folder of the last imported file (empty: none yet)."""
        return str(self._settings.value(self._IMPORT_FOLDER, "", type=str))

    @last_import_folder.setter
    def last_import_folder(self, folder: str) -> None:
        self._settings.setValue(self._IMPORT_FOLDER, folder)

    @property
    def theme(self) -> Theme:
        """The theme chosen in Preferences (default: follow the system)."""
        try:
            return Theme(str(self._settings.value(self._THEME, Theme.SYSTEM.value, type=str)))
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._settings.setValue(self._THEME, theme.value)

    @property
    def language(self) -> Language:
        """The language chosen in Preferences (default: the system's)."""
        try:
            return Language(str(self._settings.value(self._LANGUAGE, Language.SYSTEM.value,
                                                     type=str)))
        except ValueError:
            return Language.SYSTEM

    @language.setter
    def language(self, language: Language) -> None:
        self._settings.setValue(self._LANGUAGE, language.value)

    @property
    def currency_display(self) -> CurrencyDisplay:
        """How amounts show their currency (default: its code)."""
        try:
            return CurrencyDisplay(str(self._settings.value(
                self._CURRENCY_DISPLAY, CurrencyDisplay.CODE.value, type=str)))
        except ValueError:
            return CurrencyDisplay.CODE

    @currency_display.setter
    def currency_display(self, display: CurrencyDisplay) -> None:
        self._settings.setValue(self._CURRENCY_DISPLAY, display.value)

    @property
    def funnel_default_period(self) -> PeriodPreset:
        """The period the Funnel tab starts with on a file it has not shown before."""
        try:
            preset = PeriodPreset(str(self._settings.value(
                self._FUNNEL_PERIOD, PeriodPreset.ALL_TIME.value, type=str)))
        except ValueError:
            return PeriodPreset.ALL_TIME
        return PeriodPreset.ALL_TIME if preset is PeriodPreset.CUSTOM else preset

    @funnel_default_period.setter
    def funnel_default_period(self, preset: PeriodPreset) -> None:
        self._settings.setValue(self._FUNNEL_PERIOD, preset.value)

    def _json(self, key: str) -> dict[str, Any]:
        try:
            value = json.loads(str(self._settings.value(key, "{}", type=str)) or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @property
    def last_import_mapping(self) -> dict[str, Any]:
        """The column mapping of the last import (ColumnMapping.to_dict; empty: none)."""
        return self._json(self._IMPORT_MAPPING)

    @last_import_mapping.setter
    def last_import_mapping(self, mapping: dict[str, Any]) -> None:
        self._settings.setValue(self._IMPORT_MAPPING, json.dumps(mapping, ensure_ascii=False))
