"""Serve a reloaded database without restarting Datasette.

``alpaca-explore load`` renames a new file over the database, and Datasette's
connections keep reading the file they opened. Before each request, a mutable
database whose file was replaced has its connections closed, so the next query
opens the new file. Queries already running finish on the old one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading

from datasette.database import connections  # each SQL thread's connections, by database name (Datasette 0.65)

# No query holds a SQL thread longer than this (Datasette's time limit is 1 s by default).
_CLOSE_TIMEOUT = 30.0


def reconnecting_to_replaced_files(app, datasette):
    opened = _file_identities(datasette)  # as the server starts
    lock = asyncio.Lock()

    async def wrapped(scope, receive, send):
        if scope["type"] == "http":
            async with lock:
                for name, identity in _file_identities(datasette).items():
                    if opened.setdefault(name, identity) != identity and await _close_connections(datasette, name):
                        opened[name] = identity
        await app(scope, receive, send)

    return wrapped


def _file_identities(datasette) -> dict[str, tuple[int, int]]:
    """(device, inode) of each mutable database's file, by database name."""
    identities = {}
    for name, db in datasette.databases.items():
        if db.path and db.is_mutable:
            with contextlib.suppress(OSError):  # between unlink and rename, or removed: keep what is open
                stat = os.stat(db.path)
                identities[name] = (stat.st_dev, stat.st_ino)
    return identities


async def _close_connections(datasette, name: str) -> bool:
    """Close the database's connection in every SQL thread; False if some thread stayed busy."""
    if datasette.executor is None:  # --setting num_sql_threads 0: one connection, on the event loop
        db = datasette.databases[name]
        if db._read_connection is not None:
            db._read_connection.close()
            db._read_connection = None
        return True
    threads = datasette.setting("num_sql_threads")
    # Each task waits for the others, so every thread of the pool runs exactly one of them.
    barrier = threading.Barrier(threads, timeout=_CLOSE_TIMEOUT)

    def close_this_threads_connection() -> bool:
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            return False
        if (conn := getattr(connections, name, None)) is not None:
            delattr(connections, name)
            conn.close()
        return True

    loop = asyncio.get_running_loop()
    closed = await asyncio.gather(*(loop.run_in_executor(datasette.executor, close_this_threads_connection) for _ in range(threads)))
    return all(closed)
