"""Output renderers ``.alpaca`` (JSON array) and ``.jsonl``: every matching row, not one page."""

from __future__ import annotations

import re
from urllib.parse import quote

from datasette.utils.asgi import BadRequest, Response

from alpaca_explore.output import alpaca_json, json_lines

FIELDS = ("instruction", "input", "output")
# Datasette pages a table query by appending "limit N"; the export runs it without.
_PAGE_LIMIT = re.compile(r"\s+limit\s+\d+(?:\s+offset\s+\d+)?\s*$", re.I)
EXPORT_TIME_LIMIT_MS = 30_000


def can_render(columns: list[str]) -> bool:
    return all(field in columns for field in FIELDS)


def _renderer(writer, suffix: str, content_type: str):
    async def render(datasette, database, table, query_name, columns, rows, data):
        if not can_render(columns):
            raise BadRequest(f"{suffix} export needs the columns {', '.join(FIELDS)}")  # Datasette overrides a Response's status
        query = data.get("query")
        if query is not None:  # a table or query page: every matching row, not only this page's
            rows = (
                await datasette.get_database(database).execute(
                    _PAGE_LIMIT.sub("", query["sql"]), query.get("params") or {}, truncate=False,
                    custom_time_limit=EXPORT_TIME_LIMIT_MS,
                )
            ).rows
        records = ((row["instruction"], row["input"], row["output"]) for row in rows)  # a row page has its row
        return Response(
            b"".join(writer(records)),
            content_type=content_type,
            headers={"content-disposition": attachment(f"{table or query_name or database}{suffix}")},
        )

    return render


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
