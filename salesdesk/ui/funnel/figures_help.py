"""Help ▸ How Figures Are Computed: the metric definitions with the worked example."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from salesdesk.i18n import translate


def figures_html() -> str:
    """The definitions as HTML, one translated section after another (DESIGN.md §4–§6)."""
    return "\n".join((
        translate("FiguresHelpDialog",
                  "<h2>How the figures are computed</h2>"),
        translate("FiguresHelpDialog",
                  "<h3>Conversion</h3> <p><b>Conversion = won ÷ (won + lost)</b>, shown as a"
                  " percentage. Only customers who decided count: open deals are left out,"
                  " because they have not said yes or no yet. With no decided deal there is no"
                  " figure (“—”), never 0 %.</p> <p>Next to it: <b>n</b>, the number of decided"
                  " deals, and the <b>likely range</b> (a 95 % Wilson interval): the range the"
                  " true conversion very probably lies in. A slice with fewer decided deals than"
                  " the threshold (20 unless changed) is marked <i>too few to judge</i>: its"
                  " percentage moves a lot with every single deal.</p>"),
        translate("FiguresHelpDialog",
                  "<h3>Deal length</h3> <p>The length of a closed deal (won <i>or</i> lost) is"
                  " its <b>close date − first-contact date</b> in days; a deal closed on the day"
                  " of first contact took 0 days.</p> <p><b>Average deal length = the sum of"
                  " those days ÷ the number of closed deals.</b> Lost deals count too: a “no”"
                  " also ends a deal.</p> <p><i>Worked example:</i> three closed deals took 20,"
                  " 30 and 40 days → (20 + 30 + 40) ÷ 3 = 90 ÷ 3 = <b>30 days</b>.</p> <p>Also"
                  " shown: the median (half the deals were shorter), and the averages of won"
                  " deals and of lost deals separately.</p> <p><i>Deals imported without a"
                  " date:</i> a won or lost deal whose close date or first contact is unknown"
                  " (the file it came from did not have it) still counts in <b>conversion</b>,"
                  " but not in deal length, which is computed over the others. The screen then"
                  " says so: “deal length over 812 of 1,000 decided deals”; <code>salesdesk"
                  " report</code> gives their number as <code>length_unknown</code>, beside"
                  " <code>amount_unknown</code>.</p>"),
        translate("FiguresHelpDialog",
                  "<h3>Funnel</h3> <p>For each pipeline stage, the deals that <b>reached</b> it:"
                  " a deal at stage k has passed stages 1 … k, and a deal without a known stage"
                  " counts at the first stage only. <b>Step conversion = reached(k + 1) ÷"
                  " reached(k)</b>; won is the last step. The funnel can be shown by number of"
                  " deals or by amount. It counts the same deals as the other figures, each as it"
                  " stood at the period's end: a deal won after the period ended was open then,"
                  " so it stands at its stage and is not among the won (for <i>deals started in"
                  " the period</i>, today's outcome counts). <i>Show Deals</i> lists them as"
                  " open, in italics.</p>"),
        translate("FiguresHelpDialog",
                  "<h3>Periods</h3> <ul> <li>Won, lost, conversion and deal length count the"
                  " deals <b>closed in the period</b> (by close date; dates are inclusive). A won"
                  " or lost deal without a close date belongs to no period: it counts under"
                  " <i>all time</i> only (and, for deals started in the period, by its first"
                  " contact).</li> <li>The <b>open</b> count of a period is the deals open at its"
                  " end: first contact on or before the end (or none yet), and not closed by"
                  " then. <b>Deals = won + lost + open.</b></li> <li><i>Deals started in the"
                  " period</i> (a cohort) counts instead the deals first contacted in the period,"
                  " by their outcome today.</li> <li>Months are written YYYY-MM and quarters"
                  " YYYY-Qn (calendar quarters). The fiscal year's first month only moves the"
                  " “this year” preset. The default period is all time.</li> <li><i>Compare with"
                  " previous period</i> sets each headline figure against the period of the same"
                  " length just before.</li> </ul>"),
        translate("FiguresHelpDialog",
                  "<h3>Slices</h3> <p>Values chosen within one filter are combined with OR (Anna"
                  " <i>or</i> Ben); different filters with AND (Anna or Ben, <i>and</i> channel"
                  " Web). A deal with no value for the grouping is shown under “(none)”.</p>"),
        translate("FiguresHelpDialog",
                  "<h3>Money</h3> <p>Amounts are summed in the file's base currency over the"
                  " deals whose amount is known. A deal in another currency without an exchange"
                  " rate is left out of money figures; both counts are shown.</p>"),
        translate("FiguresHelpDialog",
                  "<h3>Growth points</h3> <p>Every customer type, channel, product, audience,"
                  " region and salesperson is compared with a <b>reference</b>: by default the"
                  " median of the other values of the same dimension that have at least the “too"
                  " few to judge” number of decided deals (optionally the best of them, or the"
                  " business average), over the chosen period.</p> <ul> <li>A <b>conversion"
                  " lever</b> has at least that many decided deals and a 95 % Wilson interval"
                  " entirely below the reference. Its monthly value = (reference − its"
                  " conversion) × its decided deals a month (over the months the period spans) ×"
                  " its average won amount (the business average when fewer than 5 of its won"
                  " deals have an amount).</li> <li>A <b>deal-length lever</b> has at least that"
                  " many closed deals of known length, a longer average than the reference, and a"
                  " 95 % Welch interval of the difference (against the deals the reference comes"
                  " from) entirely above 0. It is ranked by the deal-days a month that matching"
                  " the reference would free: (its average − reference) × its closed deals a"
                  " month.</li> <li>Values behind the reference without that evidence are listed"
                  " under <b>Watch</b>, never ranked. The trend shows each lever's figure in the"
                  " last six quarters.</li> <li>A deal is <b>dragging on</b> when it is open and"
                  " older (days since first contact) than 1.5 × (adjustable) the average length"
                  " of the closed deals of the same salesperson and product, else the product,"
                  " else the whole business (the first with enough closed deals). The win share"
                  " at its age is, of those closed deals still open at that age, the share that"
                  " was won.</li> </ul>"),
        translate("FiguresHelpDialog",
                  "<h3>Customers</h3> <p><b>NPS</b> = % promoters (scores 9–10) − % detractors"
                  " (0–6) of the survey responses counted, from −100 to +100, always shown with n"
                  " (responses). All passives (7–8) give 0; no response gives no NPS (“—”). B2C"
                  " surveys ask “On a scale of 0–10, how likely are you to recommend us to"
                  " friends or colleagues?”, B2B ones “How likely are you to order from us"
                  " again?”; both then ask “What should we do next time to earn a 10?”.</p>"
                  " <p><b>Repeat purchases</b> of a product or client = won deals made by current"
                  " customers (a won deal closed before the deal's first contact) ÷ won deals,"
                  " over the deals closed in the period.</p> <p><b>Before and after a touchpoint"
                  " change</b>: conversion and deal length in two equal windows (90 days unless"
                  " you choose another length) — the days before the change and the days from it"
                  " on, shortened alike when the change is recent. Conversion comes with its 95 %"
                  " Wilson interval, deal length with its 95 % t interval; a verdict (“conversion"
                  " rose”) is given only when both windows have enough deals (the “too few to"
                  " judge” threshold) and the 95 % interval of the change excludes zero.</p>"
                  " <p><b>Deal-days per win</b> of an audience = the average length of its closed"
                  " deals ÷ its conversion (the days all its closed deals took, lost ones"
                  " included, ÷ its won deals): the selling time one win costs. Audiences with"
                  " enough decided deals that cost more than the business as a whole are pointed"
                  " out.</p>"),
    ))


class FiguresHelpDialog(QDialog):
    """A non-modal window with the definitions (:func:`figures_html`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figures_help")
        self.setWindowTitle(translate("FiguresHelpDialog", "How figures are computed"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(figures_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 620)
