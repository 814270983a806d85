"""Results of files already checked, kept in the cache folder so an unchanged file is not
checked again.

A file's result is found again only under the same key: the file's bytes and name, and the
run's settings (`settings_digest`): readlint's version and code, each rule's code (plug-ins
too), the config file, the rule sets, every glossary or word list the settings name, the
command-line choices, and whether the run measures documents (the report) or describes them
(the HTML report). Change any of them and files are checked again.

Results live in one folder per settings digest; a run that starts a new folder removes all
but the most recently used few, and now and then a run trims its own folder to a size limit
(the results written longest ago go first), so the cache does not grow without end. Only what
readlint named (folders and files named by a digest) is ever removed.

A result is stored with pickle and read back by an unpickler that knows only readlint's own
plain values (`FileResult`, `Problem`, ...) and Python's containers: a planted entry cannot
make readlint run anything; it is simply not a result, and the file is checked again.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import pickle
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import glossary_files, glossary_sets, store
from .registry import Registry
from .results import FileResult
from .rulesets import RuleSetting
from .selection import Selection
from .version import __version__

KEEP_SETTINGS = 8  # folders of results kept (one per set of settings)
# One settings folder holds at most this much; a trim takes it down to three quarters. Each
# file version checked adds a result (a few kilobytes), so a folder grows as files change.
MAX_FOLDER_BYTES = 256 * 1024 * 1024
TRIM_EVERY = 32  # about one run in this many that writes results measures its folder
_PACKAGE = Path(__file__).resolve().parent


def settings_digest(selection: Selection, measure: bool, describe: object) -> str:
    """What, besides a file itself, decides its result in a run with this selection (which
    holds the config, the rules and the command-line choices), measuring documents or not,
    describing them with `describe` or not."""
    config, choices, registry = selection.config, selection.choices, selection.registry
    parts: list[str] = [__version__, *code_stamps()]
    for rule in registry:
        module = sys.modules.get(type(rule).__module__)
        code = getattr(module, "__file__", None) or ""
        parts.append(f"{rule.name} {rule.code} {store.stamp(code)}")
    # the config as it is now, in any form (readlint.yaml, pyproject.toml's [tool.readlint])
    parts.append(f"config {config.file} {config.text or ''}")
    if config.file is not None:
        parts.append(store.content(config.file))
    parts.append(repr((choices.audience, choices.select, choices.ignore,
                       choices.report_unused_disables, measure, config.max_file_size,
                       getattr(describe, "__qualname__", None),
                       choices.today or datetime.date.today().isoformat())))  # review dates
    for rule_set in selection.rule_sets.sets.values():
        parts.append(store.content(rule_set.path))
    parts.extend(store.content(f) for f in sorted(_named_files(registry, _rules(selection))))
    return store.digest(*parts)


def settings_files(selection: Selection) -> list[str]:
    """Every file a run with this selection reads besides its pages: the config, the rule
    sets, and the files rule options name (glossaries and the tables they read, word
    lists), for the rule sets, the config and its per-path settings alike."""
    config = selection.config
    files = [str(config.file)] if config.file is not None else []
    files.extend(str(rule_set.path) for rule_set in selection.rule_sets.sets.values())
    files.extend(sorted(_named_files(selection.registry, _rules(selection))))
    return files


def _rules(selection: Selection) -> list[Mapping[str, RuleSetting]]:
    """The rule settings of the rule sets, the config and its per-path settings."""
    settings: list[Mapping[str, RuleSetting]] = [
        s.rules for s in selection.rule_sets.sets.values()]
    settings.append(selection.config_rules)
    settings.extend(o.rules for o in selection.per_path)
    return settings


def code_stamps() -> Iterator[str]:
    """readlint's own code and data: a changed module or word list means new results."""
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml", ".json", ".tsv", ".txt") and \
                "__pycache__" not in path.parts:
            yield store.stamp(path)


def _named_files(registry: Registry, settings: Iterable[Mapping[str, RuleSetting]]
                 ) -> set[str]:
    """The files that rule options name (glossaries, word lists), with the files a
    glossary reads in turn."""
    found: set[str] = set()
    for rules in settings:
        for name, setting in rules.items():
            rule = registry.get(name)
            if rule is None:
                continue
            for key, spec in rule.options.items():
                values = setting.options.get(key, spec.get("default", ()))
                if not spec.get("x-readlint-paths") or not isinstance(values, list):
                    continue
                files = [str(v) for v in values if str(v) not in glossary_files.BUNDLED]
                found.update(files)  # (bundled ones are part of readlint's own data)
                if key == "glossaries" and files:
                    # the files a glossary reads in turn (its terms and practice tables);
                    # a broken glossary is reported when a rule uses it, not here
                    with contextlib.suppress(Exception):
                        found.update(f for g in glossary_sets.load_all(tuple(values))
                                     for f in g.files)
    return found


class ResultCache:
    """The cached results of one run's settings."""

    def __init__(self, digest: str) -> None:
        self.folder = f"results/{digest}"
        self._touched = False

    def key(self, path: Path, display: str, data: bytes) -> str:
        # The absolute path, not the real one: resolving links costs a call to the system
        # per folder of the path, and the file's bytes are in the key anyway.
        return store.digest(os.path.abspath(path), display, data)

    def get(self, key: str) -> FileResult | None:
        body = store.read(self.folder, key)
        if body is None:
            return None
        try:
            found = _ResultUnpickler(io.BytesIO(body)).load()
        except Exception:  # a damaged or foreign entry: check the file again
            return None
        return found if isinstance(found, FileResult) else None

    def put(self, key: str, result: FileResult) -> None:
        if not self._touched:
            self._touched = True
            _make_room(self.folder)
        try:
            body = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a plug-in's measure that cannot be stored: just do not keep it
            return
        store.write(self.folder, key, body)


def _make_room(folder: str) -> None:
    """Mark this settings folder as used now, and remove all but the newest few others."""
    if not store.enabled():
        return
    here = store.root() / folder
    try:
        store.make_folder(here)
        os.utime(here)
        others = sorted((p for p in here.parent.iterdir()
                         if store.named_by_digest(p.name) and p.is_dir() and p != here),
                        key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    if os.urandom(1)[0] < 256 // TRIM_EVERY:
        store.trim(here, MAX_FOLDER_BYTES)
    stale = others[KEEP_SETTINGS - 1:]
    if not stale:
        return
    import shutil  # (only here: importing it costs a one-file check 3 ms)

    for old in stale:
        shutil.rmtree(old, ignore_errors=True)


# What a stored result may hold, besides Python's own containers, strings and numbers.
_ALLOWED = frozenset({
    ("readlint.results", "FileResult"), ("readlint.results", "Notice"),
    ("readlint.problem", "Problem"), ("readlint.problem", "Fix"),
    ("readlint.problem", "Severity"),
    ("readlint.errors", "ReadlintError"), ("readlint.errors", "InputError"),
    ("readlint.errors", "ConfigError"), ("readlint.errors", "RuleError"),
    ("readlint.errors", "OutputError"),
    ("pathlib", "Path"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath"),
    ("pathlib", "PurePosixPath"), ("pathlib", "PureWindowsPath"),
    ("builtins", "set"), ("builtins", "frozenset"),
})


class _ResultUnpickler(pickle.Unpickler):
    """Reads back only readlint's plain values: anything else in the stream (a function, a
    class of another module, a plug-in's own type) ends the read, and the file is checked
    again."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a readlint result")
        return super().find_class(module, name)
