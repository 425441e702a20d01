"""The package's layers, read from its source: imports only go down, and only commands print.

__main__ -> commands -> app -> ui -> core. The core imports no Qt (tests/core also proves it
by importing it); here every module's imports are read with the ast module, including those
made inside functions, so a lazy import upward is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "eduapp"

# what each layer may not import (a prefix of the imported module's dotted name)
FORBIDDEN = {
    "core": ("eduapp.ui", "eduapp.app", "eduapp.commands", "eduapp.__main__", "PySide6"),
    "ui": ("eduapp.app", "eduapp.commands", "eduapp.__main__"),
    "app": ("eduapp.commands", "eduapp.__main__"),
    "commands": ("eduapp.__main__",),
}


def modules() -> list[tuple[str, Path, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("eduapp", *parts)).removesuffix(".__init__")
        found.append((name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return found


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "package"


def imported(tree: ast.Module, name: str) -> list[tuple[int, str]]:
    """Every module `tree` imports, absolute, with its line."""
    found = []
    package = name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[:len(package.split(".")) - node.level + 1],
                                 *([base] if base else [])])
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def test_no_module_imports_upward() -> None:
    upward = []
    for name, path, tree in modules():
        banned = FORBIDDEN.get(layer(name), ())
        for line, target in imported(tree, name):
            if any(target == b or target.startswith(b + ".") for b in banned):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target}")
    assert upward == []
    assert len(modules()) > 40  # the walk really read the package


def _main_guard(node: ast.AST) -> bool:
    """`if __name__ == "__main__":`, a script's entry point (a command of its own)."""
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__")


def _prints(node: ast.AST) -> list[int]:
    if _main_guard(node):
        return []
    here = [node.lineno] if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                             and node.func.id == "print") else []
    return here + [line for child in ast.iter_child_nodes(node) for line in _prints(child)]


def test_only_commands_print() -> None:
    printing = [f"{path.relative_to(PACKAGE.parent)}:{line}"
                for name, path, tree in modules()
                if layer(name) not in ("commands", "__main__")
                for line in _prints(tree)]
    assert printing == []


def test_the_checks_catch_what_they_look_for() -> None:
    """A module that prints and imports upward is found by the same functions."""
    tree = ast.parse("import PySide6.QtCore\nfrom ..ui import widgets\ndef f():\n    print(1)\n")
    targets = [target for _, target in imported(tree, "eduapp.core.visit")]
    assert "PySide6.QtCore" in targets and "eduapp.ui.widgets" in targets
    assert _prints(tree) == [4]
    guarded = ast.parse("if __name__ == '__main__':\n    print(1)\n")
    assert _prints(guarded) == []
