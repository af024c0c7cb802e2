"""Migrations are frozen: they never import live salesdesk code.

A migration must do the same to a file whichever salesdesk runs it, so its SQL and seed rows
are written out in it (see salesdesk/store/migrations/__init__.py). Importing a constant or a
helper from the live store, domain or anywhere else in salesdesk would let a later change of
that code change what an old migration does. This test reads every module of the migrations
package with ``ast`` (nothing is run) and allows, from salesdesk, only the migration modules
themselves: the package lists its steps, and a migration may reuse a frozen sibling.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import salesdesk.store.migrations as migrations_package

PACKAGE = "salesdesk.store.migrations"
FOLDER = Path(migrations_package.__file__).parent
STEP = re.compile(r"m\d{3}_\w+")
MODULES = sorted(FOLDER.glob("*.py"))


def module_name(path: Path) -> str:
    return PACKAGE if path.name == "__init__.py" else f"{PACKAGE}.{path.stem}"


def absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module an ``import from`` names, relative imports resolved against ``importer``."""
    if node.level == 0:
        return node.module or ""
    parts = importer.split(".")
    base = parts if is_package else parts[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def is_frozen(module: str) -> bool:
    """True for a migration module (salesdesk.store.migrations.mNNN_...), which is frozen."""
    prefix, _, step = module.rpartition(".")
    return prefix == PACKAGE and STEP.fullmatch(step) is not None


def live_imports(source: str, importer: str, is_package: bool = False) -> list[str]:
    """What ``source`` (the module ``importer``) imports from salesdesk beyond the frozen
    migration modules, as "line: what" (empty when it imports nothing live)."""
    found: list[str] = []

    def check(line: int, module: str, names: list[str] | None = None) -> None:
        if module != "salesdesk" and not module.startswith("salesdesk."):
            return
        if is_frozen(module):
            return
        if module == PACKAGE and names and all(STEP.fullmatch(n) for n in names):
            return  # from salesdesk.store.migrations import m001_..., m002_...
        found.append(f"{line}: {module}" + (f" ({', '.join(names)})" if names else ""))

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                check(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            check(node.lineno, absolute(node, importer, is_package),
                  [alias.name for alias in node.names])
        elif isinstance(node, ast.Call):
            # importlib.import_module("salesdesk...") / __import__("salesdesk...")
            function = node.func
            name = (function.attr if isinstance(function, ast.Attribute) else
                    function.id if isinstance(function, ast.Name) else "")
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    check(node.lineno, first.value)
    return found


def test_the_migrations_are_all_found() -> None:
    names = {path.stem for path in MODULES}
    assert "__init__" in names
    assert {"m001_create_tables", "m002_create_scorecards", "m003_allow_undated_decided_deals",
            "m004_create_customer_tables"} <= names
    assert all(STEP.fullmatch(name) for name in names - {"__init__"}), names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_a_migration_imports_no_live_salesdesk_code(path: Path) -> None:
    found = live_imports(path.read_text(encoding="utf-8"), module_name(path),
                         is_package=path.name == "__init__.py")
    assert found == [], (f"{path.name} imports live salesdesk code; a migration must write out"
                         f" what it needs (frozen): {found}")


STEP_MODULE = f"{PACKAGE}.m009_example"


@pytest.mark.parametrize("source", [
    "from salesdesk.store.schema import APPLICATION_ID",
    "from salesdesk.domain.deals import DEFAULT_STAGES",
    "import salesdesk.store.lookups",
    "import salesdesk",
    "from salesdesk import store",
    "from salesdesk.store.migrations import MIGRATIONS_NAME",
    "from salesdesk.store.migrations import m001_create_tables, STEPS",
    "from .. import schema",
    "from ..lookups import resolve",
    "from ...domain import deals",
    "def migrate(db):\n    from salesdesk.domain.deals import DEFAULT_STAGES\n",
    "import importlib\nmodule = importlib.import_module('salesdesk.store.schema')",
    "deals = __import__('salesdesk.domain.deals')",
])
def test_the_check_catches_live_imports(source: str) -> None:
    assert live_imports(source, STEP_MODULE)


@pytest.mark.parametrize("source", [
    "from __future__ import annotations\nimport datetime as dt\nimport json",
    "from sqlite_utils import Database",
    "from salesdesk.store.migrations.m001_create_tables import LOOKUP_TABLES",
    "from salesdesk.store.migrations import m001_create_tables",
    "from . import m001_create_tables",
    "from .m001_create_tables import STAGES",
    "import salesdesk_other",  # another package whose name only starts alike
])
def test_the_check_allows_frozen_and_outside_imports(source: str) -> None:
    assert live_imports(source, STEP_MODULE) == []


def test_relative_imports_of_the_package_resolve_against_it() -> None:
    assert live_imports("from . import m001_create_tables", PACKAGE, is_package=True) == []
    assert live_imports("from .. import schema", PACKAGE, is_package=True)
