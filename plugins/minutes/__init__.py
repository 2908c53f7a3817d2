"""Minutes: a static site generator for meeting minutes, as a MkDocs plugin.

The core (``source``, ``front_matter``, ``dates``, ``meetings``,
``attribution``, ``index``, ``pages``, ``export``) imports nothing from
MkDocs; ``plugin`` and ``config`` are the MkDocs adapter.
"""

__version__ = "0.1.0"
