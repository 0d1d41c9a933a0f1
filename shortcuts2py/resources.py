"""Locate the data that ships beside the code: the grammar and the catalog."""

from importlib import resources
from importlib.resources.abc import Traversable


def grammar_dir() -> Traversable:
    return resources.files("shortcuts2py._grammars")


def catalog_dir() -> Traversable:
    return resources.files("shortcuts2py._catalog")
