"""The command line: option parsing and wiring only."""

from __future__ import annotations

import datetime
import errno
import functools
import io
import math
import os
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import click

from . import __version__, document, parallel, store
from .config import Config, load_config
from .errors import InputError, ReadlintError
from .files import discover, excluded, page_at, project_file
from .fixes import Fixer, write_atomically
from .formats import FORMATS, FormatOptions, for_check, for_report
from .formats.base import ReportWriter, write_each
from .formats.text import plural
from .linter import Choices, Describe, Linter, example_problems
from .patterns import user_pattern
from .problem import Severity
from .registry import Registry
from .results import FileResult, Notice, RunResult, StreamedRun
from .rule import GRADE
from .rulesets import RuleSets
from .run import Run, Target
from .schema import validate
from .selection import Selection, severity_of
from .settings import Resolver
from .source import decode, printable

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool stopped by a closed pipe


# The report's orders (report.model.SORT_KEYS), named here so `check` need not import it.
REPORT_ORDERS = ("difficulty", "grade", "long", "path", "problems", "terms", "words", "worst")


def _seconds(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """A number of seconds, not "nan" (which every range takes)."""
    if value is not None and math.isnan(value):
        raise click.BadParameter("expected a number of seconds, got nan", ctx, param)
    return value


def _fail(message: str) -> NoReturn:
    click.echo(f"readlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _resolver(config_path: str | None, registry: Registry,
              choices: Choices | None = None) -> Resolver:
    """The settings of each file: those of the config given, or of the nearest config."""
    given = load_config(Path(config_path)) if config_path else None
    return Resolver(registry, choices, given, nearest=config_path is None)


class _Group(click.Group):
    """Turns readlint errors into one plain line and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReadlintError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("readlint: stopped", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (`readlint check docs | head`): stop quietly, as other
            # command-line tools do, with nothing more written to the closed pipe.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
                # The output could not be written: a full disk, a read-only place.
                _fail(f"cannot write the output: {exc.strerror or exc}")
            if exc.errno in (errno.EACCES, errno.EPERM, errno.ENAMETOOLONG, errno.ENOENT) and \
                    exc.filename is not None and not os.environ.get("READLINT_DEBUG"):
                # a path readlint was asked to look at, or looked for a config beside, that
                # it may not read ("permission denied") or cannot name ("file name too long")
                _fail(f"{printable(os.fsdecode(exc.filename))}: cannot be read: "
                      f"{(exc.strerror or str(exc)).lower()}")
            if os.environ.get("READLINT_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} "
                  "(set READLINT_DEBUG=1 to see details, and please report it)")
        except Exception as exc:  # a bug: say so in one line, details on request
            if os.environ.get("READLINT_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} "
                  "(set READLINT_DEBUG=1 to see details, and please report it)")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="readlint")
def main() -> None:
    """Check that health documents are easy to read for the people they are written for.

    readlint finds reading grades too high for the audience, long sentences, and other
    problems, with the file, line and column of each. Run `readlint check PATH` to start.
    """


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(f"{value} is not a number of processes that can check "
                                 "anything: give 1 or more")
    return value


def _output_file(value: str | None) -> str | None:
    """-o's file; "-" is the terminal, as without -o (not a file named "-"). An empty name
    is refused, not taken as the terminal: the output asked for a file would be lost."""
    if value == "":
        raise click.BadParameter("an empty name is no file (use - for the terminal)")
    return None if value == "-" else value


def _rule_names(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
                ) -> tuple[str, ...]:
    """--select and --ignore as given, each naming at least one rule (an empty --select
    would check every rule, the opposite of what it asks)."""
    for value in values:
        if not _split([value]):
            raise click.BadParameter("give at least one rule's name or code, for example "
                                     "long-sentence or RL102")
    return values


class _Name(click.Path):
    """A file or folder named on the command line. An empty name (a shell variable with
    nothing in it, quoted) is refused: taken as the current folder, it would check every page
    there; as a file, an output would go nowhere, or a setting would be left out unseen."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if value == "":
            self.fail("an empty name is no file or folder (was a variable empty?)", param, ctx)
        return super().convert(value, param, ctx)


def _common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    decorators = [
        click.argument("paths", nargs=-1, type=_Name(readable=False)),
        click.option("--select", multiple=True, metavar="RULES", callback=_rule_names,
                     help="Check only these rules (names or codes, comma-separated)."),
        click.option("--ignore", multiple=True, metavar="RULES", callback=_rule_names,
                     help="Do not check these rules (names or codes, comma-separated)."),
        click.option("--audience", metavar="NAME",
                     help="Check every document as written for this audience "
                          "(for example patient or professional), whatever its audienceLevel."),
        click.option("--config", "config_path", type=_Name(dir_okay=False),
                     help="Use this config file instead of looking for one."),
        click.option("--today", metavar="DATE", callback=lambda ctx, param, value: _date(value),
                     help="Count review dates from DATE (year-month-day) instead of today, so "
                          "a run can be repeated."),
        click.option("--jobs", "-j", type=int, metavar="N", callback=_jobs,
                     help="Check files in N processes at once (default: one per processor "
                          "core; 1 checks them one by one). The output is the same."),
        click.option("--no-cache", is_flag=True,
                     help="Check every file again, even those unchanged since the last run "
                          "with the same settings."),
        click.option("--cache-dir", type=_Name(file_okay=False), metavar="FOLDER",
                     help="Keep the cache (results of unchanged files, word tables) in FOLDER "
                          "(default: READLINT_CACHE_DIR, else your user cache folder)."),
        click.option("--time-limit", type=click.FloatRange(min=0, max=86400), metavar="SECONDS",
                     callback=_seconds,
                     help="Stop checking a file after SECONDS (default 60, or time_limit in "
                          "the config; 0: no limit). The rule still running is named and its "
                          "problems are left out; the other rules' problems are reported. "
                          "Not on Windows, which has no timer to stop a rule with."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        if _DATE_SHAPE.fullmatch(value.strip()):  # the form is right, the day does not exist
            raise click.BadParameter(f"{value!r} is no day of the calendar: check the month "
                                     "and the day") from None
        raise click.BadParameter(f"{value!r}: write a date as year-month-day, for example "
                                 "2026-03-30") from None


_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", value)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise click.BadParameter(f"{value!r}: write I/N with 1 <= I <= N, for example 2/4")
    return int(m.group(1)), int(m.group(2))


def _build_run(paths: Sequence[str], select: Sequence[str], ignore: Sequence[str],
                  audience: str | None, config_path: str | None,
                  measure: bool = False, describe: Describe | None = None,
                  report_unused_disables: bool = False,
                  shard: tuple[int, int] | None = None, jobs: int | None = 1,
                  cache: bool = True, cache_dir: str | None = None,
                  keep_source: bool = False, today: str | None = None,
                  time_limit: float | None = None) -> Run:
    """The run over `paths`: each file's settings (from the config nearest to it, or the one
    given), the files to check, the cache and the worker processes."""
    if cache_dir is not None:
        if not cache_dir.strip():
            raise click.BadParameter("give the name of a folder", param_hint="'--cache-dir'")
        store.configure(cache_dir)
    why_not = store.problem()
    if why_not is not None:
        click.echo(f"readlint: warning: {why_not}", err=True)
    choices = Choices(audience=audience, select=_split(select) or None, ignore=_split(ignore),
                      report_unused_disables=report_unused_disables, shard=shard,
                      jobs=jobs or parallel.cores(), cache=cache, keep_source=keep_source,
                      today=today)
    return Run(_resolver(config_path, Registry.default(), choices), paths, measure=measure,
               describe=describe, time_limit=time_limit)


def _say(error: ReadlintError) -> None:
    click.echo(f"readlint: {error}", err=True)


def _report_errors_and_notices(result: RunResult, quiet: bool) -> None:
    for error in result.errors:
        _say(error)
    _say_notices(result, quiet)


def _say_notices(result: RunResult, quiet: bool) -> None:
    if not quiet:
        for notice in result.notices:
            click.echo(f"readlint: note: {notice}", err=True)


@main.command()
@_common_options
@click.option("--format", "output_format", type=click.Choice(for_check()),
              default="text", show_default=True, help="How to print the problems.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Exit with code 1 when a problem this serious or worse is found "
                   "(default: warning, or fail_on in the config).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the problems.")
@click.option("--statistics", is_flag=True,
              help="Also print how many problems each rule found (on standard error with "
                   "another --format than text, so the format stays whole).")
@click.option("--fix", is_flag=True,
              help="Make the safe fixes in the files (glossary links; plain words only where "
                   "the rule's fix option is on) and report what is left.")
@click.option("--diff", is_flag=True,
              help="Print the fixes as a diff instead of making them (exit code 1 when there "
                   "are fixes to make, 0 when there are none).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              callback=lambda ctx, param, value: _output_file(value),
              help="Write the chosen --format to FILE; the terminal still gets the text "
                   "(- writes the format to the terminal, as without -o).")
@click.option("--shard", metavar="I/N", callback=lambda ctx, param, value: _shard(value),
              help="Check only part I of N of the files (for example 2/4), split the same way "
                   "on every machine: for CI jobs that share a large site.")
@click.option("--stdin-filename", metavar="PATH",
              help="With - as the path: check standard input as if it were the file PATH "
                   "(its config, audience and settings).")
@click.option("--changed-since", metavar="REF",
              help="Report only problems on lines added or changed since the git revision REF "
                   "(and the reading grade of documents that changed, and of their sections "
                   "the change touched): for pull requests.")
@click.option("--baseline", "baseline_path", type=_Name(dir_okay=False), metavar="FILE",
              help="Leave out the problems FILE accepts (written by --write-baseline).")
@click.option("--write-baseline", "write_baseline_path", type=_Name(dir_okay=False),
              metavar="FILE", help="Write every problem found to FILE as accepted, and exit 0.")
@click.option("--report-unused-disables", is_flag=True,
              help="Also report readlint-disable comments that turn off nothing.")
@click.option("--exit-zero", is_flag=True,
              help="Exit with code 0 even when problems are found (for jobs that only "
                   "report); files that cannot be read still give 2.")
def check(paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
          audience: str | None, config_path: str | None, output_format: str,
          fail_on: str | None, quiet: bool, statistics: bool, fix: bool, diff: bool,
          output_file: str | None, shard: tuple[int, int] | None,
          stdin_filename: str | None, changed_since: str | None, baseline_path: str | None,
          write_baseline_path: str | None, report_unused_disables: bool,
          exit_zero: bool, today: str | None, jobs: int | None, no_cache: bool,
          cache_dir: str | None, time_limit: float | None) -> None:
    """Check documents and print every problem with its file, line and column.

    PATHS are Markdown or text files, or folders to search (default: the current folder).

    Exit code: 0 when nothing at or above the fail level is found, 1 when something is,
    2 when a file or the config cannot be read.
    """
    paths = paths or (".",)
    stdin = _check_usage(paths, fix, diff, output_format, output_file, stdin_filename)
    changed = _changed_lines(changed_since)  # a wrong revision fails before the run
    run = _build_run((stdin_filename or ".",) if stdin else paths, select, ignore, audience,
                     config_path, report_unused_disables=report_unused_disables, shard=shard,
                     jobs=jobs, cache=not no_cache, cache_dir=cache_dir,
                     keep_source=bool(baseline_path or write_baseline_path or changed_since
                                      or output_format == "gitlab"), today=today,
                     time_limit=time_limit)
    targets = [] if stdin else run.targets(paths)
    read = [(Path(stdin_filename), stdin_filename)] if stdin and stdin_filename else targets
    _not_over_inputs(run, read, output_file, write_baseline_path,
                     baseline=(baseline_path, write_baseline_path))
    if not stdin and not quiet:
        _note_left_out(paths, targets, run.config, sharded=shard is not None)
    # One route for every file: its result, then the per-file filters, then the output.
    results = _stdin_results(run, stdin_filename) if stdin else run.results(targets)
    if write_baseline_path:
        _write_baseline(run, results, write_baseline_path, quiet)
    fixer = _fixer(run, write=fix) if fix or diff else None
    filters = _filters(run, baseline_path, changed, fixer, fail_on)
    for keep in filters:
        results = map(keep, results)
    # --statistics with another format to the terminal: counted here, said on standard error
    counted: Counter[tuple[str, str]] | None = Counter() \
        if statistics and output_format != "text" and not output_file else None
    if counted is not None:
        results = map(functools.partial(_count, counted), results)
    checked = StreamedRun(results, run.rules, _say)
    if diff:
        assert fixer is not None
        _print_diffs(checked, fixer, quiet)
    _write_check(checked, output_format, output_file, _check_format_options(
        output_format, output_file, quiet, statistics, shard))
    _say_notices(checked, quiet)
    if fixer is not None and not quiet:
        click.echo(f"readlint: fixed {plural(fixer.applied, 'problem')} in "
                   f"{plural(fixer.files, 'file')}", err=True)
    if not quiet and not select and not ignore:  # (with fewer rules, entries go unchecked)
        _note_stale_baseline(filters, baseline_path)
    if counted:
        from .formats.text import write_statistics

        write_statistics(sys.stderr, counted)
    _exit_for(checked, exit_zero)


def _not_over_inputs(run: Run, targets: Iterable[Target], *outputs: str | None,
                     baseline: tuple[str | None, str | None] = (None, None)) -> None:
    """Refuse an output file that is one of the files the run reads: a page (standard input
    stands for the page --stdin-filename names), the config, a glossary, the baseline read
    (`baseline`: the one read and the one written, which may update it); and two outputs
    in one file, where one would replace the other."""
    _not_over_a_page(targets, *outputs)
    _not_over_settings(run, *outputs)
    read, written = baseline
    for output in outputs:
        if output and read and output != written and page_at(output, [Path(read)]):
            _fail(f"{printable(output)} is the baseline the run reads; write to another "
                  "file, so it is not replaced (--write-baseline updates it)")
    named = [output for output in outputs if output]
    real = [os.path.realpath(output) for output in named]
    for i, output in enumerate(named):
        if real[i] in real[:i]:
            _fail(f"{printable(output)} is named for two outputs; give each its own file, "
                  "so one does not replace the other")


def _not_over_settings(run: Run, *outputs: str | None) -> None:
    """Refuse an output file that is a file the run's settings read (the config, a rule set,
    a glossary or a table it reads, a word list): writing the output there would replace
    them (the next run would then fail on a file that is no longer a glossary, or read an
    empty word list)."""
    if not any(outputs):
        return  # (nothing is written: no setting need be looked up for this)
    from .result_cache import settings_files

    settings = [Path(name) for name in settings_files(run.linter.selection)]
    for output in outputs:
        if output and (page_at(output, settings) or _nearest_config(run, output)):
            _fail(f"{printable(output)} is a file the run's settings read (its config, a "
                  "glossary or a word list); write to another file, so it is not replaced")


def _nearest_config(run: Run, output: str) -> bool:
    """Is the output the config file of its own folder, one that pages in or under that
    folder are checked with (`check . -o docs/.readlint.yaml`)?"""
    if not run.resolver.nearest:
        return False  # (every page is checked with the config given)
    try:
        found = run.resolver.config_file(Path(output).absolute())
    except OSError:
        return False
    return found is not None and page_at(output, [found])


def _not_over_a_page(targets: Iterable[Target], *outputs: str | None) -> None:
    """Refuse an output file that is one of the pages the run reads: writing it would
    replace the page."""
    pages = [item[0] for item in targets if not isinstance(item, InputError)]
    for output in outputs:
        if output and page_at(output, pages):
            _fail(f"{printable(output)} is one of the pages being checked; write to another "
                  "file, so the page is not replaced")


def _note_left_out(paths: Sequence[str], targets: Sequence[Target], config: Config,
                   sharded: bool = False) -> None:
    """A note for each path named that gives no page: a repository's own file (README.md,
    SUPPORT.md), a file the config's include or exclude patterns leave out when no page is
    left to check, a folder with no page in it (a wrong folder would pass a CI job unseen;
    `sharded`: the targets are one shard's, so a folder may have pages in other shards)."""
    found = [item[0] for item in targets if not isinstance(item, InputError)]
    for raw in paths:
        path = Path(raw)
        if path.is_file() and not config.project_files and project_file(path.name):
            click.echo(f"readlint: note: {printable(raw)} is left out: it is the repository's "
                       "own file, not a page (project_files: true in the config checks it)",
                       err=True)
        elif path.is_file() and not found and excluded(path, config):
            # (said when nothing is left to check, as a CI job would pass unseen; not on each
            # commit a hook makes that names files the config means to leave out)
            click.echo(f"readlint: note: {printable(raw)} is left out by the config's include "
                       "or exclude patterns, so it is not checked", err=True)
        elif path.is_dir() and not sharded and \
                not any(page.is_relative_to(path) for page in found):
            kinds = ", ".join(config.extensions[:-1]) + " or " + config.extensions[-1] \
                if len(config.extensions) > 1 else "".join(config.extensions)
            why = f"no file ending in {kinds} that the config lets in" if kinds else \
                "the config's extensions list is empty"
            click.echo(f"readlint: note: {printable(raw)} holds no page to check ({why})",
                       err=True)


def _check_usage(paths: tuple[str, ...], fix: bool, diff: bool, output_format: str,
                 output_file: str | None, stdin_filename: str | None) -> bool:
    """Refuse options that do not go together; whether the path is standard input."""
    if diff and fix:
        raise click.UsageError("--diff shows the fixes and --fix makes them: choose one.")
    if diff and (output_format != "text" or output_file):
        raise click.UsageError("--diff prints a diff; it cannot be combined with --format or "
                               "--output-file.")
    stdin = paths == ("-",)
    if stdin_filename is not None and not stdin:
        raise click.UsageError("--stdin-filename names the file standard input stands for: give "
                               "- as the path (cat page.md | readlint check - --stdin-filename "
                               "page.md).")
    if "-" in paths and not stdin:
        raise click.UsageError("- (standard input) cannot be mixed with other paths.")
    if stdin and (fix or diff):
        raise click.UsageError("--fix and --diff work on files on disk; they cannot be used "
                               "with - (standard input).")
    return stdin


def _changed_lines(changed_since: str | None) -> dict[Path, set[int]] | None:
    """The lines git says changed since the revision, by file (None: every line counts)."""
    if not changed_since:
        return None
    from . import changes

    return changes.changed_lines(changed_since)


def _fixer(run: Run, write: bool) -> Fixer:
    """The fixes of each file, made in it (`write`) or printed as a diff."""
    return Fixer(lambda path, text, shown: run.linter_for(path).lint_text(text, shown),
                 run.config.max_file_size, write=write, show=_show_diff)


def _show_diff(text: str) -> None:
    """A diff, in UTF-8 whatever the terminal's encoding, as a patch must be to apply."""
    with _standard_output("diff") as out:
        out.write(text)


def _filters(run: Run, baseline_path: str | None, changed: dict[Path, set[int]] | None,
             fixer: Fixer | None, fail_on: str | None = None
             ) -> list[Callable[[FileResult], FileResult]]:
    """The per-file filters asked for, in their order: --fail-on's level over each file's
    own, the baseline's accepted problems left out, then the problems on unchanged lines,
    then the fixes."""
    filters: list[Callable[[FileResult], FileResult]] = []
    if fail_on:
        filters.append(functools.partial(_failing_at, Severity.parse(fail_on)))
    if baseline_path:
        from . import baseline

        filters.append(baseline.Accepted(baseline.read(Path(baseline_path))))
    if changed is not None:
        from . import changes

        filters.append(changes.ChangedLines(changed, frozenset(run.linter.registry.tagged(GRADE))))
    if fixer is not None:
        filters.append(fixer)
    return filters


def _print_diffs(checked: StreamedRun, fixer: Fixer, quiet: bool) -> NoReturn:
    """Each file's diff as it comes; exit code 1 when there are fixes to make."""
    for _ in checked.each_file():
        pass  # the fixer prints each file's diff
    _say_notices(checked, quiet)
    sys.exit(EXIT_ERROR if checked.errors else EXIT_PROBLEMS if fixer.applied else EXIT_OK)


def _check_format_options(output_format: str, output_file: str | None, quiet: bool,
                          statistics: bool, shard: tuple[int, int] | None = None
                          ) -> FormatOptions:
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ \
        and not output_file
    return FormatOptions(color=color, quiet=quiet, statistics=statistics, version=__version__,
                         shard=shard)


def _write_check(checked: StreamedRun, output_format: str, output_file: str | None,
                 options: FormatOptions) -> None:
    """The problems in the chosen format; with -o, to that file, and as text to the
    terminal too, both written as the results come."""
    writer = FORMATS[output_format].check
    assert writer is not None  # the choice offers only formats that can
    result: RunResult = checked
    if not FORMATS[output_format].streams:  # SARIF, GitLab, JUnit: the whole run at once
        result = RunResult(list(checked.each_file()), checked.rules)
    if not output_file:
        with _standard_output(output_format) as out:
            writer(result, out, options)
        return
    text_writer = FORMATS["text"].check
    assert text_writer is not None
    terminal = options._replace(color=sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    push, text_push = FORMATS[output_format].push, FORMATS["text"].push
    if push is not None and text_push is not None:  # both written as the results come
        write_atomically(Path(output_file), lambda fh: write_each(
            result, [push(fh, options, result.rules),
                     text_push(sys.stdout, terminal, result.rules)]))
    else:  # a format that reads the whole run (SARIF, GitLab, JUnit): one after the other
        write_atomically(Path(output_file), lambda fh: writer(result, fh, options))
        text_writer(result, sys.stdout, terminal)


def _count(by_rule: Counter[tuple[str, str]], result: FileResult) -> FileResult:
    """The file's result, its problems counted by rule."""
    by_rule.update((p.code, p.rule) for p in result.problems)
    return result


def _note_stale_baseline(filters: Sequence[Callable[[FileResult], FileResult]],
                         baseline_path: str | None) -> None:
    """A note when the baseline accepts problems the files checked no longer have."""
    from .baseline import Accepted

    stale = sum(f.stale for f in filters if isinstance(f, Accepted))
    if stale:
        one = stale == 1
        click.echo(f"readlint: note: {plural(stale, 'problem')} that "
                   f"{printable(baseline_path or '')} accepts {'was' if one else 'were'} no "
                   "longer found in the files checked (fixed, or rewritten); write the baseline "
                   f"again to drop {'it' if one else 'them'}", err=True)


def _failing_at(level: Severity, result: FileResult) -> FileResult:
    """The file's result, failing from `level` (--fail-on) instead of its config's fail_on."""
    result.fail_on = level
    return result


def _exit_for(result: RunResult, exit_zero: bool) -> NoReturn:
    """Exit code 2 when a file could not be read, else 1 when a file has a problem at or
    above its fail level (its config's fail_on, or --fail-on), else 0."""
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PROBLEMS if result.fails() and not exit_zero else EXIT_OK)


def _stdin_results(run: Run, filename: str | None) -> list[FileResult]:
    """Standard input, checked as if it were `filename` (nothing when its config leaves that
    file out)."""
    display = printable(filename) if filename else "<stdin>"
    limit = run.config.max_file_size
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input is over the {limit / 1048576:.0f} MB limit; raise "
                         "max_file_size_mb in the config to check it", display)
    found = run.lint_text(decode(data, display), display, Path(filename) if filename else None)
    return [found] if found is not None else []


def _write_baseline(run: Run, results: Iterable[FileResult], path: str,
                    quiet: bool) -> NoReturn:
    """Every problem found, written as accepted; exit code 2 when files could not be read."""
    from . import baseline

    checked = StreamedRun(results, run.rules, _say)
    count = baseline.write(checked.each_file(), Path(path))
    _say_notices(checked, quiet)
    click.echo(f"readlint: wrote {plural(count, 'problem')} to {path} as accepted", err=True)
    sys.exit(EXIT_ERROR if checked.errors else EXIT_OK)


@main.command()
@_common_options
@click.option("--format", "output_format", type=click.Choice(for_report()),
              default="text", show_default=True,
              help="text: a table for the terminal; json: every metric of every document; "
                   "markdown: a short summary for a pull-request comment; html: the page "
                   "--html writes.")
@click.option("--top", type=click.IntRange(min=1), metavar="N",
              help="Show only the N worst documents (all of them in JSON).")
@click.option("--html", "html_path", type=_Name(dir_okay=False),
              help="Also write the report as one HTML page (works offline) to this file.")
@click.option("--sort", type=click.Choice(REPORT_ORDERS), default="worst",
              show_default=True,
              help="Order of documents: worst (furthest above target first), grade, "
                   "difficulty (the pages' difficulty score, hardest first), problems, long, "
                   "terms, words or path.")
@click.option("--base", metavar="REF",
              help="Compare each document changed since the git revision REF with its version "
                   "there: grade before and after, problems fixed and added (text or "
                   "markdown, for a pull-request comment).")
@click.option("--fail-on-worse", is_flag=True,
              help="With --base: exit with code 1 when a document got harder to read.")
@click.option("--compare", "compare_path", type=_Name(dir_okay=False), metavar="OLD.json",
              help="Show what got better and what got worse since a report saved earlier "
                   "with --format json: per document and per audience.")
@click.option("--todo", "todo_path", type=_Name(dir_okay=False), metavar="FILE.csv",
              help="Also write the editors' to-do list as CSV: every term left unexplained or "
                   "unlinked, how many documents use it that way and which, and whether a "
                   "glossary has it.")
@click.option("--shard", metavar="I/N", callback=lambda ctx, param, value: _shard(value),
              help="Check only part I of N of the files (for example 2/4), split as check "
                   "--shard splits them. With --format json, write a part to merge with "
                   "--merge: for CI jobs that share a large site.")
@click.option("--merge", is_flag=True,
              help="PATHS are parts written with --shard I/N --format json: make of them the "
                   "report one run over every file would make (any format, --html, "
                   "--compare, --todo; --base when the parts were made with it).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              callback=lambda ctx, param, value: _output_file(value),
              help="Write the chosen --format to FILE instead of the terminal (-: the "
                   "terminal).")
def report(paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
           audience: str | None, config_path: str | None, output_format: str,
           top: int | None, html_path: str | None, sort: str, base: str | None,
           fail_on_worse: bool, compare_path: str | None, todo_path: str | None,
           shard: tuple[int, int] | None, merge: bool, output_file: str | None,
           today: str | None, jobs: int | None, no_cache: bool,
           cache_dir: str | None, time_limit: float | None) -> None:
    """Show where a whole set of documents stands: one row per document, worst first.

    For each document: its audience, words, reading grade against its target, difficulty
    score, long sentences, undefined terms, missing glossary links and problems by severity,
    and its hardest sentences with their scores and what makes each hard; then totals per
    audience. Files that cannot be read are listed on standard error.

    A large site can be split across machines: `readlint report docs --shard I/N --format
    json -o part-I.json` on each, then `readlint report --merge part-*.json --html
    report.html` gives the report of one run over every file.
    """
    from .report.view import document_view

    outputs = _ReportOutputs(output_format, top, html_path, compare_path, todo_path,
                             output_file)
    part = shard is not None and output_format == "json"
    _report_usage(outputs, base, fail_on_worse, part, merge)
    if merge:
        if shard or select or ignore or audience or config_path or today or jobs or \
                no_cache or cache_dir or time_limit is not None:
            raise click.UsageError("--merge uses the settings its parts were made with: give "
                                   "--select, --audience, --config and the like when making "
                                   "the parts.")
        _report_merged(paths, sort, base, fail_on_worse, outputs)
    paths = paths or (".",)
    if base:
        _report_base(paths, select, ignore, audience, config_path, base, output_format,
                     fail_on_worse, time_limit, shard, output_file)
    if compare_path:
        _load_earlier(compare_path)  # before the run: a wrong file fails fast
    run = _build_run(paths, select, ignore, audience, config_path, measure=True,
                     describe=document_view if html_path is not None or part else None,
                     jobs=jobs, cache=not no_cache, cache_dir=cache_dir, today=today,
                     time_limit=time_limit)
    _report_run(run, paths, shard, part, sort, outputs)


class _ReportOutputs(NamedTuple):
    """What `report` writes, and where."""

    format: str
    top: int | None
    html_path: str | None
    compare_path: str | None
    todo_path: str | None
    output_file: str | None


def _report_usage(outputs: _ReportOutputs, base: str | None, fail_on_worse: bool, part: bool,
                  merge: bool) -> None:
    """Refuse options that do not go together (those of --merge: _report_merged)."""
    extras = outputs.html_path or outputs.compare_path or outputs.todo_path
    if fail_on_worse and not base:
        raise click.UsageError("--fail-on-worse needs --base REF.")
    if base and (FORMATS[outputs.format].changes is None and not part or extras):
        raise click.UsageError("--base writes text or markdown (or, with --shard, a part in "
                               "JSON), without --html, --compare or --todo.")
    if part and extras and not merge:
        raise click.UsageError("--shard with --format json writes a part for --merge; give "
                               "--html, --compare and --todo when merging the parts.")


def _report_merged(paths: Sequence[str], sort: str, base: str | None, fail_on_worse: bool,
                   outputs: _ReportOutputs) -> NoReturn:
    """The report (or, with --base, the changes) of the parts named by `paths`."""
    from .report import parts

    if not paths:
        raise click.UsageError("--merge needs the parts, for example: readlint report "
                               "--merge part-*.json --html report.html")
    merged = parts.merge(paths, sort=sort)
    made_with = merged.settings.get("base") or None
    if made_with != base:
        raise click.UsageError(
            f"the parts hold the changes since {made_with}: merge them with --base "
            f"{made_with}." if made_with and not base else
            f"the parts were made with --base {made_with}, not {base}." if made_with else
            "the parts were made without --base: make them with --shard and --base "
            "--format json to merge the changes since a revision.")
    for error in merged.errors:
        click.echo(f"readlint: {error}", err=True)
    for notice in merged.notices:
        click.echo(f"readlint: note: {notice}", err=True)
    if base:
        _write_changes(merged.changes, base, outputs.format, outputs.output_file,
                       bool(merged.errors), fail_on_worse)
    assert merged.report is not None
    _write_report(merged.report, outputs, bool(merged.errors))


def _report_run(run: Run, paths: Sequence[str], shard: tuple[int, int] | None, part: bool,
                sort: str, outputs: _ReportOutputs) -> NoReturn:
    """Check the files and write the report, or (`part`) this shard's part of it."""
    from .report import parts
    from .report.model import build as build_report

    targets = run.targets(paths)
    _not_over_inputs(run, targets, outputs.output_file, outputs.html_path, outputs.todo_path)
    _note_left_out(paths, targets, run.config, sharded=shard is not None)
    chosen = parts.shard_of(targets, shard) if shard else list(enumerate(targets))
    with _checking(run, chosen) as checked:
        if part:
            assert shard is not None
            _write_report_part(run, checked, shard, targets, chosen, outputs.output_file)
        result = RunResult(list(checked), run.rules)
    _report_errors_and_notices(result, quiet=False)
    data = build_report(result, sort=sort, known=_glossary_lookup(run.linter, result))
    _write_report(data, outputs, bool(result.errors))


@contextmanager
def _checking(run: Run, chosen: Sequence[tuple[int, Target]]) -> Iterator[Iterator[FileResult]]:
    """The results of the chosen targets as they come, with a progress bar on a terminal
    when there are many."""
    show_progress = sys.stderr.isatty() and len(chosen) > 20
    with click.progressbar(length=len(chosen), label="Checking", file=sys.stderr,
                           hidden=not show_progress) as bar:
        def checked() -> Iterator[FileResult]:
            for file in run.results(t for _, t in chosen):
                bar.update(1)
                yield file
        yield checked()


def _write_report_part(run: Run, checked: Iterator[FileResult], shard: tuple[int, int],
                       targets: Sequence[Target], chosen: Sequence[tuple[int, Target]],
                       output_file: str | None) -> NoReturn:
    """This shard's part of the report, for --merge."""
    from .report import parts
    from .report.model import row_tags

    kept = StreamedRun(checked, run.rules, _say)
    head = parts.Head(shard, len(targets),
                      parts.files_digest(parts.target_name(t) for t in targets),
                      parts.settings_of(run.linter, None), parts.glossaries_of(run.linter),
                      code=parts.code_digest())
    _write_to(output_file, "the part", lambda fh: parts.write_report_part(
        fh, run.linter, head, parts.placed(kept.each_file(), chosen), row_tags(kept)))
    for notice in kept.notices:
        click.echo(f"readlint: note: {notice}", err=True)
    sys.exit(EXIT_ERROR if kept.errors else EXIT_OK)


def _load_earlier(compare_path: str) -> dict[str, Any]:
    from .report import progress

    try:
        return progress.load(compare_path)
    except ReadlintError as exc:
        _fail(str(exc))


def _write_to(output_file: str | None, what: str, write: Callable[[Any], None],
              output_format: str = "json") -> None:
    """Write to the file named (atomically, and say so), or to the terminal."""
    if output_file:
        write_atomically(Path(output_file), write)
        click.echo(f"readlint: wrote {what} to {output_file}", err=True)
    else:
        with _standard_output(output_format) as out:
            write(out)


@contextmanager
def _standard_output(output_format: str) -> Iterator[Any]:
    """Where a format goes when no file is named. Text is for people: what the terminal's
    encoding cannot show is printed as "?". Every other format, and a diff, is read by a
    program and is written in UTF-8, as its files are, whatever the terminal's encoding (a
    pipe set to ASCII or cp1252 would turn a page's "é" into "?" inside the JSON)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    buffer = getattr(sys.stdout, "buffer", None)
    if output_format == "text" or encoding in ("utf-8", "utf8") or buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # sys.stdout keeps the stream


def _write_report(data: Any, outputs: _ReportOutputs, errors: bool) -> NoReturn:
    """The report's outputs, from one run or merged parts; exit code 2 when files could not
    be read."""
    output_format, top, html_path, compare_path, todo_path, output_file = outputs
    if compare_path:
        from .report import progress
        data.since = progress.compare(data, _load_earlier(compare_path), compare_path)
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ \
        and not output_file
    options = FormatOptions(color=color, version=__version__, top=top,
                            html_written=html_path is not None)
    if todo_path:
        from .report.todo import write_csv
        write_atomically(Path(todo_path), lambda fh: write_csv(data, fh))
        click.echo(f"readlint: wrote the to-do list ({len(data.todo)} terms) to {todo_path}",
                   err=True)
    if html_path:
        write_atomically(Path(html_path), lambda fh: _report_writer("html")(data, fh, options))
        click.echo(f"readlint: wrote the HTML report to {html_path}", err=True)
    _write_to(output_file, "the report",
              lambda fh: _report_writer(output_format)(data, fh, options), output_format)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


def _glossary_lookup(linter: Linter, result: RunResult) -> Callable[[str], bool] | None:
    """Whether a glossary the run used has a term (the whole term, as one entry's name)."""
    from .glossary_sets import matcher_for

    refs: dict[str, None] = {}
    for rule_set in sorted({f.rule_set for f in result.files if f.rule_set}):
        refs.update(dict.fromkeys(linter.selection.glossaries(rule_set)))
    if not refs:
        return None
    try:
        matcher = matcher_for(tuple(refs))
    except ReadlintError:
        return None  # already said when the rules ran

    def known(term: str) -> bool:
        return any(m.start == 0 and m.end == len(term) for m in matcher.find(term))
    return known


def _report_base(paths: Sequence[str], select: Sequence[str], ignore: Sequence[str],
                 audience: str | None, config_path: str | None, ref: str, output_format: str,
                 fail_on_worse: bool, time_limit: float | None,
                 shard: tuple[int, int] | None = None,
                 output_file: str | None = None) -> NoReturn:
    from . import changes
    from .report import parts, since_base

    base = changes.base_of(ref)  # where the branch left ref, as the pull request shows it
    changed = changes.changed_files(base)
    run = _build_run(paths, select, ignore, audience, config_path, measure=True,
                     keep_source=True, time_limit=time_limit)
    targets = run.targets(paths)
    _not_over_inputs(run, targets, output_file)
    chosen = [(place, t) for place, t in
              (parts.shard_of(targets, shard) if shard else enumerate(targets))
              if isinstance(t, ReadlintError) or t[0].resolve() in changed]
    result = run.run(t for _, t in chosen)
    _report_errors_and_notices(result, quiet=False)
    found: list[since_base.Change | None] = []
    for file in result.files:
        if file.error is not None or file.source_path is None:
            found.append(None)
            continue
        old_name = changed.get(file.source_path.resolve())
        old_text = changes.text_at(base, old_name) if old_name is not None else None
        before = run.linter_for(file.source_path).lint_text(
            old_text, file.path, file.source_path) if old_text is not None else None
        found.append(since_base.compare(file.path, before, file))
    if shard is not None and output_format == "json":
        head = parts.Head(shard, len(targets),
                          parts.files_digest(parts.target_name(t) for t in targets),
                          parts.settings_of(run.linter, ref), parts.glossaries_of(run.linter),
                          kind="base", code=parts.code_digest())
        items = [(place, file, change) for (place, file), change in
                 zip(parts.placed(result.files, chosen), found, strict=True)]
        _write_to(output_file, "the part",
                  lambda fh: parts.write_base_part(fh, head, items))
        sys.exit(EXIT_ERROR if result.errors else EXIT_OK)
    _write_changes([c for c in found if c is not None], ref, output_format, output_file,
                   bool(result.errors), fail_on_worse)


def _write_changes(found: Sequence[Any], ref: str, output_format: str,
                   output_file: str | None, errors: bool, fail_on_worse: bool) -> NoReturn:
    writer = FORMATS[output_format].changes
    assert writer is not None  # --base is offered in the formats that can write it
    _write_to(output_file, "the changes", lambda fh: writer(list(found), ref, fh),
              output_format)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_PROBLEMS if fail_on_worse and any(c.worse for c in found) else EXIT_OK)


def _report_writer(name: str) -> ReportWriter:
    writer = FORMATS[name].report
    assert writer is not None  # only formats that can are offered
    return writer


@main.command("rules")
@click.option("--config", "config_path", type=_Name(dir_okay=False),
              help="Use this config file (to include its extra rule sets).")
def list_rules(config_path: str | None) -> None:
    """List every rule with its code, default severity and default options."""
    registry = Registry.default()
    rows = [(r.code, r.name, str(r.default_severity), r.summary) for r in registry]
    width = max(len(r[1]) for r in rows)
    click.echo(f"{'CODE':6}  {'RULE':{width}}  {'DEFAULT':8}  WHAT IT FINDS")
    for code, name, severity, summary in rows:
        click.echo(f"{code:6}  {name:{width}}  {severity:8}  {summary}")
    config = _resolver(config_path, registry).config_for_paths(())
    sets = RuleSets(registry, config.rule_dirs)
    click.echo("\nRule sets (chosen by the document's audienceLevel):")
    for name, rule_set in sorted(sets.sets.items()):
        audiences = ", ".join(rule_set.audience) or "(only through extends)"
        click.echo(f"  {name:13} {audiences}")
    click.echo("\nRun `readlint explain RULE` for what a rule checks and how to fix it.")


@main.command()
@click.argument("rule_name", metavar="RULE")
def explain(rule_name: str) -> None:
    """Explain a rule: what it finds, why, how to fix it, and an example."""
    registry = Registry.default()
    rule = registry.get(rule_name) or registry.get(rule_name.lower())  # (LONG-SENTENCE too)
    if rule is None:
        _fail(f"no rule is called {rule_name!r}; run `readlint rules` to see them all")
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.default_severity})\n")
    click.echo(rule.help())
    if rule.example is not None:
        example = rule.example
        settings = ", ".join(f"{k}={v}" for k, v in example.options.items())
        click.echo(f"\nExample{f' (with {settings})' if settings else ''}:")
        click.echo(textwrap.indent(example.text.rstrip("\n"), "    "))
        for problem in example_problems(registry, rule.name, example.text, example.options):
            click.echo(f"  readlint says, at line {problem.line}, column {problem.column}: "
                       f"{problem.message}")
        if example.fixed:
            click.echo("  Better, and not reported:")
            click.echo(textwrap.indent(example.fixed.rstrip("\n"), "    "))
    sets = RuleSets(registry)
    lines = []
    for name in sorted(sets.sets):
        setting = sets.resolve(name).get(rule.name)
        if setting is None:
            continue
        state = "off" if setting.enabled is False else str(severity_of(rule, setting))
        opts = ", ".join(f"{k}={v}" for k, v in setting.options.items())
        lines.append(f"  {name:13} {state}" + (f"; {opts}" if opts else ""))
    if lines:
        click.echo("\nIn the bundled rule sets:")
        click.echo("\n".join(lines))


@main.group()
def glossary() -> None:
    """Work with glossaries: build one from the links your pages already have."""


@glossary.command()
@click.argument("paths", nargs=-1, required=True, type=_Name(exists=True))
@click.option("-o", "--output", type=_Name(dir_okay=False), required=True,
              help="The glossary file to write (YAML).")
@click.option("--name", default="harvested", show_default=True, help="The glossary's name.")
@click.option("--pattern", "patterns", multiple=True, metavar="REGEX",
              help="Only links matching this regular expression, grouped by its named group "
                   "'key' (for example 'def/(?P<key>\\d+)'). Repeat for more forms. Without "
                   "it, every link is harvested and grouped by its address.")
@click.option("--url-template", metavar="URL",
              help="How to link an entry, with {id} for its key (for example "
                   "'https://example.org/glossary/{id}').")
def harvest(paths: tuple[str, ...], output: str, name: str, patterns: tuple[str, ...],
            url_template: str | None) -> None:
    """Build a glossary from the links in PATHS: each link target becomes an entry, its most
    frequent link text the term, other link texts its variants, with counts."""
    for pattern in patterns:
        if "(?P<key>" not in pattern:
            _fail(f"--pattern {pattern!r} needs a named group (?P<key>...)")
        user_pattern(pattern, "--pattern")  # refused with a plain message when it cannot run
    import yaml

    from .harvest import glossary_data

    found = list(discover(paths, Config()))
    files = [item[0] for item in found if not isinstance(item, InputError)]
    unread = [item for item in found if isinstance(item, InputError)]
    if page_at(output, files):
        _fail(f"{printable(output)} is one of the pages the links are read from; write the "
              "glossary to another file, so the page is not replaced")
    not_found = len(unread)
    data = glossary_data(files, patterns, name, url_template, unread=unread)
    read = len(files) - (len(unread) - not_found)
    validate(data, "glossary.schema.json", output)
    target = Path(output)
    text = (f"# Glossary harvested by readlint from the links of "
            f"{plural(len(files), 'document')}.\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    write_atomically(target, text)
    entries = len(data["terms"])
    click.echo(f"Wrote {entries} {'entry' if entries == 1 else 'entries'} from "
               f"{plural(read, 'document')} to {output}.")
    for error in unread:  # (their links are not in the glossary: say so, as `check` would)
        click.echo(f"readlint: {error}", err=True)
    if unread:
        sys.exit(EXIT_ERROR)


@main.command()
@click.option("--audience", metavar="NAME",
              help="Check every document as if its audienceLevel were NAME.")
def server(audience: str | None) -> None:
    """Run the language server: editors that speak the Language Server Protocol (VS Code,
    Neovim, Helix, Emacs, Zed, Sublime) show readlint's problems while you type, offer quick
    fixes, and show glossary entries on hover. It talks over standard input and output;
    start it from your editor, not by hand."""
    try:
        from .server import serve
    except ImportError as exc:
        missing = (exc.name or "pygls").split(".")[0]
        _fail(f"the language server needs pygls and lsprotocol ({missing} is missing): "
              "pip install 'readlint[server]'")
    serve(audience)


def _audience_origin(selection: Selection, overrides: Sequence[int], level: Any,
                     audience: str | None, notice: Notice | None) -> str:
    """Where a file's audience comes from, as `readlint config` says it."""
    if audience:
        return "--audience"
    if any(selection.per_path[i].audience for i in overrides):
        return f"per_path in {selection.config.source}"
    default = f"default_audience ({selection.config.default_audience})"
    if level is None:
        return default
    if notice is not None:
        return f"{default}: audienceLevel '{level}' matches no rule set"
    return f"audienceLevel: {level}"


@main.command("config")
@click.argument("path", type=_Name())
@click.option("--audience", metavar="NAME", help="As if checked with --audience NAME.")
@click.option("--config", "config_path", type=_Name(dir_okay=False),
              help="Use this config file instead of looking for one.")
def show_config(path: str, audience: str | None, config_path: str | None) -> None:
    """Show the settings readlint uses for the file PATH: which config file, the audience and
    where it comes from, the rule set, and each rule that runs with its severity and options.
    PATH need not exist yet."""
    target = Path(path)
    linter = _build_run((path,), (), (), audience, config_path).linter_for(target)
    config = linter.config
    click.echo(f"file:        {printable(path)}")
    click.echo(f"config:      {config.source or '(none found: the defaults)'}")
    if excluded(target, config):
        click.echo("checked:     no (left out by exclude or include, or a repository file)")
    level = None
    if target.is_file():
        try:
            level = document.load(target, printable(path), config.max_file_size) \
                .metadata.get("audienceLevel")
        except ReadlintError as exc:
            click.echo(f"front matter: cannot be read ({exc.message})")
    selection = linter.selection
    overrides = selection.overrides_for(target)
    rule_set, notice = selection.rule_set_for(level, overrides, printable(path))
    origin = _audience_origin(selection, overrides, level, audience, notice)
    click.echo(f"audience:    {rule_set} (from {origin})")
    click.echo("rules:")
    for item in selection.active(rule_set, overrides):
        options = ", ".join(f"{k}={v!r}" for k, v in sorted(item.options.items()))
        click.echo(f"  {item.rule.code} {item.rule.name} ({item.severity}): {options or '-'}")
