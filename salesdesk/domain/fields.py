"""The deal's fields, declared once: what the form, the importer, the exporter, the store and the
Deals list know about each of them.

A field's ``name`` is the :class:`~salesdesk.domain.deals.Deal` attribute, the header of its
column in an export and the FIELD of ``salesdesk import --map``. The declaration's order is
the export's column order, so the fields exports already write keep their names and places:
exported files are read back by salesdesk and by the user's own spreadsheets.

Adding a plain text field means a line here, the attribute on ``Deal`` (and on ``DealDraft``
and a widget in the form when the form shows it) and a migration adding its column. Rules that
concern particular fields (dates compared with each other, the Deals list's SQL, what the
quick search and a client's anonymising cover) stay where they apply and name those fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from salesdesk.domain.deals import LookupKind


class FieldKind(StrEnum):
    """How a field's value is typed, read from a file, stored and exported.

    TITLE: the deal's one-line name, required (an import makes one from client and product).
    TEXT: text kept as written. LOOKUP: a name in the lookup list of the same name
    (:class:`LookupKind`). CUSTOMER_TYPE, OUTCOME: one of the values of that enum in
    ``deals``. DATE: a date or none. AMOUNT: money in minor units of the deal's currency, or
    unknown. CURRENCY: a three-letter code. FLAG: yes or no, saying how another field got its
    value (exported, so that an export imports back as the same deals). RECORD: kept by the
    store, never typed or read from a file: the deal's id and when it was created and changed.
    """

    TITLE = "title"
    TEXT = "text"
    LOOKUP = "lookup"
    CUSTOMER_TYPE = "customer_type"
    OUTCOME = "outcome"
    DATE = "date"
    AMOUNT = "amount"
    CURRENCY = "currency"
    FLAG = "flag"
    RECORD = "record"


@dataclass(frozen=True, slots=True)
class DealField:
    """One field of a deal.

    ``label`` is what the form, the import wizard and messages call it. ``synonyms`` are the
    further column headers a plain spreadsheet import recognises it by, besides its name and
    label (compared without case, underscores or extra spaces). ``form``: the deal form shows
    it (a :class:`~salesdesk.domain.validation.DealDraft` field). ``imported``: an import
    column can feed it. ``exported``: exports write it. ``list_header``: the Deals list's
    column header, None when the list does not show it. ``help`` says in a sentence what
    the field means, for a tooltip beside its label.
    """

    name: str
    label: str
    kind: FieldKind
    synonyms: tuple[str, ...] = ()
    form: bool = True
    imported: bool = True
    exported: bool = True
    list_header: str | None = None
    help: str = ""

    @property
    def lookup(self) -> LookupKind | None:
        """The lookup list a LOOKUP field names a value of (its value is the field's name)."""
        return LookupKind(self.name) if self.kind is FieldKind.LOOKUP else None


DEAL_FIELDS: tuple[DealField, ...] = (
    DealField("title", "Title", FieldKind.TITLE, (
        "deal", "deal name", "deal title", "name", "subject", "opportunity", "opportunity name",
        "potential name", "potential", "potentialname", "titel", "verkaufschance",
        "name der verkaufschance", "cím", "megnevezés", "üzlet", "lehetőség",
        "lehetőség neve", "üzleti lehetőség"), list_header="Title"),
    DealField("client", "Client", FieldKind.LOOKUP, (
        "company", "customer", "organization", "organisation", "account", "account name",
        "accountname", "client name", "company name", "customer name", "kunde", "firma",
        "firmenname", "kundenname", "ügyfél", "cég", "partner", "fiók", "fiók neve",
        "ügyfél neve", "cégnév"), list_header="Client"),
    DealField("rep", "Salesperson", FieldKind.LOOKUP, (
        "sales person", "sales rep", "owner", "deal owner", "owner name", "opportunity owner",
        "potential owner", "assigned to", "seller", "sales manager", "verkäufer",
        "vertriebler", "inhaber", "besitzer", "verantwortlicher", "opportunity inhaber",
        "verkaufschancen inhaber", "értékesítő", "üzletkötő", "tulajdonos", "felelős"),
        list_header="Salesperson"),
    DealField("product", "Product", FieldKind.LOOKUP, (
        "product name", "item", "service", "produkt", "produktname", "termék", "szolgáltatás"),
        list_header="Product"),
    DealField("channel", "Channel", FieldKind.LOOKUP, (
        "source", "lead source", "leadsource", "source channel", "quelle", "lead quelle",
        "leadquelle", "csatorna", "forrás", "lead forrás")),
    DealField("region", "Region", FieldKind.LOOKUP, (
        "area", "territory", "country", "gebiet", "land", "régió", "terület", "ország")),
    DealField("audience", "Target audience", FieldKind.LOOKUP, ("segment", "célcsoport")),
    DealField("customer_type", "Customer type", FieldKind.CUSTOMER_TYPE, (
        "deal type", "client type", "type", "opportunity type", "potential type", "typ",
        "kundentyp", "ügyféltípus", "típus")),
    DealField("customer_type_set", "Customer type kept as given", FieldKind.FLAG,
              form=False,
              help="Yes: the customer type was chosen in the deal form or read from an imported"
                   " column, and salesdesk keeps it. No: salesdesk works it out (a current"
                   " customer won a deal before this one's first contact)."),
    DealField("stage", "Stage", FieldKind.LOOKUP, (
        "deal stage", "pipeline stage", "sales stage", "stage name", "opportunity stage",
        "phase", "verkaufsphase", "stufe", "szakasz", "fázis", "értékesítési szakasz"),
        list_header="Stage"),
    DealField("outcome", "Outcome", FieldKind.OUTCOME, (
        "status", "result", "state", "won/lost", "deal status", "ergebnis", "eredmény",
        "státusz", "állapot"),
        list_header="Outcome"),
    DealField("first_contact", "First contact", FieldKind.DATE, (
        "first contact date", "first contacted", "start date", "started", "opened",
        "erstkontakt", "erster kontakt", "első kapcsolat", "első kapcsolatfelvétel"),
        list_header="First contact"),
    DealField("first_contact_inferred", "First contact estimated", FieldKind.FLAG,
              form=False,
              help="Yes: the imported file had no first-contact date for this deal, so"
                   " salesdesk took the day the record was created in the other program."),
    DealField("closed_on", "Closed on", FieldKind.DATE, (
        "close date", "closed", "closed date", "closing date", "date closed", "closed at",
        "closingdate", "abgeschlossen am", "abschlussdatum", "schlusstermin", "lezárva",
        "lezárás", "lezárás dátuma", "zárás dátuma", "zárás"),
        list_header="Closed"),
    DealField("expected_close", "Expected close", FieldKind.DATE, (
        "expected close date", "expected closing date", "expected closing",
        "erwarteter abschluss", "várható lezárás", "várható zárás",
        "várható lezárás dátuma")),
    DealField("next_step", "Next step", FieldKind.TEXT, (
        "next action", "next activity", "nächster schritt", "következő lépés")),
    DealField("amount", "Amount", FieldKind.AMOUNT, (
        "value", "deal value", "opportunity amount", "sum", "price", "revenue", "betrag",
        "wert", "összeg", "érték",
        # Odoo's deal value; last: Salesforce's is the amount times the probability.
        "expected revenue"),
        list_header="Amount"),
    DealField("currency", "Currency", FieldKind.CURRENCY, (
        "currency code", "currency iso code", "währung", "pénznem", "deviza")),
    DealField("lost_reason", "Lost reason", FieldKind.LOOKUP, (
        "reason lost", "loss reason", "closed lost reason", "verlustgrund",
        "grund für verlust", "elvesztés oka", "vesztés oka")),
    DealField("notes", "Notes", FieldKind.TEXT, (
        "note", "comments", "comment", "description", "beschreibung", "notiz", "megjegyzés",
        "leírás")),
    DealField("external_id", "ID in the source", FieldKind.TEXT, (
        "id", "record id", "deal id", "crm id", "opportunity id", "potential id",
        "azonosító"), form=False,
        help="The deal's number in the program or file it was imported from: importing that"
             " file again updates the deal instead of adding it twice."),
    DealField("lost_reason_note", "Lost reason details", FieldKind.TEXT, (
        "loss details", "lost details", "lost to", "elvesztés részletei"),
        help="What the lost reason was when it is 'Other', or which competitor won."),
    DealField("id", "Id", FieldKind.RECORD, form=False, imported=False, exported=False),
    DealField("created_at", "Created", FieldKind.RECORD, form=False, imported=False,
              exported=False),
    DealField("updated_at", "Updated", FieldKind.RECORD, form=False, imported=False,
              exported=False, list_header="Updated"),
)
"""Every field of a deal, in the order exports write them."""

FIELDS: Mapping[str, DealField] = {f.name: f for f in DEAL_FIELDS}
"""The fields by name."""
