"""Large pages made cheap to render, without changing what they show.

Python-Markdown splits a block at each heading it finds inside it and tests
every block processor again on the rest of the block: a note of megabytes
whose headings are not set apart by blank lines takes minutes to render
(quadratic in its size). A blank line around each heading makes each its own
block; the rendered page is the same.
"""

from __future__ import annotations

import re

from ..reading.headings import in_code_mask

# Below this many characters the quadratic cost is a fraction of a second: pages are left as written.
LARGE_PAGE = 200_000

_ATX = re.compile(r"^#{1,6}(?:[ \t]|$)")


def ease_large_markdown(markdown: str) -> str:
    """``markdown``, with a blank line around every heading outside code when the page is large."""
    if len(markdown) < LARGE_PAGE:
        return markdown
    lines = markdown.split("\n")
    code = in_code_mask(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if not code[index] and _ATX.match(line):
            if out and out[-1].strip():
                out.append("")
            out.append(line)
            if index + 1 < len(lines) and lines[index + 1].strip():
                out.append("")
        else:
            out.append(line)
    return "\n".join(out)
