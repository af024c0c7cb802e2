"""The store's columns, the export and the Deals list follow the declared deal fields."""

from __future__ import annotations

from salesdesk.domain.fields import DEAL_FIELDS, FieldKind
from salesdesk.domain.importing import ColumnMapping, detect_mapping
from salesdesk.store import DealColumn, Store
from salesdesk.store.deals import DEAL_COLUMNS
from salesdesk.store.exporting import EXPORT_COLUMNS
from salesdesk.store.importing import updated_columns

# The columns exports have written since the first version: a file format. Files exported
# before must import back the same, so these stay, by these names and in this order.
WRITTEN_BEFORE = (
    "title", "client", "rep", "product", "channel", "region", "audience", "customer_type",
    "customer_type_set", "stage", "outcome", "first_contact", "first_contact_inferred",
    "closed_on", "expected_close", "next_step", "amount", "currency", "lost_reason", "notes",
    "external_id",
)


def test_exports_write_the_exported_fields_in_the_declared_order() -> None:
    assert tuple(f.name for f in DEAL_FIELDS if f.exported) == EXPORT_COLUMNS
    assert [c for c in EXPORT_COLUMNS if c in WRITTEN_BEFORE] == list(WRITTEN_BEFORE)


def test_an_export_header_maps_back_to_its_fields() -> None:
    assert detect_mapping(list(EXPORT_COLUMNS)).columns == {c: c for c in EXPORT_COLUMNS}


def test_every_column_of_the_deals_table_is_written_from_a_field(store: Store) -> None:
    table = [row[1] for row in store.db.execute("PRAGMA table_info(deals)").fetchall()]
    records = [f.name for f in DEAL_FIELDS if f.kind is FieldKind.RECORD]
    assert sorted(table) == sorted((*DEAL_COLUMNS, *records))


def test_an_update_from_a_file_with_every_field_changes_every_column() -> None:
    every = ColumnMapping(columns={f.name: f.name for f in DEAL_FIELDS if f.imported})
    assert updated_columns(every) == frozenset(DEAL_COLUMNS)


def test_the_deals_list_shows_the_fields_declared_for_it() -> None:
    assert {c.value for c in DealColumn} == {f.name for f in DEAL_FIELDS if f.list_header}
