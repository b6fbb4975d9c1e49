"""The load pipeline: fetch -> parse -> enrich -> write, as one Python call.

Parsing and SQLite writes (rows and the full-text index) run in this process
while worker processes count tokens and classify each batch, so the work
overlaps on separate cores. Counting and classifying run in separate workers:
a counting worker's memo of word counts then serves every batch, instead of
each worker filling its own (20% less worker time for 52K records on 2 cores).
Classifying takes longer, so the counting workers classify a batch too when
they have less left to do (:func:`_classifying_pool`).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from . import __version__, classify, database, enrich, fetch, tokens
from .cpus import usable_cpus
from .errors import AlpacaExploreError
from .parse import ParseStats, Record, read_records
from .workers import Pending, handover_folder, submit, worker_pools

BATCH_SIZE = 2048
DEFAULT_DB = "alpaca.db"
DEFAULT_TABLE = "alpaca_data"


@dataclass
class LoadSummary:
    """What a load did, for the summary line and for callers of :func:`load`."""

    db_path: Path
    table: str
    rows: int
    seconds: float
    tokenizer: str
    source: str
    from_cache: bool = False
    ignored_keys: dict[str, int] = field(default_factory=dict)
    replaced_surrogates: int = 0  # escaped lone surrogates (half an emoji), loaded as U+FFFD
    flagged_rows: int = 0
    issues: dict[str, int] = field(default_factory=dict)  # rows holding each issue code, the most frequent first
    fts_tokenizer: str | None = None  # "trigram" where much of the text has no spaces (database.fts_tokenizer)
    other_language: bool = False  # much of the text in a language the classifier does not read (classify.reads_language_of)

    @property
    def db_bytes(self) -> int:
        return self.db_path.stat().st_size


def load(
    source: str | Sequence[str] = fetch.DEFAULT_SOURCE,
    db_path: str | Path = DEFAULT_DB,
    table: str = DEFAULT_TABLE,
    tokenizer: str = tokens.DEFAULT_TOKENIZER,
    *,
    use_cache: bool = True,
    timeout: float = fetch.DEFAULT_TIMEOUT,
    retries: int = fetch.DEFAULT_RETRIES,
    progress: bool = False,
    workers: int | None = None,
) -> LoadSummary:
    """Load an Alpaca-format dataset from ``source`` into ``table`` of the SQLite database ``db_path``.

    ``source`` may be several sources, such as the shards of one dataset: their records load into the
    one table, in turn. Raises :class:`~alpaca_explore.errors.AlpacaExploreError` on bad input; the
    database file is then left exactly as it was.
    """
    started = time.perf_counter()
    sources = [source] if isinstance(source, str) else list(source)
    if not sources:
        raise AlpacaExploreError("no source given")
    db_path = Path(db_path)
    database.check_table_name(table)
    tokenizer_ = tokens.load_tokenizer(tokenizer)
    workers = workers or usable_cpus()
    with contextlib.ExitStack() as stack:
        reading = stack.enter_context(contextlib.ExitStack())  # the sources, the workers and their hand-over folder
        local = [reading.enter_context(fetch.materialize(item, use_cache=use_cache, timeout=timeout, retries=retries, progress=progress)) for item in sources]
        handover = reading.enter_context(handover_folder())
        pools = reading.enter_context(worker_pools(tokenizer_.spec, workers))
        writer = stack.enter_context(database.build(db_path, table, _waiting_message(db_path, progress)))
        stats = [ParseStats() for _ in local]
        rows = 0
        with _row_counter(progress) as counter:
            try:
                for batch_rows, keys in _enriched_batches(_records_of(local, stats), *pools, workers, handover):
                    writer.insert(batch_rows, keys)
                    rows += len(batch_rows)
                    counter.update(len(batch_rows))
            except BrokenProcessPool:
                raise AlpacaExploreError("a worker process died (killed, or out of memory?); the database was left unchanged") from None
        # Closed before the database is finished, so that nothing is left to do once it replaces the old one (the workers
        # ended after it, and a Ctrl-C in those 10 ms said the database was left unchanged).
        reading.close()
        seconds = time.perf_counter() - started
        read = _what_was_read(local, stats)
        ignored_keys = sum((file_stats.ignored_keys for file_stats in stats), Counter())
        writer.finish(
            {
                **read,
                "ignored_keys": json.dumps(dict(ignored_keys), sort_keys=True),
                "rows": rows,
                "tokenizer": tokenizer_.spec,
                "tool_version": __version__,
                "loaded_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                "seconds": round(seconds, 3),
            },
            threads=workers,
        )
        flagged_rows, issues = writer.issue_counts()
        fts_tokenizer = writer.fts_tokenizer
        other_language = classify.much_in_other_language(database.sample_instructions(writer.db.conn, table))
    return LoadSummary(
        db_path=db_path,
        table=table,
        rows=rows,
        seconds=time.perf_counter() - started,
        tokenizer=tokenizer_.description,
        source=read["source"],
        from_cache=all(item.from_cache for item in local),
        ignored_keys=dict(ignored_keys),
        replaced_surrogates=sum(file_stats.replaced_surrogates for file_stats in stats),
        flagged_rows=flagged_rows,
        issues=issues,
        fts_tokenizer=fts_tokenizer,
        other_language=other_language,
    )


def _what_was_read(local: Sequence[fetch.LocalSource], stats: Sequence[ParseStats]) -> dict:
    """The provenance of the sources: source, URL and sha256 one line for each, in load order."""
    return {
        "source": "\n".join(item.source for item in local),
        "url": "\n".join(item.url or "" for item in local) if any(item.url for item in local) else None,
        "sha256": "\n".join(file_stats.sha256 for file_stats in stats),
        "format": ", ".join(sorted({file_stats.format + (" (gzip)" if file_stats.compressed else "") for file_stats in stats})),
        "records": sum(file_stats.records for file_stats in stats),
    }


def _records_of(local: Sequence[fetch.LocalSource], stats: Sequence[ParseStats]) -> Iterator[Record]:
    """The records of every source in turn; with several, an error names the source it is in."""
    for item, file_stats in zip(local, stats):
        try:
            yield from read_records(item.path, file_stats)
        except AlpacaExploreError as error:
            if len(local) == 1:
                raise
            raise AlpacaExploreError(f"{item.source}: {error}") from None


def _enriched_batches(
    records: Iterable[Record],
    counters: ProcessPoolExecutor,
    analysers: ProcessPoolExecutor,
    workers: int,
    handover: Path,
) -> Iterator[tuple[list[tuple], list[tuple[int, int]]]]:
    """Yield database rows and their (id, instruction key) batch by batch, keeping a bounded number of batches in the
    workers."""
    in_flight: deque[_InFlight] = deque()
    records = iter(records)
    first_id = 0
    while batch := list(islice(records, BATCH_SIZE)):
        texts = list(map(tuple, batch))  # plain tuples pickle 2.5x faster than Records, and each batch is sent twice
        counts = submit(counters, enrich.count_batch, texts, handover / f"{first_id}.counts")
        pool = _classifying_pool(in_flight, counters, analysers)
        in_flight.append(_InFlight(first_id, batch, counts, submit(pool, enrich.analyse_batch, texts, handover / f"{first_id}.analyses"), pool))
        first_id += len(batch)
        if len(in_flight) > 2 * workers:
            yield _rows(in_flight.popleft())
    while in_flight:
        yield _rows(in_flight.popleft())


class _InFlight(NamedTuple):
    """A batch in the workers: its first row's id, its records, their counts and classes, and the classifying pool."""

    first_id: int
    batch: list[Record]
    counts: Pending
    analyses: Pending
    pool: ProcessPoolExecutor


def _classifying_pool(in_flight: Iterable[_InFlight], counters: ProcessPoolExecutor, analysers: ProcessPoolExecutor) -> ProcessPoolExecutor:
    """The pool to classify the next batch in: the counting workers' when they have fewer batches left to work on.
    Classifying takes longer than counting, three times as long in Spanish or Russian, and the counting workers
    would otherwise wait idle on a core."""
    counting = classifying = 0
    for batch in in_flight:
        counting += not batch.counts.future.done()
        if not batch.analyses.future.done():
            if batch.pool is counters:
                counting += 1
            else:
                classifying += 1
    return counters if counting < classifying else analysers


def _rows(done: _InFlight) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Database rows in :data:`database.COLUMNS` order, and each row's (id, instruction key); ``id`` is the position in
    the source."""
    rows, keys = [], []
    for row_id, record, record_counts, (has_input, category, verb, noun, issues, key) in zip(
        range(done.first_id, done.first_id + len(done.batch)), done.batch, done.counts.result(), done.analyses.result()
    ):
        rows.append((row_id, *record, has_input, *record_counts, category, verb, noun, issues))
        keys.append((row_id, key))
    return rows, keys


def _waiting_message(db_path: Path, progress: bool) -> Callable[[], None] | None:
    """On a terminal, say why nothing happens while another load builds in the same folder."""
    if not progress:
        return None
    return lambda: print(f"waiting for another load into {db_path.resolve().parent} to finish", file=sys.stderr, flush=True)


def _row_counter(progress: bool):
    """Rows loaded so far and their rate, on a terminal (a disabled tqdm does nothing)."""
    from tqdm import tqdm

    return tqdm(unit=" rows", unit_scale=True, desc="load", disable=not progress, leave=False)
