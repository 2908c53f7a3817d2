"""Inline Markdown, the one place that knows its shapes: links, images, autolinks, code spans, emphasis, tags.

Everything that reads a piece of text (a heading, a list item, a line) for
names, numbers or words asks these patterns and helpers, so that a link is
recognised the same way by the people parsers, the references, the image
check and the pages. Block structure (headings, lists, code, tables) is
``blocks``' work.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import slugify as _toc_slugify

# [text](target "title") and ![alt](src): the target may be <bracketed> and hold one level of parentheses.
LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>[^\]\n]*)\]\(\s*<?(?P<target>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+\"[^\"\n]*\")?\s*\)"
)
AUTOLINK = re.compile(r"<(?P<target>(?:https?|mailto|ftp):[^>\s]+)>")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
EMAIL = re.compile(r"<?(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?")
ATTR_LIST = re.compile(r"\s*\{:?\s*[#.:][^}\n]*\}\s*$")  # "{#id .class}" at the end of a heading or line
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|~~")
_BLOCK_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_PREFIX_MARKS = frozenset(">-*+[")  # what a line that ``_BLOCK_PREFIX`` changes may open with (or a space, a digit)


def without_code(text: str) -> str:
    """``text`` with its code spans blanked (same length), so that nothing in them is read as prose."""
    if "`" not in text:
        return text
    return CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)


def link_texts(text: str) -> str:
    """Links and images as their text, autolinks as their address."""
    if "](" in text:
        text = LINK.sub(lambda match: match.group("text"), text)
    if "<" in text:
        text = AUTOLINK.sub(lambda match: match.group("target"), text)
    return text


def strip_markup(text: str) -> str:
    """Text without emphasis, code marks, HTML tags or a trailing colon; links keep their text."""
    text = TAG.sub(" ", link_texts(text))
    text = text.replace("**", "").replace("__", "").replace("`", "")
    text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip(" \t:;,.")


# The classifier, the action items and the pages ask for the plain text of the same line several times
# (about half the calls of a parse repeat one): a pure function of its arguments, so kept.
@functools.lru_cache(maxsize=8192)
def plain_text(markdown: str, limit: int = 0) -> str:
    """Markdown as one line of plain text: links to their text, markup and block markers gone.

    With a ``limit``, cut at a word boundary before it and end with an ellipsis.
    """
    parts = []
    # Each pattern only where its first mark is (cheap tests first: most lines hold no markup at all).
    for line in markdown.split("\n"):
        first = line[:1]
        if first and (first in _PREFIX_MARKS or first.isspace() or first.isdigit()):
            line = _BLOCK_PREFIX.sub("", line)
        if "#" in line:
            line = _HEADING_MARK.sub("", line)
        if "{" in line:
            line = ATTR_LIST.sub("", line)
        if line.strip():
            parts.append(line.strip())
    text = link_texts(" ".join(parts))
    if "<" in text:
        text = TAG.sub("", text)
    if "*" in text or "_" in text or "~" in text:
        text = _EMPHASIS.sub("", text)
    text = " ".join(text.replace("`", "").split())  # runs of white space as one space, none at the ends
    if limit and len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-") + "…"
    return text


# How a site's ``toc`` extension makes a heading's id from its text: ``slugify(text, separator)``.
Slugify = Callable[[str, str], str]


def heading_slugger(slugify: Slugify | None = None, separator: str = "-") -> Callable[[str], str]:
    """The id a heading gets on the page, as the site's ``toc`` configuration makes it (Python-Markdown's
    ``slugify`` by default, ``pymdownx.slugs.slugify`` or any other a site sets): the slug of the
    heading's text as rendered, explicit ``{#id}`` aside."""
    return HeadingSlugger(slugify or _toc_slugify, separator)


@dataclass(frozen=True)
class HeadingSlugger:
    """``heading_slugger``'s function, as an object: it can be handed to the processes that parse notes."""

    slugify: Slugify
    separator: str = "-"

    def __call__(self, text: str) -> str:
        explicit = _EXPLICIT_ID.search(text)
        if explicit:
            return explicit.group(1)
        return self.slugify(plain_text(text), self.separator)


_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#([A-Za-z][\w:.-]*)[^}\n]*\}\s*$")
