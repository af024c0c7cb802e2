"""The deal's fields are declared once: the declaration, Deal, the form's draft and the importer
agree."""

from __future__ import annotations

from dataclasses import fields

from salesdesk.domain.deals import Deal, LookupKind
from salesdesk.domain.fields import DEAL_FIELDS, FIELDS, FieldKind
from salesdesk.domain.importing import IMPORT_FIELDS, detect_mapping
from salesdesk.domain.importing.mapping import normalise_header
from salesdesk.domain.validation import FIELD_LABELS, DealDraft


def test_every_attribute_of_a_deal_is_declared_once() -> None:
    names = [f.name for f in DEAL_FIELDS]
    assert len(names) == len(set(names)) == len(FIELDS)
    assert set(names) == {f.name for f in fields(Deal)}


def test_the_form_holds_the_fields_declared_for_it() -> None:
    assert [f.name for f in fields(DealDraft)] == list(FIELD_LABELS)


def test_each_lookup_list_is_named_by_one_field() -> None:
    lookups = [f.lookup for f in DEAL_FIELDS if f.kind is FieldKind.LOOKUP]
    assert sorted(lookups) == sorted(LookupKind)
    assert all(f.lookup is None for f in DEAL_FIELDS if f.kind is not FieldKind.LOOKUP)


def test_the_importer_offers_exactly_the_imported_fields() -> None:
    assert sorted(IMPORT_FIELDS) == sorted(f.name for f in DEAL_FIELDS if f.imported)


def test_a_plain_file_is_recognised_by_every_name_label_and_synonym() -> None:
    # Each spelling maps to its own field only: no header stands for two fields.
    for declared in DEAL_FIELDS:
        if not declared.imported:
            continue
        for header in (declared.name, declared.label, *declared.synonyms):
            expected = {declared.name: header.upper()}
            if declared.name == "closed_on":  # also the expected close of open deals
                expected["expected_close"] = header.upper()
            assert detect_mapping([header.upper()]).columns == expected


def test_synonyms_are_further_spellings() -> None:
    for declared in DEAL_FIELDS:
        own = {normalise_header(declared.name), normalise_header(declared.label)}
        synonyms = [normalise_header(s) for s in declared.synonyms]
        assert len(set(synonyms)) == len(synonyms) and not own & set(synonyms), declared.name
