"""Structured values the app defines <-> one call each, instead of their dict shape.

=======================================================  ================================================
plist                                                    code
=======================================================  ================================================
WFQuantityFieldValue {Magnitude, Unit}                   quantity(500, "mL"), quantity(amount, "min")
... with a unit only                                     quantity(unit="kg")
shortcut reference {workflowIdentifier, workflowName,    shortcut_named("Backup", "9C48945F-...")
  isSelf}                                                shortcut_named("Backup", "…", is_self=True)
WFTimeOffsetValue {Operation, Value, Unit} (an older       time_offset("Add", 1, "Day"),
  Adjust Date's WFAdjustOffsetPicker)                    time_offset("Subtract", Clipboard, "Hour")
app {BundleIdentifier, Name, TeamIdentifier}             app("com.apple.Music", "Music", "0000000000")
AppIntentDescriptor of the action it stands on           app_intent("2DC432GLL2", "ChatGPT")
  (BundleIdentifier + AppIntentIdentifier = the
  action's identifier)
=======================================================  ================================================

A magnitude is a number literal when its text is the literal's own spelling,
a string otherwise, or a variable; an offset's value is a number (the app
keeps it as a number, not text) or a variable.

Exact because: each form is used only when the value has exactly the keys and
types above (order aside); any other value keeps its dict shape.
"""

from __future__ import annotations

import ast
import math

from .. import ir
from ..writer import nodes
from .dictionaries import number_of, spell_number

QUANTITY, SHORTCUT, APP, APP_INTENT, OFFSET = "quantity", "shortcut_named", "app", "app_intent", "time_offset"
FUNCTIONS = frozenset({QUANTITY, SHORTCUT, APP, APP_INTENT, OFFSET})
QUANTITY_TAG, OFFSET_TAG = "WFQuantityFieldValue", "WFTimeOffsetValue"
_OFFSET_KEYS = ("Operation", "Unit", "Value")
_INTENT_KEYS = ("TeamIdentifier", "BundleIdentifier", "Name", "AppIntentIdentifier")
_INSTALL_KEY = "ActionRequiresAppInstallation"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, value: ir.DictValue, key: str | None = None, identifier: str | None = None) -> nodes.Expr | None:
    """The call for a structured value, or None when the value has another shape."""
    fields = dict(value.items)
    if len(fields) != len(value.items):
        return None
    if key == "AppIntentDescriptor" and identifier:
        return _lower_app_intent(fields, identifier)
    if set(fields) == {"Value", "WFSerializationType"}:
        tag = _text(fields["WFSerializationType"])
        if tag == QUANTITY_TAG:
            return _lower_quantity(ctx, fields["Value"])
        if tag == OFFSET_TAG:
            return _lower_offset(ctx, fields["Value"])
    if "workflowName" in fields:
        return _lower_shortcut(fields)
    if set(fields) == {"BundleIdentifier", "Name", "TeamIdentifier"}:
        texts = [_text(fields[k]) for k in ("BundleIdentifier", "Name", "TeamIdentifier")]
        if None not in texts:
            return _call(APP, [nodes.Arg(_string(text)) for text in texts])
    return None


def _lower_quantity(ctx, inner) -> nodes.Expr | None:
    if not isinstance(inner, ir.DictValue):
        return None
    fields = dict(inner.items)
    unit = _text(fields.get("Unit"))
    if unit is None or not set(fields) <= {"Magnitude", "Unit"} or len(fields) != len(inner.items):
        return None
    if "Magnitude" not in fields:
        return _call(QUANTITY, [nodes.Arg(_string(unit), "unit")])
    magnitude = _lower_magnitude(ctx, fields["Magnitude"])
    if magnitude is None:
        return None
    return _call(QUANTITY, [nodes.Arg(magnitude), nodes.Arg(_string(unit))])


def _lower_magnitude(ctx, value) -> nodes.Expr | None:
    from . import values, variables

    text = _text(value)
    if text is not None:
        number = number_of(text)
        return values.lower_scalar(number) if number is not None else _string(text)
    if isinstance(value, ir.BareAttachment):
        return variables.lower(ctx, value.attachment)
    return None


def _lower_offset(ctx, inner) -> nodes.Expr | None:
    from . import values, variables

    if not isinstance(inner, ir.DictValue) or len(inner.items) != 3:
        return None
    fields = dict(inner.items)
    operation, unit, amount = _text(fields.get("Operation")), _text(fields.get("Unit")), fields.get("Value")
    if operation is None or unit is None or set(fields) != set(_OFFSET_KEYS):
        return None
    if isinstance(amount, ir.BareAttachment):
        code = variables.lower(ctx, amount.attachment)
    elif isinstance(amount, ir.Literal) and type(amount.value) in (int, float) and math.isfinite(amount.value):
        code = values.lower_scalar(amount.value)
    else:
        return None
    return _call(OFFSET, [nodes.Arg(_string(operation)), nodes.Arg(code), nodes.Arg(_string(unit))])


def _lower_shortcut(fields: dict) -> nodes.Expr | None:
    name, identifier, itself = _text(fields.get("workflowName")), fields.get("workflowIdentifier"), fields.get("isSelf")
    if name is None or not set(fields) <= {"workflowName", "workflowIdentifier", "isSelf"}:
        return None
    if not (isinstance(itself, ir.Literal) and type(itself.value) is bool):
        return None
    args = [nodes.Arg(_string(name))]
    if identifier is not None:
        if _text(identifier) is None:
            return None
        args.append(nodes.Arg(_string(identifier.value)))
    if itself.value:
        args.append(nodes.Arg(nodes.Name("True"), "is_self"))
    return _call(SHORTCUT, args)


def _lower_app_intent(fields: dict, identifier: str) -> nodes.Expr | None:
    texts = {key: _text(fields.get(key)) for key in _INTENT_KEYS}
    if None in texts.values() or not set(fields) <= {*_INTENT_KEYS, _INSTALL_KEY}:
        return None
    if f"{texts['BundleIdentifier']}.{texts['AppIntentIdentifier']}" != identifier:
        return None
    args = [nodes.Arg(_string(texts["TeamIdentifier"])), nodes.Arg(_string(texts["Name"]))]
    if _INSTALL_KEY in fields:
        install = fields[_INSTALL_KEY]
        if not (isinstance(install, ir.Literal) and type(install.value) is bool):
            return None
        args.append(nodes.Arg(nodes.Name("True" if install.value else "False"), "requires_install"))
    return _call(APP_INTENT, args)


def _text(value) -> str | None:
    return value.value if ir.is_str_literal(value) else None


def _string(text: str) -> nodes.String:
    from .values import string

    return string(text)


def _call(function: str, args: list[nodes.Arg]) -> nodes.Call:
    return nodes.Call(nodes.Name(function), args)


# --- parse -----------------------------------------------------------------------------


def parse(ctx, call: ast.Call) -> ir.DictValue:
    function = call.func.id
    if function == QUANTITY:
        return _parse_quantity(ctx, call)
    if function == SHORTCUT:
        return _parse_shortcut(ctx, call)
    if function == OFFSET:
        return _parse_offset(ctx, call)
    if function == APP:
        texts = _strings(ctx, call, 3, function)
        return ir.DictValue([(key, ir.Literal(text)) for key, text in zip(("BundleIdentifier", "Name", "TeamIdentifier"), texts)])
    return _parse_app_intent(ctx, call)


def _parse_quantity(ctx, call: ast.Call) -> ir.DictValue:
    from . import variables

    keywords = {k.arg: k.value for k in call.keywords}
    unit_node = call.args[1] if len(call.args) == 2 else keywords.get("unit")
    if not (isinstance(unit_node, ast.Constant) and isinstance(unit_node.value, str)) or len(call.args) > 2 or set(keywords) - {"unit"}:
        raise ctx.error(call, "found quantity() without a unit, expected quantity(magnitude, \"unit\")")
    fields = []
    if call.args:
        magnitude = call.args[0]
        if _is_number(magnitude):
            # The sign as written: quantity(-0, ...) keeps its "-0" (spell_number would drop it).
            spelled = spell_number(ctx, magnitude, abs(_number_value(magnitude)))
            fields.append(("Magnitude", ir.Literal(("-" if _negative(magnitude) else "") + spelled)))
        elif isinstance(magnitude, ast.Constant) and isinstance(magnitude.value, str):
            fields.append(("Magnitude", ir.Literal(magnitude.value)))
        else:
            fields.append(("Magnitude", ir.BareAttachment(variables.parse(ctx, magnitude))))
    fields.append(("Unit", ir.Literal(unit_node.value)))
    return ir.DictValue([("Value", ir.DictValue(fields)), ("WFSerializationType", ir.Literal(QUANTITY_TAG))])


def _parse_offset(ctx, call: ast.Call) -> ir.DictValue:
    from . import variables

    args = call.args
    texts = [args[i] for i in (0, 2)] if len(args) == 3 else []
    if call.keywords or not texts or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
        raise ctx.error(call, f"found {OFFSET}() with other arguments, expected {_usage(OFFSET)}")
    for text in texts:
        ctx.check_text(text, text.value)
    amount = args[1]
    if _is_number(amount):
        value: ir.Value = ir.Literal(_number_value(amount))
    elif isinstance(amount, ast.Constant):
        raise ctx.error(amount, f"found {OFFSET}() with a {type(amount.value).__name__} amount, expected a number or a variable")
    else:
        value = ir.BareAttachment(variables.parse(ctx, amount))
    inner = [("Operation", ir.Literal(texts[0].value)), ("Unit", ir.Literal(texts[1].value)), ("Value", value)]
    return ir.DictValue([("Value", ir.DictValue(inner)), ("WFSerializationType", ir.Literal(OFFSET_TAG))])


def _parse_shortcut(ctx, call: ast.Call) -> ir.DictValue:
    texts = _strings(ctx, call, len(call.args), SHORTCUT, allowed=(1, 2), keywords=("is_self",))
    fields: list = []
    if len(texts) == 2:
        fields.append(("workflowIdentifier", ir.Literal(texts[1])))
    fields.append(("workflowName", ir.Literal(texts[0])))
    fields.append(("isSelf", ir.Literal(_flag(ctx, call, "is_self"))))
    return ir.DictValue(fields)


def _parse_app_intent(ctx, call: ast.Call) -> ir.DictValue:
    identifier = ctx.action_identifier
    bundle, _, intent = identifier.rpartition(".")
    if not bundle:
        raise ctx.error(call, "found app_intent() on an action whose identifier is not bundle.Intent")
    team, name = _strings(ctx, call, 2, APP_INTENT, keywords=("requires_install",))
    fields = [
        ("TeamIdentifier", ir.Literal(team)),
        ("BundleIdentifier", ir.Literal(bundle)),
        ("Name", ir.Literal(name)),
        ("AppIntentIdentifier", ir.Literal(intent)),
    ]
    if any(k.arg == "requires_install" for k in call.keywords):
        fields.append((_INSTALL_KEY, ir.Literal(_flag(ctx, call, "requires_install"))))
    return ir.DictValue(fields)


def _strings(ctx, call: ast.Call, count: int, function: str, allowed=None, keywords=()) -> list[str]:
    allowed = allowed or (count,)
    args = call.args
    if len(args) not in allowed or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
        raise ctx.error(call, f"found {function}() with other arguments, expected {_usage(function)}")
    for keyword in call.keywords:
        if keyword.arg not in keywords:
            raise ctx.error(keyword, f"found {function}({keyword.arg}=...), expected {_usage(function)}")
    for arg in args:
        ctx.check_text(arg, arg.value)
    return [a.value for a in args]


def _flag(ctx, call: ast.Call, name: str) -> bool:
    for keyword in call.keywords:
        if keyword.arg == name:
            if not (isinstance(keyword.value, ast.Constant) and type(keyword.value.value) is bool):
                raise ctx.error(keyword, f"found {name}= that is not True or False")
            return keyword.value.value
    return False


def _usage(function: str) -> str:
    return {
        QUANTITY: 'quantity(magnitude, "unit")',
        SHORTCUT: 'shortcut_named("name", "identifier")',
        APP: 'app("bundle identifier", "name", "team identifier")',
        APP_INTENT: 'app_intent("team identifier", "app name")',
        OFFSET: 'time_offset("Add", amount, "Day")',
    }[function]


def _is_number(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _negative(node: ast.expr) -> bool:
    return isinstance(node, ast.UnaryOp)


def _number_value(node: ast.expr):
    return -node.operand.value if isinstance(node, ast.UnaryOp) else node.value
