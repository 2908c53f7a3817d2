"""The site: every page the plugin adds, as structured data for its templates (``build``, ``pages``,
``record_pages``), ``minutes.json`` (``minutes_json``), feeds and the calendar, charts, and the sanitizer
of pages made from notes. No MkDocs here: the adapter hands these to MkDocs."""
