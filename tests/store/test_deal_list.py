"""The Deals list's SQL (sorting, paging, filtering, searching) against a Python reference."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.deals import Deal, LookupKind, Outcome
from salesdesk.store import DealColumn, DealListQuery, DealRow, Store, deal_list, open_store

TODAY = dt.date(2026, 3, 31)
CLIENTS = ["Acme", "beta", "Gamma", "ACME2", "Émile", "zeta", "_under", "delta co", "Ärzte",
           "x_y", "Zebra", "a"]
REPS = ["Anna", "bob", "Carl", "Émilie", "anne-marie"]
PRODUCTS = ["Pro", "basic", "Zen", "pro plus"]
CHANNELS = ["Web", "Trade fair", "referral"]
REGIONS = ["North", "south"]
AUDIENCES = ["Retail", "SMB"]
LOST = ["Price", "Competitor", "No budget"]
WORDS = ["alpha", "Alpha", "alphabet", "beta", "betamax", "gamma", "and", "OR", "not", "near",
         "call", "Callback", "offer", "Zulu", "zulu", "x", "X", "42", "4711", "échelle",
         "[draft]", "ab_cd", "o'neil", "50%", "AND"]
UPDATED = ["2026-01-01T10:00:00+00:00", "2026-01-02T09:00:00+00:00",
           "2026-02-01T00:00:00+00:00", "2026-03-01T12:30:00+00:00"]


def maybe(rng: random.Random, values: list[str], none: float = 0.25) -> str | None:
    return None if rng.random() < none else rng.choice(values)


def random_deal(rng: random.Random, stages: list[str]) -> Deal:
    outcome = rng.choice(list(Outcome))
    # Open deals may lack a first contact; imported decided deals either date (m003).
    first = (None if rng.random() < (0.3 if outcome is Outcome.OPEN else 0.1)
             else dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 400)))
    closed = ((first or dt.date(2025, 6, 1)) + dt.timedelta(days=rng.randrange(0, 90))
              if outcome.is_closed and rng.random() >= 0.1 else None)
    words = lambda n: " ".join(rng.choice(WORDS) for _ in range(rng.randrange(n)))  # noqa: E731
    return Deal(
        title=words(4) or rng.choice(WORDS),
        outcome=outcome,
        currency=rng.choice(["EUR", "USD"]),
        client=maybe(rng, CLIENTS), rep=maybe(rng, REPS), product=maybe(rng, PRODUCTS, 0.4),
        channel=maybe(rng, CHANNELS), region=maybe(rng, REGIONS), audience=maybe(rng, AUDIENCES),
        stage=rng.choice(stages),
        first_contact=first,
        closed_on=closed,
        next_step=words(3),
        amount=None if rng.random() < 0.3 else rng.choice([0, 100, 5000, 5000, 120000,
                                                            rng.randrange(10**9)]),
        lost_reason=maybe(rng, LOST) if outcome is Outcome.LOST else None,
        notes=words(6),
        created_at="2025-12-01T00:00:00+00:00",
        updated_at=rng.choice(UPDATED),
    )


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[int, Deal]]]:
    store = open_store(tmp_path_factory.mktemp("list") / "deals.db")
    demo = store.add_lookup(LookupKind.STAGE, "Demo")
    order = store.stage_order()
    # A pipeline order that differs from the order the stages were created in.
    store.set_stage_order([order[2], demo, order[0], order[3], order[1]])
    rng = random.Random(20260331)
    deals = [random_deal(rng, store.names(LookupKind.STAGE)) for _ in range(200)]
    store.add_deals(deals, TODAY)
    ids = [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]
    yield store, dict(zip(ids, deals, strict=True))
    store.close()


# --- the reference ------------------------------------------------------------------------

_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(text: str) -> str:
    """SQLite's NOCASE: only the 26 ASCII letters are folded; then code point order (which is
    UTF-8 byte order, SQLite's BINARY)."""
    return text.translate(_ASCII_FOLD)


def expected_row(deal_id: int, deal: Deal) -> DealRow:
    return DealRow(deal_id, deal.title, deal.client, deal.rep, deal.product, deal.stage,
                   deal.outcome, deal.amount, deal.currency,
                   deal.first_contact.isoformat() if deal.first_contact else None,
                   deal.closed_on.isoformat() if deal.closed_on else None, deal.updated_at or "")


def _nullable(value: Any) -> tuple[int, Any]:
    return (0, "") if value is None else (1, value)  # NULL sorts first in SQLite


def reference_order(store: Store, deals: dict[int, Deal], column: DealColumn,
                    descending: bool, keep: Callable[[Deal], bool]) -> list[int]:
    ids = [i for i, d in deals.items() if keep(d)]
    lookup = {DealColumn.CLIENT: "client", DealColumn.REP: "rep",
              DealColumn.PRODUCT: "product"}
    if column is DealColumn.STAGE:
        position = {name: p for p, name in enumerate(store.names(LookupKind.STAGE))}
        return sorted(ids, key=lambda i: (position[deals[i].stage or ""], i),
                      reverse=descending)
    if column in lookup:
        field = lookup[column]
        named = [i for i in ids if getattr(deals[i], field) is not None]
        unnamed = [i for i in ids if getattr(deals[i], field) is None]
        return (sorted(named, key=lambda i: (nocase(getattr(deals[i], field)), i),
                       reverse=descending)
                + sorted(unnamed, reverse=descending))
    keys: dict[DealColumn, Callable[[Deal], Any]] = {
        DealColumn.TITLE: lambda d: nocase(d.title),
        DealColumn.OUTCOME: lambda d: d.outcome.value,
        DealColumn.AMOUNT: lambda d: _nullable(d.amount),
        DealColumn.FIRST_CONTACT: lambda d: _nullable(d.first_contact),
        DealColumn.CLOSED_ON: lambda d: _nullable(d.closed_on),
        DealColumn.UPDATED_AT: lambda d: d.updated_at,
    }
    return sorted(ids, key=lambda i: (keys[column](deals[i]), i), reverse=descending)


OUTCOME_FILTERS = [None, *Outcome]


@pytest.mark.parametrize("walked", [False, True], ids=["found", "walked"])
@pytest.mark.parametrize("outcome", OUTCOME_FILTERS, ids=lambda o: str(o or "all"))
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("column", list(DealColumn))
def test_sorted_pages_match_the_reference(listed: tuple[Store, dict[int, Deal]],
                                          column: DealColumn, descending: bool,
                                          outcome: Outcome | None, walked: bool,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Found through the outcome's index (few deals of it), or walked in the sort order's
    index as at a million deals (SMALL 0)."""
    if walked:
        monkeypatch.setattr(deal_list, "SMALL", 0)
    store, deals = listed
    query = DealListQuery(outcome=outcome, sort=column, descending=descending)
    want = reference_order(store, deals, column, descending,
                           lambda d: outcome is None or d.outcome is outcome)
    assert store.list_count(query) == len(want)

    paged: list[DealRow] = []
    for offset in range(0, len(want) + 37, 37):
        page = store.list_rows(query, offset, 37)
        assert len(page) == max(0, min(37, len(want) - offset))
        paged.extend(page)
    assert [r.id for r in paged] == want
    assert paged == [expected_row(i, deals[i]) for i in want]

    rng = random.Random(f"{column}{descending}{outcome}")
    for _ in range(6):
        offset, limit = rng.randrange(len(want) + 3), rng.randrange(1, 60)
        assert [r.id for r in store.list_rows(query, offset, limit)] == want[offset:
                                                                             offset + limit]


def test_the_fixture_covers_the_cases_that_matter(listed: tuple[Store, dict[int, Deal]]) -> None:
    """Guards the reference test: ties, blanks and case variants must be present."""
    _, deals = listed
    values = list(deals.values())
    assert {d.outcome for d in values} == set(Outcome)
    for field in ("client", "rep", "product", "amount", "first_contact", "closed_on"):
        assert any(getattr(d, field) is None for d in values), field
    for outcome in (Outcome.WON, Outcome.LOST):
        assert any(d.outcome is outcome and d.closed_on is None for d in values), outcome
    titles = [nocase(d.title) for d in values]
    assert len(set(titles)) < len(titles)  # ties broken by id
    assert {d.title for d in values} != {nocase(d.title) for d in values}  # case matters
    assert any(d.client and not d.client.isascii() for d in values)
    assert len({d.amount for d in values}) < len(values)


def test_deal_ids_restrict_the_list(listed: tuple[Store, dict[int, Deal]]) -> None:
    store, deals = listed
    chosen = frozenset(list(deals)[::7])
    for column in DealColumn:
        query = DealListQuery(sort=column, deal_ids=chosen, descending=False)
        want = reference_order(store, deals, column, False, lambda d: True)
        assert [r.id for r in store.list_rows(query, 0, 500)] == [i for i in want
                                                                   if i in chosen]
        assert store.list_count(query) == len(chosen)
    assert store.list_count(DealListQuery(deal_ids=frozenset())) == 0
    assert store.list_rows(DealListQuery(deal_ids=frozenset()), 0, 10) == []


# --- search ---------------------------------------------------------------------------------

_TEXT_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Without case and accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(deal: Deal, word: str) -> bool:
    """One search word: a prefix of a word of the deal's own text, or part of one of its names
    (both without case or accents)."""
    text = fold(f"{deal.title} {deal.next_step} {deal.notes}")
    if any(token.startswith(fold(word)) for token in _TEXT_TOKEN.findall(text)):
        return True
    names = (deal.client, deal.rep, deal.product, deal.channel, deal.region, deal.audience,
             deal.lost_reason)
    return any(name is not None and fold(word) in fold(name) for name in names)


SEARCH_WORDS = ["alp", "Alpha", "alphab", "bet", "BETAMAX", "gam", "and", "or", "not", "near",
                "cal", "CALLB", "zul", "42", "471", "acme", "ACME2", "me", "Émile", "mil",
                "under", "x", "y", "co", "pro", "Pro plus", "web", "fair", "refer", "nort",
                "south", "retail", "smb", "price", "budget", "anna", "anne", "marie", "bob",
                "neil", "draft", "ab", "cd", "ärzte", "Ärz", "arz", "zebra", "a", "émil", "emil",
                "ECHELLE", "nothing-matches", "qqq"]


@pytest.mark.parametrize("search", [*SEARCH_WORDS, "alpha beta", "acme alp", "web anna x",
                                    "ALPHA  call", "pro plus", "gamma zeta", "Ärz web"])
def test_every_search_word_must_match(listed: tuple[Store, dict[int, Deal]], search: str) -> None:
    store, deals = listed
    words = _TEXT_TOKEN.findall(search)
    want = sorted(i for i, d in deals.items() if all(matches(d, w) for w in words))
    query = DealListQuery(search=search, sort=DealColumn.TITLE, descending=False)
    got = sorted(r.id for r in store.list_rows(query, 0, 1000))
    assert got == want
    assert store.list_count(query) == len(want)
    for outcome in Outcome:
        filtered = DealListQuery(search=search, outcome=outcome, sort=DealColumn.CLIENT)
        assert sorted(r.id for r in store.list_rows(filtered, 0, 1000)) == [
            i for i in want if deals[i].outcome is outcome]


def test_search_covers_many_deals(listed: tuple[Store, dict[int, Deal]]) -> None:
    """Guards the reference test: the words above must select something, not everything."""
    store, deals = listed
    counts = [store.list_count(DealListQuery(search=w)) for w in SEARCH_WORDS]
    assert sum(1 for c in counts if 0 < c < len(deals)) > len(SEARCH_WORDS) // 2


NASTY = ['"', '""', 'a"b', '"alpha', "AND", "OR", "NOT", "alpha AND", "AND alpha", "NEAR(a b)",
         "*", "alp*", "%", "_", "a%b", "a_b", "\\", "\\%", "'", "''", "-", "-alpha", "^",
         "title:alpha", "(", ")", "{a b}", ":", "+", "\x00", "a\x00b", " ", "",
         "ß", "İ", "🚀", "\u0301", "é" * 200, "alpha " * 50, "x" * 5000]


@pytest.mark.parametrize("search", NASTY)
def test_nasty_searches_never_raise(listed: tuple[Store, dict[int, Deal]], search: str) -> None:
    store, deals = listed
    for column in (DealColumn.TITLE, DealColumn.CLIENT, DealColumn.STAGE):
        query = DealListQuery(search=search, sort=column)
        n = store.list_count(query)
        assert len(store.list_rows(query, 0, 500)) == n <= len(deals)


@settings(max_examples=150)
@given(st.text(max_size=40))
def test_any_search_text_never_raises(listed: tuple[Store, dict[int, Deal]],
                                      search: str) -> None:
    store, _ = listed
    query = DealListQuery(search=search, sort=DealColumn.REP)
    assert len(store.list_rows(query, 0, 300)) == store.list_count(query)


def test_search_wildcards_are_literal(tmp_path: Path) -> None:
    store = open_store(tmp_path / "w.db")
    try:
        store.add_deals([Deal(title="one", client="x_y"), Deal(title="two", client="xzy"),
                         Deal(title="three", client="50% off"), Deal(title="four", client="500")],
                        TODAY)
        titles = lambda s: sorted(  # noqa: E731
            r.title for r in store.list_rows(DealListQuery(search=s), 0, 10))
        assert titles("x_y") == ["one"]
        assert titles("_") == ["one"]
        assert titles("50%") == ["four", "three"]  # % is not a word character: "50"
        assert titles("%") == ["four", "one", "three", "two"]  # no words: no filter
    finally:
        store.close()


def test_search_ignores_case_and_accents_the_way_users_type(tmp_path: Path) -> None:
    store = open_store(tmp_path / "u.db")
    try:
        store.add_deals([
            Deal(title="Café Müller relaunch", notes="ÉCHELLE"),
            Deal(title="other", client="Ärzte Verbund", rep="ÉMILE", product="Straße"),
        ], TODAY)
        found = lambda s: sorted(  # noqa: E731
            r.title for r in store.list_rows(DealListQuery(search=s), 0, 10))
        assert found("cafe") == ["Café Müller relaunch"]
        assert found("CAFÉ müll") == ["Café Müller relaunch"]
        assert found("échelle") == ["Café Müller relaunch"]
        assert found("ärzte") == ["other"]
        assert found("ÄRZTE") == ["other"]
        assert found("émile") == ["other"]
        assert found("emile") == ["other"]
        assert found("arzte") == ["other"]
        assert found("muller") == ["Café Müller relaunch"]
        assert found("strasse") == ["other"]
        assert found("STRASSE") == ["other"]
    finally:
        store.close()


def test_search_follows_edits_and_deletes(store: Store) -> None:
    deal = Deal(title="Kickoff workshop", next_step="send agenda", notes="bring slides")
    deal_id, _ = store.add_deal(deal, TODAY)
    search = lambda s: [r.id for r in store.list_rows(DealListQuery(search=s), 0, 10)]  # noqa
    assert search("kick") == search("agenda") == search("slides") == [deal_id]
    store.update_deal(deal_id, Deal(title="Renewal", next_step="call", notes=""), TODAY)
    assert search("kick") == search("agenda") == search("slides") == []
    assert search("renew") == [deal_id]
    store.delete_deal(deal_id, TODAY)
    assert search("renew") == []


def test_names_follow_renames_in_search_and_sort(store: Store) -> None:
    a, _ = store.add_deal(Deal(title="a", client="Zulu"), TODAY)
    b, _ = store.add_deal(Deal(title="b", client="Mike"), TODAY)
    client = next(i.id for i in store.lookup_items(LookupKind.CLIENT) if i.name == "Zulu")
    query = DealListQuery(sort=DealColumn.CLIENT, descending=False)
    assert [r.id for r in store.list_rows(query, 0, 10)] == [b, a]
    store.rename_lookup(LookupKind.CLIENT, client, "Alpha")
    assert [r.id for r in store.list_rows(query, 0, 10)] == [a, b]
    assert [r.id for r in store.list_rows(DealListQuery(search="alpha"), 0, 10)] == [a]
    assert store.list_rows(DealListQuery(search="zulu"), 0, 10) == []


# --- many matches: the walk that tests each deal, and counting up to a limit ----------------


@pytest.fixture(params=[0, 3, None], ids=["walk", "small-threshold", "default"])
def threshold(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """SMALL lowered so that the 200 deals count as "many": every set is then tested on each
    walked deal (names, then an ASCII word on the row's text), as at a million deals."""
    if request.param is not None:
        monkeypatch.setattr(deal_list, "SMALL", request.param)


@pytest.mark.parametrize("search", [*SEARCH_WORDS, "alpha beta", "acme alp", "web anna x",
                                    "pro plus", "Ärz web", "42 x", "cd ab"])
def test_walked_searches_and_capped_counts_match_the_reference(
        listed: tuple[Store, dict[int, Deal]], threshold: None, search: str) -> None:
    store, deals = listed
    words = _TEXT_TOKEN.findall(search)
    for outcome in (None, Outcome.LOST):
        for column, descending in ((DealColumn.UPDATED_AT, True), (DealColumn.CLIENT, False),
                                   (DealColumn.TITLE, True), (DealColumn.STAGE, False)):
            want = reference_order(
                store, deals, column, descending,
                lambda d, outcome=outcome: (outcome is None or d.outcome is outcome)
                and all(matches(d, w) for w in words))
            query = DealListQuery(search=search, outcome=outcome, sort=column,
                                  descending=descending)
            assert [r.id for r in store.list_rows(query, 0, 500)] == want
            assert [r.id for r in store.list_rows(query, 5, 7)] == want[5:12]
        assert store.list_count(query) == len(want)
        for limit in (0, 1, 5, len(want), len(want) + 1, 1000):
            assert store.list_count_up_to(query, limit) == min(limit, len(want)), limit


def test_capped_counts_without_search(listed: tuple[Store, dict[int, Deal]]) -> None:
    store, deals = listed
    for outcome in OUTCOME_FILTERS:
        n = sum(1 for d in deals.values() if outcome is None or d.outcome is outcome)
        query = DealListQuery(outcome=outcome)
        assert [store.list_count_up_to(query, limit) for limit in (0, 10, n, n + 1)] == [
            0, min(10, n), n, n]
    chosen = frozenset(list(deals)[:30])
    assert store.list_count_up_to(DealListQuery(deal_ids=chosen), 12) == 12
    assert store.list_count_up_to(DealListQuery(deal_ids=chosen), 100) == 30


TEXTS = ["ab_cd o'neil 50% [draft]", "Stand-up; st.Louis", "xstop", "café st", "ST",
         "mid-STREAM", "4711 offer", "a1b2", "naïve strategy", "", "rest"]


@pytest.mark.parametrize("word", ["st", "s", "cd", "ab", "neil", "raft", "draft", "50", "louis",
                                  "stream", "47", "711", "b2", "a1", "strat", "caf", "x",
                                  "up", "nai"])
def test_a_word_is_tested_on_the_row_as_the_fts_index_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    """The GLOB test of an ASCII row (SMALL 0: every deal walked) and the FTS index agree,
    also for the rows whose text is not ASCII (those ask the index)."""
    store = open_store(tmp_path / "t.db")
    try:
        # A client whose name contains every letter makes each word a names + text set.
        store.add_deals([Deal(title=t or "blank", notes=n, next_step=s,
                              client="Stabcdefghijklmnopqrstuvwxyz0123456789" if i == 0 else None)
                         for i, (t, n, s) in enumerate(
                             (t, TEXTS[-1 - k], TEXTS[(k + 3) % len(TEXTS)])
                             for k, t in enumerate(TEXTS))], TODAY)
        query = DealListQuery(search=word, sort=DealColumn.TITLE, descending=False)
        by_index = [r.id for r in store.list_rows(query, 0, 100)]
        assert store.list_count(query) == len(by_index)
        monkeypatch.setattr(deal_list, "SMALL", 0)
        assert [r.id for r in store.list_rows(query, 0, 100)] == by_index
        assert store.list_count_up_to(query, 100) == len(by_index)
        every = store.list_rows(DealListQuery(sort=DealColumn.TITLE, descending=False), 0, 100)
        assert by_index == [r.id for r in every if matches(store.deal(r.id), word)]
    finally:
        store.close()
