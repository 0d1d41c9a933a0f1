"""Plist values <-> Python literals: scalars, arrays, plain dictionaries, and
the few spellings that plist types need beyond Python's literals.

============================  =========================================
plist                         code
============================  =========================================
string, integer, real, bool   "text", 3, 2.5, True (types stay apart)
data                          b"..."
date                          date("2024-01-02T03:04:05.123456")
real nan / inf                real("nan"), real("inf"), real("-inf")
array                         [...]
dictionary                    {"key": value}
============================  =========================================

A list or dict written where real files only ever put variables (Choose from
List's input, Show Result's text) is what a Python reader means by it: the
List or Dictionary action makes it first, and the parameter takes that output.
A literal array or dictionary that a file does hold there is written
``plain_list([...])`` / ``plain_dict({...})``.

Values that stand for something more (text with variables, a variable, a
dictionary field) belong to their own constructs; ``lower`` and ``parse`` here
dispatch to them, so this module is the one entry point for any value.

Exact because: each plist type has a spelling of its own (``3``, ``3.0`` and
``"3"`` are an integer, a real and a string), a real is written in a spelling
Python reads back as the same double (its sign included), and ``date()`` keeps
the microseconds.
"""

from __future__ import annotations

import ast
import datetime
import math

from .. import ir, limits
from ..writer import nodes
from ..writer.numbers import number_text
from ..literals import bytes_source, string_source
from . import dictionaries, filters, structured, text, variables

# Functions of the language that spell plist values (never action names).
VALUE_FUNCTIONS = frozenset({"date", "real", "attachment", "group", "str", "dictionary_field", "plain_dict", "plain_list"})


# --- lower -----------------------------------------------------------------------------


def lower(ctx, value: ir.Value, param=None, key: str | None = None, identifier: str | None = None) -> nodes.Expr:
    """The code of any IR value; ``param`` is the catalog parameter it is the value of,
    ``key`` and ``identifier`` the parameter key and action it stands in (when known)."""
    kind = type(value)
    if kind is ir.Literal:
        return lower_scalar(value.value)
    if kind is ir.TokenString:
        code = text.lower(ctx, value)
        if isinstance(code, nodes.DictDisplay) and dictionaries.is_dictionary_parameter(param):
            return _call("plain_dict", [nodes.Arg(code)])  # a text in its plist shape, not a dictionary field
        return code
    if kind is ir.TokenAttachment:
        return variables.lower(ctx, value.attachment)
    if kind is ir.ListValue:
        display = nodes.ListDisplay([lower(ctx, item) for item in value.items])
        return _call("plain_list", [nodes.Arg(display)]) if takes_a_variable(param) else display
    if kind is ir.DictValue:
        special = structured.lower(ctx, value, key, identifier)
        return special if special is not None else _lower_dict(ctx, value, param)
    if kind is ir.BareAttachment:
        return _call("attachment", [nodes.Arg(variables.lower(ctx, value.attachment))])
    if kind is ir.GroupRef:
        return _call("group", [nodes.Arg(string(ctx.naming.group_label(value.group_id)))])
    raise TypeError(f"not an IR value: {value!r}")


def lower_scalar(value) -> nodes.Expr:
    if value is True or value is False:
        return nodes.Name("True" if value else "False")
    kind = type(value)
    if kind is str:
        return string(value)
    if kind is int:
        number = nodes.Number(number_text(abs(value)))
        return nodes.UnaryOp("-", number) if value < 0 else number
    if kind is float:
        if math.isnan(value) or math.isinf(value):
            return _call("real", [nodes.Arg(string(repr(value)))])
        number = nodes.Number(number_text(abs(value)))
        return nodes.UnaryOp("-", number) if math.copysign(1.0, value) < 0 else number
    if kind is bytes:
        return nodes.String.spelled(bytes_source(value))
    if kind is datetime.datetime:
        return _call("date", [nodes.Arg(string(value.isoformat()))])
    raise TypeError(f"not a plist scalar: {value!r}")


def _lower_dict(ctx, value: ir.DictValue, param) -> nodes.Expr:
    rule = filters.lower(ctx, value)
    if rule is not None:
        return rule
    in_parameter = dictionaries.is_dictionary_parameter(param)
    sugar = dictionaries.lower(ctx, value)
    if sugar is not None:
        return sugar if in_parameter else _call("dictionary_field", [nodes.Arg(sugar)])
    display = lower_plain_dict(ctx, value)
    # A dictionary parameter reads {...} as a dictionary field, one that takes a
    # variable as a Dictionary action: this one is a plain dict.
    return _call("plain_dict", [nodes.Arg(display)]) if in_parameter or takes_a_variable(param) else display


def takes_a_variable(param) -> bool:
    """Whether real files fill the parameter with variables and never with a literal
    list or dictionary: there, ``[...]`` and ``{...}`` are made by their actions."""
    seen = param.seen if param is not None else ()
    return "variable" in seen and not {"list", "object", "dictionary"} & set(seen)


def lower_plain_dict(ctx, value: ir.DictValue) -> nodes.DictDisplay:
    return nodes.DictDisplay([(string(key), lower(ctx, item)) for key, item in value.items])


def string(value: str, quote: str | None = None) -> nodes.String:
    return nodes.String(string_source(value, quote))


def _call(function: str, args: list[nodes.Arg]) -> nodes.Call:
    return nodes.Call(nodes.Name(function), args)


# --- parse -----------------------------------------------------------------------------


def parse(ctx, node: ast.expr, param=None) -> ir.Value:
    """The IR of any value expression; ``param`` as in ``lower``."""
    kind = type(node)
    if kind is ast.Constant:
        return ir.Literal(parse_constant(ctx, node))
    if kind is ast.JoinedStr:
        return text.parse_fstring(ctx, node)
    if kind is ast.List or kind is ast.Dict:
        if kind is ast.Dict and dictionaries.is_dictionary_parameter(param):
            return dictionaries.parse(ctx, node)
        if takes_a_variable(param) and not _in_plist_shape(node):
            from .value_actions import made_first

            return made_first(ctx, node)
        return ir.ListValue([parse(ctx, item) for item in node.elts]) if kind is ast.List else parse_plain_dict(ctx, node)
    if kind is ast.UnaryOp and isinstance(node.op, ast.USub) and _is_number(node.operand):
        number = -node.operand.value
        return ir.Literal(plist_integer(ctx, node, number) if type(number) is int else number)
    if kind is ast.Call and isinstance(node.func, ast.Name) and node.func.id in VALUE_FUNCTIONS:
        value = _parse_value_function(ctx, node, param)
        if value is not None:
            return value
    if kind is ast.Call and isinstance(node.func, ast.Name) and node.func.id in structured.FUNCTIONS:
        return structured.parse(ctx, node)
    if kind is ast.Call and isinstance(node.func, ast.Name) and node.func.id == filters.FUNCTION:
        return filters.parse(ctx, node)
    return ir.TokenAttachment(variables.parse(ctx, node))


def _in_plist_shape(node: ast.expr) -> bool:
    """A dict with a "WFSerializationType" key is a value written in its plist shape
    (a text no f-string can say), never a Dictionary action."""
    return isinstance(node, ast.Dict) and any(
        isinstance(key, ast.Constant) and key.value == "WFSerializationType" for key in node.keys
    )


def parse_constant(ctx, node: ast.Constant):
    value = node.value
    if value is None or value is Ellipsis:
        raise ctx.error(node, f"found {value!r}, expected a value (a string, number, bool, list or dict)")
    if isinstance(value, complex):
        raise ctx.error(node, "found a complex number, which no shortcut can hold")
    if isinstance(value, str):
        ctx.check_text(node, value)
    if type(value) is int:
        plist_integer(ctx, node, value)
    return value


def plist_integer(ctx, node: ast.expr, number: int) -> int:
    """``number``, written at ``node``, when a plist can store it as an integer.

    Refused here rather than by the plist writer, which can only name the key.
    """
    problem = limits.integer_problem(number)
    if problem is not None:
        raise ctx.error(node, problem.format(at=" written here"))
    return number


def _is_number(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def is_number_literal(node: ast.expr) -> bool:
    """A number written as itself: ``3``, ``-2.5``, or ``real("inf")``, the form
    ``lower_scalar`` gives the reals that have no literal.  A place that wants a
    number literal asks this, so every number lower writes there reads back."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _is_number(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "real":
        return True  # parse checks its argument and says what it expects
    return _is_number(node)


def parse_plain_dict(ctx, node: ast.Dict) -> ir.DictValue:
    items, seen = [], set()
    for key, value in zip(node.keys, node.values):
        if key is None:
            raise ctx.error(value, "found ** inside a dict, expected \"key\": value pairs")
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            raise ctx.error(key, "found a dictionary key that is not a string, expected \"key\"")
        if key.value in seen:
            raise ctx.error(key, f"found the key {key.value!r} twice, expected each key once")
        seen.add(key.value)
        items.append((key.value, parse(ctx, value)))
    return ir.DictValue(items)


def _parse_value_function(ctx, node: ast.Call, param) -> ir.Value | None:
    """date(), real(), attachment(), group(), str("..."), dictionary_field({...}), plain_dict({...}), plain_list([...])."""
    function = node.func.id
    if function == "str":
        return text.parse_str_call(ctx, node)  # None when it is a coercion of a variable
    argument = single_argument(ctx, node, function)
    if function == "date":
        return ir.Literal(_date(ctx, node, argument))
    if function == "real":
        return ir.Literal(_real(ctx, node, argument))
    if function == "attachment":
        return ir.BareAttachment(variables.parse(ctx, argument))
    if function == "group":
        label = string_argument(ctx, node, argument, function)
        return ctx.group_ref(label)
    if function == "dictionary_field":
        if not isinstance(argument, ast.Dict):
            raise ctx.error(node, "found dictionary_field() without a dict, expected dictionary_field({\"key\": value})")
        return dictionaries.parse(ctx, argument)
    if function == "plain_list":
        if not isinstance(argument, ast.List):
            raise ctx.error(node, "found plain_list() without a list, expected plain_list([...])")
        return ir.ListValue([parse(ctx, item) for item in argument.elts])
    if not isinstance(argument, ast.Dict):
        raise ctx.error(node, "found plain_dict() without a dict, expected plain_dict({\"key\": value})")
    return parse_plain_dict(ctx, argument)


def single_argument(ctx, node: ast.Call, function: str) -> ast.expr:
    if len(node.args) != 1 or node.keywords or isinstance(node.args[0], ast.Starred):
        raise ctx.error(node, f"found {function}() with other arguments, expected one argument")
    return node.args[0]


def string_argument(ctx, node: ast.Call, argument: ast.expr, function: str) -> str:
    if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
        raise ctx.error(node, f"found {function}() without a string, expected {function}(\"text\")")
    # Every such string ends up in the plist or in an id made from it (group labels):
    # refuse a lone surrogate here, where it is written, before either can fail on it.
    ctx.check_text(argument, argument.value)
    return argument.value


def _date(ctx, node: ast.Call, argument: ast.expr) -> datetime.datetime:
    if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
        raise ctx.error(node, "found date() of something other than a text here; date(\"2024-05-01T09:00:00\") is a fixed date, "
                              "and date(x) of a variable only compares x as a date in an if (if due < date(x):)")
    text_value = string_argument(ctx, node, argument, "date")
    try:
        return datetime.datetime.fromisoformat(text_value)
    except ValueError:
        raise ctx.error(node, f"found date({text_value!r}), expected an ISO 8601 date and time") from None


def _real(ctx, node: ast.Call, argument: ast.expr) -> float:
    text_value = string_argument(ctx, node, argument, "real")
    if text_value not in ("inf", "-inf", "nan"):
        raise ctx.error(node, f"found real({text_value!r}), expected real(\"inf\"), real(\"-inf\") or real(\"nan\")")
    return float(text_value)
