"""The actions that make a value <-> the value itself, assigned.

============================================  ===========================================
plist                                         code
============================================  ===========================================
Text "Hello" / Text with variables            text = "Hello" / f"Hi {name}"
Number 5, 2.5, or the text "5"                 number = 5, 2.5, float("5")
Number infinity or NaN (no literal)           number = real("inf"), real("nan")
List of items                                 items = ["a", "b"]
Dictionary                                    dictionary = {"key": 1}
Calculate + - × ÷, Modulus, x^y               result = a + 1, a * b, a % 2, a ** b
Calculate abs(x)                              result = abs(a)
Count (of items)                              count = len(items)
Count Characters of a text                    count = len("abc"), len(f"{x}"), len(text)
Calculate Statistics: Sum, Minimum, Maximum   total = sum(items), min(items), max(items)
============================================  ===========================================

Written where a value belongs (an argument, a test, an f-string field), such
an expression is compiled into its action just before the statement, whose
value is then its output: ``alert(message=f"{len(items)} left")``.
``+`` with text on either side joins text (a Text action), a text being a
string, an f-string or a name for the output of a text action (the same list as
for ``len()`` below); between other variables it adds numbers: join text
variables with ``f"{a}{b}"``.  Such a text with another operator is refused,
and a Calculate on a text action's output keeps its call (``t + 1`` would join).
``len()`` means what it means in Python: of a text (a string, an f-string, or
the output of an action Python's own text forms make: Text, Change Case, Trim
Whitespace, Replace Text, Combine Text) it counts characters, of a dictionary
(the output of Dictionary, Get Dictionary from Input or Set Dictionary Value) its
keys (Count of ``d.keys()``, so a Count of the dictionary itself keeps its call),
of anything else items.  By hand, ``-a`` is ``a * -1``, ``max(a, b)`` the Maximum of the list
``[a, b]``, and ``x = None`` the output of Nothing, which ``x is None`` finds
empty (compiling only: decompiled code keeps the product, the list and
``nothing()``).

The assignment is the action's output (``_ = ...`` when the action has no
output id).  Only an action with nothing but that one value (and a custom
output name the assigned name says) takes this form, only when the value reads
back as that action's (a text in its plist shape would be a dictionary), and
only when no reference reads a Shortcuts property of the output (``x.Name``),
which a plain Python value does not have.

Exact because of the conditions above: the form is used only when compiling it
writes back that one action with that one value.
"""

from __future__ import annotations

import ast

from .. import ir
from ..errors import CompileError
from ..writer import nodes
from . import dictionaries, operations, text, values
from .calls import IMPLICIT
from .dictionaries import number_of, spell_number

TEXT = "is.workflow.actions.gettext"
NUMBER = "is.workflow.actions.number"
LIST = "is.workflow.actions.list"
DICTIONARY = "is.workflow.actions.dictionary"
NOTHING = "is.workflow.actions.nothing"  # makes no value: `x = None` by hand
MATH = "is.workflow.actions.math"
COUNT = "is.workflow.actions.count"
STATISTICS = "is.workflow.actions.statistics"
KEYS = {TEXT: "WFTextActionText", NUMBER: "WFNumberActionNumber", LIST: "WFItems", DICTIONARY: "WFItems"}
# Calculate's operations: Python operator <-> WFMathOperation, or the scientific one.
OPERATIONS = {"+": "+", "-": "-", "*": "×", "/": "÷"}
SCIENTIFIC = {"%": "Modulus", "**": "x^y"}
# Scientific operations of one number <-> the Python builtin that computes the same.
SCIENTIFIC_FUNCTIONS = {"abs": "abs(x)"}
# Python operators Calculate lacks -> what to write instead.
_MISSING_OPERATORS = {
    ast.FloorDiv: "divide with / and round down: round_number(a / b, mode=\"Always Round Down\")",
    ast.MatMult: "Calculate multiplies numbers only: use *",
}
_AST_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Mod: "%", ast.Pow: "**"}
_INPUT, _OPERATION, _OPERAND = "WFInput", "WFMathOperation", "WFMathOperand"
_SCIENCE, _SCIENCE_OPERAND = "WFScientificMathOperation", "WFScientificMathOperand"
_COUNT_INPUT = "Input"  # Count's and Calculate Statistics' input
_COUNT_TYPE, _CHARACTERS = "WFCountType", "Characters"
# Actions whose output the language writes as a Python str (a literal, an
# f-string, s.upper(), s.strip(), s.replace(...), ", ".join(...)).
TEXT_OUTPUTS = frozenset({TEXT, operations.CHANGE_CASE, operations.TRIM, operations.REPLACE, operations.COMBINE})
# Actions whose output is a dictionary, as Python's len() and loops see it.
DICTIONARY_OUTPUTS = frozenset({DICTIONARY, "is.workflow.actions.detect.dictionary", "is.workflow.actions.setvalueforkey"})
_STATISTICS_OPERATION = "WFStatisticsOperation"
# Python's functions of a list <-> the statistic that computes the same.
STATISTICS_FUNCTIONS = {"sum": "Sum", "min": "Minimum", "max": "Maximum"}
# The builtins of one value that an action computes (Count, Calculate Statistics, Calculate).
COMPUTING_BUILTINS = frozenset({"len", *STATISTICS_FUNCTIONS, *SCIENTIFIC_FUNCTIONS})


def lower(ctx, action: ir.Action, *, feeds_next: bool) -> nodes.Stmt | None:
    identifier = action.identifier
    if identifier not in KEYS and identifier not in (MATH, COUNT, STATISTICS):
        return None
    if action.uuid is not None and not ctx.naming.used_as_plain_value(action.uuid):
        return None  # a plain value has no Shortcuts properties (x.Name): keep the action's call
    omit = ctx.naming.implied_custom_name(action)
    params = [(k, v) for k, v in action.params if k != omit]
    if identifier == MATH:
        code = _lower_math(ctx, dict(params)) if len(dict(params)) == len(params) else None
    elif identifier == COUNT:
        code = _lower_count(ctx, params)
    elif identifier == STATISTICS:
        code = _lower_statistics(ctx, dict(params)) if len(dict(params)) == len(params) else None
    elif len(params) == 1 and params[0][0] == KEYS[identifier]:
        code = _value_code(ctx, identifier, params[0][1])
    else:
        code = None
    if code is None:
        return None
    targets = []
    if ctx.naming.takes_a_name(action):
        targets.append(nodes.Name(ctx.naming.output_name(action.uuid)))
        ctx.defined(action.uuid)
    if feeds_next or not targets:
        targets.append(nodes.Name(IMPLICIT))
    return nodes.Assign(targets, code)


def _value_code(ctx, identifier: str, value) -> nodes.Expr | None:
    if identifier == TEXT:
        if ir.is_str_literal(value):
            return values.lower(ctx, value)
        if isinstance(value, ir.TokenString):  # not in its plist shape: `_ = {...}` is a Dictionary
            return text.lower_as_text(ctx, value)
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


def _lower_math(ctx, params: dict) -> nodes.Expr | None:
    left = _operand_code(ctx, params.pop(_INPUT, ir.ABSENT), implicit=True)
    operation = params.pop(_OPERATION, None)
    if left is None or not ir.is_str_literal(operation):
        return None
    if operation.value == "…":
        science = params.pop(_SCIENCE, None)
        science = science.value if ir.is_str_literal(science) else None
        function = {name: f for f, name in SCIENTIFIC_FUNCTIONS.items()}.get(science)
        if function is not None and _SCIENCE_OPERAND not in params:
            return None if params else nodes.Call(nodes.Name(function), [nodes.Arg(left)])
        operator = {name: op for op, name in SCIENTIFIC.items()}.get(science)
        right = _operand_code(ctx, params.pop(_SCIENCE_OPERAND, ir.ABSENT))
    else:
        operator = {name: op for op, name in OPERATIONS.items()}.get(operation.value)
        right = _operand_code(ctx, params.pop(_OPERAND, ir.ABSENT))
    if operator is None or right is None or params:
        return None
    return nodes.BinaryOp(left, operator, right)


def _operand_code(ctx, value, implicit: bool = False) -> nodes.Expr | None:
    """A number (its text) or a variable; the previous output (`_`) where the input may be left out."""
    if value is ir.ABSENT:
        return nodes.Name(IMPLICIT) if implicit else None
    if isinstance(value, ir.TokenAttachment):
        from . import variables

        if is_python_text(value, ctx.naming.source_identifier):
            return None  # `t + 1` of a Text's output joins text in Python (and compiling)
        return variables.lower(ctx, value.attachment)
    if ir.is_str_literal(value) and not implicit:
        number = number_of(value.value)
        return values.lower_scalar(number) if number is not None else None
    return None


def _lower_statistics(ctx, params: dict) -> nodes.Expr | None:
    operation = params.pop(_STATISTICS_OPERATION, None)
    function = {name: f for f, name in STATISTICS_FUNCTIONS.items()}.get(operation.value if ir.is_str_literal(operation) else None)
    subject = _operand_code(ctx, params.pop(_COUNT_INPUT, ir.ABSENT), implicit=True)
    if function is None or subject is None or params:
        return None
    return nodes.Call(nodes.Name(function), [nodes.Arg(subject)])


def _lower_count(ctx, params: list) -> nodes.Expr | None:
    found = dict(params)
    if len(found) != len(params) or set(found) - {_COUNT_INPUT, _COUNT_TYPE}:
        return None
    kind, source = found.get(_COUNT_TYPE, ir.ABSENT), found.get(_COUNT_INPUT, ir.ABSENT)
    text = is_python_text(source, ctx.naming.source_identifier)
    if kind is ir.ABSENT and is_dictionary(source, ctx.naming.source_identifier):
        return None  # len(d) counts d's keys: a Count of the dictionary itself keeps its call
    if kind is ir.ABSENT and not text:
        subject = _operand_code(ctx, source, implicit=True)
    elif kind == ir.Literal(_CHARACTERS) and text:
        subject = values.lower(ctx, source)
        subject = None if isinstance(subject, nodes.DictDisplay) else subject  # a text only its plist shape says
    else:
        return None
    return nodes.Call(nodes.Name("len"), [nodes.Arg(subject)]) if subject is not None else None


def is_dictionary(value, source_identifier) -> bool:
    """Whether ``value`` is a plain reference to the output of an action that makes
    a dictionary (DICTIONARY_OUTPUTS), which ``len()`` counts the keys of in Python."""
    return _plain_output_of(value, source_identifier) in DICTIONARY_OUTPUTS


def _plain_output_of(value, source_identifier) -> str | None:
    if not isinstance(value, ir.TokenAttachment):
        return None
    attachment = value.attachment
    base = attachment.base
    if not isinstance(base, ir.OutputRef) or attachment.aggrandizements is not ir.ABSENT or attachment.extra:
        return None
    return source_identifier(base.uuid)


def is_python_text(value, source_identifier) -> bool:
    """Whether ``value`` is what Python would see as a str: a text, or a plain
    reference to the output of one of TEXT_OUTPUTS (``source_identifier``: output
    id -> the identifier of its action)."""
    if ir.is_str_literal(value) or isinstance(value, ir.TokenString):
        return True
    return _plain_output_of(value, source_identifier) in TEXT_OUTPUTS


# --- parse -----------------------------------------------------------------------------


def is_value(node: ast.expr) -> bool:
    """Whether an assigned expression is a value that one of these actions makes."""
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.List, ast.Dict)):
        return True
    if is_computed(node):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return True
    if values.is_number_literal(node):  # real("inf"): a Number whose real has no literal
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("str", "float") and len(node.args) == 1:
        argument = node.args[0]
        return isinstance(argument, ast.Constant) and isinstance(argument.value, str) or isinstance(argument, ast.JoinedStr)
    return False


def is_computed(node: ast.expr) -> bool:
    """Arithmetic, ``len(x)``, or one of Python's text and list operations
    (constructs.operations): values an action computes."""
    kind = type(node)
    if kind is ast.BinOp:
        return True  # an operator Calculate lacks is refused where the action is made
    if kind is ast.Call:
        function = _one_argument_call(node)
        if function in COMPUTING_BUILTINS:
            return True
        return operations.matches(node) or _extreme_of_several(node) is not None
    return _is_negation(node) or (kind is ast.Subscript and operations.matches(node))


def _is_negation(node: ast.expr) -> bool:
    """``-x`` of something other than a number literal (``-5`` is a number)."""
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant)


def _is_len(node: ast.expr) -> bool:
    return _one_argument_call(node) == "len"


def _statistic(node: ast.expr) -> str | None:
    return STATISTICS_FUNCTIONS.get(_one_argument_call(node))


def _extreme_of_several(node: ast.expr) -> str | None:
    """``max(a, b)``, ``min(a, b, c)``: the statistic of the list of the arguments."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
        if len(node.args) > 1 and not node.keywords and not any(isinstance(arg, ast.Starred) for arg in node.args):
            return STATISTICS_FUNCTIONS[node.func.id]
    return None


def _one_argument_call(node: ast.expr) -> str | None:
    """The name of a call of a builtin with one bare argument: ``len(x)``, ``sum(x)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1 and not node.keywords:
        return node.func.id
    return None


def made_first(ctx, node: ast.expr) -> ir.TokenAttachment:
    """The value ``node`` where a variable belongs: its action goes just before the
    statement (``ctx.hoist``), and the action's output stands here."""
    return ir.TokenAttachment(ir.Attachment(ctx.hoist(parse(ctx, node))))


def keys_made_first(ctx, node: ast.expr) -> ir.TokenAttachment:
    """The keys of the dictionary ``node`` names, made first: what Python's ``len()``
    and ``for`` see of a dictionary (``node.keys()``, Get Dictionary Value)."""
    return made_first(ctx, ast.copy_location(ast.Call(ast.Attribute(node, "keys", ast.Load()), [], []), node))


def parse(ctx, node: ast.expr) -> ir.Action:
    """The action that makes the value ``node``."""
    origin = ctx.origin(node)
    if isinstance(node, ast.BinOp):
        return _parse_arithmetic(ctx, node)
    if _is_negation(node):  # -x is x * -1
        params = [(_INPUT, _input_operand(ctx, node.operand)), (_OPERATION, ir.Literal(OPERATIONS["*"])), (_OPERAND, ir.Literal("-1"))]
        return ir.Action(MATH, params, origin=origin)
    function = _one_argument_call(node)
    if function in SCIENTIFIC_FUNCTIONS:
        params = [(_INPUT, _input_operand(ctx, node.args[0]))] if not _is_implicit(node.args[0]) else []
        params += [(_OPERATION, ir.Literal("…")), (_SCIENCE, ir.Literal(SCIENTIFIC_FUNCTIONS[function]))]
        return ir.Action(MATH, params, origin=origin)
    if operations.matches(node):
        return operations.parse(ctx, node)
    if _is_len(node):
        return ir.Action(COUNT, _count_params(ctx, node.args[0]), origin=origin)
    statistic = _statistic(node)
    if statistic is not None:
        params = [*_statistics_input(ctx, node.args[0]), (_STATISTICS_OPERATION, ir.Literal(statistic))]
        return ir.Action(STATISTICS, params, origin=origin)
    statistic = _extreme_of_several(node)
    if statistic is not None:
        numbers = ast.copy_location(ast.List(elts=node.args, ctx=ast.Load()), node)
        params = [*_statistics_input(ctx, numbers), (_STATISTICS_OPERATION, ir.Literal(statistic))]
        return ir.Action(STATISTICS, params, origin=origin)
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
    if isinstance(node, ast.Constant) and node.value is None:  # no value: the output of Nothing
        return ir.Action(NOTHING, [], origin=origin)
    value = values.parse(ctx, node)
    if isinstance(value, ir.Literal) and type(value.value) in (int, float):
        return ir.Action(NUMBER, [(KEYS[NUMBER], value)], origin=origin)
    if ir.is_str_literal(value) or isinstance(value, ir.TokenString):
        return ir.Action(TEXT, [(KEYS[TEXT], value)], origin=origin)
    if isinstance(value, ir.Literal) and type(value.value) is bool:
        raise ctx.error(node, f"found {value.value} as a value, which no action makes (Shortcuts has no true/false "
                        "values of its own): use 1 and 0, or test the thing itself in the if")
    raise ctx.error(node, "found a value no action makes, expected text, a number, a list or a dict")


def _parse_arithmetic(ctx, node: ast.BinOp) -> ir.Action:
    operator = _AST_OPERATORS.get(type(node.op))
    if operator is None:
        hint = _MISSING_OPERATORS.get(type(node.op), "Calculate has + - * / % and **")
        raise ctx.error(node, f"found an operator Calculate does not have; {hint}")
    if operator == "+" and (_is_text_sum(node) or any(_known_text(ctx, term) for term in _sum_terms(node))):
        parts = _text_parts(ctx, node)
        return ir.Action(TEXT, [(KEYS[TEXT], ir.TokenString(parts, has_ranges=ctx.empty_ranges and not any(isinstance(p, ir.Attachment) for p in parts)))], origin=ctx.origin(node))
    if operator == "+" and (isinstance(node.left, ast.List) or isinstance(node.right, ast.List)):
        raise ctx.error(node, "found + with a list, which Calculate cannot add; to add items to a list variable, "
                        "write `items += [x]` (Add to Variable)")
    for side in (node.left, node.right):
        if _is_text(side) or _known_text(ctx, side):  # "ab" * 3 repeats text in Python; Calculate would read the text as a number
            raise ctx.error(side, f"found text with {operator}, which Python does not compute as a number; "
                            "Calculate works on numbers: use a number, or join text with + or an f-string")
    params = [(_INPUT, _input_operand(ctx, node.left))] if not _is_implicit(node.left) else []
    if operator in SCIENTIFIC:
        params += [(_OPERATION, ir.Literal("…")), (_SCIENCE, ir.Literal(SCIENTIFIC[operator])), (_SCIENCE_OPERAND, _number_operand(ctx, node.right))]
    else:
        params += [(_OPERATION, ir.Literal(OPERATIONS[operator])), (_OPERAND, _number_operand(ctx, node.right))]
    return ir.Action(MATH, params, origin=ctx.origin(node))


def _is_implicit(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == IMPLICIT


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) or isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"


def _known_text(ctx, node: ast.expr) -> bool:
    """Whether a name stands for an output Python would see as a str (a Text,
    Change Case... action's: TEXT_OUTPUTS), so that ``+`` joins it and other
    operators have no Calculate meaning for it."""
    if not isinstance(node, ast.Name) or node.id == IMPLICIT:
        return False
    try:
        base = ctx.resolve(node)
    except CompileError:
        return False  # reported where the name is read
    return isinstance(base, ir.OutputRef) and ctx.output_identifier(base.uuid) in TEXT_OUTPUTS


def _is_text_sum(node: ast.expr) -> bool:
    """A chain of + with text on some side: it joins text."""
    terms = _sum_terms(node)
    return any(_is_text(term) for term in terms)


def _sum_terms(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _sum_terms(node.left) + _sum_terms(node.right)
    return [node]


def _text_parts(ctx, node: ast.expr) -> list:
    from . import variables
    from .text import parse_fstring

    parts: list = []
    for term in _sum_terms(node):
        if isinstance(term, ast.Constant) and isinstance(term.value, str):
            ctx.check_text(term, term.value)
            pieces = [term.value] if term.value else []
        elif isinstance(term, ast.JoinedStr):
            pieces = parse_fstring(ctx, term).parts
        else:
            pieces = [variables.parse(ctx, term)]
        for piece in pieces:
            if isinstance(piece, str) and parts and isinstance(parts[-1], str):
                parts[-1] += piece
            else:
                parts.append(piece)
    return parts


def _input_operand(ctx, node: ast.expr):
    """Calculate's input is a variable: a number literal there is made by a Number action first."""
    from . import variables

    if isinstance(node, ast.Constant) or isinstance(node, ast.UnaryOp) and not _is_negation(node):
        number = ir.Action(NUMBER, [(KEYS[NUMBER], values.parse(ctx, node))], origin=ctx.origin(node))
        return ir.TokenAttachment(ir.Attachment(ctx.hoist(number)))
    return ir.TokenAttachment(variables.parse(ctx, node))


def _number_operand(ctx, node: ast.expr):
    """An operand: a number literal is stored as its text, as the app does; else a variable."""
    from . import variables

    if isinstance(node, ast.Constant) and type(node.value) in (int, float) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
    ):
        # Kept as text, not as a plist number: read the literal itself, whatever its size.
        literal = node.operand if isinstance(node, ast.UnaryOp) else node
        if type(literal.value) not in (int, float):
            raise ctx.error(node, "found something other than a number in arithmetic")
        return ir.Literal(spell_number(ctx, node, literal.value if literal is node else -literal.value))
    if isinstance(node, ast.Constant):
        raise ctx.error(node, f"found {node.value!r} in arithmetic, expected a number or a variable")
    return ir.TokenAttachment(variables.parse(ctx, node))


def _statistics_input(ctx, node: ast.expr) -> list:
    """The numbers: a variable, the previous output, or a list (made by a List action)."""
    if _is_implicit(node):
        return []
    return [(_COUNT_INPUT, operations.list_argument(ctx, node))]


def _count_params(ctx, node: ast.expr) -> list:
    """``len(x)``: Count's Input, and Characters where Python's len() counts them (of a text)."""
    from . import variables

    if _is_implicit(node):
        return []
    if _is_text(node):
        source = values.parse(ctx, node)
    else:
        source = ir.TokenAttachment(variables.parse(ctx, node))
    params = [(_COUNT_INPUT, source)]
    if is_python_text(source, ctx.output_identifier):
        params.insert(0, (_COUNT_TYPE, ir.Literal(_CHARACTERS)))
    elif is_dictionary(source, ctx.output_identifier):  # Python counts its keys: count d.keys()
        params = [(_COUNT_INPUT, keys_made_first(ctx, node))]
    return params
