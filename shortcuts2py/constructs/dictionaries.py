"""Dictionary fields (``WFDictionaryFieldValue``) <-> Python dict literals.

The Dictionary action and the JSON, form and header bodies of Get Contents of
URL hold their items as typed rows.  In a parameter the catalog types as a
dictionary, a dict literal is such a value:

======================================================  ===================================
row (WFItemType, WFValue)                               code
======================================================  ===================================
0 text: token string                                    "text", f"{x} km", x
1 dictionary: a nested field value                      {...}
2 array: WFArrayParameterState of items                 [...]
3 number: token string of the number's text             36, 2.5, -1
4 boolean: WFNumberSubstitutableState                   True, False
3 / 4 / 2 / 1 holding one variable (2 and 1 tagged      float(x), bool(x), list(x), dict(x)
  WFArray- / WFDictionarySubstitutableParameterState)
======================================================  ===================================

Keys are token strings too (``"key"`` or ``f"{k}"``).  Inside an array the
app writes text without variables as a plain string (``"a"``) and everything
else as a typed row; ``str("a")`` is a text row without variables.

Exact because: every row keeps its type (``36`` and ``"36"`` differ), a
number is written only when its text is the literal's own spelling, a text
row holding a converted variable is written ``f"{float(x)}"``, and a
dictionary with any row of another shape is written in the general form.
Elsewhere (outside dictionary parameters) ``dictionary_field({...})`` says the same.
"""

from __future__ import annotations

import ast
import math

from .. import ir
from ..writer import nodes
from ..writer.numbers import number_text
from . import text, variables

FIELD_VALUE = "WFDictionaryFieldValue"
ARRAY_STATE = "WFArrayParameterState"
BOOLEAN_STATE = "WFNumberSubstitutableState"
TEXT, DICTIONARY, ARRAY, NUMBER, BOOLEAN = 0, 1, 2, 3, 4
# A row of these types holding one variable reads as the conversion Python would write.
_TYPE_FUNCTIONS = {NUMBER: "float", BOOLEAN: "bool", ARRAY: "list", DICTIONARY: "dict"}
_TYPE_OF_FUNCTION = {function: kind for kind, function in _TYPE_FUNCTIONS.items()}
# The tag around a row's one variable: the app's own "substitutable" states (never the
# tags of a literal list or dictionary, which a row holding a variable does not carry).
_VARIABLE_WRAPPERS = {
    BOOLEAN: BOOLEAN_STATE,
    ARRAY: "WFArraySubstitutableParameterState",
    DICTIONARY: "WFDictionarySubstitutableParameterState",
}


def is_dictionary_parameter(param) -> bool:
    return param is not None and param.type == "dictionary"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, value: ir.DictValue) -> nodes.Expr | None:
    """The dict literal of a dictionary field value, or None if a row has another shape."""
    rows = _field_rows(value)
    if rows is None:
        return None
    entries = []
    for row in rows:
        entry = _lower_row(ctx, row)
        if entry is None:
            return None
        entries.append(entry)
    return nodes.DictDisplay(entries)


def _field_rows(value) -> list | None:
    """The rows of ``{"Value": {"WFDictionaryFieldValueItems": [...]}, "WFSerializationType": ...}``."""
    inner = _tagged(value, FIELD_VALUE)
    if not isinstance(inner, ir.DictValue) or len(inner.items) != 1:
        return None
    key, rows = inner.items[0]
    if key != "WFDictionaryFieldValueItems" or not isinstance(rows, ir.ListValue):
        return None
    return rows.items


def _tagged(value, tag: str):
    """The ``Value`` of ``{"Value": ..., "WFSerializationType": tag}``, else None."""
    if not isinstance(value, ir.DictValue) or len(value.items) != 2:
        return None
    fields = dict(value.items)
    kind = fields.get("WFSerializationType")
    if "Value" not in fields or not (ir.is_str_literal(kind) and kind.value == tag):
        return None
    return fields["Value"]


def _row_fields(row, keys: tuple[str, ...]) -> dict | None:
    if not isinstance(row, ir.DictValue) or len(row.items) != len(keys):
        return None
    fields = dict(row.items)
    if set(fields) != set(keys):
        return None
    kind = fields["WFItemType"]
    if not (isinstance(kind, ir.Literal) and type(kind.value) is int):
        return None
    return fields


def _lower_row(ctx, row) -> tuple[nodes.Expr, nodes.Expr] | None:
    fields = _row_fields(row, ("WFItemType", "WFKey", "WFValue"))
    if fields is None or not isinstance(fields["WFKey"], ir.TokenString):
        return None
    key = _lower_text(ctx, fields["WFKey"], bare_variable=False)
    value = _lower_typed(ctx, fields["WFItemType"].value, fields["WFValue"], in_array=False)
    if key is None or value is None:
        return None
    return key, value


def _lower_typed(ctx, kind: int, value, in_array: bool) -> nodes.Expr | None:
    variable = _typed_variable(kind, value)
    if variable is not None:  # a number, bool, array or dictionary row holding a variable
        return nodes.Call(nodes.Name(_TYPE_FUNCTIONS[kind]), [nodes.Arg(variables.lower(ctx, variable))])
    if kind == TEXT and isinstance(value, ir.TokenString):
        if in_array and not _has_variables(value):
            return _marked_text(ctx, value)
        return _lower_text(ctx, value, bare_variable=True)
    if kind == NUMBER and isinstance(value, ir.TokenString):
        return _lower_number(ctx, value)
    if kind == BOOLEAN:
        flag = _tagged(value, BOOLEAN_STATE)
        if isinstance(flag, ir.Literal) and type(flag.value) is bool:
            return nodes.Name("True" if flag.value else "False")
        return None
    if kind == DICTIONARY:
        return lower(ctx, _tagged(value, FIELD_VALUE))
    if kind == ARRAY:
        items = _tagged(value, ARRAY_STATE)
        if not isinstance(items, ir.ListValue):
            return None
        out = []
        for item in items.items:
            code = lower_array_item(ctx, item)
            if code is None:
                return None
            out.append(code)
        return nodes.ListDisplay(out)
    return None


def _typed_variable(kind: int, value):
    """The variable a number / bool / array / dictionary row holds, else None."""
    if kind == NUMBER:
        if isinstance(value, ir.TokenString) and len(value.parts) == 1 and isinstance(value.parts[0], ir.Attachment):
            return value.parts[0]
        return None
    tag = _VARIABLE_WRAPPERS.get(kind)
    inner = _tagged(value, tag) if tag else None
    return inner.attachment if isinstance(inner, ir.TokenAttachment) else None


def lower_array_item(ctx, item) -> nodes.Expr | None:
    if ir.is_str_literal(item):
        from .values import string

        return string(item.value)
    fields = _row_fields(item, ("WFItemType", "WFValue"))
    if fields is None:
        return None
    return _lower_typed(ctx, fields["WFItemType"].value, fields["WFValue"], in_array=True)


def _has_variables(value: ir.TokenString) -> bool:
    return any(isinstance(part, ir.Attachment) for part in value.parts)


def _lower_text(ctx, value: ir.TokenString, bare_variable: bool) -> nodes.Expr | None:
    """A text row's key or value: "text", f"...", or a lone variable."""
    if not _has_variables(value):
        if value.has_ranges != ctx.empty_ranges:
            return None
        from .values import string

        return string("".join(value.parts))
    if bare_variable and len(value.parts) == 1:
        code = variables.lower(ctx, value.parts[0])
        if not (isinstance(code, nodes.Call) and isinstance(code.func, nodes.Name) and code.func.text in _TYPE_OF_FUNCTION):
            return code  # float(x), bool(x)... would read back as a row of that type: f"{...}" below
    source = text.fstring_source(ctx, value.parts)
    return nodes.String(source) if source is not None else None


def _marked_text(ctx, value: ir.TokenString) -> nodes.Expr | None:
    if value.has_ranges != ctx.empty_ranges:
        return None
    from .values import string

    return nodes.Call(nodes.Name("str"), [nodes.Arg(string("".join(value.parts)))])


def _lower_number(ctx, value: ir.TokenString) -> nodes.Expr | None:
    if _has_variables(value) or value.has_ranges != ctx.empty_ranges:
        return None
    spelled = "".join(value.parts)
    number = number_of(spelled)
    if number is None:
        return None
    literal = nodes.Number(number_text(abs(number)))
    return nodes.UnaryOp("-", literal) if spelled.startswith("-") else literal


def number_of(spelled: str) -> int | float | None:
    """The number whose literal spelling is exactly ``spelled``, else None."""
    body = spelled[1:] if spelled.startswith("-") else spelled
    if not body or not (body[0].isdigit()):
        return None
    try:
        number: int | float = int(body)
    except ValueError:
        try:
            number = float(body)
        except ValueError:
            return None
        if not math.isfinite(number):
            return None
    if number_text(number) != body or (spelled.startswith("-") and number == 0 and type(number) is int):
        return None  # "-0" would read back as 0
    return -number if spelled.startswith("-") else number


# --- parse -----------------------------------------------------------------------------


def spell_number(ctx, node: ast.expr, number: int | float) -> str:
    """The text the app keeps for the number literal ``number`` written at ``node``
    (the inverse of ``number_of``).  As text, any integer fits; infinity and NaN
    have no literal that ``number_of`` reads back, so they are refused here."""
    if isinstance(number, float) and not math.isfinite(number):
        raise ctx.error(node, "found a number that is not finite, expected a finite number")
    spelled = number_text(abs(number))
    negative = number < 0 or (isinstance(number, float) and math.copysign(1.0, number) < 0)
    return "-" + spelled if negative else spelled


def parse(ctx, node: ast.Dict) -> ir.DictValue:
    rows = []
    for key_node, value_node in zip(node.keys, node.values):
        if key_node is None:
            raise ctx.error(value_node, "found ** inside a dictionary, expected \"key\": value pairs")
        key = _parse_key(ctx, key_node)  # a key may repeat: the app keeps every row
        kind, value = _parse_typed(ctx, value_node, in_array=False)
        rows.append(ir.DictValue([("WFItemType", ir.Literal(kind)), ("WFKey", key), ("WFValue", value)]))
    return field_value(rows)


def field_value(rows: list) -> ir.DictValue:
    items = ir.DictValue([("WFDictionaryFieldValueItems", ir.ListValue(rows))])
    return ir.DictValue([("Value", items), ("WFSerializationType", ir.Literal(FIELD_VALUE))])


def _parse_key(ctx, node: ast.expr) -> ir.TokenString:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _plain_text(ctx, node, node.value)
    if isinstance(node, ast.JoinedStr):
        return text.parse_fstring(ctx, node)
    raise ctx.error(node, "found a dictionary key that is not text, expected \"key\" or f\"...\"")


def _plain_text(ctx, node, value: str) -> ir.TokenString:
    ctx.check_text(node, value)
    return ir.TokenString([value] if value else [], has_ranges=ctx.empty_ranges)


def _parse_typed(ctx, node: ast.expr, in_array: bool) -> tuple[int, object]:
    """(WFItemType, WFValue) of a dictionary or array value."""
    if isinstance(node, ast.Constant):
        value = node.value
        if value is True or value is False:
            return BOOLEAN, _tag(ir.Literal(value), BOOLEAN_STATE)
        if type(value) in (int, float):
            return NUMBER, _number_text_value(ctx, node, value)
        if isinstance(value, str):
            return TEXT, _plain_text(ctx, node, value)
        raise ctx.error(node, f"found {value!r} in a dictionary, expected text, a number, a bool, a list, a dict or a variable")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float):
        return NUMBER, _number_text_value(ctx, node, -node.operand.value)
    if isinstance(node, ast.JoinedStr):
        return TEXT, text.parse_fstring(ctx, node)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str":
        marked = text.parse_str_call(ctx, node)
        if marked is not None:
            return TEXT, marked
    if isinstance(node, ast.Dict):
        return DICTIONARY, _tag(parse(ctx, node), FIELD_VALUE)
    if _is_conversion(node):
        kind, variable = _TYPE_OF_FUNCTION[node.func.id], variables.parse(ctx, node.args[0])
        if kind == NUMBER:
            return kind, ir.TokenString([variable])
        return kind, _tag(ir.TokenAttachment(variable), _VARIABLE_WRAPPERS[kind])
    if isinstance(node, ast.List):
        return ARRAY, _tag(ir.ListValue([parse_array_item(ctx, item) for item in node.elts]), ARRAY_STATE)
    return TEXT, ir.TokenString([variables.parse(ctx, node)])


def _is_conversion(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _TYPE_OF_FUNCTION
        and len(node.args) == 1
        and not node.keywords
        and not isinstance(node.args[0], (ast.Constant, ast.Dict, ast.List, ast.JoinedStr))
    )


def parse_array_item(ctx, node: ast.expr):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        ctx.check_text(node, node.value)
        return ir.Literal(node.value)
    kind, value = _parse_typed(ctx, node, in_array=True)
    return ir.DictValue([("WFItemType", ir.Literal(kind)), ("WFValue", value)])


def _number_text_value(ctx, node, number) -> ir.TokenString:
    return ir.TokenString([spell_number(ctx, node, number)], has_ranges=ctx.empty_ranges)


def _tag(value, tag: str) -> ir.DictValue:
    return ir.DictValue([("Value", value), ("WFSerializationType", ir.Literal(tag))])
