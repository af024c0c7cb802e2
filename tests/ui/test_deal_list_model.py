"""The Deals list past its count cap: "more than" in the label, pages fetched to the end."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from salesdesk import i18n
from salesdesk.domain.changes import Changes
from salesdesk.domain.deals import Deal, Outcome
from salesdesk.store import DealColumn, DealListQuery, Store
from salesdesk.ui import formatting
from salesdesk.ui.deals import list_model
from salesdesk.ui.deals.deals_tab import DealsTab, count_text
from salesdesk.ui.deals.list_model import PAGE_SIZE, DealListModel
from salesdesk.ui.main_window import MainWindow

CAP = 250  # below the deals added, above one page


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_model, "COUNT_CAP", CAP)
    monkeypatch.setattr(list_model, "PLAIN_COUNT_CAP", CAP)


def _add(store: Store, count: int) -> None:
    store.add_deals([Deal(title=f"Deal {n}", client=f"Client {n % 7}", currency="EUR",
                          amount=n * 100) for n in range(count)], dt.date.today())


def _ids(store: Store, query: DealListQuery) -> list[int]:
    return [r.id for r in store.list_rows(query, 0, 10_000)]


def test_a_count_past_the_cap_is_known_once_a_short_page_arrives(
        window: MainWindow, capped: None) -> None:
    store = window.workspace.store
    _add(store, 450)
    model = DealListModel(store)
    assert (model.rowCount(), model.counted, model.canFetchMore()) == (PAGE_SIZE, False, True)
    assert model.total > CAP
    model.fetchMore()
    assert (model.rowCount(), model.counted, model.canFetchMore()) == (400, False, True)
    model.fetchMore()  # 50 rows: the last page
    assert (model.rowCount(), model.counted, model.total) == (450, True, 450)
    assert not model.canFetchMore()
    assert [model.deal_id(row) for row in range(450)] == _ids(store, DealListQuery())


def test_a_full_last_page_is_known_to_be_the_last(window: MainWindow, capped: None) -> None:
    store = window.workspace.store
    _add(store, 2 * PAGE_SIZE)  # a multiple of the page: the last page is full
    model = DealListModel(store)
    assert not model.counted
    model.fetchMore()
    assert (model.rowCount(), model.counted, model.total) == (400, True, 400)
    assert not model.canFetchMore()


def test_an_empty_page_after_deletes_ends_the_count_and_says_so(
        window: MainWindow, qtbot: QtBot, capped: None) -> None:
    store = window.workspace.store
    _add(store, 450)
    model = DealListModel(store)
    # Deleted behind the model's back (no change set yet): the next page comes back empty.
    store.delete_deals(_ids(store, DealListQuery())[PAGE_SIZE:], dt.date.today())
    with qtbot.waitSignal(model.count_changed, timeout=1000):
        model.fetchMore()
    assert (model.rowCount(), model.counted, model.total) == (PAGE_SIZE, True, PAGE_SIZE)
    assert not model.canFetchMore()


def test_below_the_cap_the_count_is_exact_at_once(window: MainWindow, capped: None) -> None:
    store = window.workspace.store
    _add(store, 240)
    model = DealListModel(store)
    assert (model.rowCount(), model.counted, model.total) == (PAGE_SIZE, True, 240)
    model.set_query(DealListQuery(search="Client 3"))
    assert model.counted and model.total == len(_ids(store, DealListQuery(search="Client 3")))


def test_reload_keeps_the_rows_loaded_and_learns_the_end(window: MainWindow,
                                                         capped: None) -> None:
    store = window.workspace.store
    _add(store, 450)
    model = DealListModel(store)
    model.fetchMore()
    model.reload()
    assert (model.rowCount(), model.counted) == (400, False)
    model.fetchMore()
    model.reload()  # the 450 rows again, and none beyond: still the end
    assert (model.rowCount(), model.counted, model.total) == (450, True, 450)


def test_the_label_says_more_than_until_the_end_is_fetched(window: MainWindow,
                                                          capped: None) -> None:
    store = window.workspace.store
    _add(store, 450)
    tab = window.deals_tab
    window.workspace.notify(Changes(deal_ids=frozenset(_ids(store, DealListQuery()))))
    more = f"more than {QLocale().toString(CAP)} deals"
    assert tab.count_label.text() == more
    assert tab.stack.currentWidget() is tab.table
    tab.model.fetchMore()
    assert tab.count_label.text() == more
    tab.model.fetchMore()
    assert tab.count_label.text() == f"{QLocale().toString(450)} deals"
    tab.search.setText("Client 3")
    tab.search.returnPressed.emit()
    shown = len(_ids(store, DealListQuery(search="Client 3")))
    assert tab.count_label.text() == f"{shown} deals"


def test_count_text() -> None:
    locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert count_text(1, True, 1000, locale) == "1 deal"
    assert count_text(12345, True, 1000, locale) == "12,345 deals"
    assert count_text(0, True, 1000, locale) == "0 deals"
    assert count_text(5000, False, 1000, locale) == "more than 1,000 deals"


def test_without_a_search_the_count_goes_far(window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_model, "COUNT_CAP", 100)
    monkeypatch.setattr(list_model, "PLAIN_COUNT_CAP", 10_000)
    store = window.workspace.store
    _add(store, 1500)
    window.workspace.notify(Changes(all_deals=True))
    tab = window.deals_tab
    assert tab.model.counted
    assert tab.count_label.text() == f"{QLocale().toString(1500)} deals"
    tab.search.setText("Deal")
    tab.search.returnPressed.emit()
    assert not tab.model.counted and tab.count_label.text() == "more than 100 deals"


def test_an_uncounted_model_passes_the_qt_model_tester(qtmodeltester: ModelTester,
                                                       window: MainWindow, capped: None) -> None:
    store = window.workspace.store
    _add(store, 450)
    model = DealListModel(store)
    assert not model.counted
    qtmodeltester.check(model, force_py=True)
    by_amount = DealListModel(store)
    by_amount.sort(list(DealColumn).index(DealColumn.AMOUNT), Qt.SortOrder.DescendingOrder)
    assert not by_amount.counted
    qtmodeltester.check(by_amount, force_py=True)
    assert by_amount.index(0, 0).data() == "Deal 449"


def test_the_outcome_filter_lists_only_that_outcome(qtbot: QtBot, window: MainWindow) -> None:
    store = window.workspace.store
    day = dt.date(2026, 3, 1)
    ids = {outcome: store.add_deal(Deal(title=f"A {outcome.value} deal", outcome=outcome,
                                        first_contact=day if outcome.is_closed else None,
                                        closed_on=day if outcome.is_closed else None), day)[0]
           for outcome in Outcome}
    window.workspace.notify(Changes(all_deals=True))
    tab = window.deals_tab
    combo = tab.outcome_filter
    for index in range(combo.count()):
        combo.setCurrentIndex(index)  # as the user picks an entry
        shown = {tab.model.deal_id(row) for row in range(tab.model.rowCount())}
        chosen = combo.currentData()
        expected = set(ids.values()) if chosen is None else {ids[Outcome(chosen)]}
        assert shown == expected, combo.currentText()


def test_badges_mark_their_deals_with_an_icon_and_a_note(qtbot: QtBot, store: Store) -> None:
    """The main window hands the list the Growth points' deals dragging on."""
    _add(store, 3)
    model = DealListModel(store)
    title = list_model.COLUMNS.index(DealColumn.TITLE)
    row = model.row_of(2)
    assert row is not None
    index = model.index(row, title)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_badges({2: "Dragging on: open for 90 days."})
    assert Qt.ItemDataRole.DecorationRole in changed.args[2]
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Deal 1\n\nDragging on: open for 90 days."
    others = [model.index(r, title) for r in range(3) if r != row]
    assert all(i.data(Qt.ItemDataRole.DecorationRole) is None for i in others)
    model.set_badges({})
    assert index.data(Qt.ItemDataRole.DecorationRole) is None


def test_amounts_follow_the_currency_display(store: Store) -> None:
    """Issue 12: the list writes a currency as Preferences say, by its code or its symbol."""
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    code, symbol = formatting.CurrencyDisplay.CODE, formatting.CurrencyDisplay.SYMBOL
    assert list_model.format_amount(123_450, "EUR", english, code) == "1,234.50 EUR"
    assert list_model.format_amount(123_450, "EUR", english, symbol) == "€1,234.50"
    assert list_model.format_amount(None, "EUR", english, symbol) == ""
    store.add_deal(Deal(title="Boiler", currency="EUR", amount=123_450), dt.date.today())
    model = DealListModel(store)
    amount = model.index(0, list_model.COLUMNS.index(DealColumn.AMOUNT))
    formatting.set_currency_display(symbol)
    try:
        assert amount.data() == list_model.format_amount(123_450, "EUR", QLocale(), symbol)
    finally:
        formatting.set_currency_display(code)
    assert amount.data().endswith(" EUR")


def test_headers_and_outcomes_are_looked_up_when_shown(window: MainWindow) -> None:
    """Issue 18: the list's headers and the outcome filter speak the language installed."""
    i18n.install(lambda context, text, disambiguation: f"[{text}]")
    try:
        model = DealListModel(window.workspace.store)
        title = list_model.COLUMNS.index(DealColumn.TITLE)
        assert model.headerData(title, Qt.Orientation.Horizontal) == "[Title]"
        assert Outcome.WON.label == "[Won]"
        tab = DealsTab(window.workspace)
        assert [tab.outcome_filter.itemText(i) for i in range(tab.outcome_filter.count())] == [
            "[All outcomes]", "[Open]", "[Won]", "[Lost]"]
        assert tab.search.accessibleName() == "[Search the deals]"
        assert tab.table.accessibleName() == "[Deals list]"
        assert tab.details.accessibleName() == "[Deal details]"
        tab.deleteLater()
    finally:
        i18n.install(None)
    assert model.headerData(title, Qt.Orientation.Horizontal) == "Title"
