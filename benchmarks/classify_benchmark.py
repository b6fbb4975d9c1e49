"""Categories, verb/noun and quality flags: agreement with the hand labels, and time per record.

Prints, for every label set in tests/data, how often the category, verb and noun agree with the
hand labels (and for the hand translations of some sets into other languages), one confusion matrix over all sets and the precision and recall of the flags; then
the CPU time that categories with verb/noun, and flags, take for a full-size corpus in one
process (median of --runs), against the load's budget of 0.5 s for both, and the same for records whose instructions
are in the seven languages read through tables of their verbs and an English gloss. Run it from the test
environment (it reads the label sets through the tests).

    python benchmarks/classify_benchmark.py [--records 52002] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus import iter_corpus  # noqa: E402
from test_classify import (  # noqa: E402
    LABEL_SETS, OTHER_LANGUAGE_SETS, TRANSLATED_SETS, agreement, confusion_matrix, flag_counts, labelled, translated, translated_flags,
)

from alpaca_explore.classify import analyse  # noqa: E402
from alpaca_explore.quality import record_issues  # noqa: E402


LANGUAGES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pt": "Portuguese",
    "ru": "Russian", "zh": "Chinese",
}


def report_agreement() -> None:
    print(f"{'label set':<34} {'records':>7} {'category':>9} {'verb':>7} {'noun':>7}")
    every_pair = []
    for labels in LABEL_SETS:
        pairs = labelled(labels)
        every_pair += pairs
        print_shares(labels.name, pairs)
    for translations in (*TRANSLATED_SETS, *OTHER_LANGUAGE_SETS):
        print_shares(f"{translations.name} (in {LANGUAGES[translations.stem.split('_')[1][:2]]})", translated(translations))
    print(f"\ncategories over all {len(every_pair)} labelled records (rows: label, columns: rules)")
    print(confusion_matrix(every_pair))
    print_flags("flags", [(record_issues(r["instruction"], r["input"], r["output"]), label["issues"]) for r, label in every_pair])
    print_flags("flags of the translated records", translated_flags())


def print_flags(name: str, flagged: list[tuple[list[str], list[str]]]) -> None:
    """Precision and recall of the flags raised against those labelled."""
    raised, correct, expected = flag_counts(flagged)
    print(f"\n{name}: {raised} raised, {correct} correct (precision {correct / raised:.0%}), {expected} labelled (recall {correct / expected:.0%})")


def print_shares(name: str, pairs: list[tuple[dict, dict]]) -> None:
    """The share of the records whose category, verb and noun agree with their labels."""
    print(f"{name:<34} {len(pairs):>7} " + " ".join(f"{share:>8.1%}" for share in agreement(pairs)))


def seconds(function, runs: int) -> float:
    """Median CPU seconds of ``function()``."""
    timings = []
    for _ in range(runs):
        started = time.process_time()
        function()
        timings.append(time.process_time() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=52_002)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    report_agreement()
    records = [(r["instruction"], r["input"], r["output"]) for r in iter_corpus(args.records)]
    print(f"\n{len(records):,} records, one process, median of {args.runs}:")
    report_time(records, args.runs)
    # The same records with instructions drawn in turn from the hand translations into the seven languages the classifier
    # reads by keywords (their categories and flags take another path).
    translations = [record["instruction"] for path in OTHER_LANGUAGE_SETS for record, _ in translated(path)]
    print(f"\nthe same, their instructions drawn from the {len(translations)} of the Spanish, Portuguese, French, Italian, German, Dutch and Russian sets:")
    report_time([(translations[i % len(translations)], input_, output) for i, (_, input_, output) in enumerate(records)], args.runs)


def report_time(records: list[tuple[str, str, str]], runs: int) -> None:
    """CPU time of categories with verb/noun, and of the flags as a load computes them."""
    analyses = [analyse(instruction, input_) for instruction, input_, _ in records]
    classify = seconds(lambda: [analyse(instruction, input_) for instruction, input_, _ in records], runs)
    flags = seconds(lambda: [record_issues(*record, another_language=a.another_language) for record, a in zip(records, analyses)], runs)
    print(f"categories and verb/noun: {classify:.2f} s ({classify / len(records) * 1e6:.1f} µs a record)")
    print(f"quality flags:            {flags:.2f} s ({flags / len(records) * 1e6:.1f} µs a record)")
    print(f"together:                 {classify + flags:.2f} s (budget: well under 0.5 s)")


if __name__ == "__main__":
    main()
