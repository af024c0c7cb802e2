"""NPS maths (issue 17): groups of scores, % promoters − % detractors with n, all-passive and
empty cases, grouping by product/segment/client/period, the comments filter, and checking a
typed or imported response."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.nps import (
    FOLLOW_UP,
    NpsBy,
    NpsTally,
    Response,
    ResponseDraft,
    ScoreGroup,
    Segment,
    check_response,
    grouped,
    matches,
    monthly,
    nps,
    parse_score,
    score_group,
)

D = dt.date
scores = st.lists(st.integers(0, 10), max_size=60)


MARCH = D(2026, 3, 1)


def response(score: int, day: D = MARCH, *, product: str | None = "Boiler",
             client: str | None = None, segment: Segment = Segment.B2C,
             comment: str = "") -> Response:
    return Response(day, score, segment, product, client, None, comment)


@pytest.mark.parametrize(("score", "group"), [
    (0, ScoreGroup.DETRACTOR), (6, ScoreGroup.DETRACTOR), (7, ScoreGroup.PASSIVE),
    (8, ScoreGroup.PASSIVE), (9, ScoreGroup.PROMOTER), (10, ScoreGroup.PROMOTER)])
def test_score_groups_follow_the_handbook(score: int, group: ScoreGroup) -> None:
    assert score_group(score) is group


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_a_score_outside_0_to_10_has_no_group(score: int) -> None:
    with pytest.raises(ValueError, match="0 and 10"):
        score_group(score)


def test_nps_is_percent_promoters_minus_percent_detractors_with_n() -> None:
    tally = NpsTally.of([10, 10, 9, 8, 7, 0])
    assert (tally.promoters, tally.passives, tally.detractors, tally.n) == (3, 2, 1, 6)
    assert tally.nps == pytest.approx(100 * (3 - 1) / 6)
    assert tally.share(ScoreGroup.PASSIVE) == pytest.approx(2 / 6)


def test_all_passives_give_exactly_zero_and_no_responses_give_no_nps() -> None:
    assert nps([7, 8, 8, 7]) == 0.0
    assert nps([]) is None
    empty = NpsTally()
    assert empty.n == 0 and empty.share(ScoreGroup.PROMOTER) is None
    assert empty.to_dict() == {"nps": None, "promoters": 0, "passives": 0, "detractors": 0,
                               "n": 0}


def test_the_extremes_are_plus_and_minus_100() -> None:
    assert nps([9, 10, 10]) == 100.0
    assert nps([0, 3, 6]) == -100.0


@given(scores)
def test_nps_is_the_definition_and_lies_between_minus_and_plus_100(values: list[int]) -> None:
    result = nps(values)
    if not values:
        assert result is None
        return
    assert result is not None and -100 <= result <= 100
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    assert result == pytest.approx(100 * (promoters - detractors) / len(values))


@given(scores, scores)
def test_tallies_add_up(first: list[int], second: list[int]) -> None:
    assert NpsTally.of(first) + NpsTally.of(second) == NpsTally.of(first + second)
    assert NpsTally.of(first + second) == NpsTally.of(list(reversed(second + first)))


def test_groups_by_product_segment_and_client_most_responses_first_none_last() -> None:
    answers = [response(10, product="Boiler"), response(0, product="Heat pump"),
               response(9, product="Heat pump"), response(7, product=None),
               response(8, product="heat pump", client="Ács Kft", segment=Segment.B2B)]
    by_product = grouped(answers, NpsBy.PRODUCT)
    assert [value for value, _ in by_product] == ["Heat pump", "Boiler", "heat pump", None]
    heat = dict(by_product)["Heat pump"]
    assert (heat.promoters, heat.detractors, heat.nps) == (1, 1, 0.0)
    assert [v for v, _ in grouped(answers, NpsBy.SEGMENT)] == ["B2C", "B2B"]
    by_client = dict(grouped(answers, NpsBy.CLIENT))
    assert by_client["Ács Kft"].n == 1 and by_client[None].n == 4


def test_periods_are_in_date_order_and_the_trend_fills_empty_months() -> None:
    answers = [response(10, D(2026, 3, 5)), response(0, D(2025, 12, 31)),
               response(9, D(2026, 3, 30)), response(7, D(2026, 1, 2))]
    assert [v for v, _ in grouped(answers, NpsBy.MONTH)] == ["2025-12", "2026-01", "2026-03"]
    assert [v for v, _ in grouped(answers, NpsBy.QUARTER)] == ["2025-Q4", "2026-Q1"]
    trend = monthly(answers)
    assert [label for label, _ in trend] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    assert trend[2][1].n == 0 and trend[2][1].nps is None
    assert trend[3][1].nps == 100.0
    assert monthly([]) == []


def test_the_comments_list_filters_by_words_and_score_group() -> None:
    loud = response(2, comment="The heat pump is LOUD at night", client="Ács Kft")
    fine = response(10, comment="Quick and tidy")
    assert matches(loud, "loud night")
    assert matches(loud, "ács")  # the client's name counts
    assert not matches(fine, "loud")
    assert matches(fine, "", [ScoreGroup.PROMOTER])
    assert not matches(fine, "", [ScoreGroup.DETRACTOR, ScoreGroup.PASSIVE])
    assert matches(loud, "  ")


def test_the_question_follows_the_segment() -> None:
    assert Segment.B2C.question == ("On a scale of 0–10, how likely are you to recommend us to"
                                    " friends or colleagues?")
    assert Segment.B2B.question == "How likely are you to order from us again?"
    assert FOLLOW_UP == "What should we do next time to earn a 10?"
    assert Segment.parse(" b2B ") is Segment.B2B and Segment.parse("Consumer") is Segment.B2C
    with pytest.raises(ValueError, match="B2C or B2B"):
        Segment.parse("retail")


@pytest.mark.parametrize(("text", "value"), [("9", 9), (" 10 ", 10), ("0", 0), ("8.0", 8),
                                              ("7,0", 7)])
def test_typed_scores(text: str, value: int) -> None:
    assert parse_score(text) == value


@pytest.mark.parametrize(("text", "message"), [
    ("11", "11 is outside 0–10"), ("-1", "outside 0–10"), ("9.5", "not a whole number"),
    ("", "needs a score"), ("ten", "not a score")])
def test_scores_that_are_refused_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_score(text)


def test_checking_a_response_names_each_problem() -> None:
    draft = ResponseDraft(score="11", segment="x", product="  Boiler   service ")
    result, errors = check_response(draft, None)
    assert result is None
    assert set(errors) == {"date", "score", "segment"}
    ok, errors = check_response(ResponseDraft(score="9", segment="B2B", product=" Boiler  x",
                                              comment=" call first "), D(2026, 1, 1),
                                deal_id=4)
    assert errors == {}
    assert ok == Response(D(2026, 1, 1), 9, Segment.B2B, "Boiler x", None, 4, "call first")
    _, errors = check_response(ResponseDraft(score="9", segment="b2c"), D(2026, 5, 2),
                               today=D(2026, 5, 1))
    assert "future" in errors["date"]
