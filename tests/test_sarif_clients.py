"""SARIF, GitLab and GitHub output for files whose names hold characters that URIs, JSON and
workflow commands treat specially, over relative and absolute paths and standard input:
checked against the SARIF 2.1.0 schema, against RFC 3986 and what code scanning services ask
(here, always), and by Microsoft's SARIF validator when it is installed (.ci/run installs it
from npm; READLINT_SARIF_MULTITOOL names its program)."""

from __future__ import annotations

import json
import ntpath
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

import jsonschema
import pytest
from click.testing import CliRunner

from readlint.cli import main
from readlint.formats.paths import file_uri, split_name

FIXTURES = Path(__file__).parent / "fixtures"
# The same file as ../shared/schemas/sarif-schema-2.1.0.json, kept here so CI has it.
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
PAGE = (FIXTURES / "every-severity.md").read_bytes()  # problems of every severity
BROKEN = b"---\ntitle: [\n---\n"  # a file that cannot be read: a notification, not a result

ODD = ["back\\slash.md", "with space.md", "fifty%.md", "hash#tag.md", "what?.md",
       "café ünïcode.md", "日本語.md", "ctl\x01char.md", "new\nline.md", "tab\there.md",
       "colon:comma,.md", "a@b&c=d+e;f'.md", "plain.md", "sub dir/inner #1.md"]
NOT_UTF8 = os.fsdecode(b"bad\xffbyte.md")  # a byte that is not UTF-8, as Linux allows
BROKEN_NAME = "broken\nfront 100%.md"

# RFC 3986: a relative reference that is a path (path-noscheme, so its first segment has no
# ":"), and a file: URI with an empty or named host and an absolute path.
_PCT = r"%[0-9A-Fa-f]{2}"
_CHARS = r"A-Za-z0-9\-._~!$&'()*+,;="  # unreserved and sub-delims
_PCHAR = rf"(?:[{_CHARS}:@]|{_PCT})"
RELATIVE_PATH = re.compile(rf"(?:[{_CHARS}@]|{_PCT})+(?:/{_PCHAR}*)*")
FILE_URI = re.compile(rf"file://(?:[{_CHARS}]|{_PCT})*(?:/{_PCHAR}*)+")
ABSOLUTE_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.-]*:(?://(?:[{_CHARS}:@]|{_PCT})*)?"
                          rf"(?:/{_PCHAR}*)*")

VALIDATOR = os.environ.get("READLINT_SARIF_MULTITOOL") or shutil.which("Sarif.Multitool") \
    or shutil.which("sarif-multitool")


def make_pages(docs: Path) -> list[str]:
    """The odd names under `docs` (those this file system takes), each with problems, and one
    that cannot be read."""
    made = []
    for name in [*ODD, NOT_UTF8, BROKEN_NAME]:
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.write_bytes(BROKEN if name == BROKEN_NAME else PAGE)
        except (OSError, UnicodeError):
            continue  # (a file system that refuses the name)
        made.append(name)
    assert len(made) >= len(ODD)
    return made


def cli(monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str, stdin: bytes | None = None
        ) -> str:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    assert result.exit_code in (1, 2), result.output
    return result.stdout


def sarif_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> dict[str, tuple[dict, set[bytes], Path | None]]:
    """Each kind of run: its SARIF, the files (as bytes) it must name, and the folder it ran
    in when it names them relative to it."""
    docs = tmp_path / "site docs"
    made = make_pages(docs)
    files = {os.fsencode(docs / name) for name in made}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs: dict[str, tuple[dict, set[bytes], Path | None]] = {}
    runs["relative"] = (json.loads(cli(monkeypatch, tmp_path, "check", "site docs",
                                       "--format", "sarif")), files, tmp_path)
    runs["absolute"] = (json.loads(cli(monkeypatch, elsewhere, "check", str(docs),
                                       "--format", "sarif")), files, None)
    # Named by a relative path that leads out of the folder: the file is outside it.
    runs["outside"] = (json.loads(cli(monkeypatch, elsewhere, "check", "../site docs",
                                      "--format", "sarif")), files, None)
    runs["stdin"] = (json.loads(cli(monkeypatch, tmp_path, "check", "-", "--stdin-filename",
                                    "site docs/hash#tag.md", "--format", "sarif", stdin=PAGE)),
                     {os.fsencode(docs / "hash#tag.md")}, tmp_path)
    return runs


def named_files(data: dict, cwd: Path | None) -> set[bytes]:
    """The files a SARIF log names, each location checked on the way: valid RFC 3986; with
    `cwd`, a file under it is a relative reference from a base the run defines as `cwd`;
    without, every file is a file: URI."""
    (run,) = data["runs"]
    places = [loc["physicalLocation"]["artifactLocation"]
              for result in run["results"] for loc in result["locations"]]
    places += [loc["physicalLocation"]["artifactLocation"]
               for invocation in run.get("invocations", [])
               for note in invocation["toolExecutionNotifications"]
               for loc in note.get("locations", [])]
    assert places
    found = set()
    for place in places:
        uri = place["uri"]
        if cwd is not None:
            assert RELATIVE_PATH.fullmatch(uri), uri
            assert not {".", ".."} & set(uri.split("/")), uri
            base = run["originalUriBaseIds"][place["uriBaseId"]]["uri"]
            assert FILE_URI.fullmatch(base) and base == cwd.as_uri() + "/", base
            whole = base + uri  # RFC 3986 5.2: a path without dot segments joins the base's
        else:
            assert "uriBaseId" not in place
            assert FILE_URI.fullmatch(uri), uri
            whole = uri
        parts = urlsplit(whole)
        assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("file", "", "", "")
        found.add(unquote_to_bytes(parts.path))
    return found


def test_sarif_names_every_file_by_a_uri_that_leads_back_to_it(tmp_path, monkeypatch):
    for kind, (data, files, cwd) in sarif_runs(tmp_path, monkeypatch).items():
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
        assert named_files(data, cwd) == files, kind
        (run,) = data["runs"]
        driver = run["tool"]["driver"]
        assert driver["fullName"].startswith("readlint ") and driver["version"]
        assert ABSOLUTE_URI.fullmatch(driver["informationUri"])
        assert run["automationDetails"]["id"]


def test_gitlab_and_github_name_files_by_their_real_path(tmp_path, monkeypatch):
    docs = tmp_path / "site docs"
    made = make_pages(docs)
    expected = {f"site docs/{name}" for name in made if name != NOT_UTF8}
    if NOT_UTF8 in made:  # not text, so it can only be named as readlint shows it
        expected.add("site docs/bad\\xffbyte.md")

    gitlab = json.loads(cli(monkeypatch, tmp_path, "check", "site docs", "--format", "gitlab"))
    assert {item["location"]["path"] for item in gitlab} == expected  # the broken page too

    lines = cli(monkeypatch, tmp_path, "check", "site docs", "--format", "github").splitlines()
    named = set()
    for line in lines:
        match = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
        assert match, line
        props = dict(prop.split("=", 1) for prop in match[2].split(","))
        named.add(github_unescape(props["file"]))
    assert named == expected
    assert "::error file=site docs/broken%0Afront 100%25.md,line=3,title=readlint::" \
           "broken front matter: did not find expected node content" in lines


def github_unescape(value: str) -> str:
    """A property as the Actions runner reads it back."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_windows_names_become_file_uris_and_paths_with_forward_slashes():
    assert file_uri(r"C:\Users\Ann\site docs\a#1.md", ntpath) == \
        "file:///C:/Users/Ann/site%20docs/a%231.md"
    assert file_uri(r"\\server\share\docs\é.md", ntpath) == "file://server/share/docs/%C3%A9.md"
    assert split_name(r"docs\sub\a.md", r"C:\site", ntpath) == \
        ("docs/sub/a.md", r"C:\site\docs\sub\a.md")
    assert split_name(r"D:\other\a.md", r"C:\site", ntpath) == (None, r"D:\other\a.md")
    assert split_name(r"..\a.md", r"C:\site", ntpath) == (None, r"C:\a.md")


@pytest.mark.skipif(not VALIDATOR, reason="Microsoft's SARIF validator is not installed "
                    "(npm install @microsoft/sarif-multitool; READLINT_SARIF_MULTITOOL names "
                    "its Sarif.Multitool program)")
def test_microsofts_validator_finds_no_error_or_warning(tmp_path, monkeypatch):
    logs = tmp_path / "logs"
    logs.mkdir()
    for kind, (data, _, _) in sarif_runs(tmp_path, monkeypatch).items():
        (logs / f"{kind}.sarif").write_text(json.dumps(data), "utf-8")
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    # Its default rules, then GitHub's as well. Azure DevOps' (GHAzDO) also ask for the
    # pipeline's build and phase, which a program run in the pipeline cannot know.
    for rules in ([], ["--rule-kind", "Sarif;Gh;Ghas"]):
        out = tmp_path / "validated.sarif"
        done = subprocess.run([str(VALIDATOR), "validate", *map(str, sorted(logs.iterdir())),
                               "--output", str(out), "--log", "ForceOverwrite", *rules],
                              capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        found = [(r.get("level", "warning"), r["ruleId"], r["message"])
                 for run in json.loads(out.read_text("utf-8-sig"))["runs"]
                 for r in run.get("results", [])]
        assert [f for f in found if f[0] in ("error", "warning")] == [], rules
