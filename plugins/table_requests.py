"""Adapt the requests for an alpaca-explore table: skip the work they do not use, and search as ``export --search`` does.

Datasette's ``_search`` is renamed ``SEARCH``, which the plugin's filter reads (:func:`fulltext.table_search`):
Datasette matched nothing in a trigram index for words of 1 or 2 characters, nothing for a Korean word with its
particles, and an empty search box or a lone quote was "Invalid SQL". ``_searchmode=raw`` keeps Datasette's search.

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
SEARCH = "_alpaca_search"
_DATASETTE_SEARCH = re.compile(rb"(?<![^&])_search(?=[=&]|$)")
# A page's search form sends the search it shows as a hidden SEARCH beside the new _search.
_SHOWN_SEARCH = re.compile(rb"(?<![^&])" + SEARCH.encode() + rb"(?:=[^&]*)?(?:&|$)")
_RAW_SEARCH = re.compile(rb"(?<![^&])_searchmode=raw(?:&|$)")
_RENAMED_SEARCH = re.compile(rb"(?<=[?&])" + SEARCH.encode() + rb"(?==)")


def adapting_table_requests(app, datasette):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and (extension := _alpaca_table_extension(scope["path"], datasette)) is not None:
            query = _skipping_unused_work(scope.get("query_string", b""), export=extension in _EXPORTS)
            scope = dict(scope, query_string=_searching_as_export_does(query))
            send = _redirecting_to_the_search_as_typed(send)
        await app(scope, receive, send)

    return wrapped


def _redirecting_to_the_search_as_typed(send):
    """Datasette redirects a search form's request (for its empty filter row) to the arguments it read: the address
    bar shows the search as ``_search``, as typed, not as ``SEARCH``."""

    async def sending(message):
        if message["type"] == "http.response.start":
            headers = [(name, _RENAMED_SEARCH.sub(b"_search", value) if name.lower() == b"location" else value) for name, value in message["headers"]]
            message = dict(message, headers=headers)
        await send(message)

    return sending


def _skipping_unused_work(query: bytes, export: bool) -> bytes:
    skipped = ("_nosuggest", "_nofacet", "_nocount") if export else ("_nosuggest",)
    if export:
        query = _NEXT_PAGE.sub(b"", query).lstrip(b"&")
    for argument in skipped:
        if argument.encode() not in query:
            query += (b"&" if query else b"") + argument.encode() + b"=1"
    return query


def _searching_as_export_does(query: bytes) -> bytes:
    if not _DATASETTE_SEARCH.search(query):
        return query
    query = _SHOWN_SEARCH.sub(b"", query)
    return query if _RAW_SEARCH.search(query) else _DATASETTE_SEARCH.sub(SEARCH.encode(), query)


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
