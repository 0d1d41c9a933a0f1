"""Set Variable, Append to Variable and Get Variable <-> Python assignments.

=================================================  ==========================
plist                                              code
=================================================  ==========================
Set Variable "Total" to x                          Total = x
Set Variable "Total" to the previous output        Total = _
Append x to Variable "Items"                       Items += [x]   (or Items.append(x))
Get Variable x (no output id), passed on            _ = x
=================================================  ==========================

By hand, ``d["key"] = value`` also works: Python changes ``d`` in place, and
Set Dictionary Value gives the changed copy, so it compiles as
``d = setvalueforkey(WFDictionary=d, WFDictionaryKey="key", WFDictionaryValue=value)``.

In a file whose Set / Append to Variable actions all carry a stray
``WFSerializationType`` (some tools write one), the header's
``tagged_variables=True`` says so once.

The assigned name is the Shortcuts variable's name, so it must be a plain
Python name that no output uses; other variables keep the call form.
``_`` on the left as well (``Total = _ = x``) passes the value on to the next
action, which takes it without naming it.

Exact because: a Set or Append to Variable takes the assignment form only when
it holds nothing but the name and the value; any other key keeps the call form,
and the name means the same variable wherever it is read.
"""

from __future__ import annotations

import ast

from .. import catalog, ir
from ..naming import TAG_KEY, TAG_VALUE, stores_variable
from ..writer import nodes
from . import variables
from .calls import IMPLICIT

GET_VARIABLE = "is.workflow.actions.getvariable"
SET_VALUE = "is.workflow.actions.setvalueforkey"
NAME_KEY, INPUT_KEY, VARIABLE_KEY = "WFVariableName", "WFInput", "WFVariable"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, action: ir.Action, *, feeds_next: bool) -> nodes.Stmt | None:
    identifier = action.identifier
    if identifier in (ir.SET_VARIABLE, ir.APPEND_VARIABLE):
        if not stores_variable(action, ctx.naming.tagged_variables):
            return None
        name = action.param(NAME_KEY).value
        if not ctx.naming.variable_is_bare(name):
            return None
        value = _input_code(ctx, action.param(INPUT_KEY))
        if identifier == ir.APPEND_VARIABLE:
            return nodes.AugAssign(nodes.Name(name), "+", nodes.ListDisplay([value]))
        # `_` still holds what `Total = _` stored, so only another value needs passing on.
        passes_on = feeds_next and not (isinstance(value, nodes.Name) and value.text == IMPLICIT)
        targets = [nodes.Name(name)] + ([nodes.Name(IMPLICIT)] if passes_on else [])
        return nodes.Assign(targets, value)
    if identifier == GET_VARIABLE and action.uuid is None and len(action.params) == 1:
        key, value = action.params[0]
        if key == VARIABLE_KEY and isinstance(value, ir.TokenAttachment):
            return nodes.Assign([nodes.Name(IMPLICIT)], variables.lower(ctx, value.attachment))
    return None


def _input_code(ctx, value) -> nodes.Expr:
    if value is ir.ABSENT:
        return nodes.Name(IMPLICIT)
    return variables.lower(ctx, value.attachment)


# --- parse -----------------------------------------------------------------------------


def is_implicit(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == IMPLICIT


def parse_set(ctx, name: str, value: ast.expr, where: ast.AST) -> ir.Action:
    """``Name = reference`` (or ``Name = _``): Set Variable."""
    return ir.Action(ir.SET_VARIABLE, _params(ctx, name, value), origin=ctx.origin(where))


def parse_append(ctx, name: str, value: ast.expr, where: ast.AST) -> ir.Action:
    """``Name += [x]`` or ``Name.append(x)``: Append to Variable."""
    return ir.Action(ir.APPEND_VARIABLE, _params(ctx, name, value), origin=ctx.origin(where))


def _params(ctx, name: str, value: ast.expr) -> list:
    params = [(NAME_KEY, ir.Literal(name))]
    if not is_implicit(value):
        params.append((INPUT_KEY, ir.TokenAttachment(_source(ctx, name, value))))
    if ctx.settings.tagged_variables:
        params.append((TAG_KEY, ir.Literal(TAG_VALUE)))
    return params


def parse_get(ctx, value: ast.expr, where: ast.AST) -> ir.Action:
    """``_ = reference``: Get Variable, its output passed on."""
    params = [(VARIABLE_KEY, ir.TokenAttachment(variables.parse(ctx, value)))]
    return ir.Action(GET_VARIABLE, params, origin=ctx.origin(where))


def _source(ctx, name: str, value: ast.expr) -> ir.Attachment:
    """What a variable is set to: a variable, or a value made by its action first (`Items += ["a"]`)."""
    from . import value_actions

    if value_actions.is_value(value) and not value_actions.is_computed(value):
        return ir.Attachment(ctx.hoist(value_actions.parse(ctx, value), name))
    return variables.parse(ctx, value)


def appended_values(node: ast.AugAssign) -> list[ast.expr] | None:
    """The items of ``Name += [x, ...]`` (Append to Variable, once per item), or None
    when the statement is arithmetic (``n += 2``: ``n = n + 2``)."""
    if isinstance(node.op, ast.Add) and isinstance(node.value, ast.List):
        return node.value.elts
    return None


def rewrite_key_updates(tree: ast.AST) -> None:
    """Every ``d["k"] = v`` as ``d = setvalueforkey(...)``, in place, before the
    names are analysed (the statements keep their identity: comments and the
    flow analysis refer to them)."""
    statements = list(tree.body)  # statements only: an assignment is no expression
    while statements:
        node = statements.pop()
        kind = type(node)
        if kind is ast.Assign:
            update = _key_update(node)
            if update is not None:
                node.targets, node.value = update.targets, update.value
        elif kind is ast.If or kind is ast.For:
            statements.extend(node.body)
            statements.extend(node.orelse)
        elif kind is ast.Match:
            for case in node.cases:
                statements.extend(case.body)


def _key_update(node: ast.Assign) -> ast.Assign | None:
    """``d["k"] = v`` as the Set Dictionary Value whose changed copy ``d`` then
    names, or None for any other assignment."""
    target = node.targets[0] if len(node.targets) == 1 else None
    if not (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)):
        return None
    key = target.slice
    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
        return None
    owner = target.value

    def placed(new, old=target):
        return ast.copy_location(new, old)

    keywords = [
        placed(ast.keyword("WFDictionary", placed(ast.Name(owner.id, ast.Load()), owner)), owner),
        placed(ast.keyword("WFDictionaryKey", key), key),
        placed(ast.keyword("WFDictionaryValue", node.value), node.value),
    ]
    call = placed(ast.Call(placed(ast.Name(catalog.call_name(SET_VALUE), ast.Load())), [], keywords), node)
    return placed(ast.Assign([placed(ast.Name(owner.id, ast.Store()), owner)], call), node)


def as_assignment(node: ast.AugAssign) -> ast.Assign:
    """``n += 2`` as ``n = n + 2``: what Python computes."""
    read = ast.copy_location(ast.Name(node.target.id, ast.Load()), node.target)
    value = ast.copy_location(ast.BinOp(read, node.op, node.value), node)
    target = ast.copy_location(ast.Name(node.target.id, ast.Store()), node.target)
    return ast.copy_location(ast.Assign([target], value), node)
