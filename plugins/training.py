"""A row page's training text: the Alpaca prompt filled with the example, then its output, as the model trains on it,
with what a training limit cuts off marked (Alpaca's 512 tokens, or the page's ``?max_tokens=``)."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from datasette.utils import escape_sqlite, urlsafe_components

from alpaca_explore import tokens
from alpaca_explore.errors import AlpacaExploreError
from alpaca_explore.parse import Record

ALPACA_MAX_TOKENS = 512  # Stanford Alpaca's model_max_length


class TrainingText(NamedTuple):
    kept: str
    cut: str  # the text past the limit, '' when it all fits
    note: str
    max_tokens: int | None  # None when the tokenizer cannot be loaded here


async def of_row(datasette, database: str, table: str, tokenizer_spec: str, request) -> TrainingText | None:
    """The training text of the row the page shows; None when it has no such row."""
    row_id = urlsafe_components(request.url_vars["pks"])[0]
    max_tokens = _positive_int(request.args.get("max_tokens")) or ALPACA_MAX_TOKENS

    def read(conn: sqlite3.Connection) -> TrainingText | None:
        sql = f"select instruction, input, output from {escape_sqlite(table)} where id = ?"
        row = conn.execute(sql, [row_id]).fetchone()
        return None if row is None else training_text(Record(*(value or "" for value in row)), tokenizer_spec, max_tokens)

    return await datasette.get_database(database).execute_fn(read)


def training_text(record: Record, tokenizer_spec: str, max_tokens: int) -> TrainingText:
    text = tokens.training_text(record)
    what = "As Alpaca trains on it: the prompt template filled with this example, then its output"
    try:
        tokenizer = tokens.load_tokenizer(tokenizer_spec)
    except AlpacaExploreError:  # a tokenizer file on the machine that loaded the database, not on this server
        return TrainingText(text, "", f"{what}. The tokenizer it was loaded with ({tokens.describe(tokenizer_spec)}) is not on this server.", None)
    train_tokens = tokenizer.count(text) + 1  # and the end-of-sequence token
    counted = f"{what} and the end-of-sequence token: {train_tokens:,} tokens ({tokenizer.description})"
    cut_tokens = train_tokens - max_tokens
    if cut_tokens <= 0:
        note = f"{counted}, within a {max_tokens:,}-token limit."
    elif cut_tokens == 1:
        note = (
            f"{counted}. A {max_tokens:,}-token limit keeps the text but cuts the end-of-sequence token: "
            "the model never learns where the example ends."
        )
    else:
        note = (
            f"{counted}. A {max_tokens:,}-token limit keeps the first {max_tokens:,}: the last {cut_tokens:,} (struck through, "
            "then the end-of-sequence token) are never trained on."
        )
    kept = len(text) if cut_tokens <= 1 else tokenizer.kept_characters(text, max_tokens)
    return TrainingText(text[:kept], text[kept:], note, max_tokens)


def _positive_int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number > 0 else None
