"""The test of an If <-> a Python condition.

=====================================================  =================================
If parameters (subject in WFInput)                     code
=====================================================  =================================
100 has any value / 101 does not have any value        if x:  /  if not x:
                                                       (by hand also x is not None / x is None)
4 / 5 is / is not, text (WFConditionalActionString)    x == "a", x != f"{y}", x == str("a")
4 / 5 / 0-3 with a number (WFNumberValue)              x == 3, x < 2.5, x >= y
99 / 999 contains / does not contain                   "a" in x, "a" not in x
8 / 9 begins / ends with                               x.startswith("a"), x.endswith("a")
1003 is between (WFNumberValue, WFAnotherNumber)       1 <= x <= 5
0-5 / 1003 with a date (WFDate, WFAnotherDate)         x < date(y), date(a) <= x <= date(b)
1002 is today; 1000 / 1001 in the next / last          x.is_today(), x.in_next(quantity(7, "days"))
  (WFDuration)
4 / 5 with a choice of the subject (WFEnumeration)     x == option("iOS")
4 / 5 with no operand at all                           x == None, x != None
no subject: the previous action's output, with the     _ == "a", "a" in _, _ > 3, _ < limit
  Workflow-era operators Equals, Is Greater Than,      _ > real("nan") (a plist real)
  Is Less Than, and no operator (Contains, the app's
  default; a written "Contains" is with_keys)
several conditions (WFConditions): all / any, with   a and b, a or b
  WFContentPredicateBoundedDate False as the app
  writes
=====================================================  =================================

A number operand is written only when its text is the literal's own spelling;
a bare variable operand is a number (``x == y``), text with a variable an
f-string (``x == f"{y}"``).  Keys the test does not say (the operand the app
keeps for the other input type, ``WFConditionalLegacyComparisonBehavior``, an
absent ``WFCondition``) follow in ``with_keys(test, Key=value)``, ``Key=None``
for a key that is absent.  Anything else is ``condition(Key=value, ...)``.

By hand, Python's other spellings of these tests mean the same: a chain
``0 < n < 10`` is ``n > 0 and n < 10`` (``low <= n <= high`` stays "is
between"), and a literal on the left is turned round (``3 == n`` is ``n == 3``).

Exact because: each operator stands for one ``WFCondition`` code and each operand
for the key it came from, its type said by the literal (``3`` a number, ``"3"``
a text); what a test does not say is in ``with_keys``, and a shape no test reads
keeps ``condition(...)``.
"""

from __future__ import annotations

import ast
import datetime

from .. import ir
from ..writer import nodes
from . import calls, values, variables
from .dictionaries import number_of, spell_number

# WFCondition codes that read as Python operators.
TEXT_OPERATORS = {4: "==", 5: "!=", 99: "in", 999: "not in"}
NUMBER_OPERATORS = {0: "<", 1: "<=", 2: ">", 3: ">=", 4: "==", 5: "!="}
METHOD_OPERATORS = {8: "startswith", 9: "endswith"}
HAS_VALUE, HAS_NO_VALUE, BETWEEN = 100, 101, 1003
# Operators of Workflow-era files, whose If compares its input (no WFInput).
ERA_OPERATORS = {"Equals": "==", "Contains": "in", "Is Greater Than": ">", "Is Less Than": "<"}
ERA_NAMES = {operator: name for name, operator in ERA_OPERATORS.items()}
ERA_DEFAULT = "Contains"  # the operator of an era If that names none
_CODES_TEXT = {operator: code for code, operator in TEXT_OPERATORS.items()}
_CODES_NUMBER = {operator: code for code, operator in NUMBER_OPERATORS.items()}
_AST_OPERATORS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}
TEXT_KEY, NUMBER_KEY, OTHER_NUMBER_KEY, CHOICE_KEY = (
    "WFConditionalActionString",
    "WFNumberValue",
    "WFAnotherNumber",
    "WFEnumeration",
)
DATE_KEY, OTHER_DATE_KEY, DURATION_KEY = "WFDate", "WFAnotherDate", "WFDuration"
IS_TODAY = 1002
SPAN_METHODS = {1000: "in_next", 1001: "in_last"}  # a date within a span from now
_SPAN_CODES = {method: code for code, method in SPAN_METHODS.items()}
DATE_FUNCTION = "date"  # date(x): x compared as a date; date("2024-05-01T09:00:00") a plist date
TABLE_KEY, TABLE_TAG = "WFConditions", "WFContentPredicateTableTemplate"
PREFIX_KEY, TEMPLATES_KEY = "WFActionParameterFilterPrefix", "WFActionParameterFilterTemplates"
BOUNDED_KEY = "WFContentPredicateBoundedDate"
# The language's spellings around conditions.
EXTRA_KEYS_FUNCTION, GENERAL_FUNCTION, CHOICE_FUNCTION = "with_keys", "condition", "option"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, params: list, stale: dict | None = None) -> nodes.Expr:
    """The test of an If's start action: a readable form, else ``condition(...)``.
    ``stale`` receives the plain operands the test does not read (see ifs)."""
    sugar = _lower_table(ctx, params) if len(params) == 1 and params[0][0] == TABLE_KEY else None
    if sugar is None:
        sugar = lower_single(ctx, params, stale)
    if sugar is not None:
        return sugar
    return nodes.Call(nodes.Name(GENERAL_FUNCTION), calls.keyword_args(ctx, params, None))


def lower_single(ctx, params: list, stale: dict | None = None) -> nodes.Expr | None:
    fields = dict(params)
    if len(fields) != len(params):
        return None
    subject = _subject_code(ctx, fields)
    if subject is None:
        return None
    found = _test(ctx, fields, subject)
    if found is None:
        return None
    test, used = found
    extra = [(key, value) for key, value in params if key not in used]
    if stale is not None and all(_keyword_ok(key) for key, _ in extra):
        stale.update((key, value) for key, value in extra if key != "WFCondition" and is_stale_operand(value))
        extra = [(key, value) for key, value in extra if key not in stale]
    extra.extend((key, None) for key in sorted(used) if key not in fields)
    if not extra:
        return test
    args = [nodes.Arg(test)]
    for key, value in extra:
        if not _keyword_ok(key):
            return None
        code = nodes.Name("None") if value is None else values.lower(ctx, value)
        args.append(nodes.Arg(code, key))
    return nodes.Call(nodes.Name(EXTRA_KEYS_FUNCTION), args)


def is_stale_operand(value) -> bool:
    """A key the test does not read whose value holds no variable and no id (the
    operand of a condition type the If no longer uses: a text, a number, a date, a
    span): it can stand apart from the test, since nothing in it depends on where
    it is written."""
    from ..naming import walk_value

    return not any(type(node) in _TIED_TO_PLACE for node in walk_value(value))


# Values that read a variable or point at another action: their code depends on where it stands.
_TIED_TO_PLACE = (ir.Attachment, ir.TokenAttachment, ir.BareAttachment, ir.GroupRef)


def _keyword_ok(key: str) -> bool:
    from ..names import is_keyword_argument

    return is_keyword_argument(key)


def _subject_code(ctx, fields: dict) -> nodes.Expr | None:
    subject = fields.get("WFInput", ir.ABSENT)
    if subject is ir.ABSENT:
        return nodes.Name(calls.IMPLICIT)
    attachment = subject_attachment(subject)
    return variables.lower(ctx, attachment) if attachment is not None else None


def subject_attachment(value) -> ir.Attachment | None:
    """The variable of the usual subject ``{"Type": "Variable", "Variable": x}``."""
    if not isinstance(value, ir.DictValue) or len(value.items) != 2:
        return None
    items = dict(value.items)
    kind, variable = items.get("Type"), items.get("Variable")
    if ir.is_str_literal(kind) and kind.value == "Variable" and isinstance(variable, ir.TokenAttachment):
        return variable.attachment
    return None


def _test(ctx, fields: dict, subject: nodes.Expr) -> tuple[nodes.Expr, set] | None:
    """The readable test and the keys it says (an absent key it implies counts too)."""
    code = fields.get("WFCondition", ir.ABSENT)
    implicit = "WFInput" not in fields
    if implicit:
        return _era_test(ctx, fields, subject, code)
    if not (isinstance(code, ir.Literal) and type(code.value) is int):
        return None
    code = code.value
    base = {"WFInput", "WFCondition"}
    if code == HAS_VALUE:
        return subject, base
    if code == HAS_NO_VALUE:
        return nodes.UnaryOp("not", subject), base
    if code == BETWEEN:
        low, high = _number(ctx, fields.get(NUMBER_KEY)), _number(ctx, fields.get(OTHER_NUMBER_KEY))
        keys = {NUMBER_KEY, OTHER_NUMBER_KEY}
        if low is None or high is None:
            low, high = _date(ctx, fields.get(DATE_KEY)), _date(ctx, fields.get(OTHER_DATE_KEY))
            keys = {DATE_KEY, OTHER_DATE_KEY}
        if low is None or high is None:
            return None
        return nodes.Compare(low, [("<=", subject), ("<=", high)]), base | keys
    if code == IS_TODAY:
        return nodes.Call(nodes.Attribute(subject, "is_today"), []), base
    if code in SPAN_METHODS:
        span = _duration(ctx, fields.get(DURATION_KEY))
        if span is None:
            return None
        return nodes.Call(nodes.Attribute(subject, SPAN_METHODS[code]), [nodes.Arg(span)]), base | {DURATION_KEY}
    if code in (4, 5) and CHOICE_KEY in fields and TEXT_KEY not in fields:
        choice = fields[CHOICE_KEY]
        if not ir.is_str_literal(choice):
            return None
        option = nodes.Call(nodes.Name(CHOICE_FUNCTION), [nodes.Arg(values.string(choice.value))])
        return nodes.Compare(subject, [(NUMBER_OPERATORS[code], option)]), base | {CHOICE_KEY}
    if code in METHOD_OPERATORS and TEXT_KEY in fields:
        operand = _text(ctx, fields[TEXT_KEY], bare_variable=True)
        if operand is None:
            return None
        call = nodes.Call(nodes.Attribute(subject, METHOD_OPERATORS[code]), [nodes.Arg(operand)])
        return call, base | {TEXT_KEY}
    if code in (4, 5) and not fields.keys() & {TEXT_KEY, NUMBER_KEY, CHOICE_KEY} and _date(ctx, fields.get(DATE_KEY)) is None:
        return nodes.Compare(subject, [(NUMBER_OPERATORS[code], nodes.Name("None"))]), base
    text_first = code in (4, 5, 99, 999)
    for key in (TEXT_KEY, NUMBER_KEY) if text_first else (NUMBER_KEY,):
        if key not in fields:
            continue
        if key == TEXT_KEY:
            operator = TEXT_OPERATORS.get(code)
            operand = _text(ctx, fields[key], bare_variable=code in (99, 999)) if operator else None
        else:
            operator = NUMBER_OPERATORS.get(code)
            operand = _number(ctx, fields[key]) if operator else None
        if operand is None:
            return None
        if operator in ("in", "not in"):
            return nodes.Compare(operand, [(operator, subject)]), base | {key}
        return nodes.Compare(subject, [(operator, operand)]), base | {key}
    date = _date(ctx, fields.get(DATE_KEY)) if code in NUMBER_OPERATORS else None
    if date is not None:  # neither a text nor a number operand: the date one
        return nodes.Compare(subject, [(NUMBER_OPERATORS[code], date)]), base | {DATE_KEY}
    return None


def _date(ctx, value) -> nodes.Expr | None:
    """A date operand: ``date(x)`` for a variable, ``date("...")`` for a plist date."""
    if isinstance(value, ir.TokenAttachment):
        return nodes.Call(nodes.Name(DATE_FUNCTION), [nodes.Arg(variables.lower(ctx, value.attachment))])
    if isinstance(value, ir.Literal) and type(value.value) is datetime.datetime:
        return values.lower(ctx, value)
    return None


def _duration(ctx, value) -> nodes.Expr | None:
    """The span of ``in_next``/``in_last``: ``quantity(7, "days")``."""
    from .structured import QUANTITY_TAG, lower as lower_structured

    if not isinstance(value, ir.DictValue) or dict(value.items).get("WFSerializationType") != ir.Literal(QUANTITY_TAG):
        return None
    return lower_structured(ctx, value)


def _era_test(ctx, fields: dict, subject: nodes.Expr, code) -> tuple[nodes.Expr, set] | None:
    """A Workflow-era test of the input: ``"a" in _``, ``_ == "a"``, ``_ > 3``.

    The Workflow app wrote no operator for its default, Contains (the app's
    migration of these files reads an absent operator as contains), so
    ``"a" in _`` is the If without ``WFCondition``; one that names Contains
    says so in ``with_keys(..., WFCondition="Contains")``.
    """
    if code is ir.ABSENT:
        code = ir.Literal(ERA_DEFAULT)
    if not ir.is_str_literal(code) or code.value not in ERA_OPERATORS:
        return None
    operator = ERA_OPERATORS[code.value]
    base = set() if code.value == ERA_DEFAULT else {"WFCondition"}  # a written Contains goes in with_keys
    number = fields.get(NUMBER_KEY)
    if operator in ("<", ">") and isinstance(number, ir.TokenAttachment):  # _ < limit
        return nodes.Compare(subject, [(operator, variables.lower(ctx, number.attachment))]), base | {NUMBER_KEY}
    if operator in ("<", ">") or (operator == "==" and TEXT_KEY not in fields and number is not None):
        if not (isinstance(number, ir.Literal) and type(number.value) in (int, float)):
            return None
        return nodes.Compare(subject, [(operator, values.lower_scalar(number.value))]), base | {NUMBER_KEY}
    operand = _text(ctx, fields.get(TEXT_KEY), bare_variable=operator == "in")
    if operand is None:
        return None
    if operator == "in":
        return nodes.Compare(operand, [("in", subject)]), base | {TEXT_KEY}
    return nodes.Compare(subject, [(operator, operand)]), base | {TEXT_KEY}


def _text(ctx, value, bare_variable: bool) -> nodes.Expr | None:
    """A text operand: "a", f"...", str("a"); a lone variable bare where only text fits."""
    if ir.is_str_literal(value):
        return values.string(value.value)
    if isinstance(value, ir.TokenString):
        lone = value.parts[0] if len(value.parts) == 1 else None
        if isinstance(lone, ir.Attachment):
            return variables.lower(ctx, lone) if bare_variable else _fstring_of(ctx, value)
        code = values.lower(ctx, value)
        # A text only its plist shape can say is a dict in code: no test reads one back.
        return None if isinstance(code, nodes.DictDisplay) else code
    return None


def _fstring_of(ctx, value: ir.TokenString) -> nodes.Expr | None:
    from .text import fstring_source

    source = fstring_source(ctx, value.parts)
    return nodes.String(source) if source is not None else None


def _number(ctx, value) -> nodes.Expr | None:
    """A number operand: its text as a number literal, or a variable."""
    if ir.is_str_literal(value):
        number = number_of(value.value)
        return values.lower_scalar(number) if number is not None else None
    if isinstance(value, ir.TokenAttachment):
        return variables.lower(ctx, value.attachment)
    return None


def _lower_table(ctx, params: list) -> nodes.Expr | None:
    """``a and b`` / ``a or b`` for the WFConditions form."""
    from .dictionaries import _tagged

    table = _tagged(params[0][1], TABLE_TAG)
    if not isinstance(table, ir.DictValue) or len(table.items) != 3:
        return None
    fields = dict(table.items)
    if not (isinstance(fields.get(BOUNDED_KEY), ir.Literal) and fields[BOUNDED_KEY].value is False):
        return None  # as the app writes it; other tables keep the general form
    prefix, templates = fields.get(PREFIX_KEY), fields.get(TEMPLATES_KEY)
    if not (isinstance(prefix, ir.Literal) and prefix.value in (0, 1) and type(prefix.value) is int):
        return None
    if not isinstance(templates, ir.ListValue) or len(templates.items) < 2:
        return None
    tests = []
    for template in templates.items:
        if not isinstance(template, ir.DictValue) or "WFInput" not in dict(template.items):
            return None
        test = lower_single(ctx, template.items)
        if test is None:
            return None
        tests.append(test)
    return nodes.BoolOp("and" if prefix.value == 1 else "or", tests)


# --- parse -----------------------------------------------------------------------------


def parse(ctx, test: ast.expr) -> list:
    """The parameters of an If's start action for a test."""
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == GENERAL_FUNCTION:
        if test.args:
            raise ctx.error(test.args[0], "found a positional argument in condition(), expected Key=value")
        return calls.parse_keywords(ctx, test.keywords, None, ctx.origin(test))
    test = _as_plain_comparisons(ctx, _membership_as_comparisons(test))
    if isinstance(test, ast.BoolOp):
        return _parse_table(ctx, test)
    return parse_single(ctx, test)


# By hand, Python's other spellings of the same tests (decompiled code never has them):
# a chain `0 < x < 10` is `0 < x and x < 10`, and `0 < x` is `x > 0`.
_FLIPPED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE, ast.Eq: ast.Eq, ast.NotEq: ast.NotEq}


def _as_plain_comparisons(ctx, test: ast.expr) -> ast.expr:
    """``test`` with chained comparisons as ``and`` (but ``low <= x <= high``,
    which the app tests as one: is between) and a literal on the left turned round."""
    if isinstance(test, ast.BoolOp):
        values: list[ast.expr] = []
        for value in test.values:
            value = _as_plain_comparisons(ctx, value)
            same = isinstance(value, ast.BoolOp) and type(value.op) is type(test.op)
            values.extend(value.values if same else [value])
        return ast.copy_location(ast.BoolOp(test.op, values), test)
    if not isinstance(test, ast.Compare):
        return test
    if len(test.ops) > 1 and not all(isinstance(op, ast.LtE) for op in test.ops[:2]) or len(test.ops) > 2:
        from .ifs import runs_an_action

        operands = [test.left, *test.comparators]
        for middle in operands[1:-1]:
            if runs_an_action(middle):
                raise ctx.error(middle, "found an action's call inside a chained comparison, which would run it "
                                "twice; assign its output to a name first")
        pairs = [ast.copy_location(ast.Compare(a, [op], [b]), test) for a, op, b in zip(operands, test.ops, operands[1:])]
        return ast.copy_location(ast.BoolOp(ast.And(), [_turned_round(pair) for pair in pairs]), test)
    return _turned_round(test)


def _turned_round(test: ast.Compare) -> ast.Compare:
    """``3 < x`` as ``x > 3``: the subject of an If's test goes first."""
    if len(test.ops) != 1 or type(test.ops[0]) not in _FLIPPED:
        return test
    left, right = test.left, test.comparators[0]
    if not (_is_literal(left) and not _is_literal(right)):
        return test
    return ast.copy_location(ast.Compare(right, [_FLIPPED[type(test.ops[0])]()], [left]), test)


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, (ast.Constant, ast.JoinedStr))


def _membership_as_comparisons(test: ast.expr) -> ast.expr:
    """``x in ["a", "b"]`` as ``x == "a" or x == "b"`` (``not in``: ``!=`` and ``and``),
    which is what Python tests and one If can say."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn))):
        return test
    items = test.comparators[0]
    if not isinstance(items, (ast.List, ast.Tuple)) or not items.elts:
        return test
    negated = isinstance(test.ops[0], ast.NotIn)
    operator = ast.NotEq() if negated else ast.Eq()
    tests = [ast.copy_location(ast.Compare(test.left, [operator], [item]), item) for item in items.elts]
    if len(tests) == 1:
        return tests[0]
    return ast.copy_location(ast.BoolOp(ast.And() if negated else ast.Or(), tests), test)


def parse_single(ctx, test: ast.expr) -> list:
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == EXTRA_KEYS_FUNCTION:
        if len(test.args) != 1:
            raise ctx.error(test, "found with_keys() without one test, expected with_keys(test, Key=value)")
        params = parse_single(ctx, test.args[0])
        return _apply_extra(ctx, params, test.keywords)
    subject, rest = _parse_test(ctx, test)
    return subject + rest


def _apply_extra(ctx, params: list, keywords: list[ast.keyword]) -> list:
    out = list(params)
    for keyword in keywords:
        if keyword.arg is None:
            raise ctx.error(keyword, "found ** in with_keys(), expected Key=value")
        out = [(key, value) for key, value in out if key != keyword.arg]
        if not (isinstance(keyword.value, ast.Constant) and keyword.value.value is None):
            out.append((keyword.arg, values.parse(ctx, keyword.value)))
    return out


_NEGATED = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt}


def _parse_test(ctx, test: ast.expr) -> tuple[list, list]:
    """(subject parameters, the other parameters) of one test."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = test.operand
        if isinstance(inner, ast.Compare) and len(inner.ops) == 1 and type(inner.ops[0]) in _NEGATED:
            # not (x == 3) is x != 3: the app has the opposite of each comparison
            flipped = ast.Compare(inner.left, [_NEGATED[type(inner.ops[0])]()], inner.comparators)
            return _parse_test(ctx, ast.copy_location(flipped, inner))
        is_method_test = isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in ("startswith", "endswith")
        if isinstance(inner, (ast.Compare, ast.BoolOp)) or is_method_test:
            raise ctx.error(test, "found `not` before a test the app cannot turn around; write the opposite test, or use else:")
        return _subject(ctx, test.operand), [("WFCondition", ir.Literal(HAS_NO_VALUE))]
    if isinstance(test, ast.Compare):
        return _parse_comparison(ctx, test)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in ("startswith", "endswith"):
        if len(test.args) != 1 or test.keywords:
            raise ctx.error(test, f"found {test.func.attr}() with other arguments, expected one text")
        code = 8 if test.func.attr == "startswith" else 9
        operand = _parse_text(ctx, test.args[0])
        return _subject(ctx, test.func.value), [("WFCondition", ir.Literal(code)), (TEXT_KEY, operand)]
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "is_today":
        if test.args or test.keywords:
            raise ctx.error(test, "found is_today() with arguments, expected x.is_today()")
        return _subject(ctx, test.func.value), [("WFCondition", ir.Literal(IS_TODAY))]
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in _SPAN_CODES:
        if len(test.args) != 1 or test.keywords:
            raise ctx.error(test, f"found {test.func.attr}() without one span, expected x.{test.func.attr}(quantity(7, \"days\"))")
        argument = test.args[0]
        if not (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name) and argument.func.id == "quantity"):
            raise ctx.error(argument, f"found {test.func.attr}() of something other than a span, expected x.{test.func.attr}(quantity(7, \"days\"))")
        span = values.parse(ctx, argument)
        return _subject(ctx, test.func.value), [("WFCondition", ir.Literal(_SPAN_CODES[test.func.attr])), (DURATION_KEY, span)]
    if isinstance(test, ast.Name) and test.id == calls.IMPLICIT:
        raise ctx.error(test, "found `if _:`, which the app cannot test; compare the previous output with a value")
    return _subject(ctx, test), [("WFCondition", ir.Literal(HAS_VALUE))]


def _parse_comparison(ctx, test: ast.Compare) -> tuple[list, list]:
    if len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot)):
        right = test.comparators[0]
        if not (isinstance(right, ast.Constant) and right.value is None):
            raise ctx.error(test, "found `is` in a condition, expected == or != (`is` only in `x is None`)")
        # By hand: x is None is x having no value, as `not x` says it.
        code = HAS_NO_VALUE if isinstance(test.ops[0], ast.Is) else HAS_VALUE
        return _subject(ctx, test.left), [("WFCondition", ir.Literal(code))]
    operators = [_AST_OPERATORS.get(type(op)) for op in test.ops]
    if None in operators:
        raise ctx.error(test, "found `is` in a condition, expected == or !=")
    if operators == ["<=", "<="]:
        low, middle, high = test.left, *test.comparators
        if _is_date_operand(low) and _is_date_operand(high):
            params = [("WFCondition", ir.Literal(BETWEEN)), (DATE_KEY, _parse_date(ctx, low)), (OTHER_DATE_KEY, _parse_date(ctx, high))]
        else:
            params = [("WFCondition", ir.Literal(BETWEEN)), (NUMBER_KEY, _parse_number(ctx, low)), (OTHER_NUMBER_KEY, _parse_number(ctx, high))]
        return _subject(ctx, middle), params
    if len(operators) != 1:
        raise ctx.error(test, "found a chained comparison, expected one operator, or low <= x <= high")
    operator = operators[0]
    left, right = test.left, test.comparators[0]
    if _is_date_operand(left):
        raise ctx.error(left, "found date(...) on the left of a comparison; write the variable first: x > date(y)")
    if operator in ("in", "not in"):
        subject, operand = right, left
    else:
        subject, operand = left, right
    implicit = isinstance(subject, ast.Name) and subject.id == calls.IMPLICIT
    if implicit:
        return [], _parse_era(ctx, test, operator, operand)
    if operator in ("in", "not in"):
        return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_TEXT[operator])), (TEXT_KEY, _parse_text(ctx, operand))]
    if isinstance(operand, ast.Constant) and operand.value is None and operator in ("==", "!="):
        return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_NUMBER[operator]))]
    if _is_date_operand(operand) and operator in _CODES_NUMBER:
        return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_NUMBER[operator])), (DATE_KEY, _parse_date(ctx, operand))]
    if _is_choice(operand) and operator in ("==", "!="):
        choice = operand.args[0].value if _single_string(operand) else None
        if choice is None:
            raise ctx.error(operand, "found option() without one string, expected option(\"value\")")
        return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_NUMBER[operator])), (CHOICE_KEY, ir.Literal(choice))]
    if _is_text_operand(operand):
        if operator not in ("==", "!="):
            raise ctx.error(operand, f"found text after {operator}, expected a number (only == and != compare text)")
        return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_TEXT[operator])), (TEXT_KEY, _parse_text(ctx, operand))]
    return _subject(ctx, subject), [("WFCondition", ir.Literal(_CODES_NUMBER[operator])), (NUMBER_KEY, _parse_number(ctx, operand))]


def _parse_era(ctx, test: ast.Compare, operator: str, operand: ast.expr) -> list:
    name = ERA_NAMES.get(operator)
    if name is None:
        raise ctx.error(test, f"found `_ {operator} ...`; a test of the previous output can use ==, in, < or >")
    is_number = values.is_number_literal(operand)  # kept as a plist number, real("nan") included
    if operator == "==" and is_number:  # Equals a number: the app keeps it as one
        return [("WFCondition", ir.Literal(name)), (NUMBER_KEY, values.parse(ctx, operand))]
    if operator in ("<", ">"):
        if is_number:
            return [("WFCondition", ir.Literal(name)), (NUMBER_KEY, values.parse(ctx, operand))]
        if isinstance(operand, (ast.Constant, ast.JoinedStr)):
            raise ctx.error(operand, f"found {operator} with something other than a number, expected a number or a variable")
        return [("WFCondition", ir.Literal(name)), (NUMBER_KEY, ir.TokenAttachment(variables.parse(ctx, operand)))]
    if name == ERA_DEFAULT:
        return [(TEXT_KEY, _parse_text(ctx, operand))]  # the app's default: no operator written
    return [("WFCondition", ir.Literal(name)), (TEXT_KEY, _parse_text(ctx, operand))]


def _subject(ctx, node: ast.expr) -> list:
    if isinstance(node, ast.Name) and node.id == calls.IMPLICIT:
        raise ctx.error(node, "found `_` in this test; the previous output can be tested with ==, in, < or >")
    attachment = variables.parse(ctx, node)
    subject = ir.DictValue([("Type", ir.Literal("Variable")), ("Variable", ir.TokenAttachment(attachment))])
    return [("WFInput", subject)]


def _is_text_operand(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" and len(node.args) == 1 and _is_text_operand(node.args[0])


def _is_date_operand(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == DATE_FUNCTION


def _parse_date(ctx, node: ast.Call):
    """``date(x)``: the variable x as a date operand; ``date("...")``: a plist date."""
    if len(node.args) != 1 or node.keywords:
        raise ctx.error(node, "found date() without one value, expected date(x) or date(\"2024-05-01T09:00:00\")")
    argument = node.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return values.parse(ctx, node)
    return ir.TokenAttachment(variables.parse(ctx, argument))


def _is_choice(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == CHOICE_FUNCTION


def _single_string(node: ast.Call) -> bool:
    return len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)


def _is_negative_number(node: ast.expr) -> bool:
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float)


def _parse_text(ctx, node: ast.expr):
    """A text operand; a lone variable is text with that variable."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)) or _is_text_operand(node):
        return values.parse(ctx, node)
    return ir.TokenString([variables.parse(ctx, node)])


def _parse_number(ctx, node: ast.expr):
    """A number operand: a literal becomes its text, as the app stores it."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float) or _is_negative_number(node):
        # Kept as text, not as a plist number: read the literal itself, whatever its size.
        number = -node.operand.value if isinstance(node, ast.UnaryOp) else node.value
        return ir.Literal(spell_number(ctx, node, number))
    if isinstance(node, ast.Constant):
        raise ctx.error(node, f"found {node.value!r} where a number belongs, expected a number or a variable")
    return ir.TokenAttachment(variables.parse(ctx, node))


def _parse_table(ctx, test: ast.BoolOp) -> list:
    prefix = 1 if isinstance(test.op, ast.And) else 0
    templates = []
    for value in test.values:
        if isinstance(value, ast.BoolOp):
            raise ctx.error(value, "found `and` mixed with `or`, which one If cannot test (it takes all or any of its tests); nest two ifs instead")
        params = parse_single(ctx, value)
        if not any(key == "WFInput" for key, _ in params):
            raise ctx.error(value, "found a test of `_` inside and/or; name the value you test")
        templates.append(ir.DictValue(params))
    table = ir.DictValue(
        [(PREFIX_KEY, ir.Literal(prefix)), (TEMPLATES_KEY, ir.ListValue(templates)), (BOUNDED_KEY, ir.Literal(False))]
    )
    return [(TABLE_KEY, ir.DictValue([("Value", table), ("WFSerializationType", ir.Literal(TABLE_TAG))]))]
