"""Comment actions <-> ``#`` lines.

A Comment action whose text survives as comment lines is written as them, one
line per line of text (an empty line as a bare ``#``).  Consecutive comment
lines at one indentation are one action; a blank line (or any code) between
two runs makes them two.  Text that comment lines would change (trailing
spaces, tabs, control characters, line separators) is written as the call
``is_workflow_actions_comment(WFCommentActionText="...")`` instead.

Exact because: the text is the comment lines joined by newlines, one ``#`` and
one space removed per line, and a text those lines would not give back keeps the call.
"""

from __future__ import annotations

from .. import ir
from ..frontend import CommentRun
from ..writer import nodes

COMMENT = ir.COMMENT
TEXT_KEY = "WFCommentActionText"
# Characters a comment line cannot hold without the reader, black or an editor changing it.
_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def lower(action: ir.Action) -> nodes.CommentLines | None:
    if action.identifier != COMMENT or action.uuid is not None or len(action.params) != 1:
        return None
    key, value = action.params[0]
    if key != TEXT_KEY or not ir.is_str_literal(value):
        return None
    lines = value.value.split("\n")
    for line in lines:
        if line != line.rstrip() or any(ch in _BREAKS or (ord(ch) < 32) for ch in line):
            return None
    return nodes.CommentLines(lines)


def parse(run: CommentRun) -> ir.Action:
    text = "\n".join(run.lines)
    return ir.Action(COMMENT, [(TEXT_KEY, ir.Literal(text))], origin=ir.Origin(run.line, run.column))
