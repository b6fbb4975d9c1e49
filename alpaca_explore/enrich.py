"""Enrich stage: token counts, category, verb/noun and quality issues for each record.

:func:`count_batch` and :func:`analyse_batch` run in worker processes of their
own; :class:`DuplicateTracker` runs in the parent, which sees the records in
source order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from . import classify, quality, tokens
from .parse import Record

_tokenizer: tokens.Tokenizer | None = None


def init_worker(spec: str) -> None:
    """Pool initializer of :func:`count_batch`: load (under fork, inherit) the tokenizer once per worker."""
    global _tokenizer
    _tokenizer = tokens.load_tokenizer(spec)


def count_batch(batch: Sequence[tuple[str, str, str]]) -> list[tuple[int, int, int, int, int]]:
    """Per (instruction, input, output): the instruction, input, output, total and training-text token counts."""
    assert _tokenizer is not None, "init_worker was not called"
    return list(map(_tokenizer.count_record, map(Record._make, batch)))


def analyse_batch(batch: Sequence[tuple[str, str, str]]) -> list[tuple]:
    """Per (instruction, input, output): has_input, category, verb, noun, its issues so far and a duplicate key."""
    results = []
    for record in map(Record._make, batch):
        analysis = classify.analyse(record.instruction, record.input)
        results.append(
            (
                int(bool(record.input.strip())),
                analysis.category,
                analysis.verb,
                analysis.noun,
                quality.record_issues(*record),
                instruction_key(record.instruction),
            )
        )
    return results


def instruction_key(instruction: str) -> bytes:
    """A compact digest of the normalised instruction (the same in every process, unlike hash())."""
    return hashlib.blake2b(quality.normalise_instruction(instruction).encode(), digest_size=12).digest()


class DuplicateTracker:
    """Adds ``duplicate_instruction`` to every record after the first with the same normalised instruction, and
    remembers which record each copy repeats."""

    def __init__(self) -> None:
        self._first_ids: dict[bytes, int] = {}
        self._copies: list[tuple[int, int]] = []

    def issues(self, row_id: int, key: bytes, issues: list[str]) -> str:
        """The record's issues as the JSON array stored in the ``issues`` column."""
        first_id = self._first_ids.setdefault(key, row_id)
        if first_id != row_id:
            issues = [*issues, "duplicate_instruction"]
            self._copies.append((row_id, first_id))
        return "[" + ", ".join(f'"{code}"' for code in issues) + "]" if issues else "[]"

    def groups(self) -> list[tuple[int, int]]:
        """(id, id of the first copy) of every record whose instruction occurs more than once, the first copies
        included, in id order."""
        firsts = {first_id for _, first_id in self._copies}
        return sorted([*self._copies, *((first_id, first_id) for first_id in firsts)])
