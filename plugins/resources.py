"""The project's Datasette resources: metadata.yml and the canned queries in queries/.

Both are written for the default names (database ``alpaca``, table
``alpaca_data``) and adapted here to whichever alpaca-explore tables a database holds.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import urlsplit

import yaml
from datasette.utils import escape_sqlite, tilde_encode

from alpaca_explore.classify import much_in_other_language
from alpaca_explore.database import duplicates_table, fts_tokenizer_of, recorded_loads, sample_instructions
from alpaca_explore.fetch import raw_url
from alpaca_explore.tokens import describe, encoding_names

DEFAULT_DATABASE = "alpaca"
DEFAULT_TABLE = "alpaca_data"
_LINK = re.compile(rf"/{DEFAULT_DATABASE}/(\w+)")  # "/alpaca/alpaca_data?category=...", "/alpaca/by_category#g.mark=bar..."
_SQL_TABLE = re.compile(rf"\b{DEFAULT_TABLE}(_fts|_duplicates)?\b")
# metadata.yml describes Stanford Alpaca's file; another dataset's pages say only what is true of any.
STANFORD_ALPACA_FILE = "alpaca_data.json"
GENERIC_TITLE = "Instruction-tuning dataset explorer"
GENERIC_INTRODUCTION = (
    "<p>Instruction-following examples (<code>instruction</code>, <code>input</code>, <code>output</code>) loaded "
    "with alpaca-explore: full-text search, token counts, task categories, root verb / object noun and quality flags "
    "for every example.</p>"
)
GENERIC_OUTPUT = "The response the example trains a model to give."
_STANFORD_ALPACA_KEYS = ("license", "license_url", "source", "source_url")


@functools.cache
def project_metadata() -> dict:
    return yaml.safe_load((files("alpaca_explore") / "metadata.yml").read_text())


# The database page lists the queries in this order: the searches, the summaries, then examples to look into, and
# last, where a database holds several tables, their comparison.
QUERY_ORDER = (
    "search", "fts_search", "by_category", "by_verb", "verb_noun", "token_histogram", "too_long", "flagged", "duplicates",
    "compare", "compare_categories",
)


@functools.cache
def query_files() -> dict[str, dict]:
    """Canned queries by name, in :data:`QUERY_ORDER`: ``sql`` from ``NAME.sql``, title and description from
    ``NAME.yml``."""
    folder = files("alpaca_explore") / "queries"
    queries = {}
    for sql_file in sorted(folder.iterdir(), key=_query_position):
        if sql_file.name.endswith(".sql"):
            name = sql_file.name.removesuffix(".sql")
            queries[name] = {**yaml.safe_load((folder / f"{name}.yml").read_text()), "sql": sql_file.read_text().strip()}
    return queries


def _query_position(sql_file) -> tuple[int, str]:
    name = sql_file.name.removesuffix(".sql")
    return (QUERY_ORDER.index(name) if name in QUERY_ORDER else len(QUERY_ORDER), name)


class LoadedTable(NamedTuple):
    """What the latest load of a table recorded: its tokenizer spec and the source it read (a line for each), the
    tokenizer of its full-text index (None for the default), and whether much of it is in a language the classifier
    does not read."""

    tokenizer: str
    source: str
    fts_tokenizer: str | None = None
    other_language: bool = False

    @property
    def sources(self) -> list[str]:
        return self.source.splitlines() or [""]

    @property
    def is_stanford_alpaca(self) -> bool:
        """Read from Stanford Alpaca's file: by default from GitHub, or a copy that keeps its name."""
        return all(PurePosixPath(urlsplit(source).path).name == STANFORD_ALPACA_FILE for source in self.sources)

    def source_metadata(self) -> dict:
        """Datasette's ``source`` and ``source_url`` for a table read from one URL (an hf:// path links to its file);
        empty for a path or several."""
        source, *others = self.sources
        if others or not source.startswith(("http://", "https://", "hf://")):
            return {}
        return {"source": source, "source_url": raw_url(source) if source.startswith("hf://") else source}


@functools.lru_cache(maxsize=64)
def _loaded_tables(path: str, mtime_ns: int) -> dict[str, LoadedTable]:
    """The alpaca-explore tables in the database file at ``path``."""
    try:
        with contextlib.closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return {
                table: LoadedTable(*load, fts_tokenizer_of(conn, table), much_in_other_language(sample_instructions(conn, table)))
                for table, load in recorded_loads(conn).items()
            }
    except sqlite3.Error:
        return {}


def alpaca_tables(db) -> dict[str, LoadedTable]:
    """The alpaca-explore tables of a Datasette database; empty for databases this project did not build."""
    if not db.path:
        return {}
    try:
        mtime_ns = os.stat(db.path).st_mtime_ns
    except OSError:
        return {}
    return _loaded_tables(db.path, mtime_ns)


def tables_of(datasette, database: str | None) -> dict[str, LoadedTable]:
    """The alpaca-explore tables of the database named ``database``; empty without one, or for a database not
    served (``/-/versions`` prepares a connection to an in-memory ``_memory`` that is not)."""
    db = datasette.databases.get(database) if database else None
    return alpaca_tables(db) if db is not None else {}


def missing_tokenizers(datasette) -> list[str]:
    """A warning for each served table loaded with a tokenizer file this server does not have (a database published
    without it, or a file moved since): its stored counts show, but ``token_count(text)`` on it fails with SQLite's
    bare "user-defined function raised exception"."""
    warnings = []
    for name, db in datasette.databases.items():
        for table, loaded in alpaca_tables(db).items():
            if loaded.tokenizer not in encoding_names() and not Path(loaded.tokenizer).is_file():
                warnings.append(
                    f"alpaca-explore: {name}/{table} was loaded with the tokenizer {loaded.tokenizer}, which is not on this "
                    "server: token_count(text) fails on it and its row pages show the training text uncut; put the file "
                    "back at that path, or count in an encoding with token_count(text, 'cl100k_base')"
                )
    return warnings


class Names(NamedTuple):
    """Where a table's resources point: its database, the table, the suffix of its canned queries' names, and
    Datasette's ``base_url`` (a path prefix, behind a proxy) that every link starts with."""

    database: str
    table: str
    query_suffix: str
    base_url: str


def names_of(database: str, table: str, tables: Iterable[str], base_url: str) -> Names:
    """Canned queries keep their plain names for ``alpaca_data`` (or a lone table) and take ``_<table>`` otherwise."""
    lone = len(tuple(tables)) == 1
    return Names(database, table, "" if table == DEFAULT_TABLE or lone else f"_{table}", base_url)


def adapt_links(value, names: Names):
    """Texts (in nested metadata too) with their links to ``/alpaca/alpaca_data``, its duplicates table and its queries
    pointed at ``names``."""
    if isinstance(value, dict):
        return {key: adapt_links(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [adapt_links(item, names) for item in value]
    if not isinstance(value, str):
        return value

    def link(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith(DEFAULT_TABLE):  # the table, or its duplicates table
            target = names.table + name.removeprefix(DEFAULT_TABLE)
        else:
            target = name + names.query_suffix
        return f"{names.base_url}{tilde_encode(names.database)}/{tilde_encode(target)}"  # "with space" -> "with+space"

    return _LINK.sub(link, value)


def adapt_sql(sql: str, table: str) -> str:
    """SQL written for ``alpaca_data`` (and ``alpaca_data_fts``, ``alpaca_data_duplicates``) run on ``table``, quoted where
    its name needs it."""
    return _SQL_TABLE.sub(lambda match: escape_sqlite(table + (match.group(1) or "")), sql)


@functools.lru_cache(maxsize=64)
def top_level_metadata(database: str, tables: tuple[tuple[str, LoadedTable], ...], base_url: str, with_license: bool) -> dict:
    """The title and description of the database's main table (``alpaca_data``, else the first), with the description's
    links adapted to ``database`` and, beside other tables, a link to their comparison; ``with_license``, Stanford
    Alpaca's license and source too."""
    loaded = dict(tables)
    table = DEFAULT_TABLE if DEFAULT_TABLE in loaded else tables[0][0]
    top_level = {key: value for key, value in project_metadata().items() if key != "databases"}
    if not loaded[table].is_stanford_alpaca:
        _, other_paragraphs = top_level["description_html"].split("</p>", 1)
        top_level = {"title": GENERIC_TITLE, "description_html": GENERIC_INTRODUCTION + other_paragraphs}
    if with_license:
        top_level |= {key: _project_table_metadata(DEFAULT_TABLE)[key] for key in _STANFORD_ALPACA_KEYS}
    adapted = adapt_links(top_level, names_of(database, table, loaded, base_url))
    if len(tables) > 1:
        compare = f"{base_url}{tilde_encode(database)}/compare"
        adapted["description_html"] += f'\n<p>{len(tables)} datasets are loaded here: <a href="{compare}">compare them</a>.</p>'
    return adapted


def tables_metadata(database: str, tables: dict[str, LoadedTable], base_url: str) -> dict[str, dict]:
    """The metadata of each alpaca-explore table of ``database`` and of its duplicates table."""
    described = {}
    for table, loaded in tables.items():
        names = names_of(database, table, tables, base_url)
        described[table] = table_metadata(names, loaded)
        described[duplicates_table(table)] = duplicates_table_metadata(names, loaded)
    return described


def _project_table_metadata(table: str) -> dict:
    return project_metadata()["databases"][DEFAULT_DATABASE]["tables"][table]


@functools.lru_cache(maxsize=64)
def table_metadata(names: Names, loaded: LoadedTable) -> dict:
    """The table's metadata, adapted to its names, with the tokenizer and the source of its load."""
    adapted = _described_as_loaded(adapt_links(_project_table_metadata(DEFAULT_TABLE), names), loaded)
    if not loaded.is_stanford_alpaca:
        adapted["columns"] = {**adapted["columns"], "output": GENERIC_OUTPUT}
    # A load of several sources recorded one a line: the first is named.
    first, *others = ["standard input" if item == "-" else item for item in loaded.sources]
    source = f"{first} and {len(others):,} more" if others else first
    tokenizer = describe(loaded.tokenizer)
    adapted["description"] = f"{adapted['description'].strip()} Token counts: {tokenizer}. Loaded from {source}."
    if loaded.other_language:
        adapted["description"] += (
            " Its verbs and nouns come from rules that read English, Chinese, Japanese, Korean, Spanish, Portuguese, French,"
            " Italian, German, Dutch and Russian, not the language of much of its text, whose rows have none, and open_qa"
            " for a category where no keyword of those languages names their task."
        )
    if loaded.fts_tokenizer == "trigram":
        adapted["description"] += (
            " Much of its text is in a script written without spaces, so the search box matches characters in a row, not"
            " words (a search of 1 or 2 characters reads every row); the ranked full-text search query needs 3 or more."
        )
    return adapted


@functools.lru_cache(maxsize=64)
def duplicates_table_metadata(names: Names, loaded: LoadedTable) -> dict:
    """The metadata of the table's duplicates table, adapted to its names."""
    return _described_as_loaded(adapt_links(_project_table_metadata(duplicates_table(DEFAULT_TABLE)), names), loaded)


def _described_as_loaded(metadata: dict, loaded: LoadedTable) -> dict:
    """Stanford Alpaca's license and source, for a table read from its file; else the URL it was read from, if one."""
    if loaded.is_stanford_alpaca:
        return metadata
    return {key: value for key, value in metadata.items() if key not in _STANFORD_ALPACA_KEYS} | loaded.source_metadata()


_RANKED_TRIGRAMS = (
    " Much of this dataset's text is written without spaces, so a search here matches 3 or more characters in a row;"
    ' <a href="/alpaca/alpaca_data">the table\'s search box</a> finds 1 or 2 as well.'
)


def canned_queries(database: str, tables: dict[str, LoadedTable], base_url: str) -> dict[str, dict]:
    """The queries for each table, named as :func:`names_of` says; beside other tables' queries, titled with their table,
    and followed by the queries that compare the tables (``across_tables: true``)."""
    queries = {}
    for table in tables:
        names = names_of(database, table, tables, base_url)
        for name, query in query_files().items():
            if query.get("across_tables"):
                continue
            if name == "fts_search" and tables[table].fts_tokenizer == "trigram":
                query = {**query, "description_html": query["description_html"] + _RANKED_TRIGRAMS}
            adapted = {**adapt_links(query, names), "sql": adapt_sql(query["sql"], table)}
            if len(tables) > 1:
                adapted["title"] = f"{query['title']} ({table})"
            queries[name + names.query_suffix] = adapted
    if len(tables) > 1:
        names = Names(database, next(iter(tables)), "", base_url)
        for name, query in query_files().items():
            if query.get("across_tables"):
                described = {key: value for key, value in query.items() if key != "across_tables"}
                queries[name] = {**adapt_links(described, names), "sql": joined_over(query["sql"], tables)}
    return queries


def joined_over(sql: str, tables: Iterable[str]) -> str:
    """SQL written for ``alpaca_data`` run on each table, with ``:dataset`` its name, the results one after another."""
    body = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    return "\nunion all\n".join(adapt_sql(body, table).replace(":dataset", "'" + table.replace("'", "''") + "'") for table in tables)
