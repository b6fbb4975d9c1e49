"""The ``alpaca-explore`` command line: a thin click layer over :mod:`alpaca_explore`."""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# sqlite-utils imports pandas whenever it is installed; the command line never uses it, and it
# would add a third of a second and about 100 MB to every load (and to each worker process).
sys.modules.setdefault("pandas", None)

import click  # noqa: E402

from . import __version__, fetch, output, pipeline, tokens  # noqa: E402
from .errors import AlpacaExploreError  # noqa: E402


class _Terminated(BaseException):
    """SIGTERM, raised where the command is, so that it cleans up as on Ctrl-C (by default it ended at once)."""


def _raise_terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the command at once
    raise _Terminated


class _Command(click.Command):
    """Turns :class:`AlpacaExploreError` into ``Error: message`` and exit status 1, never a traceback; Ctrl-C and
    SIGTERM into ``Error: interrupted; `` (``terminated; ``) and what the command left as it was."""

    def __init__(self, *args, kept: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kept = kept

    def invoke(self, ctx: click.Context):
        try:
            with _sigterm_raised():
                return super().invoke(ctx)
        except AlpacaExploreError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            raise click.ClickException(f"interrupted; {self.kept}") from None
        except _Terminated:
            raise click.ClickException(f"terminated; {self.kept}") from None


@contextlib.contextmanager
def _sigterm_raised() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated` in the block, where the main thread runs it (only it may handle signals:
    a command run in another thread, as by a test runner, keeps the handler it has)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)  # None: a handler set outside Python


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alpaca-explore")
def cli() -> None:
    """Explore Alpaca-format instruction-tuning datasets with SQLite and Datasette.

    \b
        alpaca-explore load && datasette alpaca.db
    """


@cli.command(cls=_Command, kept="the database was left unchanged")
@click.argument("sources", metavar="[SOURCE]...", nargs=-1)
@click.option("--db", "db_path", default=pipeline.DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite database to write.")
@click.option("--table", default=pipeline.DEFAULT_TABLE, show_default=True, help="Table to load into (replaced if it exists).")
@click.option("--tokenizer", default=tokens.DEFAULT_TOKENIZER, show_default=True, help="tiktoken encoding, SentencePiece tokenizer.model or Hugging Face tokenizer.json.")
@click.option("--timeout", default=fetch.DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0.1), help="Seconds to wait to connect or for the next bytes.")
@click.option("--retries", default=fetch.DEFAULT_RETRIES, show_default=True, type=click.IntRange(min=0), help="Retries on connection errors, 429 and 5xx.")
@click.option("--no-cache", is_flag=True, help="Download again instead of revalidating the cached copy.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def load_command(sources: tuple[str, ...], db_path: str, table: str, tokenizer: str, timeout: float, retries: int, no_cache: bool, quiet: bool) -> None:
    """Load SOURCE into a SQLite database with search, token counts, categories and quality flags.

    SOURCE is an http(s) URL, a GitHub or Hugging Face blob/ page URL, an
    hf://datasets/OWNER/NAME/FILE path, a local path or - for standard input; a
    JSON array, JSON Lines or CSV/TSV with a header row naming the fields,
    optionally gzip-compressed, or Parquet or Arrow (with pyarrow installed). It
    defaults to Stanford Alpaca's alpaca_data.json. Several sources, such as the
    shards of one dataset, load into one table in turn.

    \b
    Examples:
        alpaca-explore load
        alpaca-explore load alpaca_data_cleaned.json --db cleaned.db
        alpaca-explore load https://github.com/gururise/AlpacaDataCleaned/blob/main/alpaca_data_cleaned.json
        alpaca-explore load data.jsonl --table gpt4 --tokenizer tokenizer.model
        cat data.jsonl | alpaca-explore load - --db data.db
        alpaca-explore load train-0000*-of-00004.parquet --db hf.db
        alpaca-explore load hf://datasets/yahma/alpaca-cleaned/alpaca_data_cleaned.json
    """
    summary = pipeline.load(
        sources or fetch.DEFAULT_SOURCE,
        db_path,
        table,
        tokenizer,
        use_cache=not no_cache,
        timeout=timeout,
        retries=retries,
        progress=not quiet and sys.stderr.isatty(),
    )
    if not quiet:
        ignored = _most_frequent(summary.ignored_keys)
        click.echo(
            f"Loaded {_counted(summary.rows, 'row')} into {summary.db_path} (table {summary.table}, "
            f"{summary.db_bytes / 1e6:.1f} MB) in {summary.seconds:.1f}s; tokens: {summary.tokenizer}"
            + ("; from cache" if summary.from_cache else "")
            + (f"; ignored keys: {ignored}" if ignored else "")
            + (f"; read {_counted(summary.replaced_surrogates, 'lone surrogate escape')} (half an emoji?) as U+FFFD" if summary.replaced_surrogates else "")
            + ("; search matches characters in a row, not words (much of the text is in a script without spaces)" if summary.fts_tokenizer == "trigram" else "")
            + ("; verbs and nouns are not read in the language of much of this text" if summary.other_language else ""),
            err=True,
        )
        click.echo(_flagged(summary), err=True)


load_command.name = "load"


def _flagged(summary: pipeline.LoadSummary) -> str:
    """"Flagged 1,226 rows (2.4%): placeholder_input 611, missing_media 556, ...": what the load found broken."""
    if not summary.flagged_rows:
        return "Flagged no rows"
    share = f"{summary.flagged_rows / summary.rows:.1%}"
    return f"Flagged {_counted(summary.flagged_rows, 'row')} ({share}): " + ", ".join(f"{code} {count:,}" for code, count in summary.issues.items())


def _counted(count: int, noun: str) -> str:
    """"1 row", "4,000 rows"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _most_frequent(counts: dict[str, int], shown: int = 10) -> str:
    """The most frequent keys with their counts, kept to one line however many and whatever they hold."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    listed = ", ".join(f"{key if key.isprintable() else json.dumps(key)} ({count:,})" for key, count in ranked[:shown])
    return listed + (f" and {len(ranked) - shown:,} more" if len(ranked) > shown else "")


@cli.command(name="export", cls=_Command, kept="nothing was written to an -o file")
@click.option("--db", "db_path", default=pipeline.DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite database to read.")
@click.option("--table", default=pipeline.DEFAULT_TABLE, show_default=True, help="Table to read.")
@click.option("--search", help="Full-text search terms (all must match).")
@click.option("--category", help="Only this task category (open_qa, closed_qa, generation, ...).")
@click.option(
    "--where",
    help="Extra SQL condition, e.g. \"train_tokens <= 512 and issues = '[]'\"; token_count(), alpaca_category() and "
    "alpaca_normalised_instruction() work as in Datasette.",
)
@click.option("--format", "fmt", type=click.Choice(output.FORMATS), default="json", show_default=True, help="JSON array (Alpaca layout) or JSON Lines.")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="File to write (default: standard output).")
def export_command(db_path: str, table: str, search: str | None, category: str | None, where: str | None, fmt: str, output_path: Path | None) -> None:
    """Write the matching rows as Alpaca records (instruction, input, output).

    \b
    Examples:
        alpaca-explore export --category brainstorming -o brainstorming.json
        alpaca-explore export --search "python" --format jsonl > python.jsonl
        alpaca-explore export --where "train_tokens <= 512 and issues = '[]'" -o clean.json
    """
    if output_path is None:
        count = output.export(db_path, table, sys.stdout.buffer, fmt=fmt, search=search, category=category, where=where)
    else:
        with output.output_file(output_path, db_path) as out:
            count = output.export(db_path, table, out, fmt=fmt, search=search, category=category, where=where)
    click.echo(f"Exported {_counted(count, 'record')}", err=True)
