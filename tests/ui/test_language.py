"""Languages (issue 18): Hungarian windows with Hungarian numbers and dates, chosen with
``--lang hu`` or in Preferences, while the stored values stay as they are."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from salesdesk import cli, i18n
from salesdesk.i18n import translate
from salesdesk.ui import formatting
from salesdesk.ui.guide_dialog import GuideDialog
from salesdesk.ui.language import InstalledLanguage, Language, install_language, showing_language
from salesdesk.ui.main_window import MainWindow

from .conftest import DEMO_DAY, demo_copy, demo_database, shown_window

NBSP = "\N{NO-BREAK SPACE}"


@pytest.fixture
def hungarian(qapp: QApplication) -> Iterator[InstalledLanguage]:
    installed = install_language(Language.HUNGARIAN)
    yield installed
    installed.uninstall()


def test_hungarian_numbers_dates_and_money(hungarian: InstalledLanguage) -> None:
    assert showing_language() is Language.HUNGARIAN
    assert formatting.count(1_234_567) == f"1{NBSP}234{NBSP}567"
    assert formatting.number(4.25, 1) in ("4,2", "4,3")
    assert formatting.percent(0.645, 1) == "64,5 %"
    assert formatting.date_text(dt.date(2026, 12, 4)) == "2026. 12. 04."
    assert formatting.money(12_500.0, "HUF") == f"12{NBSP}500 HUF"


def test_uninstalling_brings_back_english_and_the_previous_locale(qapp: QApplication) -> None:
    before = QLocale().name()
    installed = install_language(Language.HUNGARIAN)
    assert QLocale().name() == "hu_HU"
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Beállítások"
    installed.uninstall()
    assert QLocale().name() == before
    assert QCoreApplication.translate("PreferencesDialog", "Preferences") == "Preferences"
    assert showing_language() is Language.ENGLISH


def _translated_after(recipe: Callable[[], None], context: str, text: str) -> str:
    recipe()
    return translate(context, text)


def test_a_helper_process_speaks_the_windows_language(hungarian: InstalledLanguage) -> None:
    """A big import reads its file in a second process: the recipe i18n keeps installs
    Hungarian there too, without a window."""
    recipe = i18n.recipe()
    assert recipe is not None
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        said = pool.apply(_translated_after, (recipe, "Importing",
                                              "The import was cancelled; nothing changed."))
    assert said == "Az importálás megszakítva; semmi sem változott."
    hungarian.uninstall()
    assert i18n.recipe() is None


def test_qt_s_own_buttons_speak_hungarian_too(hungarian: InstalledLanguage) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Mégse"


def test_the_system_language_is_followed_when_salesdesk_speaks_it() -> None:
    hungary = QLocale(QLocale.Language.Hungarian, QLocale.Country.Hungary)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert Language.SYSTEM.resolved(hungary) is Language.HUNGARIAN
    assert Language.SYSTEM.resolved(germany) is Language.ENGLISH
    assert Language.ENGLISH.resolved(hungary) is Language.ENGLISH


def test_lang_takes_the_languages_salesdesk_ships(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.build_parser().parse_args(["--lang", "hu"]).lang == "hu"
    with pytest.raises(SystemExit) as exited:
        cli.build_parser().parse_args(["--lang", "de"])
    assert exited.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def english_sources() -> set[str]:
    """Every English text the Hungarian translation words differently (without '&')."""
    ts_file = Path(__file__).resolve().parents[2] / "resources/translations/salesdesk_hu.ts"
    found = set()
    for message in ET.parse(ts_file).getroot().iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        if source != (message.findtext("translation") or "").replace("&", ""):
            found.add(source)
    return found


# Lists whose items are the file's own values (the demo's lost reasons "Price", "Competitor"),
# which stay as the business wrote them.
DATA_LISTS = {"competitor_reason"}


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the texts a visible widget under ``root`` shows."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        texts = [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox) and widget.objectName() not in DATA_LISTS:
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        for text in texts:
            for line in str(text).replace("&", "").splitlines():
                yield where, line.strip()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("hu-demo"), 300, DEMO_DAY)


@pytest.fixture
def hungarian_window(qtbot: QtBot, hungarian: InstalledLanguage, demo_file: Path,
                     tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, demo_copy(demo_file, tmp_path)) as main:
        qtbot.waitUntil(lambda: main.cache.cache is not None, timeout=10000)
        yield main


def test_the_window_speaks_hungarian_on_every_tab_and_page(
        qtbot: QtBot, hungarian_window: MainWindow) -> None:
    window = hungarian_window
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Fájl", "S&zerkesztés", "&Nézet", "&Eszközök", "&Súgó"]
    english = english_sources()
    left: dict[str, set[str]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        qtbot.waitUntil(tab.isVisible)
        inner_pages = [(inner, page) for inner in tab.findChildren(QTabWidget)
                       if inner.isVisible() for page in range(inner.count())]
        for inner, page in [(None, 0), *inner_pages]:
            if inner is not None:
                inner.setCurrentIndex(page)
            qtbot.wait(50)  # a page fills its figures on the next turn
            for where, text in shown_texts(window):
                if text in english:
                    left.setdefault(text, set()).add(where)
    assert not left, "English left on the Hungarian screens:\n" + "\n".join(
        f"{text!r} in {sorted(places)}" for text, places in sorted(left.items()))


def test_the_user_guide_opens_in_hungarian(qtbot: QtBot, hungarian: InstalledLanguage) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() != "salesdesk User Guide"
    assert "Gyors kezdés" in dialog.browser.toPlainText()
    image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               QUrl("resources/screenshots/hu/funnel.png"))
    assert isinstance(image, QPixmap) and image.width() == 1024  # its own pictures, found
