"""Which files to check: explicit files as given, folders walked in sorted order."""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .config import (
    PROJECT_DOCS,
    PROJECT_FILES,
    PROJECT_NAMES,
    PROJECT_NAMES_IN_CAPITALS,
    Config,
)
from .errors import InputError
from .globs import matches
from .source import display_path, printable


def in_shard(display: str, shard: tuple[int, int] | None) -> bool:
    """Is the file in shard I of N? Decided by a hash of its name as shown (the path as
    given, relative to where readlint runs), so every machine and Python splits alike."""
    if shard is None:
        return True
    index, count = shard
    digest = hashlib.sha256(display.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count == index - 1


def discover(paths: Sequence[str], config: Config) -> Iterator[tuple[Path, str] | InputError]:
    """Yield (path, display name) for each file to check, or an InputError to report.

    A file named on the command line is always checked (unless excluded). Folders are walked
    in sorted order, skipping hidden and build folders, following links once (no loops) and
    only when they lead to somewhere inside the folder walked: a link out of it (to another
    project, to /proc) is not followed, so nothing outside it is read or fixed.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        shown = printable(raw)
        try:
            exists, folder = path.exists(), path.is_dir()
        except OSError as exc:  # in a folder that cannot be searched; a name too long
            yield InputError(f"cannot be read: {(exc.strerror or str(exc)).lower()}", shown)
            continue
        if not exists:
            yield InputError(_missing(path), shown)
            continue
        if folder:
            yield from _walk(path, config, seen)
        elif not _excluded(path, config):
            real = _real(path)
            if real is None:
                yield InputError(_missing(path), shown)
            elif real not in seen:
                seen.add(real)
                yield path, display_path(path)


def page_at(file: str, pages: Iterable[Path]) -> bool:
    """Is the existing file `file` one of `pages` (the same file, by whatever path or link)?
    Output written there would replace a page being checked."""
    try:
        wanted = os.stat(file)
    except OSError:
        return False  # nothing there yet, or nothing that can be reached
    for page in pages:
        try:
            found = os.stat(page)
        except OSError:
            continue
        if (found.st_ino, found.st_dev) == (wanted.st_ino, wanted.st_dev):
            return True
    return False


def _missing(path: Path) -> str:
    """Why an existing-looking path cannot be reached: a link loop, a broken link, nothing."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a link that leads round in a loop"
    return "is a broken link" if path.is_symlink() else "no such file or folder"


def _real(path: Path) -> Path | None:
    """The path with links followed, or None when they lead round in a loop."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None


def excluded(path: Path, config: Config) -> bool:
    """Would the config leave this file out (its exclude and include globs)?"""
    return _excluded(path, config)


def _excluded(path: Path, config: Config, folder: bool = False) -> bool:
    """Excluded by a glob, or (for files) not matched by the include globs when set."""
    rel = config.relative(path)
    if matches(rel, config.exclude):
        return True
    if not folder and not config.project_files and project_file(path.name):
        return True  # README.md, CHANGELOG.md ...: the repository's, not a page
    return not folder and bool(config.include) and not matches(rel, config.include)


def project_file(name: str) -> bool:
    """Is a file of this name one of a repository's own (README.md, CHANGELOG, LICENSE.txt,
    SUPPORT.md), not a page ("support.md", "history-of-cancer.md", "licensed-home-care.md")?"""
    low = name.lower()
    if any(fnmatch.fnmatch(low, p) for p in PROJECT_FILES):
        return True
    if re.fullmatch(PROJECT_DOCS, low.rsplit(".", 1)[0] if "." in low else low):
        return True
    stem = name.split(".", 1)[0]
    return stem.lower() in PROJECT_NAMES or \
        stem.isupper() and stem.lower() in PROJECT_NAMES_IN_CAPITALS


def _walk(top: Path, config: Config, seen: set[Path]) -> Iterator[tuple[Path, str] | InputError]:
    visited_dirs: set[tuple[int, int]] = set()
    inside = _real(top)

    def leads_out(path: Path) -> bool:
        real = _real(path)
        return real is not None and inside is not None and real != inside and \
            inside not in real.parents

    def walk(folder: Path) -> Iterator[tuple[Path, str] | InputError]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield InputError(f"cannot be read: {exc.strerror}", display_path(folder))
            return
        key = (st.st_dev, st.st_ino)
        if key in visited_dirs:
            return  # a link loop, or a folder reached twice
        visited_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(f"folder cannot be read: {exc.strerror}", display_path(folder))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and leads_out(path):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in config.skip_folders or _excluded(path, config, folder=True):
                    continue
                yield from walk(path)
                continue
            if path.suffix.lower() not in config.extensions or _excluded(path, config):
                continue
            try:
                real = _real(path) if path.exists() else None
            except OSError as exc:  # in a folder whose names can be read, but not its files
                yield InputError(f"cannot be read: {(exc.strerror or str(exc)).lower()}",
                                 display_path(path))
                continue
            if real is None:
                yield InputError(_missing(path), display_path(path))
                continue
            if real in seen:
                continue
            seen.add(real)
            yield path, display_path(path)

    yield from walk(top)
