"""Adapt the exports of an alpaca-explore table (``.alpaca``, ``.jsonl``): they write rows only, so they skip the
facets and the count (at a million rows they took seconds before the first byte), and hold every matching row even
when their link was taken from a later page.
"""

from __future__ import annotations

import re

from datasette.utils import tilde_decode

from . import renderers, resources

_EXPORTS = frozenset(renderer["extension"] for renderer in renderers.RENDERERS)
# The page an export link was taken from: the export holds every matching row, from the first.
_NEXT_PAGE = re.compile(rb"(?:^|&)_next=[^&]*")


def adapting_exports(app, datasette):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and _alpaca_table_extension(scope["path"], datasette) in _EXPORTS:
            scope = dict(scope, query_string=_whole_and_unfaceted(scope.get("query_string", b"")))
        await app(scope, receive, send)

    return wrapped


def _whole_and_unfaceted(query: bytes) -> bytes:
    query = _NEXT_PAGE.sub(b"", query).lstrip(b"&")
    for argument in ("_nofacet", "_nocount"):
        if argument.encode() not in query:
            query += (b"&" if query else b"") + argument.encode() + b"=1"
    return query


def _alpaca_table_extension(path: str, datasette) -> str | None:
    """The format extension ("" for the HTML page) of a request for an alpaca-explore table; None for any other."""
    base_url = datasette.setting("base_url")  # Datasette strips it only once it routes, after this wrapper
    parts = path.removeprefix(base_url).strip("/").split("/")
    if len(parts) != 2:
        return None
    route, (table, _, extension) = parts[0], parts[1].partition(".")  # a dot in a table's name is tilde-encoded
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        return None
    return extension if tilde_decode(table) in resources.alpaca_tables(db) else None
