"""Output renderers ``.alpaca`` (JSON array) and ``.jsonl``: every matching row, not one page, streamed.

An export reads its rows on a read-only connection of its own, outside Datasette's SQL threads, and
sends them block by block as it reads them, so memory stays flat at any size. As with Datasette's
streamed CSV, each block of ``max_returned_rows`` rows must be read within ``sql_time_limit_ms``; with
``allow_csv_stream`` off, as with that CSV, an export holds no more than one block.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from urllib.parse import quote

from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import BadRequest, Response

from alpaca_explore.output import alpaca_json, json_lines

FIELDS = ("instruction", "input", "output")
Writer = Callable[[Iterable[tuple[str, str, str]]], Iterator[bytes]]
# Datasette pages a table query by appending "limit N"; the export runs it without.
_PAGE_LIMIT = re.compile(r"\s+limit\s+\d+(?:\s+offset\s+\d+)?\s*$", re.I)


def can_render(columns: list[str]) -> bool:
    return all(field in columns for field in FIELDS)


def _renderer(writer: Writer, suffix: str, content_type: str):
    async def render(datasette, request, database, table, query_name, columns, rows, data):
        if not can_render(columns):
            raise BadRequest(f"an Alpaca export needs the columns {', '.join(FIELDS)}")  # Datasette overrides a Response's status
        name = f"{table or query_name or database}{suffix}"
        headers = {"content-disposition": attachment(name)}
        query = data.get("query")
        if query is None:  # a row page has its row
            return Response(b"".join(writer(_triples(rows))), content_type=content_type, headers=headers)
        export = _Export(datasette, database, _PAGE_LIMIT.sub("", query["sql"]), query.get("params") or {}, writer, name)
        try:
            first = await export.next_block()  # a query that fails at once is an HTTP error, not an empty download
        except (sqlite3.Error, TooManyRows) as error:
            export.close()
            raise BadRequest(export.explain(error)) from None
        return StreamedResponse(first, export, request.receive, content_type=content_type, headers=headers)

    return render


def _triples(rows: Iterable[sqlite3.Row]) -> Iterator[tuple[str, str, str]]:
    return ((row["instruction"], row["input"], row["output"]) for row in rows)


def _nestable(sql: str) -> str:
    """The query without the semicolons and whole-line comments it may end with, to nest it in another."""
    while True:
        sql = sql.rstrip().rstrip(";").rstrip()
        head, _, last = sql.rpartition("\n")
        if not last.lstrip().startswith("--"):
            return sql
        sql = head


class TooManyRows(Exception):
    """More rows match than an export may hold on this server."""


def _at_most(rows: Iterable[tuple], limit: int) -> Iterator[tuple]:
    """The rows, or :class:`TooManyRows` once there are more than ``limit``."""
    for count, row in enumerate(rows):
        if count == limit:
            raise TooManyRows(f"more than {limit} rows match, and this server exports no more than a page (allow_csv_stream is off)")
        yield row


class _Export:
    """The encoded rows of one query, read a block at a time in a thread of its own, the only one to use its
    connection (an in-memory database's may be used in no other)."""

    def __init__(self, datasette, database: str, sql: str, params: dict, writer: Writer, name: str) -> None:
        self.datasette, self.database, self.sql, self.params, self.writer, self.name = datasette, database, sql, params, writer, name
        self.block_rows = datasette.setting("max_returned_rows")
        self.time_limit_ms = datasette.setting("sql_time_limit_ms")
        self.streams = datasette.setting("allow_csv_stream")  # else the first block is the whole file
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="alpaca-explore-export")
        self.conn: sqlite3.Connection | None = None  # both made by the first block
        self.chunks: Iterator[bytes] | None = None

    async def next_block(self) -> bytes:
        """The next block of the file; empty once it is complete."""
        return await asyncio.get_running_loop().run_in_executor(self.thread, self._read_block)

    def _read_block(self) -> bytes:
        if self.conn is None:
            self.conn = _connection(self.datasette, self.database)
        with sqlite_timelimit(self.conn, self.time_limit_ms):
            if self.chunks is None:
                # Read only the three fields, not every column the page shows: twice as fast at a million rows.
                rows = self.conn.execute(f"select {', '.join(FIELDS)} from ({_nestable(self.sql)}\n)", self.params)
                self.chunks = self.writer(rows if self.streams else _at_most(rows, self.block_rows))
            # The writer yields one chunk per record, plus the closing bracket.
            return b"".join(islice(self.chunks, self.block_rows) if self.streams else self.chunks)

    def explain(self, error: sqlite3.Error | TooManyRows) -> str:
        if isinstance(error, sqlite3.Error) and "interrupted" in str(error):
            return f"{self.name}: reading {self.block_rows} rows took longer than the SQL time limit ({self.time_limit_ms} ms)"
        return f"{self.name}: {error}"

    def close(self) -> None:
        self.thread.submit(self._close_connection)  # queued after any block still being read (a cancelled request)
        self.thread.shutdown(wait=False)

    def _close_connection(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _connection(datasette, database: str) -> sqlite3.Connection:
    """A read-only connection to the database, with Datasette's SQL functions and text factory, returning tuples."""
    db = datasette.get_database(database)
    conn = db.connect()
    with contextlib.suppress(ValueError):  # connect() keeps every connection to close with the database; this one closes itself
        db._all_file_connections.remove(conn)
    datasette._prepare_connection(conn, database)
    conn.row_factory = None
    return conn


class StreamedResponse(Response):
    """A response sent block by block as the export reads them (Datasette serves any Response a renderer returns)."""

    def __init__(self, first: bytes, rest: _Export, receive: Callable[[], Awaitable[dict]], **kwargs) -> None:
        super().__init__(first, **kwargs)
        self.rest, self.receive = rest, receive

    async def asgi_send(self, send) -> None:
        headers = {**self.headers, "content-type": self.content_type}
        await send({"type": "http.response.start", "status": self.status, "headers": [[k.encode(), v.encode()] for k, v in headers.items()]})
        # uvicorn drops what is sent to a client that left, without an error: only receive() tells.
        client_left = asyncio.create_task(_disconnect(self.receive))
        try:
            block = self.body
            while block and not client_left.done():
                await send({"type": "http.response.body", "body": block, "more_body": True})
                block = await self.rest.next_block()
        except sqlite3.Error as error:
            # Too late for an error status: the response ends without its last chunk, so no client takes it for complete.
            print(f"alpaca-explore: export stopped: {self.rest.explain(error)}", file=sys.stderr)
            return
        finally:
            client_left.cancel()
            self.rest.close()
        await send({"type": "http.response.body", "body": b""})


async def _disconnect(receive: Callable[[], Awaitable[dict]]) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def attachment(filename: str) -> str:
    """A Content-Disposition for any name (RFC 6266): a plain ASCII ``filename`` and the exact one as ``filename*``."""
    plain = re.sub(r'[^\x20-\x7e]|["\\]', "_", filename)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"


RENDERERS = [
    {
        "extension": "alpaca",
        "render": _renderer(alpaca_json, ".json", "application/json; charset=utf-8"),
        "can_render": can_render,
    },
    {
        "extension": "jsonl",
        "render": _renderer(json_lines, ".jsonl", "application/x-ndjson; charset=utf-8"),
        "can_render": can_render,
    },
]
