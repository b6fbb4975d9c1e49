"""Serving speed of the explorer against plain Datasette, and a bounded load test.

Builds the same full-size corpus into ``alpaca.db`` (alpaca-explore load) and
``plain.db`` (sqlite-utils insert + enable-fts), serves both from one Datasette on
127.0.0.1, and reports p50 latencies of the pages that matter, alternating
between the two; then runs concurrent clients against the explorer for a fixed
time and reports requests per second, p50, p99 and errors.

    python benchmarks/serve_benchmark.py [--records 52002] [--requests 30] [--seconds 30] [--clients 8]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import start_datasette  # noqa: E402
from corpus import use_shared_tiktoken_cache, write_corpus  # noqa: E402

BIN = Path(sys.executable).parent
LIKE = (
    "select instruction, input, output from alpaca_data where instruction || ' ' || input || ' ' || output "
    "like '%' || :search || '%' order by random()"
)
PAIRS = [
    ("table page HTML", "/alpaca/alpaca_data", "/plain/alpaca_data"),
    ("table page JSON", "/alpaca/alpaca_data.json", "/plain/alpaca_data.json"),
    ("full-text _search", "/alpaca/alpaca_data.json?_search=python", "/plain/alpaca_data.json?_search=python"),
    ("seed LIKE search", "/alpaca/search.json?search=pandas", "/plain.json?" + httpx.QueryParams({"sql": LIKE, "search": "pandas"}).__str__()),
    ("row page", "/alpaca/alpaca_data/1234", "/plain/alpaca_data/1235"),  # the same record: sqlite-utils' rowids start at 1
]
EXPLORER_ONLY = [
    ("fts_search query", "/alpaca/fts_search.json?q=python"),
    ("fts_search, common word", "/alpaca/fts_search.json?q=the"),
    ("range facet", "/alpaca/alpaca_data.json?_facet_range=total_tokens"),
    ("full .alpaca export", "/alpaca/alpaca_data.alpaca"),
]
LOAD_MIX = [
    "/alpaca/alpaca_data.json?_size=20",
    "/alpaca/alpaca_data.json?_search=water&_size=20",
    "/alpaca/search.json?search=tree",
    "/alpaca/fts_search.json?q=recipe",
    "/alpaca/alpaca_data.json?category=math&_size=20",
    "/alpaca/by_category.json",
]


def p50_ms(client: httpx.Client, path: str, requests: int) -> float:
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return statistics.median(times)


def load_test(base: str, seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    deadline = time.monotonic() + seconds

    def run(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    ok = client.get(LOAD_MIX[i % len(LOAD_MIX)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += not ok
                i += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50": ordered[len(ordered) // 2],
        "p99": ordered[int(len(ordered) * 0.99)],
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=52_002)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    use_shared_tiktoken_cache()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder / "corpus.json", args.records)
        subprocess.run([BIN / "alpaca-explore", "load", corpus, "--db", folder / "alpaca.db", "--quiet"], check=True)
        subprocess.run([BIN / "sqlite-utils", "insert", folder / "plain.db", "alpaca_data", corpus], check=True)
        subprocess.run([BIN / "sqlite-utils", "enable-fts", folder / "plain.db", "alpaca_data", "instruction", "input", "output"], check=True)
        process, base = start_datasette("alpaca.db", "plain.db", cwd=folder)
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                print(f"{args.records:,} records; p50 of {args.requests} requests each (ms)")
                print(f"{'page':<22}{'explorer':>10}{'plain':>10}")
                for name, ours, plain in PAIRS:
                    p50_ms(client, ours, 2), p50_ms(client, plain, 2)  # warm caches
                    ours_times, plain_times = [], []
                    for _ in range(args.requests):
                        ours_times.append(p50_ms(client, ours, 1))
                        plain_times.append(p50_ms(client, plain, 1))
                    print(f"{name:<22}{statistics.median(ours_times):>10.1f}{statistics.median(plain_times):>10.1f}")
                for name, path in EXPLORER_ONLY:
                    print(f"{name:<22}{p50_ms(client, path, max(3, args.requests // 5)):>10.1f}")
            result = load_test(base, args.seconds, args.clients)
            print(
                f"load test: {args.clients} clients for {args.seconds:g} s: {result['requests']:,} requests, "
                f"{result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, {result['errors']} errors"
            )
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
