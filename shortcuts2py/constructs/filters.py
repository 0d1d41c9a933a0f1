"""The filters of Find / Filter actions (``WFContentPredicateTableTemplate``) <-> ``where(...)``.

===========================================================  =======================================
plist                                                        code
===========================================================  =======================================
a filter: every rule must hold (prefix 1)                    where(rule, rule, ...)
... any rule (prefix 0)                                      where(rule, rule, any=True)
WFContentPredicateBoundedDate False / True / absent          (nothing) / bounded=True / bounded=None
other keys of the filter (WFContentItemLimitNumber...)       where(..., WFContentItemLimitNumber=5)
a rule {Property, Operator, Values: {String|Bool|...}}       prop("Name") == "x", "x" in prop("Name"),
                                                             prop("Name").startswith("x"),
                                                             prop("Size") > 5, prop("Is Flagged") == True,
                                                             prop("Calendar") == option("Work")
its other keys (Unit, VariableOverrides, Removable=False)    with_keys(rule, Unit=4, Removable=False)
===========================================================  =======================================

A rule is removable (``Removable: True``) unless it says otherwise.  A
filter with any rule of another shape keeps its dict shape.
"""

from __future__ import annotations

import ast

from .. import ir
from ..writer import nodes
from . import values

TAG = "WFContentPredicateTableTemplate"
FUNCTION, PROPERTY, CHOICE, EXTRA = "where", "prop", "option", "with_keys"
PREFIX, TEMPLATES, BOUNDED = "WFActionParameterFilterPrefix", "WFActionParameterFilterTemplates", "WFContentPredicateBoundedDate"
_OPERATORS = {4: "==", 5: "!=", 0: "<", 1: "<=", 2: ">", 3: ">=", 99: "in", 999: "not in"}
_METHODS = {8: "startswith", 9: "endswith"}
_CODES = {operator: code for code, operator in _OPERATORS.items()}
_TEXT_OPERATORS = {4, 5, 99, 999, 8, 9}


# --- lower -----------------------------------------------------------------------------


def lower(ctx, value: ir.DictValue) -> nodes.Expr | None:
    from .dictionaries import _tagged

    table = _tagged(value, TAG)
    if not isinstance(table, ir.DictValue):
        return None
    fields = dict(table.items)
    prefix, templates = fields.get(PREFIX), fields.get(TEMPLATES)
    if len(fields) != len(table.items) or not isinstance(templates, ir.ListValue):
        return None
    if not (isinstance(prefix, ir.Literal) and type(prefix.value) is int):
        return None
    args = []
    for template in templates.items:
        rule = _lower_rule(ctx, template)
        if rule is None:
            return None
        args.append(nodes.Arg(rule))
    if prefix.value == 0:
        args.append(nodes.Arg(nodes.Name("True"), "any"))
    elif prefix.value != 1:
        args.append(nodes.Arg(values.lower_scalar(prefix.value), "prefix"))
    bounded = fields.get(BOUNDED, ir.ABSENT)
    if bounded is ir.ABSENT:
        args.append(nodes.Arg(nodes.Name("None"), "bounded"))
    elif not (isinstance(bounded, ir.Literal) and bounded.value is False):
        if not (isinstance(bounded, ir.Literal) and type(bounded.value) is bool):
            return None
        args.append(nodes.Arg(nodes.Name("True"), "bounded"))
    from ..names import is_keyword_argument

    for key, item in table.items:
        if key in (PREFIX, TEMPLATES, BOUNDED):
            continue
        if not is_keyword_argument(key) or key in ("any", "prefix", "bounded"):
            return None
        args.append(nodes.Arg(values.lower(ctx, item), key))
    return nodes.Call(nodes.Name(FUNCTION), args)


def _lower_rule(ctx, template) -> nodes.Expr | None:
    if not isinstance(template, ir.DictValue):
        return None
    fields = dict(template.items)
    operator, name, operands = fields.get("Operator"), fields.get("Property"), fields.get("Values")
    if len(fields) != len(template.items) or not ir.is_str_literal(name):
        return None
    if not (isinstance(operator, ir.Literal) and type(operator.value) is int) or not isinstance(operands, ir.DictValue):
        return None
    subject = nodes.Call(nodes.Name(PROPERTY), [nodes.Arg(values.string(name.value))])
    found = _test(ctx, operator.value, subject, dict(operands.items))
    if found is None:
        return None
    test, used = found
    extra = [(key, value) for key, value in operands.items if key not in used]
    removable = fields.get("Removable", ir.ABSENT)
    rest = [(key, value) for key, value in template.items if key not in ("Operator", "Property", "Values", "Removable")]
    # Where a keyword goes back to is decided by its name: _RULE_KEYS beside the values.
    if any(key in _RULE_KEYS or key == "Removable" for key, _ in extra) or any(key not in _RULE_KEYS for key, _ in rest):
        return None
    args = []
    from ..names import is_keyword_argument

    for key, value in extra + rest:
        if not is_keyword_argument(key):
            return None
        args.append(nodes.Arg(values.lower(ctx, value), key))
    if removable is ir.ABSENT:
        args.append(nodes.Arg(nodes.Name("None"), "Removable"))
    elif not (isinstance(removable, ir.Literal) and removable.value is True):
        args.append(nodes.Arg(values.lower(ctx, removable), "Removable"))
    return nodes.Call(nodes.Name(EXTRA), [nodes.Arg(test), *args]) if args else test


def _test(ctx, code: int, subject: nodes.Expr, operands: dict) -> tuple[nodes.Expr, set] | None:
    if "String" in operands and code in _TEXT_OPERATORS:
        text = operands["String"]
        if not (ir.is_str_literal(text) or isinstance(text, ir.TokenString)):
            return None
        operand = values.lower(ctx, text)
        if code in _METHODS:
            return nodes.Call(nodes.Attribute(subject, _METHODS[code]), [nodes.Arg(operand)]), {"String"}
        operator = _OPERATORS[code]
        if operator in ("in", "not in"):
            return nodes.Compare(operand, [(operator, subject)]), {"String"}
        return nodes.Compare(subject, [(operator, operand)]), {"String"}
    if code in (4, 5) and "Bool" in operands:
        flag = operands["Bool"]
        if isinstance(flag, ir.Literal) and type(flag.value) is bool:
            return nodes.Compare(subject, [(_OPERATORS[code], values.lower_scalar(flag.value))]), {"Bool"}
        return None
    if code in (4, 5) and "Enumeration" in operands and ir.is_str_literal(operands["Enumeration"]):
        choice = nodes.Call(nodes.Name(CHOICE), [nodes.Arg(values.string(operands["Enumeration"].value))])
        return nodes.Compare(subject, [(_OPERATORS[code], choice)]), {"Enumeration"}
    number = operands.get("Number")
    if code in _OPERATORS and code not in (99, 999) and isinstance(number, ir.Literal) and type(number.value) in (int, float):
        return nodes.Compare(subject, [(_OPERATORS[code], values.lower_scalar(number.value))]), {"Number"}
    return None


# --- parse -----------------------------------------------------------------------------


def parse(ctx, call: ast.Call) -> ir.DictValue:
    templates = [_parse_rule(ctx, arg) for arg in call.args]
    prefix: object = ir.Literal(1)
    bounded: object = ir.Literal(False)
    extra = []
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg == "any":
            if not (isinstance(value, ast.Constant) and type(value.value) is bool):
                raise ctx.error(keyword, "found any= that is not True or False")
            prefix = ir.Literal(0 if value.value else 1)
        elif keyword.arg == "prefix":
            prefix = values.parse(ctx, value)
        elif keyword.arg == "bounded":
            bounded = ir.ABSENT if isinstance(value, ast.Constant) and value.value is None else values.parse(ctx, value)
        elif keyword.arg is None:
            raise ctx.error(keyword, "found ** in where(), expected Key=value")
        else:
            extra.append((keyword.arg, values.parse(ctx, value)))
    table = [(PREFIX, prefix), (TEMPLATES, ir.ListValue(templates))]
    if bounded is not ir.ABSENT:
        table.append((BOUNDED, bounded))
    table.extend(extra)
    return ir.DictValue([("Value", ir.DictValue(table)), ("WFSerializationType", ir.Literal(TAG))])


def _parse_rule(ctx, node: ast.expr) -> ir.DictValue:
    keywords: list[ast.keyword] = []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == EXTRA:
        if len(node.args) != 1:
            raise ctx.error(node, "found with_keys() without one rule, expected with_keys(rule, Key=value)")
        keywords = node.keywords
        node = node.args[0]
    name, code, operands = _parse_test(ctx, node)
    removable: object = ir.Literal(True)
    beside = []
    for keyword in keywords:
        value = keyword.value
        if keyword.arg == "Removable":
            removable = ir.ABSENT if isinstance(value, ast.Constant) and value.value is None else values.parse(ctx, value)
        elif keyword.arg in _RULE_KEYS:
            beside.append((keyword.arg, values.parse(ctx, value)))
        else:
            operands.append((keyword.arg, values.parse(ctx, value)))
    rule = [("Operator", ir.Literal(code)), ("Property", ir.Literal(name))]
    if removable is not ir.ABSENT:
        rule.append(("Removable", removable))
    rule.append(("Values", ir.DictValue(operands)))
    rule.extend(beside)
    return ir.DictValue(rule)


# Keys that stand beside a rule's Values rather than among them.
_RULE_KEYS = frozenset({"VariableOverrides", "Bounded", "WFCondition", "WFInput"})


def _parse_test(ctx, node: ast.expr) -> tuple[str, int, list]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("startswith", "endswith"):
        name = _property(ctx, node.func.value)
        if len(node.args) != 1:
            raise ctx.error(node, f"found {node.func.attr}() without one text")
        code = 8 if node.func.attr == "startswith" else 9
        return name, code, [("String", values.parse(ctx, node.args[0]))]
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1):
        raise ctx.error(node, "found a rule that is not a comparison of prop(\"Name\"), expected e.g. prop(\"Name\") == \"x\"")
    from .conditions import _AST_OPERATORS

    operator = _AST_OPERATORS.get(type(node.ops[0]))
    left, right = node.left, node.comparators[0]
    if operator in ("in", "not in"):
        left, right = right, left
    if operator is None:
        raise ctx.error(node, "found `is` in a rule, expected == or !=")
    name = _property(ctx, left)
    code = _CODES[operator]
    if isinstance(right, ast.Constant) and type(right.value) is bool:
        return name, code, [("Bool", ir.Literal(right.value))]
    if isinstance(right, ast.Call) and isinstance(right.func, ast.Name) and right.func.id == CHOICE:
        text = right.args[0] if len(right.args) == 1 else None
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            raise ctx.error(right, "found option() without one string, expected option(\"value\")")
        return name, code, [("Enumeration", ir.Literal(text.value))]
    if isinstance(right, ast.Constant) and type(right.value) in (int, float) or (
        isinstance(right, ast.UnaryOp) and isinstance(right.op, ast.USub)
    ):
        return name, code, [("Number", values.parse(ctx, right))]
    return name, code, [("String", values.parse(ctx, right))]


def _property(ctx, node: ast.expr) -> str:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == PROPERTY
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    raise ctx.error(node, "found a rule about something else, expected prop(\"Property Name\")")
