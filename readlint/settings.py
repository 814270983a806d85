"""Which settings apply to a file: the config file nearest to it (or the one named with
--config), with the rule sets and the selection of rules that config and the command line
make. Each config file's settings are built once and shared by every file under it.

The command line, the report and the language server all ask here, so a file is checked with
the same settings whichever of them checks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import store
from .config import Config, find_config, load_config
from .registry import Registry
from .selection import Choices, Selection


@dataclass(frozen=True, eq=False)
class Settings:
    """What decides how a file is checked, besides the file: its config and the selection
    (rule sets, rules, severities and options) made from that config and the command line."""

    config: Config
    selection: Selection

    @property
    def choices(self) -> Choices:
        return self.selection.choices


class Resolver:
    """The settings for each file. With `nearest` (the default), each file is checked with
    the config file nearest to it, walking up from its folder, as if readlint were run on it
    alone; without it, every file is checked with `config`. With `follow_edits`, a config
    file is looked for again at each question and read again when it has changed since (the
    language server, which runs while the files are edited); otherwise each folder's config
    file is looked for once."""

    def __init__(self, registry: Registry | None = None, choices: Choices | None = None,
                 config: Config | None = None, nearest: bool = True,
                 follow_edits: bool = False) -> None:
        self.registry = registry or Registry.default()
        self.choices = choices or Choices()
        self.nearest = nearest
        self.follow_edits = follow_edits
        self._given = config
        self._folders: dict[Path, Path | None] = {}
        self._built: dict[Path | None, tuple[str, Settings]] = {}

    def forget(self) -> None:
        """Read every config, rule set and word list again at the next question (a file
        they name was saved: the language server)."""
        self._built.clear()
        self._folders.clear()

    def for_config(self, config: Config) -> Settings:
        """The settings of a config already read (the first read of its file is kept)."""
        key = config.file
        if key not in self._built:
            self._built[key] = ("", Settings(config, Selection(config, self.registry,
                                                               self.choices)))
        return self._built[key][1]

    def for_paths(self, paths: Sequence[str]) -> Settings:
        """The settings for a run over `paths` as given: the config given, or the one nearest
        the first path (or the current folder); they say which files a folder holds."""
        return self.for_config(self.config_for_paths(paths))

    def config_for_paths(self, paths: Sequence[str]) -> Config:
        """The config of for_paths, without the selection made from it."""
        if self._given is not None:
            return self._given
        start = Path(paths[0]) if paths else Path.cwd()
        try:
            reachable = start.exists()
        except OSError:  # in a folder that cannot be searched: named as such when walked
            reachable = False
        found = find_config(start if reachable else Path.cwd())
        key = found.resolve() if found is not None else None
        built = self._built.get(key)
        return built[1].config if built is not None else load_config(key) if key else Config()

    def config_file(self, path: Path) -> Path | None:
        """The config file that applies to a file (None: the defaults)."""
        folder = path.parent
        if self.follow_edits:
            return find_config(folder)
        if folder not in self._folders:
            found = find_config(folder)
            self._folders[folder] = found.resolve() if found is not None else None
        return self._folders[folder]

    def for_file(self, path: Path) -> Settings:
        """The settings that apply to a file (which need not exist yet)."""
        if not self.nearest:
            return self.for_config(self._given or Config())
        return self._settings_of(self.config_file(path))

    def _settings_of(self, found: Path | None) -> Settings:
        key = found.resolve() if found is not None else None
        stamp = store.stamp(key) if self.follow_edits and key is not None else ""
        built = self._built.get(key)
        if built is None or built[0] != stamp:
            config = load_config(key) if key is not None else Config()
            built = (stamp, Settings(config, Selection(config, self.registry, self.choices)))
            self._built[key] = built
        return built[1]
