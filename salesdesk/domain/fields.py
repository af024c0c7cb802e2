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
from salesdesk.i18n import QT_TRANSLATE_NOOP, translate


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
    def caption(self) -> str:
        """``label`` in the language shown (``label`` itself stays English: imports match it)."""
        return translate("DealField", self.label)

    @property
    def header_caption(self) -> str | None:
        """``list_header`` in the language shown."""
        return None if self.list_header is None else translate("DealField", self.list_header)

    @property
    def help_text(self) -> str:
        """``help`` in the language shown."""
        return translate("DealField", self.help) if self.help else ""

    @property
    def lookup(self) -> LookupKind | None:
        """The lookup list a LOOKUP field names a value of (its value is the field's name)."""
        return LookupKind(self.name) if self.kind is FieldKind.LOOKUP else None


DEAL_FIELDS: tuple[DealField, ...] = (
    DealField("title", QT_TRANSLATE_NOOP("DealField", "Title"), FieldKind.TITLE, (
        "deal", "deal name", "deal title", "name", "subject", "opportunity", "opportunity name",
        "potential name", "potential", "potentialname", "titel", "verkaufschance",
        "name der verkaufschance", "cím", "megnevezés", "üzlet", "lehetőség",
        "lehetőség neve", "üzleti lehetőség"), list_header=QT_TRANSLATE_NOOP("DealField", "Title")),
    DealField("client", QT_TRANSLATE_NOOP("DealField", "Client"), FieldKind.LOOKUP, (
        "company", "customer", "organization", "organisation", "account", "account name",
        "accountname", "client name", "company name", "customer name", "kunde", "firma",
        "firmenname", "kundenname", "ügyfél", "cég", "partner", "fiók", "fiók neve",
        "ügyfél neve", "cégnév"), list_header=QT_TRANSLATE_NOOP("DealField", "Client")),
    DealField("rep", QT_TRANSLATE_NOOP("DealField", "Salesperson"), FieldKind.LOOKUP, (
        "sales person", "sales rep", "owner", "deal owner", "owner name", "opportunity owner",
        "potential owner", "assigned to", "seller", "sales manager", "verkäufer",
        "vertriebler", "inhaber", "besitzer", "verantwortlicher", "opportunity inhaber",
        "verkaufschancen inhaber", "értékesítő", "üzletkötő", "tulajdonos", "felelős"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Salesperson")),
    DealField("product", QT_TRANSLATE_NOOP("DealField", "Product"), FieldKind.LOOKUP, (
        "product name", "item", "service", "produkt", "produktname", "termék", "szolgáltatás"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Product")),
    DealField("channel", QT_TRANSLATE_NOOP("DealField", "Channel"), FieldKind.LOOKUP, (
        "source", "lead source", "leadsource", "source channel", "quelle", "lead quelle",
        "leadquelle", "csatorna", "forrás", "lead forrás")),
    DealField("region", QT_TRANSLATE_NOOP("DealField", "Region"), FieldKind.LOOKUP, (
        "area", "territory", "country", "gebiet", "land", "régió", "terület", "ország")),
    DealField("audience", QT_TRANSLATE_NOOP("DealField", "Target audience"), FieldKind.LOOKUP,
              ("segment", "célcsoport")),
    DealField("customer_type", QT_TRANSLATE_NOOP("DealField", "Customer type"),
              FieldKind.CUSTOMER_TYPE, (
        "deal type", "client type", "type", "opportunity type", "potential type", "typ",
        "kundentyp", "ügyféltípus", "típus")),
    DealField("customer_type_set", QT_TRANSLATE_NOOP("DealField", "Customer type kept as given"),
              FieldKind.FLAG, form=False, help=QT_TRANSLATE_NOOP(
                  "DealField", "Yes: the customer type was chosen in the deal form or read from"
                  " an imported column, and salesdesk keeps it. No: salesdesk works it out (a"
                  " current customer won a deal before this one's first contact).")),
    DealField("stage", QT_TRANSLATE_NOOP("DealField", "Stage"), FieldKind.LOOKUP, (
        "deal stage", "pipeline stage", "sales stage", "stage name", "opportunity stage",
        "phase", "verkaufsphase", "stufe", "szakasz", "fázis", "értékesítési szakasz"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Stage")),
    DealField("outcome", QT_TRANSLATE_NOOP("DealField", "Outcome"), FieldKind.OUTCOME, (
        "status", "result", "state", "won/lost", "deal status", "ergebnis", "eredmény",
        "státusz", "állapot"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Outcome")),
    DealField("first_contact", QT_TRANSLATE_NOOP("DealField", "First contact"), FieldKind.DATE,
              (
        "first contact date", "first contacted", "start date", "started", "opened",
        "erstkontakt", "erster kontakt", "első kapcsolat", "első kapcsolatfelvétel"),
        list_header=QT_TRANSLATE_NOOP("DealField", "First contact")),
    DealField("first_contact_inferred",
              QT_TRANSLATE_NOOP("DealField", "First contact estimated"), FieldKind.FLAG,
              form=False, help=QT_TRANSLATE_NOOP(
                  "DealField", "Yes: the imported file had no first-contact date for this deal,"
                  " so salesdesk took the day the record was created in the other program.")),
    DealField("closed_on", QT_TRANSLATE_NOOP("DealField", "Closed on"), FieldKind.DATE, (
        "close date", "closed", "closed date", "closing date", "date closed", "closed at",
        "closingdate", "abgeschlossen am", "abschlussdatum", "schlusstermin", "lezárva",
        "lezárás", "lezárás dátuma", "zárás dátuma", "zárás"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Closed")),
    DealField("expected_close", QT_TRANSLATE_NOOP("DealField", "Expected close"), FieldKind.DATE, (
        "expected close date", "expected closing date", "expected closing",
        "erwarteter abschluss", "várható lezárás", "várható zárás",
        "várható lezárás dátuma")),
    DealField("next_step", QT_TRANSLATE_NOOP("DealField", "Next step"), FieldKind.TEXT, (
        "next action", "next activity", "nächster schritt", "következő lépés")),
    DealField("amount", QT_TRANSLATE_NOOP("DealField", "Amount"), FieldKind.AMOUNT, (
        "value", "deal value", "opportunity amount", "sum", "price", "revenue", "betrag",
        "wert", "összeg", "érték",
        # Odoo's deal value; last: Salesforce's is the amount times the probability.
        "expected revenue"),
        list_header=QT_TRANSLATE_NOOP("DealField", "Amount")),
    DealField("currency", QT_TRANSLATE_NOOP("DealField", "Currency"), FieldKind.CURRENCY, (
        "currency code", "currency iso code", "währung", "pénznem", "deviza")),
    DealField("lost_reason", QT_TRANSLATE_NOOP("DealField", "Lost reason"), FieldKind.LOOKUP, (
        "reason lost", "loss reason", "closed lost reason", "verlustgrund",
        "grund für verlust", "elvesztés oka", "vesztés oka")),
    DealField("notes", QT_TRANSLATE_NOOP("DealField", "Notes"), FieldKind.TEXT, (
        "note", "comments", "comment", "description", "beschreibung", "notiz", "megjegyzés",
        "leírás")),
    DealField("external_id", QT_TRANSLATE_NOOP("DealField", "ID in the source"), FieldKind.TEXT, (
        "id", "record id", "deal id", "crm id", "opportunity id", "potential id",
        "azonosító"), form=False, help=QT_TRANSLATE_NOOP(
            "DealField", "The deal's number in the program or file it was imported from:"
            " importing that file again updates the deal instead of adding it twice.")),
    DealField("lost_reason_note", QT_TRANSLATE_NOOP("DealField", "Lost reason details"),
              FieldKind.TEXT, ("loss details", "lost details", "lost to", "elvesztés részletei"),
              help=QT_TRANSLATE_NOOP("DealField", "What the lost reason was when it is 'Other',"
                                     " or which competitor won.")),
    DealField("id", QT_TRANSLATE_NOOP("DealField", "Id"), FieldKind.RECORD, form=False,
              imported=False, exported=False),
    DealField("created_at", QT_TRANSLATE_NOOP("DealField", "Created"), FieldKind.RECORD,
              form=False, imported=False, exported=False),
    DealField("updated_at", QT_TRANSLATE_NOOP("DealField", "Updated"), FieldKind.RECORD,
              form=False, imported=False, exported=False,
              list_header=QT_TRANSLATE_NOOP("DealField", "Updated")),
)
"""Every field of a deal, in the order exports write them."""

FIELDS: Mapping[str, DealField] = {f.name: f for f in DEAL_FIELDS}
"""The fields by name."""
