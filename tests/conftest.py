"""Test isolation: offscreen Qt, and settings and data folders inside tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import pytest
from hypothesis import HealthCheck, settings
from PySide6.QtCore import QSettings
from sqlite_utils import Migrations

from salesdesk.store import Store, open_store
from salesdesk.store import connection as store_connection
from salesdesk.store import migrations as store_migrations

settings.register_profile(
    "salesdesk", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("salesdesk")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Send data and settings folders into tmp_path: tests never touch the user's files."""
    home = tmp_path / "home"
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(home / sub))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(home / "settings"))
    return home


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new, empty database file with EUR as its base currency."""
    opened = open_store(tmp_path / "deals.db", base_currency="EUR")
    yield opened
    opened.close()


@pytest.fixture
def add_migrations(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Pretend this build has more migrations than the files it opens: the functions given,
    after every real one (and after those added by an earlier call)."""
    def add(*extra: Callable[..., object]) -> None:
        upgraded = Migrations(store_migrations.MIGRATIONS_NAME)
        for known in store_migrations.migrations._migrations:
            upgraded(name=known.name, transactional=known.transactional)(known.fn)
        for function in extra:
            upgraded()(function)  # type: ignore[arg-type]
        monkeypatch.setattr(store_migrations, "migrations", upgraded)
        monkeypatch.setattr(store_connection, "migrations", upgraded)
    return add


def _m099_extra(db: object) -> None:
    db.execute("CREATE TABLE extra (x)")  # type: ignore[attr-defined]


@pytest.fixture
def pretend_newer(add_migrations: Callable[..., None]) -> Callable[[], None]:
    """Call it to make this build know one migration more than the files written so far."""
    return lambda: add_migrations(_m099_extra)
