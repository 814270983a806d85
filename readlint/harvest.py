"""Build a glossary from the links a set of documents already has.

Every link in the prose gives (link text, target). Targets are grouped (by the key a link
pattern extracts, or by the link itself), and each group becomes an entry: its most frequent
text is the term, the other texts are its variants, with how often each was seen. A text such
as "Xeloda (Capecitabine)" gives both names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import document
from .errors import InputError
from .glossary import norm_key
from .patterns import user_pattern
from .wordforms import fold

_NOT_A_NAME = re.compile(r"\b(?:click|here|more|this|dictionary|definition|page|see|learn|"
                         r"read|link|website|approved)\b", re.I)


@dataclass
class Target:
    key: str
    texts: Counter[str] = field(default_factory=Counter)
    hrefs: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)


def folded(name: str) -> str:
    """A harvested name as names are compared: its words (split at spaces) folded."""
    return " ".join(fold(w) for w in name.split())


def names_in(text: str) -> list[str]:
    """The names a link text gives: "Xeloda (Capecitabine)" gives Xeloda and Capecitabine."""
    text = " ".join(text.replace("®", "").replace("™", "").split()).strip(" .,;:")
    if not any(c.isalpha() for c in text) or len(text.split()) > 6 or \
            _NOT_A_NAME.search(text):
        return []  # no letter (a link on a bracket or a figure), or not a name
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)
    if m is None and text.count("(") > text.count(")"):
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)", text)  # the closing ")" was lost
    if m:
        return [n for part in m.groups() for n in names_in(part)]
    return [text]


def key_of(href: str, patterns: Sequence[Any]) -> str | None:
    if not patterns:
        return href.split("#")[0] or None
    for pattern in patterns:
        m = pattern.search(href)
        if m:
            return str(m.group("key"))
    return None


def collect(paths: Iterable[Path], patterns: Sequence[Any], skip: Iterable[str] = (),
            unread: list[InputError] | None = None) -> dict[str, Target]:
    """Links of the documents under `paths`, grouped by target key; a document that cannot
    be read is left out, and its error added to `unread`."""
    skipped = set(skip)
    targets: dict[str, Target] = {}
    for path in paths:
        if str(path) in skipped:
            continue
        try:
            doc = document.load(path)
        except InputError as exc:
            if unread is not None:
                unread.append(exc)
            continue
        for block in doc.blocks:
            for link in block.links:
                key = key_of(link.href, patterns)
                if key is None:
                    continue
                key = norm_key(key) if patterns else key
                target = targets.setdefault(key, Target(key))
                for name in names_in(block.text[link.start:link.end]):
                    target.texts[name] += 1
                target.hrefs[link.href] += 1
                target.documents.add(str(path))
    return {k: t for k, t in targets.items() if t.texts}


def entries(targets: dict[str, Target]) -> list[dict[str, Any]]:
    """Glossary entries, each name kept only for the target it links to most."""
    best: dict[str, tuple[int, str]] = {}
    for target in targets.values():
        for name, n in target.texts.items():
            f = folded(name)
            if f not in best or n > best[f][0]:
                best[f] = (n, target.key)
    out = []
    for key in sorted(targets, key=lambda k: (-sum(targets[k].texts.values()), k)):
        target = targets[key]
        names: dict[str, int] = defaultdict(int)
        for name, n in target.texts.most_common():
            f = folded(name)
            if best[f][1] != key:
                continue
            shown = name if _keeps_case(name) else name.lower()
            names[shown] += n
        if not names:
            continue
        ordered = sorted(names, key=lambda n: -names[n])
        term, variants = ordered[0], []
        seen = {folded(term)}
        for name in ordered[1:]:
            f = folded(name)
            if f not in seen:
                seen.add(f)
                variants.append(name)
        entry: dict[str, Any] = {"term": term, "id": key}
        if variants:
            entry["variants"] = variants
        entry["url"] = target.hrefs.most_common(1)[0][0]
        entry["count"] = sum(target.texts.values())
        entry["documents"] = len(target.documents)
        out.append(entry)
    return out


def _keeps_case(name: str) -> bool:
    """Keep names with capitals inside words (HER2, T-DM1, pH); lower-case the rest."""
    return any(re.search(r"[A-Z]", w[1:]) or (w.isupper() and len(w) > 1) for w in name.split())


def glossary_data(paths: Sequence[Path], patterns: Sequence[str], name: str,
                  url_template: str | None = None, skip: Iterable[str] = (),
                  unread: list[InputError] | None = None) -> dict[str, Any]:
    """The glossary the links of the documents make (see `collect` for `unread`)."""
    compiled = [user_pattern(p, "--pattern") for p in patterns]
    targets = collect(paths, compiled, skip, unread)
    data: dict[str, Any] = {
        "name": name,
        "source": f"Harvested by readlint from the links of {len(paths)} "
                  f"document{'' if len(paths) == 1 else 's'}.",
    }
    if url_template:
        data["url_template"] = url_template
    if patterns:
        data["link_patterns"] = list(patterns)
    terms = entries(targets)
    if url_template:
        for entry in terms:
            entry.pop("url", None)
    data["terms"] = terms
    return data
