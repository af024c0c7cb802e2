"""Chart figures of a generated business (no database), and of an empty one; where a
rendered picture has ink."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from salesdesk.analytics import AnalyticsCache
from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import DEFAULT_STAGES, Deal
from salesdesk.domain.demo import generate_demo
from salesdesk.domain.metrics import MoneyRules
from salesdesk.domain.periods import Period
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.slices import Dimension, Query, Slice
from salesdesk.ui.charts import ChartFigures, chart_figures, describe_slice

TODAY = dt.date(2026, 6, 30)
MONEY = MoneyRules("EUR", {}, {"EUR": 2})


def figures_of(deals: list[Deal], query: Query) -> ChartFigures:
    """The chart figures of ``query`` over ``deals``."""
    cache = AnalyticsCache.build(DealColumns.from_deals(deals, DEFAULT_STAGES))
    return chart_figures(cache, query, settings=BusinessSettings(), money=MONEY,
                         slice_text=describe_slice(query.slice))


@pytest.fixture(scope="session")
def demo_deals() -> list[Deal]:
    """A sample business of 400 deals."""
    return generate_demo(400, TODAY).deals


@pytest.fixture
def demo_figures(demo_deals: list[Deal]) -> ChartFigures:
    """All time, grouped by salesperson."""
    return figures_of(demo_deals, Query(Slice(), (Dimension.REP,)))


@pytest.fixture
def sliced_figures(demo_deals: list[Deal]) -> ChartFigures:
    """One salesperson's first half of 2026, grouped by channel."""
    sl = Slice({Dimension.REP: frozenset({"Anna Kovács"})},
               Period.between(dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    return figures_of(demo_deals, Query(sl, (Dimension.CHANNEL,)))


@pytest.fixture
def empty_figures() -> ChartFigures:
    """A business without deals."""
    return figures_of([], Query(Slice(), (Dimension.REP,)))


def ink(page: Path) -> np.ndarray:
    """Which pixels of a rendered page are drawn on (darker than a light grey)."""
    image = QImage(str(page)).convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                              image.bytesPerLine())
    return rows[:, :image.width()] < 200


def first_line_height(drawn: np.ndarray) -> int:
    """The height in pixels of the topmost line of text: the first run of rows with ink."""
    rows = np.flatnonzero(drawn.any(axis=1))
    gaps = np.flatnonzero(np.diff(rows) > 1)
    return int((rows[gaps[0]] if len(gaps) else rows[-1]) - rows[0] + 1)
