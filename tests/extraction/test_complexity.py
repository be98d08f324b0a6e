"""The extraction package stays readable: no function longer than a screen (issue #10).

Ruff checks the other half of the limit (C901, cyclomatic complexity at most 15, in
pyproject.toml)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "timeline" / "extraction"
MAX_LINES = 80


def long_functions(root: Path) -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    found.append((str(path.relative_to(root)), node.name, length))
    return found


def test_no_function_of_the_extraction_is_longer_than_80_lines():
    assert long_functions(PACKAGE) == []


def test_the_length_check_finds_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def too_long():\n{body}\n", encoding="utf-8")
    assert long_functions(tmp_path) == [("long.py", "too_long", MAX_LINES + 1)]
