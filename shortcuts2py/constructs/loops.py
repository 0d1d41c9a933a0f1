"""Repeat and Repeat with Each <-> ``for`` loops.

=========================================  ==============================================
plist                                      code
=========================================  ==============================================
Repeat n times, Repeat Index unused         for _ in range(n):
Repeat n times, Repeat Index used           for index in range(1, n + 1):
Repeat with Each item of x                  for item in x:
... of a List action's items                for item in ["a", "b"]:  (the List action first)
... its body taking the item unnamed        for _ in x:
... its Repeat Index used                   for index, item in enumerate(x, start=1):
... both (item unnamed, index used)         for index, _ in enumerate(x, start=1):
... of the previous output                  for item in _:
a count stored as a real or as text        range(int(3.0)), range(int("3"))
Repeat with Each of a dictionary's keys     for key in d:  (by hand, d a dictionary's output)
Repeat with Each of a dictionary's keys,    for key, value in d.items():  (by hand)
  reading each value first                    ... is for key in d.keys(): value = d.get(key)
other settings (the same loop targets)      for ... in repeat_count(...) / repeat_each(...)
End Repeat with an output                   results = repeat_results(...) after the loop
=========================================  ==============================================

Python counts from 0 and the app's Repeat Index from 1, so an index that is
read is written with ``range(1, n + 1)`` and ``enumerate(..., start=1)``:
the code means what the shortcut does.  Compiling ``range(n)`` or
``enumerate(x)`` with the index read inserts the one subtraction that makes
the Python meaning true (``range(2, 5)``: three turns, the index Repeat Index + 1).  The loop's names stand for Repeat Item / Repeat
Index (``Repeat Item 2`` in a loop inside a loop) inside its body.

Exact because: the count keeps its plist type (``range(int(3.0))`` for a real,
``range(int("3"))`` for text), the loop's other keys keep the ``repeat_count`` /
``repeat_each`` form, and the names of item and index are the loop's own, so
each reference inside the body comes back to Repeat Item or Repeat Index.
"""

from __future__ import annotations

import ast
import copy

from .. import ir
from ..writer import nodes
from . import values, variables
from .calls import IMPLICIT, keyword_args

END_FUNCTION = "repeat_results"
COUNT_KEY, INPUT_KEY = "WFRepeatCount", "WFInput"


def variable_names(depth: int) -> tuple[str, str]:
    """The app's names for the index and item of a loop at ``depth`` (1 = outermost)."""
    suffix = "" if depth == 1 else f" {depth}"
    return f"Repeat Index{suffix}", f"Repeat Item{suffix}"


# --- lower -----------------------------------------------------------------------------


def lower(ctx, block: ir.Block) -> nodes.For:
    each = block.identifier == ir.REPEAT_EACH
    depth = ctx.loop_depth + 1
    index_name, item_name = variable_names(depth)
    used = ctx.naming.variables_read(block.sections[0].body)
    index_code = ctx.naming.loop_code_name("index", depth) if index_name in used else None
    if each and ctx.starts_with_input(block.sections[0].body):
        # The body starts by taking the item without naming it: `for _ in x:`.  Python's
        # `_` is the item only until the first action's output takes its place, so
        # reads of the item by name say `var("Repeat Item")`.
        item_code = IMPLICIT
    else:
        item_code = ctx.naming.loop_code_name("item", depth)
    iterator = _iterator(ctx, block.start.params, each, index_code is not None)
    aliases = {index_name: index_code} if index_code is not None else {}
    if each and item_code != IMPLICIT:
        aliases[item_name] = item_code
    target = _target(index_code, item_code if each else None)
    body = ctx.loop_body(block, aliases)
    return nodes.For(target, iterator, body)


def _target(index_code: str | None, item_code: str | None) -> nodes.Expr:
    """``index``/``_`` (Repeat), ``item`` or ``index, item`` (Repeat with Each): a loop
    with an index always names its item too, ``_`` when the body takes it unnamed,
    since one name there would read back as the item."""
    if item_code is None:
        return nodes.Name(index_code or "_")
    if index_code is None:
        return nodes.Name(item_code)
    return nodes.TupleDisplay([nodes.Name(index_code), nodes.Name(item_code)], parens=False)


def _iterator(ctx, params: list, each: bool, with_index: bool) -> nodes.Expr:
    key = INPUT_KEY if each else COUNT_KEY
    if each and not params:
        source: nodes.Expr | None = nodes.Name(IMPLICIT)
    elif len(params) == 1 and params[0][0] == key:
        value = params[0][1]
        # `for item in [...]` makes a List action: a list written into the loop keeps the general form.
        source = _each_source(ctx, value) if each else _count(ctx, value)
    else:
        source = None
    if source is None:
        return nodes.Call(nodes.Name("repeat_each" if each else "repeat_count"), keyword_args(ctx, params, None))
    if each:
        if with_index:
            return nodes.Call(nodes.Name("enumerate"), [nodes.Arg(source), nodes.Arg(nodes.Number("1"), "start")])
        return source
    if with_index:
        return nodes.Call(nodes.Name("range"), [nodes.Arg(nodes.Number("1")), nodes.Arg(nodes.BinaryOp(source, "+", nodes.Number("1")))])
    return nodes.Call(nodes.Name("range"), [nodes.Arg(source)])


def _each_source(ctx, value) -> nodes.Expr | None:
    """A variable, or the items of a List action written in the loop (Naming.inlined_lists)."""
    from .value_actions import is_dictionary

    if not isinstance(value, ir.TokenAttachment):
        return None
    if is_dictionary(value, ctx.naming.source_identifier):
        return None  # `for key in d:` goes through d's keys in Python: the loop keeps its call
    base = value.attachment.base
    listed = ctx.naming.inlined_lists.get(base.uuid) if isinstance(base, ir.OutputRef) else None
    if listed is not None:
        ctx.defined(listed.uuid)
        return nodes.ListDisplay([values.lower(ctx, item) for item in listed.param("WFItems").items])
    return values.lower(ctx, value)


def _count(ctx, value) -> nodes.Expr | None:
    if isinstance(value, ir.TokenAttachment):
        return variables.lower(ctx, value.attachment)
    if isinstance(value, ir.Literal):
        kind = type(value.value)
        if kind is int and value.value >= 0:
            return values.lower_scalar(value.value)
        if kind in (float, str):
            return nodes.Call(nodes.Name("int"), [nodes.Arg(values.lower_scalar(value.value))])
    return None


# --- parse -----------------------------------------------------------------------------


def parse(ctx, node: ast.For) -> ir.Block:
    """A loop; its target names stand for the loop's variables inside the body."""
    depth = ctx.loop_depth + 1
    index_name, item_name = variable_names(depth)
    iterator, target = node.iter, node.target
    function = iterator.func.id if isinstance(iterator, ast.Call) and isinstance(iterator.func, ast.Name) else None
    origin = ctx.origin(node)
    shift = None  # an index that Python counts from `first`, not 1: the body computes it from Repeat Index
    first = 0
    if function in ("repeat_count", "repeat_each"):
        from .calls import parse_keywords

        each = function == "repeat_each"
        params = parse_keywords(ctx, iterator.keywords, None, origin)
        if each and not isinstance(target, ast.Tuple):  # one name: the item, as in `for item in x`
            aliases = {_single_name(ctx, target, "repeat_each(...)"): item_name}
        else:
            aliases = _target_aliases(ctx, target, each, index_name, item_name)
    elif function == "range":
        each = False
        count, first = _range_count(ctx, iterator)
        params = [(COUNT_KEY, count)]
        index = _single_name(ctx, target, "range")
        aliases = {index: index_name}
        if first != 1:
            shift = index
    else:
        each = True
        source, start = iterator, 1
        if function == "enumerate":
            source, start = _enumerate_parts(ctx, iterator)
        params = [] if _is_implicit(source) else [(INPUT_KEY, _items(ctx, source))]
        if function == "enumerate":
            aliases = _target_aliases(ctx, target, True, index_name, item_name)
            if start == 0:
                shift = _pair(ctx, target)[0]
        else:
            aliases = {_single_name(ctx, target, "for item in items"): item_name}
    identifier = ir.REPEAT_EACH if each else ir.REPEAT_COUNT
    block = ctx.open_block(ir.Action(identifier, params, origin=origin))
    block.sections.append(ir.Section(None, ctx.loop_body(node.body, aliases, shift=shift, index_variable=index_name, first=first)))
    return block


def rewrite_item_loops(ctx, tree: ast.Module, source) -> None:
    """Every ``for key, value in d.items():`` as ``for key in d.keys():`` whose body
    first reads ``value = d.get(key)``, in place, before the names are analysed
    (the loop and its body keep their identity; ``source`` places the comments)."""
    lists = [tree.body]
    while lists:
        statements = lists.pop()
        for node in statements:
            if isinstance(node, ast.For) and _is_items_call(node.iter):
                _as_keys_loop(ctx, node, source)
            if isinstance(node, (ast.If, ast.For)):
                lists.extend((node.body, node.orelse))
            elif isinstance(node, ast.Match):
                lists.extend(case.body for case in node.cases)


def _is_items_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "items"
        and not node.args and not node.keywords
    )


def _as_keys_loop(ctx, node: ast.For, source) -> None:
    from .ifs import runs_an_action

    dictionary = node.iter.func.value
    if runs_an_action(dictionary):
        raise ctx.error(dictionary, "found .items() of an action's call, which the loop would run twice "
                        "(for its keys, then for each value); assign its output to a name first: `d = ...`, "
                        "then `for key, value in d.items():`")
    target = node.target
    if not (isinstance(target, ast.Tuple) and len(target.elts) == 2 and all(isinstance(e, ast.Name) for e in target.elts)):
        raise ctx.error(target, "found a loop over .items() without two names, expected `for key, value in d.items():`")
    key, value = target.elts
    if key.id == IMPLICIT:
        raise ctx.error(target, "found `_` for the key of a loop over .items(), expected a name: `for key, value in d.items():`")

    def at(made):
        return ast.copy_location(made, target)

    def method(name: str):  # each use reads the dictionary anew: a copy of its expression
        return at(ast.Attribute(value=copy.deepcopy(dictionary), attr=name, ctx=ast.Load()))

    node.iter = ast.copy_location(ast.Call(func=method("keys"), args=[], keywords=[]), node.iter)
    node.target = at(ast.Name(key.id, ast.Store()))
    if value.id == IMPLICIT:  # `for key, _ in d.items():` leaves the values unread, as Python does
        return
    read = ast.Call(func=method("get"), args=[at(ast.Name(key.id, ast.Load()))], keywords=[])
    node.body.insert(0, at(ast.Assign(targets=[at(ast.Name(value.id, ast.Store()))], value=at(read))))
    slots = source.comment_slots(node.body)
    if slots is not None:
        slots.insert(1, [])  # comments at the top of the body stay before the value is read


def _items(ctx, source: ast.expr) -> ir.Value:
    """What a loop goes through: a variable, or a list literal made by a List action first."""
    from . import value_actions

    if isinstance(source, ast.List):
        return value_actions.made_first(ctx, source)
    if isinstance(source, (ast.Constant, ast.JoinedStr)) and not isinstance(getattr(source, "value", None), bytes):
        raise ctx.error(source, "found a loop over text, which Python goes through character by character and "
                        "Repeat with Each takes as one item; split it first: for ch in text_split(text=..., separator=\"Every Character\")")
    if isinstance(source, ast.Dict):
        raise ctx.error(source, "found a loop over a dict; go through its keys: for key in d.keys()")
    from .value_actions import is_dictionary, keys_made_first

    value = values.parse(ctx, source)
    if is_dictionary(value, ctx.output_identifier):  # Python goes through a dictionary's keys
        return keys_made_first(ctx, source)
    return value


def _range_count(ctx, call: ast.Call) -> tuple[object, int]:
    """(WFRepeatCount, the index's first value) of ``range(n)``, ``range(1, n + 1)``
    or ``range(a, b)`` with whole numbers a <= b."""
    if call.keywords:
        raise ctx.error(call, "found range() with keywords, expected range(n) or range(1, n + 1)")
    args = call.args
    if len(args) == 1:
        return _parse_count(ctx, args[0]), 0
    if len(args) == 2 and _whole(args[0]):
        first, stop = args[0].value, args[1]
        if first == 1 and isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.Add) and _whole(stop.right) and stop.right.value == 1:
            return _parse_count(ctx, stop.left), 1
        if _whole(stop) and stop.value >= first:
            return ir.Literal(values.plist_integer(ctx, stop, stop.value - first)), first
    raise ctx.error(call, "found a range the app cannot repeat over, expected range(n), range(1, n + 1) "
                    "or range(a, b) with whole numbers")


def _whole(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value >= 0


def _parse_count(ctx, node: ast.expr):
    if isinstance(node, ast.Constant) and type(node.value) is int:
        if node.value < 0:
            raise ctx.error(node, "found a negative repeat count, expected a count of 0 or more")
        return ir.Literal(values.plist_integer(ctx, node, node.value))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "int" and len(node.args) == 1 and not node.keywords:
        inner = node.args[0]
        if isinstance(inner, ast.Constant) and type(inner.value) in (float, str):
            return ir.Literal(inner.value)
        if values.is_number_literal(inner) and not isinstance(inner, ast.Constant):
            return values.parse(ctx, inner)  # int(real("inf")), int(-2.5): a count kept as a real
        node = inner
    if isinstance(node, ast.Constant):
        raise ctx.error(node, f"found {node.value!r} as a repeat count, expected a whole number or a variable")
    return ir.TokenAttachment(variables.parse(ctx, node))


def _enumerate_parts(ctx, call: ast.Call) -> tuple[ast.expr, int]:
    if len(call.args) != 1:
        raise ctx.error(call, "found enumerate() without one list, expected enumerate(items, start=1)")
    start = 0
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg != "start" or not (isinstance(value, ast.Constant) and value.value in (0, 1) and type(value.value) is int):
            raise ctx.error(keyword, "found an enumerate() option other than start=1 or start=0")
        start = value.value
    return call.args[0], start


def _target_aliases(ctx, target, each: bool, index_name: str, item_name: str) -> dict[str, str]:
    if not each:
        return {_single_name(ctx, target, "range"): index_name}
    index, item = _pair(ctx, target)
    return {index: index_name, item: item_name}


def _pair(ctx, target) -> tuple[str, str]:
    if isinstance(target, ast.Tuple) and len(target.elts) == 2 and all(isinstance(e, ast.Name) for e in target.elts):
        return target.elts[0].id, target.elts[1].id
    raise ctx.error(target, "found a loop target other than two names, expected `for index, item in enumerate(items, start=1)`")


def _single_name(ctx, target, form: str) -> str:
    if isinstance(target, ast.Name):
        return target.id
    raise ctx.error(target, f"found a loop target that is not one name, expected one name with {form}")


def _is_implicit(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == IMPLICIT
