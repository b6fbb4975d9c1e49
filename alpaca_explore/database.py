"""Write stage: build the SQLite database in a temporary file, then rename it into place.

The target database is never opened for writing: an existing file is copied
beside it, changed there, and renamed over the target only once complete, so a
failed or killed load leaves it byte-for-byte unchanged. The copy a killed load
leaves behind is deleted by the next load of the same target.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import sqlite_utils

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from . import leftovers, unspaced
from .errors import AlpacaExploreError

LOADS_TABLE = "alpaca_explore_loads"
_KEYS_TABLE = "temp.alpaca_explore_instruction_keys"
TEXT_COLUMNS = ("instruction", "input", "output")
COLUMNS: dict[str, type] = {
    "id": int,
    "instruction": str,
    "input": str,
    "output": str,
    "has_input": int,
    "instruction_tokens": int,
    "input_tokens": int,
    "output_tokens": int,
    "total_tokens": int,
    "train_tokens": int,
    "category": str,
    "verb": str,
    "noun": str,
    "issues": str,
}
NULLABLE = {"verb", "noun"}
FTS_HASH_BYTES = 8 << 20
_UNSPACED_SHARE = 0.25
# The facet columns, each led by category, verb or has_input with the columns read beside them, so that
# by_category, by_verb and verb_noun read only an index (1.7-3.0 s each for a million rows without, 0.2-0.6 s
# with), and so do the category, verb and has_input facets under any filter on those columns (up to 2.4 s for a
# million rows without, under 0.1 s with) and the train_tokens range facet under a verb or has_input filter
# (0.4-0.8 s without, 0.1 s with), and the issues facet under a verb filter (0.29 s without, 0.02 s with); on issues,
# the index serves the plugin's narrowing of an issue filter.
INDEXES = (
    ("category", "has_input", "train_tokens"),
    ("category", "verb", "has_input"),
    ("verb", "noun", "category", "has_input", "train_tokens", "issues"),
    ("has_input", "train_tokens"),
    ("total_tokens",),
    ("train_tokens",),
    ("issues",),
)
LOADS_COLUMNS: dict[str, type] = {
    "id": int,
    "table_name": str,
    "source": str,
    "url": str,
    "sha256": str,
    "format": str,
    "records": int,
    "rows": int,
    "ignored_keys": str,
    "tokenizer": str,
    "tool_version": str,
    "loaded_at": str,
    "seconds": float,
}


def recorded_loads(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """(tokenizer spec, source) of the latest load of each table that loads built and the database still holds, in
    load order; empty for a database no load wrote."""
    try:
        rows = conn.execute(
            f"SELECT table_name, tokenizer, source FROM [{LOADS_TABLE}] "
            "WHERE table_name IN (SELECT name FROM sqlite_master WHERE type = 'table') ORDER BY id"
        ).fetchall()
    except sqlite3.OperationalError:  # no such table
        return {}
    return {table: (tokenizer, source) for table, tokenizer, source in rows}


def fts_tokenizer_of(conn: sqlite3.Connection, table: str) -> str | None:
    """The tokenizer ``table``'s full-text index was built with (see :func:`fts_tokenizer`); None for the default."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_fts"]).fetchone()
    found = re.search(r"\btokenize='([^']*)'", row[0] or "") if row else None
    return found.group(1) if found else None


def sample_instructions(conn: sqlite3.Connection, table: str, count: int = 200) -> list[str]:
    """Up to ``count`` instructions spread evenly over ``table`` (a table may hold one dataset, then another)."""
    last = conn.execute(f"SELECT max(rowid) FROM [{table}]").fetchone()[0]
    if last is None:
        return []
    rowids = sorted({last * step // max(count - 1, 1) for step in range(count)})
    found = conn.execute(f"SELECT instruction FROM [{table}] WHERE rowid IN ({', '.join('?' * len(rowids))})", rowids)
    return [instruction for (instruction,) in found]


def duplicates_table(table: str) -> str:
    """The table beside ``table`` that lists every record whose instruction occurs more than once, with the id of
    its first copy: the groups the ``duplicate_instruction`` flag makes, without reading every instruction again."""
    return f"{table}_duplicates"


def check_table_name(table: str) -> None:
    """A one-line error for a name SQLite reserves or the bracket quoting of this module cannot hold."""
    if not table.strip() or "]" in table or table.lower().startswith("sqlite_"):
        raise AlpacaExploreError(
            f"cannot use {table!r} as a table name: it must have a character other than spaces, no ']', and not start with sqlite_"
        )


def fts_tokenizer(characters: int, unspaced_characters: int) -> str | None:
    """FTS5's ``trigram`` tokenizer for text a quarter or more of whose characters are in scripts written without
    spaces (Chinese, Japanese, Thai ...; see :func:`script_counts`), which then matches any 3 or more characters; else
    None, sqlite-utils' default (unicode61)."""
    # FTS5's default tokenizer takes a whole run of such a script for one word: a word inside the run is never found.
    return "trigram" if unspaced_characters >= _UNSPACED_SHARE * characters > 0 else None


def script_counts(texts: Iterable[str]) -> tuple[int, int]:
    """The characters of ``texts``, and how many are in scripts written without spaces (none in ASCII text)."""
    characters = unspaced_characters = 0
    for text in texts:
        characters += len(text)
        if not text.isascii():
            unspaced_characters += len(unspaced.SCRIPTS.findall(text))
    return characters, unspaced_characters


class DatabaseWriter:
    """Rows go in through :meth:`insert`; :meth:`finish` then marks the copies of each instruction, indexes and records
    provenance."""

    def __init__(self, db: sqlite_utils.Database, table: str) -> None:
        self.db, self.table = db, table
        placeholders = ", ".join("?" for _ in COLUMNS)
        self._insert_rows = f"INSERT INTO [{table}] VALUES ({placeholders})"
        self._insert_fts = f"INSERT INTO [{table}_fts] (rowid, instruction, input, output) VALUES (?, ?, ?, ?)"
        # The instruction keys wait in a temporary table, on disk once past its small cache: memory stays flat
        # however many records a load holds (a dict of them took 150 bytes a record, 450 MB for 3 million).
        db.execute(f"CREATE TEMP TABLE {_KEYS_TABLE} (id INTEGER PRIMARY KEY, key INTEGER NOT NULL)")
        self._searchable = False
        self.fts_tokenizer: str | None = None  # see fts_tokenizer()
        self._characters = self._unspaced_characters = 0  # of the rows so far, while the index reads words

    def _choose_fts_tokenizer(self, rows: Sequence[tuple]) -> None:
        """Make the full-text index with the first rows, and make it again, reading trigrams, once a quarter of the
        text so far is in scripts written without spaces (an English dataset followed by a Chinese one). Never back:
        trigrams find spaced text too, and a load going to and fro across the line would rebuild it each time."""
        characters, unspaced_characters = script_counts(text for row in rows for text in row[1:4])
        self._characters += characters
        self._unspaced_characters += unspaced_characters
        tokenize = fts_tokenizer(self._characters, self._unspaced_characters)
        if not self._searchable or tokenize != self.fts_tokenizer:
            self._enable_fts(tokenize)

    def _enable_fts(self, tokenize: str | None) -> None:
        # replace=True: a new index replaces the one the rows so far made, and holds them.
        self.db[self.table].enable_fts(list(TEXT_COLUMNS), fts_version="FTS5", tokenize=tokenize, replace=True)
        self.fts_tokenizer = tokenize
        # FTS5 flushes its in-memory index every 1 MB by default; fewer, larger segments build ~30% faster.
        self.db.execute(f"INSERT INTO [{self.table}_fts] ([{self.table}_fts], rank) VALUES ('hashsize', ?)", [FTS_HASH_BYTES])
        self._searchable = True

    def insert(self, rows: Sequence[tuple], keys: Sequence[tuple[int, int]]) -> None:
        """Insert rows (values in :data:`COLUMNS` order), index their text for search and keep each row's (id,
        instruction key) for :meth:`finish`. The rows choose how the full-text index splits text into words."""
        conn = self.db.conn
        if self.fts_tokenizer is None:
            self._choose_fts_tokenizer(rows)
        conn.executemany(self._insert_rows, rows)
        conn.executemany(self._insert_fts, (row[:4] for row in rows))
        conn.executemany(f"INSERT INTO {_KEYS_TABLE} VALUES (?, ?)", keys)

    def _flag_duplicates(self) -> None:
        """List every row whose instruction key occurs more than once, with the id of its first copy, in the duplicates
        table, and add ``duplicate_instruction`` to the issues of every copy after the first."""
        copies = duplicates_table(self.table)
        self.db.execute(
            f"""WITH repeated AS (SELECT key, min(id) AS first_id FROM {_KEYS_TABLE} GROUP BY key HAVING count(*) > 1)
            INSERT INTO [{copies}] (id, first_id)
            SELECT id, first_id FROM {_KEYS_TABLE} JOIN repeated USING (key) ORDER BY id"""
        )
        self.db.execute(
            f"""UPDATE [{self.table}] SET issues = CASE issues WHEN '[]' THEN '["duplicate_instruction"]'
                ELSE substr(issues, 1, length(issues) - 1) || ', "duplicate_instruction"]' END
            WHERE id IN (SELECT id FROM [{copies}] WHERE id != first_id)"""
        )
        self.db.execute(f"DROP TABLE {_KEYS_TABLE}")

    def finish(self, provenance: dict, threads: int) -> None:
        """Flag the copies of each instruction, build the indexes and record the load's provenance; SQLite may sort on
        ``threads`` helper threads."""
        # SQLite sorts on helper threads only once a sort outgrows its memory: with a 2 MB cache the cores the workers
        # have left find a million rows' duplicates in 0.46 s instead of 0.79 and build their indexes in 3.7 s instead
        # of 7.6 (52K rows: the same).
        self.db.execute(f"PRAGMA threads = {int(threads)}")
        self.db.execute("PRAGMA cache_size = -2048")
        if not self._searchable:  # no rows
            self._enable_fts(None)
        self._flag_duplicates()
        for columns in INDEXES:
            self.db[self.table].create_index(columns, find_unique_name=True)
        loads = self.db[LOADS_TABLE].create(LOADS_COLUMNS, pk="id", if_not_exists=True)
        loads.insert({"table_name": self.table, **provenance})
        self.db.conn.execute("ANALYZE")

    def issue_counts(self) -> tuple[int, dict[str, int]]:
        """The rows flagged with any issue, and how many hold each code, the most frequent first; after :meth:`finish`,
        which indexes ``issues``: the flagged rows are read alone, since a flagged row's array sorts before '[]'."""
        flagged = f"SELECT issues FROM [{self.table}] WHERE issues < '[]'"
        rows = self.db.execute(f"SELECT count(*) FROM ({flagged})").fetchone()[0]
        codes = self.db.execute(f"SELECT value, count(*) AS n FROM ({flagged}), json_each(issues) GROUP BY value ORDER BY n DESC, value")
        return rows, dict(codes.fetchall())


@contextlib.contextmanager
def build(target: Path, table: str, on_wait: Callable[[], None] | None = None) -> Iterator[DatabaseWriter]:
    """Yield a writer for a fresh ``table`` in a copy of ``target``; rename over it on success.

    ``on_wait`` is called if another load is building in the same folder, before waiting for it.
    """
    target = Path(target)
    directory = _folder_of(target)
    with _one_build_at_a_time(directory, on_wait):
        with reported_as_write_errors(target):
            leftovers.remove_abandoned(directory, _copy_stem(target.resolve().name), suffix=".tmp")
        with replacing(target) as temp, reported_as_write_errors(target):
            if target.exists():
                _copy_database(target, temp)
            db = _open(temp)
            try:
                with db.conn:
                    _replace_table(db, table, target)
                    yield DatabaseWriter(db, table)
            finally:
                db.close()


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it, flushed to disk, once the block completes, and is deleted
    if it fails: ``target`` is never half written. Through a symbolic link, the file it points at is replaced and the
    link kept."""
    directory = _folder_of(target)
    replaced = target.resolve()
    with reported_as_write_errors(target):
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=leftovers.prefix(_copy_stem(replaced.name)), suffix=".tmp")
        os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        with reported_as_write_errors(target):
            os.chmod(temp, _mode_for(target))
            _sync(temp)  # databases are written without a journal: durable before it replaces the target
            os.replace(temp, replaced)
            _sync(directory)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def _one_build_at_a_time(directory: Path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    """Builds in one folder take turns, holding a lock on it: a second load into the same database then copies
    the one the first renamed into place, and both tables are kept."""
    if fcntl is None:  # Windows: no advisory locks on folders
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # a file system without locks (some network mounts): no turns taken
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # and with it the lock


def _folder_of(target: Path) -> Path:
    """The folder ``target`` is to be written in; a one-line error if there is none."""
    directory = target.resolve().parent
    if not directory.is_dir():
        raise AlpacaExploreError(f"cannot write {target}: folder {directory} does not exist")
    return directory


@contextlib.contextmanager
def reported_as_write_errors(target: Path) -> Iterator[None]:
    """SQLite and file-system failures (disk full, no permission) as a one-line error naming the target."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        raise AlpacaExploreError(f"cannot write {target}: {error}{_where_sqlite_filled(target, error)}") from None


def _where_sqlite_filled(target: Path, error: Exception) -> str:
    """Sorts too large for memory and temporary tables fill SQLite's temporary folder, not the target's: when that is
    another file system, name it (the error only said 'database or disk is full')."""
    if "database or disk is full" not in str(error) or (temp := _sqlite_temp_folder()) is None:
        return ""
    if os.stat(temp).st_dev == os.stat(target.resolve().parent).st_dev:
        return ""
    return f" (in its folder, or in SQLite's temporary folder {temp}: SQLITE_TMPDIR names another)"


def _sqlite_temp_folder() -> str | None:
    """The folder SQLite's Unix VFS writes temporary files to: the first writable of these."""
    for folder in (os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp", "."):
        if folder and os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return None


def _copy_stem(name: str) -> str:
    """The start of the names of the temporary copies of database ``name``: hidden, beside it."""
    return f".{name}."


def _sync(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk, so a power cut cannot leave a half-written database."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    """Keep an existing database's permissions; a new one gets the usual ones (mkstemp makes 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _copy_database(target: Path, copy: Path) -> None:
    """Copy the database through SQLite's backup API: what is committed, never a write caught halfway.

    A database open in WAL mode elsewhere is refused: its ``-wal`` file would outlive the rename and
    be replayed into the new file by the next program to open it.
    """
    replaced = target.resolve()
    for path in {target, replaced}:
        if Path(f"{path}-wal").exists():
            raise AlpacaExploreError(
                f"{target} is in WAL mode and open in another program ({path}-wal exists): close it, or turn WAL off "
                f"with: sqlite3 {target} 'PRAGMA journal_mode=DELETE'"
            )
    with contextlib.closing(sqlite3.connect(f"{replaced.as_uri()}?mode=ro", uri=True)) as source:
        with contextlib.closing(sqlite3.connect(copy)) as destination:
            destination.execute("PRAGMA journal_mode = OFF")  # a throwaway copy: 4x faster without a journal
            destination.execute("PRAGMA synchronous = OFF")
            try:
                source.backup(destination)
            except sqlite3.DatabaseError as error:
                if "not a database" not in str(error):
                    raise
                raise AlpacaExploreError(f"{target} exists and is not a SQLite database; choose another --db") from None
            destination.execute("PRAGMA journal_mode = DELETE")  # a copy of a WAL database is in WAL mode too


def _open(temp: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(temp)
    # The temporary copy is thrown away on any failure, so it needs no journal.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -131072")
    return db


def _replace_table(db: sqlite_utils.Database, table: str, target: Path) -> None:
    """Drop a previous load of ``table`` and create it empty, with its duplicates table (its full-text index comes with
    its first rows)."""
    copies = db[duplicates_table(table)]
    if db[table].exists():
        ours = db[LOADS_TABLE].exists() and db.execute(
            f"SELECT 1 FROM [{LOADS_TABLE}] WHERE table_name = ?", [table]
        ).fetchone()
        if not ours:
            raise AlpacaExploreError(
                f"table {table!r} in {target} was not created by alpaca-explore; choose another --table"
            )
        db[f"{table}_fts"].drop(ignore=True)
        copies.drop(ignore=True)
        db[table].drop()
    if copies.exists():  # beside no table of ours
        raise AlpacaExploreError(
            f"cannot load {table!r}: {target} already has a table {copies.name!r}, where the load would list "
            "its duplicate instructions; drop it or choose another --table"
        )
    db[table].create(COLUMNS, pk="id", not_null=set(COLUMNS) - NULLABLE - {"id"})
    copies.create({"id": int, "first_id": int}, pk="id", not_null={"first_id"}, foreign_keys=[("id", table, "id"), ("first_id", table, "id")])
    copies.create_index(["first_id"])
