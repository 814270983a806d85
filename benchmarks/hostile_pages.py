"""How long readlint takes, and how much memory, on pages made to be slow: each case at half,
full and double size, so you can see the time grow in step with the size.

    python benchmarks/hostile_pages.py [CASE ...] [--sizes 0.5,1,2] [--limit SECONDS]
    python benchmarks/hostile_pages.py --write FOLDER [CASE ...]   # only write the pages
    python benchmarks/hostile_pages.py --random SECONDS [--seed N]  # random pages instead

Each page is written to a temporary folder and checked with `readlint check --no-cache
--time-limit 0` (the time limit off, so the figure is the real time), one process per page.
A run that takes longer than --limit seconds (default 120) is stopped and shown as such.
"cpu s" is the processor time the process used, which a busy machine changes less than the
time on the clock. Peak memory is the checking process's largest resident size. The word
tables come from your cache folder as in any run (built there first if need be). The whole
run takes some minutes on a 2-core machine.

With --random, pages made at random of two short pieces said again and again ("-AB" then
"." ...) are checked in this process at 4 and 16 KB for as long as asked, and those whose
time grows much faster than their size are printed with what they are made of.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FRONT = "---\naudienceLevel: patient\n---\n\n"

# Plain prose with some hard words, for the cases that need many words.
PROSE = (
    "Your doctor may suggest a cholecystectomy to take out the gallbladder. Some people "
    "have thrombocytopenia after chemotherapy, so their blood does not clot well. Ask "
    "about HER2 testing and what the results mean for you. The nurse will check your "
    "blood pressure and give you medicine for nausea. Lymphedema is swelling in an arm or "
    "leg. Call us if you have a fever, chills or a cough that does not go away. Eat small "
    "meals and drink plenty of water. Rest when you feel tired. You can read more on "
    "our website at www.example.org/health/leaflets or write to help@example.org."
).split()
SYLLABLES = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi lo lu ma me mi mo " \
    "mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu xa " \
    "xe zo zu".split()


def invented_word(rng: random.Random) -> str:
    """A word no dictionary has ("tobelumi"), so each one is looked at as a new term."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))


def prose_words(count: int, seed: int = 1, invented: float = 0.01) -> list[str]:
    """`count` words of the prose above, a share of them (`invented`) replaced by invented
    words."""
    rng = random.Random(seed)
    return [invented_word(rng) if rng.random() < invented else PROSE[i % len(PROSE)]
            for i in range(count)]


# -- the cases: each makes a page of about `size` (letters, words, columns ...) -----------

def long_word(size: int) -> str:
    """One word of `size` letters in a sentence."""
    return FRONT + "The word " + "abcdefghij" * (size // 10) + " is long.\n"


def setext_paragraph(size: int) -> str:
    """A paragraph of `size` words with a "---" line under it: Markdown makes it a heading."""
    return FRONT + "word " * size + "\n---\n"


def open_comments(size: int) -> str:
    """`size` bytes of "<!--", never closed."""
    return FRONT + "<!--" * (size // 4) + "\n"


def wide_table(size: int) -> str:
    """A table of `size` columns (header, rule and one row)."""
    words = prose_words(size)
    return (FRONT + "| " + " | ".join(f"Col {i}" for i in range(size)) + " |\n|" +
            "---|" * size + "\n| " + " | ".join(words) + " |\n")


def one_line_plain(size: int) -> str:
    """One line of `size` bytes of one word again and again, with no full stop."""
    return FRONT + "word " * (size // 5) + "\n"


def one_line(size: int) -> str:
    """One line of `size` bytes of prose with no full stop."""
    out: list[str] = []
    length = 0
    for word in prose_words(size // 5 + 1, seed=2):
        word = word.strip(".")
        out.append(word)
        length += len(word) + 1
        if length >= size:
            break
    return FRONT + " ".join(out) + "\n"


def short_sentences(size: int) -> str:
    """`size` bytes of short sentences, in paragraphs of ten."""
    rng = random.Random(3)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(10):
            words = prose_words(rng.randint(4, 9), seed=rng.randrange(1 << 30))
            sentences.append(" ".join(w.strip(".") for w in words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return FRONT + "\n\n".join(paragraphs) + "\n"


def unknown_words(size: int) -> str:
    """`size` bytes of short sentences in which one word in ten is invented: thousands of
    different words to look up, and to report."""
    rng = random.Random(4)
    sentences: list[str] = []
    length = 0
    while length < size:
        words = prose_words(rng.randint(4, 9), seed=rng.randrange(1 << 30), invented=0.1)
        sentences.append(" ".join(w.strip(".") for w in words).capitalize() + ".")
        length += len(sentences[-1]) + 1
    return FRONT + "\n\n".join(" ".join(sentences[i:i + 10])
                                for i in range(0, len(sentences), 10)) + "\n"


def many_keys(size: int) -> str:
    """Front matter with `size` keys."""
    return ("---\naudienceLevel: patient\n" + "".join(f"key{i}: value {i}\n" for i in range(size))
            + "---\n\nTake your medicine with food.\n")


def deep_nesting(size: int) -> str:
    """`size` lines of lists and block quotes, each nested one deeper than the last."""
    return FRONT + "".join("  " * min(i, 40) + ("- " if i % 2 else "> ") + f"Item {i} is here.\n"
                           for i in range(size))


def many_links(size: int) -> str:
    """`size` links in paragraphs of fifty."""
    links = [f"[page {i}](/p/{i})" for i in range(size)]
    return FRONT + "\n\n".join(" and ".join(links[i:i + 50]) + "."
                               for i in range(0, size, 50)) + "\n"


def code_block(size: int) -> str:
    """A fenced code block of `size` bytes."""
    line = "x = compute(value, other_value)  # a line of code\n"
    return FRONT + "Some text.\n\n```\n" + line * (size // len(line)) + "```\n"


def many_headings(size: int) -> str:
    """`size` headings, each with a short sentence under it."""
    return FRONT + "".join(f"## Part {i}\n\nThis part is short.\n\n" for i in range(size))


def long_url(size: int) -> str:
    """A link and a bare web address, each `size` bytes long."""
    path = "/".join(["segment"] * (size // 8))
    return (FRONT + f"Read [this page](https://example.org/{path}) now.\n\n"
            f"Or go to https://example.org/{path} today.\n")


def html_block(size: int) -> str:
    """One HTML block of `size` bytes: a table of many cells, tags left open and closed."""
    cell = "<td><b>Take <i>one</i> pill</td>"
    return FRONT + "<div>\n<table><tr>" + cell * (size // len(cell)) + "</tr></table>\n</div>\n"


def open_emphasis(size: int) -> str:
    """A paragraph of `size` bytes full of "**", "<b>" and "](" that are never closed."""
    return FRONT + "Take **care <b>now](x " * (size // 22) + "\n"


def slashes_and_ats(size: int) -> str:
    """Words of `size` letters ending in "/" and "@", which look like the start of an address."""
    return FRONT + "a" * size + "/ and " + "b" * size + "@ and " + "c/" * (size // 2) + "\n"


def long_spaces(size: int) -> str:
    """Hard terms each followed by a run of `size` non-breaking spaces, or of spaces and
    dashes, before the rest of their sentence."""
    return (FRONT + "Cholangiocytes" + "\u00a0" * size + "are damaged. "
            "A cholecystectomy" + " -" * (size // 2) + " gene test may follow.\n")


def marks_run(size: int) -> str:
    """A paragraph that could be a title: a term, `size` bytes of "<!--", the term again."""
    return FRONT + "HER2[ref]" + "<!--" * (size // 4) + "HER2\n"


def lost_links(size: int) -> str:
    """A paragraph of `size` bytes of "](/", what is left of links whose markup was lost."""
    return FRONT + "Learn more" + "](/" * (size // 3) + ")x\n"


def spaced_sentences(size: int) -> str:
    """Runs of `size` spaces where an abbreviation, a list's last name and a next sentence
    would start."""
    gap = " " * size
    return (FRONT + "Tests include HER2" + gap + "x\n\nThe scan found cholangitis." + gap +
            "!\n\nOther causes include biliary atresia" + gap + "y\n")


def dotted_run(size: int) -> str:
    """Two hard terms, each followed by `size` / 2 bytes of "a." (or "b.") with no space: two
    sentences of thousands of one-letter words, each taken as one long term."""
    half = size // 4
    return (FRONT + "HER2" + "a." * half + " are damaged.\n\nHER3" + "b." * half +
            " are damaged.\n")


def capitals_run(size: int) -> str:
    """A sentence of `size` words, in capitals then in small letters, as a heading run into
    its text starts."""
    return FRONT + "HER2" + " Ab" * (size // 2) + " cd" * (size // 2) + " are damaged.\n"


def spaced_title(size: int) -> str:
    """A title heading with a run of `size` spaces before its last word."""
    return FRONT + "## HER2" + " " * size + "testing\n\nSome text.\n"


def stops_run(size: int) -> str:
    """A table row of a word, `size` / 2 full stops and `size` / 2 digits, with no space."""
    return FRONT + "| The tumor" + "." * (size // 2) + "1" * (size // 2) + "\n"


def long_number(size: int) -> str:
    """A number of `size` digits in a table row."""
    return FRONT + "| The dose is " + "7" * size + " mg |\n"


def coded_words(size: int) -> str:
    """`size` words of capitals and two digits each ("HER21and"), as a list of a study's codes
    starts."""
    return FRONT + "**HER2" + "1and HER2" * size + " are damaged.\n"


def names_and_spaces(size: int) -> str:
    """A sentence opening with `size` / 6 names and commas, then a run of spaces and
    non-breaking spaces of `size` / 2 bytes."""
    return FRONT + "The tumor" + "Ab 12," * (size // 6) + "\u00a0 " * (size // 4) + " (x\n"


def rare_run(size: int) -> str:
    """A list item of `size` rare words that each stand alone ("ab- genes" glued to the next:
    "genesab-"), after a run of small words."""
    return FRONT + "1. Drugs called" + "the are" * size + "ab- genes" * size + "\n"


def linked_terms(size: int) -> str:
    """One paragraph of `size` glossary terms, each linked, each with a plain one after it."""
    return FRONT + " and ".join(f"[chemotherapy](/p/{i}) biopsy" for i in range(size)) + ".\n"


def explained_forms(size: int) -> str:
    """`size` rare words of one first 7 letters explained in brackets, then `size` others of
    those letters used bare: each asks whether another form of it was explained."""
    rng = random.Random(7)
    words = ["abcdefg" + "".join(rng.choice("hijklmnopqrstuvwxyz") for _ in range(6))
             for _ in range(2 * size)]
    return FRONT + " ".join(f"The thing ({w})." for w in words[:size]) + "\n\n" + \
        " ".join(f"We saw {w} here." for w in words[size:]) + "\n"


# name: (make, full size, what the full size is)
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "long-word": (long_word, 30_000, "letters"),
    "setext-paragraph": (setext_paragraph, 30_000, "words"),
    "open-comments": (open_comments, 400_000, "bytes"),
    "wide-table": (wide_table, 20_000, "columns"),
    "one-line-plain": (one_line_plain, 5_000_000, "bytes"),
    "one-line": (one_line, 5_000_000, "bytes"),
    "short-sentences": (short_sentences, 2_000_000, "bytes"),
    "unknown-words": (unknown_words, 1_000_000, "bytes"),
    "many-keys": (many_keys, 100_000, "keys"),
    "deep-nesting": (deep_nesting, 20_000, "lines"),
    "many-links": (many_links, 100_000, "links"),
    "code-block": (code_block, 1_000_000, "bytes"),
    "many-headings": (many_headings, 100_000, "headings"),
    "long-url": (long_url, 1_000_000, "bytes"),
    "html-block": (html_block, 1_000_000, "bytes"),
    "open-emphasis": (open_emphasis, 1_000_000, "bytes"),
    "slashes-and-ats": (slashes_and_ats, 100_000, "letters"),
    "long-spaces": (long_spaces, 100_000, "spaces"),
    "marks-run": (marks_run, 400_000, "bytes"),
    "lost-links": (lost_links, 400_000, "bytes"),
    "spaced-sentences": (spaced_sentences, 100_000, "spaces"),
    "dotted-run": (dotted_run, 100_000, "bytes"),
    "capitals-run": (capitals_run, 100_000, "words"),
    "spaced-title": (spaced_title, 100_000, "spaces"),
    "stops-run": (stops_run, 200_000, "bytes"),
    "long-number": (long_number, 100_000, "digits"),
    "coded-words": (coded_words, 20_000, "words"),
    "names-and-spaces": (names_and_spaces, 100_000, "bytes"),
    "rare-run": (rare_run, 20_000, "words"),
    "linked-terms": (linked_terms, 20_000, "links"),
    "explained-forms": (explained_forms, 5_000, "words"),
}


def measure(path: Path, limit: float) -> tuple[float, float, float, int | None, str]:
    """(seconds, processor seconds, peak MB, exit code or None when stopped, first line of
    standard error). Processor seconds change less than seconds on a busy machine."""
    command = [sys.executable, "-m", "readlint", "check", "--no-cache", "--time-limit", "0",
               "-q", str(path)]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - started > limit:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        peak = usage.ru_maxrss / 1024
        cpu = usage.ru_utime + usage.ru_stime
        process.returncode = code if code is not None else -9
        errors.seek(0)
        first = errors.read().decode("utf-8", "replace").strip().splitlines()
    return time.perf_counter() - started, cpu, peak, code, first[0] if first else ""


# -- pages made at random: two pieces said again and again ------------------------------

RANDOM_PIECES = ["a", "A", "Ab", "AB", "HER2", "ab-", "-AB", "-", "--", " ", "\u00a0", ",", ".",
                 "a.", "(", ")", "[", "]", "*", "**", "_", "/", ":", ";", "|", "and", "or", "of",
                 "the", "is", "are", "called", "such as", "gene", "genes", "cholecystectomy",
                 "Lymphedema", "\n", "1", "12", "%", "\u2014", "'", '"', "<!--", "-->", "](",
                 "#", "!", "?"]
RANDOM_STARTS = ["", "## ", "- ", "| ", "> ", "1. ", "**", "Key Points\n\n- "]
RANDOM_FIRST_WORDS = ["HER2", "Cholangiocytes", "The tumor", "Drugs called", ""]
RANDOM_ENDS = [" are damaged. Lymphedema is swelling.\n", "\n", " (x\n", ":\n- HER2\n"]


def random_page(rng: random.Random) -> Callable[[int], str]:
    """A page of about `size` bytes: a start, a first word, two pieces of one to three of
    RANDOM_PIECES each said again and again, an end."""
    def piece() -> str:
        return "".join(rng.choice(RANDOM_PIECES) + rng.choice(["", " "])
                       for _ in range(rng.randint(1, 3)))
    first, second = piece(), piece()
    start = rng.choice(RANDOM_STARTS) + rng.choice(RANDOM_FIRST_WORDS)
    end = rng.choice(RANDOM_ENDS)

    def make(size: int) -> str:
        times = max(1, size // (len(first) + len(second)))
        return FRONT + start + first * times + second * times + end
    return make


def random_sweep(seconds: float, seed: int) -> None:
    """Check random pages (`random_page`) of 4 and 16 KB in this process for `seconds`, and
    print each whose time grows much faster than its size (more than 7 times the time for 4
    times the bytes), with what it is made of."""
    from readlint.linter import Linter
    from readlint.settings import Choices

    linter = Linter(choices=Choices(cache=False), time_limit=0)
    linter.lint_text(FRONT + " ".join(PROSE) + "\n", "warm-up.md")

    def timed(text: str) -> float:
        began = time.process_time()
        linter.lint_text(text, "page.md")
        return time.process_time() - began

    rng = random.Random(seed)
    tried = found = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        make = random_page(rng)
        tried += 1
        small = timed(make(4_000))
        if small > 0.08:
            large = timed(make(16_000))
            if large / small > 7:
                found += 1
                print(f"{large / small:5.1f} times the time: 4 KB {small:.2f} s, 16 KB "
                      f"{large:.2f} s: {make(60)[len(FRONT):]!r}", flush=True)
    print(f"{tried} random pages, {found} whose time grows much faster than their size "
          f"(seed {seed})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help=f"cases to run (default all): {', '.join(CASES)}")
    parser.add_argument("--sizes", default="0.5,1,2", help="sizes, as parts of the full size")
    parser.add_argument("--limit", type=float, default=120, help="seconds before a run stops")
    parser.add_argument("--write", metavar="FOLDER", help="only write the pages (full size)")
    parser.add_argument("--random", type=float, metavar="SECONDS",
                        help="check random pages of two repeated pieces for this long instead")
    parser.add_argument("--seed", type=int, default=1, help="the random pages' seed")
    args = parser.parse_args()
    if args.random:
        random_sweep(args.random, args.seed)
        return
    names = args.cases or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"no case called {', '.join(unknown)}")
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            make, full, _ = CASES[name]
            (folder / f"{name}.md").write_text(make(full), encoding="utf-8")
        return
    scales = [float(s) for s in args.sizes.split(",")]
    print(f"{'case':18} {'size':>16} {'bytes':>10} {'seconds':>8} {'cpu s':>6} {'peak MB':>8}"
          "  result")
    with tempfile.TemporaryDirectory() as folder:
        warm_up = Path(folder) / "warm-up.md"  # builds the word tables first, if need be
        warm_up.write_text(FRONT + " ".join(PROSE) + "\n", encoding="utf-8")
        measure(warm_up, args.limit)
        for name in names:
            make, full, unit = CASES[name]
            for scale in scales:
                size = int(full * scale)
                page = Path(folder) / f"{name}-{size}.md"
                page.write_text(make(size), encoding="utf-8")
                seconds, cpu, peak, code, error = measure(page, args.limit)
                result = "stopped" if code is None else f"exit {code}"
                if error:
                    result += f": {error[:80]}"
                print(f"{name:18} {size:>10,} {unit:>5} {page.stat().st_size:>10,} "
                      f"{seconds:>8.2f} {cpu:>6.2f} {peak:>8.0f}  {result}", flush=True)
                page.unlink()


if __name__ == "__main__":
    main()
