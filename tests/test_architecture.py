"""The import rules of quartiernetz (issue 14), checked on the source with ``ast``.

The rules are explained in ``docs/architecture.md``. In short:

1. a module never imports a name starting with ``_`` from another module, and never reaches
   for a private attribute (``obj._name``) that another module defines;
2. a package-private module (``_name.py`` or ``_name/``) is imported only from inside the
   package that holds it;
3. layers only go down (``LAYERS`` below); ``quartiernetz/__init__.py`` may import anything;
4. no quartiernetz module is imported inside a function (that would hide a cycle);
   ``LAZY_IMPORTS`` is the short, explicit list of exceptions;
5. no import cycles between the top-level units (``network``, ``io``, ``roles``, ...).

Every test lists each violation with ``file:line`` so that one run shows all of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "quartiernetz"

#: The layers from bottom to top; a unit (a top-level module or package of quartiernetz)
#: may import units of its own layer and of the layers below it.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "ground",
        frozenset({"exceptions", "record", "i18n", "_version", "terminal", "conventions", "words"}),
    ),
    ("data", frozenset({"tables", "network", "io", "privacy", "datasets"})),
    (
        "analyses",
        frozenset({"roles", "structures", "descriptives", "inference", "change", "check"}),
    ),
    ("figures", frozenset({"plotting"})),
    ("faces", frozenset({"report", "explorer", "batch"})),
    ("entry points", frozenset({"cli", "__main__"})),
)

#: Imports of quartiernetz modules inside a function that are allowed, as
#: (importing module, function or "*", imported unit) with the reason. Keep it short:
#: each entry is an import a reader of the module does not see at its top, allowed only
#: where it keeps a heavy dependency (matplotlib, jinja2, joblib) out of a light import.
LAZY_IMPORTS: dict[tuple[str, str, str], str] = {
    # ``import quartiernetz`` stays light: the figures, the report and the explorer load
    # matplotlib and the templates, so the top-level package imports them on first use.
    ("quartiernetz", "__getattr__", "plotting"): "PEP 562: matplotlib on first use",
    ("quartiernetz", "__getattr__", "<dynamic>"): "PEP 562: report and explorer on first use",
    # the command line starts (``--help``, ``read``, ``check``) without matplotlib
    ("quartiernetz.cli", "*", "report"): "matplotlib and jinja2 only for commands that write",
    ("quartiernetz.cli", "*", "batch"): "matplotlib and joblib only for ``batch``",
    # old names of the plotting package, moved down to the analyses, served for one
    # release with a DeprecationWarning (PEP 562); the targets are lower layers
    ("quartiernetz.plotting._deprecated", "moved.__getattr__", "<dynamic>"): "deprecations",
}

#: Private attributes that are public by convention (the namedtuple API).
PUBLIC_UNDERSCORE_ATTRIBUTES = frozenset(
    {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}
)

#: Violations that work in progress on issue 14 removes, without their line numbers, with
#: the area that removes them. Each entry must still occur (test_known_entries_still_occur),
#: so the list shrinks as they are fixed; it must be empty when issue 14 is closed.
KNOWN: dict[str, str] = {}


# --------------------------------------------------------------------------------------
# reading the source


@dataclass(frozen=True)
class Module:
    name: str  # quartiernetz.roles._graph
    path: Path
    is_package: bool  # an __init__.py
    root: Path  # the folder that holds the package (``src``)

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]

    @property
    def unit(self) -> str:
        """The top-level unit (``roles`` for ``quartiernetz.roles._graph``); '' for the top."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""

    @property
    def where(self) -> str:
        return self.path.relative_to(self.root.parent).as_posix()


@dataclass(frozen=True)
class Import:
    module: Module
    line: int
    target: str  # the imported module (absolute)
    name: str | None  # the imported name, or None when a module itself is imported
    function: str | None  # the enclosing function, None at module level
    type_checking: bool  # inside ``if TYPE_CHECKING:``

    @property
    def where(self) -> str:
        return f"{self.module.where}:{self.line}"

    @property
    def internal(self) -> bool:
        return self.target == PACKAGE or self.target.startswith(PACKAGE + ".")


@cache
def modules(root: Path = SRC) -> dict[str, Module]:
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        name = ".".join(parts)
        found[name] = Module(name, path, is_package, root)
    return found


@cache
def tree(module: Module) -> ast.Module:
    return ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, function: str | None, type_checking: bool) -> Iterator[tuple]:
    """Yield (node, enclosing function, inside TYPE_CHECKING) for every node below ``node``."""
    for child in ast.iter_child_nodes(node):
        inner_function = function
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            inner_function = f"{function}.{child.name}" if function else child.name
        elif isinstance(child, ast.Lambda):
            inner_function = f"{function}.<lambda>" if function else "<lambda>"
        yield child, function, type_checking
        inner_checking = type_checking or (
            isinstance(child, ast.If) and _is_type_checking(child.test)
        )
        yield from _walk(child, inner_function, inner_checking)


def _resolve(module: Module, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    base = module.package.split(".")
    if level > 1:
        base = base[: -(level - 1)]
    return ".".join(base + ([name] if name else []))


@cache
def imports(root: Path = SRC) -> tuple[Import, ...]:
    known = modules(root)
    found: list[Import] = []
    for module in known.values():
        for node, function, checking in _walk(tree(module), None, False):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.append(Import(module, node.lineno, alias.name, None, function, checking))
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, node.level, node.module)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    if submodule in known:
                        found.append(
                            Import(module, node.lineno, submodule, None, function, checking)
                        )
                    else:
                        found.append(
                            Import(module, node.lineno, base, alias.name, function, checking)
                        )
            elif isinstance(node, ast.Call) and _dynamic_import(node):
                # importlib.import_module("quartiernetz.x") / import_module(".x", __name__)
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    text = first.value
                    level = len(text) - len(text.lstrip("."))
                    target = _resolve(module, level, text.lstrip(".") or None)
                elif isinstance(first, ast.JoinedStr) and _starts_with_dot(first):
                    target = module.package + ".<dynamic>"
                else:
                    target = "<dynamic>"
                found.append(Import(module, node.lineno, target, None, function, checking))
    return tuple(found)


def _dynamic_import(node: ast.Call) -> bool:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name in {"import_module", "__import__"} and bool(node.args)


def _starts_with_dot(node: ast.JoinedStr) -> bool:
    first = node.values[0] if node.values else None
    return (
        isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and first.value.startswith(".")
    )


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _unit_of(target: str) -> str:
    parts = target.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(unit: str) -> int | None:
    for rank, (_, units) in enumerate(LAYERS):
        if unit in units:
            return rank
    return None


def _key(violation: str) -> str:
    """A violation without its line number (lines move when others edit a file)."""
    return re.sub(r"^(\S+?):\d+: ", r"\1: ", violation).split(" [", 1)[0]


def _report(rule: str, violations: list[str]) -> None:
    new = [v for v in violations if _key(v) not in KNOWN]
    assert not new, f"{rule}: {len(new)} violation(s)\n" + "\n".join(sorted(set(new)))


# --------------------------------------------------------------------------------------
# the rules


def private_name_violations(root: Path = SRC) -> list[str]:
    """Rule 1: ``from .x import _y`` and ``obj._y`` where ``_y`` belongs to another module."""
    found = []
    for imp in imports(root):
        if imp.name and _private(imp.name) and imp.target != imp.module.name:
            found.append(f"{imp.where}: imports the private name {imp.name} from {imp.target}")
    defined = {module: _defined_private_names(tree(module)) for module in modules(root).values()}
    for module, own in defined.items():
        for node in ast.walk(tree(module)):
            if (
                isinstance(node, ast.Attribute)
                and _private(node.attr)
                and node.attr not in own
                and node.attr not in PUBLIC_UNDERSCORE_ATTRIBUTES
            ):
                owners = sorted(m.name for m, names in defined.items() if node.attr in names)
                if owners:  # a private name of quartiernetz (not of a third-party library)
                    found.append(
                        f"{module.where}:{node.lineno}: uses the private attribute {node.attr} "
                        f"[defined in {', '.join(owners)}]"
                    )
    return found


def _defined_private_names(module_tree: ast.Module) -> set[str]:
    """The private names a module defines itself: functions, classes, variables, attributes."""
    own: set[str] = set()
    for node in ast.walk(module_tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del):
            own.add(node.attr)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
        elif isinstance(node, ast.alias):
            own.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # __slots__ = ("_a", "_b"), setattr(self, "_a", ...), namedtuple fields
            if node.value.isidentifier():
                own.add(node.value)
    return {name for name in own if _private(name)}


def private_module_violations(root: Path = SRC) -> list[str]:
    """Rule 2: a package-private module imported from outside its package."""
    found = []
    for imp in imports(root):
        if not imp.internal:
            continue
        parts = imp.target.split(".")
        for index, part in enumerate(parts):
            if index and _private(part):
                owner = ".".join(parts[:index])
                inside = imp.module.name == owner or imp.module.name.startswith(owner + ".")
                if not inside:
                    found.append(
                        f"{imp.where}: imports {imp.target}, private to the package {owner}"
                    )
                break
    return found


def layer_violations(root: Path = SRC) -> list[str]:
    """Rule 3: a unit imports a unit of a higher layer (or a unit that is in no layer)."""
    found = []
    for module in modules(root).values():
        if module.unit and _layer(module.unit) is None:
            found.append(
                f"{module.where}:1: the unit {module.unit} is in no layer [add it to LAYERS "
                "in tests/test_architecture.py and to docs/architecture.md]"
            )
    for imp in imports(root):
        if not imp.internal or not imp.module.unit:
            continue
        target_unit = _unit_of(imp.target)
        if not target_unit:  # quartiernetz itself: a cycle through the top-level package
            found.append(f"{imp.where}: imports the top-level package {PACKAGE}")
            continue
        mine, theirs = _layer(imp.module.unit), _layer(target_unit)
        if mine is not None and theirs is not None and theirs > mine:
            found.append(
                f"{imp.where}: {imp.module.unit} ({LAYERS[mine][0]}) imports "
                f"{imp.target} ({LAYERS[theirs][0]})"
            )
    return found


def lazy_import_violations(root: Path = SRC) -> list[str]:
    """Rule 4: a quartiernetz module imported inside a function."""
    found = []
    for imp in imports(root):
        if imp.function is None or not (imp.internal or imp.target == "<dynamic>"):
            continue
        unit = "<dynamic>" if imp.target.endswith("<dynamic>") else _unit_of(imp.target)
        module = imp.module.name
        if (module, imp.function, unit) in LAZY_IMPORTS or (module, "*", unit) in LAZY_IMPORTS:
            continue
        found.append(
            f"{imp.where}: {imp.function}() imports {imp.target}"
            + (f" ({imp.name})" if imp.name else "")
        )
    return found


def cycle_violations(root: Path = SRC) -> list[str]:
    """Rule 5: import cycles between top-level units (through any import but TYPE_CHECKING)."""
    edges: dict[str, dict[str, str]] = {}
    for imp in imports(root):
        if not imp.internal or imp.type_checking or not imp.module.unit:
            continue
        target_unit = _unit_of(imp.target)
        if target_unit and target_unit != imp.module.unit:
            edges.setdefault(imp.module.unit, {}).setdefault(target_unit, imp.where)
    found = []
    for component in _strongly_connected(edges):
        if len(component) > 1:
            links = [
                f"{a} -> {b} ({edges[a][b]})"
                for a in sorted(component)
                for b in sorted(edges.get(a, {}))
                if b in component
            ]
            found.append(
                f"src/{PACKAGE}:0: cycle between {', '.join(sorted(component))} "
                f"[{'; '.join(links)}]"
            )
    return found


def _strongly_connected(edges: dict[str, dict[str, str]]) -> list[set[str]]:
    """Tarjan's algorithm (the graph has a few dozen nodes)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.add(top)
                if top == node:
                    break
            components.append(component)

    nodes = set(edges) | {b for targets in edges.values() for b in targets}
    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return components


# --------------------------------------------------------------------------------------
# the tests


RULES = {
    "private names": private_name_violations,
    "package-private modules": private_module_violations,
    "layers": layer_violations,
    "imports inside functions": lazy_import_violations,
    "cycles between units": cycle_violations,
}


@pytest.mark.parametrize("rule", list(RULES))
def test_import_rule(rule):
    _report(rule, RULES[rule]())


def test_known_entries_still_occur():
    found = {_key(v) for rule in RULES.values() for v in rule()}
    stale = sorted(set(KNOWN) - found)
    assert not stale, "fixed; remove from KNOWN:\n" + "\n".join(stale)


def test_the_checker_reads_every_module():
    found = modules()
    assert f"{PACKAGE}.network" in found and f"{PACKAGE}.roles" in found
    assert any(imp.internal for imp in imports())


FAKE = {
    "__init__.py": "def __getattr__(name):\n    from . import plotting\n    return plotting\n",
    "network.py": (
        "from .record import Record\n"
        "def build():\n    from .io import read\n    return read\n"  # rule 4, cycle
    ),
    "io/__init__.py": "from ..network import Network\nfrom ..roles import catalysts\n",  # 3
    "roles/__init__.py": "from ._graph import prepare\ncatalysts = prepare\n",
    "roles/_graph.py": "def prepare():\n    return None\n",
    "descriptives.py": (
        "from .roles._graph import prepare\n"  # rule 2
        "from .roles import _hidden\n"  # rule 1
        "def f(net):\n    return net._cache, net._private_to_matplotlib\n"  # rule 1
    ),
    "record.py": "class Record:\n    _cache = None\n",
    "plotting/__init__.py": "",
    "newroom.py": "",  # in no layer
}


def test_the_checker_finds_each_kind_of_violation(tmp_path):
    for name, text in FAKE.items():
        path = tmp_path / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    found = {rule: "\n".join(check(tmp_path)) for rule, check in RULES.items()}
    assert "descriptives.py:2: imports the private name _hidden" in found["private names"]
    assert (
        "descriptives.py:4: uses the private attribute _cache [defined in quartiernetz.record]"
        in (found["private names"])
    )
    assert "_private_to_matplotlib" not in found["private names"]
    assert (
        "descriptives.py:1: imports quartiernetz.roles._graph" in (found["package-private modules"])
    )
    assert "io/__init__.py:2: io (data) imports quartiernetz.roles (analyses)" in found["layers"]
    assert "the unit newroom is in no layer" in found["layers"]
    assert (
        "network.py:3: build() imports quartiernetz.io (read)"
        in (found["imports inside functions"])
    )
    assert "__getattr__" not in found["imports inside functions"]  # allowed: LAZY_IMPORTS
    assert "cycle between io, network" in found["cycles between units"]
    assert "roles/__init__.py" not in "\n".join(found.values())  # its own _graph: fine
