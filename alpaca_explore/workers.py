"""Worker processes for the enrich stage: two pools, and each batch's results handed back through a file.

Half the workers count tokens, the other half classify and flag. Forked, they
inherit the tokenizer the parent already loaded. They leave Ctrl-C and SIGTERM
to the load, end with it, and put their results in a private temporary folder
(:func:`submit`), telling their pool only that a batch is done.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import enrich, leftovers
from .errors import AlpacaExploreError

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_STOPPING_SIGNALS = {signal.SIGINT, signal.SIGTERM}  # held while the load forks its workers
_HANDOVER_STEM = "alpaca-explore-"


@contextlib.contextmanager
def worker_pools(spec: str, workers: int) -> Iterator[tuple[ProcessPoolExecutor, ProcessPoolExecutor]]:
    """The counting pool and the classifying pool, half the workers each (one at least)."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    counting = max(1, workers // 2)
    # Each pool's workers start (on a first task) before the next pool or the database is opened: forked later, they
    # would hold its pipes open, and a classifying worker killed midway left its pool writing a batch into a pipe that
    # never broke, so the load hung instead of failing (13 of 40 loads whose worker was killed). The classifying workers
    # do hold the counting pool's pipes: their pool, inside, shuts down first and lets those break.
    with contextlib.ExitStack() as pools:
        try:
            counters = pools.enter_context(ProcessPoolExecutor(counting, mp_context=context, initializer=_init_worker, initargs=(spec,)))
            _start(counters)
            analysers = pools.enter_context(ProcessPoolExecutor(max(1, workers - counting), mp_context=context, initializer=_init_worker))
            _start(analysers)
        except OSError as error:
            # Their locks are kept in /dev/shm, which other programs' shared memory can fill (PyTorch's data loaders).
            where = " in /dev/shm" if error.errno == errno.ENOSPC else ""
            raise AlpacaExploreError(f"cannot start worker processes: {error.strerror}{where}") from None
        yield counters, analysers


def _start(pool: ProcessPoolExecutor) -> None:
    """Start the pool's workers on a first task, holding Ctrl-C and SIGTERM while they fork: arriving amid a fork, they
    were raised in a fork hook, where Python ignores exceptions, and the load went on."""
    with _stops_held():
        started = pool.submit(int)
    started.result()


@contextlib.contextmanager
def _stops_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM (delivered on leaving) where the platform can (not Windows, which does not fork)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _init_worker(spec: str | None = None) -> None:
    """Pool initializer: leave Ctrl-C to the parent, which stops the load (interrupted too, a worker printed its
    traceback, and its pool could hang), end on SIGTERM (not raise the parent's exception), end with the load, and,
    given a tokenizer ``spec``, count with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING_SIGNALS)
    _end_with_the_load()
    if spec is not None:
        enrich.set_tokenizer(spec)


def _end_with_the_load() -> None:
    """On Linux, end when the load's process ends (a SIGKILL, the out-of-memory killer): the worker lived on otherwise,
    blocked for good on a pipe the other pool's worker held open."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere workers are spawned: they hold no other pipes, and see theirs close
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != multiprocessing.parent_process().pid:  # the load ended before prctl took hold
        os._exit(1)


@contextlib.contextmanager
def handover_folder() -> Iterator[Path]:
    """A private temporary folder for the workers' results (see :func:`_into_file`); those a killed load left go."""
    try:
        leftovers.remove_abandoned(Path(tempfile.gettempdir()), _HANDOVER_STEM)
        folder = tempfile.TemporaryDirectory(prefix=leftovers.prefix(_HANDOVER_STEM))
    except OSError as error:
        raise _temp_folder_error(error) from None
    with folder as path:
        yield Path(path)


def submit(pool: ProcessPoolExecutor, function: Callable[[Sequence[tuple]], list], texts: list[tuple], path: Path) -> Pending:
    """Run ``function(texts)`` in one of the pool's workers, its result left in ``path`` (in :func:`handover_folder`)."""
    return Pending(pool.submit(_into_file, function, texts, path), path)


def _into_file(function: Callable[[Sequence[tuple]], list], texts: Sequence[tuple], path: Path) -> None:
    """In a worker: leave ``function(texts)`` pickled in ``path``. Returned through the pool, a result went down its
    pipe in pieces, and a worker killed between two (out of memory) left the pool waiting for the rest for good: the
    load hung instead of failing. The pool's own message is now too small to be split."""
    result = function(texts)
    try:
        with path.open("wb") as file:
            pickle.dump(result, file, pickle.HIGHEST_PROTOCOL)
    except OSError as error:
        raise _temp_folder_error(error) from None


@dataclass
class Pending:
    """A batch's results on their way back from a worker."""

    future: Future
    path: Path

    def result(self) -> list:
        self.future.result()
        result = pickle.loads(self.path.read_bytes())
        self.path.unlink()
        return result


def _temp_folder_error(error: OSError) -> AlpacaExploreError:
    return AlpacaExploreError(f"cannot write to the temporary folder {tempfile.gettempdir()} (TMPDIR names another): {error.strerror}")
