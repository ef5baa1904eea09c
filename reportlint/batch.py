"""Running a batch of files: the result cache, worker processes and progress.

The linter itself knows nothing of processes or caches; this module decides,
for one ``reportlint check`` run, which files need linting at all (the cache
answers for unchanged ones), spreads those over ``jobs`` worker processes, and
puts the results back in discovery order — so the output is the same byte for
byte whatever ``--jobs`` is. Cross-report rules run last, in this process, on
the whole batch.

Workers are forked from this process where the platform allows (Linux), so
they inherit the loaded plugins and configuration without importing anything
again; elsewhere they are spawned and build the same ``ConfiguredLinter`` from
the arguments it was made with. Results come back slim (no parsed report), as
plain values (reportlint/plain.py), to keep pickling cheap: the parent
unpickles every result while the workers still lint.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence

from reportlint.engine import FileResult

#: Below this many files to lint, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8
#: Files handed to a worker at a time: large enough to amortise the round trip,
#: small enough that both workers stay busy to the end.
CHUNK = 4

Progress = Callable[[int, int], None]


def available_cpus() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return max(os.cpu_count() or 1, 1)


def effective_jobs(jobs: int | None, files: int) -> int:
    """``jobs`` as asked; ``None`` (auto) means every core when there are enough files."""
    if jobs is not None:
        return max(1, min(jobs, max(files, 1)))
    if files < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(available_cpus(), files // 2))


def run(linter, paths: Iterable[str], *, jobs: int | None = None, cache=None,
        progress: Progress | None = None, previous: FileResult | None = None,
        slim: bool = False) -> list[FileResult]:
    """Lint every file under ``paths`` with ``linter`` (a ConfiguredLinter or Linter).

    ``cache`` is a :class:`reportlint.cache.ResultCache` or None. Results are in
    discovery order; cached and worker results are slim (see FileResult), and
    with ``slim`` all are — memory then stays bounded by one report at a time
    plus the findings and lines of each, whatever the size of the batch.
    """
    found = linter.discover(paths)
    total = len(found)
    results: list[FileResult | None] = [None] * total
    todo: list[int] = []
    done = 0
    for i, (path, _explicit) in enumerate(found):
        hit = cache.get(linter, path) if cache is not None else None
        if hit is not None:
            results[i] = hit
            done += 1
            if progress:
                progress(done, total)
        else:
            todo.append(i)
    n = effective_jobs(jobs, len(todo))
    items = [found[i] for i in todo]
    tick = _tick(progress, done, total)
    fresh = _parallel(linter, items, n, tick) if n > 1 else _serial(linter, items, tick, cache, slim)
    for i, result in zip(todo, fresh):
        results[i] = result
        if cache is not None and n > 1:
            cache.put(linter, result)
    final = [r for r in results if r is not None]
    # Cross-report pairs of slim results are parsed again: in workers too when the files were.
    jobs_for_pairs = effective_jobs(jobs, len(found))
    linter.lint_across(final, previous, cache, _pairs_in_workers(linter, jobs_for_pairs) if jobs_for_pairs > 1 else None)
    return final


def _tick(progress: Progress | None, start: int, total: int) -> Callable[[], None]:
    count = [start]

    def tick() -> None:
        count[0] += 1
        if progress:
            progress(count[0], total)

    return tick


def _serial(linter, items: Sequence[tuple[str, bool]], tick: Callable[[], None], cache=None,
            slim: bool = False) -> list[FileResult]:
    out = []
    for path, explicit in items:
        result = linter.lint_file(path, explicit=explicit)
        if slim or cache is not None:
            slimmed = result.slim()  # once: the cache stores the slim result too
            if cache is not None:
                cache.put(linter, slimmed)
            if slim:
                result = slimmed
        out.append(result)
        tick()
    return out


# -- worker processes ---------------------------------------------------------------------

_WORKER_LINTER = None  # set in the parent before forking, or by _init_worker when spawned


def _init_worker(factory: Callable[[], object] | None) -> None:
    global _WORKER_LINTER
    if _WORKER_LINTER is None and factory is not None:
        from reportlint.collector import collect_less

        _WORKER_LINTER = factory()
        collect_less()  # a spawned worker is a process of ours too (a forked one inherits it)


def _lint_one(item: tuple[str, bool]) -> tuple:
    """Lint one file in a worker; the result goes back as plain values (reportlint/plain.py), which
    pickle several times faster than the records — the parent unpickles every result itself."""
    from reportlint.plain import to_wire

    path, explicit = item
    return to_wire(_WORKER_LINTER.lint_file(path, explicit=explicit))


def _pair_one(paths: tuple[str, str]) -> list | None:
    """One cross-report pair in a worker: both files parsed again, the findings as plain rows."""
    from reportlint.plain import diagnostic_rows

    prev_path, cur_path = paths
    linter = _WORKER_LINTER.linter_for(cur_path) if hasattr(_WORKER_LINTER, "linter_for") else _WORKER_LINTER
    found = linter.pair_findings(FileResult(prev_path, []), FileResult(cur_path, []))
    return None if found is None else diagnostic_rows(found)


#: Below this many pairs to compute, workers cost more than parsing them here.
PAIRS_THRESHOLD = 4


def _pairs_in_workers(top, jobs: int):
    """A ``pair_map`` for Linter.lint_across: the pairs' parsing and rules in ``jobs`` workers.

    In a run over several years most reports belong to a pair, and each pair's
    two files are parsed again: done in the parent alone, that was a serial
    third of the work. Findings come back in the order of the pairs; if the
    workers cannot be used, the pairs are computed here, as without them.
    """

    def pair_map(linter, pairs):
        rows = None
        if len(pairs) >= PAIRS_THRESHOLD:
            rows = _map_in_workers(top, _pair_one, [(p.path, c.path) for p, c in pairs], jobs)
        if rows is None:
            return [linter.pair_findings(p, c) for p, c in pairs]
        from reportlint.plain import diagnostics_from_rows

        return [None if r is None else diagnostics_from_rows(r, c.path) for r, (_, c) in zip(rows, pairs)]

    return pair_map


def _map_in_workers(linter, fn: Callable, items: list, jobs: int) -> list | None:
    """``[fn(item) for item in items]`` in worker processes, in order; None when that cannot be done
    (a bare Linter where workers are spawned, a worker that died): the caller then does it here."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _start_pool(linter, jobs)
    if pool is None:
        return None
    try:
        return list(pool.map(fn, items))
    except (BrokenProcessPool, Exception):
        pool.shutdown(wait=True, cancel_futures=True)
        return None
    finally:
        _stop_pool(pool)


def _context():
    """(context, forked): fork on Linux (inherits the loaded plugins), spawn elsewhere."""
    import multiprocessing  # not at the top: a one-file check never starts a process

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork"), True
    return multiprocessing.get_context("spawn"), False


def _start_pool(linter, jobs: int):
    """A pool of ``jobs`` workers linting with ``linter`` — inherited when forked, rebuilt from its
    factory when spawned — or None when a spawned worker cannot rebuild it (a bare Linter)."""
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_LINTER
    ctx, forked = _context()
    factory = None if forked else getattr(linter, "factory", None)
    if not forked and factory is None:
        return None
    _WORKER_LINTER = linter if forked else None
    if forked:  # load the grammar's tables once, here, instead of once in every worker
        from reportlint.parse import _get_tables

        _get_tables()
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(factory,))


def _stop_pool(pool) -> None:
    global _WORKER_LINTER
    pool.shutdown(wait=True)
    _WORKER_LINTER = None


def _parallel(linter, items: Sequence[tuple[str, bool]], jobs: int, tick: Callable[[], None]) -> list[FileResult]:
    from concurrent.futures.process import BrokenProcessPool

    from reportlint.plain import from_wire

    pool = _start_pool(linter, jobs)
    if pool is None:
        return _serial(linter, items, tick)
    out: list[FileResult] = []
    try:
        for wire in pool.map(_lint_one, items, chunksize=CHUNK):
            out.append(from_wire(wire))
            tick()
    except (BrokenProcessPool, Exception):
        # A worker died (killed, out of memory, a crash in a C extension) or a
        # result could not be sent back: lint what is left here, one by one,
        # so every file still gets its result.
        pool.shutdown(wait=True, cancel_futures=True)
        out.extend(_serial(linter, items[len(out):], tick, slim=True))
    finally:
        _stop_pool(pool)
    return out
