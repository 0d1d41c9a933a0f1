"""One action <-> one call: ``name = function(Key=value, ...)``.

===============================================  ======================================
plist                                            code
===============================================  ======================================
an action with a UUID                            name = function(keyword=value)
an action without one                            function(keyword=value)
an output the next action takes as its input     name = _ = function(...) / _ = ...
its input parameter left out (input implicit)    function(input=_)
a key that is not a Python name                  function(**{"Show-text": True})
... or spelt like a keyword name (below)         function(**{"title": "x"})
Run Shortcut whose WFWorkflowName is the name    runworkflow(workflow=shortcut_named("Backup",
  in its WFWorkflow                                "9C48..."))  (name= left out)
... with no WFWorkflowName                       runworkflow(..., name=None)
an identifier the catalog does not know          action("com.example.Intent", key=value)
a block action outside its block (no group)      action("is.workflow.actions.conditional", ...)
an entry of another shape                        raw_action({...})
... whose UUID something reads                   name = raw_action({...})
===============================================  ======================================

The function name and the order of the keywords come from the catalog
(``is.workflow.actions.gettext`` -> ``gettext``).  Each key is written by its
keyword name (``catalog.written_keywords``: the label the app shows, else the
key's own words in snake case: ``ask(prompt="Age?", input_type="Number")``),
a key without one as itself; a dialect that keeps the keys (WorkflowBench)
writes ``ask(WFAskActionPrompt="Age?", WFInputType="Number")``, which compiles
the same.  A ``CustomOutputName`` equal to the name the output is assigned to
is not written: compiling records the chosen name there.

Hand-written code may also say an action as the app shows it (compiling only):
``show_alert("Done", title="Note")`` is ``alert(message="Done", title="Note")``,
and Python's ``print(a, b)`` is Show Result of the text print would write
(``f"{a} {b}"``, with ``sep=`` and ``end=``), ``input("Name?")`` Ask for Input.
Bare arguments stand for the catalog's ``positional`` keys (the placeholders of
the action's sentence), a keyword for the key its label or the key's own words
name (``catalog.keyword_names``, every name of a key, where decompiling writes
one), and a display name in snake case (or a short name with underscores
between its words) for the action.

Exact because: every key of the action is a keyword of the call, or an entry of
``**{...}`` when it is not a Python name or is spelt like one of the action's
keyword names; a keyword name is never a key of the action and names one key
alone, so it reads back as the key it was written for; the output's UUID is the assigned name
(one id per name, renamed consistently); an identifier the catalog does not know
is named in ``action("...")``, and an entry of any other shape is ``raw_action({...})``.
"""

from __future__ import annotations

import ast

from .. import catalog, ir, names
from ..writer import nodes
from . import values

IMPLICIT = "_"  # the previous action's output, taken without naming it


def takes_input_implicitly(entry) -> bool:
    """Whether the action takes the previous output when its input key is left out."""
    return entry is not None and entry.input_parameter is not None


# --- lower -----------------------------------------------------------------------------


def lower(ctx, action: ir.Action, *, feeds_next: bool) -> nodes.Stmt:
    entry = catalog.entry(action.identifier)
    params = catalog_order(action, entry)
    omit = ctx.naming.implied_custom_name(action)
    # A key spelt like one of the action's keyword names (`text` where "Text" labels
    # another key) goes in **{...}: as a keyword it would stand for that other key.
    other_names = frozenset(catalog.keyword_names(entry)) if entry is not None else frozenset()
    params, said_absent = _without_implied(ctx, action.identifier, params)
    args = keyword_args(ctx, [(k, v) for k, v in params if k != omit], entry, other_names, identifier=action.identifier)
    if said_absent is not None:
        args.insert(len([a for a in args if not a.star]), nodes.Arg(nodes.Name("None"), file_keywords(ctx, entry).get(said_absent, said_absent)))
    implicit = ctx.implicit_input_key(action, entry)
    if implicit is not None:
        keyword = file_keywords(ctx, entry).get(implicit, implicit)
        args.insert(_input_position(params, implicit, entry), nodes.Arg(nodes.Name(IMPLICIT), keyword))
    function = catalog.call_name(action.identifier) if entry is not None else None
    if function is None or _is_lone_block_piece(action.identifier, (key for key, _ in params)):
        function = "action"
        args.insert(0, nodes.Arg(values.string(action.identifier)))
    return bind(ctx, action, nodes.Call(nodes.Name(function), args), feeds_next)


# A block action is a statement (if, match menu(), for) or a flat piece of one,
# which names its block and its place in it; as a call of its own, only by its
# identifier: a hand-written `conditional(...)` would open a block never closed.
_BLOCK_HINTS = {
    ir.CONDITIONAL: "an If is an `if` statement",
    ir.MENU: 'a menu is `match menu(WFMenuPrompt="..."):` with a `case "Title":` per item',
    ir.REPEAT_COUNT: "a Repeat is `for index in range(1, n + 1):`",
    ir.REPEAT_EACH: "a Repeat with Each is `for item in items:`",
}
_PIECE_KEYS = frozenset({"GroupingIdentifier", "WFControlFlowMode"})


def _is_lone_block_piece(identifier: str, keys) -> bool:
    return identifier in _BLOCK_HINTS and not _PIECE_KEYS.intersection(keys)


def bind(ctx, action: ir.Action, value: nodes.Expr, feeds_next: bool) -> nodes.Stmt:
    """``name = value``, ``name = _ = value``, ``_ = value`` or the bare expression."""
    targets = []
    if ctx.naming.takes_a_name(action):
        targets.append(nodes.Name(ctx.naming.output_name(action.uuid)))
        ctx.defined(action.uuid)
    if feeds_next:
        targets.append(nodes.Name(IMPLICIT))
    return nodes.Assign(targets, value) if targets else nodes.ExprStatement(value)


def lower_raw(ctx, raw: ir.RawAction, *, feeds_next: bool) -> nodes.Stmt:
    """``raw_action({...})``; ``name = raw_action({...})`` when something reads the
    output whose UUID the entry carries (the name then stands for that UUID)."""
    call = nodes.Call(nodes.Name("raw_action"), [nodes.Arg(values.lower(ctx, raw.value))])
    output = ctx.naming.raw_output(raw)
    if output is not None:
        return bind(ctx, output, call, feeds_next)
    return nodes.Assign([nodes.Name(IMPLICIT)], call) if feeds_next else nodes.ExprStatement(call)


def keyword_args(ctx, params, entry, reserved=frozenset(), identifier: str | None = None) -> list[nodes.Arg]:
    # Values are lowered in the order the code shows them, keywords before **{...}:
    # labels made while lowering (missing_1, missing_2) then follow the code, and
    # compiling, which writes the keys in that order, gives the same labels back.
    def lowered(key, value):
        return values.lower(ctx, value, entry.parameter(key) if entry is not None else None, key, identifier)

    spelled = file_keywords(ctx, entry)
    args, starred = [], []
    for key, value in params:
        keyword = spelled.get(key) or (key if names.is_keyword_argument(key) and key not in reserved else None)
        if keyword is None:
            starred.append((key, value))
        else:
            args.append(nodes.Arg(lowered(key, value), keyword))
    if starred:
        args.append(nodes.Arg(nodes.DictDisplay([(values.string(k), lowered(k, v)) for k, v in starred]), star="**"))
    return args


def file_keywords(ctx, entry) -> dict[str, str]:
    """Key -> the keyword this file writes for it: the catalog's keyword name in
    the language's own spelling, the key itself where a dialect keeps the keys."""
    if entry is None or not ctx.naming.facts.plain_keywords:
        return {}
    return catalog.written_keywords(entry)


_RANKS: dict[str, dict[str, int]] = {}


def catalog_order(action: ir.Action, entry) -> list:
    if entry is None or len(action.params) < 2:
        return action.params
    rank = _RANKS.get(entry.identifier)
    if rank is None:
        rank = _RANKS[entry.identifier] = {key: index for index, key in enumerate(entry.parameter_keys)}
    last = len(rank)
    indexed = sorted(enumerate(action.params), key=lambda item: (rank.get(item[1][0], last), item[0]))
    return [param for _, param in indexed]


def _input_position(params, key: str, entry) -> int:
    """Where ``Key=_`` goes among the keywords: at the input's place in catalog order."""
    order = entry.parameter_keys if entry is not None else ()
    if key not in order:
        return 0
    before = set(order[: order.index(key)])
    return sum(1 for k, _ in params if k in before and names.is_keyword_argument(k))


# --- parse -----------------------------------------------------------------------------


def parse(ctx, call: ast.Call) -> ir.Action:
    """The action of a call to an action function (or ``action("identifier", ...)``)."""
    if call.func.id in catalog.PYTHON_FUNCTIONS:
        call = _python_function_call(ctx, call)
    function = call.func.id
    if function == "action":
        identifier, arguments = _explicit_identifier(ctx, call)
    else:
        identifier = catalog.identifier(function) or catalog.identifier_by_alias(function)
        if identifier is None:
            ctx.unknown_action(call, function)
            identifier = ""
        arguments = call.args
    entry = catalog.entry(identifier) if identifier else None
    origin = ctx.origin(call)
    ctx.action_identifier = identifier
    # (the keywords are gathered only for a block's identifier: most calls are not one)
    if function != "action" and identifier in _BLOCK_HINTS and _is_lone_block_piece(identifier, _keyword_names(call.keywords)):
        raise ctx.error(call, f"found {function}() as a call, which would open a block it never closes; {_BLOCK_HINTS[identifier]}")
    keywords = _bare_arguments_as_keywords(ctx, arguments, entry, function) + call.keywords
    keywords, absent = _absent_implied(identifier, keywords, entry)
    params = _with_implied(identifier, parse_keywords(ctx, keywords, entry, origin), absent)
    if takes_input_implicitly(entry) and entry.input_parameter not in origin.keys:
        origin.input_unsaid = True
    return ir.Action(identifier, params, origin=origin)


# --- Python's print() and input() ----------------------------------------------------------
# What they mean in Python is what Show Result and Ask for Input do: print shows
# its arguments as one text, joined by `sep`; input asks for a text, showing its
# prompt.  Compiling only: decompiled code names the actions.

def _python_function_call(ctx, call: ast.Call) -> ast.Call:
    """``print(...)`` / ``input(...)`` as the action call that does the same
    (``catalog.PYTHON_FUNCTIONS``)."""
    function = call.func.id
    entry = catalog.entry(catalog.PYTHON_FUNCTIONS[function])
    if function == "input":
        if call.keywords or len(call.args) > 1:
            raise ctx.error(call, "found input() with more than a prompt, expected input() or input(\"prompt\")")
        arguments = call.args
    else:
        arguments = [_printed_text(ctx, call)]
    keywords = [ast.keyword(arg=key, value=node) for key, node in zip(entry.positional, arguments)]
    name = ast.copy_location(ast.Name(id=catalog.call_name(entry.identifier), ctx=ast.Load()), call.func)
    return ast.copy_location(ast.Call(func=name, args=[], keywords=[ast.copy_location(k, call) for k in keywords]), call)


def _printed_text(ctx, call: ast.Call) -> ast.expr:
    """The text ``print`` would write: one argument as it is, several joined by ``sep``."""
    texts = {"sep": " ", "end": "\n"}
    for keyword in call.keywords:
        if keyword.arg in texts and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            texts[keyword.arg] = keyword.value.value
        else:
            raise ctx.error(keyword, f"found print({keyword.arg or '**'}=...), which Show Result has no place for; "
                                     "expected print(value, ...) with sep= and end= texts")
    sep, end = texts["sep"], texts["end"].removesuffix("\n")  # what shows: the line, not its break
    for argument in call.args:
        if isinstance(argument, ast.Starred):
            raise ctx.error(argument, "found print(*values), expected the values one by one")
    if not call.args:
        raise ctx.error(call, "found print() with nothing to show, expected print(value)")
    arguments = [_printed_constant(argument) for argument in call.args]
    if end:
        arguments.append(ast.copy_location(ast.Constant(end), call))
    if len(arguments) == 1:
        return arguments[0]
    parts: list[ast.expr] = []
    for index, argument in enumerate(arguments):
        if index and sep and not (end and index == len(arguments) - 1):  # `end` follows with no separator
            parts.append(ast.Constant(sep))
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            parts.append(argument)
        elif isinstance(argument, ast.JoinedStr):
            parts.extend(argument.values)
        else:
            parts.append(ast.copy_location(ast.FormattedValue(value=argument, conversion=-1, format_spec=None), argument))
    return ast.copy_location(ast.JoinedStr(values=_joined_constants(parts)), call)


def _printed_constant(argument: ast.expr) -> ast.expr:
    """A number, True, False or None as the text print writes for it (``3`` -> "3")."""
    if isinstance(argument, ast.Constant) and not isinstance(argument.value, (str, bytes)):
        return ast.copy_location(ast.Constant(str(argument.value)), argument)
    return argument


def _joined_constants(parts: list[ast.expr]) -> list[ast.expr]:
    """Neighbouring text parts as one, as Python's own f-strings hold them."""
    joined: list[ast.expr] = []
    for part in parts:
        if isinstance(part, ast.Constant) and joined and isinstance(joined[-1], ast.Constant):
            joined[-1] = ast.copy_location(ast.Constant(joined[-1].value + part.value), joined[-1])
        else:
            joined.append(part)
    return joined


# --- keys another key implies -----------------------------------------------------------
# Run Shortcut names the shortcut twice: in WFWorkflow (shortcut_named("Backup", ...))
# and in WFWorkflowName.  Where the two agree, the code says it once; `name=None`
# says that a file has no WFWorkflowName beside its WFWorkflow.

RUN_SHORTCUT = "is.workflow.actions.runworkflow"
_NAME_KEY, _SHORTCUT_KEY = "WFWorkflowName", "WFWorkflow"


def _shortcut_name(value) -> ir.Literal | None:
    """The workflowName of a shortcut reference, when it is a plain string."""
    if isinstance(value, ir.DictValue):
        name = dict(value.items).get("workflowName")
        if isinstance(name, ir.Literal) and type(name.value) is str:
            return name
    return None


def _without_implied(ctx, identifier: str, params: list) -> tuple[list, str | None]:
    """The parameters to write, and the implied key to write as absent (``Key=None``)."""
    if identifier != RUN_SHORTCUT or not ctx.naming.facts.plain_keywords:
        return params, None
    values_by_key = dict(params)
    implied = _shortcut_name(values_by_key.get(_SHORTCUT_KEY))
    if implied is None:
        return params, None
    if _NAME_KEY not in values_by_key:
        return params, _NAME_KEY
    if values_by_key[_NAME_KEY] == implied:
        return [(k, v) for k, v in params if k != _NAME_KEY], None
    return params, None


def _absent_implied(identifier: str, keywords: list, entry) -> tuple[list, bool]:
    """The keywords without an implied key given as None, and whether there was one."""
    if identifier != RUN_SHORTCUT:
        return keywords, False
    kept = [k for k in keywords if not (_key_named(entry, k.arg) == _NAME_KEY and isinstance(k.value, ast.Constant) and k.value.value is None)]
    return kept, len(kept) != len(keywords)


def _with_implied(identifier: str, params: list, absent: bool) -> list:
    if identifier != RUN_SHORTCUT or absent or any(key == _NAME_KEY for key, _ in params):
        return params
    implied = _shortcut_name(dict(params).get(_SHORTCUT_KEY))
    return params if implied is None else [*params, (_NAME_KEY, ir.Literal(implied.value))]


def _keyword_names(keywords: list[ast.keyword]) -> set[str]:
    names_given = {keyword.arg for keyword in keywords if keyword.arg}
    for keyword in keywords:
        if keyword.arg is None and isinstance(keyword.value, ast.Dict):
            names_given.update(key.value for key in keyword.value.keys if isinstance(key, ast.Constant))
    return names_given


def _bare_arguments_as_keywords(ctx, arguments: list, entry, function: str) -> list[ast.keyword]:
    """``alert("Done")`` as ``alert(message="Done")``.

    Bare arguments stand, in order, for the action's ``positional`` keys (the
    placeholders of its sentence in the app), so hand-written code reads as the
    app shows the action.  Compiling writes the same plist either way.
    """
    if not arguments or entry is None:
        return []  # an unknown action is reported already
    for node in arguments:
        if isinstance(node, ast.Starred):
            raise ctx.error(node, f"found *arguments in {function}(), expected the values one by one")
    keys = entry.positional
    if len(arguments) > len(keys):
        extra = arguments[len(keys)]
        if not keys:
            raise ctx.error(
                extra,
                f"found a bare argument, but {function}() takes every value by name: write Key=value "
                f"(`s2py catalog show {function}` lists the keys)",
            )
        raise ctx.error(
            extra,
            f"found {len(arguments)} bare arguments, but {function}() takes at most {len(keys)} "
            f"({', '.join(keys)}); give the others as Key=value",
        )
    return [ast.copy_location(ast.keyword(arg=key, value=node), node) for key, node in zip(keys, arguments)]


def _explicit_identifier(ctx, call: ast.Call) -> tuple[str, list]:
    if not call.args or not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
        raise ctx.error(call, "found action() without an identifier string, expected action(\"identifier\", Key=value)")
    if len(call.args) > 1:
        raise ctx.error(call.args[1], "found a second positional argument, expected Key=value")
    return call.args[0].value, []


def parse_keywords(ctx, keywords: list[ast.keyword], entry, origin: ir.Origin) -> list:
    params: list = []
    seen: set[str] = set()
    input_key = entry.input_parameter if entry is not None else None
    for keyword in keywords:
        if keyword.arg is None:
            pairs = _starred_pairs(ctx, keyword)
        else:
            pairs = [(_key_named(entry, keyword.arg), keyword, keyword.value)]
        for key, key_node, value_node in pairs:
            if key in seen:
                raise ctx.error(key_node, f"found the key {key!r} twice, expected each key once")
            seen.add(key)
            origin.keys[key] = (key_node.lineno, key_node.col_offset)
            origin.values[key] = (value_node.lineno, value_node.col_offset)
            if isinstance(value_node, ast.Name) and value_node.id == IMPLICIT:
                if entry is not None and key != input_key:
                    raise ctx.error(
                        value_node,
                        f"found {key}=_, but `_` (the previous action's output) can only be given as this action's input, {input_key or 'which it does not have'}",
                    )
                continue  # the input is left out: the action takes the previous output
            param = entry.parameter(key) if entry is not None else None
            params.append((key, values.parse(ctx, value_node, param)))
    return params


def _key_named(entry, name: str) -> str:
    """The key a keyword stands for: itself, or, when the action has no such key,
    the parameter whose label in the app reads as ``name`` (``title=`` for "Title")."""
    if entry is None:
        return name
    return catalog.keyword_names(entry).get(name, name)


def _starred_pairs(ctx, keyword: ast.keyword) -> list:
    table = keyword.value
    if not isinstance(table, ast.Dict):
        raise ctx.error(keyword, "found ** with something other than a dict, expected **{\"key\": value}")
    pairs = []
    for key_node, value_node in zip(table.keys, table.values):
        if not (isinstance(key_node, ast.Constant) and isinstance(key_node.value, str)):
            raise ctx.error(value_node if key_node is None else key_node, "found a key that is not a string, expected \"key\"")
        pairs.append((key_node.value, key_node, value_node))
    return pairs


def parse_raw(ctx, call: ast.Call) -> ir.RawAction:
    from .values import single_argument

    return ir.RawAction(values.parse(ctx, single_argument(ctx, call, "raw_action")))
