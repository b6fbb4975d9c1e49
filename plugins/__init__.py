"""alpaca-explore's Datasette plugin: metadata, canned queries, SQL functions, exports, facets, reloads.

It acts only on databases that hold a table built by ``alpaca-explore load``.
"""

from __future__ import annotations

import json
import sys

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite
from markupsafe import Markup, escape

from alpaca_explore import sql_functions, tokens
from alpaca_explore.database import LOADS_TABLE, TEXT_COLUMNS

from . import counts, export_requests, facets, fulltext, query_links, renderers, reopen, resources, training

# FTS5 highlight() markers used by the fts_search query: Unicode private-use characters
# that never occur in the data, turned into <mark> only after the text is escaped.
MATCH_START, MATCH_END = "\ue000", "\ue001"


@hookimpl
def get_metadata(datasette, key, database, table):
    served = {name: tables for name, db in datasette.databases.items() if (tables := resources.alpaca_tables(db))}
    if not served:
        return {}
    base_url = datasette.setting("base_url")
    described = {
        name: {"tables": {**resources.tables_metadata(name, tables, base_url), LOADS_TABLE: {"hidden": True}}}
        for name, tables in served.items()
    }
    # The description's links lead to the first database served (alpaca.db -> /alpaca/, cleaned.db -> /cleaned/).
    first_database, first_tables = next(iter(served.items()))
    # Datasette gives the top level's license and source to every table it serves: only when all are Stanford Alpaca's.
    only_stanford_alpaca = len(served) == sum(1 for db in datasette.databases.values() if db.path) and all(
        loaded.is_stanford_alpaca for tables in served.values() for loaded in tables.values()
    )
    top_level = resources.top_level_metadata(first_database, tuple(first_tables.items()), base_url, only_stanford_alpaca)
    return {**top_level, "databases": described}


@hookimpl
def startup(datasette):
    counts.count_full_text_indexes_as_their_tables(datasette)
    for warning in resources.missing_tokenizers(datasette):
        print(warning, file=sys.stderr)


@hookimpl
def canned_queries(datasette, database):
    tables = resources.tables_of(datasette, database)
    return resources.canned_queries(database, tables, datasette.setting("base_url")) if tables else None


@hookimpl
def prepare_connection(conn, database, datasette):
    recorded = [loaded.tokenizer for loaded in resources.tables_of(datasette, database).values()]
    sql_functions.register(conn, recorded[-1] if recorded else tokens.DEFAULT_TOKENIZER, recorded)
    conn.create_function("fts_query", 1, lambda value: fulltext.fts_query(sql_functions.as_text(value)), deterministic=True)


@hookimpl
def extra_css_urls(datasette, database):
    """The compact column glossary, the texts' boxes and the training text (static/alpaca-explore.css), on the pages of
    databases alpaca-explore built."""
    if resources.tables_of(datasette, database):
        return [datasette.urls.static_plugins("alpaca-explore", "alpaca-explore.css")]
    return []


@hookimpl
def extra_template_vars(datasette, database, table, view_name, request):
    """Whether the page belongs to a database (templates/query.html) or a table (templates/row.html) alpaca-explore built,
    and a row page's training text."""
    tables = resources.tables_of(datasette, database)
    variables = {"alpaca_explore_database": bool(tables), "alpaca_explore_table": table in tables}
    if view_name != "row" or table not in tables:
        return variables

    async def with_training_text():
        training_text = await training.of_row(datasette, database, table, tables[table].tokenizer, request)
        return {**variables, "alpaca_training_text": training_text}

    return with_training_text


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Link a canned query's ids to their rows and a summary's categories, verbs and nouns to their examples, keep the
    line breaks of long texts (still escaped), give the texts of alpaca-explore tables and queries a box their pages
    size (static/alpaca-explore.css) and mark full-text matches."""
    links = query_links.cell_links(row, value, column, table, database, datasette)
    if links is not None or not isinstance(value, str):
        return links
    if MATCH_START in value:
        marked = str(escape(value)).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
        return Markup(f'<div style="white-space: pre-wrap">{marked}</div>')
    if column in TEXT_COLUMNS and ("\n" in value or _shows_examples(datasette, database, table)):
        return Markup(f'<div class="alpaca-text" style="white-space: pre-wrap">{escape(value)}</div>')
    return None


def _shows_examples(datasette, database: str, table: str | None) -> bool:
    """A page of an alpaca-explore table, or a query of a database alpaca-explore built."""
    tables = resources.tables_of(datasette, database)
    return table in tables if table is not None else bool(tables)


@hookimpl
def filters_from_request(request, database, table, datasette):
    """An issue filter (the issues facet's links) reads only the rows flagged with that issue, from the index on issues,
    not every row's JSON: a flagged row's array starts '["', which sorts before the empty array '[]', and holds each
    code JSON-quoted. As a rowid list, the planner takes it first for the page, its count and every facet (at a
    million rows, 7 ms instead of 150 ms each for a rare issue)."""
    codes = request.args.getlist("issues__arraycontains")
    if not codes or table not in resources.tables_of(datasette, database):
        return None
    params = {f"alpaca_explore_issue_{i}": json.dumps(code) for i, code in enumerate(codes)}
    quoted = "".join(f" and instr(issues, :{name}) > 0" for name in params)
    return FilterArguments([f"rowid in (select rowid from {escape_sqlite(table)} where issues < '[]'{quoted})"], params=params)


@hookimpl(hookwrapper=True, specname="filters_from_request")
def searching_as_export_does(request, database, table, datasette):
    """The search box's ``_search`` reads as ``export --search`` does, in place of Datasette's search (its filter is
    kept for what it tells the page, as whether the table can be searched). Datasette matched nothing in a trigram
    index for words of 1 or 2 characters, nothing for a Korean word with its particles, and answered an empty search
    or a lone quote with "Invalid SQL". ``_searchmode=raw`` keeps Datasette's search."""
    outcome = yield
    text = request.args.get("_search")
    tables = resources.tables_of(datasette, database)
    if text is None or table not in tables or request.args.get("_searchmode") == "raw":
        return
    ours = fulltext.table_search(table, text, trigram=tables[table].fts_tokenizer == "trigram")
    outcome.force_result([*map(fulltext.without_datasettes_search, outcome.get_result()), ours])


@hookimpl
def register_output_renderer(datasette):
    return renderers.RENDERERS


@hookimpl
def register_facet_classes():
    return [facets.RangeFacet, facets.FlaggedFacet]


@hookimpl(hookwrapper=True, specname="register_facet_classes")
def facets_suggesting_none_on_alpaca_tables():
    """Every facet class, Datasette's included, suggests no facets on alpaca-explore tables (see
    :func:`facets.suggesting_none_on_alpaca_tables`): a ``_nosuggest=1`` added to their requests showed in every link."""
    outcome = yield
    outcome.force_result([[facets.suggesting_none_on_alpaca_tables(facet) for facet in classes] for classes in outcome.get_result()])


@hookimpl
def asgi_wrapper(datasette):
    def wrapped(app):
        reconnecting = reopen.reconnecting_to_replaced_files(export_requests.adapting_exports(app, datasette), datasette)
        return query_links.remembering_requests(reconnecting)

    return wrapped
