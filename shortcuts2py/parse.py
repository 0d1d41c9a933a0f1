"""Workflow code -> IR: Python's parser reads the code, the constructs give it meaning.

This module walks the statements, asks ``flow`` which assignment each name
read refers to, and hands each statement to its construct.  It owns what
spans statements: names and their ids, blocks and their ends, loop variables
in scope, comments between statements.  It never runs the code.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re

from . import catalog, ir, names
from .constructs import assignments, calls, comments, header, ifs, loops, menus, value_actions, variables
from .errors import CompileError
from .flow import UNDEFINED, FlowAnalysis
from .frontend import REFUSED_STATEMENTS, SourceModule, parse_python, read_source
from .naming import CUSTOM_NAME_KEY, carries_an_id, is_standard_name, plain_actions, raw_output, shown_display, standard_display

# Statements that stand for the end of a block: function -> block identifiers.
END_FUNCTIONS = {
    ifs.END_FUNCTION: (ir.CONDITIONAL,),
    menus.END_FUNCTION: (ir.MENU,),
    loops.END_FUNCTION: (ir.REPEAT_COUNT, ir.REPEAT_EACH),
}
# Fixed namespace so that compiling the same code twice gives the same ids.
_ID_NAMESPACE_BYTES = bytes.fromhex("6f1c2a4e5b7d4e8a9c3f2d1e0b9a8c7d")  # the UUID 6f1c2a4e-5b7d-4e8a-9c3f-2d1e0b9a8c7d
_LANGUAGE_CALLS = frozenset({"raw_action", *END_FUNCTIONS})
_REFERENCE_FUNCTIONS = variables.VARIABLE_FUNCTIONS
_SURROGATE = re.compile("[\ud800-\udfff]")
_DISPLAY_PENDING = object()
# Python's functions a program reaches for first, and the action that does their job.
PYTHON_FUNCTION_HINTS = {
    "int": "Shortcuts has one kind of number: float(x) reads x as a number, is_workflow_actions_round(number=x) rounds it",
    "round": "use round_number(x) (Round Number; its mode=\"Normal\" rounds halves up, where Python's round goes to the even neighbour)",
    "abs": "abs() takes one number: abs(x) is Calculate's abs",
    "sorted": "use filter_files(input=items, sort_property=\"Name\") to sort items",
    "open": "use documentpicker_open(...) (Get File) to read a file",
    "current_date": "the current date is the global CurrentDate, a value (format_date(CurrentDate, ...))",
    "now": "the current date is the global CurrentDate, a value (format_date(CurrentDate, ...))",
}  # a ref() whose OutputName comes from its output, once found
# Python's methods that change a list or dict in place (append is Add to Variable).
IN_PLACE_HINTS = {
    "sort": "sort into a new name, e.g. `ordered = filter_files(input=items, sort_property=\"Name\")`",
    "reverse": "sort into a new name with filter_files(..., sort_order=\"Z to A\")",
    "extend": "add the items to the variable: `items += more`",
    "insert": "add at the end instead: `items += [x]`",
    "remove": "filter into a new name with filter_files(...) and where(...)",
    "pop": "read the item you want (`items[-1]`) into a name",
    "clear": "set the variable again: `items = []`",
    "update": "set each key: `d[\"key\"] = value`",
}


def parse_workflow(code: str, filename: str = "<string>", *, problems: list[CompileError] | None = None) -> ir.Workflow:
    """The IR of ``code``; each action records where it was written.

    With a ``problems`` list, a call to an unknown action is recorded there
    and parsing goes on (the action keeps an empty identifier), so that a
    checker sees every such call; otherwise the first one raises.
    """
    source = read_source(code, filename)
    return ParseContext(source, filename, problems).build()


def _subscript_target_error(target: ast.Subscript) -> str:
    """Why ``d["k"] = v`` / ``items[0] += v`` cannot be written, and what to write:
    Shortcuts changes no value in place, its actions give a changed copy."""
    owner = target.value.id if isinstance(target.value, ast.Name) else "d"
    key = target.slice
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return (f"found an assignment to a dictionary key ({owner}[...]), which Shortcuts cannot change in place; "
                f"assign the changed copy: {owner} = is_workflow_actions_setvalueforkey(WFDictionary={owner}, "
                "WFDictionaryKey=\"key\", WFDictionaryValue=value)")
    return (f"found an assignment to an item ({owner}[...]), which Shortcuts cannot change in place; "
            "build a new list instead (append each item with New += [item])")


@functools.lru_cache(maxsize=4096)
def new_id(kind: str, key: str) -> str:
    """``uuid5(_ID_NAMESPACE, "kind:key")``, uppercase; spelled out here because
    ``uuid.uuid5`` builds and formats a UUID object for every action compiled.
    Kept for the keys seen last: most files name their outputs alike (``text``,
    ``if_result``) and number their groups from 0, so most ids were made before."""
    # surrogatepass: a key is only hashed, never stored, so no text can make this fail
    digest = bytearray(hashlib.sha1(_ID_NAMESPACE_BYTES + f"{kind}:{key}".encode("utf-8", "surrogatepass")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = digest.hex().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _kept_or_new(kept: str | None, kind: str, key: str) -> str:
    """The id the ids(...) trailer keeps, else a fresh one.  An empty id is an id
    too (files have GroupingIdentifier ""), so only a missing entry is fresh."""
    return kept if kept is not None else new_id(kind, key)


def _give_outputs_ids(body: list, level) -> None:
    """spelling(output_ids=True): every action whose kind gives an output has an id,
    read or not ("all": every action but a Comment); those no name gave one get a
    fresh one, by their place in the file."""
    for number, action in enumerate(plain_actions(body)):
        if action.uuid is None and carries_an_id(action.identifier, level):
            action.uuid = new_id("output", str(number))


def assignment_kind(value: ast.expr) -> str:
    """What ``name = value`` does: "output" (an action's output) or "variable" (Set Variable)."""
    if value_actions.is_computed(value):  # items[0], name.upper(): an action computes it
        return "output"
    if isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)):
        return "variable"
    if isinstance(value, ast.Call):
        function = value.func
        if isinstance(function, ast.Attribute):
            return "variable"  # a method of a variable: x.as_type(...), x.with_keys(...)
        if isinstance(function, ast.Name) and function.id in _REFERENCE_FUNCTIONS and not value_actions.is_value(value):
            return "variable"
    return "output"


def _definitions(statement: ast.stmt, kind_of=assignment_kind) -> list[tuple[str, str]]:
    """The names a statement assigns, and how (for the flow analysis)."""
    if isinstance(statement, ast.Assign):
        kind = kind_of(statement.value)
        return [(t.id, kind) for t in statement.targets if isinstance(t, ast.Name) and t.id != calls.IMPLICIT]
    if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
        return [(statement.target.id, "variable")]
    append = _appended(statement)
    if append is not None:
        return [(append[0], "variable")]
    return []


def variables_of_code(code: str) -> set[str]:
    """The names that compiling ``code`` makes Shortcuts variables."""
    tree = parse_python(code)
    assignments.rewrite_key_updates(tree)
    statements = tree.body
    return FlowAnalysis(_definitions, frozenset(names.GLOBALS) | {calls.IMPLICIT}).run(statements).variables


def _appended(statement: ast.stmt) -> tuple[str, ast.Call] | None:
    """``Name.append(x)`` as a statement: (Name, the call)."""
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        function = statement.value.func
        if isinstance(function, ast.Attribute) and function.attr == "append" and isinstance(function.value, ast.Name):
            return function.value.id, statement.value
    return None


class ParseContext:
    """The state of one compile, and the questions constructs ask while parsing."""

    def __init__(self, source: SourceModule, filename: str, problems: list[CompileError] | None):
        self.source = source
        self.filename = filename
        self.problems = problems
        self.ids: dict = {}
        self.ifs_opened = 0  # Ifs read so far: the number stale_operands(...) goes by
        # Whether a global variable was read at all: if none was, no action reads the
        # shortcut's input, and the header need not walk the body to find out.
        self.globals_read = False
        self.stale_operands: dict[int, list] = {}  # If number -> (key, value node) pairs (see ifs)
        self._stale_call = None
        self.settings = header.HeaderSettings()
        self.loop_depth = 0
        self.action_identifier = ""  # the action whose keywords are being read
        self._hoisted: list[list] = []  # per statement being read: actions its values need first
        self._loop_targets: set[str] = set()  # names loops have used for their item or index
        self._aliases: list[dict[str, object]] = []
        self._blocks: list[ir.Block] = []
        self._group_refs: list[tuple[str, ir.GroupRef]] = []
        self._missing: list[tuple[str, ir.OutputRef]] = []
        self._definition_actions: dict[int, ir.Action] = {}
        self._output_identifiers: dict[str, str] = {}  # output id -> the identifier of its action
        self._definition_displays: dict[int, object] = {}
        self._latest: dict[str, int] = {}  # name -> its latest definition in file order
        self._name_uses: dict[str, int] = {}
        self._named_outputs: dict[str, list[tuple[ir.Action, object]]] = {}  # name -> (action, display) in file order
        self._by_name: list[tuple[str, ir.OutputRef, ast.AST]] = []  # ref("name") waiting for its output
        self._kinds: dict[int, str] = {}  # id(assigned value) -> assignment_kind, asked by flow and by _assign
        self._locate = _Columns(source.lines)  # actions keep it (not this context, nor its tree)

    @property
    def empty_ranges(self) -> bool:
        return self.settings.empty_ranges

    # --- driver

    def build(self) -> ir.Workflow:
        assignments.rewrite_key_updates(self.source.tree)
        ifs.rewrite_value_matches(self, self.source.tree)
        loops.rewrite_item_loops(self, self.source.tree, self.source)
        statements = list(self.source.tree.body)
        head, icon, spelling, statements = self._split(statements)
        self.settings = header.read_settings(self, spelling)
        ignored = frozenset(names.GLOBALS) | {calls.IMPLICIT} | self.settings.shared_names
        self.flow = FlowAnalysis(self._definitions, ignored).run(statements)
        body = self.body(statements, self.source.tree.body)
        # The header is read before ids are handed out: its values may name outputs
        # (ref("x"), missing_output(...)) or groups, which take their ids with the rest.
        top = header.parse(self, head, icon, body)
        if self.stale_operands:
            number = min(self.stale_operands)
            raise self.error(self._stale_call, f"found stale operands for If {number}, but the code has {self.ifs_opened} Ifs")
        self._assign_group_ids()
        if self.settings.output_ids:
            _give_outputs_ids(body, self.settings.output_ids)
        self._resolve_by_name()
        return ir.Workflow(top, body)

    def _split(self, statements: list[ast.stmt]):
        """Take the stubs import, the header and the trailers off the body."""
        if statements and isinstance(statements[0], ast.ImportFrom) and _is_stubs_import(statements[0]):
            statements = statements[1:]
        head = icon = spelling = None
        if statements and _called(statements[0]) == header.HEADER_FUNCTION:
            head = statements[0].value
            statements = statements[1:]
        elif statements and _header_with_input(statements[0]):
            head = statements[0].value  # `_ = shortcut(...)`: the shortcut's input is `_`
            statements = statements[1:]
        if statements and _called(statements[-1]) == header.IDS_FUNCTION:
            self.ids = header.read_ids(self, statements[-1].value)
            statements = statements[:-1]
        if statements and _called(statements[-1]) == header.ICON_FUNCTION:
            icon = statements[-1].value
            statements = statements[:-1]
        if statements and _called(statements[-1]) == header.SETTINGS_FUNCTION:
            spelling = statements[-1].value
            statements = statements[:-1]
        if statements and _called(statements[-1]) == ifs.STALE_FUNCTION:
            self._stale_call = statements[-1]
            self.stale_operands = ifs.read_stale_trailer(self, statements[-1].value)
            statements = statements[:-1]
        for statement in statements:
            function = _called(statement)
            where = _TRAILER_PLACES.get(function)
            if where is not None:
                raise self.error(statement, f"found {function}(...) here, expected it as the {where} statement")
        return head, icon, spelling, statements

    # --- errors and checks

    def error(self, node, message: str) -> CompileError:
        line, column = self.position(node)
        return CompileError(message, line, column, self.filename)

    def origin(self, node) -> ir.Origin:
        return ir.Origin(*self.position(node), locate=self._locate)

    def position(self, node) -> tuple[int, int]:
        """1-based line and column (in characters: the syntax tree counts UTF-8 bytes)."""
        try:  # every statement, expression and keyword has both
            line, offset = node.lineno or 1, node.col_offset or 0
        except AttributeError:
            line = getattr(node, "lineno", None) or 1
            offset = getattr(node, "col_offset", None) or 0
        return self._locate(line, offset)

    def _assignment_kind(self, value: ast.expr) -> str:
        """``assignment_kind``, worked out once per value: the flow analysis asks on
        every walk of a loop's body, and reading the statement asks again."""
        kind = self._kinds.get(id(value))
        if kind is None:
            kind = self._kinds[id(value)] = assignment_kind(value)
        return kind

    def _definitions(self, statement: ast.stmt) -> list[tuple[str, str]]:
        return _definitions(statement, self._assignment_kind)

    def check_text(self, node, text: str) -> None:
        if text.isascii():
            return
        found = _SURROGATE.search(text)
        if found is not None:
            raise self.error(node, f"found an unpaired surrogate (\\u{ord(found.group()):04x}) in text, which no shortcut file can store")

    def unknown_action(self, call: ast.Call, function: str) -> None:
        guesses = catalog.suggest(function)
        hint = PYTHON_FUNCTION_HINTS.get(function)
        if hint is None:
            hint = f"did you mean {guesses[0]}()?" if guesses else "expected a catalog function or action(\"identifier\", ...)"
        problem = self.error(call, f"found {function}(), which is not an action the catalog knows; {hint}")
        if self.problems is None:
            raise problem
        self.problems.append(problem)

    # --- bodies

    def body(self, statements: list[ast.stmt], container: list | None = None) -> list:
        """The IR of a statement list, with the comment runs that stand in it.

        ``container`` is the list the statements were taken from when some were
        set aside (the file's header and trailers): comments around those go
        first or last.
        """
        container = statements if container is None else container
        slots = self.source.comment_slots(container)
        first = container.index(statements[0]) if statements else len(container)
        out: list = []
        for index, statement in enumerate(statements):
            if slots:
                runs = slots[first] if index == 0 else slots[first + index]
                if index == 0:
                    runs = [run for slot in slots[: first + 1] for run in slot]
                out.extend(comments.parse(run) for run in runs)
            self._statement(statement, out)
        if slots:
            rest = slots[first + len(statements) :] if statements else slots
            out.extend(comments.parse(run) for slot in rest for run in slot)
        return out

    def loop_body(
        self, statements: list[ast.stmt], aliases: dict[str, str], shift: str | None = None, index_variable: str = "", first: int = 0
    ) -> list:
        """The loop's body; ``shift`` names the index Python counts from ``first``
        (the app's Repeat Index counts from 1)."""
        scope: dict[str, object] = {name: ir.NamedVariable(variable) for name, variable in aliases.items() if name != calls.IMPLICIT}
        self._loop_targets.update(scope)
        prelude = []
        if shift is not None and shift != calls.IMPLICIT and _reads_name(statements, shift):
            prelude.append(self._index_from(first, shift, index_variable, scope))
        self._aliases.append(scope)
        self.loop_depth += 1
        try:
            return prelude + self.body(statements)
        finally:
            self.loop_depth -= 1
            self._aliases.pop()

    def _index_from(self, first: int, name: str, index_variable: str, scope: dict) -> ir.Action:
        """``name`` counts from ``first`` (0 for range(n)): it is Repeat Index - 1
        (or + first - 1), computed first in the loop."""
        subject = ir.TokenAttachment(ir.Attachment(ir.NamedVariable(index_variable)))
        operation, operand = ("-", 1 - first) if first < 1 else ("+", first - 1)
        params = [("WFInput", subject), ("WFMathOperation", ir.Literal(operation)), ("WFMathOperand", ir.Literal(str(operand)))]
        action = ir.Action("is.workflow.actions.math", params, uuid=self._fresh_id("index", name))
        scope[name] = ir.OutputRef(action.uuid, catalog.output_name(action.identifier) or ir.ABSENT)
        return action

    def open_block(self, start: ir.Action) -> ir.Block:
        end = ir.Action(start.identifier, [])
        block = ir.Block("", start, [], end)
        self._blocks.append(block)
        return block

    def _assign_group_ids(self) -> None:
        groups = self.ids.get("groups", [])
        pieces = iter(self.ids.get("piece_ids", []))
        counts: dict[str, int] = {}
        for index, block in enumerate(self._blocks):
            kept = groups[index] if index < len(groups) else None
            first = self.settings.shared_groups.get(index + 1, index + 1) - 1
            if kept is None and first < index:  # shared_groups: the group id of an earlier block
                block.group_id = self._blocks[first].group_id
            else:
                block.group_id = _kept_or_new(kept, "group", str(index))
            number = counts[block.identifier] = counts.get(block.identifier, 0) + 1
            ends = self.settings.end_ids.get(block.identifier)
            if ends is not None and block.end.uuid is None and (ends == header.ALL_ENDS or number in ends):
                block.end.uuid = new_id("end", str(index))  # spelling(end_ids=...): an id no statement names
            if number in self.settings.start_ids.get(block.identifier, ()):
                block.start.uuid = _kept_or_new(next(iter(next(pieces, [])), None), "piece", f"{index}:0")
            elif block.identifier in self.settings.block_ids:
                known = iter(next(pieces, []))
                actions = [block.start, *(section.opener for section in block.sections[1:]), block.end]
                for number, action in enumerate(actions):
                    if action.uuid is None:
                        action.uuid = _kept_or_new(next(known, None), "piece", f"{index}:{number}")
        labels = self.ids.get("group_labels", {})
        for label, ref in self._group_refs:
            ref.group_id = _kept_or_new(labels.get(label), "group-label", label)
        outputs = self.ids.get("outputs", {})
        for label, ref in self._missing:
            ref.uuid = _kept_or_new(outputs.get(label), "missing", label)

    def group_ref(self, label: str) -> ir.GroupRef:
        ref = ir.GroupRef(label)
        self._group_refs.append((label, ref))
        return ref

    def output_by_name(self, node: ast.Call, name: str) -> ir.OutputRef:
        """``ref("name")``: the output assigned to ``name``, wherever it is (resolved at the end)."""
        ref = ir.OutputRef("", _DISPLAY_PENDING)
        self._by_name.append((name, ref, node))
        return ref

    def _resolve_by_name(self) -> None:
        for name, ref, node in self._by_name:
            found = self._named_outputs.get(name, [])
            if not found:
                raise self.error(node, f"found ref({name!r}), but no action's output is assigned to {name!r}")
            if len({action.uuid for action, _ in found}) > 1:
                raise self.error(node, f"found ref({name!r}), but {name!r} is assigned more than once; ref() needs one output")
            action, display = found[0]
            ref.uuid = action.uuid
            if ref.output_name is _DISPLAY_PENDING:
                ref.output_name = display

    def variable_id(self, name: str) -> str:
        """The VariableUUID of a Workflow-era variable: the original, or one made from its name."""
        return _kept_or_new(self.ids.get("variable_ids", {}).get(name), "variable", name)

    def missing_output(self, node: ast.Call) -> ir.OutputRef:
        args = node.args
        if node.keywords or not 1 <= len(args) <= 2 or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
            raise self.error(node, "found missing_output() with other arguments, expected missing_output(\"label\"[, \"name\"])")
        for arg in args:
            self.check_text(arg, arg.value)  # a lone surrogate, say: no plist holds it
        ref = ir.OutputRef("", args[1].value if len(args) == 2 else ir.ABSENT)
        self._missing.append((args[0].value, ref))
        return ref

    # --- statements

    def hoist(self, action: ir.Action, variable: str | None = None) -> ir.OutputRef:
        """An action a value needs, placed just before the statement being read; its output.
        One stored in ``variable`` takes its id as an assignment of that variable would."""
        if not self._hoisted:  # the header or a trailer: no statement to place the action before
            origin = action.origin
            raise CompileError("found a value that needs an action (arithmetic, len(), a text method) outside the "
                               "shortcut's statements; write the value itself", origin.line, origin.column, self.filename)
        if variable is not None:
            action.uuid = self._output_id(variable)
        else:
            action.uuid = self._fresh_id("value", f"{action.origin.line}:{action.origin.column}")
        self._hoisted[-1].append(action)
        self._output_identifiers[action.uuid] = action.identifier
        display = catalog.output_name(action.identifier)
        return ir.OutputRef(action.uuid, display if display is not None else ir.ABSENT)

    def _statement(self, node: ast.stmt, out: list) -> None:
        self._hoisted.append([])
        mark = len(out)
        try:
            self._read_statement(node, out)
        finally:
            hoisted = self._hoisted.pop()
        if hoisted:
            out[mark:mark] = hoisted

    def _read_statement(self, node: ast.stmt, out: list) -> None:
        kind = type(node)
        if kind is ast.Assign:
            self._assign(node, out)
        elif kind is ast.Expr:
            self._expression_statement(node, out)
        elif kind is ast.If:
            out.append(ifs.parse(self, node))
        elif kind is ast.For:
            out.append(loops.parse(self, node))
        elif kind is ast.Match:
            out.append(menus.parse(self, node))
        elif kind is ast.AugAssign:
            name = self._target_name(node.target)
            items = assignments.appended_values(node)
            if items is None:
                self._assign(assignments.as_assignment(node), out)
            for item in items or ():  # each item's value action right before its append, as the app has them
                self._hoisted.append([])
                try:
                    append = assignments.parse_append(self, name, item, node)
                finally:
                    out.extend(self._hoisted.pop())
                out.append(append)
        elif kind is ast.Pass:
            return
        else:
            reason = REFUSED_STATEMENTS.get(kind, f"found a {kind.__name__} statement, which Shortcuts cannot express")
            raise self.error(node, reason)

    def _expression_statement(self, node: ast.Expr, out: list) -> None:
        value = node.value
        append = _appended(node)
        if append is not None:
            call = append[1]
            if len(call.args) != 1 or call.keywords:
                raise self.error(call, "found append() with other arguments, expected Items.append(x)")
            out.append(assignments.parse_append(self, append[0], call.args[0], node))
            return
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            function = value.func.id
            if function in END_FUNCTIONS:
                self._block_end(value, [], out)
            elif function == "raw_action":
                out.append(calls.parse_raw(self, value))
            else:
                out.append(self._action_call(value))
            return
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            raise self.error(node, "found text on its own, expected it assigned: `text = \"...\"` is a Text action")
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
            method = value.func.attr
            if method in IN_PLACE_HINTS:
                raise self.error(node, f"found .{method}() on its own, which would change a value in place; "
                                       f"Shortcuts values never change: {IN_PLACE_HINTS[method]}")
            call = ast.unparse(value)
            call = call if len(call) <= 40 else f"...{method}(...)"
            raise self.error(node, f"found .{method}() on its own, whose result nothing keeps; assign it to a name: "
                                   f"`name = {call}`")
        raise self.error(node, "found an expression on its own, expected an action call, an assignment or a block")

    def _assign(self, node: ast.Assign, out: list) -> None:
        targets = [self._target_name(t) for t in node.targets]
        real = [t for t in targets if t != calls.IMPLICIT]
        if len(real) > 1:
            raise self.error(node, "found several names assigned at once, expected one name (and `_`)")
        name = real[0] if real else None
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in END_FUNCTIONS:
            self._block_end(value, targets, out, node)
            return
        if self._assignment_kind(value) == "variable" or assignments.is_implicit(value):
            if name is None:
                if assignments.is_implicit(value):
                    raise self.error(node, "found `_ = _`, which does nothing")
                out.append(assignments.parse_get(self, value, node))
            else:
                self._check_variable_name(name, node)
                out.append(assignments.parse_set(self, name, value, node))
            return
        if value_actions.is_value(value):
            action = value_actions.parse(self, value)
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            if value.func.id == "raw_action":
                self._raw_action(name, value, node, out)
                return
            action = self._action_call(value)
        else:
            raise self._unexpressible(value)
        self._bind(name, action, None, node, out)

    def _raw_action(self, name: str | None, call: ast.Call, node: ast.Assign, out: list) -> None:
        """``[name =] raw_action({...})``: the name stands for the UUID the entry writes."""
        raw = calls.parse_raw(self, call)
        if name is None:
            out.append(raw)
            return
        output = raw_output(raw)
        if output is None:
            raise self.error(node, "found raw_action(...) assigned to a name, but the entry has no "
                                   "WFWorkflowActionParameters with a UUID for the name to stand for")
        if name in self.settings.shared_names:
            raise self.error(node, f"found raw_action(...) assigned to {name!r}, one of shared_names; "
                                   "a raw entry keeps the UUID it writes, so its name cannot be shared")
        self._bind(name, output, None, node, out, raw=raw)

    def _action_call(self, call: ast.Call) -> ir.Action:
        function = call.func.id
        if function in names.PSEUDO_FUNCTIONS and function != "action":
            raise self.error(call, f"found {function}() here, expected it in its own place (see the language guide)")
        return calls.parse(self, call)

    def _unexpressible(self, value: ast.expr) -> CompileError:
        from .frontend import REFUSED_EXPRESSIONS

        reason = REFUSED_EXPRESSIONS.get(type(value))
        if reason:
            return self.error(value, reason)
        return self.error(value, "found an expression that is not an action call, a value or a variable")

    def _target_name(self, target: ast.expr) -> str:
        """The name that ``=`` or ``+=`` sets; any other target is refused, saying what to write."""
        if isinstance(target, ast.Name):
            return target.id
        if isinstance(target, ast.Subscript):
            raise self.error(target, _subscript_target_error(target))
        if isinstance(target, (ast.Tuple, ast.List)):
            raise self.error(target, "found an assignment to several names at once, expected one name")
        if isinstance(target, ast.Attribute):
            raise self.error(target, f"found an assignment to a property (.{target.attr}), which Shortcuts cannot "
                             "change; assign a name instead (name = value)")
        raise self.error(target, "found an assignment to something other than a name, expected name = value")

    def _check_variable_name(self, name: str, node) -> None:
        if name in names.GLOBALS or name in names.PSEUDO_FUNCTIONS or not names.is_plain_name(name):
            raise self.error(node, f"found {name!r} as a variable name, which the language reserves")

    def _block_end(self, call: ast.Call, targets: list[str], out: list, node=None) -> None:
        function = call.func.id
        previous = out[-1] if out else None
        if not isinstance(previous, ir.Block) or previous.identifier not in END_FUNCTIONS[function] or previous.end.params or previous.end.uuid:
            raise self.error(call, f"found {function}(), expected it right after the block it belongs to")
        if call.args:
            raise self.error(call.args[0], f"found a positional argument in {function}(), expected Key=value")
        origin = self.origin(call)
        previous.end.params = calls.parse_keywords(self, call.keywords, None, origin)
        previous.end.origin = origin
        real = [t for t in targets if t != calls.IMPLICIT]
        if real:
            out.pop()
            self._bind(real[0], previous.end, previous.identifier, node, out, block=previous)

    # --- names

    def _bind(self, name: str | None, action: ir.Action, block_identifier: str | None, node, out: list, block=None, raw=None) -> None:
        """Give an action's output the name it is assigned to (and append the statement).
        ``raw``: the raw entry ``action`` stands for, which keeps its UUID and parameters."""
        out.append(raw if raw is not None else block if block is not None else action)
        if name is None:
            return
        if name in self.settings.shared_names:
            self._bind_shared(name, action, block_identifier)
            return
        if raw is None:
            action.uuid = self._output_id(name)
            self._output_identifiers[action.uuid] = action.identifier
        if name in self.flow.variables:
            display = names_display(action, block_identifier)
            reference = ir.Attachment(ir.OutputRef(action.uuid, display if display is not None else ir.ABSENT))
            params = [("WFVariableName", ir.Literal(name)), ("WFInput", ir.TokenAttachment(reference))]
            out.append(ir.Action(ir.SET_VARIABLE, params, origin=action.origin))
            return
        display = self._display(name, action, block_identifier, add_custom=raw is None)
        index = self.flow.definition_of.get(id(node))
        if index is not None:
            self._definition_actions[index] = action
            self._definition_displays[index] = display
        if index is not None:
            self._latest[name] = index
        self._named_outputs.setdefault(name, []).append((action, display))

    def _bind_shared(self, name: str, action: ir.Action, block_identifier: str | None) -> None:
        """One output id for every assignment of a shared name, as in the file."""
        known = self._named_outputs.get(name)
        if known:
            action.uuid = known[0][0].uuid
            return
        action.uuid = self._output_id(name)
        display = self._display(name, action, block_identifier, add_custom=False)
        self._named_outputs[name] = [(action, display)]

    def _display(self, name: str, action: ir.Action, block_identifier: str | None, add_custom: bool = True):
        """The OutputName references use, adding CustomOutputName where the name is the user's own."""
        table = self.settings.output_names
        custom = action.param(CUSTOM_NAME_KEY)
        if ir.is_str_literal(custom):
            return table.get(name, custom.value)
        if name in table:
            return table[name]
        if not add_custom or _is_standard_name(name, action.identifier, block_identifier):
            display = names_display(action, block_identifier)
            return display if display is not None else ir.ABSENT
        if self.settings.names_as_shown:
            return shown_display(name)
        action.params.append((CUSTOM_NAME_KEY, ir.Literal(name)))
        return name

    def _output_id(self, name: str) -> str:
        uses = self._name_uses.get(name, 0)
        self._name_uses[name] = uses + 1
        # A variable assigned several times keeps one id per assignment: name, name#1...
        known = self.ids.get("outputs", {}).get(name if uses == 0 else f"{name}#{uses}")
        if known is not None:
            return known
        return new_id("output", name if uses == 0 else f"{name}#{uses}")

    def _fresh_id(self, kind: str, name: str) -> str:
        uses = self._name_uses.get(f"{kind}:{name}", 0)
        self._name_uses[f"{kind}:{name}"] = uses + 1
        return new_id(kind, f"{name}#{uses}")

    def output_identifier(self, uuid: str) -> str | None:
        """The identifier of the action an output read so far belongs to, or None."""
        return self._output_identifiers.get(uuid)

    def resolve(self, node: ast.Name) -> object:
        """What a name read stands for: a loop variable, a global, a variable or an output."""
        name = node.id
        if name == calls.IMPLICIT:
            raise self.error(node, "found `_` here; `_` (the previous action's output) can only be a whole input: Key=_, X = _, for item in _")
        for scope in reversed(self._aliases):
            if name in scope:
                alias = scope[name]
                return ir.OutputRef(alias.uuid, alias.output_name) if isinstance(alias, ir.OutputRef) else alias
        if name in names.GLOBALS:
            self.globals_read = True
            return ir.GlobalVariable(names.GLOBALS[name])
        if name in self.settings.shared_names:
            known = self._named_outputs.get(name)
            if not known:
                raise self.error(node, f"found {name!r} before it is assigned; assign it first, or write ref({name!r})")
            return ir.OutputRef(known[0][0].uuid, known[0][1])
        if name in self.flow.variables:
            return ir.NamedVariable(name)
        reaching = self.flow.reads.get(id(node))
        if reaching is None:  # outside the body (the header): the latest definition in the file
            index = self._latest.get(name)
            candidates = [index] if index is not None else []
        else:
            candidates = [i for i in reaching if i != UNDEFINED]
        if not candidates:
            if name in self._loop_targets:
                raise self.error(node, f"found {name!r} after the loop that names it; Shortcuts has the loop's item only inside the loop: keep what you need in a variable there (`last = {name}`)")
            if any(d.name == name for d in self.flow.definitions):
                raise self.error(node, f"found {name!r} where Python has not assigned it yet; assign it first, or write ref({name!r}) for that action's output")
            raise self.error(node, f"found the name {name!r}, which is never assigned; expected an action output, a variable set in this file, or var({name!r})")
        action = self._definition_actions.get(candidates[0])
        if action is None:
            raise self.error(node, f"found {name!r}, which does not name an action's output here")
        display = self._definition_displays.get(candidates[0], ir.ABSENT)
        return ir.OutputRef(action.uuid, display)


def names_display(action: ir.Action, block_identifier: str | None):
    return standard_display(action, block_identifier)


@functools.lru_cache(maxsize=4096)
def _is_standard_name(name: str, identifier: str, block_identifier: str | None) -> bool:
    """``naming.is_standard_name``, kept for the names seen last: it depends on the
    action's identifier alone (its output's name in the catalog), and files call
    the same actions by the same names."""
    return is_standard_name(name, ir.Action(identifier, []), block_identifier)


class _Columns:
    """Line and UTF-8 byte offset (as the syntax tree counts) -> 1-based line and
    column in characters."""

    __slots__ = ("lines", "wide")

    def __init__(self, lines: list[str]):
        self.lines = lines
        # Lines holding other characters than ASCII, where the tree's byte columns are not characters.
        self.wide = frozenset() if all(map(str.isascii, lines)) else frozenset(
            number for number, text in enumerate(lines, 1) if not text.isascii())

    def __call__(self, line: int, offset: int) -> tuple[int, int]:
        if line in self.wide:
            offset = len(self.lines[line - 1].encode("utf-8")[:offset].decode("utf-8", "replace"))
        return line, offset + 1


# Where the statements around the body go, by the function each calls.
_TRAILER_PLACES = {
    header.HEADER_FUNCTION: "first",
    ifs.STALE_FUNCTION: "last (before spelling, icon_image and ids)",
    header.SETTINGS_FUNCTION: "last (before icon_image and ids)",
    header.ICON_FUNCTION: "last (before ids)",
    header.IDS_FUNCTION: "last",
}


def _is_stubs_import(node: ast.ImportFrom) -> bool:
    return node.module == names.STUBS_MODULE and len(node.names) == 1 and node.names[0].name == "*" and node.level == 0


def _called(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and isinstance(statement.value.func, ast.Name):
        return statement.value.func.id
    return None


def _header_with_input(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id == calls.IMPLICIT
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and statement.value.func.id == header.HEADER_FUNCTION
    )


def _reads_name(statements: list[ast.stmt], name: str) -> bool:
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
                return True
    return False
