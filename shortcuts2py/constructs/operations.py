"""Python's own text and list operations -> the actions that perform them.

=========================================  ==============================================
code                                       plist (the action, placed before the statement)
=========================================  ==============================================
name.upper() / .lower()                    Change Case: UPPERCASE / lowercase
name.title()                               Change Case: Capitalize Every Word
name.strip()                               Trim Whitespace
name.replace("a", "b")                     Replace Text (plain text, case sensitive)
name.split(",")                            Split Text: Custom ","
name.split(" ") / .split("\\n")             Split Text: Spaces / New Lines
", ".join(items)                           Combine Text: Custom ", " (" " / "\\n": Spaces /
                                           New Lines)
items[0], items[-1], items[2]              Get Item from List: First Item, Last Item,
                                           Item At Index 3 (the app counts from 1)
d.get("key")                               Get Dictionary Value: the value for "key" (none
                                           when the key is missing, as None in Python)
d.keys() / d.values()                      Get Dictionary Value: All Keys / All Values
=========================================  ==============================================

These are the forms a Python programmer writes first; each means here what it
means in Python.  Compiling only: decompiled code names the action
(``text_changecase(WFCaseType="UPPERCASE", text=name)``), which says the same.
Forms whose Python meaning no action has (``split()`` on any whitespace, a
slice) are refused with what to write instead.  The text operated on may be a
variable, a string or an f-string (``"a,b".split(",")``).

Nothing to round-trip: these forms are read only, each into the action whose
result Python would compute (the table), and the code the decompiler writes for
that action is the call.
"""

from __future__ import annotations

import ast

from .. import ir

CHANGE_CASE, TRIM = "is.workflow.actions.text.changecase", "is.workflow.actions.text.trimwhitespace"
REPLACE, SPLIT = "is.workflow.actions.text.replace", "is.workflow.actions.text.split"
COMBINE = "is.workflow.actions.text.combine"
ITEM = "is.workflow.actions.getitemfromlist"
DICTIONARY_VALUE = "is.workflow.actions.getvalueforkey"
_CASES = {"upper": "UPPERCASE", "lower": "lowercase", "title": "Capitalize Every Word"}
_SEPARATORS = {" ": "Spaces", "\n": "New Lines"}
_DICTIONARY_VIEWS = {"keys": "All Keys", "values": "All Values"}
METHODS = frozenset({*_CASES, "strip", "replace", "split", "join", "get", *_DICTIONARY_VIEWS})


def matches(node: ast.expr) -> bool:
    """Whether ``node`` is one of the operations above."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in METHODS:
        return True
    return isinstance(node, ast.Subscript) and _is_index(node.slice)


def parse(ctx, node: ast.expr) -> ir.Action:
    """The action that performs the operation ``node``."""
    origin = ctx.origin(node)
    if isinstance(node, ast.Subscript):
        return ir.Action(ITEM, _item_params(ctx, node), origin=origin)
    method, args = node.func.attr, node.args
    if node.keywords:
        raise ctx.error(node, f"found .{method}() with keywords, which no action takes")
    if method == "get" or method in _DICTIONARY_VIEWS:
        return ir.Action(DICTIONARY_VALUE, _dictionary_params(ctx, node), origin=origin)
    if method == "join":
        _arguments(ctx, node, 1)
        items = list_argument(ctx, args[0])
        return ir.Action(COMBINE, [*_separator_params(ctx, node.func.value), ("text", items)], origin=origin)
    text = _text_argument(ctx, node.func.value)
    if method in _CASES:
        _arguments(ctx, node, 0)
        return ir.Action(CHANGE_CASE, [("WFCaseType", ir.Literal(_CASES[method])), ("text", text)], origin=origin)
    if method == "strip":
        _arguments(ctx, node, 0, "strip() of given characters has no action; Trim Whitespace is .strip()")
        return ir.Action(TRIM, [("WFInput", text)], origin=origin)
    if method == "replace":
        _arguments(ctx, node, 2, "replace() with a count has no action; write .replace(old, new)")
        find, replace = (_text_argument(ctx, arg) for arg in args)
        params = [("WFReplaceTextFind", find), ("WFReplaceTextReplace", replace), ("WFInput", text)]
        return ir.Action(REPLACE, params, origin=origin)
    _arguments(ctx, node, 1, "split() without a separator splits on any run of whitespace, which Split Text cannot; "
               "write .split(\" \") or .split(\"\\n\")")
    return ir.Action(SPLIT, [*_separator_params(ctx, args[0]), ("text", text)], origin=origin)


def list_argument(ctx, node: ast.expr) -> ir.TokenAttachment:
    """The list an action works on, as a variable: a list written out is made by a List action first."""
    from . import value_actions, variables

    if isinstance(node, ast.List):
        return value_actions.made_first(ctx, node)
    return ir.TokenAttachment(variables.parse(ctx, node))


def _dictionary_params(ctx, node: ast.Call) -> list:
    """``d.get("key")``, ``d.keys()``, ``d.values()``: the keys the app writes for each."""
    from . import variables

    source = ("WFInput", ir.TokenAttachment(variables.parse(ctx, node.func.value)))
    method = node.func.attr
    if method in _DICTIONARY_VIEWS:
        _arguments(ctx, node, 0)
        return [("WFGetDictionaryValueType", ir.Literal(_DICTIONARY_VIEWS[method])), source]
    _arguments(ctx, node, 1, "Get Dictionary Value has no default: test the value with `if` and set one")
    return [("WFDictionaryKey", _text_argument(ctx, node.args[0])), source]


def _separator_params(ctx, separator: ast.expr) -> list:
    """Split and Combine Text name a space and a line break; any other separator is Custom."""
    named = _SEPARATORS.get(separator.value) if isinstance(separator, ast.Constant) and isinstance(separator.value, str) else None
    if named:
        return [("WFTextSeparator", ir.Literal(named))]
    return [("WFTextSeparator", ir.Literal("Custom")), ("WFTextCustomSeparator", _text_argument(ctx, separator))]


def _arguments(ctx, node: ast.Call, count: int, why: str | None = None) -> None:
    if len(node.args) != count or any(isinstance(arg, ast.Starred) for arg in node.args):
        raise ctx.error(node, f"found .{node.func.attr}() with {len(node.args)} arguments, expected {count}" + (f": {why}" if why else ""))


def _text(subject: ir.TokenAttachment) -> ir.TokenString:
    """A variable as the text an action works on (the app writes it as text)."""
    return ir.TokenString([subject.attachment])


def _text_argument(ctx, node: ast.expr) -> ir.Value:
    from . import values

    value = values.parse(ctx, node)
    if isinstance(value, ir.TokenAttachment):
        return ir.TokenString([value.attachment])
    if not (ir.is_str_literal(value) or isinstance(value, ir.TokenString)):
        raise ctx.error(node, "found something other than text here, expected \"text\", an f-string or a variable")
    return value


def _is_index(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int


def _item_params(ctx, node: ast.Subscript) -> list:
    """``items[0]``: Python counts from 0, the app from 1; -1 is the last item."""
    from . import variables

    from .value_actions import is_python_text

    index = node.slice
    number = -index.operand.value if isinstance(index, ast.UnaryOp) else index.value
    source = ("WFInput", ir.TokenAttachment(variables.parse(ctx, node.value)))
    if is_python_text(source[1], ctx.output_identifier):
        raise ctx.error(node, "found an index into text, where Python takes one character and Get Item from List "
                        "the whole text as one item; split it first: chars = text_split(text=..., "
                        "separator=\"Every Character\"), then chars[0]")
    if number == 0:
        return [("WFItemSpecifier", ir.Literal("First Item")), source]
    if number == -1:
        return [("WFItemSpecifier", ir.Literal("Last Item")), source]
    if number < 0:
        raise ctx.error(index, "found a negative index other than -1, which Get Item from List cannot count; "
                        "use items[-1] for the last item or a positive index")
    from .values import plist_integer

    position = plist_integer(ctx, index, number + 1)  # the app counts from 1
    return [("WFItemSpecifier", ir.Literal("Item At Index")), ("WFItemIndex", ir.Literal(position)), source]
