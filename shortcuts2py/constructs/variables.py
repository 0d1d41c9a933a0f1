"""Variables (attachments) <-> names with Python's lookups applied to them.

=================================================  ===================================
plist                                              code
=================================================  ===================================
ActionOutput (an earlier action's output)          contents_of_url
... where Python would not see its assignment      ref("contents_of_url")
  (later in the file, another branch, the header)
... shown under another name than the output's     contents_of_url.shown_as("Inhalt")
  (the OutputName of this one reference)
Variable "Total"                                   Total, or var("Total 2") when the
                                                   name is not a Python name
ExtensionInput, Clipboard, CurrentDate, ...        ShortcutInput, Clipboard, ...
Repeat Item / Repeat Index inside a loop           the loop's own names
DictionaryValue aggrandizement                     x["key"]
Property aggrandizement                            x.Name, x.property("File Size")
Coercion aggrandizement                            str(x), float(x), dict(x), bool(x),
                                                   x.as_type("URL")
Date format, unit aggrandizements                  x.format_date(...), x.unit(...)
any other aggrandizement                           x.aggrandize({"Type": ..., ...})
the variable's own id (Workflow-era VariableUUID)  Total.with_id()
an empty list of steps (not an absent one)         x.as_is()
other keys of the attachment                       x.with_keys({"Key": value})
=================================================  ===================================

Aggrandizements apply in order, innermost first, exactly as Python evaluates
the expression: ``str(x["k"])`` looks the key up, then turns it into text.

Exact because: every key of an attachment is said by its form (the kind, the
output and the name it is shown under, the variable's own id, each
aggrandizement in its order) or kept in ``with_keys``; a name stands for what
Python would read at that place, and ``ref(...)`` is written where that would
be another value.
"""

from __future__ import annotations

import ast
import keyword

from .. import catalog, ir, names
from ..writer import nodes

# Coercions that read as Python's own conversions: content class <-> builtin.
COERCION_BUILTINS = {
    "WFStringContentItem": "str",
    "WFNumberContentItem": "float",
    "WFDictionaryContentItem": "dict",
    "WFBooleanContentItem": "bool",
}
BUILTIN_COERCIONS = {function: kind for kind, function in COERCION_BUILTINS.items()}
# The most builtin conversions one variable is written with, nested (str(float(x))).
MAX_NESTED_BUILTINS = 16
# Methods of variables in the language; a property with such a name is written .property("...").
METHODS = frozenset(
    {"property", "as_type", "format_date", "unit", "aggrandize", "with_keys", "with_id", "as_is", "shown_as", "startswith", "endswith", "append"}
)
_PROPERTY = "WFPropertyVariableAggrandizement"
_COERCION = "WFCoercionVariableAggrandizement"
_DICTIONARY_VALUE = "WFDictionaryValueVariableAggrandizement"
_KEYWORD_METHODS = {"WFDateFormatVariableAggrandizement": "format_date", "WFUnitVariableAggrandizement": "unit"}
_METHOD_KINDS = {method: kind for kind, method in _KEYWORD_METHODS.items()}
REFERENCE_FUNCTION = "ref"  # an output by its name, where Python would not see its assignment
WITH_ID_METHOD, VARIABLE_ID_KEY = "with_id", "VariableUUID"  # Workflow-era variables carry an id
AS_IS_METHOD = "as_is"  # the variable with an empty (not absent) list of steps
# The name one reference to an output shows, where it differs from the output's own
# (a file edited in another language: 词典 beside Dictionary).
SHOWN_AS_METHOD, OUTPUT_NAME_KEY = "shown_as", "OutputName"
# Language functions that name variables (never action names).
VARIABLE_FUNCTIONS = frozenset({"var", "global_variable", "missing_output", REFERENCE_FUNCTION, *BUILTIN_COERCIONS})


def content_class_short(kind: str) -> str | None:
    """``WFURLContentItem`` -> ``URL``: the short spelling, when one reads back exactly."""
    if kind.startswith("WF") and kind.endswith("ContentItem") and len(kind) > 13:
        short = kind[2:-11]
        if not short.startswith("WF") and not any(ch.isspace() for ch in short):
            return short
    return None


def content_class_full(name: str) -> str:
    """The inverse of ``content_class_short``: a name starting with "WF" is already full."""
    return name if name.startswith("WF") else f"WF{name}ContentItem"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, attachment: ir.Attachment, quote: str | None = None) -> nodes.Expr:
    """The code of a variable; ``quote`` is the quote strings must use (inside an f-string field)."""
    expression, extra = _lower_base(ctx, attachment.base, quote)
    if extra and extra[0][0] == OUTPUT_NAME_KEY and extra[0][1] is not None:
        expression = _method(expression, SHOWN_AS_METHOD, [nodes.Arg(_string(extra[0][1].value, quote))])
        extra = extra[1:]
    own = list(attachment.extra)
    if isinstance(attachment.base, ir.NamedVariable):
        known = ctx.naming.variable_id(attachment.base.name)
        marked = [i for i, (key, value) in enumerate(own) if key == VARIABLE_ID_KEY and ir.is_str_literal(value) and value.value == known]
        if marked:
            del own[marked[0]]
            expression = _method(expression, WITH_ID_METHOD, [])
    steps = attachment.aggrandizements
    if steps is not ir.ABSENT and not steps:
        expression = _method(expression, AS_IS_METHOD, [])  # an empty list of steps, as written
    steps = steps or []
    for step, python_after in zip(steps, _builtins_allowed(steps)):
        expression = _lower_step(ctx, expression, step, quote, python_after)
    extra.extend(own)
    if extra:
        entries = [(_string(key, quote), _extra_value(ctx, value, quote)) for key, value in extra]
        expression = _method(expression, "with_keys", [nodes.Arg(nodes.DictDisplay(entries))])
    return expression


def _lower_base(ctx, base, quote) -> tuple[nodes.Expr, list]:
    naming = ctx.naming
    if isinstance(base, ir.OutputRef):
        if naming.is_missing(base.uuid):
            label = naming.missing_label(base.uuid)
            args = [nodes.Arg(_string(label, quote))]
            if base.output_name is not ir.ABSENT:
                args.append(nodes.Arg(_string(base.output_name, quote)))
            return _call("missing_output", args), []
        name = naming.output_name(base.uuid)
        if ctx.reachable(base.uuid):
            expression: nodes.Expr = nodes.Name(name)
        else:  # Python would not see the assignment from here: name the output instead
            expression = _call(REFERENCE_FUNCTION, [nodes.Arg(_string(name, quote))])
        if base.output_name == naming.display(base.uuid):
            return expression, []
        override = None if base.output_name is ir.ABSENT else ir.Literal(base.output_name)
        return expression, [(OUTPUT_NAME_KEY, override)]
    if isinstance(base, ir.NamedVariable):
        code_name = ctx.variable_code_name(base.name)
        if code_name is not None:
            return nodes.Name(code_name), []
        return _call("var", [nodes.Arg(_string(base.name, quote))]), []
    if base.kind in names.GLOBAL_NAMES:
        return nodes.Name(names.GLOBAL_NAMES[base.kind]), []
    return _call("global_variable", [nodes.Arg(_string(base.kind, quote))]), []


def _builtins_allowed(steps: list) -> list[bool]:
    """For each step, whether a conversion there may read as a builtin (``str(x)``).

    Only when Python can go on from there: a dict has no .Keys, so dict(x).Keys is
    x.as_type("Dictionary").Keys.  And only while the builtins stay few: each one
    opens a bracket around the rest, CPython refuses a line with 200 open at once,
    and the value around the chain needs its share; ``x.as_type("String")`` opens
    none that stay open, so a longer chain is written with it throughout.
    """
    allowed = [True] * len(steps)
    for index in range(len(steps) - 2, -1, -1):
        allowed[index] = allowed[index + 1] and _is_python_step(steps[index + 1])
    builtins = sum(1 for step, ok in zip(steps, allowed) if ok and _is_conversion_step(step))
    return allowed if builtins <= MAX_NESTED_BUILTINS else [False] * len(steps)


def _is_conversion_step(step: ir.Aggrandizement) -> bool:
    return step.kind == _COERCION and _is_python_step(step)


def _is_python_step(step: ir.Aggrandizement) -> bool:
    """A step Python itself writes the same way: a key, or a conversion to a builtin type."""
    only = step.fields[0] if len(step.fields) == 1 else None
    text = only[1].value if only is not None and ir.is_str_literal(only[1]) else None
    if step.kind == _DICTIONARY_VALUE:
        return only is not None and only[0] == "DictionaryKey" and text is not None
    return step.kind == _COERCION and only is not None and only[0] == "CoercionItemClass" and text in COERCION_BUILTINS


def _lower_step(ctx, expression: nodes.Expr, step: ir.Aggrandizement, quote, python_after: bool = True) -> nodes.Expr:
    fields = step.fields
    only = fields[0] if len(fields) == 1 else None
    only_text = only[1].value if only is not None and ir.is_str_literal(only[1]) else None
    if step.kind == _DICTIONARY_VALUE and only_text is not None and only[0] == "DictionaryKey":
        return nodes.Subscript(expression, _string(only_text, quote))
    if step.kind == _COERCION and only_text is not None and only[0] == "CoercionItemClass":
        builtin = COERCION_BUILTINS.get(only_text) if python_after else None
        if builtin is not None:
            return _call(builtin, [nodes.Arg(expression)])
        short = content_class_short(only_text)
        if short is not None or only_text.startswith("WF"):
            return _method(expression, "as_type", [nodes.Arg(_string(short or only_text, quote))])
    if step.kind == _PROPERTY and fields and fields[0][0] == "PropertyName" and ir.is_str_literal(fields[0][1]):
        name = fields[0][1].value
        rest = fields[1:]
        if not rest and _is_attribute_name(name):
            return nodes.Attribute(expression, name)
        if all(names.is_keyword_argument(key) for key, _ in rest):
            args = [nodes.Arg(_string(name, quote))]
            args.extend(nodes.Arg(_extra_value(ctx, value, quote), key) for key, value in rest)
            return _method(expression, "property", args)
    method = _KEYWORD_METHODS.get(step.kind)
    if method is not None and all(names.is_keyword_argument(key) for key, _ in fields):
        args = [nodes.Arg(_extra_value(ctx, value, quote), key) for key, value in fields]
        return _method(expression, method, args)
    table = [(_string("Type", quote), _string(step.kind, quote))]
    table.extend((_string(key, quote), _extra_value(ctx, value, quote)) for key, value in fields)
    return _method(expression, "aggrandize", [nodes.Arg(nodes.DictDisplay(table))])


def _is_attribute_name(name: str) -> bool:
    return names.is_plain_name(name) and name not in METHODS and not keyword.issoftkeyword(name)


def _extra_value(ctx, value, quote) -> nodes.Expr:
    if value is None:
        return nodes.Name("None")
    from .values import lower as lower_value

    expression = lower_value(ctx, value)
    return _requote(expression, quote) if quote else expression


def _requote(expression: nodes.Expr, quote: str) -> nodes.Expr:
    """The same expression with its plain strings in ``quote`` (for f-string fields)."""
    if quote == '"':
        return expression
    from ..literals import decode_string_token, string_source

    text = expression.text
    if '"' not in text:
        return expression
    if isinstance(expression, nodes.String) and not text.startswith(("b", "f")):
        return nodes.String(string_source(decode_string_token(text), quote))
    return expression  # the f-string check rejects it, and the general form is used


def _string(text: str, quote: str | None) -> nodes.String:
    from .values import string

    return string(text, quote)


def _call(function: str, args: list[nodes.Arg]) -> nodes.Call:
    return nodes.Call(nodes.Name(function), args)


def _method(receiver: nodes.Expr, method: str, args: list[nodes.Arg]) -> nodes.Call:
    return nodes.Call(nodes.Attribute(receiver, method), args)


# --- parse -----------------------------------------------------------------------------


def parse(ctx, node: ast.expr) -> ir.Attachment:
    """The attachment an expression stands for; ``with_keys`` may only come last."""
    if _is_method_call(node, "with_keys"):
        attachment = _parse_chain(ctx, node.func.value)
        _with_keys(ctx, attachment, node)
        return attachment
    return _parse_chain(ctx, node)


def _parse_chain(ctx, node: ast.expr) -> ir.Attachment:
    kind = type(node)
    if kind is ast.Name:
        return ir.Attachment(ctx.resolve(node))
    if _computed(node):
        # A value an action computes, where a variable belongs: that action first, its output here.
        from .value_actions import made_first

        return made_first(ctx, node).attachment
    if kind is ast.Subscript:
        attachment = _parse_chain(ctx, node.value)
        key = node.slice
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            raise ctx.error(key, "found a subscript by something other than a string, which could be a dictionary's key "
                            "or a list's index: write d.get(key) for a dictionary, "
                            "getitemfromlist(list=items, get=\"Item At Index\", index=n) for a list "
                            "(the app counts from 1), or loop over the items: `for item in items:`")
        ctx.check_text(key, key.value)
        _append(attachment, _DICTIONARY_VALUE, [("DictionaryKey", ir.Literal(key.value))])
        return attachment
    if kind is ast.Attribute:
        attachment = _parse_chain(ctx, node.value)
        _append(attachment, _PROPERTY, [("PropertyName", ir.Literal(node.attr))])
        return attachment
    if kind is ast.Call:
        return _parse_call(ctx, node)
    from ..frontend import REFUSED_EXPRESSIONS

    reason = REFUSED_EXPRESSIONS.get(kind)
    if reason is not None:
        raise ctx.error(node, reason)
    raise ctx.error(node, f"found {_describe(node)} where a variable belongs, expected a name such as contents_of_url, var(\"Name\") or a value")


def _parse_call(ctx, node: ast.Call) -> ir.Attachment:
    function = node.func
    if isinstance(function, ast.Name):
        name = function.id
        if name in BUILTIN_COERCIONS:
            argument = _single(ctx, node, name)
            attachment = _parse_chain(ctx, argument)
            _append(attachment, _COERCION, [("CoercionItemClass", ir.Literal(BUILTIN_COERCIONS[name]))])
            return attachment
        if name == "var":
            return ir.Attachment(ir.NamedVariable(_string_argument(ctx, node, name)))
        if name == "global_variable":
            ctx.globals_read = True
            return ir.Attachment(ir.GlobalVariable(_string_argument(ctx, node, name)))
        if name == "missing_output":
            return ir.Attachment(ctx.missing_output(node))
        if name == REFERENCE_FUNCTION:
            return ir.Attachment(ctx.output_by_name(node, _string_argument(ctx, node, name)))
        if catalog.identifier(name) or catalog.identifier_by_alias(name):
            return _action_first(ctx, node)
        raise ctx.error(node, f"found a call to {name}() where a variable belongs; assign the action to a name on its own line first, then use the name")
    if isinstance(function, ast.Attribute):
        return _parse_method(ctx, node, function.attr)
    raise ctx.error(node, "found a call of something that is not a name, expected a variable")


def _action_first(ctx, node: ast.Call) -> ir.Attachment:
    """An action called where a value belongs (``show_result(ask("Name?"))``):
    Python runs it before the call around it, so it goes just before the
    statement, and its output stands here."""
    from .calls import parse as parse_call

    outer = ctx.action_identifier  # the action whose keywords are being read goes on after this one
    try:
        action = parse_call(ctx, node)
    finally:
        ctx.action_identifier = outer
    return ir.Attachment(ctx.hoist(action))


def _parse_method(ctx, node: ast.Call, method: str) -> ir.Attachment:
    if method == "with_keys":
        raise ctx.error(node, "found a step after with_keys(...), expected with_keys(...) last")
    attachment = _parse_chain(ctx, node.func.value)
    if method == AS_IS_METHOD:
        if attachment.aggrandizements is not ir.ABSENT or node.args or node.keywords:
            raise ctx.error(node, "found as_is() after other steps, expected Variable.as_is() right after a variable")
        attachment.aggrandizements = []
        return attachment
    if method == SHOWN_AS_METHOD:
        base = attachment.base
        label = _string_argument(ctx, node, method)
        if not isinstance(base, ir.OutputRef) or attachment.aggrandizements is not ir.ABSENT:
            raise ctx.error(node, "found shown_as() on something else, expected output.shown_as(\"Name\") right after an action's output")
        base.output_name = label
        return attachment
    if method == WITH_ID_METHOD:
        if not isinstance(attachment.base, ir.NamedVariable) or node.args or node.keywords or attachment.aggrandizements:
            raise ctx.error(node, "found with_id() on something else, expected Variable.with_id() right after a variable's name")
        attachment.extra.append((VARIABLE_ID_KEY, ir.Literal(ctx.variable_id(attachment.base.name))))
        return attachment
    if method == "as_type":
        short = _string_argument(ctx, node, method)
        _append(attachment, _COERCION, [("CoercionItemClass", ir.Literal(content_class_full(short)))])
    elif method == "property":
        if not node.args:
            raise ctx.error(node, "found property() without a name, expected x.property(\"Name\")")
        first = node.args[0]
        if len(node.args) != 1 or not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            raise ctx.error(node, "found property() with other arguments, expected x.property(\"Name\", Key=value)")
        fields = [("PropertyName", ir.Literal(first.value))] + _keyword_fields(ctx, node)
        _append(attachment, _PROPERTY, fields)
    elif method in _METHOD_KINDS:
        if node.args:
            raise ctx.error(node, f"found {method}() with positional arguments, expected Key=value")
        _append(attachment, _METHOD_KINDS[method], _keyword_fields(ctx, node))
    elif method == "aggrandize":
        table = _single(ctx, node, method)
        from .values import parse_plain_dict

        if not isinstance(table, ast.Dict):
            raise ctx.error(node, "found aggrandize() without a dict, expected aggrandize({\"Type\": \"...\", ...})")
        fields = parse_plain_dict(ctx, table).items
        kind = dict(fields).get("Type")
        if not ir.is_str_literal(kind):
            raise ctx.error(node, "found aggrandize() without a \"Type\", expected aggrandize({\"Type\": \"...\", ...})")
        _append(attachment, kind.value, [(key, value) for key, value in fields if key != "Type"])
    elif method in _DICTIONARY_VIEWS:
        raise ctx.error(node, f"found .{method}(), which no action gives; {_DICTIONARY_VIEWS[method]}")
    elif method in _TEST_METHODS:
        raise ctx.error(node, f"found .{method}() used as a value: it is a test, and Shortcuts has no true/false "
                        f"values; test it where it is needed (`if x.{method}(...):`)")
    elif method in _PYTHON_METHODS:
        raise ctx.error(node, f"found .{method}(), a method of Python's {_PYTHON_METHODS[method]} that no action "
                        "computes as Python does; the ones that are actions: .upper(), .lower(), .title(), .strip(), "
                        ".replace(), .split(), .join(), .get(), .keys(), .values()")
    else:
        raise ctx.error(
            node,
            f"found .{method}(), expected .property(), .as_type(), .format_date(), .unit(), .aggrandize() or .with_keys()",
        )
    return attachment


# Python's methods of its text, lists and dictionaries, by the type that has them first.
_PYTHON_METHODS = {
    **{name: "dict" for name in dir(dict) if not name.startswith("_")},
    **{name: "list" for name in dir(list) if not name.startswith("_")},
    **{name: "str" for name in dir(str) if not name.startswith("_")},
}


# Methods that are If tests (constructs.conditions), not values.
_TEST_METHODS = frozenset({"startswith", "endswith", "is_today", "in_next", "in_last"})
# Python's views of a dictionary that no action gives, and what to write instead
# (d.keys(), d.values() and d.get(key) are actions: see constructs.operations).
_DICTIONARY_VIEWS = {
    "items": "loop over its keys, `for key in d.keys():`, and read each value as d.get(key)",
}


def _with_keys(ctx, attachment: ir.Attachment, node: ast.Call) -> None:
    table = _single(ctx, node, "with_keys")
    if not isinstance(table, ast.Dict):
        raise ctx.error(node, "found with_keys() without one dict, expected with_keys({\"key\": value})")
    from .values import parse as parse_value

    for key_node, value_node in zip(table.keys, table.values):
        if not (isinstance(key_node, ast.Constant) and isinstance(key_node.value, str)):
            raise ctx.error(value_node, "found a key that is not a string, expected \"key\"")
        key = key_node.value
        is_none = isinstance(value_node, ast.Constant) and value_node.value is None
        base = attachment.base
        if key == OUTPUT_NAME_KEY and isinstance(base, ir.OutputRef):
            if not is_none and not (isinstance(value_node, ast.Constant) and isinstance(value_node.value, str)):
                raise ctx.error(value_node, "found an OutputName that is not a string, expected a string or None")
            base.output_name = ir.ABSENT if is_none else value_node.value
        elif is_none:
            raise ctx.error(value_node, "found None, expected a value (None is only for OutputName)")
        elif key == "Aggrandizements":
            value = parse_value(ctx, value_node)
            steps = _typed_steps(value)
            if steps is None:
                attachment.extra.append((key, value))
            else:
                attachment.aggrandizements = steps
        else:
            attachment.extra.append((key, parse_value(ctx, value_node)))


def _typed_steps(value) -> list | None:
    """A list of dicts that each have a string Type: aggrandizements proper."""
    if not isinstance(value, ir.ListValue):
        return None
    steps = []
    for item in value.items:
        kind = dict(item.items).get("Type") if isinstance(item, ir.DictValue) else None
        if not ir.is_str_literal(kind):
            return None
        steps.append(ir.Aggrandizement(kind.value, [(k, v) for k, v in item.items if k != "Type"]))
    return steps


def _keyword_fields(ctx, node: ast.Call) -> list:
    from .values import parse as parse_value

    fields = []
    for keyword_node in node.keywords:
        if keyword_node.arg is None:
            raise ctx.error(keyword_node, "found ** here, expected Key=value")
        fields.append((keyword_node.arg, parse_value(ctx, keyword_node.value)))
    return fields


def _append(attachment: ir.Attachment, kind: str, fields: list) -> None:
    if attachment.aggrandizements is ir.ABSENT:
        attachment.aggrandizements = []
    attachment.aggrandizements.append(ir.Aggrandizement(kind, fields))


def _single(ctx, node: ast.Call, function: str) -> ast.expr:
    from .values import single_argument

    return single_argument(ctx, node, function)


def _string_argument(ctx, node: ast.Call, function: str) -> str:
    from .values import string_argument

    return string_argument(ctx, node, _single(ctx, node, function), function)


def _computed(node: ast.expr) -> bool:
    from .value_actions import is_computed

    return is_computed(node)


def _is_method_call(node: ast.expr, method: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method


def _describe(node: ast.expr) -> str:
    if isinstance(node, ast.BinOp):
        return "arithmetic"
    if isinstance(node, ast.Compare):
        return "a comparison"
    if isinstance(node, ast.BoolOp):
        return "and/or"
    if isinstance(node, (ast.Tuple,)):
        return "a tuple"
    return type(node).__name__.lower()
