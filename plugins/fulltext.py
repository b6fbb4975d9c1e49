"""The explorer's searches: the table page's search box, and ``fts_query(q)`` for the ranked ``fts_search`` query.

The search box reads a search as ``export --search`` does (:mod:`alpaca_explore.search`), in place of Datasette's.
``fts_query(q)`` is a full-text query as typed when it is valid FTS5 syntax, else quoted word by word; its Korean
words find them with their particles too (:func:`korean.with_particles`).

FTS5 rejects much of what people type ("C++", "don't", "e-mail", an unbalanced
quote) with a syntax error. Such a query is searched for as plain words, the
way Datasette's ``_search`` treats every query, while valid syntax (phrases,
prefix*, OR, NOT, column filters) keeps its meaning.
"""

from __future__ import annotations

import sqlite3
import threading

from datasette.filters import FilterArguments
from datasette.utils import await_me_maybe, escape_fts

from alpaca_explore import korean, search
from alpaca_explore.database import TEXT_COLUMNS

_per_thread = threading.local()


def table_search(table: str, text: str, trigram: bool) -> FilterArguments:
    """The search box's filter: every word or quoted phrase of ``text``. A blank search filters nothing, as an empty
    box means, and one without words (a lone quote) matches nothing."""
    shown = {"search": text}
    if not text.strip():
        return FilterArguments([], extra_context=shown)
    words = search.terms(text)
    conditions, params = search.clauses(table, words, trigram=trigram, name="alpaca_search") if words else (["0"], {})
    return FilterArguments(conditions, params, [f'search matches "{text}"'], shown)


def without_datasettes_search(filter_from_request):
    """A ``filters_from_request`` result, less the search of Datasette's own (the one that says whether the table
    supports search): its context alone."""

    async def filtering() -> FilterArguments | None:
        arguments = await await_me_maybe(filter_from_request)
        if arguments and "supports_search" in arguments.extra_context:
            return FilterArguments([], extra_context=arguments.extra_context)
        return arguments

    return filtering


def fts_query(query: str | None) -> str:
    nothing = '""'  # matches nothing: the query page opens empty instead of with an error
    if not query or not query.strip():
        return nothing
    try:
        _syntax_checker().execute("SELECT 1 FROM fts WHERE fts MATCH ?", [query]).fetchall()
    except sqlite3.OperationalError:
        query = escape_fts(query)
        if not query:
            return nothing  # a lone quote has no words to search for
    return korean.with_particles(query)


def _syntax_checker() -> sqlite3.Connection:
    """An empty FTS5 table with the searchable columns, in memory: parses a query in microseconds."""
    if not hasattr(_per_thread, "conn"):
        _per_thread.conn = sqlite3.connect(":memory:")
        _per_thread.conn.execute(f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(TEXT_COLUMNS)})")
    return _per_thread.conn
