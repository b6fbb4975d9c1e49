"""Load time and memory as the corpus grows: 52,002 records against 1,000,000 (about 450 MB).

    python benchmarks/growth_benchmark.py [--large 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import use_shared_tiktoken_cache, write_corpus  # noqa: E402
from measure import run  # noqa: E402

BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=52_002)
    parser.add_argument("--large", type=int, default=1_000_000)
    args = parser.parse_args()
    use_shared_tiktoken_cache()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (args.small, args.large):
            corpus = write_corpus(Path(tmp) / f"corpus-{count}.json", count)
            seconds, rss = run([str(BIN / "alpaca-explore"), "load", str(corpus), "--db", str(Path(tmp) / f"{count}.db"), "--quiet"])
            results[count] = seconds
            print(f"{count:>9,} records ({corpus.stat().st_size / 1e6:6.1f} MB): {seconds:6.1f} s, peak RSS {rss:5.0f} MB (process tree)")
            corpus.unlink()
    print(f"time ratio {results[args.large] / results[args.small]:.1f}x for {args.large / args.small:.1f}x the records")


if __name__ == "__main__":
    main()
