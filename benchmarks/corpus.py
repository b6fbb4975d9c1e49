"""Build a full-size Alpaca-format corpus from the 4,000 real records in ../shared.

Records are resampled and perturbed (a few words of each copy swapped for words
drawn from the corpus vocabulary) so that every text stays unique while lengths
keep the real distribution. Records are generated and written one at a time, so
a corpus of millions of records needs little memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "data" / "alpaca_sample_4000.json"


def use_shared_tiktoken_cache() -> None:
    """Let tiktoken find cl100k_base offline in ../shared unless TIKTOKEN_CACHE_DIR says otherwise."""
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(SHARED / "tokenizers" / "tiktoken"))


def perturb(text: str, vocabulary: list[str], rng: random.Random, swaps: int) -> str:
    words = text.split(" ")
    for _ in range(min(swaps, len(words))):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def iter_corpus(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield `count` unique records: the real sample first, then perturbed resamples."""
    sample = json.loads(SAMPLE.read_text())
    vocabulary = sorted({word for record in sample for word in record["output"].split() if word.isalpha()})
    rng = random.Random(seed)
    seen: set[bytes] = set()
    produced = 0
    while produced < count:
        base = sample[produced % len(sample)]
        record = dict(base)
        if produced >= len(sample):
            record["instruction"] = perturb(base["instruction"], vocabulary, rng, 1)
            record["output"] = perturb(base["output"], vocabulary, rng, 3)
        key = hashlib.blake2b("\0".join(record.values()).encode(), digest_size=12).digest()
        if key not in seen:
            seen.add(key)
            produced += 1
            yield record


def write_corpus(path: Path, count: int, *, jsonl: bool = False) -> Path:
    """Write a corpus of `count` records as a JSON array (indent 4, like Alpaca) or JSON Lines."""
    with path.open("w") as out:
        if jsonl:
            for record in iter_corpus(count):
                out.write(json.dumps(record) + "\n")
        else:
            separator = "[\n"
            for record in iter_corpus(count):
                out.write(separator + "    " + json.dumps(record, indent=4).replace("\n", "\n    "))
                separator = ",\n"
            out.write("\n]\n" if separator == ",\n" else "[]\n")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1])
    write_corpus(target, int(sys.argv[2]) if len(sys.argv) > 2 else 52_002, jsonl=target.suffix == ".jsonl")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")
