"""Hatch build hook: compile the translations whenever the package is built or installed.

A plain ``pip install .`` (or ``-e .``) therefore has every language; the compiled .qm files
land beside their sources in resources/translations/, which the wheel ships whole.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):
    """Runs packaging/translations.py's ``release`` before the files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile resources/translations/*.ts into .qm files."""
        script = Path(self.root) / "packaging" / "translations.py"
        spec = importlib.util.spec_from_file_location("salesdesk_translations", script)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.release()
