"""Which files a run checks: named files as given, folders searched for cables.

A folder search takes ``*.cable`` files and those matching the configured ``include``
patterns, and skips whatever matches ``exclude`` (by default version-control, virtual
environment and cache folders), each judged by the configuration in force in its folder.
Named files are always checked, unless ``--force-exclude`` applies ``exclude`` to them too
(pre-commit names every staged file). The list is sorted, so output order never depends on
the file system.
"""

from __future__ import annotations

import os

from .configfile import Configurations

STDIN = "-"


def relative_to_root(path: str, settings) -> str:
    """``path`` relative to the folder of its configuration, with ``/`` separators."""
    relative = os.path.relpath(os.path.abspath(path), settings.root)
    return relative.replace(os.sep, "/")


def is_excluded(path: str, configurations: Configurations) -> bool:
    settings = configurations.for_file(path)
    return settings.excludes(relative_to_root(path, settings))


def cable_files(paths: list[str], configurations: Configurations, *,
                force_exclude: bool = False) -> list[str]:
    """The files to check, sorted and without repeats (``-`` for standard input stays)."""
    found = set()
    for path in paths:
        if path == STDIN:
            found.add(path)
        elif force_exclude and is_excluded(path, configurations):
            continue
        elif os.path.isdir(path):
            found.update(_search(path, configurations))
        else:
            found.add(os.path.normpath(path))
    return sorted(found)


def _search(folder: str, configurations: Configurations):
    """Cables under ``folder``; excluded folders are not entered."""
    for current, folders, files in os.walk(folder):
        settings = configurations.for_folder(current)
        here = relative_to_root(current, settings)
        prefix = "" if here == "." else here + "/"
        folders[:] = [name for name in sorted(folders)
                      if not settings.excludes(prefix + name)]
        for name in files:
            relative = prefix + name
            if settings.includes(relative) and not settings.excludes(relative):
                path = os.path.normpath(os.path.join(current, name))
                if os.path.isfile(path):
                    yield path
