"""Fragments of a rendered page, cut out by their anchors: the notes' own HTML, shown on other pages.

A person page shows what the person said; the decisions log and the action items page show the
decisions and items; a topic page its decisions. Their text is already rendered (and sanitized) on its
meeting's page, so it is cut out of that page's HTML instead of being rendered again: the fragment
keeps the notes' nested lists, links and code as the meeting page shows them, and costs a parse of the
page, not another pass of Python-Markdown.

How far a fragment reaches follows from the element that carries the anchor (as ``people.attribution``
and ``records.anchors`` place them):

- a heading (a person's ``### Name {#id}``, a decision section): the section under it, up to the next
  heading of the same or a higher level, the heading itself left out;
- ``span.minutes-speaker`` (a turn of a transcript): its paragraph and the blocks after it, up to the
  next turn, heading or thematic break, the speaker's tag left out;
- ``span.minutes-leader`` (a ``leader:`` line): the section it leads;
- ``span.minutes-name`` (a HackMD name tag), and a decision's or action item's span: its list item,
  else its paragraph, the name tag left out.

Every fragment is serialized from a parsed tree, so it is well formed on its own whatever raw HTML the
note held: an element the note left open is closed inside the fragment. Ids are dropped (the fragment
may be shown beside others that hold the same ones), and so are permalink anchors; links relative to
the meeting page are rewritten relative to the site root, marked with ``SITE_ROOT``, so that
``place_fragment`` can point them from whatever page shows the fragment.

Plain functions of HTML and URLs: nothing here knows MkDocs.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Collection, Iterator
from typing import Any, cast

from lxml import etree
from lxml import html as lxml_html

# Plain lxml elements, not ``lxml.html.HtmlElement``: lxml.html looks up a Python class for every element
# it hands out, a cost per element of every meeting page; nothing here needs HtmlElement's methods.
HtmlElement = etree._Element

# Marks a link made relative to the site root: no note can write it (the sanitizer drops unknown schemes).
SITE_ROOT = "minutes-site-root:"

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements a span's entry may be: the nearest of these that holds it.
_BLOCKS = frozenset({"li", "p", "td", "th", "dd", "dt", "blockquote", "div", "details"})
# Headings inside a fragment are shown below the headings of the page that shows it (a person page: h2 reports,
# h3 meeting, h4 section).
_LOWEST_HEADING = 5
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True)
# What ``_clean`` changes: ids, headings above the lowest, links (the container itself included).
_TO_CLEAN = etree.XPath("descendant-or-self::*[@id or @href or @src or self::h1 or self::h2 or self::h3 or self::h4]")
# The elements that carry an id, in document order: found by libxml2, not by visiting every element.
_WITH_ID = etree.XPath("//*[@id]")


def cut_fragments(html: str, anchors: Collection[str], base: str = "") -> dict[str, str]:
    """The fragment of ``html`` (a page's content) that each of ``anchors`` (element ids) stands for.

    ``base`` is the site-relative URL of the page ``html`` comes from ("team/2024-03-05/"); when given,
    its relative links are rewritten relative to the site root (see ``place_fragment``). An anchor that
    ``html`` does not hold gets no fragment.
    """
    wanted = set(anchors)
    if not wanted or not html.strip():
        return {}
    root = _parse(html)
    found: dict[str, HtmlElement] = {}
    for element in _WITH_ID(root):
        anchor = element.get("id")
        if anchor in wanted and anchor not in found:
            found[anchor] = element
    fragments = {}
    for anchor, element in found.items():
        parts = [copy.deepcopy(part) for part in _reach(element)]
        fragments[anchor] = _serialize(parts, element, base)
    return fragments


def _parse(html: str) -> HtmlElement:
    """``html`` in a ``div``, as ``lxml.html.fragment_fromstring(html, create_parent="div")`` gives it, but
    of plain elements: that function's ``div`` is an HtmlElement, whose tree then looks up classes."""
    elements: list[Any] = lxml_html.fragments_fromstring(html, parser=cast(Any, _PARSER))
    root = etree.Element("div")
    if elements and isinstance(elements[0], str):
        root.text = elements.pop(0)
    root.extend(elements)
    return root


def place_fragment(fragment: str, page_url: str) -> str:
    """``fragment`` with its site-root links made relative to the page at ``page_url`` ("people/ada/")."""
    if SITE_ROOT not in fragment:
        return fragment
    folder = posixpath.dirname(page_url)
    prefix = "../" * len([part for part in folder.split("/") if part])
    return fragment.replace(f'="{SITE_ROOT}', f'="{prefix}')


def _classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _heading_level(element: HtmlElement) -> int:
    return _HEADINGS.get(element.tag, 0) if isinstance(element.tag, str) else 0


def _reach(element: HtmlElement) -> list[HtmlElement]:
    """The elements that the entry anchored at ``element`` spans (the anchor element's own not always)."""
    level = _heading_level(element)
    if level:
        return list(_section(element, level))
    classes = _classes(element)
    if "minutes-leader" in classes:
        top = _top_block(element)
        heading = next((sibling for sibling in top.itersiblings(preceding=True) if _heading_level(sibling)), None)
        if heading is None:
            parent = top.getparent()
            return list(parent) if parent is not None else [top]
        return list(_section(heading, _heading_level(heading)))
    heading = next((above for above in element.iterancestors() if _heading_level(above)), None)
    if heading is not None:  # a name tag or a decision's span written in a heading
        return list(_section(heading, _heading_level(heading)))
    block = _block_of(element)
    if "minutes-speaker" in classes:
        parts = [block]
        for sibling in block.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if _heading_level(sibling) or sibling.tag == "hr" or _holds_turn(sibling):
                break
            parts.append(sibling)
        return parts
    return [block]


def _section(heading: HtmlElement, level: int) -> Iterator[HtmlElement]:
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        found = _heading_level(sibling)
        if found and found <= level:
            return
        yield sibling


def _holds_turn(element: HtmlElement) -> bool:
    return any("minutes-speaker" in _classes(span) for span in element.iter("span"))


def _block_of(element: HtmlElement) -> HtmlElement:
    """The nearest block that holds ``element``; a list item when the block opens one."""
    block = element
    while (above := block.getparent()) is not None and (block is element or block.tag not in _BLOCKS):
        block = above
    parent = block.getparent()
    if parent is None:  # nothing holds it but the page: the element alone
        return element
    if block.tag == "p" and parent is not None and parent.tag == "li" and parent.index(block) == 0:
        return parent
    return block


def _top_block(element: HtmlElement) -> HtmlElement:
    """The ancestor of ``element`` that sits among the headings of its section."""
    block = element
    while (parent := block.getparent()) is not None:
        if parent.getparent() is None or any(_heading_level(sibling) for sibling in parent):
            return block
        block = parent
    return block


def _serialize(parts: list[HtmlElement], anchor: HtmlElement, base: str) -> str:
    """The HTML of ``parts``: a list item or a block as its content, a section as its blocks."""
    if len(parts) == 1 and parts[0].tag == "li" and anchor.tag == "span":
        container = parts[0]
        _drop_tag(container, anchor.get("id", ""))
        container.tail = None
        _clean(container, base)
        return _inner(container)
    holder = etree.Element("div")
    for part in parts:
        part.tail = "\n"
        holder.append(part)
    if anchor.tag == "span":
        _drop_tag(holder, anchor.get("id", ""))
    _clean(holder, base)
    return _inner(holder).strip()


def _inner(element: HtmlElement) -> str:
    text = _escape(element.text or "")
    return text + "".join(etree.tostring(child, encoding="unicode", method="html") for child in element)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _drop_tag(container: HtmlElement, anchor: str) -> None:
    """Leave out the name tag or speaker's tag of the entry: the page it is shown on says who."""
    for span in container.iter("span"):
        if span.get("id") != anchor:
            continue
        if not _classes(span) & {"minutes-speaker", "minutes-name"}:
            return
        tail = re.sub(r"^\s*[:,;\-—–]?\s*", "", span.tail or "")
        parent = span.getparent()
        if parent is None:
            return
        previous = span.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = ((parent.text or "") + tail) if (parent.text or "").strip() else tail
        parent.remove(span)
        return


def _clean(container: HtmlElement, base: str) -> None:
    """No ids, no permalinks, headings below the page's own, links that work from any page."""
    for link in [a for a in container.iter("a") if "headerlink" in _classes(a)]:
        _remove_keeping_tail(link)
    for element in _TO_CLEAN(container):
        if element.get("id") is not None:
            del element.attrib["id"]
        level = _heading_level(element)
        if level and level < _LOWEST_HEADING:
            element.tag = f"h{_LOWEST_HEADING}"
        if base:
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None:
                    element.set(attribute, _from_root(value, base))


def _remove_keeping_tail(element: HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _from_root(url: str, base: str) -> str:
    """``url``, relative to the page at ``base``, made relative to the site root and marked as such."""
    if not url or _SCHEME.match(url) or url.startswith(("/", "//")):
        return url
    if url.startswith("#"):
        return SITE_ROOT + base + url
    path, mark, rest = _split(url)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
    if joined.startswith("..") or joined == ".":
        return url if joined.startswith("..") else SITE_ROOT + mark + rest
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return SITE_ROOT + joined + mark + rest


def _split(url: str) -> tuple[str, str, str]:
    """A URL's path, and the ``?`` or ``#`` that ends it with what follows."""
    cut = min((position for position in (url.find("?"), url.find("#")) if position >= 0), default=-1)
    if cut < 0:
        return url, "", ""
    return url[:cut], url[cut], url[cut + 1 :]
