"""A sample site for the tests of reports split across machines: a few hundred pages in
folders, for every audience and none, easy and hard, with long sentences, jargon, terms a
glossary explains, plainer words to use, overdue reviews, and files readlint cannot read or
has nothing to check in. The same pages every time (a fixed seed)."""

from __future__ import annotations

import random
from pathlib import Path

DAY = "2026-06-01"  # the day review dates count from in these tests

EASY = ["We eat food.", "We go home.", "The sun is hot.", "I like my dog.",
        "Drink water every day.", "Rest when you feel tired.", "Ask your nurse for help.",
        "Walk a little each day.", "Call us if you have a fever.", "Sleep well at night."]
HARD = ["Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations.",
        "Postoperative immunosuppressive pharmacotherapy necessitates meticulous "
        "longitudinal hematological surveillance.",
        "Multidisciplinary consultation substantially ameliorates prognostication "
        "inconsistencies."]
TERMS = ["Some people need a pancreaticoduodenectomy.", "Your doctor may suggest a "
         "nephrectomy.", "Thrombocytopenia can make you bruise.", "A lumpectomy removes "
         "the lump.", "You may have a colonoscopy.", "Doctors may check your eGFR.",
         "Leukapheresis takes a few hours.", "Your biopsy showed metaplasia."]
PLAIN = ["Please utilize the side door.", "Prior to the visit, stop eating.",
         "We will subsequently call you.", "You will receive a leaflet."]
LONG = ("When you come to the clinic for your visit next week you should bring your list of "
        "medicines and your insurance card and a friend who can drive you home afterwards.")
AUDIENCES = ["patient", "patient", "caregiver", "professional", None]
FOLDERS = ["guides", "guides/heart", "guides/kidney", "news", "drugs", "drugs/old"]


def page(rng: random.Random, number: int) -> str:
    audience = rng.choice(AUDIENCES)
    head = [f"title: Page {number}", "language: en"]
    if audience:
        head.append(f"audienceLevel: {audience}")
    if rng.random() < 0.1:
        head += ["lastReviewed: 2024-01-15", "reviewFrequency: yearly"]
    paragraphs = []
    hard = rng.choice([0, 0, 1, 2, 4])  # hard sentences a paragraph: easy to hard pages
    for _ in range(rng.randint(3, 6)):
        sentences = rng.sample(EASY, rng.randint(5, 9))
        sentences += [rng.choice(HARD) for _ in range(hard)]
        if rng.random() < 0.5:
            sentences.append(rng.choice(TERMS))
        if rng.random() < 0.3:
            sentences.append(rng.choice(PLAIN))
        if rng.random() < 0.15:
            sentences.append(LONG)
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.08:
        paragraphs = ["Short."]  # too short to grade
    body = "\n\n".join(paragraphs)
    return "---\n" + "\n".join(head) + f"\n---\n# Page {number}\n\n{body}\n"


def make_site(folder: Path, pages: int = 300, seed: int = 30) -> Path:
    """`pages` pages under folder/docs, plus a few files that cannot be read or hold nothing
    to check. Returns folder/docs."""
    rng = random.Random(seed)
    docs = folder / "docs"
    for number in range(pages):
        where = docs / rng.choice(FOLDERS) / f"page-{number:04d}.md"
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(page(rng, number), encoding="utf-8")
    (docs / "news" / "empty.md").write_text("", encoding="utf-8")
    (docs / "news" / "binary.md").write_bytes(b"\xff\xfe\x00binary")
    (docs / "guides" / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n",
                                               encoding="utf-8")
    return docs
