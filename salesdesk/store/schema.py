"""Names of the schema the live code uses: the file's application id and the table and column
behind each lookup list. The tables themselves are made by the migrations (store/migrations/),
which never import this module: a migration must not change when these names do.
"""

from __future__ import annotations

from salesdesk.domain.deals import LookupKind

APPLICATION_ID = 0x53444B31  # "SDK1": marks a file as salesdesk's in the SQLite header.

# The table behind each lookup list and the deals column that refers to it.
LOOKUP_TABLES: dict[LookupKind, str] = {
    LookupKind.CLIENT: "clients",
    LookupKind.REP: "reps",
    LookupKind.PRODUCT: "products",
    LookupKind.CHANNEL: "channels",
    LookupKind.REGION: "regions",
    LookupKind.AUDIENCE: "audiences",
    LookupKind.STAGE: "stages",
    LookupKind.LOST_REASON: "lost_reasons",
}
LOOKUP_COLUMNS: dict[LookupKind, str] = {kind: f"{kind.value}_id" for kind in LookupKind}
