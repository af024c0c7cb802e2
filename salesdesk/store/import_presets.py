"""Saved mapping presets: one JSON file per preset in a folder the wizard and ``salesdesk
import --preset NAME`` share (``paths.import_presets_dir()``), so a mapping saved in one is
found by the other.

A file holds ``{"name": ..., "mapping": ColumnMapping.to_dict()}``; it is named after the
preset (characters a file name cannot hold replaced) and written safely.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from salesdesk.domain.importing import ColumnMapping
from salesdesk.files import write_text
from salesdesk.i18n import translate
from salesdesk.store.errors import StoreError

_UNSAFE = re.compile(r"[^\w .-]+")


class PresetError(StoreError):
    """A saved preset cannot be read or written; the message says which and why."""


def _file_name(name: str) -> str:
    safe = _UNSAFE.sub("_", name).strip(" .") or "preset"
    if safe != name:  # two names that read alike still get files of their own
        safe += "-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{safe}.json"


def save_preset(folder: Path, name: str, mapping: ColumnMapping) -> Path:
    """Save ``mapping`` as the preset ``name`` (replacing one of that name)."""
    name = name.strip()
    if not name:
        raise PresetError(translate("ImportPresets", "A preset needs a name."))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / _file_name(name)
        write_text(path, json.dumps({"name": name, "mapping": mapping.to_dict()},
                                    ensure_ascii=False, indent=2))
    except OSError as exc:
        raise PresetError(translate("ImportPresets", "The preset {name} was not saved: {error}"
                                    ).format(name=repr(name), error=exc)) from exc
    return path


def saved_presets(folder: Path) -> dict[str, ColumnMapping]:
    """Every readable preset in ``folder`` by name (unreadable files are left out)."""
    presets: dict[str, ColumnMapping] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            name, mapping = _read(path)
        except PresetError:
            continue
        presets[name] = mapping
    return presets


def load_preset(folder: Path, name: str) -> ColumnMapping:
    """The preset ``name``; PresetError naming the saved ones when there is none."""
    path = folder / _file_name(name.strip())
    if path.is_file():
        return _read(path)[1]
    known = saved_presets(folder)
    for saved, mapping in known.items():
        if saved.casefold() == name.strip().casefold():
            return mapping
    listed = ", ".join(map(repr, known)) or "none yet"
    raise PresetError(f"No saved preset {name!r} (saved: {listed}; the wizard's Save as"
                      " Preset adds one).")


def _read(path: Path) -> tuple[str, ColumnMapping]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["name"]), ColumnMapping.from_dict(data["mapping"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PresetError(f"The preset file {path.name} cannot be read: {exc}") from exc
