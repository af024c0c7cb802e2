"""The headline figures of a slice, each with its change against the comparison period and a
tooltip with its formula in words and its n."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from salesdesk.domain.metrics import Figures
from salesdesk.i18n import translate
from salesdesk.ui.formatting import money
from salesdesk.ui.funnel.figures_model import days, percent


@dataclass(frozen=True, slots=True)
class Headline:
    """One headline figure in words, as the card, the report and the tests show it."""

    key: str
    title: str
    value: str
    detail: str
    change: str
    formula: str


def _change(loc: QLocale, now: float | None, before: float | None, unit: str,
            scale: float = 1.0, digits: int = 1,
            written: Callable[[float], str] | None = None) -> str:
    """The change from ``before`` to ``now``; ``written`` writes a magnitude (default: the
    locale's number with ``digits`` decimals and ``unit`` after it)."""
    def write(value: float) -> str:
        return written(value) if written else f"{loc.toString(value, 'f', digits)}{unit}"

    if before is None:
        return ""
    if now is None:
        return translate("Headline", "no figure now; before: {figure}").format(
            figure=write(before * scale))
    delta = (now - before) * scale
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    # The locale groups thousands as the figure itself does ("+102,110 EUR").
    return translate("Headline", "{change} vs previous period").format(
        change=f"{sign}{write(abs(delta))}")


def headlines(now: Figures, before: Figures | None, currency: str,
              locale: QLocale | None = None) -> list[Headline]:
    """The four headline figures of ``now`` (changes against ``before`` when given)."""
    loc = locale or QLocale()
    n = translate("Headline", "n = {count} decided deals").format(count=loc.toString(now.decided))
    interval = ("" if now.conversion_low is None else
                translate("Headline", "likely range {low}–{high} %").format(
                    low=f"{now.conversion_low * 100:.0f}",
                    high=f"{(now.conversion_high or 0) * 100:.0f}"))
    too_few = (translate("Headline", " · too few to judge") if now.too_few and now.decided
               else "")
    amount_note = []
    if now.amount_unknown:
        amount_note.append(translate("Headline", "{count} won without an amount").format(
            count=loc.toString(now.amount_unknown)))
    if now.amount_left_out:
        amount_note.append(translate("Headline", "{count} left out (no exchange rate)").format(
            count=loc.toString(now.amount_left_out)))
    timed = now.decided - now.length_unknown
    # DESIGN.md §4: imported decided deals without a date count in conversion only.
    length_over = ("\n" + translate(
        "Headline", "deal length over {timed} of {decided} decided deals").format(
            timed=loc.toString(timed), decided=loc.toString(now.decided))
        if now.length_unknown else "")
    unknown_rule = (" " + translate(
        "Headline", "{count} won or lost deals without a close date or first contact count in"
        " conversion, not here.").format(count=loc.toString(now.length_unknown))
        if now.length_unknown else "")
    day = translate("Headline", "{days} d")
    return [
        Headline(
            "conversion", translate("Headline", "Conversion"), percent(now.conversion),
            f"{n}{too_few}" + (f"\n{interval}" if interval else ""),
            _change(loc, now.conversion, before.conversion if before else None,
                    translate("Headline", " pts"), 100),
            translate("Headline", "Conversion = won ÷ (won + lost). Open deals have not decided"
                      " and are not counted; with no decided deal there is no figure. {n};"
                      " {won} won, {lost} lost.").format(
                n=n, won=loc.toString(now.won), lost=loc.toString(now.lost))),
        Headline(
            "deal_length", translate("Headline", "Average deal length"),
            "—" if now.avg_deal_length_days is None
            else day.format(days=days(now.avg_deal_length_days)),
            translate("Headline", "median {median} d · won {won} d · lost {lost} d").format(
                median=days(now.median_deal_length_days),
                won=days(now.avg_deal_length_won_days),
                lost=days(now.avg_deal_length_lost_days)) + length_over,
            _change(loc, now.avg_deal_length_days,
                    before.avg_deal_length_days if before else None,
                    translate("Headline", " d")),
            translate("Headline", "Deal length = close date − first-contact date in days, for"
                      " won and lost deals. Average = the sum of those days ÷ the number of"
                      " closed deals (20, 30 and 40 days → 30). n = {count} closed deals.").format(
                count=loc.toString(timed)) + unknown_rule),
        Headline(
            "open", translate("Headline", "Open deals"), loc.toString(now.open),
            translate("Headline", "of {count} deals in the slice").format(
                count=loc.toString(now.deals)),
            _change(loc, float(now.open), float(before.open) if before else None, "", digits=0),
            translate("Headline", "Deals open at the end of the period: first contact on or"
                      " before its end (or none yet) and not closed by then. n = {count}.").format(
                count=loc.toString(now.open))),
        Headline(
            "won_amount", translate("Headline", "Won amount"),
            money(now.won_amount, currency, loc),
            " · ".join(amount_note) or translate("Headline", "{count} won deals").format(
                count=loc.toString(now.won)),
            _change(loc, now.won_amount, before.won_amount if before else None, "",
                    written=lambda value: money(value, currency, loc)),
            translate("Headline", "Sum of the won deals' amounts in {currency}, over the deals"
                      " whose amount is known; deals in another currency without an exchange"
                      " rate are left out. n = {count} won deals.").format(
                currency=currency, count=loc.toString(now.won))),
    ]


class _Card(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.title = QLabel()
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.change = QLabel()
        for label in (self.title, self.detail, self.change):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.detail, self.change):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_headline(self, headline: Headline) -> None:
        self.setObjectName(f"headline_{headline.key}")
        self.title.setText(headline.title)
        self.value.setText(headline.value)
        self.detail.setText(headline.detail)
        self.change.setText(headline.change)
        self.change.setVisible(bool(headline.change))
        self.setToolTip(headline.formula)


class HeadlineBar(QWidget):
    """Four cards in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.cards = [_Card() for _ in range(4)]
        for card in self.cards:
            layout.addWidget(card, 1)
        self.current: list[Headline] = []

    def show_figures(self, now: Figures, before: Figures | None, currency: str) -> None:
        """Show a slice's headline figures."""
        self.current = headlines(now, before, currency)
        for card, headline in zip(self.cards, self.current, strict=True):
            card.show_headline(headline)

    def clear(self, message: str) -> None:
        """Show a message instead of figures (while the cache builds)."""
        self.current = []
        for card in self.cards:
            card.title.setText("")
            card.value.setText("…")
            card.detail.setText(message)
            card.change.hide()
            card.setToolTip("")
