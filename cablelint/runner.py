"""Checking many files: one at a time or spread over processes, with the results cache.

:func:`check_files` takes the files as they are found and yields one :class:`FileResult`
per file, in their order, as soon as it and every file before it are done: files go through
in batches, the next batch already at work while the current one is reported, so memory
stays flat however many files there are. ``jobs`` is the number of processes (0: one per
core); a handful of files is checked in this process, where a pool would cost more than it
saves. Files the cache knows are answered in this process, whatever ``jobs`` says.

When the job renders (:attr:`Job.rendering`), each file's part of the report is rendered
where the file is checked, so this process only writes it. With a cache, a batch's findings
(encoded where the files are checked) and its rendered parts are each kept together in one
pack (see :mod:`.cache`), and a warm run reads the rendered pack alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .cache import Cache, Rendered, decode_findings, encode_findings, settings_key
from .reading import file_bytes
from .reporters import Chunk, Rendering

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
    """One file's findings (and, after --fix, the fixes applied and whether it changed).

    When the run renders where files are checked (:attr:`Job.rendering`), ``chunk`` is the
    file's part of the report instead, with the worst severity and whether an E002 is among
    the findings (all the exit code needs): the findings themselves are then left out."""

    name: str
    diagnostics: list
    fixed: tuple | list = ()
    changed: bool = False
    chunk: Chunk | None = None
    worst: int = 0
    unreadable: bool = False
    digest: str | None = None   # of the bytes checked, when the run has a cache
    findings: bytes | None = None   # the findings as the cache keeps them, when it has them


class Job(NamedTuple):
    """What every task of a run shares: what to do, the cache, and how to render."""

    fix: bool = False
    unsafe: bool = False
    with_fixes: bool = False   # reports that show fixes (json, sarif) need them resolved
    cache_folder: str | None = None
    rendering: Rendering | None = None   # render each file's part of the report


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


def rendered(result: FileResult, rendering: Rendering) -> FileResult:
    """``result`` with its part of the report rendered (see :class:`FileResult`)."""
    diagnostics = result.diagnostics
    chunk = rendering.render(result.name, diagnostics, result.fixed)
    return result._replace(diagnostics=[], fixed=(), chunk=chunk,
                           worst=int(max((d.severity for d in diagnostics), default=0)),
                           unreadable=any(d.code == "E002" for d in diagnostics))


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
    """Set a batch to work: (the batch, what the cache knows by task index, the batch's
    pack, the results of the others)."""
    known, pack = _known(batch) if _cache is not None else ({}, None)
    misses = [task for index, task in enumerate(batch) if index not in known]
    return batch, known, pack, pool.check(misses)


def _finish(batch: list[Task], known: dict, pack: "_Pack | None",
            checked: Iterator[FileResult]):
    for index, task in enumerate(batch):
        found = known.get(index)
        if found is None:
            result = next(checked)
        elif isinstance(found, FileResult):
            result = found
        else:
            digest, findings = found
            cached = decode_findings(findings, task.name)
            result = (_answer(task, digest, cached, findings) if cached is not None
                      else _check(task))
        if pack is not None:
            pack.add(task, result)
        yield result
    if pack is not None:
        pack.close()


def _known(tasks: list[Task]) -> tuple[dict[int, object], "_Pack"]:
    """What the cache holds of the tasks' files, by task index (a rendered result from the
    batch's rendered pack, or the (digest, encoded findings) from its findings pack), and
    the batch's packs."""
    known = {}
    pack = _Pack(tasks)
    for index, task in enumerate(tasks):
        data = file_bytes(task.path)
        if not isinstance(data, bytes):  # (the check of the file says why)
            continue
        digest = _cache.digest(data)
        found = pack.find(task, digest)
        if found is not None:
            known[index] = found
            continue
        findings = pack.findings(task, digest)
        if findings is not None:
            known[index] = digest, findings
    return known, pack


class _Pack:
    """A batch's packs in the cache (see :mod:`.cache`): what they held, and the batch's
    results, written as the new packs when they are not what they held. The findings pack
    is read only when a file is not in the rendered pack (never on a warm run)."""

    def __init__(self, tasks: list[Task]):
        first, last = tasks[0].name, tasks[-1].name
        self.entry = (_cache.pack_entry(_job.rendering.key(), first, last)
                      if _job.rendering is not None else None)
        self.held = _cache.load_pack(self.entry) if self.entry else {}
        self.findings_entry = _cache.findings_entry(_key(tasks[0]), first, last)
        self.held_findings = None  # (read when first needed)
        self.files, self.found = [], []

    def find(self, task: Task, digest: str) -> FileResult | None:
        found = self.held.get((task.name, _key(task), digest))
        if found is None:
            return None
        return FileResult(task.name, [], chunk=found.chunk, worst=found.worst,
                          unreadable=found.unreadable, digest=digest)

    def findings(self, task: Task, digest: str) -> bytes | None:
        if self.held_findings is None:
            self.held_findings = _cache.load_findings(self.findings_entry)
        return self.held_findings.get((task.name, _key(task), digest))

    def add(self, task: Task, result: FileResult) -> None:
        if result.digest is None:
            return
        identity = (task.name, _key(task), result.digest)
        if self.entry is not None and result.chunk is not None:
            self.files.append((identity, Rendered(result.chunk, result.worst, result.unreadable)))
        findings = result.findings
        if findings is None and self.held_findings is not None:
            findings = self.held_findings.get(identity)  # (a file from the rendered pack)
        if findings is not None:
            self.found.append((identity, findings))

    def close(self) -> None:
        if self.entry is not None and {identity for identity, _ in self.files} != set(self.held):
            _cache.put_pack(self.entry, self.files)
        if self.held_findings is not None and \
                {identity for identity, _ in self.found} != set(self.held_findings):
            _cache.put_findings(self.findings_entry, self.found)


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
_keys: dict[int, str] = {}


def _start(job: Job) -> None:
    global _job, _cache
    _job = job
    _cache = Cache(job.cache_folder) if job.cache_folder and not job.fix else None
    _settings.clear()
    _keys.clear()


def _key(task: Task) -> str:
    """The cache's settings key of a task, worked out once per settings."""
    key = _keys.get(task.settings_number)
    if key is None:
        settings = _settings.setdefault(task.settings_number, task.settings)
        key = _keys[task.settings_number] = settings_key(settings, _job.with_fixes)
    return key


def _check(task: Task) -> FileResult:
    from .engine import decode, read_bytes

    data = read_bytes(task.path, task.name)
    if not isinstance(data, bytes):
        return _answer(task, None, [data])
    settings = _settings.setdefault(task.settings_number, task.settings)
    if _job.fix:
        result = fix_file(task, data, settings)
        return rendered(result, _job.rendering) if _job.rendering else result
    digest = _cache.digest(data) if _cache is not None else None
    decoded = decode(data)
    if decoded.text is None:
        from .engine import unreadable

        return _answer(task, digest, [unreadable(task.name, decoded.problem)])
    from .engine import lint_text

    diagnostics = [_portable(d, _job.with_fixes)
                   for d in lint_text(decoded.text, path=task.name, config=settings)]
    findings = encode_findings(diagnostics) if _cache is not None else None
    return _answer(task, digest, diagnostics, findings)


def _answer(task: Task, digest: str | None, diagnostics: list,
            findings: bytes | None = None) -> FileResult:
    """A file's result from its findings (and, when the run has a cache, the digest of its
    bytes and the findings as the cache keeps them), rendered when the job renders."""
    result = FileResult(task.name, diagnostics, digest=digest, findings=findings)
    return rendered(result, _job.rendering) if _job.rendering is not None else result


def fix_path(path: str, settings, unsafe: bool = False) -> FileResult:
    """Fix one file in place, in this process (for scripts)."""
    _start(Job(fix=True, unsafe=unsafe, with_fixes=True))
    return _check(Task(path, path, 0, settings))


def fix_file(task: Task, data: bytes, settings) -> FileResult:
    """Fix one file in place (atomically): the findings that remain and the fixes applied."""
    from dataclasses import replace

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
    applied = [replace(a, diagnostic=_portable(a.diagnostic, True))
               for a in result.applied]
    return FileResult(task.name, remaining, applied, result.changed)


def _portable(d, with_fixes: bool):
    """The diagnostic with its fix worked out (or dropped): fit to cross a process boundary."""
    if d.fix is None:
        return d
    return d._replace(fix=d.fix.resolve() if with_fixes else None)
