"""The Store: one open database file and every operation on it, each in one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from salesdesk.domain.columns import DealColumns
from salesdesk.domain.deals import Deal, DealSnapshot, LookupKind, StageEvent
from salesdesk.domain.lookups import LookupItem, MergeRecord
from salesdesk.domain.settings import BusinessSettings
from salesdesk.domain.validation import InputRules
from salesdesk.files import replacing
from salesdesk.i18n import translate
from salesdesk.store import (
    backups,
    columns,
    deal_list,
    deals,
    exporting,
    importing,
    lookups,
    privacy,
)
from salesdesk.store.backup_manifest import backup_folder
from salesdesk.store.backups import Backups
from salesdesk.store.connection import (
    check_file,
    check_writable,
    connect,
    database_problems,
    needs_migration,
    prepare,
)
from salesdesk.store.connection import quick_check as run_quick_check
from salesdesk.store.customers import Customers
from salesdesk.store.deal_list import DealListQuery, DealRow
from salesdesk.store.errors import FileRefused, MigrationFailed, StoreError, translates_errors
from salesdesk.store.facade import Facade
from salesdesk.store.import_plan import ImportPlan
from salesdesk.store.import_summary import ImportSummary
from salesdesk.store.scorecards import Scorecards
from salesdesk.store.settings import (
    load_settings,
    load_view_state,
    save_settings,
    save_view_state,
)


@translates_errors
class Store(Facade):
    """An open salesdesk file.

    Writers hold the file's lock (locking.py) before opening it; read-only stores refuse every
    write with ReadOnly. Methods that write run inside one ``db.atomic()`` transaction. The
    scorecard tables, the customer tables and the file's backups have facades of their own:
    :attr:`scorecards`, :attr:`customers` and :attr:`backups`.
    """

    @cached_property
    def scorecards(self) -> Scorecards:
        """Templates, assessments and preparation sheets of this file."""
        return Scorecards(self.path, self.db, read_only=self.read_only)

    @cached_property
    def customers(self) -> Customers:
        """NPS survey responses, touchpoint changes and competitor notes of this file."""
        return Customers(self.path, self.db, read_only=self.read_only)

    @cached_property
    def backups(self) -> Backups:
        """This file's backups: taking, listing and restoring them."""
        return Backups(self.path, self.db, read_only=self.read_only)

    # --- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    def checkpoint(self) -> None:
        """Move every committed change from the ``-wal`` into the file itself (before the
        file is copied or moved as a file); StoreError when another connection keeps it
        from completing."""
        if self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
            raise StoreError(translate(
                "Store", "{name} is in use by another program; its latest changes could not be"
                " written into the file itself.").format(name=self.path.name))

    def reopen(self) -> Store:
        """Another connection to the same file, for a worker thread (create it in that thread:
        SQLite connections belong to the thread that made them). The caller already holds
        the writer's lock for a writable store; close the new store when done."""
        return Store(self.path, connect(self.path, read_only=self.read_only),
                     read_only=self.read_only)

    # --- settings ------------------------------------------------------------------------

    def settings(self) -> BusinessSettings:
        """The business settings stored in the file."""
        return load_settings(self.db)

    def save_settings(self, settings: BusinessSettings) -> None:
        """Replace the business settings."""
        save_settings(self._writable(), settings)

    def view_state(self, name: str) -> str | None:
        """How this file was last shown in the view ``name`` (the Funnel tab's slice, say),
        None when never saved: kept in the file, not on the computer, so one file's filters
        never apply to another."""
        return load_view_state(self.db, name)

    def save_view_state(self, name: str, value: str) -> None:
        """Remember how the view ``name`` shows this file."""
        save_view_state(self._writable(), name, value)

    # --- deals ---------------------------------------------------------------------------

    def deal(self, deal_id: int) -> Deal:
        """One deal; raises NotFound when it was deleted."""
        return deals.get(self.db, deal_id)

    def snapshot(self, deal_id: int) -> DealSnapshot:
        """A deal with its stage history, for undo."""
        return deals.snapshot(self.db, deal_id)

    def stage_events(self, deal_id: int) -> tuple[StageEvent, ...]:
        """The stages a deal reached and when."""
        return deals.stage_events(self.db, deal_id)

    def add_deal(self, deal: Deal, today: dt.date) -> tuple[int, list[tuple[LookupKind, str]]]:
        """Add a deal; return its id and the list values it created."""
        return deals.insert(self._writable(), deal, today)

    def update_deal(self, deal_id: int, deal: Deal, today: dt.date) -> list[tuple[LookupKind, str]]:
        """Save a deal's fields; return the list values created."""
        return deals.update(self._writable(), deal_id, deal, today)

    def set_stage(self, deal_id: int, stage: str, today: dt.date) -> None:
        """Move a deal to another stage, recording the step."""
        deals.set_stage(self._writable(), deal_id, stage, today)

    def delete_deal(self, deal_id: int, today: dt.date) -> DealSnapshot:
        """Delete a deal; return the snapshot that restores it."""
        return deals.delete(self._writable(), deal_id, today)

    def delete_deals(self, deal_ids: Iterable[int], today: dt.date) -> list[DealSnapshot]:
        """Delete several deals in one transaction; return their snapshots."""
        db = self._writable()
        with db.atomic():
            return [deals.delete(db, deal_id, today) for deal_id in deal_ids]

    def restore_deal(self, saved: DealSnapshot, today: dt.date) -> None:
        """Put a deal back exactly as it was."""
        deals.restore(self._writable(), saved, today)

    def restore_deals(self, saved: Iterable[DealSnapshot], today: dt.date) -> None:
        """Put several deals back in one transaction."""
        db = self._writable()
        with db.atomic():
            for snapshot in saved:
                deals.restore(db, snapshot, today)

    def add_deals(self, new_deals: Iterable[Deal], today: dt.date,
                  histories: Sequence[Sequence[StageEvent]] | None = None) -> int:
        """Add many deals in one transaction."""
        return deals.insert_many(self._writable(), new_deals, today, histories)

    def list_count(self, query: DealListQuery) -> int:
        """How many deals the Deals list shows for ``query``."""
        return deal_list.count(self.db, query)

    def list_count_up_to(self, query: DealListQuery, limit: int) -> int:
        """How many deals the Deals list shows for ``query``, counted no further than
        ``limit`` (``limit`` then means "at least that many"); cheap when most deals match."""
        return deal_list.count_up_to(self.db, query, limit)

    def list_rows(self, query: DealListQuery, offset: int, limit: int) -> list[DealRow]:
        """A page of the Deals list."""
        return deal_list.fetch(self.db, query, offset, limit)

    def deal_columns(self, deal_ids: Iterable[int] | None = None,
                     client_ids: Iterable[int] = ()) -> DealColumns:
        """Every deal, or the given ones still present plus every deal of their clients (and
        of ``client_ids``), as packed integer columns for the analytics cache. Read-only, so
        a worker may call it on its own read-only store."""
        return columns.deal_columns(self.db, deal_ids, client_ids)

    def import_deals(self, plan: ImportPlan, input_rules: InputRules,
                     today: dt.date, **options: Any) -> ImportSummary:
        """Import the rows of ``plan`` in one transaction (see importing.run_import for the
        options: on_duplicate, rejected_path, dry_run, progress, cancelled)."""
        return importing.run_import(self._writable(), plan, input_rules, today=today,
                                    **options)

    def export_deals(self, destination: Path, currency_digits: Mapping[str, int], *,
                     filters: Mapping[str, Sequence[str]] | None = None,
                     deal_ids: Iterable[int] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> int:
        """Write deals to a CSV or XLSX file; return how many (see exporting.export_deals for
        progress and cancelled)."""
        return exporting.export_deals(self.db, destination, currency_digits, filters=filters,
                                      deal_ids=deal_ids, progress=progress,
                                      cancelled=cancelled)

    # --- lookup lists --------------------------------------------------------------------

    def names(self, kind: LookupKind, *, include_retired: bool = False) -> list[str]:
        """Values offered by pickers (retired ones hidden unless asked)."""
        return lookups.names(self.db, kind, include_retired=include_retired)

    def lookup_items(self, kind: LookupKind) -> list[LookupItem]:
        """Every value of a list with its deal count."""
        return lookups.items(self.db, kind)

    def add_lookup(self, kind: LookupKind, name: str) -> int:
        """Create a list value."""
        return lookups.add(self._writable(), kind, name)

    def rename_lookup(self, kind: LookupKind, item_id: int, name: str) -> str:
        """Rename a list value; return the old name."""
        return lookups.rename(self._writable(), kind, item_id, name)

    def set_lookup_retired(self, kind: LookupKind, item_id: int, retired: bool) -> None:
        """Retire a value (hidden from pickers) or bring it back."""
        lookups.set_retired(self._writable(), kind, item_id, retired)

    def merge_lookup(self, kind: LookupKind, source_id: int, target_id: int) -> MergeRecord:
        """Move every deal of one value to another and drop the first."""
        return lookups.merge(self._writable(), kind, source_id, target_id)

    def unmerge_lookup(self, record: MergeRecord) -> None:
        """Undo a merge."""
        lookups.unmerge(self._writable(), record)

    def delete_lookup(self, kind: LookupKind, item_id: int) -> None:
        """Remove a value that no deal refers to."""
        name = lookups.item(self.db, kind, item_id).name
        if not lookups.delete_if_unused(self._writable(), kind, name):
            raise StoreError(translate(
                "Store", "{name} is used by deals: retire or merge it instead.").format(name=name))

    def delete_unused_lookups(self, created: Iterable[tuple[LookupKind, str]]) -> None:
        """Remove values created by an undone save, when no deal uses them any more."""
        db = self._writable()
        for kind, name in created:
            lookups.delete_if_unused(db, kind, name)

    def set_client_contact(self, client_id: int, person: str, email: str, phone: str) -> None:
        """Store a client's contact details."""
        lookups.set_contact(self._writable(), client_id, person, email, phone)

    def stage_order(self) -> list[int]:
        """Stage ids in pipeline order."""
        return lookups.stage_order(self.db)

    def set_stage_order(self, stage_ids: Iterable[int]) -> None:
        """Reorder the pipeline."""
        lookups.set_stage_order(self._writable(), stage_ids)

    # --- copies, checks and privacy ---------------------------------------------------

    def save_copy(self, destination: Path) -> None:
        """Write a consistent copy of the file through SQLite's online backup API.

        The copy is written to a temporary file beside the destination, fsynced, then renamed
        into place, so a failure never leaves a half-written file.
        """
        destination = destination.resolve()
        if destination == self.path.resolve():
            raise StoreError(translate(
                "Store", "Choose another name: this is the file that is open."))
        with replacing(destination, prefix=".salesdesk-copy-") as temp:
            backups.copy_database(self.db.conn, temp)

    @property
    def needs_upgrade(self) -> bool:
        """True when the file was written by an older salesdesk and has not been migrated
        yet (only a writable open migrates it)."""
        return needs_migration(self.db)

    def check(self) -> list[str]:
        """Problems found by ``integrity_check`` and ``foreign_key_check`` (none: healthy)."""
        return database_problems(self.path)

    def erase_preview(self, name: str) -> privacy.ErasePreview:
        """What erasing the client ``name`` would change (NotFound when there is none)."""
        return privacy.preview_erase(self.db, name)

    def erase_client(self, name: str) -> str:
        """Erase a client's personal data (see privacy.erase_client); return its new label."""
        return privacy.erase_client(self._writable(), name)


def open_store(path: Path, *, read_only: bool = False,
               base_currency: str | None = None, quick_check: bool = True,
               data_dir: Path | None = None) -> Store:
    """Check ``path`` read-only, then open (creating or migrating) it.

    A new file records ``base_currency`` (when given) in its settings. Raises FileRefused for
    a file salesdesk must not write to (FileDamaged when ``quick_check`` finds it damaged:
    the GUI runs that check in a worker first and passes False); its bytes stay unchanged.
    An older file is backed up into its backup folder (under ``data_dir``) before it is
    migrated, and put back from that backup when a migration fails (MigrationFailed).
    """
    is_new = check_file(path)
    if not read_only:
        check_writable(path)
    if quick_check and not is_new:
        run_quick_check(path)
    if read_only:
        if is_new:
            raise FileRefused(translate("Database", "{name} does not exist or is empty."
                                        ).format(name=path.name))
        return Store(path, connect(path, read_only=True), read_only=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
    except (OSError, sqlite3.Error) as exc:
        raise FileRefused(translate("Database", "{name} cannot be opened for writing: {error}."
                                    ).format(name=path.name, error=exc)) from exc
    try:
        _migrate(path, db, is_new, data_dir)
        store = Store(path, db, read_only=False)
        if is_new and base_currency:
            store.save_settings(BusinessSettings(base_currency=base_currency))
    except StoreError:
        db.conn.close()
        raise
    except sqlite3.Error as exc:
        db.conn.close()
        raise FileRefused(translate("Database", "{name} could not be prepared: {error}."
                                    ).format(name=path.name, error=exc)) from exc
    return store


def _migrate(path: Path, db: Database, is_new: bool, data_dir: Path | None) -> None:
    """prepare() the file, after a backup when it has migrations to run (sqlite-utils commits
    each migration on its own, so that backup is the only undo of a failed upgrade)."""
    if is_new or not needs_migration(db):
        prepare(db)
        return
    try:
        folder = backup_folder(path, load_settings(db), data_dir)
        before = backups.take_backup(db.conn, path, folder, reason="before upgrade")
    except (OSError, StoreError) as exc:
        raise FileRefused(translate(
            "Database", "{name} needs an upgrade, but it was not changed because no backup"
            " could be taken first: {error}").format(name=path.name, error=exc)) from exc
    try:
        prepare(db)
    except Exception as exc:  # whatever a migration raises, the backup undoes it
        if db.conn.in_transaction:
            db.conn.rollback()
        backups.restore_into(db.conn, before.path)
        raise MigrationFailed(translate(
            "Database", "Upgrading {name} failed ({error}). It was put back as it was before"
            " the upgrade from the backup {backup}; nothing was lost.").format(
                name=path.name, error=exc, backup=before.path)) from exc
