"""The site, the core's last step; no MkDocs here.

``build.build_pages`` makes every page the plugin adds as a ``pages.PageSpec``: its path, kind, template
and the structured data its template renders (``pages``: meetings, running logs, the people index, the
archive, the home page; ``person_pages``: a person's pages of reports; ``record_pages``: decisions, action
items, topics, references, a module each (``decision_pages``, ``action_pages``, ``topic_pages``,
``reference_pages``, sharing ``record_items``); ``paging``: the cutting of a long list into pages under a weight budget;
``charts``: the bars of a chart). ``fragments`` cuts the rendered text of an
entry, decision or action item out of its meeting page, for the pages that show it. Beside the pages:
``feeds`` (Atom, and ``calendar``'s iCalendar), ``minutes_json`` (``minutes.json``), ``words`` (the
templates' words for feeds and search) and ``sanitize`` (the HTML allowlist).
"""
