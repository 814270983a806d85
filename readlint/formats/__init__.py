"""Output formats, by name, shared by `check` and `report`. A format gets the results of a run
(or the report made from them) and writes them; it knows nothing of rules and decides
nothing. Adding a format is one module that defines FORMAT and one line below.

A format's module is imported only when the format is used, so a run that prints text does
not pay for the HTML page's code."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .base import Format, FormatOptions

# name: (what it can write: "check", "report" or both). The module is readlint.formats.<name>.
_WRITES: dict[str, tuple[str, ...]] = {
    "text": ("check", "report"),
    "json": ("check", "report"),
    "github": ("check",),
    "sarif": ("check",),
    "gitlab": ("check",),
    "junit": ("check",),
    "markdown": ("report",),
    "html": ("report",),
}


class _Formats(Mapping[str, Format]):
    def __getitem__(self, name: str) -> Format:
        if name not in _WRITES:
            raise KeyError(name)
        found: Format = importlib.import_module(f"{__name__}.{name}").FORMAT
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_WRITES)

    def __len__(self) -> int:
        return len(_WRITES)


FORMATS: Mapping[str, Format] = _Formats()


def for_check() -> list[str]:
    return sorted(name for name, writes in _WRITES.items() if "check" in writes)


def for_report() -> list[str]:
    return sorted(name for name, writes in _WRITES.items() if "report" in writes)


__all__ = ["FORMATS", "Format", "FormatOptions", "for_check", "for_report"]
