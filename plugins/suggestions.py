"""Skip Datasette's facet suggestions on alpaca-explore table pages.

Datasette 0.65 suggests facets by grouping every column of the table on every
page view; over the long instruction/input/output texts that costs more than the
rest of the page. The table's curated facets (metadata.yml) replace them.
"""

from __future__ import annotations

from . import resources


def without_facet_suggestions(app, datasette):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and _is_alpaca_table(scope["path"], datasette):
            query = scope.get("query_string", b"")
            if b"_nosuggest" not in query:
                scope = dict(scope, query_string=query + (b"&" if query else b"") + b"_nosuggest=1")
        await app(scope, receive, send)

    return wrapped


def _is_alpaca_table(path: str, datasette) -> bool:
    parts = path.strip("/").split("/")
    if len(parts) != 2:
        return False
    route, table = parts[0], parts[1].removesuffix(".json")
    db = next((db for db in datasette.databases.values() if db.route == route), None)
    return db is not None and table in resources.alpaca_tables(db)
