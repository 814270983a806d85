"""Parts of a report, for a site checked on several machines at once.

`readlint report --shard I/N --format json` writes a part: what the report needs of each file
of shard I (its row, its errors and notices, its view for the HTML page), each with its place
among all the files of the run, and what readlint and its settings were. `readlint report
--merge PART...` reads the parts and makes the report one run over every file would have
made: rows in the same order, totals and exact percentiles from every row, the to-do lists,
and the page, whose views are read from the parts again as it is written.

A part is JSON, written so it can be read a line at a time: a head line, one line per file,
then the glossary answers and an end line that says how many files came before it. Merging
reads one part at a time (and, for the page, one line of each part at a time), so its memory
is that of the report, however many parts there are. A part that is cut short, damaged, made
by another readlint or with other settings is refused, naming it.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import heapq
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO

import orjson

from .. import glossary_sets, store
from ..errors import InputError, ReadlintError
from ..files import in_shard
from ..results import FileResult, Notice, said_once
from ..version import __version__
from .model import DocumentRow, Report, RowTags, assemble, row_of

if TYPE_CHECKING:
    from ..linter import Linter
    from ..termmatch import Matcher
    from .since_base import Change

PART_FORMAT = 1
_HEAD = '{"readlint_part": '
_FILES = '"files": ['
_FILES_END = "],"
_KNOWN = '"known": '
_END = '"end": '
_PACKAGE = Path(__file__).resolve().parent.parent
_REMAKE = "make it again with `readlint report --shard I/N --format json -o FILE`"

# What to say when parts differ in a setting.
SETTING_NAMES = {
    "options": "its options differ (--audience, --select, --ignore or "
               "--report-unused-disables)",
    "today": "its review dates count from another day (give every part the same --today)",
    "config": "its config file differs",
    "rule sets": "its rule sets differ",
    "word lists": "its glossaries or word lists differ",
    "rules": "its rules differ (plug-ins)",
    "base": "its revision for --base differs",
}


@functools.cache
def code_digest() -> str:
    """readlint's own code and data (its word lists, glossaries and models), by content: the
    same on every machine that installed the same readlint, whatever the paths and file
    times. Read once per process, so parts made and merged in one process agree even if the
    files change meanwhile."""
    parts: list[str | bytes] = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(path.relative_to(_PACKAGE).as_posix())
            parts.append(path.read_bytes())
    return store.digest(*parts)


def _content(name: str | os.PathLike[str]) -> str:
    try:
        return hashlib.sha256(Path(name).read_bytes()).hexdigest()[:32]
    except OSError:
        return "unreadable"


def settings_of(linter: Linter, base: str | None) -> dict[str, str]:
    """What decides a file's result besides the file and readlint's code, in forms that are
    the same on every machine (contents, never paths or file times)."""
    from ..result_cache import _named_files

    selection, config, choices = linter.selection, linter.config, linter.choices
    rule_sets = selection.rule_sets.sets
    settings = [s.rules for s in rule_sets.values()]
    settings.append(selection.config_rules)
    settings.extend(o.rules for o in selection.per_path)
    return {
        "options": repr((choices.audience, choices.select, choices.ignore,
                         choices.report_unused_disables)),
        "today": choices.today or datetime.date.today().isoformat(),
        "config": store.digest(config.text or ""),
        "rule sets": store.digest(*(f"{name} {_content(rule_sets[name].path)}"
                                    for name in sorted(rule_sets))),
        "word lists": store.digest(*(f"{name} {_content(name)}" for name in
                                     sorted(_named_files(selection.registry, settings)))),
        "rules": store.digest(*(f"{r.name} {r.code} {_rule_code(r)}"
                                for r in selection.registry)),
        "base": base or "",
    }


def _module_file(rule: object) -> str:
    """The file of a rule's code (a plug-in's too)."""
    module = sys.modules.get(type(rule).__module__)
    return getattr(module, "__file__", None) or ""


def _rule_code(rule: object) -> str:
    """A rule's code, by content. readlint's own rules are in code_digest(); a plug-in's file
    is read once per process, as readlint's code is: the code that checked the files, even if
    the file changes meanwhile."""
    name = _module_file(rule)
    if name and Path(name).resolve().is_relative_to(_PACKAGE):
        return "readlint"
    return _code_file(name)


@functools.cache
def _code_file(name: str) -> str:
    return _content(name) if name else "unknown"


def target_name(target: tuple[Path, str] | InputError) -> str:
    """A target's name as its result is named (and as shards split them)."""
    return (target.path or "") if isinstance(target, InputError) else target[1]


def files_digest(names: Iterable[str]) -> str:
    return store.digest(*names)


@dataclass
class Head:
    """What a part says of itself on its first line."""

    shard: tuple[int, int]
    files: int  # the files of the whole run, every shard's
    files_digest: str
    settings: dict[str, str]
    glossaries: dict[str, list[str]]  # each rule set's glossaries, as the report asks them
    kind: str = "report"  # or "base": the changes since a revision (--base)
    version: str = __version__
    code: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"format": PART_FORMAT, "version": self.version, "code": self.code,
                "kind": self.kind, "shard": list(self.shard), "files": self.files,
                "files_digest": self.files_digest, "settings": self.settings,
                "glossaries": self.glossaries}


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode("utf-8")


def file_record(place: int, result: FileResult, tags: RowTags) -> dict[str, Any]:
    """What a part keeps of one file's result: its row (or its error), the failures of rules
    on it, its notices, and its view (JSON text, put in the line as it is)."""
    record: dict[str, Any] = {"place": place, "path": result.path}
    if result.error is not None:
        error = result.error
        record["error"] = [error.path, error.line, error.message]
    else:
        row = row_of(result, tags)
        if row is not None:
            record["row"] = row.to_record()
    if result.failures:
        record["failures"] = [[e.path, e.line, e.message] for e in result.failures]
    if result.notices:
        record["notices"] = [list(n) for n in result.notices]
    return record


def change_record(place: int, result: FileResult, change: Change | None) -> dict[str, Any]:
    """What a part made with --base keeps of one file: its change since the revision, with
    its errors and notices."""
    record: dict[str, Any] = {"place": place, "path": result.path}
    if result.error is not None:
        error = result.error
        record["error"] = [error.path, error.line, error.message]
    elif change is not None:
        record["change"] = [change.path, change.before, change.after, change.target,
                            change.fixed, change.added, change.new]
    if result.failures:
        record["failures"] = [[e.path, e.line, e.message] for e in result.failures]
    if result.notices:
        record["notices"] = [list(n) for n in result.notices]
    return record


def write_part(out: TextIO, head: Head,
               records: Iterable[tuple[dict[str, Any], str | None]],
               known: Callable[[], dict[str, Any]]) -> None:
    """A part, a line at a time: the head, each file's record (with its view, when it has
    one, last), then `known()` (asked once every record is written) and the end."""
    out.write(_HEAD + _dumps(head.to_json()) + ",\n" + _FILES)
    count = 0
    for record, view in records:
        line = _dumps(record)
        if view is not None:
            line = line[:-1] + ',"view":' + view + "}"
        out.write(("\n" if count == 0 else ",\n") + line)
        count += 1
    out.write("\n" + _FILES_END + "\n" + _KNOWN + _dumps(known()) + ",\n" + _END
              + _dumps({"files": count}) + "}\n")


def shard_of(targets: Sequence[tuple[Path, str] | InputError], shard: tuple[int, int]
             ) -> list[tuple[int, tuple[Path, str] | InputError]]:
    """The targets of shard I of N, each with its place among all the run's targets."""
    return [(place, t) for place, t in enumerate(targets) if in_shard(target_name(t), shard)]


def placed(results: Iterable[FileResult],
           chosen: Sequence[tuple[int, tuple[Path, str] | InputError]]
           ) -> Iterator[tuple[int, FileResult]]:
    """Each result with the place of its target. Results come in the targets' order, less
    the files a config leaves out, and are named as their targets are."""
    rest = iter(chosen)
    for result in results:
        for place, target in rest:
            if target_name(target) == result.path:
                yield place, result
                break
        else:
            raise ReadlintError(f"a result named {result.path!r} has no file of the run "
                                "(please report this)")


def write_report_part(out: TextIO, linter: Linter, head: Head,
                      results: Iterable[tuple[int, FileResult]], tags: RowTags) -> None:
    """A part of a report: each file's record as it is checked, then the glossaries'
    answers for the undefined terms of its rows."""
    terms: set[str] = set()

    def records() -> Iterator[tuple[dict[str, Any], str | None]]:
        for place, result in results:
            record = file_record(place, result, tags)
            row = record.get("row")
            if row is not None:
                terms.update(row["terms"])
            detail = result.detail if row is not None else None
            yield record, detail if isinstance(detail, str) else None

    write_part(out, head, records(), lambda: glossary_answers(linter, terms))


def write_base_part(out: TextIO, head: Head,
                    items: Iterable[tuple[int, FileResult, Change | None]]) -> None:
    """A part of the changes since a revision (--base): each changed file's change."""
    write_part(out, head, ((change_record(place, result, change), None)
                           for place, result, change in items),
               lambda: {"glossaries": [], "broken": [], "terms": {}})


def glossary_answers(linter: Linter, terms: Iterable[str]) -> dict[str, Any]:
    """For the to-do list: which glossaries know each term, as a whole entry's name. The
    merged report asks the glossaries of the rule sets every part used, which no one part
    knows, so each part answers for every glossary of every rule set."""
    refs: dict[str, None] = {}
    for name in sorted(linter.selection.rule_sets.sets):
        refs.update(dict.fromkeys(linter.selection.glossaries(name)))
    names = list(refs)
    matchers: list[Matcher | None] = []
    for ref in names:
        try:
            matchers.append(glossary_sets.matcher_for((ref,)))
        except ReadlintError:
            matchers.append(None)  # said when the rules ran; the report then asks none
    answers: dict[str, list[int]] = {}
    for term in sorted(set(terms)):
        answers[term] = [i for i, m in enumerate(matchers) if m is not None and any(
            found.start == 0 and found.end == len(term) for found in m.find(term))]
    return {"glossaries": names,
            "broken": [i for i, m in enumerate(matchers) if m is None],
            "terms": answers}


def glossaries_of(linter: Linter) -> dict[str, list[str]]:
    return {name: list(linter.selection.glossaries(name))
            for name in sorted(linter.selection.rule_sets.sets)}


# -- reading ---------------------------------------------------------------------------------


class _Reader:
    """One part, read a line at a time; every fault is one line naming the part."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.line = 0
        self.records = 0
        try:
            info = os.stat(name)
        except FileNotFoundError:
            raise InputError("no such file (give the parts made with `readlint report "
                             "--shard I/N --format json -o FILE`)", name) from None
        except OSError as exc:
            raise InputError(f"cannot be read: {exc.strerror or exc}", name) from None
        if not stat.S_ISREG(info.st_mode):
            raise InputError("is not a regular file (a folder, a device or a pipe)", name)
        if info.st_size == 0:
            raise InputError(f"is empty: it is not a part of a report; {_REMAKE}", name)
        try:
            self._file: IO[bytes] = open(name, "rb")  # noqa: SIM115 (closed by close())
        except OSError as exc:
            raise InputError(f"cannot be read: {exc.strerror or exc}", name) from None
        start = self._file.read(len(_HEAD))
        self._file.seek(0)
        if start != _HEAD.encode("ascii"):
            self.close()
            raise InputError(f"is not a part of a report; {_REMAKE}", name)
        first = self._next()
        assert first is not None
        head = self._json(first[len(_HEAD):].rstrip().removesuffix(","))
        self.head = self._head(head)
        if self._next() != _FILES:
            self._damaged()

    def _next(self) -> str | None:
        """The next line without its line break; None at the end of the file."""
        try:
            raw = self._file.readline()
        except OSError as exc:
            raise InputError(f"cannot be read: {exc.strerror or exc}", self.name) from None
        if not raw:
            return None
        self.line += 1
        if not raw.endswith(b"\n"):
            self._cut_short()
        try:
            return raw[:-1].decode("utf-8")
        except UnicodeDecodeError:
            self._damaged()

    def _cut_short(self) -> NoReturn:
        self.close()
        raise InputError(f"is cut short: it ends after {self.records} "
                         f"{'file' if self.records == 1 else 'files'} with no end mark; copy "
                         f"all of it, or {_REMAKE}", self.name)

    def _damaged(self) -> NoReturn:
        self.close()
        raise InputError(f"is damaged: this line is not what readlint wrote; {_REMAKE}",
                         self.name, self.line)

    def _json(self, text: str) -> Any:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            self._damaged()

    def _head(self, data: Any) -> Head:
        if not isinstance(data, dict) or data.get("format") != PART_FORMAT:
            self.close()
            raise InputError("was written by another version of readlint, in a form this one "
                             "does not read; make every part, and merge them, with the same "
                             "readlint", self.name)
        try:
            shard = data["shard"]
            return Head((int(shard[0]), int(shard[1])), int(data["files"]),
                        str(data["files_digest"]), dict(data["settings"]),
                        {str(k): list(v) for k, v in data["glossaries"].items()},
                        str(data["kind"]), str(data["version"]), str(data["code"]))
        except (KeyError, TypeError, ValueError, IndexError):
            self._damaged()

    def records_read(self) -> Iterator[tuple[dict[str, Any], int]]:
        """Each file's record, with its line, up to the end of the list of files."""
        while True:
            text = self._next()
            if text is None:
                self._cut_short()
            if text == _FILES_END:
                return
            record = self._json(text.removesuffix(","))
            if not isinstance(record, dict) or not isinstance(record.get("place"), int):
                self._damaged()
            self.records += 1
            yield record, self.line

    def finish(self) -> dict[str, Any]:
        """After the records: the glossary answers, checked against the end mark."""
        text = self._next()
        if text is None:
            self._cut_short()
        if not text.startswith(_KNOWN):
            self._damaged()
        known = self._json(text[len(_KNOWN):].removesuffix(","))
        end = self._next()
        if end is None:
            self._cut_short()
        if not end.startswith(_END) or not end.endswith("}"):
            self._damaged()
        count = self._json(end[len(_END):-1])
        if not isinstance(count, dict) or count.get("files") != self.records:
            self._damaged()
        if not isinstance(known, dict):
            self._damaged()
        self.close()
        return known

    def damaged_record(self, line: int) -> InputError:
        self.close()
        return InputError(f"is damaged: this line is not what readlint wrote; {_REMAKE}",
                          self.name, line)

    def close(self) -> None:
        self._file.close()


@dataclass
class Merged:
    """What the parts hold together, in the order of one run over every file."""

    kind: str
    report: Report | None  # kind "report"
    changes: list[Change]  # kind "base"
    errors: list[ReadlintError]  # as one run says them: files' errors, then rules' failures
    notices: list[str]
    settings: dict[str, str] = field(default_factory=dict)


def check_heads(names: Sequence[str]) -> list[tuple[str, Head]]:
    """The parts' heads, in shard order, once every part is known to be from this readlint,
    with the same settings, over the same files, and every shard there once."""
    if not names:
        raise InputError("give the parts to merge (files made with `readlint report --shard "
                         "I/N --format json -o FILE`)")
    heads = [(name, _head_of(name)) for name in names]
    first_name, first = heads[0]
    for name, head in heads[1:]:
        _made_alike(name, head, first_name, first)
    _every_shard_once(heads, first.shard[1])
    heads.sort(key=lambda item: item[1].shard[0])
    return heads


def _head_of(name: str) -> Head:
    """The head of the part `name`, once it is known to be from this readlint."""
    reader = _Reader(name)
    reader.close()
    head = reader.head
    if head.version != __version__:
        raise InputError(f"was made by readlint {head.version}; this is readlint "
                         f"{__version__}. Make every part, and merge them, with the same "
                         "version", name)
    if head.code != code_digest():
        raise InputError(f"was made by another build of readlint {head.version} (its code or "
                         "data differs from this one's). Make every part, and merge them, with "
                         "the same readlint", name)
    return head


def _made_alike(name: str, head: Head, first_name: str, first: Head) -> None:
    """Refuse a part made otherwise than the first: another kind, other settings, other
    files, or another split."""
    if head.kind != first.kind:
        what = {"base": "the changes since a revision (--base)", "report": "a report"}
        raise InputError(f"holds {what.get(head.kind, head.kind)}, but {first_name} holds "
                         f"{what.get(first.kind, first.kind)}; merge parts made alike", name)
    for key, value in first.settings.items():
        if head.settings.get(key) != value:
            raise InputError(f"was made with other settings than {first_name}: "
                             f"{SETTING_NAMES.get(key, key)}. Make every part with the "
                             "same config and options", name)
    if set(head.settings) != set(first.settings):
        raise InputError(f"was made with other settings than {first_name}; make every "
                         "part with the same config and options", name)
    if (head.files, head.files_digest) != (first.files, first.files_digest):
        which = f"{head.files:,} files in all, not {first.files:,}" \
            if head.files != first.files else "files of other names"
        raise InputError(f"was made over other files than {first_name} ({which}). Run "
                         "every part in the same checkout, on the same paths", name)
    if head.shard[1] != first.shard[1]:
        raise InputError(f"is part {head.shard[0]} of {head.shard[1]}, but {first_name} "
                         f"is part {first.shard[0]} of {first.shard[1]}; give the parts of "
                         "one split", name)


def _every_shard_once(heads: Sequence[tuple[str, Head]], count: int) -> None:
    """Refuse a part given twice, or a split with parts missing."""
    seen: dict[int, str] = {}
    for name, head in heads:
        if head.shard[0] in seen:
            raise InputError(f"is part {head.shard[0]} of {count}, and so is "
                             f"{seen[head.shard[0]]}; give each part once", name)
        seen[head.shard[0]] = name
    missing = [i for i in range(1, count + 1) if i not in seen]
    if missing:
        listed = ", ".join(str(i) for i in missing[:10]) + (" …" if len(missing) > 10 else "")
        raise InputError(f"{'part' if len(missing) == 1 else 'parts'} {listed} of {count} "
                         f"{'is' if len(missing) == 1 else 'are'} missing: give all {count} "
                         "parts (a part missing is a shard whose job failed or whose file "
                         "was not passed on)")


def _error(data: Any) -> ReadlintError:
    path, line, message = data
    return ReadlintError(str(message), None if path is None else str(path),
                         None if line is None else int(line))


def merge(names: Sequence[str], sort: str = "worst", top_terms: int = 15) -> Merged:
    """The parts as one run's report (or changes), refusing any part that does not fit."""
    heads = check_heads(names)
    first = heads[0][1]
    rows: list[tuple[int, DocumentRow]] = []
    changes: list[tuple[int, Change]] = []
    file_errors: list[tuple[int, str, ReadlintError]] = []
    failures: list[tuple[int, ReadlintError]] = []
    notices: list[tuple[int, int, Notice]] = []
    answers: dict[str, set[str]] = {}
    broken: set[str] = set()
    for name, _ in heads:
        reader = _Reader(name)
        for record, line in reader.records_read():
            place = record["place"]
            try:
                if "error" in record:
                    file_errors.append((place, str(record["path"]), _error(record["error"])))
                elif "row" in record:
                    rows.append((place, DocumentRow.from_record(record["row"],
                                                                "view" in record)))
                elif "change" in record:
                    changes.append((place, _change(record["change"])))
                for failure in record.get("failures", ()):
                    failures.append((place, _error(failure)))
                for n, (key, message) in enumerate(record.get("notices", ())):
                    notices.append((place, n, Notice(str(key), str(message))))
            except (KeyError, TypeError, ValueError):
                raise reader.damaged_record(line) from None
        known = reader.finish()
        try:
            refs = [str(r) for r in known["glossaries"]]
            broken.update(refs[int(i)] for i in known["broken"])
            for term, which in known["terms"].items():
                answers.setdefault(str(term), set()).update(refs[int(i)] for i in which)
        except (KeyError, TypeError, ValueError, IndexError):
            raise InputError(f"is damaged: its glossary answers are not what readlint wrote; "
                             f"{_REMAKE}", name) from None
    file_errors.sort(key=lambda item: item[0])
    errors = [e for _, _, e in file_errors] + \
        [e for _, e in sorted(failures, key=lambda item: item[0])]
    said = said_once(n for _, _, n in sorted(notices, key=lambda item: item[:2]))
    if first.kind == "base":
        return Merged("base", None, [c for _, c in sorted(changes, key=lambda c: c[0])],
                      errors, said, first.settings)
    rows.sort(key=lambda item: item[0])
    ordered = [row for _, row in rows]
    used: dict[str, None] = {}
    for rule_set in sorted({r.rule_set for r in ordered if r.rule_set}):
        used.update(dict.fromkeys(first.glossaries.get(rule_set, ())))
    lookup: Callable[[str], bool] | None = None
    if used and not broken.intersection(used):
        def lookup(term: str) -> bool:
            return not answers.get(term, set()).isdisjoint(used)
    report = assemble(ordered, [(path, e.line, e.message) for _, path, e in file_errors],
                      said, sort, top_terms, lookup)
    report.views = lambda: _views([name for name, _ in heads], len(ordered))
    return Merged("report", report, [], errors, said, first.settings)


def _change(data: Any) -> Change:
    from .since_base import Change

    path, before, after, target, fixed, added, new = data
    return Change(str(path), None if before is None else float(before),
                  None if after is None else float(after),
                  None if target is None else float(target), int(fixed), int(added),
                  bool(new))


def _views(names: Sequence[str], rows: int) -> Iterator[tuple[int, str]]:
    """The rows' views, read from every part at once a line at a time, in the order of the
    files: (the row's number, its view)."""
    readers = [_Reader(name) for name in names]

    def each(reader: _Reader) -> Iterator[tuple[int, str | None]]:
        for record, line in reader.records_read():
            if "row" not in record:
                continue
            view = record.get("view")
            try:
                text = None if view is None else _dumps(view)
            except TypeError:
                raise reader.damaged_record(line) from None
            yield record["place"], text
        reader.close()

    number = -1
    try:
        for number, (_, view) in enumerate(heapq.merge(*(each(r) for r in readers),
                                                       key=lambda item: item[0])):
            if view is not None:
                yield number, view
    finally:
        for reader in readers:
            reader.close()
    if number + 1 != rows:
        raise InputError(f"changed while it was read ({number + 1} documents, not {rows}); "
                         "merge the parts again", ", ".join(names))
