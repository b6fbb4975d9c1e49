"""Time ``alpaca-explore load`` against ``sqlite-utils insert`` + ``sqlite-utils enable-fts``.

Builds a full-size corpus (52,002 records by default) from the real sample in
../shared, alternates the two pipelines (the machine is shared and noisy), and
prints the median of each, their ratio and the peak RSS of each run.

    python benchmarks/load_benchmark.py [--records 52002] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402

BIN = Path(sys.executable).parent
# Runs a command and prints the peak RSS (KiB) of the largest process in its tree.
_MEASURE = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def timed(commands: list[list[str]]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of running the commands one after another."""
    started = time.perf_counter()
    peak = 0
    for command in commands:
        out = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True).stdout
        peak = max(peak, int(out.split()[-1]))
    return time.perf_counter() - started, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=52_002)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path(__file__).resolve().parents[2] / "shared" / "tokenizers" / "tiktoken"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.json", args.records)
        ours_db, theirs_db = Path(tmp) / "ours.db", Path(tmp) / "theirs.db"
        ours_cmd = [[str(BIN / "alpaca-explore"), "load", str(corpus), "--db", str(ours_db), "--quiet"]]
        theirs_cmd = [
            [str(BIN / "sqlite-utils"), "insert", str(theirs_db), "alpaca_data", str(corpus)],
            [str(BIN / "sqlite-utils"), "enable-fts", str(theirs_db), "alpaca_data", "instruction", "input", "output"],
        ]
        ours, theirs = [], []
        for _ in range(args.runs):
            for db, commands, results in ((ours_db, ours_cmd, ours), (theirs_db, theirs_cmd, theirs)):
                db.unlink(missing_ok=True)
                results.append(timed(commands))
        ours_median = statistics.median(seconds for seconds, _ in ours)
        theirs_median = statistics.median(seconds for seconds, _ in theirs)
        print(f"corpus: {args.records:,} records, {corpus.stat().st_size / 1e6:.1f} MB; {args.runs} alternating runs")
        print(f"alpaca-explore load:             median {ours_median:.2f} s, peak RSS {max(rss for _, rss in ours):.0f} MB")
        print(f"sqlite-utils insert + enable-fts: median {theirs_median:.2f} s, peak RSS {max(rss for _, rss in theirs):.0f} MB")
        print(f"ratio (ours / sqlite-utils): {ours_median / theirs_median:.2f}")


if __name__ == "__main__":
    main()
