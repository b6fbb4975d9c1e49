"""Links in the canned queries' results: each id (and each id of a ``duplicates`` group) to its row's page, where the
training text shows what a limit cuts; the category, verb or noun of a summary's row to the examples it counts, as a
filtered table page; in a comparison of the tables, each dataset's name to its table.

Datasette 0.65 links ids on table pages only, and its ``render_cell`` hook is not told which query a cell belongs to:
an ASGI wrapper keeps each request for it. A ``too_long`` row links to its page at the query's ``max_tokens``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Mapping
from urllib.parse import parse_qs, urlencode

from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

from . import resources

_ID_LIST = re.compile(r"\d+(?:, \d+)*")
_LINKED_COLUMNS = frozenset({"id", "ids", "dataset", "category", "verb", "noun"})  # render_cell asks for every cell
_request_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("alpaca_explore_request_scope", default=None)


def remembering_requests(app):
    async def wrapped(scope, receive, send):
        token = _request_scope.set(scope)
        try:
            await app(scope, receive, send)
        finally:
            _request_scope.reset(token)

    return wrapped


def cell_links(row: Mapping, value, column: str, table: str | None, database: str, datasette) -> Markup | None:
    """Links for a cell of a canned query of an alpaca-explore table: its rows, or the examples it counts."""
    scope = _request_scope.get()
    if table is not None or column not in _LINKED_COLUMNS or scope is None or scope["type"] != "http":
        return None
    base_url = datasette.setting("base_url")
    parts = scope["path"].removeprefix(base_url).strip("/").split("/")
    found = _query_and_table(datasette, database, tilde_decode(parts[-1])) if len(parts) == 2 else None
    if found is None:
        return None
    query, query_table = found
    if query_table is None:  # a comparison: each row names the table it counts
        query_table = row["dataset"] if "dataset" in row.keys() else None
        if query_table not in resources.tables_of(datasette, database):
            return None
    table_path = f"{base_url}{tilde_encode(database)}/{tilde_encode(query_table)}"
    if column == "dataset" and value == query_table:
        return Markup(f'<a href="{escape(table_path)}">{escape(value)}</a>')
    if (filters := _examples_counted(query, row, value, column)) is not None:
        return Markup(f'<a href="{escape(f"{table_path}?{urlencode(filters)}")}">{escape(value)}</a>')
    if column == "id" and isinstance(value, int):
        ids = [value]
    elif column == "ids" and isinstance(value, str) and _ID_LIST.fullmatch(value):
        ids = [int(id_) for id_ in value.split(", ")]
    else:
        return None
    max_tokens = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("max_tokens")
    limit = f"?{urlencode({'max_tokens': max_tokens[0]})}#training-text" if max_tokens else ""
    return Markup(", ".join(f'<a href="{escape(f"{table_path}/{id_}{limit}")}">{id_}</a>' for id_ in ids))


def _examples_counted(query: str, row: Mapping, value, column: str) -> dict[str, str] | None:
    """The table filters that select the examples a summary query's row counts, for its category, verb or noun."""
    if not isinstance(value, str):
        return None
    if query in {"by_category", "compare_categories"} and column == "category":
        return {"category": value}
    if query in {"by_verb", "verb_noun"} and column == "verb":
        return {"verb": value}
    if query == "verb_noun" and column == "noun":
        return {"verb": row["verb"], "noun": value}
    return None


def _query_and_table(datasette, database: str, name: str) -> tuple[str, str | None] | None:
    """The canned query's file name (``by_verb`` for ``by_verb_gpt4``) and the table it reads, None for a query that
    compares the tables."""
    tables = resources.tables_of(datasette, database)
    queries = resources.query_files()
    if len(tables) > 1 and queries.get(name, {}).get("across_tables"):
        return name, None
    for table in tables:
        suffix = resources.names_of(database, table, tables, datasette.setting("base_url")).query_suffix
        for query, described in queries.items():
            if name == query + suffix and not described.get("across_tables"):
                return query, table
    return None
