"""The actions that make a value <-> the value itself, assigned.

============================================  =========================
plist                                         code
============================================  =========================
Text "Hello" / Text with variables            text = "Hello" / f"Hi {name}"
Number 5, 2.5, or the text "5"                 number = 5, 2.5, float("5")
List of items                                 items = ["a", "b"]
Dictionary                                    dictionary = {"key": 1}
============================================  =========================

The assignment is the action's output (``_ = ...`` when the action has no
output id).  Only an action with nothing but that one value (and a custom
output name the assigned name says) takes this form, and only when no
reference reads a Shortcuts property of the output (``x.Name``), which a
plain Python value does not have.
"""

from __future__ import annotations

import ast

from .. import ir
from ..writer import nodes
from . import dictionaries, values
from .calls import IMPLICIT

TEXT = "is.workflow.actions.gettext"
NUMBER = "is.workflow.actions.number"
LIST = "is.workflow.actions.list"
DICTIONARY = "is.workflow.actions.dictionary"
KEYS = {TEXT: "WFTextActionText", NUMBER: "WFNumberActionNumber", LIST: "WFItems", DICTIONARY: "WFItems"}


def lower(ctx, action: ir.Action, *, feeds_next: bool) -> nodes.Stmt | None:
    key = KEYS.get(action.identifier)
    if key is None or (action.uuid is not None and not ctx.naming.used_as_plain_value(action.uuid)):
        return None  # a plain value has no Shortcuts properties (x.Name): keep the action's call
    omit = ctx.naming.implied_custom_name(action)
    params = [(k, v) for k, v in action.params if k != omit]
    if len(params) != 1 or params[0][0] != key:
        return None
    code = _value_code(ctx, action.identifier, params[0][1])
    if code is None:
        return None
    targets = []
    if action.uuid is not None:
        targets.append(nodes.Name(ctx.naming.output_name(action.uuid)))
        ctx.defined(action.uuid)
    if feeds_next or not targets:
        targets.append(nodes.Name(IMPLICIT))
    return nodes.Assign(targets, code)


def _value_code(ctx, identifier: str, value) -> nodes.Expr | None:
    if identifier == TEXT:
        if ir.is_str_literal(value) or isinstance(value, ir.TokenString):
            return values.lower(ctx, value)
        return None
    if identifier == NUMBER:
        if isinstance(value, ir.Literal) and type(value.value) in (int, float):
            return values.lower_scalar(value.value)
        if ir.is_str_literal(value):
            return nodes.Call(nodes.Name("float"), [nodes.Arg(values.string(value.value))])
        return None
    if identifier == LIST:
        if not isinstance(value, ir.ListValue):
            return None
        items = [dictionaries.lower_array_item(ctx, item) for item in value.items]
        return None if None in items else nodes.ListDisplay(items)
    return dictionaries.lower(ctx, value)


# --- parse -----------------------------------------------------------------------------


def is_value(node: ast.expr) -> bool:
    """Whether an assigned expression is a value that one of these actions makes."""
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.List, ast.Dict)):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("str", "float") and len(node.args) == 1:
        argument = node.args[0]
        return isinstance(argument, ast.Constant) and isinstance(argument.value, str) or isinstance(argument, ast.JoinedStr)
    return False


def parse(ctx, node: ast.expr) -> ir.Action:
    """The action that makes the value ``node``."""
    origin = ctx.origin(node)
    if isinstance(node, ast.Dict):
        return ir.Action(DICTIONARY, [(KEYS[DICTIONARY], dictionaries.parse(ctx, node))], origin=origin)
    if isinstance(node, ast.List):
        items = ir.ListValue([dictionaries.parse_array_item(ctx, item) for item in node.elts])
        return ir.Action(LIST, [(KEYS[LIST], items)], origin=origin)
    if isinstance(node, ast.Call) and node.func.id == "float":
        text = node.args[0]
        if not isinstance(text, ast.Constant):
            raise ctx.error(node, "found float() of an f-string, expected float(\"number\") or a number")
        return ir.Action(NUMBER, [(KEYS[NUMBER], ir.Literal(text.value))], origin=origin)
    value = values.parse(ctx, node)
    if isinstance(value, ir.Literal) and type(value.value) in (int, float):
        return ir.Action(NUMBER, [(KEYS[NUMBER], value)], origin=origin)
    if ir.is_str_literal(value) or isinstance(value, ir.TokenString):
        return ir.Action(TEXT, [(KEYS[TEXT], value)], origin=origin)
    raise ctx.error(node, f"found {value!r}, which no action makes, expected text, a number, a list or a dict")
