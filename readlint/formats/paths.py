"""File names as other tools want them. A result names its file as readlint shows it (relative
to the current folder when inside it, odd characters escaped: a line break as "\\n", a byte
that is not UTF-8 as "\\xff"); SARIF wants a URI (RFC 3986, percent-encoded), GitLab and
GitHub a plain path from the top of the project. Both are made from the file's real name.

GitHub and GitLab find a file from the top of the checkout, which each names in its jobs
(GITHUB_WORKSPACE, CI_PROJECT_DIR): a job that runs readlint in a subfolder ("cd site &&
readlint check docs") still names "site/docs/a.md". Outside such a job, the current folder is
the top."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path
from types import ModuleType
from urllib.parse import quote_from_bytes

from ..source import printable

# The escapes printable() writes (Python's unicode_escape), read back.
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[ntr])")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r"}


def current_folder() -> str | None:
    """The folder relative names start from, or None when it is gone."""
    try:
        return os.getcwd()
    except OSError:
        return None


def real_name(shown: str, source: Path | None = None) -> str:
    """The file's name as the system knows it (a str that may hold surrogate escapes for bytes
    that are not UTF-8), as given: relative or absolute. `source` is the file itself when the
    result has it; without it (standard input, a file that could not be read), the escapes of
    the shown name are read back when that names a file that exists and the name as shown
    does not."""
    if source is not None:
        return os.fspath(source)
    if "\\" not in shown or os.path.lexists(shown):
        return shown
    for as_bytes in (False, True):
        name = _ESCAPE.sub(partial(_unescape, as_bytes=as_bytes), shown)
        if printable(name) == shown and os.path.lexists(name):
            return name
    return shown


def _unescape(match: re.Match[str], as_bytes: bool) -> str:
    code = match.group(1)
    if code in _SIMPLE:
        return _SIMPLE[code]
    value = int(code[1:], 16)
    if as_bytes and code[0] == "x" and value >= 0x80:
        return chr(0xDC00 + value)  # how Python holds a byte of a name that is not UTF-8
    return chr(value)


def split_name(name: str, cwd: str | None, pathmod: ModuleType = os.path
               ) -> tuple[str | None, str]:
    """(the path under the current folder, "/" between its parts, or None when the file is
    outside it; the absolute path). `pathmod` is os.path, or ntpath to try Windows names."""
    absolute = str(pathmod.normpath(name if pathmod.isabs(name) or cwd is None
                                    else pathmod.join(cwd, name)))
    if cwd is None:
        return (None if pathmod.isabs(name) else _slashes(absolute, pathmod)), absolute
    try:
        rel = str(pathmod.relpath(absolute, cwd))
    except ValueError:  # on another drive
        return None, absolute
    if rel == pathmod.pardir or rel.startswith(pathmod.pardir + pathmod.sep):
        return None, absolute
    return _slashes(rel, pathmod), absolute


def _slashes(path: str, pathmod: ModuleType) -> str:
    return path.replace(pathmod.sep, "/") if pathmod.sep != "/" else path


def project_folder(variable: str) -> str | None:
    """The top of the checkout as the CI service names it in the environment variable
    (GITHUB_WORKSPACE, CI_PROJECT_DIR), links followed as the current folder's are, when it
    names a folder; else the current folder."""
    named = os.environ.get(variable, "")
    if named and os.path.isabs(named) and os.path.isdir(named):
        return os.path.realpath(named)
    return current_folder()


def plain_path(shown: str, source: Path | None = None, top: str | None = None) -> str:
    """The file as GitLab and GitHub name it: its path from the top of the project (`top`,
    else the current folder), "/" between folders; absolute when the file is outside it. A
    name that cannot be written as text (bytes that are not UTF-8) is given as shown."""
    name = real_name(shown, source)
    cwd = current_folder()
    if top is not None and cwd is not None and top != cwd and not os.path.isabs(name):
        name = os.path.join(cwd, name)  # (shown from the current folder, not from the top)
    rel, absolute = split_name(name, top if top is not None else cwd)
    name = rel if rel is not None else absolute
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return shown
    return name


def uri_path(path: str, pathmod: ModuleType = os.path) -> str:
    """A "/"-separated path percent-encoded for a URI: every byte but letters, digits, "-",
    ".", "_", "~" and "/" (RFC 3986's unreserved characters), so a relative reference never
    reads as a scheme, a query or a fragment. A byte of a name that is not UTF-8 is that byte."""
    data = os.fsencode(path) if pathmod.sep == "/" else path.encode("utf-8", "surrogatepass")
    return quote_from_bytes(data, safe="/")


def file_uri(absolute: str, pathmod: ModuleType = os.path) -> str:
    """An absolute path as a file: URI: file:///tmp/a%20b.md, and on Windows
    file:///C:/docs/a.md or file://server/share/a.md."""
    if pathmod.sep == "/":
        return "file://" + uri_path(absolute, pathmod)
    drive, rest = pathmod.splitdrive(_slashes(absolute, pathmod))
    if drive.startswith("//"):  # a share on another machine
        host, _, share = drive[2:].partition("/")
        return f"file://{uri_path(host, pathmod)}/{uri_path(share + rest, pathmod)}"
    return f"file:///{drive}{uri_path(rest, pathmod)}"
