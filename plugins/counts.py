"""Row counts on Datasette's home page for databases alpaca-explore built.

Datasette 0.65 shows a database's row counts on its home page only when every table counts within 10 ms, its
full-text index included, and it counts an FTS5 table by reading every row: 15 ms for 52,002 examples. The home
page of ``datasette alpaca.db`` then showed no counts and, with none to sort by, listed the tables by name. An
alpaca-explore table's full-text index reads its rows from the table (``content=``), so it holds exactly as many: the
table's count stands in for the index's. The table and its helpers (duplicates, the index's own tables) are counted
again, with more time, when their first count ran out of it reading pages no connection had cached yet, on the first
visit after a start; only where Datasette shows counts on its home page: a database under 100 MB, where each takes a
few ms, or one served immutable (``datasette -i``, as ``publish`` and ``package`` serve it), whose counts Datasette
takes once and keeps (a million rows count in tens of ms).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from datasette.database import QueryInterrupted
from datasette.utils import escape_sqlite

from . import resources

TableCounts = Callable[..., Awaitable[dict[str, int | None]]]
COUNTED_BYTES = 100 * 1024 * 1024  # the size up to which Datasette 0.65 counts a database's rows on its home page
RECOUNT_MS = 100
_HELPERS = ("", "_duplicates", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")


def count_full_text_indexes_as_their_tables(datasette) -> None:
    """Wrap each served database's ``table_counts``."""
    for name, db in datasette.databases.items():
        db.table_counts = _with_full_text_index_counts(datasette, name, db, db.table_counts)


def _with_full_text_index_counts(datasette, database: str, db, table_counts: TableCounts) -> TableCounts:
    async def counts(limit: int = 10) -> dict[str, int | None]:
        counted = await table_counts(limit)
        for table in resources.tables_of(datasette, database):
            for name in (table + suffix for suffix in _HELPERS):
                if name in counted and counted[name] is None and (not db.is_mutable or db.size < COUNTED_BYTES):
                    counted[name] = await _count(db, name)
            if counted.get(f"{table}_fts", 0) is None:
                counted[f"{table}_fts"] = counted.get(table)
        return counted

    return counts


async def _count(db, table: str) -> int | None:
    try:
        return (await db.execute(f"select count(*) from {escape_sqlite(table)}", custom_time_limit=RECOUNT_MS)).single_value()
    except QueryInterrupted:
        return None
