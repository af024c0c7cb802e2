"""What other CRMs really export, imported without a manual (issue 14): sample files written
here in the layouts of Zoho, Salesforce and Odoo exports, a headerless database dump with
\\N cells, German and Hungarian column names, month-name dates and currency symbols. Each
imports with the right fields, outcomes and currencies and no mapping given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salesdesk.currencies import currency_digits
from salesdesk.domain.deals import CustomerType, Deal, Outcome
from salesdesk.domain.validation import InputRules
from salesdesk.store import ImportSummary, SourceOptions, Store, plan_import

D = dt.date
TODAY = D(2026, 6, 1)
RULES = InputRules(currency_digits(), "EUR")

ZOHO = """\
Potential Id,Potential Name,Account Name,Potential Owner,Stage,Amount,Closing Date,\
Created Time,Lead Source,Type,Description
zcrm_4001,Harbour fleet tracking,Harbour Logistics,Nora Quist,Closed Won,"$22,700.00",\
"Apr 30, 2021","15 Apr, 2021 00:02:00",Trade Show,New Business,Signed at the fair
zcrm_4002,Mill payroll,Eastmill Textiles,Ivo Brandt,Closed Lost to Competition,"$9,150.50",\
"May 12, 2021","02 Mar, 2021 14:30:00",Web Site,-None-,
zcrm_4003,Quay sensors,Harbour Logistics,Nora Quist,Negotiation/Review,"$4,000.00",\
"Jul 01, 2021","20 May, 2021 09:15:00",Partner,Existing Business,
zcrm_4004,Depot renewal,Harbour Logistics,Ivo Brandt,Closed Won,"$3,100.00",\
"Jun 03, 2021","01 Jun, 2021 11:00:00",Partner,Renewal,
"""

SALESFORCE = """\
Id,OpportunityName,AccountName,OwnerName,StageName,Amount,CurrencyIsoCode,CloseDate,\
CreatedDate,IsWon,IsClosed,LeadSource,Type,NextStep
0065g00000AAA01,Kiln retrofit,Ostwald Ceramics,Ada Mertens,Contract signed,1200.00,EUR,\
2021-05-20,2021-04-15T08:00:00.000Z,true,true,Referral,New Business,
0065g00000AAA02,Glaze line,Ostwald Ceramics,Ada Mertens,Dropped,800.00,EUR,2021-06-02,\
2021-04-20T10:30:00.000Z,false,true,Web,Existing Business,
0065g00000AAA03,Dryer upgrade,Baltic Bricks,Jonas Vey,Proposal/Price Quote,2500.00,USD,\
2021-09-30,2021-05-02T12:00:00.000Z,false,false,Web,New Business,Send the quote
"""

ODOO = """\
Opportunity,Customer,Salesperson,Stage,Expected Revenue,Expected Closing,Created on,\
Lost Reason
Bakery ovens,Kovács Pékség,Réka Farkas,Won,22 700 Ft,04/30/2021,04/12/2021 09:30:00,
Cold room,Szabó Hűtés,Réka Farkas,Qualified,"1 200,00 €",06/15/2021,04/25/2021 16:05:00,\
Too expensive
Delivery vans,Tóth Fuvar,Bence Lakatos,Proposition,"350,00 €",07/01/2021,05/03/2021 08:00:00,
"""

DUMP = """\
4001,POT1,Harbour fleet tracking,\\N,22700.00,2021-04-30,Closed Won,2021-04-15 09:12:00,\
2021-05-02 10:00:00
4002,POT2,Mill payroll,\\N,9150.50,2021-05-12,Closed Lost,2021-03-02 14:30:00,\
2021-05-13 08:00:00
4003,POT3,Quay sensors,NULL,4000.00,2021-07-01,Prospecting,2021-05-20 09:15:00,\
2021-05-21 09:00:00
4004,POT4,Depot renewal,\\N,\\N,2021-06-03,Closed Won,2021-06-01 11:00:00,\
2021-06-04 12:00:00
"""

HUNGARIAN = """\
Lehetőség neve;Ügyfél;Tulajdonos;Szakasz;Összeg;Lezárás dátuma;Létrehozás dátuma;Típus
Pékség kemencék;Kovács Pékség;Farkas Réka;Megnyert;22 700 Ft;2021. április 30.;\
2021. április 12.;Új ügyfél
Hűtőkamra;Szabó Hűtés;Farkas Réka;Elveszett;1 200 000 Ft;2021. június 15.;\
2021. április 25.;Meglévő ügyfél
"""

GERMAN = """\
Name der Verkaufschance;Accountname;Inhaber;Phase;Betrag;Schlusstermin;Erstelldatum;Typ
Ofenanlage;Müller Bäckerei GmbH;Jana Weiß;Geschlossen und gewonnen;"1.200,00 €";\
15. März 2021;1. Februar 2021;Neugeschäft
Kühlraum;Schulz KG;Jana Weiß;Verhandlung;"EUR 3.400,00";30. Juni 2021;10. März 2021;\
Bestandskunde
"""


def _import(store: Store, path: Path, text: str, *, encoding: str = "utf-8",
            no_header: bool = False) -> ImportSummary:
    path.write_text(text, encoding=encoding)
    plan = plan_import(path, SourceOptions(no_header=no_header))
    assert not plan.missing and not plan.headerless, plan.notes
    summary = store.import_deals(plan, RULES, TODAY)
    assert summary.rejected == 0, summary.notes
    return summary


def _deals(store: Store) -> dict[str, Deal]:
    ids = [row[0] for row in store.db.execute("SELECT id FROM deals ORDER BY id")]
    return {deal.title: deal for deal in map(store.deal, ids)}


def test_a_zoho_potentials_export(store: Store, tmp_path: Path) -> None:
    summary = _import(store, tmp_path / "Potentials.csv", ZOHO)
    assert summary.mapping == {
        "title": "Potential Name", "client": "Account Name", "rep": "Potential Owner",
        "channel": "Lead Source", "customer_type": "Type", "stage": "Stage",
        "closed_on": "Closing Date", "expected_close": "Closing Date", "amount": "Amount",
        "notes": "Description", "external_id": "Potential Id"}
    deals = _deals(store)
    won = deals["Harbour fleet tracking"]
    assert (won.outcome, won.client, won.rep, won.channel) == (
        Outcome.WON, "Harbour Logistics", "Nora Quist", "Trade Show")
    assert (won.amount, won.currency) == (2_270_000, "USD")  # never dollars as euros
    assert (won.first_contact, won.closed_on, won.expected_close) == (D(2021, 4, 15),
                                                                      D(2021, 4, 30), None)
    assert won.first_contact_inferred and won.external_id == "zcrm_4001"
    assert won.customer_type is CustomerType.NEW and won.customer_type_set
    lost = deals["Mill payroll"]
    assert (lost.outcome, lost.amount, lost.closed_on) == (Outcome.LOST, 915_050,
                                                           D(2021, 5, 12))
    assert not lost.customer_type_set  # "-None-" is Zoho's blank
    open_ = deals["Quay sensors"]
    assert (open_.outcome, open_.stage, open_.closed_on, open_.expected_close) == (
        Outcome.OPEN, "Negotiation/Review", None, D(2021, 7, 1))
    assert deals["Depot renewal"].customer_type is CustomerType.CURRENT  # Renewal
    assert any("USD 4 rows" in note for note in summary.notes)


def test_a_salesforce_opportunities_export(store: Store, tmp_path: Path) -> None:
    summary = _import(store, tmp_path / "Opportunities.csv", SALESFORCE)
    assert summary.mapping["stage"] == "StageName"
    assert summary.mapping["title"] == "OpportunityName"
    assert summary.mapping["closed_on"] == summary.mapping["expected_close"] == "CloseDate"
    assert summary.mapping["currency"] == "CurrencyIsoCode"
    deals = _deals(store)
    # Custom stage names: the Won and Closed columns say the outcome.
    signed, dropped, quote = (deals["Kiln retrofit"], deals["Glaze line"],
                              deals["Dryer upgrade"])
    assert (signed.outcome, dropped.outcome, quote.outcome) == (Outcome.WON, Outcome.LOST,
                                                                Outcome.OPEN)
    assert (signed.first_contact, signed.closed_on) == (D(2021, 4, 15), D(2021, 5, 20))
    assert (quote.expected_close, quote.closed_on, quote.next_step) == (
        D(2021, 9, 30), None, "Send the quote")
    assert (quote.amount, quote.currency) == (250_000, "USD")
    assert dropped.customer_type is CustomerType.CURRENT and signed.rep == "Ada Mertens"
    assert any("'IsWon' and 'IsClosed'" in note for note in summary.notes)


def test_an_odoo_pipeline_export(store: Store, tmp_path: Path) -> None:
    summary = _import(store, tmp_path / "crm.lead.csv", ODOO)
    assert summary.mapping == {
        "title": "Opportunity", "client": "Customer", "rep": "Salesperson", "stage": "Stage",
        "expected_close": "Expected Closing", "amount": "Expected Revenue",
        "lost_reason": "Lost Reason"}
    deals = _deals(store)
    ovens, cold, vans = deals["Bakery ovens"], deals["Cold room"], deals["Delivery vans"]
    assert (ovens.amount, ovens.currency) == (22_700, "HUF")  # each row its currency
    assert (cold.amount, cold.currency) == (120_000, "EUR")
    assert (vans.amount, vans.currency, vans.outcome) == (35_000, "EUR", Outcome.OPEN)
    assert ovens.first_contact == D(2021, 4, 12) and vans.expected_close == D(2021, 7, 1)
    # Odoo keeps a lost deal's stage and gives a lost reason.
    assert (cold.outcome, cold.lost_reason) == (Outcome.LOST, "Too expensive")
    # Odoo writes no close date: decided deals without one count in conversion only.
    assert ovens.outcome is Outcome.WON and ovens.closed_on is None
    assert summary.undated == 2
    assert "closed_on" in summary.unmapped
    assert any("with a lost reason and no won or lost outcome" in n for n in summary.notes)


def test_a_headerless_database_dump(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "vtiger_potential.csv"
    path.write_text(DUMP, encoding="utf-8")
    flagged = plan_import(path)
    assert flagged.headerless
    summary = _import(store, path, DUMP, no_header=True)
    assert summary.mapping == {
        "external_id": "column 1", "title": "column 3", "amount": "column 5",
        "closed_on": "column 6", "expected_close": "column 6", "stage": "column 7"}
    assert any("No header row" in note and "column 8 → created" in note
               for note in summary.notes)
    deals = _deals(store)
    fleet = deals["Harbour fleet tracking"]
    assert (fleet.outcome, fleet.amount, fleet.external_id) == (Outcome.WON, 2_270_000,
                                                                "4001")
    assert (fleet.first_contact, fleet.closed_on) == (D(2021, 4, 15), D(2021, 4, 30))
    assert deals["Depot renewal"].amount is None  # \\N is no amount, not a rejected one
    assert deals["Mill payroll"].outcome is Outcome.LOST
    assert deals["Quay sensors"].stage == "Prospecting"


@pytest.mark.parametrize(("text", "encoding"), [(HUNGARIAN, "utf-8"), (GERMAN, "cp1252")])
def test_hungarian_and_german_column_names(store: Store, tmp_path: Path, text: str,
                                           encoding: str) -> None:
    summary = _import(store, tmp_path / "export.csv", text, encoding=encoding)
    assert {"title", "client", "rep", "stage", "amount", "closed_on",
            "customer_type"} <= set(summary.mapping)
    won, other = _deals(store).values()
    assert won.outcome is Outcome.WON and won.customer_type is CustomerType.NEW
    assert other.customer_type is CustomerType.CURRENT
    if text is HUNGARIAN:
        assert (won.amount, won.currency) == (22_700, "HUF")  # forints have no fillér
        assert (won.first_contact, won.closed_on) == (D(2021, 4, 12), D(2021, 4, 30))
        assert other.outcome is Outcome.LOST
    else:
        assert (won.amount, won.currency, won.client) == (120_000, "EUR",
                                                          "Müller Bäckerei GmbH")
        assert (won.first_contact, won.closed_on) == (D(2021, 2, 1), D(2021, 3, 15))
        assert (other.outcome, other.amount, other.expected_close) == (
            Outcome.OPEN, 340_000, D(2021, 6, 30))
