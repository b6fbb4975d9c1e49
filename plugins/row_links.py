"""Ids in the canned queries' results (and each id of a ``duplicates`` group) link to their rows' pages, where the
training text shows what a limit cuts.

Datasette 0.65 links ids on table pages only, and its ``render_cell`` hook is not told which query a cell belongs to:
an ASGI wrapper keeps each request for it. A ``too_long`` row links to its page at the query's ``max_tokens``.
"""

from __future__ import annotations

import contextvars
import re
from urllib.parse import parse_qs, urlencode

from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

from . import resources

_ID_LIST = re.compile(r"\d+(?:, \d+)*")
_request_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("alpaca_explore_request_scope", default=None)


def remembering_requests(app):
    async def wrapped(scope, receive, send):
        token = _request_scope.set(scope)
        try:
            await app(scope, receive, send)
        finally:
            _request_scope.reset(token)

    return wrapped


def id_links(value, column: str, table: str | None, database: str, datasette) -> Markup | None:
    """Links to the rows of an ``id`` cell (or the ``ids`` of ``duplicates``, "3, 17") of a canned query of an
    alpaca-explore table."""
    scope = _request_scope.get()
    if table is not None or scope is None or scope["type"] != "http":
        return None
    if column == "id" and isinstance(value, int):
        ids = [value]
    elif column == "ids" and isinstance(value, str) and _ID_LIST.fullmatch(value):
        ids = [int(id_) for id_ in value.split(", ")]
    else:
        return None
    base_url = datasette.setting("base_url")
    parts = scope["path"].removeprefix(base_url).strip("/").split("/")
    query_table = _table_of_query(datasette, database, tilde_decode(parts[-1])) if len(parts) == 2 else None
    if query_table is None:
        return None
    max_tokens = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("max_tokens")
    limit = f"?{urlencode({'max_tokens': max_tokens[0]})}#training-text" if max_tokens else ""
    table_path = f"{base_url}{tilde_encode(database)}/{tilde_encode(query_table)}"
    return Markup(", ".join(f'<a href="{escape(f"{table_path}/{id_}{limit}")}">{id_}</a>' for id_ in ids))


def _table_of_query(datasette, database: str, query: str) -> str | None:
    tables = resources.tables_of(datasette, database)
    for table in tables:
        suffix = resources.names_of(database, table, tables, datasette.setting("base_url")).query_suffix
        if any(query == name + suffix for name in resources.query_files()):
            return table
    return None
