"""The explorer's SQL functions, on Datasette's connections and in ``alpaca-explore export --where``.

Like SQLite's own text functions, they take a number or a blob as its text and NULL as ''.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection

from . import classify, quality, tokens


def register(
    conn: sqlite3.Connection,
    default_spec: str,
    recorded_specs: Collection[str],
    on_refusal: Callable[[str], None] = lambda explanation: None,
) -> None:
    """``token_count(text)`` in ``default_spec``, ``token_count(text, spec)``, ``alpaca_category(instruction, input)``
    and ``alpaca_normalised_instruction(instruction)``.

    ``spec`` may name a tiktoken encoding or one of ``recorded_specs`` (the tokenizers the database was loaded with),
    never another file. Python's sqlite3 reports any error in a function as "user-defined function raised
    exception": ``on_refusal`` receives the explanation of a refused spec.
    """
    recorded = frozenset(recorded_specs)

    def token_count(value, spec: str) -> int:
        if spec not in recorded and spec not in tokens.encoding_names():
            explanation = f"token_count: {spec!r} is neither a tiktoken encoding nor a tokenizer this database was loaded with"
            on_refusal(explanation)
            raise ValueError(explanation)
        return tokens.load_tokenizer(spec).count(as_text(value))

    conn.create_function("token_count", 1, lambda value: tokens.load_tokenizer(default_spec).count(as_text(value)), deterministic=True)
    conn.create_function("token_count", 2, token_count, deterministic=True)
    conn.create_function(
        "alpaca_category", 2, lambda instruction, input_: classify.category(as_text(instruction), as_text(input_)), deterministic=True
    )
    conn.create_function(
        "alpaca_normalised_instruction", 1, lambda instruction: quality.normalise_instruction(as_text(instruction)), deterministic=True
    )


def as_text(value: str | int | float | bytes | None) -> str:
    """An SQL value as SQLite's own text functions take it: NULL as '', a number as its digits, a blob as UTF-8."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
