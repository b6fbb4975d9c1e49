"""Enrich stage: token counts, category, verb/noun and quality issues for each record.

:func:`count_batch` and :func:`analyse_batch` run in worker processes of their
own. ``duplicate_instruction`` needs every record before it: the write stage
adds it from the instruction keys (:meth:`database.DatabaseWriter.finish`).
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Sequence

from . import classify, quality, tokens
from .parse import Record

_tokenizer: tokens.Tokenizer | None = None
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOPPING_SIGNALS = {signal.SIGINT, signal.SIGTERM}  # held while the load forks its workers


def init_worker(spec: str | None = None) -> None:
    """Pool initializer: leave Ctrl-C to the parent, which stops the load (interrupted too, a worker printed its
    traceback, and its pool could hang), end on SIGTERM (not raise the parent's exception), end with the load, and,
    given a tokenizer ``spec``, count with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS)
    _end_with_the_load()
    if spec is not None:
        set_tokenizer(spec)


def set_tokenizer(spec: str) -> None:
    """The tokenizer :func:`count_batch` counts with: loaded (under fork, inherited) once per worker."""
    global _tokenizer
    _tokenizer = tokens.load_tokenizer(spec)


def _end_with_the_load() -> None:
    """On Linux, end when the load's process ends (a SIGKILL, the out-of-memory killer): the worker lived on otherwise,
    blocked for good on a pipe the other pool's worker held open."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere workers are spawned: they hold no other pipes, and see theirs close
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != multiprocessing.parent_process().pid:  # the load ended before prctl took hold
        os._exit(1)


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
                issues_json(quality.record_issues(*record)),
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
