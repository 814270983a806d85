"""Errors readlint reports as one plain line, never as a traceback."""

from __future__ import annotations


class ReadlintError(Exception):
    """A problem with input or set-up that stops one file or the whole run.

    str(error) is the full one-line message, naming the file and line where known.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = one_line(message)
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(ReadlintError):
    """A file cannot be read or understood. The run goes on with the other files."""


class ConfigError(ReadlintError):
    """A config file or rule set is invalid. The run stops."""


class RuleError(ReadlintError):
    """A rule failed on a file (a bug in it). The other rules' results still come out."""


class OutputError(ReadlintError):
    """A file cannot be written or fixed. The run goes on with the other files."""


def one_line(message: str) -> str:
    """A message safe to print on one line: its control characters (line breaks, the escape
    that starts a terminal's colour codes) written as escapes ("\\n", "\\x1b"). A message may
    quote what a page or a config says, and a value written "pat\\n::error ..." must not start
    a line of its own in a terminal or a CI log, where "::" begins a command. Other characters,
    spaces of every width among them ("2-4\u202fmg"), are kept as written."""
    if message.isprintable():
        return message
    return "".join(ch.encode("unicode_escape").decode("ascii") if _control(ch) else ch
                   for ch in message)


def _control(ch: str) -> bool:
    """Is it a control character, or a line or paragraph separator?"""
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029)
