"""The project config: `.readlint.yaml` (or `.readlint.yml`) or `[tool.readlint]` in
pyproject.toml, found by walking up from the checked path, checked against its schema
(readlint/data/schemas/config.schema.json). Errors name the file, the line, the key path and
what was expected. Rule sets are rulesets.py's; which rules run is selection.py's."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ConfigError
from .problem import Severity
from .schema import load_yaml, validate
from .source import display_path, read_data_text

CONFIG_NAMES = (".readlint.yaml", ".readlint.yml")
# Every name a config file can have (pyproject.toml counts when it has [tool.readlint]).
CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml")
DEFAULT_AUDIENCE = "patient"
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")
# A repository's own files, which are not pages for patients: left out unless
# `project_files: true` (file-name globs, any case).
PROJECT_FILES = ("requirements*.txt", "constraints*.txt",
                 # a web site's own files for robots and people, not pages
                 "robots.txt", "humans.txt")
# A repository's read-me and change log, in any case, also in another language
# ("README.md", "CHANGELOG.rst", "README.de.md", "README_zh-CN.md"), not a page whose name
# begins the same ("readme-for-patients.md", "changelog-of-care.md").
PROJECT_DOCS = r"(?:readme|changelog)(?:[._][a-z]{2}(?:[-_][a-z]{2,4})?)?"

# A repository's files by their whole name before the dot, in any case ("LICENSE.txt", not
# "licensed-home-care.md", nor "contributing-factors-for-stroke.md").
PROJECT_NAMES = ("contributing", "license", "licence", "copying", "code_of_conduct")
# Names a repository's files share with pages for patients ("support.md", "history.md",
# "news.md"): a repository's file only when that is its whole name before the dot, written
# in capitals as repositories write them (SUPPORT.md, HISTORY.md, NEWS).
PROJECT_NAMES_IN_CAPITALS = ("changes", "history", "news", "security", "authors", "notice",
                             "support")
# Folders of build output and tools, never walked into (`skip_folders` replaces the list).
DEFAULT_TIME_LIMIT = 60.0  # seconds one file may take
SKIPPED_FOLDERS = ("node_modules", "build", "dist", "_build", "_site", "out", "target", "venv",
                   "env", "__pycache__", "htmlcov", "vendor", "site-packages")


@dataclass(frozen=True)
class Config:
    """Project settings. `root` is the folder paths in the config are relative to."""

    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    default_audience: str = DEFAULT_AUDIENCE
    rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    project_files: bool = False
    # Documents whose front-matter `status` is one of these are not checked (any case).
    skip_statuses: tuple[str, ...] = ()
    skip_folders: tuple[str, ...] = SKIPPED_FOLDERS
    max_file_size: int = 5 * 1024 * 1024
    # Seconds one file may take (0: no limit); see linter.Clock.
    time_limit: float = DEFAULT_TIME_LIMIT
    raw_rules: Mapping[str, Any] = field(default_factory=dict)
    raw_per_path: tuple[Mapping[str, Any], ...] = ()
    text: str | None = None
    file: Path | None = None  # the config file read, resolved; None for the defaults

    def relative(self, path: Path) -> str | None:
        """path relative to the config root, in POSIX form; for a path outside it (a config
        kept in another folder and named with --config, "ci/readlint.yaml"), relative to the
        folder readlint runs in; None when outside both."""
        # The path as named (links not followed: a link loop must not stop the run).
        absolute = Path(os.path.abspath(path))
        for base in (self.root, Path.cwd()):
            try:
                return PurePosixPath(absolute.relative_to(os.path.abspath(base))).as_posix()
            except ValueError:
                continue
        return None


def find_config(start: Path) -> Path | None:
    """The nearest .readlint.yaml, or pyproject.toml with [tool.readlint], from start upward."""
    return _find_config(start.resolve())


def _find_config(folder: Path) -> Path | None:
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _toml() -> Any:
    """The TOML parser, imported when a TOML file is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, from the package index
        import tomli as tomllib
    return tomllib


def _has_tool_section(path: Path) -> bool:
    """Does pyproject.toml have a [tool.readlint] table? A pyproject.toml that cannot be read
    as TOML but mentions readlint's table is an error, not a file to pass over."""
    text = read_data_text(path)
    if "readlint" not in text:
        return False  # no need to parse it
    tomllib = _toml()
    try:
        return "readlint" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        if re.search(r"^\s*\[\s*tool\s*\.\s*readlint\b", text, re.M):
            raise ConfigError(f"not valid TOML: {exc}", str(path)) from None
        return False


def load_config(path: Path | None) -> Config:
    """Read and validate a config file; None gives the defaults."""
    if path is None:
        return Config()
    display = display_path(path)
    if not path.is_file():
        raise ConfigError("config file not found", display)
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        tomllib = _toml()
        try:
            toml = tomllib.loads(read_data_text(path, display))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", display) from None
        data = toml.get("tool", {}).get("readlint", {})
        text = None
    else:
        data, text = load_yaml(path, display, unique_keys=True)
        data = {} if data is None else data
    validate(data, "config.schema.json", display, text)
    root = path.resolve().parent
    config = Config(source=display, root=root, text=text, file=path.resolve(),
                    raw_rules=data.get("rules", {}),
                    raw_per_path=tuple(data.get("per_path", ())))
    changes: dict[str, Any] = {}
    if "default_audience" in data:
        changes["default_audience"] = data["default_audience"]
    if "rule_dirs" in data:
        changes["rule_dirs"] = tuple(root / d for d in data["rule_dirs"])
    if "select" in data:
        changes["select"] = tuple(data["select"])
    for key in ("ignore", "include", "exclude"):
        if key in data:
            changes[key] = tuple(data[key])
    if "project_files" in data:
        changes["project_files"] = bool(data["project_files"])
    if "skip_statuses" in data:
        changes["skip_statuses"] = tuple(str(s).strip().lower() for s in data["skip_statuses"])
    if "skip_folders" in data:
        changes["skip_folders"] = tuple(data["skip_folders"])
    if "extensions" in data:
        changes["extensions"] = tuple(e.lower() for e in data["extensions"])
    if "fail_on" in data:
        changes["fail_on"] = Severity.parse(data["fail_on"])
    if "max_file_size_mb" in data:
        changes["max_file_size"] = int(data["max_file_size_mb"] * 1024 * 1024)
    if "time_limit" in data:
        changes["time_limit"] = float(data["time_limit"])
    return replace(config, **changes)


