"""What every construct test needs: plist fragments in, the code they read as, exactness out."""

from __future__ import annotations

import ast
import copy

from shortcuts2py import api
from shortcuts2py.compare import first_difference

from ..test_pipeline import act, attachment, check, out, root_of, tokens

__all__ = ["act", "attachment", "out", "root_of", "tokens", "exact", "compiles_to"]


def exact(root: dict, *fragments: str) -> str:
    """Decompile ``root``, require each fragment in the code, and require the code to
    compile back to exactly ``root`` (ids renamed and kept, black layout, no ids shown)."""
    code = check(copy.deepcopy(root))
    flat = _one_line(code)  # black may split a long call over lines
    for fragment in fragments:
        assert _one_line(fragment) in flat, f"{fragment!r} not in:\n{code}"
    return code


def _one_line(code: str) -> str:
    return ast.unparse(ast.parse(code))


def compiles_to(code: str, root: dict) -> None:
    """Hand-written ``code`` compiles to the actions of ``root`` (ids renamed)."""
    actions = {"WFWorkflowActions": root["WFWorkflowActions"]}
    compiled = {"WFWorkflowActions": api.compile(code)["WFWorkflowActions"]}
    difference = first_difference(actions, compiled, rename_ids=True)
    assert difference is None, difference
