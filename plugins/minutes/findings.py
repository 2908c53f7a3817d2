"""Findings: every problem the core notices, with file, line and a hint.

The core collects findings and never prints them; the MkDocs adapter logs
them and the ``minutes check`` command prints them, so both report exactly
the same things from the same code path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one note. ``line`` is 1-based; 0 means the whole file."""

    path: str
    line: int
    level: Level
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted by file and line, each finding once."""
    return sorted(set(findings))
