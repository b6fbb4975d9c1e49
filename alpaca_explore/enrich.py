"""Enrich stage: token counts, category, verb/noun and quality issues for each record.

:func:`count_batch` and :func:`analyse_batch` run in worker processes of their
own (:mod:`alpaca_explore.workers`). ``duplicate_instruction`` needs every record before it: the write stage
adds it from the instruction keys (:meth:`database.DatabaseWriter.finish`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from . import classify, quality, tokens
from .parse import Record

_tokenizer: tokens.Tokenizer | None = None


def set_tokenizer(spec: str) -> None:
    """The tokenizer :func:`count_batch` counts with: loaded (under fork, inherited) once per worker."""
    global _tokenizer
    _tokenizer = tokens.load_tokenizer(spec)


def count_batch(batch: Sequence[tuple[str, str, str]]) -> list[tuple[int, int, int, int, int]]:
    """Per (instruction, input, output): the instruction, input, output, total and training-text token counts."""
    assert _tokenizer is not None, "set_tokenizer was not called"
    return list(map(_tokenizer.count_record, map(Record._make, batch)))


def analyse_batch(batch: Sequence[tuple[str, str, str]]) -> list[tuple]:
    """Per (instruction, input, output): has_input, category, verb, noun, its issues as the ``issues`` column's JSON
    array (all but ``duplicate_instruction``) and its :func:`instruction_key`."""
    results = []
    for record in map(Record._make, batch):
        analysis = classify.analyse(record.instruction, record.input)
        results.append(
            (
                int(bool(record.input.strip())),
                analysis.category,
                analysis.verb,
                analysis.noun,
                issues_json(quality.record_issues(*record, another_language=analysis.another_language)),
                instruction_key(record.instruction),
            )
        )
    return results


def instruction_key(instruction: str) -> int:
    """A 64-bit digest of the normalised instruction, as SQLite stores integers (the same in every process, unlike
    hash())."""
    digest = hashlib.blake2b(quality.normalise_instruction(instruction).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def issues_json(issues: Sequence[str]) -> str:
    """Issue codes as the JSON array stored in the ``issues`` column: '["refusal", "truncated_output"]', '[]'."""
    return "[" + ", ".join(f'"{code}"' for code in issues) + "]"
