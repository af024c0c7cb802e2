"""The PyInstaller spec ships every resource, and the desktop entry starts the app (issue 18)."""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _spec_resources() -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "salesdesk.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "RESOURCES"):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(name) for name in value]
    raise AssertionError("the spec has no RESOURCES list")


def test_the_spec_lists_every_file_under_resources() -> None:
    present = sorted(p.relative_to(ROOT / "resources").as_posix()
                     for p in (ROOT / "resources").rglob("*") if p.is_file())
    assert sorted(_spec_resources()) == present


def test_the_desktop_entry_starts_salesdesk_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(ROOT / "packaging" / "salesdesk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"].split()[0] == "salesdesk"
    assert section["Icon"] == "salesdesk"
    assert (ROOT / "resources" / "icons" / f"{section['Icon']}.svg").is_file()
