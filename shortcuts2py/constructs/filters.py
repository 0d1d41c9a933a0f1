"""The filters of Find / Filter actions (``WFContentPredicateTableTemplate``) <-> ``where(...)``.

===========================================================  =======================================
plist                                                        code
===========================================================  =======================================
a filter: every rule must hold (prefix 1)                    where(rule, rule, ...)
... any rule (prefix 0)                                      where(rule, rule, any=True)
WFContentPredicateBoundedDate False / True / absent          (nothing) / bounded=True / bounded=None
other keys of the filter (WFContentItemLimitNumber...)       where(..., WFContentItemLimitNumber=5)
rules holding their operands directly (no ``Values``)        where(..., flat=True)
a rule {Property, Operator, Values: {String|Bool|...}}       prop("Name") == "x", "x" in prop("Name"),
                                                             prop("Name").startswith("x"),
                                                             prop("Size") > 5, prop("Is Flagged") == True
a choice (Enumeration, a WFStringSubstitutableState)         prop("Calendar") == option("Work"),
                                                             prop("List") == option(name)
a Bool inside a WFBooleanSubstitutableState                  prop("Is Completed") == option(False)
a state holding anything else (a number, a list)             prop("List", Enumeration=option(5)) == None
a date variable (Date), with a property named "... Date"     prop("Due Date") < today
the rule's other keys (Unit, VariableOverrides, leftover     prop("Name", Unit=4) == "x",
operands the app keeps, Removable=False / absent)            prop("Name", Removable=None) == "x"
===========================================================  =======================================

A rule is removable (``Removable: True``) unless it says otherwise.  Where a
keyword of ``prop()`` goes back to is decided by its name: ``VariableOverrides``,
``Bounded``... stand beside the rule's ``Values``, anything else among them.
Exact because a filter with any rule of another shape (date operators,
operands the table above does not list) keeps its dict shape.
"""

from __future__ import annotations

import ast
import re

from .. import ir
from ..names import is_keyword_argument
from ..writer import nodes
from . import values

TAG = "WFContentPredicateTableTemplate"
FUNCTION, PROPERTY, CHOICE = "where", "prop", "option"
PREFIX, TEMPLATES, BOUNDED = "WFActionParameterFilterPrefix", "WFActionParameterFilterTemplates", "WFContentPredicateBoundedDate"
STRING_STATE, BOOLEAN_STATE = "WFStringSubstitutableState", "WFBooleanSubstitutableState"
_OPERATORS = {4: "==", 5: "!=", 0: "<", 1: "<=", 2: ">", 3: ">=", 99: "in", 999: "not in"}
_METHODS = {8: "startswith", 9: "endswith"}
_CODES = {operator: code for code, operator in _OPERATORS.items()}
_TEXT_OPERATORS = {4, 5, 99, 999, 8, 9}
_COMPARISONS = {4, 5, 0, 1, 2, 3}
BETWEEN, IS_TODAY = 1003, 1002
_SPANS = {1000: "in_next", 1001: "in_last"}
_SPAN_CODES = {name: code for code, name in _SPANS.items()}
# The substitutable state each operand key is wrapped in when the app lets it take a variable.
_STATES = {
    "Enumeration": STRING_STATE,
    "Bool": BOOLEAN_STATE,
    "Date": "WFDateSubstitutableState",
    "AnotherDate": "WFDateSubstitutableState",
    "Unit": "WFCalendarUnitSubstitutableState",
    "Number": "WFNumberStringSubstitutableState",
}
# NSCalendarUnit values of the spans "in the next / last N ...".
_UNIT_NAMES = {4: "years", 8: "months", 16: "days", 32: "hours", 64: "minutes", 128: "seconds", 8192: "weeks"}
_UNIT_CODES = {name: code for code, name in _UNIT_NAMES.items()}
_DATE_PROPERTY = re.compile(r"\bDate\b")
_RULE_FIELDS = ("Operator", "Property", "Values", "Removable")
_WHERE_KEYWORDS = ("any", "prefix", "bounded", "flat")
# Keys that stand beside a rule's Values rather than among them.
_RULE_KEYS = frozenset({"VariableOverrides", "Bounded", "WFCondition", "WFInput"})


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
    flat = _flat_rules(templates.items)
    if flat is None:
        return None
    args = []
    for template in templates.items:
        rule = _lower_rule(ctx, template, flat)
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
    if flat:
        args.append(nodes.Arg(nodes.Name("True"), "flat"))
    for key, item in table.items:
        if key in (PREFIX, TEMPLATES, BOUNDED):
            continue
        if not is_keyword_argument(key) or key in _WHERE_KEYWORDS:
            return None
        args.append(nodes.Arg(values.lower(ctx, item), key))
    return nodes.Call(nodes.Name(FUNCTION), args)


def _flat_rules(templates: list) -> bool | None:
    """True when no rule has a ``Values`` dict (the operands sit in the rule), False when
    every rule has one, None when they disagree (the general form keeps that)."""
    kinds = {isinstance(t, ir.DictValue) and any(key == "Values" for key, _ in t.items) for t in templates}
    return None if len(kinds) > 1 else kinds != {True} and bool(templates)


def _lower_rule(ctx, template, flat: bool) -> nodes.Expr | None:
    if not isinstance(template, ir.DictValue):
        return None
    fields = dict(template.items)
    operator, name = fields.get("Operator"), fields.get("Property")
    if len(fields) != len(template.items) or not ir.is_str_literal(name):
        return None
    if not (isinstance(operator, ir.Literal) and type(operator.value) is int):
        return None
    if flat:
        operands = [(key, value) for key, value in template.items if key not in _RULE_FIELDS]
        beside = []
    else:
        if not isinstance(fields["Values"], ir.DictValue):
            return None
        operands = fields["Values"].items
        beside = [(key, value) for key, value in template.items if key not in _RULE_FIELDS]
        if any(key in _RULE_KEYS for key, _ in operands) or any(key not in _RULE_KEYS for key, _ in beside):
            return None  # the key's name would send it back to the other place
    keywords = []
    found = _test(ctx, operator.value, dict(operands), _DATE_PROPERTY.search(name.value) is not None)
    if found is None:
        return None
    used, build = found
    for key, value in [*(item for item in operands if item[0] not in used), *beside]:
        if not is_keyword_argument(key) or key == "Removable":
            return None
        keywords.append(nodes.Arg(_lower_operand(ctx, key, value), key))
    removable = fields.get("Removable", ir.ABSENT)
    if removable is ir.ABSENT:
        keywords.append(nodes.Arg(nodes.Name("None"), "Removable"))
    elif not (isinstance(removable, ir.Literal) and removable.value is True):
        keywords.append(nodes.Arg(values.lower(ctx, removable), "Removable"))
    subject = nodes.Call(nodes.Name(PROPERTY), [nodes.Arg(values.string(name.value)), *keywords])
    return build(subject)


def _test(ctx, code: int, operands: dict, date_property: bool):
    """The operand keys a rule tests and a function building its test from the subject."""
    if code == BETWEEN:
        if "Date" not in operands or "AnotherDate" not in operands:
            return None
        low, high = (_lower_operand(ctx, key, operands[key]) for key in ("Date", "AnotherDate"))
        return {"Date", "AnotherDate"}, lambda subject: nodes.Compare(low, [("<=", subject), ("<=", high)])
    if code == IS_TODAY:
        return set(), lambda subject: nodes.Call(nodes.Attribute(subject, "is_today"), [])
    if code in _SPANS:
        if "Number" not in operands or "Unit" not in operands:
            return None
        count = _lower_operand(ctx, "Number", operands["Number"])
        unit = _lower_unit(ctx, operands["Unit"])
        if unit is None:
            return None
        call = lambda subject: nodes.Call(nodes.Attribute(subject, _SPANS[code]), [nodes.Arg(count), nodes.Arg(unit)])
        return {"Number", "Unit"}, call
    if code not in _OPERATORS and code not in _METHODS:
        return None
    for key in ("String", "Enumeration", "Bool", "Number", "Date"):
        operand = _lower_test_operand(ctx, key, operands[key], code, date_property) if key in operands else None
        if operand is None:
            continue
        if code in _METHODS:
            return {key}, lambda subject: nodes.Call(nodes.Attribute(subject, _METHODS[code]), [nodes.Arg(operand)])
        return {key}, lambda subject: _compare(subject, _OPERATORS[code], operand)
    if code in _OPERATORS:  # no operand the test can read: every key stays in prop()
        return set(), lambda subject: _compare(subject, _OPERATORS[code], nodes.Name("None"))
    return None


def _compare(subject: nodes.Expr, operator: str, operand: nodes.Expr) -> nodes.Compare:
    if operator in ("in", "not in"):
        return nodes.Compare(operand, [(operator, subject)])
    return nodes.Compare(subject, [(operator, operand)])


def _lower_test_operand(ctx, key: str, value, code: int, date_property: bool = False) -> nodes.Expr | None:
    """The operand of a comparison or text method, None where its form would not read back."""
    if key == "String":
        if code in _TEXT_OPERATORS and (ir.is_str_literal(value) or isinstance(value, ir.TokenString)):
            return values.lower(ctx, value)
        return None
    if code not in _COMPARISONS:
        return None
    if key == "Date":  # a date variable, with a property whose name says it is a date
        return values.lower(ctx, value) if isinstance(value, ir.TokenAttachment) and date_property else None
    if key == "Number":
        return values.lower_scalar(value.value) if _is_number(value) else None
    if key == "Bool" and isinstance(value, ir.Literal) and type(value.value) is bool:
        return values.lower_scalar(value.value)
    if code in (4, 5) and _choice_key(_tagged(value, _STATES[key])) == key:
        return _lower_operand(ctx, key, value)  # option(...) says which key it fills
    return None


def _choice_key(inner) -> str | None:
    """The key ``== option(inner)`` fills when compiled (_parse_choice): Bool for a bool,
    Enumeration for text or a variable; None for anything else (a number, a list...),
    which stays a keyword of prop()."""
    if isinstance(inner, ir.Literal) and type(inner.value) is bool:
        return "Bool"
    if ir.is_str_literal(inner) or isinstance(inner, ir.TokenAttachment):
        return "Enumeration"
    return None


def _lower_operand(ctx, key: str, value) -> nodes.Expr:
    """Any operand; one in the substitutable state its key uses is option(inner)."""
    inner = _tagged(value, _STATES.get(key, ""))
    if isinstance(inner, ir.TokenAttachment) or _plain(inner):
        return nodes.Call(nodes.Name(CHOICE), [nodes.Arg(values.lower(ctx, inner))])
    return values.lower(ctx, value)


def _plain(value) -> bool:
    return isinstance(value, ir.Literal) and type(value.value) in (str, bool, int, float)


def _lower_unit(ctx, value) -> nodes.Expr | None:
    if isinstance(value, ir.Literal) and value.value in _UNIT_CODES:
        return None  # a unit written as text would read back as its number
    if isinstance(value, ir.Literal) and type(value.value) is int and value.value in _UNIT_NAMES:
        return values.string(_UNIT_NAMES[value.value])
    return _lower_operand(ctx, "Unit", value)


def _is_number(value) -> bool:
    return isinstance(value, ir.Literal) and type(value.value) in (int, float)


def _tagged(value, tag: str):
    from .dictionaries import _tagged as tagged

    return tagged(value, tag)


# --- parse -----------------------------------------------------------------------------


def parse(ctx, call: ast.Call) -> ir.DictValue:
    prefix: object = ir.Literal(1)
    bounded: object = ir.Literal(False)
    flat = False
    extra = []
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg in ("any", "flat"):
            if not (isinstance(value, ast.Constant) and type(value.value) is bool):
                raise ctx.error(keyword, f"found {keyword.arg}= that is not True or False")
            if keyword.arg == "any":
                prefix = ir.Literal(0 if value.value else 1)
            else:
                flat = value.value
        elif keyword.arg == "prefix":
            prefix = values.parse(ctx, value)
        elif keyword.arg == "bounded":
            bounded = ir.ABSENT if isinstance(value, ast.Constant) and value.value is None else values.parse(ctx, value)
        elif keyword.arg is None:
            raise ctx.error(keyword, "found ** in where(), expected Key=value")
        else:
            extra.append((keyword.arg, values.parse(ctx, value)))
    templates = [_parse_rule(ctx, arg, flat) for arg in call.args]
    table = [(PREFIX, prefix), (TEMPLATES, ir.ListValue(templates))]
    if bounded is not ir.ABSENT:
        table.append((BOUNDED, bounded))
    table.extend(extra)
    return ir.DictValue([("Value", ir.DictValue(table)), ("WFSerializationType", ir.Literal(TAG))])


def _parse_rule(ctx, node: ast.expr, flat: bool) -> ir.DictValue:
    subject, code, operands = _parse_test(ctx, node)
    name = _property_name(ctx, subject)
    beside = []
    removable: object = ir.Literal(True)
    for keyword in subject.keywords:
        if keyword.arg is None:
            raise ctx.error(keyword, "found ** in prop(), expected Key=value")
        value = keyword.value
        if keyword.arg == "Removable":
            removable = ir.ABSENT if isinstance(value, ast.Constant) and value.value is None else values.parse(ctx, value)
        elif keyword.arg in _RULE_KEYS and not flat:
            beside.append((keyword.arg, values.parse(ctx, value)))
        else:
            operands.append((keyword.arg, _parse_operand(ctx, keyword.arg, value)))
    rule = [("Operator", ir.Literal(code)), ("Property", ir.Literal(name))]
    if removable is not ir.ABSENT:
        rule.append(("Removable", removable))
    if flat:
        return ir.DictValue(rule + operands)
    return ir.DictValue([*rule, ("Values", ir.DictValue(operands)), *beside])


def _parse_test(ctx, node: ast.expr) -> tuple[ast.expr, int, list]:
    """The prop() call of a rule, its operator code and the operands its test gives."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _parse_method(ctx, node)
    if isinstance(node, ast.Compare) and len(node.ops) == 2 and all(isinstance(op, ast.LtE) for op in node.ops):
        low, subject, high = node.left, *node.comparators
        return subject, BETWEEN, [("Date", _parse_operand(ctx, "Date", low)), ("AnotherDate", _parse_operand(ctx, "AnotherDate", high))]
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1):
        raise ctx.error(node, "found a rule that is not a comparison of prop(\"Name\"), expected e.g. prop(\"Name\") == \"x\"")
    from .conditions import _AST_OPERATORS

    operator = _AST_OPERATORS.get(type(node.ops[0]))
    if operator is None:
        raise ctx.error(node, "found `is` in a rule, expected == or !=")
    subject, right = node.left, node.comparators[0]
    if operator in ("in", "not in"):
        subject, right = right, subject
    code = _CODES[operator]
    if isinstance(right, ast.Constant) and right.value is None:
        return subject, code, []
    if isinstance(right, ast.Constant) and type(right.value) is bool:
        return subject, code, [("Bool", ir.Literal(right.value))]
    if _is_choice(right):
        return subject, code, [_parse_choice(ctx, right)]
    if values.is_number_literal(right) or isinstance(right, ast.UnaryOp) and isinstance(right.op, ast.USub):
        return subject, code, [("Number", values.parse(ctx, right))]
    if _is_date_property(subject) and not isinstance(right, (ast.Constant, ast.JoinedStr)):
        return subject, code, [("Date", values.parse(ctx, right))]  # a date variable
    value = values.parse(ctx, right)
    if isinstance(value, ir.TokenAttachment):  # text to compare with: the variable's text
        value = ir.TokenString([value.attachment])
    return subject, code, [("String", value)]


def _is_date_property(subject: ast.expr) -> bool:
    """Whether a rule's property is a date (Creation Date, Due Date...): a variable
    compared with it is a date, not text."""
    name = subject.args[0] if isinstance(subject, ast.Call) and subject.args else None
    return isinstance(name, ast.Constant) and isinstance(name.value, str) and _DATE_PROPERTY.search(name.value) is not None


def _parse_method(ctx, node: ast.Call) -> tuple[ast.expr, int, list]:
    """prop(...).startswith(text) / .endswith(text) / .is_today() / .in_next(n, unit) / .in_last(n, unit)."""
    method, subject = node.func.attr, node.func.value
    if method in ("startswith", "endswith"):
        if len(node.args) != 1 or node.keywords:
            raise ctx.error(node, f"found {method}() without one text, expected {method}(\"text\")")
        return subject, 8 if method == "startswith" else 9, [("String", values.parse(ctx, node.args[0]))]
    if method == "is_today" and not node.args and not node.keywords:
        return subject, IS_TODAY, []
    if method in _SPAN_CODES and len(node.args) == 2 and not node.keywords:
        count, unit = node.args
        return subject, _SPAN_CODES[method], [("Number", _parse_operand(ctx, "Number", count)), ("Unit", _parse_unit(ctx, unit))]
    raise ctx.error(
        node,
        f"found .{method}() in a rule, expected startswith(text), endswith(text), is_today(), "
        "in_next(n, \"days\") or in_last(n, \"days\")",
    )


def _parse_unit(ctx, node: ast.expr) -> ir.Value:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value not in _UNIT_CODES:
            raise ctx.error(node, f"found the unit {node.value!r}, expected one of {', '.join(map(repr, _UNIT_CODES))}")
        return ir.Literal(_UNIT_CODES[node.value])
    return _parse_operand(ctx, "Unit", node)


def _is_choice(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == CHOICE


def _parse_choice(ctx, node: ast.Call) -> tuple:
    """The operand of ``== option(x)``: a choice (text or a variable) or a Bool in its state."""
    argument = _choice_argument(ctx, node)
    if isinstance(argument, ast.Constant) and type(argument.value) is bool:
        return "Bool", _state(BOOLEAN_STATE, ir.Literal(argument.value))
    if isinstance(argument, ast.Constant) and not isinstance(argument.value, str):
        raise ctx.error(argument, "found option() of a number, expected option(\"value\"), option(True) or option(name)")
    return "Enumeration", _state(STRING_STATE, values.parse(ctx, argument))


def _parse_operand(ctx, key: str, node: ast.expr) -> ir.Value:
    if _is_choice(node) and key in _STATES:
        return _state(_STATES[key], values.parse(ctx, _choice_argument(ctx, node)))
    return values.parse(ctx, node)


def _choice_argument(ctx, node: ast.Call) -> ast.expr:
    if len(node.args) != 1 or node.keywords:
        raise ctx.error(node, "found option() without one value, expected option(\"value\") or option(name)")
    return node.args[0]


def _state(tag: str, value) -> ir.DictValue:
    return ir.DictValue([("Value", value), ("WFSerializationType", ir.Literal(tag))])


def _property_name(ctx, node: ast.expr) -> str:
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
