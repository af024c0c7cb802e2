"""Where salesdesk keeps its files: resolved here once, so the GUI and the CLI agree."""

from __future__ import annotations

import importlib.resources
import posixpath
from pathlib import Path

import platformdirs

APP_NAME = "salesdesk"
DEFAULT_DATABASE_NAME = "salesdesk.db"


def data_dir() -> Path:
    """The platform's local (non-roaming) application-data folder for salesdesk."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_database() -> Path:
    """The database opened when no ``--db`` is given."""
    return data_dir() / DEFAULT_DATABASE_NAME


def import_presets_dir() -> Path:
    """Where saved import mapping presets live (the wizard's and ``--preset NAME``'s)."""
    return data_dir() / "import presets"


def log_file() -> Path:
    """The GUI's log: tracebacks of errors nobody expected and Qt's warnings."""
    return data_dir() / "salesdesk.log"


def resource(relative: str) -> Path:
    """A file shipped in resources/ (source checkout or installed package)."""
    assert not posixpath.isabs(relative), relative
    assert ".." not in relative.split("/"), relative
    installed = importlib.resources.files("salesdesk") / "resources" / relative
    if installed.is_file():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "resources" / relative


def user_guide(language: str = "en") -> Path:
    """The user guide Help ▸ User Guide shows in ``language`` ("en", "hu"): its translation
    (resources/help/README.<language>.md) or else the README itself, shipped inside the
    package (a wheel or the frozen build put it under resources/help/) or, in a source
    checkout, at its top."""
    translated = resource(f"help/README.{language}.md")
    if language != "en" and translated.is_file():
        return translated
    shipped = resource("help/README.md")
    return shipped if shipped.is_file() else Path(__file__).resolve().parent.parent / "README.md"


def resources_parent() -> Path:
    """The folder holding resources/ (the package, or the checkout), against which the
    README's relative image paths ("resources/screenshots/deals.png") resolve."""
    return resource("icons/salesdesk.svg").parent.parent.parent
