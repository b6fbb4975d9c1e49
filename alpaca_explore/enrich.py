"""Enrich stage: token counts, category, verb/noun and quality issues for each record.

:func:`analyse_batch` runs in worker processes; :class:`DuplicateTracker` runs
in the parent, which sees the records in source order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from . import classify, quality, tokens
from .parse import Record

_tokenizer: tokens.Tokenizer | None = None


def init_worker(spec: str) -> None:
    """Pool initializer: load (under fork, inherit) the tokenizer once per worker."""
    global _tokenizer
    _tokenizer = tokens.load_tokenizer(spec)


def analyse_batch(batch: Sequence[Record]) -> list[tuple]:
    """Per record: has_input, the five token counts, category, verb, noun and its issues so far."""
    assert _tokenizer is not None, "init_worker was not called"
    count_record = _tokenizer.count_record
    results = []
    for record in batch:
        analysis = classify.analyse(record.instruction, record.input)
        results.append(
            (
                int(bool(record.input.strip())),
                *count_record(record),
                analysis.category,
                analysis.verb,
                analysis.noun,
                quality.record_issues(*record),
            )
        )
    return results


class DuplicateTracker:
    """Adds ``duplicate_instruction`` to every record after the first with the same normalised instruction."""

    def __init__(self) -> None:
        self._seen: set[int] = set()

    def issues(self, instruction: str, issues: list[str]) -> str:
        key = hash(quality.normalise_instruction(instruction))
        if key in self._seen:
            issues = [*issues, "duplicate_instruction"]
        else:
            self._seen.add(key)
        return json.dumps(issues)
