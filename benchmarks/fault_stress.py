"""Stop loads at random moments and count the ones that hang instead of failing with their one line.

Each run starts ``alpaca-explore load`` of a full-size corpus (52,002 records),
waits until it writes its copy, then, after a random delay, either
kills one of its worker processes (as the out-of-memory killer would) or sends
SIGTERM to the load or to its whole process group (as a service manager or a
container stopping does). A load that has not ended 60 s later counts as hung
and is killed; a load that ends any other way than with its one-line error (or
done, when the stop came after its last batch) counts as unexpected.

    python benchmarks/fault_stress.py {kill-worker,sigterm,sigterm-group} [--runs 40] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import use_shared_tiktoken_cache, write_corpus  # noqa: E402

EXPECTED = {
    "kill-worker": "a worker process died (killed, or out of memory?); the database was left unchanged",
    "sigterm": "terminated; the database was left unchanged",
    "sigterm-group": "terminated; the database was left unchanged",
}
# load() takes a worker count; the command line always uses every usable CPU.
LOAD = "import sys; from alpaca_explore.cli import cli; from alpaca_explore import pipeline; " \
    "pipeline.usable_cpus = lambda: int(sys.argv[1]); cli(['load', *sys.argv[2:], '--quiet'])"


def children(pid: int) -> list[int]:
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]


def one_run(mode: str, corpus: Path, db: Path, workers: int) -> str:
    """'ok', 'done' (the stop came too late), 'hung' or 'unexpected: ...'."""
    process = subprocess.Popen([sys.executable, "-c", LOAD, str(workers), str(corpus), "--db", str(db)], start_new_session=True, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(db.parent.glob(f".{db.name}.*.tmp")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(random.uniform(0, 2.5))
    if mode == "kill-worker":
        workers_now = children(process.pid)
        if workers_now:
            os.kill(random.choice(workers_now), signal.SIGKILL)
    else:
        send = os.killpg if mode == "sigterm-group" else os.kill
        send(process.pid, signal.SIGTERM)
    try:
        stderr = process.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return "hung"
    if process.returncode == 0:
        return "done"
    return "ok" if stderr == f"Error: {EXPECTED[mode]}\n" else f"unexpected: {stderr.strip()[-200:]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=sorted(EXPECTED))
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="worker processes, half of them counting")
    args = parser.parse_args()
    use_shared_tiktoken_cache()
    outcomes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.json", 52_002)
        db = Path(tmp) / "a.db"
        for run in range(args.runs):
            db.unlink(missing_ok=True)
            outcome = one_run(args.mode, corpus, db, args.workers)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            print(f"run {run + 1}: {outcome}", flush=True)
    print(f"{args.mode}, {args.runs} runs, {args.workers} workers: " + ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items())))


if __name__ == "__main__":
    main()
