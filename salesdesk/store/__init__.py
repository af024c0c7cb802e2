"""Everything that knows SQL: the schema, migrations and every read and write of a file.

This package is the store's one entry point: code outside it imports from ``salesdesk.store``
only (an import-linter contract forbids reaching into its modules). An open file is a
:class:`Store`, which hands out :attr:`Store.scorecards`, :attr:`Store.customers` and
:attr:`Store.backups`; files that are not open (a file to check before opening, a damaged
file's backups, a file to import) are served by the functions below. Errors are
:class:`StoreError` subclasses with a message for the user; SQLite's own errors never leave
the package for causes the machine explains.
"""

from salesdesk.store.backup_manifest import (
    BackupInfo,
    backup_folders_of,
    default_backup_folder,
    is_backup_folder,
    list_backups,
    recorded_checksum,
)
from salesdesk.store.backup_retention import backup_due
from salesdesk.store.backups import (
    Backups,
    Restored,
    newest_good_backup,
    restore_damaged,
    verify_backup,
)
from salesdesk.store.connection import check_file, check_writable, database_problems, quick_check
from salesdesk.store.csv_text import ENCODINGS, MIXED_ENCODING
from salesdesk.store.customers import Customers
from salesdesk.store.database import Store, open_store
from salesdesk.store.deal_list import DealColumn, DealListQuery, DealRow
from salesdesk.store.errors import (
    BackupRefused,
    CannotWrite,
    DiskFull,
    FileBusy,
    FileDamaged,
    FileReadOnly,
    FileRefused,
    FileTooNew,
    FileUnavailable,
    MigrationFailed,
    NameClash,
    NotFound,
    ReadOnly,
    StoreError,
    UnreadableFile,
)
from salesdesk.store.exporting import ExportCancelled, export_format
from salesdesk.store.import_files import Source, SourceOptions, open_source
from salesdesk.store.import_plan import ImportPlan
from salesdesk.store.import_presets import (
    PresetError,
    load_preset,
    save_preset,
    saved_presets,
)
from salesdesk.store.import_summary import ImportSummary
from salesdesk.store.importing import ImportCancelled, PreviewRow, plan_import, preview
from salesdesk.store.nps_import import NpsImportPlan, NpsImportSummary, plan_nps_import
from salesdesk.store.nps_responses import DealChoice
from salesdesk.store.privacy import ErasePreview
from salesdesk.store.rejected_rows import default_rejected_path
from salesdesk.store.scorecards import DecidedDeal, Scorecards

__all__ = [
    "ENCODINGS",
    "MIXED_ENCODING",
    "BackupInfo",
    "BackupRefused",
    "Backups",
    "CannotWrite",
    "Customers",
    "DealChoice",
    "DealColumn",
    "DealListQuery",
    "DealRow",
    "DecidedDeal",
    "DiskFull",
    "ErasePreview",
    "ExportCancelled",
    "FileBusy",
    "FileDamaged",
    "FileReadOnly",
    "FileRefused",
    "FileTooNew",
    "FileUnavailable",
    "ImportCancelled",
    "ImportPlan",
    "ImportSummary",
    "MigrationFailed",
    "NameClash",
    "NotFound",
    "NpsImportPlan",
    "NpsImportSummary",
    "PresetError",
    "PreviewRow",
    "ReadOnly",
    "Restored",
    "Scorecards",
    "Source",
    "SourceOptions",
    "Store",
    "StoreError",
    "UnreadableFile",
    "backup_due",
    "backup_folders_of",
    "check_file",
    "check_writable",
    "database_problems",
    "default_backup_folder",
    "default_rejected_path",
    "export_format",
    "is_backup_folder",
    "list_backups",
    "load_preset",
    "newest_good_backup",
    "open_source",
    "open_store",
    "plan_import",
    "plan_nps_import",
    "preview",
    "quick_check",
    "recorded_checksum",
    "restore_damaged",
    "save_preset",
    "saved_presets",
    "verify_backup",
]
