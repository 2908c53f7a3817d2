"""The site: every page the plugin adds (``build``), the feeds, ``minutes.json``; no MkDocs here."""
