"""Sanitizing the HTML of pages made from notes: an allowlist, applied with nh3.

Notes arrive through pull requests from many people and are published on the
web, so raw HTML in a note must not run script on the site. The allowlist
keeps what Python-Markdown and the pymdownx extensions that Material sites use
produce (admonitions, tables with alignment, details, highlighted code with
line numbers, task lists, content tabs, footnotes, permalink anchors), the
plugin's own ``span.minutes-*`` anchors and simple inline SVG charts, and
drops everything else: scripts, styles, iframes, event handler attributes, Material's ``data-md-*``,
``javascript:`` and ``data:`` URLs, and style properties beyond text alignment.

``reading.checks.unsafe_html`` reports, line by line, the raw HTML of a note
that this sanitizer will remove.
"""

from __future__ import annotations

import nh3

# Tags beyond nh3's defaults: task lists and tabs (input, label), and the shapes of simple SVG charts.
_EXTRA_TAGS = frozenset({"input", "label", "svg", "g", "rect", "line", "path", "circle", "polyline", "text", "title"})
TAGS = frozenset(nh3.ALLOWED_TAGS) | _EXTRA_TAGS

# Removed with their content, not only their tags: their text is code or a fallback, never prose.
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template"})

_GEOMETRY = {"x", "y", "width", "height", "fill", "stroke", "stroke-width", "transform", "opacity"}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(allowed) for tag, allowed in nh3.ALLOWED_ATTRIBUTES.items()},
    # Anchors (permalinks, footnotes, attr_list ids), classes of extensions, tooltips.
    "*": {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden"},
    "a": {"href", "hreflang", "name", "rel"},
    "img": {"src", "alt", "width", "height", "align", "loading"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    "ol": {"start", "type"},
    "li": {"value"},
    "th": {*nh3.ALLOWED_ATTRIBUTES["th"], "style"},
    "td": {*nh3.ALLOWED_ATTRIBUTES["td"], "style"},
    "time": {"datetime"},
    "svg": {"viewbox", "viewBox", "width", "height", "fill", "preserveAspectRatio", "xmlns", "focusable"},
    "g": _GEOMETRY,
    "rect": {*_GEOMETRY, "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width"},
    "circle": {"cx", "cy", "r", "fill", "stroke"},
    "polyline": {"points", "fill", "stroke", "stroke-width"},
    "text": {"x", "y", "font-size", "text-anchor", "fill"},
}
# ``data-`` attributes carry the plugin's filters (series, year, topics, people), Material's search
# exclusion and content tabs; Material's own ``data-md-*`` switches are not a note's to set.
DATA_PREFIX = "data-"


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    return None if attribute.startswith("data-md-") else value


# Task lists are checkboxes and tabs are radio buttons; no other input.
TAG_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
# Tables write their alignment as a style; nothing else of a style survives.
STYLE_PROPERTIES = frozenset({"text-align"})


def sanitize_html(html: str) -> str:
    """``html`` with only allowlisted tags, attributes and URL schemes left."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={DATA_PREFIX},
        attribute_filter=_attribute,
        tag_attribute_values=TAG_ATTRIBUTE_VALUES,
        filter_style_properties=set(STYLE_PROPERTIES),
        url_schemes=set(nh3.ALLOWED_URL_SCHEMES),
        link_rel=None,  # links keep their own rel; nh3 would add one to every link
        strip_comments=True,
    )
