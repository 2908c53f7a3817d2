"""Whether an action item is done: checked, struck through or marked done (``is_done``, ``struck_through``)."""

from __future__ import annotations

import re

from ..reading.blocks import Item
from .actions import DONE

_STRUCK = re.compile(r"^\s*~~.+~~\W*$")


def is_done(item: Item | None, text: str) -> bool:
    """Whether a unit's task is done: its box checked (``- [x]``), or its first line struck or marked done."""
    return (item is not None and item.task == "x") or bool(DONE.search(text.split("\n", 1)[0].strip()))


def struck_through(text: str) -> bool:
    """Whether a unit is struck through whole: ``~~Book the room~~``, a task done before the meeting."""
    return bool(_STRUCK.match(text))
