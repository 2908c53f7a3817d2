"""How a note's parse grows with its size: one list of 1,000, 10,000 and 100,000 items, time per item.

Every step that reads and classifies a note (the block reader, the people parsers, the classifier of
decisions and action items) must be linear in the note's size: the time per item stays flat as the list
grows. The items mix what minutes hold (assignments, agreements, questions with their answers, nested
bullets, status reports, handles), so that every rule has something to read. Usage::

    python benchmarks/scaling.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from minutes.parse import parse_note
from minutes.reading.source import Source

_ITEMS = (
    "- Alice will update the release notes for #{n}",
    "- Agreed to ship version {n} next week",
    "- Should we drop Python 3.{m}?",
    "    - Yes, after the next release",
    "- @bob to review the PR about item {n}",
    "- Status: the migration of module {n} is ongoing",
    "- [ ] Carol: write the blog post {n}",
    "- Discussed the roadmap; no objections",
)


def note(items: int) -> str:
    """A dated note of one list of ``items`` items (nested answers included)."""
    lines = ["# 2024-05-13 Team meeting", "", "## Attendees", "", "- Alice", "- @bob", "- Carol", "", "## Notes", ""]
    for n in range(items):
        lines.append(_ITEMS[n % len(_ITEMS)].format(n=n, m=n % 12))
    return "\n".join(lines) + "\n"


def measure(items: int) -> float:
    """Seconds to parse a note of ``items`` items, as ``minutes check`` and the build do."""
    text = note(items)
    start = time.perf_counter()
    parse_note(Source("2024-05-13.md", text))
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args(argv)
    print(f"{'items':>8} {'seconds':>9} {'µs per item':>12}")
    for items in args.sizes:
        seconds = measure(items)
        print(f"{items:>8} {seconds:>9.2f} {seconds / items * 1e6:>12.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
