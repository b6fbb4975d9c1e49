"""Time ``alpaca-explore load`` against ``sqlite-utils insert`` + ``sqlite-utils enable-fts``.

Builds a full-size corpus (52,002 records by default) from the real sample in
../shared, alternates the two pipelines (the machine is shared and noisy), and
prints the median of each, their ratio and the peak RSS of each run.

With ``--floor`` two more pipelines join the rotation: the same load with every
record's tokens, category and flags replaced by constants, which shows what the
load costs before any enrichment, and the same load with only categories and
flags replaced, which shows what classifying costs it.

    python benchmarks/load_benchmark.py [--records 52002] [--runs 5] [--tokenizer SPEC] [--floor]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import use_shared_tiktoken_cache, write_corpus  # noqa: E402
from measure import run  # noqa: E402

BIN = Path(sys.executable).parent
# alpaca-explore load with categories and flags (and, given "all", token counts) replaced by constants of the same shape.
STUBBED_LOAD = """
import sys
from alpaca_explore import enrich, pipeline

def count_batch(batch):
    return [(1, 1, 1, 3, 4) for _ in batch]

def analyse_batch(batch):
    return [(1, "other", None, None, "[]", hash(record[0])) for record in batch]

enrich.analyse_batch = analyse_batch
if sys.argv[4] == "all":
    enrich.count_batch = count_batch
pipeline.load(sys.argv[1], sys.argv[2], tokenizer=sys.argv[3])
"""


def timed(commands: list[list[str]]) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the process tree) of running the commands one after another."""
    results = [run(command) for command in commands]
    return sum(seconds for seconds, _ in results), max(rss for _, rss in results)


def median_seconds(results: list[tuple[float, float]]) -> float:
    return statistics.median(seconds for seconds, _ in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=52_002)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tokenizer", default="cl100k_base", help="as for alpaca-explore load --tokenizer")
    parser.add_argument("--floor", action="store_true", help="also time the load without enrichment, and without classifying")
    args = parser.parse_args()
    use_shared_tiktoken_cache()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.json", args.records)
        ours_db, theirs_db = Path(tmp) / "ours.db", Path(tmp) / "theirs.db"
        ours_cmd = [[str(BIN / "alpaca-explore"), "load", str(corpus), "--db", str(ours_db), "--quiet", "--tokenizer", args.tokenizer]]
        theirs_cmd = [
            [str(BIN / "sqlite-utils"), "insert", str(theirs_db), "alpaca_data", str(corpus)],
            [str(BIN / "sqlite-utils"), "enable-fts", str(theirs_db), "alpaca_data", "instruction", "input", "output"],
        ]
        contenders = [(ours_db, ours_cmd, []), (theirs_db, theirs_cmd, [])]
        if args.floor:
            for stubbed in ("all", "classify"):
                stubbed_db = Path(tmp) / f"without-{stubbed}.db"
                contenders.append((stubbed_db, [[sys.executable, "-c", STUBBED_LOAD, str(corpus), str(stubbed_db), args.tokenizer, stubbed]], []))
        for _ in range(args.runs):
            for db, commands, results in contenders:
                db.unlink(missing_ok=True)
                results.append(timed(commands))
        (_, _, ours), (_, _, theirs) = contenders[:2]
        ours_median, theirs_median = median_seconds(ours), median_seconds(theirs)
        print(f"corpus: {args.records:,} records, {corpus.stat().st_size / 1e6:.1f} MB; {args.runs} alternating runs; tokenizer {args.tokenizer}")
        print(f"alpaca-explore load:             median {ours_median:.2f} s, peak RSS {max(rss for _, rss in ours):.0f} MB")
        print(f"sqlite-utils insert + enable-fts: median {theirs_median:.2f} s, peak RSS {max(rss for _, rss in theirs):.0f} MB")
        print(f"ratio (ours / sqlite-utils): {ours_median / theirs_median:.2f}")
        if args.floor:
            for (_, _, results), what in zip(contenders[2:], ("enrichment", "categories and flags")):
                median = median_seconds(results)
                print(f"load without {what}: median {median:.2f} s, ratio {median / theirs_median:.2f}")
        tokens = sqlite3.connect(ours_db).execute("select sum(total_tokens + train_tokens) from alpaca_data").fetchone()[0]
        print(f"tokens counted (fields and training text): {tokens:,}, {tokens / ours_median / 1e6:.1f} M tokens/s over the whole load")


if __name__ == "__main__":
    main()
