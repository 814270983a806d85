"""readlint server, driven through its protocol as an editor drives it: a subprocess speaking
JSON-RPC over stdio (tests/lsp_client.py)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from helpers import SEED
from lsp_client import Client

pytest.importorskip("pygls", reason="the language server needs pygls (pip install '.[test]')")

PAGE = """---
title: Kinds of cancer care
audienceLevel: patient
language: en
---
# Treatment of a rare blood problem

Your doctor may talk about neutropenia with you. Ask the team what to do next.

The team will subsequently check your blood again. We eat food and we go home and the sun is \
hot and I like my dog and we read books and we walk in the park every single day of the week.

Some people need a pancreaticoduodenectomy. We eat food. We go home.
"""


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """One server for the tests of this file, as an editor keeps one open all day: each test
    opens pages of its own, in a folder of its own (starting a server takes a second)."""
    folder = tmp_path_factory.mktemp("editor")
    client = Client(folder)
    client.start(folder)
    yield client
    assert client.stop() == 0


@pytest.fixture
def own_editor(tmp_path):
    """A server of the test's own, started in the test's folder: for a test that reads all
    the server logs, or what the server says relative to the folder it runs in."""
    client = Client(tmp_path)
    client.start(tmp_path)
    yield client
    assert client.stop() == 0


def places(diagnostics):
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
             d["range"]["end"]["line"], d["range"]["end"]["character"]) for d in diagnostics]


def test_diagnostics_are_what_check_finds_on_the_seed(editor, run, tmp_path):
    seed = tmp_path / "seed.md"
    shutil.copy(SEED, seed)
    uri = editor.open(seed, seed.read_text(encoding="utf-8"))
    found = editor.diagnostics(uri)
    checked = json.loads(run("check", "seed.md", "--format", "json").stdout)["problems"]
    assert places(found) == [(p["code"], p["line"] - 1, p["column"] - 1, p["end_line"] - 1,
                              p["end_column"] - 1) for p in checked]
    assert [d["message"] for d in found] == [p["message"] for p in checked]
    severities = {"error": 1, "warning": 2, "info": 3}
    assert [d["severity"] for d in found] == [severities[p["severity"]] for p in checked]
    page = found[0]["codeDescription"]["href"]  # each code links to the rule's explanation
    assert page.startswith("file://") and found[0]["code"] in page
    assert "How to fix" in Path(page[len("file://"):]).read_text(encoding="utf-8")


def test_diagnostics_are_what_check_finds_on_every_rule_fixture(editor, run, tmp_path):
    fixtures = sorted((Path(__file__).parent / "fixtures" / "rules").glob("*.md"))
    fixtures.append(Path(__file__).parent / "fixtures" / "every-severity.md")
    for fixture in fixtures:
        page = tmp_path / fixture.name
        shutil.copy(fixture, page)
        uri = editor.open(page, page.read_text(encoding="utf-8"))
        found = editor.diagnostics(uri)
        checked = json.loads(run("check", page.name, "--format", "json").stdout)["problems"]
        assert [(d["code"], d["message"]) for d in found] == \
            [(p["code"], p["message"]) for p in checked], fixture.name
        assert places(found) == [(p["code"], p["line"] - 1, p["column"] - 1,
                                  p["end_line"] - 1, p["end_column"] - 1)
                                 for p in checked], fixture.name


def test_ranges_count_utf16_units_after_characters_beyond_the_basic_plane(editor, tmp_path):
    text = PAGE.replace("Your doctor", "😀😀 Your doctor")
    uri = editor.open(tmp_path / "a.md", text)
    link = next(d for d in editor.diagnostics(uri) if d["code"] == "RL202")
    line = text.split("\n")[7]
    start = line.index("neutropenia")  # in characters; each emoji is 2 UTF-16 units
    assert link["range"]["start"] == {"line": 7, "character": start + 2}
    assert link["range"]["end"] == {"line": 7, "character": start + 2 + len("neutropenia")}


def apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions; the test text has none beyond the BMP)."""
    lines = text.split("\n")
    offsets = [sum(len(line) + 1 for line in lines[:n]) for n in range(len(lines) + 1)]
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                             e["range"]["start"]["character"]), reverse=True):
        start = offsets[edit["range"]["start"]["line"]] + edit["range"]["start"]["character"]
        end = offsets[edit["range"]["end"]["line"]] + edit["range"]["end"]["character"]
        text = text[:start] + edit["newText"] + text[end:]
    return text


def actions(editor, uri, diagnostic):
    return editor.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]}})


def test_quick_fixes_link_swap_and_turn_off_for_a_line(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", PAGE)
    found = editor.diagnostics(uri)
    link = next(d for d in found if d["code"] == "RL202")
    offered = actions(editor, uri, link)
    fix = next(a for a in offered if a.get("isPreferred"))
    assert fix["title"] == 'Link "neutropenia" to the glossary'
    assert ("talk about [neutropenia](https://www.cancer.gov/publications/dictionaries/"
            "cancer-terms/def/45361) with you") in apply(PAGE, fix["edit"]["changes"][uri])
    plain = next(d for d in found if d["code"] == "RL203")
    swap = next(a for a in actions(editor, uri, plain) if a.get("isPreferred"))
    assert "later" in swap["title"]
    assert "The team will later check" in apply(PAGE, swap["edit"]["changes"][uri])
    long = next(d for d in found if d["code"] == "RL102")
    off = next(a for a in actions(editor, uri, long) if a["title"].startswith("Turn off"))
    assert off["title"] == "Turn off RL102 long-sentence for this line"
    assert "every single day of the week. <!-- readlint-disable-line RL102 -->" in \
        apply(PAGE, off["edit"]["changes"][uri])
    # All three were made for the same text: the editor applies them together.
    text = apply(PAGE, [e for a in (fix, swap, off) for e in a["edit"]["changes"][uri]])
    editor.change(uri, text, 2)  # the editor applies the edits and sends the new text
    after = editor.diagnostics(uri)
    assert [d["code"] for d in after if d["code"] in ("RL202", "RL203", "RL102")] == []
    # (each fixed or turned off)


def test_a_problem_in_the_front_matter_is_turned_off_for_the_file_below_it(editor, tmp_path):
    # a comment at the end of a YAML line would be the field's text ("patient <!-- ... -->")
    page = PAGE.replace("language: en\n", "")
    uri = editor.open(tmp_path / "a.md", page)
    field = next(d for d in editor.diagnostics(uri) if d["code"] == "RL401")
    off = next(a for a in actions(editor, uri, field) if a["title"].startswith("Turn off"))
    assert off["title"] == "Turn off RL401 front-matter-fields for this file"
    fixed = apply(page, off["edit"]["changes"][uri])
    assert fixed.startswith("---\ntitle: Kinds of cancer care\naudienceLevel: patient\n---\n"
                            "<!-- readlint-disable-file RL401 -->\n")
    editor.change(uri, fixed, 2)
    assert "RL401" not in [d["code"] for d in editor.diagnostics(uri)]
    # a page that ends at its closing "---": the comment goes on a line of its own after it
    bare = "---\ntitle: T\naudienceLevel: patient\n---"
    uri = editor.open(tmp_path / "bare.md", bare)
    field = next(d for d in editor.diagnostics(uri) if d["code"] == "RL401")
    off = next(a for a in actions(editor, uri, field) if a["title"].startswith("Turn off"))
    assert apply(bare, off["edit"]["changes"][uri]) == bare + \
        "\n<!-- readlint-disable-file RL401 -->"


def test_a_line_separator_inside_a_line_does_not_move_edits_below_it(editor, tmp_path):
    # the protocol ends lines at "\n", "\r\n" and "\r" only; Python's splitlines also at
    # U+2028, U+0085 and a form feed, which put an edit below one on the wrong line
    page = PAGE.replace("neutropenia with you.", "neutropenia with you.\u2028\x0c")
    uri = editor.open(tmp_path / "a.md", page)
    editor.diagnostics(uri)
    line = page.split("\n").index("Some people need a pancreaticoduodenectomy. We eat food. "
                                   "We go home.")
    at = {"line": line, "character": 0}
    editor.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": at, "end": at}, "text": "You can utilize it. "}]})
    swap = next(d for d in editor.diagnostics(uri) if d["code"] == "RL203"
                and "utilize" in d["message"])
    assert swap["range"] == {"start": {"line": line, "character": 8},
                             "end": {"line": line, "character": 15}}


def test_hover_shows_the_glossary_entry_and_the_page_grade(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", PAGE.replace("We eat food. We go home.",
                                                      "We eat food. We go home. " * 30))
    editor.diagnostics(uri)
    term = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 7, "character": 32}})
    value = term["contents"]["value"]
    assert value.startswith("**neutropenia** (noo-troh-PEE-nee-uh)")
    assert "cancer-terms/def/45361" in value
    assert term["range"]["start"] == {"line": 7, "character": 27}
    grade = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 2, "character": 4}})
    assert grade["contents"]["value"].startswith("**Reading grade ")
    assert "against a target of 8 for patient pages" in grade["contents"]["value"]
    # Elsewhere in a sentence: its difficulty, with the limit for the page's readers.
    sentence = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 7, "character": 2}})
    value = sentence["contents"]["value"]
    assert value.startswith("**Difficulty ") and "the limit for patient pages is 80" in value
    assert sentence["range"] == {"start": {"line": 7, "character": 0},
                                 "end": {"line": 7, "character": 48}}
    nothing = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 8, "character": 0}})
    assert nothing is None  # a blank line


def test_hover_matches_terms_as_the_rules_do(editor, tmp_path):
    # "stage IIB" alone names the melanoma entry's stage only on a melanoma page; on a colon
    # cancer page the hover shows the word "stage", as glossary-link and undefined-jargon
    # read it.
    page = ("---\ntitle: Colon cancer\naudienceLevel: patient\n---\n# Colon cancer\n\n"
            "Your cancer is stage IIB now.\n")
    uri = editor.open(tmp_path / "colon.md", page)
    editor.diagnostics(uri)
    on_label = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 6, "character": 23}})
    on_stage = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 6, "character": 17}})
    assert on_stage["contents"]["value"].startswith("**stage**")
    assert on_stage["range"] == {"start": {"line": 6, "character": 15},
                                 "end": {"line": 6, "character": 20}}
    assert on_label is None or "melanoma" not in on_label["contents"]["value"]


HARD = ("Concomitant administration of CYP3A4 inhibitors necessitates dose modification, as "
        "plasma concentrations may increase substantially (HR 2.1; 95% CI 1.4 to 3.2).")


def test_hover_on_a_sentence_gives_the_score_and_reasons_hard_sentence_gives(editor, tmp_path):
    site = tmp_path / "site"  # the page's own settings, not those of the server's folder
    site.mkdir()
    (site / ".readlint.yaml").write_text("rules:\n  hard-sentence: warning\n", encoding="utf-8")
    text = PAGE + f"\nPlease read this. {HARD}\n"
    uri = editor.open(site / "a.md", text)
    (reported,) = [d for d in editor.diagnostics(uri) if d["code"] == "RL103"]
    line = text.split("\n").index(f"Please read this. {HARD}")
    hover = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
        "line": line, "character": text.split("\n")[line].index("may increase")}})
    value = hover["contents"]["value"]
    assert hover["range"] == reported["range"]  # the whole sentence, as the problem marks it
    score = reported["message"].split("difficulty ")[1].split(" of 100")[0]
    assert value.startswith(f"**Difficulty {score} of 100** (0 plain, 100 hard), above the "
                            "limit of 80 for patient pages. What makes it hard, the heaviest "
                            "first: ")
    reasons = reported["message"].split("the heaviest first: ")[1].split(" Split it")[0]
    assert reasons in value  # the same reasons as the problem's
    assert "\n\nThe page's difficulty: " in value
    plain = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
        "line": line, "character": 3}})["contents"]["value"]
    assert plain.startswith("**Difficulty ") and "; the limit for patient pages is 80. " \
        "What weighs most: " in plain
    assert int(plain.split()[1]) < 20
    heading = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
        "line": 5, "character": 4}})  # a heading is scored when asked, not reported
    assert heading["contents"]["value"].startswith("**Difficulty ")
    # What only looks like a sentence says so: its fix is its layout.
    editor.change(uri, PAGE + "\nHypertonia 90% Incoordination 90% Nystagmus 50% Dysarthria "
                  "50% Ataxia 7.5% Tremor.\n", 2)
    editor.diagnostics(uri)
    table = editor.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {
        "line": len(PAGE.split("\n")), "character": 3}})["contents"]["value"]
    assert "This looks like a table, a key or a list run into the text" in table


def test_config_changes_are_picked_up_without_a_restart(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", PAGE)
    assert "RL102" in [d["code"] for d in editor.diagnostics(uri)]
    config = tmp_path / ".readlint.yaml"
    config.write_text("rules:\n  long-sentence: {enabled: false}\n", encoding="utf-8")
    editor.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": config.as_uri(), "type": 1}]})
    assert "RL102" not in [d["code"] for d in editor.diagnostics(uri)]
    config.write_text("rules:\n  long-sentence: {max_words: 40}\n", encoding="utf-8")
    editor.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert "RL102" not in [d["code"] for d in editor.diagnostics(uri)]  # 33 words < 40
    config.write_text("rules:\n  long-sentence: {max_words: 30}\n", encoding="utf-8")
    editor.change(uri, PAGE, 2)  # a change to the page reads the config again too
    assert "RL102" in [d["code"] for d in editor.diagnostics(uri)]


def test_audience_comes_from_the_buffer_front_matter(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", PAGE)
    assert "RL201" in [d["code"] for d in editor.diagnostics(uri)]
    editor.change(uri, PAGE.replace("audienceLevel: patient", "audienceLevel: professional"),
                  2)
    assert "RL201" not in [d["code"] for d in editor.diagnostics(uri)]  # no jargon check


def test_changes_in_a_burst_are_checked_once_with_the_last_text(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", PAGE)
    editor.diagnostics(uri)
    for version in range(2, 7):
        editor.change(uri, PAGE.replace("pancreaticoduodenectomy", "x" * version), version)
    message = editor.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri)
    assert message["params"]["version"] == 6
    assert "RL201" not in [d["code"] for d in message["params"]["diagnostics"]]


def test_bad_messages_and_bad_documents_never_stop_the_server(editor, tmp_path):
    editor.send_bytes(b"{this is not json")
    editor.send({"id": 99, "method": "textDocument/hover", "params": {"nonsense": True}})
    broken = "---\ntitle: [unclosed\n---\n# Hi\n"
    uri = editor.open(tmp_path / "broken.md", broken)
    found = editor.diagnostics(uri)
    assert len(found) == 1 and found[0]["severity"] == 1
    assert "front matter" in found[0]["message"]
    uri = editor.open(tmp_path / "ok.md", PAGE)  # still answering
    assert editor.diagnostics(uri)
    editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert editor.diagnostics(uri) == []  # closing clears them


README = Path(__file__).resolve().parent.parent / "README.md"


def editor_commands() -> dict[str, list[str]]:
    """The command line each editor snippet in the README starts, read from the snippet."""
    import re
    text = README.read_text(encoding="utf-8")
    found = {}
    for editor_name, body in re.findall(r"<!-- editor: (\w+) -->\n```\w+\n(.*?)```", text, re.S):
        if editor_name == "vscode":
            settings = json.loads(body)
            found[editor_name] = [settings["glspc.serverPath"],
                                  *settings["glspc.serverCommandArguments"]]
        elif editor_name == "neovim":
            found[editor_name] = re.findall(r'"([^"]+)"', re.search(r"cmd = \{(.*?)\}",
                                                                     body).group(1))
        elif editor_name == "helix":
            command = re.search(r'command = "([^"]+)"', body).group(1)
            found[editor_name] = [command, *json.loads(re.search(r"args = (\[.*?\])",
                                                                 body).group(1))]
        elif editor_name == "emacs":
            found[editor_name] = re.findall(r'"([^"]+)"', re.search(r'\. \(("[^)]*)\)',
                                                                     body).group(1))
    return found


def test_every_editor_snippet_in_the_readme_starts_a_working_server(tmp_path):
    import subprocess
    import sys

    commands = editor_commands()
    assert set(commands) == {"vscode", "neovim", "helix", "emacs"}
    installed = Path(sys.executable).parent / "readlint"
    if not installed.exists():
        pytest.skip("the readlint command is not installed beside this Python")
    for name, command in commands.items():
        assert command == ["readlint", "server"], name
    for command in {tuple(c) for c in commands.values()}:  # (one: every snippet's is the same)
        name = " ".join(command)
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}).encode()
        exit_body = json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()
        messages = b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(b), b)
                            for b in (body, exit_body))
        done = subprocess.run([str(installed), *command[1:]], input=messages,
                              capture_output=True, timeout=60, cwd=tmp_path)
        reply = json.loads(done.stdout.split(b"\r\n\r\n", 1)[1].split(b"Content-Length")[0])
        assert reply["result"]["serverInfo"]["name"] == "readlint", name
        assert reply["result"]["capabilities"]["hoverProvider"] is True, name


def test_a_broken_config_is_said_in_the_editor_and_a_left_out_file_gets_nothing(own_editor,
                                                                                 tmp_path):
    editor = own_editor
    config = tmp_path / ".readlint.yaml"
    config.write_text("rules: [not, a, mapping\n", encoding="utf-8")
    uri = editor.open(tmp_path / "a.md", PAGE)
    found = editor.diagnostics(uri)
    assert len(found) == 1 and found[0]["severity"] == 1
    assert found[0]["message"].startswith("This page cannot be checked: .readlint.yaml:2: not "
                                          "valid YAML")
    # the config itself shows it on its own line; a script or a data file not at all
    for name, language, text in ((".readlint.yaml", "yaml", config.read_text("utf-8")),
                                 ("tool.py", "python", "print('hi')\n")):
        editor.notify("textDocument/didOpen", {"textDocument": {
            "uri": (tmp_path / name).as_uri(), "languageId": language, "version": 1,
            "text": text}})
    itself = editor.diagnostics(config.as_uri())
    assert [(d["range"]["start"]["line"], d["severity"]) for d in itself] == [(1, 1)]
    assert itself[0]["message"].startswith("not valid YAML")
    assert editor.diagnostics((tmp_path / "tool.py").as_uri()) == []
    config.write_text("exclude: ['drafts/*']\n", encoding="utf-8")
    editor.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": config.as_uri(), "type": 2}]})
    assert "RL201" in [d["code"] for d in editor.diagnostics(uri)]  # fixed: checked again
    draft = editor.open(tmp_path / "drafts" / "b.md", PAGE)
    assert editor.diagnostics(draft) == []  # as `readlint check` leaves it out


def test_without_pygls_the_server_command_says_what_to_install(tmp_path):
    import subprocess
    import sys

    code = ("import sys; sys.modules['pygls'] = None; sys.argv = ['readlint', 'server']; "
            "from readlint.__main__ import run; run()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "readlint: error: the language server needs pygls and lsprotocol (pygls is missing): "
        "pip install 'readlint[server]'"]


def test_only_pages_are_checked(editor, tmp_path):
    script = tmp_path / "tool.py"
    editor.notify("textDocument/didOpen", {"textDocument": {
        "uri": script.as_uri(), "languageId": "python", "version": 1,
        "text": "# Some people need a pancreaticoduodenectomy.\nx = 1\n"}})
    assert editor.diagnostics(script.as_uri()) == []
    notes = tmp_path / "notes.txt"  # a text file, whatever the editor calls its language
    editor.notify("textDocument/didOpen", {"textDocument": {
        "uri": notes.as_uri(), "languageId": "unknown", "version": 1, "text": PAGE}})
    assert "RL201" in [d["code"] for d in editor.diagnostics(notes.as_uri())]


# -- clients that get things wrong -------------------------------------------------------------

def answered(editor, uri):
    """A good request after bad input: the server still reads and answers."""
    term = editor.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 7, "character": 32}},
                          timeout=10)
    return term["contents"]["value"].startswith("**neutropenia**")


def logged(editor, count, timeout=10.0, since=0):
    """The server's standard error from line `since` on, once it has `count` lines there (it
    is read on a thread)."""
    import time
    end = time.monotonic() + timeout
    while len(editor.log) - since < count and time.monotonic() < end:
        time.sleep(0.05)
    return editor.log[since:]


BODY = b'{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {}}'
MISFRAMED = {
    "a length far too large": b"Content-Length: 99999999999999\r\n\r\n" + BODY,
    "a negative length": b"Content-Length: -5\r\n\r\n" + BODY,
    "a length that is no number": b"Content-Length: many\r\n\r\n" + BODY,
    "no length": b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + BODY,
    "a body shorter than its length": b"Content-Length: 4000\r\n\r\n" + BODY,
    "bytes that are no header": b"hello, server\r\n",
    "bytes before a header": b"}}}",
}


def test_a_message_framed_wrong_is_skipped_in_one_line_and_reading_goes_on(own_editor,
                                                                         tmp_path):
    editor = own_editor
    uri = editor.open(tmp_path / "a.md", PAGE)
    editor.diagnostics(uri)
    for count, (name, data) in enumerate(MISFRAMED.items(), start=1):
        editor.send_raw(data)
        assert answered(editor, uri), name
        log = logged(editor, count)
        assert len(log) == count, (name, log)
        assert log[-1].startswith("readlint server: skipped a message"), (name, log)


def test_a_length_over_the_limit_and_no_length_are_said_plainly(own_editor, tmp_path):
    editor = own_editor
    uri = editor.open(tmp_path / "a.md", PAGE)
    editor.diagnostics(uri)
    editor.send_raw(MISFRAMED["no length"])
    editor.send_raw(MISFRAMED["a length far too large"])
    assert answered(editor, uri)
    assert logged(editor, 2) == [
        "readlint server: skipped a message: it has no Content-Length header; reading goes "
        "on at the next message",
        "readlint server: skipped a message: its Content-Length (99999999999999 bytes) is "
        "over the 16 GB limit; reading goes on at the next message"]


def error_code(message):
    assert "result" not in message, message
    return message["error"]["code"]


INVALID_REQUEST, INVALID_PARAMS, NOT_INITIALIZED = -32600, -32602, -32002


def test_every_request_gets_an_answer_even_with_bad_params(editor, tmp_path):
    since = len(editor.log)
    uri = editor.open(tmp_path / "a.md", PAGE)
    editor.diagnostics(uri)
    document = {"uri": uri}
    bad = [
        ("textDocument/hover", {"textDocument": document,
                                "position": {"line": "seven", "character": 2}}),
        ("textDocument/hover", {"textDocument": document, "position": {"line": -1,
                                                                        "character": 0}}),
        ("textDocument/hover", {"textDocument": document}),
        ("textDocument/hover", None),
        ("textDocument/codeAction", {"textDocument": document, "range": {
            "start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 9}}}),
        ("textDocument/codeAction", {"textDocument": document, "range": "line 7",
                                     "context": {"diagnostics": []}}),
    ]
    for method, params in bad:
        reply = editor.reply(method, params, timeout=10)
        assert error_code(reply) == INVALID_PARAMS, (method, params)
        assert reply["error"]["message"].startswith(f"{method}: bad params: ")
    far = {"line": 5000, "character": 0}
    assert editor.request("textDocument/hover", {"textDocument": document, "position": far},
                          timeout=10) is None
    assert editor.request("textDocument/codeAction", {
        "textDocument": document, "range": {"start": far, "end": far},
        "context": {"diagnostics": []}}, timeout=10) == []
    past_the_line = {"line": 7, "character": 900}
    assert editor.request("textDocument/hover", {"textDocument": document,
                                                 "position": past_the_line}) is None
    assert answered(editor, uri)
    assert "Traceback" not in "\n".join(logged(editor, len(bad), since=since))


def test_a_command_the_server_does_not_have_is_refused_in_one_line(editor):
    since = len(editor.log)
    reply = editor.reply("workspace/executeCommand", {"command": "readlint.nope",
                                                      "arguments": []}, timeout=10)
    assert error_code(reply) == INVALID_PARAMS
    assert reply["error"]["message"] == \
        'workspace/executeCommand: the server has no command "readlint.nope"'
    assert "Traceback" not in "\n".join(logged(editor, 1, since=since))


def test_a_request_before_initialize_or_after_shutdown_gets_the_error_the_protocol_names(
        tmp_path):
    client = Client(tmp_path)
    try:
        hover = {"textDocument": {"uri": (tmp_path / "a.md").as_uri()},
                 "position": {"line": 0, "character": 0}}
        assert error_code(client.reply("textDocument/hover", hover, 10)) == NOT_INITIALIZED
        client.start(tmp_path)
        assert client.request("textDocument/hover", hover) is None
        assert client.request("shutdown", None) is None
        for method, params in (("textDocument/hover", hover), ("shutdown", None),
                               ("initialize", {"capabilities": {}})):
            assert error_code(client.reply(method, params, 10)) == INVALID_REQUEST
        client.notify("exit", {})
        assert client.process.wait(timeout=10) == 0
    finally:
        client.close()


def test_a_page_over_the_file_size_limit_is_not_checked_but_said(editor, run, tmp_path):
    big = PAGE + "We eat food and we go home.\n" * 230_000  # 6.1 MB, over the default 5 MB
    (tmp_path / "big.md").write_text(big, encoding="utf-8")
    said = run("check", "big.md").output
    assert "over the 5 MB limit" in said  # what `readlint check` says of the file
    found = editor.diagnostics(editor.open(tmp_path / "big.md", big))
    assert [(d["severity"], d["range"]["start"]["line"], d["message"]) for d in found] == [
        (1, 0, "This page is too large to check: 6.1 MB, over the 5 MB limit. Raise "
               "max_file_size_mb in the config to check it.")]
    config = tmp_path / ".readlint.yaml"
    config.write_text("max_file_size_mb: 0.5\n", encoding="utf-8")
    middling = PAGE + "We eat food and we go home.\n" * 19_000  # 0.51 MB
    found = editor.diagnostics(editor.open(tmp_path / "middling.md", middling))
    assert [d["message"] for d in found] == [
        "This page is too large to check: 0.51 MB, over the 0.5 MB limit. Raise "
        "max_file_size_mb in the config to check it."]
    uri = editor.open(tmp_path / "small.md", PAGE)
    assert "RL201" in [d["code"] for d in editor.diagnostics(uri)]  # under it: checked


LONG_WITH_TERM = """---
title: Kinds of cancer care
audienceLevel: patient
language: en
---
# A rare blood problem

Your doctor may talk about neutropenia with you and your family when you come to the \
clinic for the tests, the scans and the long talks.

It means you have too few platelets. We eat food. We go home.
"""


def test_code_actions_answer_the_diagnostics_asked_about_fix_first(editor, tmp_path):
    uri = editor.open(tmp_path / "a.md", LONG_WITH_TERM)
    found = editor.diagnostics(uri)
    long = next(d for d in found if d["code"] == "RL102")
    link = next(d for d in found if d["code"] == "RL202" and "neutropenia" in
                d["message"])
    assert long["range"]["start"]["line"] == link["range"]["start"]["line"] == 7

    def offered(where, diagnostics):
        return editor.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": where["range"],
            "context": {"diagnostics": diagnostics}})

    at_link = offered(link, [link])
    assert [(a["title"], a.get("isPreferred", False)) for a in at_link] == [
        ('Link "neutropenia" to the glossary', True),
        ("Turn off RL202 glossary-link for this line", False)]
    assert [a["diagnostics"] for a in at_link] == [[link], [link]]
    both = offered(link, [link, long])  # a client may send every diagnostic in the range
    assert [a["title"] for a in both] == [
        'Link "neutropenia" to the glossary',
        "Turn off RL202 glossary-link for this line",
        "Turn off RL102 long-sentence for this line"]
    assert [a["title"] for a in offered(long, [long])] == [
        "Turn off RL102 long-sentence for this line"]
    assert offered(link, []) == []  # nothing asked about
    assert offered(link, [{**link, "code": "RL999", "source": "another tool"}]) == []
    only_refactor = editor.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": link["range"],
        "context": {"diagnostics": [link], "only": ["refactor"]}})
    assert only_refactor == []


def test_saving_pyproject_toml_checks_open_pages_again(editor, tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "leaflets"\n\n[tool.readlint.rules.long-sentence]\n'
                      "max_words = 40\n", encoding="utf-8")
    uri = editor.open(tmp_path / "a.md", PAGE)
    assert "RL102" not in [d["code"] for d in editor.diagnostics(uri)]  # 33 words < 40
    config.write_text(config.read_text(encoding="utf-8").replace("40", "30"),
                      encoding="utf-8")
    editor.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert "RL102" in [d["code"] for d in editor.diagnostics(uri, timeout=10)]


@pytest.mark.corpus  # two processes that start from an empty cache folder: seconds
def test_the_warm_up_loads_every_rules_tables_before_the_first_page(tmp_path):
    """Started with an empty cache folder, the server builds, before any page is opened,
    every table a rule may need (Spanish word frequencies too, which undefined-jargon reads
    to tell a paragraph in another language) and each rule's explanation page."""
    import os
    import subprocess
    import sys

    from readlint.registry import Registry

    cache = tmp_path / "cache"
    work = tmp_path / "work"
    work.mkdir()
    client = Client(work, env={"READLINT_CACHE_DIR": str(cache)})
    try:
        client.start(work)
        assert client.request("textDocument/hover", {  # answered once the warm-up is done
            "textDocument": {"uri": (work / "none.md").as_uri()},
            "position": {"line": 0, "character": 0}}, timeout=120) is None
        tables = sorted(p.name.rsplit("-", 1)[0] for p in (cache / "tables").iterdir())
        pages = sorted(p.name for p in (cache / "rules").iterdir())
        assert [f"{r.code}-{r.name}" for r in Registry.default()
                if not any(p.startswith(f"{r.code}-{r.name}-") for p in pages)] == []
        # A check of every rule's example in a process of its own builds no table more.
        script = ("from readlint.linter import example_problems\n"
                  "from readlint.registry import Registry\n"
                  "for rule in Registry.default():\n"
                  "    if rule.example is not None:\n"
                  "        example_problems(Registry.default(), rule.name, rule.example.text,"
                  " rule.example.options)\n")
        subprocess.run([sys.executable, "-c", script], check=True, cwd=work, timeout=120,
                       env={**os.environ, "READLINT_CACHE_DIR": str(cache)})
        assert sorted(p.name.rsplit("-", 1)[0] for p in (cache / "tables").iterdir()) == tables
        assert "zipf-es" in tables
        uri = client.open(work / "a.md", PAGE)  # and the first page is checked as ever
        assert "RL201" in [d["code"] for d in client.diagnostics(uri, timeout=5)]
    finally:
        client.stop()


def test_messages_split_anywhere_across_reads_come_out_the_same():
    """The server reads what comes: a message may arrive a byte at a time, or many at once."""
    from readlint.server import Framing

    good = [json.dumps({"jsonrpc": "2.0", "id": n, "method": "shutdown"}).encode()
            for n in range(3)]
    stream = b"".join([
        b"Content-Length: %d\r\n\r\n%s" % (len(good[0]), good[0]),
        MISFRAMED["a negative length"],
        b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n%s"
        % (len(good[1]), good[1]),
        MISFRAMED["a body shorter than its length"],
        b"\r\ncontent-length:%d\r\n\r\n%s" % (len(good[2]), good[2]),
    ])
    expected = [good[0], "negative", good[1], "shorter", good[2]]

    def kinds(items):
        return [item if isinstance(item, bytes) else
                "negative" if "(-5)" in item else "shorter" if "shorter" in item else item
                for item in items]

    assert kinds(Framing().feed(stream)) == expected
    framing = Framing()
    assert kinds([item for n in range(len(stream)) for item in
                  framing.feed(stream[n:n + 1])]) == expected


NOISY_PLUGIN = '''
from readlint.problem import Severity
from readlint.rule import Rule


class Noisy(Rule):
    """Prints as it checks, and fails on a page that says boom."""

    name = "noisy"
    code = "XN001"
    default_severity = Severity.WARNING
    summary = "A plug-in that prints and fails."

    def check(self, doc, options):
        print("debug: checking a page")
        if "boom" in doc.source:
            raise ValueError("bug in the plug-in")
        return iter(())
'''


def test_a_plug_in_that_prints_or_fails_neither_breaks_nor_hides_from_the_editor(tmp_path):
    site = tmp_path / "site"
    (site / "noisy_plugin-0.1.dist-info").mkdir(parents=True)
    (site / "noisy_plugin.py").write_text(NOISY_PLUGIN, encoding="utf-8")
    (site / "noisy_plugin-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: noisy-plugin\nVersion: 0.1\n")
    (site / "noisy_plugin-0.1.dist-info" / "entry_points.txt").write_text(
        "[readlint.rules]\nnoisy = noisy_plugin:Noisy\n")
    client = Client(tmp_path, env={"PYTHONPATH": str(site)})
    client.start(tmp_path)
    try:
        uri = client.open(tmp_path / "a.md", PAGE.replace("We eat food.", "It went boom."))
        found = client.diagnostics(uri)
        # what it printed went to the log, not into the protocol's stream
        assert "debug: checking a page" in client.log
        # its failure is said where the editor shows problems, as `readlint check` says it
        failed = [d for d in found if "the rule noisy failed on this file" in d["message"]]
        assert len(failed) == 1 and failed[0]["severity"] == 1
        assert "RL203" in [d.get("code") for d in found]  # the other rules' problems are there
    finally:
        assert client.stop() == 0


def test_quick_fixes_are_not_offered_for_text_changed_since_the_check(own_editor, tmp_path):
    # a fix made for the old text would land on the wrong words
    uri = own_editor.open(tmp_path / "a.md", PAGE)
    plain = next(d for d in own_editor.diagnostics(uri) if d["code"] == "RL203")
    assert actions(own_editor, uri, plain)
    own_editor.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 6, "character": 0},
                                      "end": {"line": 6, "character": 0}}, "text": "Now "}]})
    assert actions(own_editor, uri, plain) == []  # asked before the pause's check


def test_a_change_to_a_page_that_is_not_open_is_passed_over(own_editor, tmp_path):
    # an editor's message that came late: no error shown to the writer
    uri = own_editor.open(tmp_path / "a.md", PAGE)
    own_editor.diagnostics(uri)
    own_editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    own_editor.change(uri, PAGE + "More text.\n", 2)
    other = own_editor.open(tmp_path / "b.md", PAGE)
    assert own_editor.diagnostics(other)  # still answering
    shown = [m for m in own_editor.notifications if m.get("method") == "window/showMessage"]
    assert shown == []


def test_rule_sets_and_glossaries_edited_while_the_server_runs_are_read_again(editor,
                                                                            tmp_path):
    rules = tmp_path / "rulesets"
    rules.mkdir()
    (tmp_path / ".readlint.yaml").write_text(
        "rule_dirs: [rulesets]\nrules:\n  glossary-link: {glossaries: [clinic.yaml], "
        "practice: always}\n", encoding="utf-8")

    def rule_set(words):
        (rules / "patient.yaml").write_text(
            "extends: base\naudience: [patient]\nrules:\n  long-sentence:\n"
            f"    max_words: {words}\n", encoding="utf-8")

    def glossary(*terms):
        (tmp_path / "clinic.yaml").write_text(
            "name: clinic\nurl_template: https://clinic.example/{id}\n"
            "link_patterns: ['clinic\\.example/(?P<key>[\\w-]+)']\nterms:\n" + "".join(
                f"  - {{id: {t.replace(' ', '-')}, term: {t}, definition: A term.}}\n"
                for t in terms), encoding="utf-8")

    rule_set(5)
    glossary("wound vac")
    page = ("---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\n# Care\n\nTake one "
            "pill with water every morning. Your wound vac and drain tube help you heal.\n")
    uri = editor.open(tmp_path / "p.md", page)
    assert "RL102" in [d.get("code") for d in editor.diagnostics(uri)]
    rule_set(40)  # saved in the editor
    editor.notify("textDocument/didSave", {"textDocument": {
        "uri": (rules / "patient.yaml").as_uri()}})
    assert "RL102" not in [d.get("code") for d in editor.diagnostics(uri)]
    glossary("wound vac", "drain tube")  # saved by another program: seen at the next check
    time.sleep(1.1)
    editor.change(uri, page + "\n", 2)
    linked = [d["message"].split('"')[1] for d in editor.diagnostics(uri)
              if d.get("code") == "RL202"]
    assert linked == ["wound vac", "drain tube"]


def test_an_untitled_buffer_takes_the_workspace_settings_and_only_if_it_is_a_page(tmp_path):
    # the server may run in another folder than the workspace's
    workspace, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    workspace.mkdir()
    elsewhere.mkdir()
    (workspace / ".readlint.yaml").write_text("rules:\n  plain-words: off\n", encoding="utf-8")
    client = Client(elsewhere)
    client.start(workspace)
    try:
        def opened(uri, language, text):
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text}})
            return [d.get("code") for d in client.diagnostics(uri)]

        assert "RL203" not in opened("untitled:Untitled-1", "markdown", PAGE)
        assert "RL102" in opened("untitled:Untitled-2", "markdown", PAGE)
        assert opened("untitled:Untitled-3", "python",
                      "print('We utilize this prior to that')\n") == []
        # no difficulty for a sentence in another language: hard-sentence leaves it alone
        spanish = ("Cuando la presión se mantiene alta durante mucho tiempo, puede dañar el "
                   "corazón, los riñones y el cerebro, por eso es importante seguir las "
                   "indicaciones de su médico.")
        es = client.open(workspace / "es.md", f"# Presión\n\n{spanish}\n")
        client.diagnostics(es)
        assert client.request("textDocument/hover", {"textDocument": {"uri": es},
                              "position": {"line": 2, "character": 20}}) is None
        # a hover asked before the check of a change is not answered from the old text
        uri = client.open(workspace / "a.md", PAGE)
        client.diagnostics(uri)
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 6, "character": 0},
                                          "end": {"line": 6, "character": 0}}, "text": "Now "}]})
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                              "position": {"line": 6, "character": 30}}) is None
    finally:
        assert client.stop() == 0


def test_turning_a_rule_off_for_a_line_keeps_its_hard_line_break(editor, tmp_path):
    for end in ("  ", "\\"):  # two spaces or a backslash: a line break the page shows
        page = ("---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\n# Care\n\n"
                f"The team will subsequently check your blood again.{end}\nThen rest.\n")
        uri = editor.open(tmp_path / f"b{len(end)}.md", page)
        plain = next(d for d in editor.diagnostics(uri) if d["code"] == "RL203")
        off = next(a for a in actions(editor, uri, plain) if a["title"].startswith("Turn off"))
        assert "blood again. <!-- readlint-disable-line RL203 -->" + end + "\n" in \
            apply(page, off["edit"]["changes"][uri])


def test_the_warm_ups_page_of_explanations_passes_over_one_that_fails(monkeypatch, capsys):
    """The warm-up checks the rules' explanations as one page; a plug-in whose explanation
    fails is said on the server's log and passed over, and the page is made anew each time
    (a setting changed makes a new warm-up)."""
    from readlint.registry import Registry
    from readlint.server import _helps

    registry = Registry.default()
    rules = list(registry)
    broken = rules[0]

    def fails() -> str:
        raise ValueError("no text")

    monkeypatch.setattr(broken, "help", fails)
    for _ in range(2):
        helps = list(_helps(registry))
        assert len(helps) == len(rules) - 1
        assert rules[1].help() in helps
    assert f"the explanation of {broken.name}: ValueError: no text" in capsys.readouterr().err


def test_a_rule_page_says_what_this_readlint_says(monkeypatch, tmp_path):
    """The page a diagnostic's code links to is named by what it says, so a page another
    version of readlint wrote (the same rule explained otherwise) is never shown instead."""
    from readlint import server, store
    from readlint.checks.undefined_jargon import UndefinedJargon

    monkeypatch.setenv("READLINT_CACHE_DIR", str(tmp_path / "cache"))
    server.rule_page.cache_clear()
    try:
        first = Path(server.rule_page("undefined-jargon")[len("file://"):])
        assert UndefinedJargon().help() in first.read_text(encoding="utf-8")
        monkeypatch.setattr(UndefinedJargon, "help", lambda self: "Explained otherwise.")
        server.rule_page.cache_clear()
        second = Path(server.rule_page("undefined-jargon")[len("file://"):])
        assert second != first and "Explained otherwise." in second.read_text(encoding="utf-8")
        assert first.parent == second.parent == store.root() / "rules"
    finally:
        server.rule_page.cache_clear()
