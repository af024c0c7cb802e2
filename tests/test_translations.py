"""The Hungarian translation is complete and well-formed, and installs with the package
(issue 18).

The check runs Qt's own ``lupdate`` over the code, as ``packaging/translations.py update`` does,
so a string added to the code without its translation fails here, not in front of a user.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

from salesdesk import paths

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "salesdesk_hu.ts"


def _translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "salesdesk_translations", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def messages(ts_file: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(Message(
                name, message.findtext("source") or "", translation.text or "",
                translation.get("type") not in ("unfinished", "obsolete", "vanished")))
    return found


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """The committed translations, brought up to date with the code by lupdate."""
    ts_file = tmp_path_factory.mktemp("ts") / TS_FILE.name
    shutil.copy(TS_FILE, ts_file)
    _translations_script().update(ts_file, "hu_HU")
    return messages(ts_file)


def test_every_string_of_the_code_has_a_hungarian_translation(current: list[Message]) -> None:
    missing = [f"{m.context}: {m.source!r}" for m in current
               if not m.finished or not m.translation.strip()]
    assert not missing, ("strings without a Hungarian translation (run `python "
                         "packaging/translations.py update` and translate them):\n"
                         + "\n".join(missing))
    assert len(current) > 1000  # the whole GUI, not a sample


def test_the_committed_file_is_what_update_writes(current: list[Message]) -> None:
    committed = {(m.context, m.source) for m in messages(TS_FILE)}
    in_code = {(m.context, m.source) for m in current}
    assert committed - in_code == set(), "strings the code no longer has: run update"


def test_translations_keep_every_placeholder_and_one_mnemonic(current: list[Message]) -> None:
    def fields(text: str) -> list[str]:
        return sorted(re.findall(r"\{[a-z_0-9]*\}", text))

    def mnemonics(text: str) -> int:
        return text.replace("&&", "").count("&")

    wrong = [f"{m.context}: {m.source!r} → {m.translation!r}" for m in current
             if fields(m.source) != fields(m.translation)
             or mnemonics(m.source) != mnemonics(m.translation)]
    assert not wrong, "translations that lose a {field} or an &mnemonic:\n" + "\n".join(wrong)


def test_the_installed_package_has_the_compiled_translation() -> None:
    translator = QTranslator()
    assert translator.load(str(paths.resource("translations/salesdesk_hu.qm")))
    assert translator.translate("PreferencesDialog", "Preferences") == "Beállítások"
    assert translator.translate("PreferencesDialog", "no such text") == ""


def test_the_installed_translation_is_built_from_the_committed_source(tmp_path: Path) -> None:
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    (built,) = _translations_script().release(tmp_path)
    assert built.read_bytes() == paths.resource("translations/salesdesk_hu.qm").read_bytes()
