"""The site's data files read as YAML (the people, topics and records files): their data, or the finding why not.

Produces a ``YamlFile``: the file's text and its data (``yaml.safe_load``, or the node tree with
``nodes=True``, whose nodes know their lines), or the one error that stops reading it, named as the site
names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .findings import Finding


@dataclass(frozen=True)
class YamlFile:
    text: str = ""
    data: Any = None  # the file's data; with ``nodes``, its root ``yaml.Node`` (None for an empty file)
    error: Finding | None = None  # why the file could not be read: then ``data`` is None


def read_yaml_file(abs_path: str, path: str, what: str, *, nodes: bool = False) -> YamlFile:
    """The YAML file at ``abs_path``; ``path`` is how findings name it and ``what`` what it is ("people file")."""
    try:
        with open(abs_path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        return YamlFile(error=Finding(path, 0, "error", f"cannot read the {what}: {error}"))
    return parse_yaml(text, path, what, nodes=nodes)


def parse_yaml(text: str, path: str, what: str, *, nodes: bool = False) -> YamlFile:
    """The YAML ``text`` of the file ``path``, as ``read_yaml_file`` reads it."""
    try:
        data = yaml.compose(text, Loader=yaml.SafeLoader) if nodes else yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(error, "problem", None) or str(error)
        return YamlFile(text, error=Finding(path, line, "error", f"the {what} is not valid YAML: {problem}"))
    return YamlFile(text, data)
