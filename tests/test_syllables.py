"""Syllable counts, and proof that nothing needs the network."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from readlint.syllables import Syllables, default_counter, estimate, number_words


@pytest.mark.parametrize("word, count, source", [
    ("metastatic", 4, "cmu"),
    ("diarrhea", 4, "cmu"),
    ("capecitabine", 5, "nci"),      # hyphenation gives 1
    ("trastuzumab", 4, "nci"),       # hyphenation gives 2
    ("thrombocytopenia", 7, "nci"),  # hyphenation gives 5
    ("2012", 3, "number"),           # twen-ty twelve
    ("9.6", 3, "number"),            # nine point six
    ("3,000", 3, "number"),          # three thou-sand
    ("HER2", 4, "letters"),          # H-E-R-two
    ("NCI", 3, "letters"),
    ("OS", 2, "letters"),            # O-S, not the word "os"
    ("IgG", 3, "letters"),
    ("ATPase", 4, "letters"),        # A-T-P + ase
    ("FOLFOX4", 3, "parts"),         # fol-fox + four
    ("Ca", 2, "letters"),
    ("Dr", 2, "abbreviation"),       # doctor
    ("Oct", 3, "abbreviation"),      # October
    ("T-DM1", 4, "parts"),           # T + D-M-one
    ("HER2-positive", 7, "parts"),
])
def test_counts_and_their_source(word, count, source):
    counter = default_counter()
    assert counter.count(word) == count
    assert counter.source(word) == source


@pytest.mark.parametrize("word, count", [
    ("lapatinib", 4), ("emtansine", 3), ("pertuzumab", 4), ("nivolumab", 4),
    ("neutropenia", 5), ("lymphedema", 4), ("table", 2), ("hope", 1), ("tumors", 2),
])
def test_estimate_for_words_no_dictionary_has(word, count):
    assert estimate(word) == count


def test_number_words():
    assert number_words("1999") == ["nineteen", "ninety", "nine"]
    assert number_words("2005") == ["two", "thousand", "five"]
    assert number_words("125") == ["one", "hundred", "twenty", "five"]
    assert number_words("abc") is None


def test_tables_can_be_supplied():
    counter = Syllables(cmu={"hope": 1}, nci={"zzword": 9})
    assert counter.count("hope") == 1
    assert counter.count("zzword") == 9


@pytest.mark.corpus  # a new process with an empty cache builds every word table: seconds
def test_readlint_never_touches_the_network(tmp_path):
    """Grade a document in a fresh process where every network call raises, with an empty
    NLTK data folder: textstat 0.7 would call nltk.download there and fail."""
    script = textwrap.dedent("""
        import socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network access is disabled in this test")
        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from readlint import lint_text
        text = "# Care\\n\\n" + ("Pharmacokinetic characterization demonstrated considerable "
                                 "interindividual variability following administration. ") * 40
        result = lint_text(text, audience="patient")
        assert result.error is None, result.error
        rules = {p.rule for p in result.problems}
        assert "reading-grade" in rules, rules
        assert "nltk" not in sys.modules, "nltk was imported"
        print("offline ok")
    """)
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "no_proxy": "*"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "offline ok" in out.stdout
