"""The pages of decisions, action items, topics and references, in one call; no MkDocs here.

Produces every record page's ``PageSpec``, from a module per kind: ``decision_pages`` (the decisions log),
``action_pages`` (the action items), ``topic_pages`` (the topics' index and each topic's pages) and
``reference_pages`` (the issues and pull requests cited). They share ``record_items`` (a decision and an
action item as every page lists them, and their filters) and ``paging`` (a long list cut into pages).
"""

from __future__ import annotations

from ..index import Archive
from .action_pages import actions_pages
from .decision_pages import decisions_pages
from .pages import PageSpec
from .reference_pages import references_pages
from .topic_pages import every_topic_pages, topics_index


def record_pages(archive: Archive) -> list[PageSpec]:
    """The decisions log, the action items, the topics and the references."""
    return [
        *decisions_pages(archive),
        *actions_pages(archive),
        topics_index(archive),
        *references_pages(archive),
        *every_topic_pages(archive),
    ]
