"""Checking many files: one at a time or spread over processes, with the results cache.

:func:`check_files` takes the files as they are found and yields one :class:`FileResult`
per file, in their order, as soon as it and every file before it are done: files go through
in batches, the next batch already at work while the current one is reported, so memory
stays flat however many files there are. ``jobs`` is the number of processes (0: one per
core); a handful of files is checked in this process, where a pool would cost more than it
saves. Files the cache knows are answered in this process, whatever ``jobs`` says.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .cache import Cache, settings_key

#: Fewer files than this are checked in this process whatever ``jobs`` says.
POOL_FROM = 8
#: Files taken at a time.
BATCH = 256


class Task(NamedTuple):
    """One file to check: its path, the name shown for it, and its settings with a number
    that is the same for every file of those settings (a process keeps the first copy it
    is sent, so the engine plans its rules once per settings, not once per file)."""

    path: str
    name: str
    settings_number: int
    settings: object


class FileResult(NamedTuple):
    """One file's findings (and, after --fix, the fixes applied and whether it changed)."""

    name: str
    diagnostics: list
    fixed: tuple | list = ()
    changed: bool = False


class Job(NamedTuple):
    """What every task of a run shares: what to do, and the cache."""

    fix: bool = False
    unsafe: bool = False
    with_fixes: bool = False   # reports that show fixes (json, sarif) need them resolved
    cache_folder: str | None = None


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def check_files(tasks: Iterable[Task], job: Job, jobs: int = 1) -> Iterator[FileResult]:
    """A result per task, in order (see the module's documentation)."""
    _start(job)
    pool = _Pool(job, worker_count(jobs))
    try:
        waiting = None
        for batch in _batches(tasks):
            started = _begin(batch, pool)
            if waiting is not None:
                yield from _finish(*waiting)
            waiting = started
        if waiting is not None:
            yield from _finish(*waiting)
    finally:
        pool.close()


def _batches(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    batch = []
    for task in tasks:
        batch.append(task)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _begin(batch: list[Task], pool: "_Pool") -> tuple:
    """Set a batch to work: (the batch, its cache entries by index, its other results)."""
    known = _known(batch) if _cache is not None else {}
    misses = [task for index, task in enumerate(batch) if index not in known]
    return batch, known, pool.check(misses)


def _finish(batch: list[Task], known: dict[int, str], checked: Iterator[FileResult]):
    for index, task in enumerate(batch):
        if index not in known:
            yield next(checked)
            continue
        cached = _cache.load(known[index], task.name)
        yield FileResult(task.name, cached) if cached is not None else _check(task)


def _known(tasks: list[Task]) -> dict[int, str]:
    """The cache entries of the tasks whose files the cache holds, by task index."""
    from .engine import read_bytes

    known = {}
    for index, task in enumerate(tasks):
        data = read_bytes(task.path, task.name)
        if isinstance(data, bytes):
            entry = _cache.entry(data, settings_key(task.settings, _job.with_fixes))
            if os.path.isfile(entry):
                known[index] = entry
    return known


class _Pool:
    """Worker processes, started when a batch first has enough files to need them."""

    def __init__(self, job: Job, processes: int):
        self.job, self.processes, self.pool = job, processes, None

    def check(self, tasks: list[Task]) -> Iterator[FileResult]:
        if self.pool is None and (self.processes <= 1 or len(tasks) < POOL_FROM):
            return map(_check, tasks)
        if self.pool is None:
            import multiprocessing

            self.pool = multiprocessing.Pool(self.processes, initializer=_start,
                                             initargs=(self.job,))
        chunk = max(1, min(32, len(tasks) // (self.processes * 4)))
        return self.pool.imap(_check, tasks, chunksize=chunk)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


_job: Job | None = None
_cache: Cache | None = None
_settings: dict[int, object] = {}


def _start(job: Job) -> None:
    global _job, _cache
    _job = job
    _cache = Cache(job.cache_folder) if job.cache_folder and not job.fix else None
    _settings.clear()


def _check(task: Task) -> FileResult:
    from .engine import decode, read_bytes

    data = read_bytes(task.path, task.name)
    if not isinstance(data, bytes):
        return FileResult(task.name, [data])
    settings = _settings.setdefault(task.settings_number, task.settings)
    if _job.fix:
        return fix_file(task, data, settings)
    key = settings_key(settings, _job.with_fixes) if _cache else None
    decoded = decode(data)
    if decoded.text is None:
        from .engine import unreadable

        return FileResult(task.name, [unreadable(task.name, decoded.problem)])
    from .engine import lint_text

    diagnostics = [_portable(d, _job.with_fixes)
                   for d in lint_text(decoded.text, path=task.name, config=settings)]
    if _cache is not None:
        _cache.put(data, key, diagnostics)
    return FileResult(task.name, diagnostics)


def fix_path(path: str, settings, unsafe: bool = False) -> FileResult:
    """Fix one file in place, in this process (for scripts)."""
    _start(Job(fix=True, unsafe=unsafe, with_fixes=True))
    return _check(Task(path, path, 0, settings))


def fix_file(task: Task, data: bytes, settings) -> FileResult:
    """Fix one file in place (atomically): the findings that remain and the fixes applied."""
    from .engine import decode, unreadable
    from .fixes import fix_text
    from .writing import encode, write_atomic

    decoded = decode(data)
    if decoded.text is None:  # never fix a file that could not be decoded
        return FileResult(task.name, [unreadable(task.name, decoded.problem)])
    result = fix_text(decoded.text, path=task.name, config=settings, unsafe=_job.unsafe)
    remaining = [_portable(d, _job.with_fixes) for d in result.remaining]
    if result.changed:
        try:
            write_atomic(task.path, encode(result.text, bom=decoded.bom), expected=data)
        except OSError as error:  # nothing written: the findings are those of the text read
            from .engine import lint_text

            reason = f"fixes not written, file left as it was: {error.strerror or error}"
            unfixed = lint_text(decoded.text, path=task.name, config=settings)
            return FileResult(task.name, [unreadable(task.name, reason),
                                          *(_portable(d, _job.with_fixes) for d in unfixed)])
    applied = [dataclasses.replace(a, diagnostic=_portable(a.diagnostic, True))
               for a in result.applied]
    return FileResult(task.name, remaining, applied, result.changed)


def _portable(d, with_fixes: bool):
    """The diagnostic with its fix worked out (or dropped): fit to cross a process boundary."""
    if d.fix is None:
        return d
    return d._replace(fix=d.fix.resolve() if with_fixes else None)
