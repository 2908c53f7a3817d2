"""Shared fixtures: real MkDocs builds of small sites in ``tmp_path``."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig

# Property tests draw the same examples on every run and have no deadline (no timing in tests), so that CI is
# red only for a change, never by luck or a busy machine; HYPOTHESIS_PROFILE=explore draws new ones (with
# MINUTES_EXAMPLES=5000, say) to hunt for bugs.
settings.register_profile("default", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent


def benchmark_module(name: str, alias: str) -> ModuleType:
    """The script ``benchmarks/<name>.py`` imported as module ``alias`` (the benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location(alias, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


SEEDS = REPO / "minutes"


@dataclass
class Site:
    """A site built in a temporary folder."""

    root: Path
    logs: list[logging.LogRecord] = field(default_factory=list)

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.site_dir / "minutes.json").read_text(encoding="utf-8"))
        return data

    def page(self, url: str) -> str:
        """The HTML of the page at the site-relative ``url`` ("people/olivier/")."""
        path = self.site_dir / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def messages(self, level: int = logging.INFO) -> list[str]:
        return [record.getMessage() for record in self.logs if record.levelno >= level]


@pytest.fixture(autouse=True)
def fresh_plugins() -> Iterator[None]:
    """Each test's builds get plugin objects of their own, as each `mkdocs` command does.

    MkDocs keeps a plugin that defines ``on_startup`` in a cache shared by the whole process, so that
    ``mkdocs serve`` reuses it across rebuilds; without this, a test that starts the plugin as under
    serve would leave it writing the search index in the background for the builds of later tests.
    """
    yield
    option = dict(MkDocsConfig._schema)["plugins"]
    assert isinstance(option, config_options.Plugins)
    option.plugin_cache.clear()


def build_sample(root: Path) -> Site:
    """The sample site (``mkdocs.yml`` and the notes of ``minutes/``), built strictly in ``root``."""
    shutil.copytree(SEEDS, root / "minutes")
    shutil.copy(SEEDS.parent / "mkdocs.yml", root / "mkdocs.yml")
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site")))
    return Site(root)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[Any]:
    """Build a site from ``{path: text or bytes}`` notes; ``config`` is merged into mkdocs.yml."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)

    def _make(
        notes: dict[str, str | bytes],
        config: dict[str, Any] | None = None,
        strict: bool = False,
        plugins: list[Any] | None = None,
        extra_yaml: str = "",
    ) -> Site:
        docs = tmp_path / "docs"
        for name, content in notes.items():
            target = docs / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        docs.mkdir(exist_ok=True)
        settings: dict[str, Any] = {
            "site_name": "Test minutes",
            "docs_dir": "docs",
            "site_dir": "site",
            "theme": {"name": "material"},
            "plugins": plugins if plugins is not None else ["search", "minutes"],
        }
        settings.update(config or {})
        # ``extra_yaml`` is appended as written: MkDocs' own tags (``!!python/name:...``) cannot be dumped.
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings) + extra_yaml, encoding="utf-8")
        handler.records.clear()
        cfg = load_config(str(tmp_path / "mkdocs.yml"), strict=strict)
        build(cfg)
        return Site(tmp_path, list(handler.records))

    yield _make
    logger.removeHandler(handler)
    logger.setLevel(previous)
