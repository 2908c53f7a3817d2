"""Rooms a newcomer can read (issue 18): functions that fit on a screen, and modules of a size one reads.

No function of the plugin runs over 150 lines and at most three over 100 (a long function is a list of
steps that wants names); no module runs over 600 lines but the block reader, whose one loop reads best
whole. Lengths are the source's, from a function's ``def`` to its last line (``ast``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PLUGIN = Path(__file__).parent.parent / "plugins" / "minutes"
LONGEST = 150
LONG, MOST_LONG = 100, 3
MODULE_LINES = 600
# Modules allowed past MODULE_LINES, and why.
LONG_MODULES = {
    "reading/blocks.py": "the block reader, whose one loop reads best whole",
}


def _functions() -> list[tuple[int, str]]:
    found = []
    for path in sorted(PLUGIN.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                found.append((node.end_lineno - node.lineno + 1, f"{path.relative_to(PLUGIN)}:{node.name}"))
    return sorted(found, reverse=True)


def test_functions_fit_on_a_screen() -> None:
    functions = _functions()
    assert [name for lines, name in functions if lines > LONGEST] == []
    long = [f"{name} ({lines} lines)" for lines, name in functions if lines > LONG]
    assert len(long) <= MOST_LONG, long


def test_modules_stay_under_600_lines_but_the_block_reader() -> None:
    sizes = {
        path.relative_to(PLUGIN).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PLUGIN.rglob("*.py")
    }
    long = {name: lines for name, lines in sizes.items() if lines > MODULE_LINES}
    assert set(long) <= set(LONG_MODULES), long
