"""Whole-word, case-folded matching and replacing of a client's details in free text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.redaction import Redaction, occurrences, redaction_of

words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1,
                max_size=8)
separators = st.sampled_from([" ", ", ", "; ", " — ", "\n", "'s ", " (", ") "])


def test_whole_words_only_and_case_folded_for_every_script() -> None:
    assert list(occurrences("Smart Art, art; ART-work", "Art")) == [(6, 9), (11, 14),
                                                                  (16, 19)]
    assert list(occurrences("ärzte gmbh and ÄRZTE GMBH", "Ärzte GmbH")) == [(0, 10), (15, 25)]
    assert list(occurrences("Weißstraße 5", "WEISSSTRASSE")) == [(0, 10)]
    # A fold that starts or ends inside one character ("ß" folds to "ss") is no match.
    assert list(occurrences("Straße", "STRAS")) == []
    assert list(occurrences("mail a@b.example now", "a@b.example")) == [(5, 16)]
    assert list(occurrences("ring +49 170 5550123.", "+49 170 5550123")) == [(5, 20)]


def test_a_name_inside_another_clients_name_is_left_alone() -> None:
    redaction = redaction_of([("Art", "X")], ["Smart Art Ltd", "Bart", "Acme"])
    assert redaction.protected == ("Smart Art Ltd",)
    assert redaction.apply("Smart Art Ltd thanks Art") == "Smart Art Ltd thanks X"


def test_longer_details_win_over_their_parts() -> None:
    redaction = redaction_of([("Anna", "client"), ("Anna Kovács", "contact")], [])
    assert redaction.apply("Call Anna Kovács, not anna") == "Call contact, not client"


@given(st.lists(st.one_of(words, st.just("Ünal Kft"), st.just("ÜNAL KFT"), st.just("ünal kft")),
                min_size=1, max_size=12), st.lists(separators, min_size=12, max_size=12))
def test_no_whole_word_occurrence_survives(parts: list[str], seps: list[str]) -> None:
    text = "".join(part + sep for part, sep in zip(parts, seps, strict=False))
    result = Redaction((("Ünal Kft", "[erased]"),)).apply(text)
    assert list(occurrences(result, "Ünal Kft")) == []
    if not list(occurrences(text, "Ünal Kft")):
        assert result == text


@given(st.text(max_size=60))
def test_text_without_the_term_is_unchanged(text: str) -> None:
    redaction = Redaction((("Zyxwolff", "X"),))
    if "zyxwolff" not in text.casefold():
        assert redaction.apply(text) == text
