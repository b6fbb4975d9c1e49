"""The project's Datasette resources: metadata.yml and the canned queries in queries/.

Both are written for the default names (database ``alpaca``, table
``alpaca_data``) and adapted here to whichever alpaca-explore tables a database holds.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from importlib.resources import files
from typing import NamedTuple

import yaml

from alpaca_explore.database import LOADS_TABLE
from alpaca_explore.tokens import describe

DEFAULT_DATABASE = "alpaca"
DEFAULT_TABLE = "alpaca_data"
_TABLE_NAME = re.compile(rf"\b{DEFAULT_TABLE}(?=_fts\b|\b)")


@functools.cache
def project_metadata() -> dict:
    return yaml.safe_load((files("alpaca_explore") / "metadata.yml").read_text())


@functools.cache
def query_files() -> dict[str, dict]:
    """Canned queries by name: ``sql`` from ``NAME.sql``, title and description from ``NAME.yml``."""
    folder = files("alpaca_explore") / "queries"
    queries = {}
    for sql_file in sorted(folder.iterdir(), key=lambda item: item.name):
        if sql_file.name.endswith(".sql"):
            name = sql_file.name.removesuffix(".sql")
            queries[name] = {**yaml.safe_load((folder / f"{name}.yml").read_text()), "sql": sql_file.read_text().strip()}
    return queries


class LoadedTable(NamedTuple):
    """What the latest load of a table recorded: its tokenizer spec and the source it read."""

    tokenizer: str
    source: str


@functools.lru_cache(maxsize=64)
def _loaded_tables(path: str, mtime_ns: int) -> dict[str, LoadedTable]:
    """The alpaca-explore tables in the database file at ``path``."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute(
                f"SELECT table_name, tokenizer, source FROM [{LOADS_TABLE}] "
                "WHERE table_name IN (SELECT name FROM sqlite_master WHERE type = 'table') ORDER BY id"
            ).fetchall()
    except sqlite3.Error:
        return {}
    return {table: LoadedTable(tokenizer, source) for table, tokenizer, source in rows}


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
    """The alpaca-explore tables of the database named ``database``; empty without one."""
    return alpaca_tables(datasette.get_database(database)) if database else {}


def for_table(text: str, table: str, database: str) -> str:
    """Adapt SQL or descriptions written for ``alpaca/alpaca_data`` to another database and table."""
    text = _TABLE_NAME.sub(table, text)
    return text.replace(f"/{DEFAULT_DATABASE}/", f"/{database}/")


@functools.lru_cache(maxsize=64)
def top_level_metadata(database: str, tables: tuple[str, ...]) -> dict:
    """The title, description, license and source, with the description's links adapted to ``database``."""
    table = DEFAULT_TABLE if DEFAULT_TABLE in tables else tables[0]
    top_level = {key: value for key, value in project_metadata().items() if key != "databases"}
    return yaml.safe_load(for_table(yaml.safe_dump(top_level, sort_keys=False), table, database))


@functools.lru_cache(maxsize=64)
def table_metadata(database: str, table: str, loaded: LoadedTable) -> dict:
    """The table's metadata, adapted to its names, with the tokenizer and the source of its load."""
    template = project_metadata()["databases"][DEFAULT_DATABASE]["tables"][DEFAULT_TABLE]
    adapted = yaml.safe_load(for_table(yaml.safe_dump(template, sort_keys=False), table, database))
    source = "standard input" if loaded.source == "-" else loaded.source  # after adapting: a path may say alpaca_data
    tokenizer = describe(loaded.tokenizer)
    adapted["description"] = f"{adapted['description'].strip()} Token counts: {tokenizer}. Loaded from {source}."
    return adapted


def canned_queries(database: str, tables: dict[str, LoadedTable]) -> dict[str, dict]:
    """The queries for each table: plain names for ``alpaca_data`` (or a lone table), suffixed otherwise."""
    queries = {}
    for table in tables:
        suffix = "" if table == DEFAULT_TABLE or len(tables) == 1 else f"_{table}"
        for name, query in query_files().items():
            # Texts name the default table; options such as hide_sql pass as they are.
            queries[name + suffix] = {
                key: for_table(value, table, database) if isinstance(value, str) else value for key, value in query.items()
            }
    return queries
