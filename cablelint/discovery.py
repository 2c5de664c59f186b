"""Which files a run checks: named files as given, folders searched for cables.

A folder search takes ``*.cable`` files and those matching the configured ``include``
patterns, and skips whatever matches ``exclude`` (by default version-control, virtual
environment and cache folders), each judged by the configuration in force in its folder.
Named files are always checked, unless ``--force-exclude`` applies ``exclude`` to them too
(pre-commit names every staged file). Files come in path order (folder by folder), so
output order never depends on the file system or on the order the paths were given.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterator

from .configfile import Configurations

STDIN = "-"


def is_excluded(path: str, configurations: Configurations) -> bool:
    settings = configurations.for_file(path)
    return settings.excludes(settings.relative(path))


def cable_files(paths: list[str], configurations: Configurations, *,
                force_exclude: bool = False) -> Iterator[str]:
    """The files to check, one by one, in path order and without repeats (``-``, standard
    input, first). Folders are walked as the files are asked for, so a run over any number
    of cables never holds their list."""
    if STDIN in paths:
        yield STDIN
    named, folders = [], []
    for path in dict.fromkeys(os.path.normpath(p) for p in paths if p != STDIN):
        if force_exclude and is_excluded(path, configurations):
            continue
        (folders if os.path.isdir(path) else named).append(path)
    sources = [iter(sorted(named, key=path_order)),
               *(_search(folder, configurations) for folder in folders)]
    previous = None
    for path in heapq.merge(*sources, key=path_order):
        if path != previous:  # a file named and found in a folder, or in two folders
            yield path
        previous = path


def path_order(path: str) -> list[str]:
    """The sort key of paths: folder by folder, as a folder walk meets them."""
    return path.split(os.sep)


def _search(folder: str, configurations: Configurations) -> Iterator[str]:
    """Cables under ``folder`` in path order; excluded folders are not entered."""
    settings = configurations.for_folder(folder)
    here = settings.relative(folder)
    prefix = "" if here == "." else here + "/"
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        relative = prefix + entry.name
        if settings.excludes(relative):
            continue
        path = os.path.normpath(os.path.join(folder, entry.name))
        if entry.is_dir(follow_symlinks=False):
            yield from _search(path, configurations)
        elif settings.includes(relative) and entry.is_file():
            yield path
