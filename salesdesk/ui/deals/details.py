"""The Deals tab's details pane: the selected deal's fields and stage history, or a hint."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTextBrowser, QWidget

from salesdesk.domain.deals import Deal, Outcome, StageEvent
from salesdesk.domain.fields import FIELDS
from salesdesk.i18n import translate
from salesdesk.store import NotFound, Store
from salesdesk.ui.deals.list_model import format_amount
from salesdesk.ui.formatting import date_text


class DealDetails(QTextBrowser):
    """Beside the list: what the selected deal holds, or what to do when none or several are
    selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deal_details")
        self.setOpenLinks(False)
        self.setAccessibleName(translate("DealDetails", "Deal details"))

    def show_deals(self, store: Store, ids: Sequence[int], badges: Mapping[int, str]) -> None:
        """Show the deal ``ids`` names when it is one, with its note in ``badges`` (a deal
        dragging on); otherwise a hint, or how many are selected."""
        if not ids:
            self.setHtml("<p style='color:gray'>{select}<br><br>{keys}</p>".format(
                select=html.escape(translate(
                    "DealDetails", "Select a deal to see its details and stage history.")),
                keys=html.escape(translate(
                    "DealDetails", "Enter opens it, Delete removes it, Ctrl+] moves it to the"
                    " next stage."))))
            return
        if len(ids) > 1:
            self.setHtml("<p>{}</p>".format(html.escape(translate(
                "DealDetails", "{count} deals selected.").format(
                    count=QLocale().toString(len(ids))))))
            return
        try:
            deal = store.deal(ids[0])
            events = store.stage_events(ids[0])
        except NotFound:
            self.clear()
            return
        self.setHtml(deal_html(deal, events, badges.get(ids[0])))


def deal_html(deal: Deal, events: tuple[StageEvent, ...], badge: str | None = None) -> str:
    """The details panel's summary of one deal with its stage history, and ``badge``'s note
    (a deal dragging on) under the title."""
    locale = QLocale()
    e = html.escape

    def line(field: str, value: str | None) -> str:
        return (f"<tr><td style='color:gray;padding-right:8px'>{e(FIELDS[field].caption)}</td>"
                f"<td>{e(value or '—')}</td></tr>")

    kind = (deal.customer_type.label if deal.customer_type_set else
            translate("DealDetails", "{type} (automatic)").format(type=deal.customer_type.label))
    rows = [
        line("client", deal.client), line("rep", deal.rep),
        line("product", deal.product), line("channel", deal.channel),
        line("region", deal.region), line("audience", deal.audience),
        line("customer_type", kind), line("stage", deal.stage),
        line("outcome", deal.outcome.label),
        line("amount", format_amount(deal.amount, deal.currency, locale)
             or translate("DealDetails", "unknown")),
        line("first_contact", date_text(deal.first_contact, locale)),
        line("closed_on", date_text(deal.closed_on, locale)),
        line("expected_close", date_text(deal.expected_close, locale)),
        line("next_step", deal.next_step),
    ]
    if deal.outcome is Outcome.LOST:
        reason = " — ".join(t for t in (deal.lost_reason, deal.lost_reason_note) if t)
        rows.append(line("lost_reason", reason or None))
    history = "".join(
        f"<li>{e(date_text(ev.entered_on, locale))} — {e(ev.stage)}</li>"
        for ev in events)
    notes = (f"<h4>{e(FIELDS['notes'].caption)}</h4><p>{e(deal.notes).replace(chr(10), '<br>')}</p>"
             if deal.notes else "")
    note = f"<p style='color:#a8660b'>{e(badge)}</p>" if badge else ""
    heading = e(translate("DealDetails", "Stage history"))
    return (f"<h3>{e(deal.title)}</h3>{note}<table>{''.join(rows)}</table>"
            f"<h4>{heading}</h4><ul>{history or '<li>—</li>'}</ul>{notes}")
