"""Check that readlint's imports flow one way: each module imports only modules of its own
layer or the layers below, and no modules import each other in a loop.

Every import counts, including those inside functions, so a lazy import cannot hide a loop.

    python tools/check_layers.py      # prints each wrong import and loop; exit 1 if any
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "readlint"

# From the bottom up. A module not listed here is an error: place every new module.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("values", ("version", "errors", "problem", "blocks", "results", "globs", "patterns",
                "logistic")),
    ("reading and parsing", ("store", "tables", "yamltext", "source", "markup", "prose",
                             "syllables", "readability", "schema")),
    ("the document", ("document",)),
    ("vocabulary", ("wordforms", "glossary", "glossary_files", "termmatch", "glossary_store",
                    "vocabulary", "explanations", "glossary_sets", "hardness", "nearby",
                    "linkpractice", "harvest", "stock", "difficulty", "jargon_model",
                    "own_words")),
    ("rules", ("rule", "checks", "registry")),
    ("selection and linting", ("config", "rulesets", "selection", "settings", "suppress",
                               "files", "result_cache", "parallel", "linter", "run", "fixes",
                               "baseline", "changes")),
    ("outputs", ("report", "formats")),
    ("command line and API", ("cli", "server", "__main__", "__init__")),
]


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> int | None:
    top = module.split(".")[0]
    for index, (_, members) in enumerate(LAYERS):
        if top in members:
            return index
    return None


def imports(path: Path, module: str) -> set[str]:
    """readlint modules that the file imports (relative to the package), anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    if module == "__init__":
        here = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "readlint":
                target = node.module.split(".")[1:]
            else:
                continue
            # "from .report import view" may name a module: known() trims each name to the
            # longest module that exists.
            found.update(".".join([*target, alias.name]) for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "readlint" and "." in alias.name:
                    found.add(alias.name.split(".", 1)[1])
    return {name for name in found if name and name != module}


def known(name: str, modules: set[str]) -> str:
    """The module a dotted name stands for ("checks.undefined_jargon.UndefinedJargon" -> ...)."""
    parts = name.split(".")
    while parts and ".".join(parts) not in modules:
        parts.pop()
    return ".".join(parts) if parts else name.split(".")[0]


def check(package: Path = PACKAGE) -> list[str]:
    """Every import that runs up a layer, every module not placed, every loop."""
    files = {module_name(p, package) if p.parent != package or p.name != "__init__.py"
             else "__init__": p for p in sorted(package.rglob("*.py"))}
    modules = set(files)
    graph = {m: {known(t, modules) for t in imports(p, m)} - {m} for m, p in files.items()}
    faults = []
    for module in sorted(graph):
        mine = layer_of(module)
        if mine is None:
            faults.append(f"{module}: not placed in a layer (add it to LAYERS in "
                          f"tools/check_layers.py)")
            continue
        for target in sorted(graph[module]):
            theirs = layer_of(target)
            if theirs is not None and theirs > mine:
                faults.append(f"{module} ({LAYERS[mine][0]}) imports {target} "
                              f"({LAYERS[theirs][0]}), a layer above it")
    faults.extend(f"import loop: {' -> '.join(loop)}" for loop in loops(graph))
    return faults


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """One loop per group of modules that import each other (Tarjan's strongly connected
    components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group) + [sorted(group)[0]])

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    faults = check()
    for fault in faults:
        print(fault)
    if not faults:
        print(f"imports flow one way through {len(LAYERS)} layers; no loops")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
