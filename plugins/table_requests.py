"""Adapt the requests for an alpaca-explore table: skip the work they do not use.

Datasette 0.65 suggests facets by grouping every column of the table on every
page view; over the long instruction/input/output texts that costs more than the
rest of the page. The table's curated facets (metadata.yml) replace them. An
export (``.alpaca``, ``.jsonl``) writes rows only, so it skips the facets and the
count too (at a million rows they took seconds before the first byte), and holds
every matching row even when its link was taken from a later page.
"""

from __future__ import annotations

import re

from datasette.utils import tilde_decode

from . import renderers, resources

_EXPORTS = frozenset(renderer["extension"] for renderer in renderers.RENDERERS)
# The page an export link was taken from: the export holds every matching row, from the first.
_NEXT_PAGE = re.compile(rb"(?:^|&)_next=[^&]*")


def adapting_table_requests(app, datasette):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and (extension := _alpaca_table_extension(scope["path"], datasette)) is not None:
            scope = dict(scope, query_string=_skipping_unused_work(scope.get("query_string", b""), export=extension in _EXPORTS))
        await app(scope, receive, send)

    return wrapped


def _skipping_unused_work(query: bytes, export: bool) -> bytes:
    skipped = ("_nosuggest", "_nofacet", "_nocount") if export else ("_nosuggest",)
    if export:
        query = _NEXT_PAGE.sub(b"", query).lstrip(b"&")
    for argument in skipped:
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
