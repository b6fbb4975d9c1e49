"""Export stage: write rows back out as Alpaca records (JSON array or JSON Lines).

The same writers serve ``alpaca-explore export`` and the Datasette ``.alpaca`` /
``.jsonl`` renderers, so both produce byte-identical files.
"""

from __future__ import annotations

import contextlib
import difflib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import orjson
import sqlite_utils

from . import database, sql_functions, tokens
from .classify import CATEGORIES
from .errors import AlpacaExploreError
from .search import clauses as search_clauses, terms as search_terms

FORMATS = ("json", "jsonl")
Triple = tuple[str, str, str]


def alpaca_json(records: Iterable[Triple]) -> Iterator[bytes]:
    """A JSON array of records laid out like Stanford Alpaca's file (indent 4), streamed."""
    separator = b"[\n"
    for instruction, input_, output in _as_text(records):
        yield separator + b'    {\n        "instruction": ' + orjson.dumps(instruction) + b',\n        "input": ' + orjson.dumps(
            input_
        ) + b',\n        "output": ' + orjson.dumps(output) + b"\n    }"
        separator = b",\n"
    yield b"[]\n" if separator == b"[\n" else b"\n]\n"


def json_lines(records: Iterable[Triple]) -> Iterator[bytes]:
    """One ``{"instruction", "input", "output"}`` object per line."""
    for instruction, input_, output in _as_text(records):
        yield orjson.dumps({"instruction": instruction, "input": input_, "output": output}) + b"\n"


def _as_text(records: Iterable[tuple]) -> Iterator[Triple]:
    """Records whose fields are all strings, as Alpaca's are: a query's NULL, number or blob as the SQL functions take
    it (a table sqlite-utils built holds NULL for a record without input; a blob stopped an export with a 500)."""
    for record in records:
        if type(record[0]) is str and type(record[1]) is str and type(record[2]) is str:
            yield record
        else:
            yield tuple(map(sql_functions.as_text, record))  # type: ignore[misc]


WRITERS = {"json": alpaca_json, "jsonl": json_lines}


def select_sql(
    db: sqlite_utils.Database,
    table: str,
    *,
    search: str | None = None,
    category: str | None = None,
    where: str | None = None,
) -> tuple[str, dict]:
    """SQL (and parameters) for the Alpaca fields of the rows matching every filter given, in id (rowid) order."""
    if not db[table].exists():
        tables = _alpaca_tables(db)
        choices = f"; choose one of its tables of Alpaca records with --table: {', '.join(tables)}" if tables else ""
        raise AlpacaExploreError(f"no table {table!r} in {db.conn.execute('PRAGMA database_list').fetchone()[2]}{choices}")
    if missing := [name for name in database.TEXT_COLUMNS if name not in db[table].columns_dict]:
        names = " or ".join(filter(None, (", ".join(missing[:-1]), missing[-1])))
        raise AlpacaExploreError(f"table {table!r} holds no Alpaca records: it has no {names} column")
    clauses, params = _search_clauses(db, table, search) if search else ([], {})
    if category:
        if category not in CATEGORIES:
            close = difflib.get_close_matches(category.lower(), CATEGORIES, n=1)  # "Math", "brainstorm", "code"
            hint = f"did you mean {close[0]}? " if close else ""
            raise AlpacaExploreError(f"unknown category {category!r}: {hint}choose one of {', '.join(CATEGORIES)}")
        clauses.append("category = :category")
        params["category"] = category
    if where:
        clauses.append(f"({where})")
    condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    # rowid is id in the tables load writes, and is in any table sqlite-utils builds from an Alpaca file too.
    return f"SELECT instruction, input, output FROM [{table}]{condition} ORDER BY rowid", params


def _search_clauses(db: sqlite_utils.Database, table: str, text: str) -> tuple[list[str], dict[str, str]]:
    """``--search``, read as the explorer's search box reads it (:mod:`search`)."""
    if not (words := search_terms(text)):
        raise AlpacaExploreError(f"--search {text!r} has no words to search for")
    return search_clauses(table, words, trigram=database.fts_tokenizer_of(db.conn, table) == "trigram")


def _alpaca_tables(db: sqlite_utils.Database) -> list[str]:
    """The tables with the Alpaca fields (not the full-text indexes of them)."""
    return [
        name for name in db.table_names() if not db[name].virtual_table_using and set(database.TEXT_COLUMNS) <= db[name].columns_dict.keys()
    ]


def _check_where(db: sqlite_utils.Database, table: str, where: str) -> None:
    """Compile ``--where`` (EXPLAIN runs nothing) where it ends the statement, so that SQLite's message speaks of its
    words: inside the query, "nonsense(" was 'near "ORDER": syntax error'. Then in parentheses, as the query holds it
    ("a ORDER BY b" fails only there)."""
    for condition in (where, f"({where})"):
        try:
            db.execute(f"EXPLAIN SELECT 1 FROM [{table}] WHERE {condition}")
        except sqlite3.Error as error:
            raise AlpacaExploreError(f"bad --where {where!r}: {error}") from None


@contextlib.contextmanager
def output_file(path: Path, db_path: str | Path) -> Iterator[BinaryIO]:
    """``path`` opened for writing, left as it was if the export fails, and never the database ``db_path`` it is
    read from (a slip of the keyboard replaced the database with its own export).

    A file is written beside it and renamed over it once complete; a device or
    a pipe (``-o /dev/null``) holds nothing to lose and is written directly.
    """
    if path.exists() and Path(db_path).exists() and path.samefile(db_path):
        raise AlpacaExploreError(f"cannot write the export to {path}: it is the database {db_path} it reads")
    if path.exists() and not path.is_file():
        with database.reported_as_write_errors(path), path.open("wb") as out:
            yield out
        return
    with database.replacing(path) as temp, database.reported_as_write_errors(path), temp.open("wb") as out:
        yield out


def export(
    db_path: str | Path,
    table: str,
    out,
    *,
    fmt: str = "json",
    search: str | None = None,
    category: str | None = None,
    where: str | None = None,
) -> int:
    """Write the matching rows of ``table`` to the binary stream ``out``; return how many."""
    if not Path(db_path).is_file():
        raise AlpacaExploreError(f"no such database: {db_path}")
    db = sqlite_utils.Database(db_path)
    try:
        sql, params = select_sql(db, table, search=search, category=category, where=where)
        loads = database.recorded_loads(db.conn)
    except sqlite3.DatabaseError:
        raise AlpacaExploreError(f"{db_path} is not a SQLite database") from None
    # --where takes the SQL functions the explorer offers, token_count(text) in the table's own tokenizer.
    default_spec = loads[table][0] if table in loads else tokens.DEFAULT_TOKENIZER
    refusals: list[str] = []
    sql_functions.register(db.conn, default_spec, [spec for spec, _ in loads.values()], refusals.append)
    if where:
        _check_where(db, table, where)
    count = 0

    def counted(rows: Iterable[Triple]) -> Iterator[Triple]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    try:
        for chunk in WRITERS[fmt](counted(db.execute(sql, params))):
            out.write(chunk)
    except sqlite3.Error as error:  # a bad --where or --search
        raise AlpacaExploreError(f"cannot select rows: {refusals[-1] if refusals else error}") from None
    return count
