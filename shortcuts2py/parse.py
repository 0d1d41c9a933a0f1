"""Workflow code -> IR.

``syntax`` gives the tree; this module gives it meaning: which call is an
action, which name is which variable, which ids the actions get.  It never
runs the code.
"""

from __future__ import annotations

import datetime
import math
import uuid as uuidlib
from dataclasses import dataclass, field

from lark import Token, Tree

from . import catalog, names
from .ir import (
    is_str_literal as _is_str,
    ABSENT,
    APPEND_VARIABLE,
    BLOCK_OUTPUT_NAMES,
    COMMENT,
    CONDITIONAL,
    MENU,
    REPEAT_COUNT,
    REPEAT_EACH,
    SET_VARIABLE,
    Action,
    Aggrandizement,
    Attachment,
    BareAttachment,
    Block,
    DictValue,
    GlobalVariable,
    GroupRef,
    ListValue,
    Literal,
    NamedVariable,
    Origin,
    OutputRef,
    RawAction,
    Section,
    TokenAttachment,
    TokenString,
    Workflow,
)
from .literals import LiteralError, decode_escapes, decode_string_token, split_prefix
from .syntax import CompileError, parse_field, parse_module

# The inverses of the tables in names: code spelling -> meaning.
END_FUNCTIONS: dict[str, tuple[str, ...]] = {}
for _identifier, _function in names.END_FUNCTIONS.items():
    END_FUNCTIONS[_function] = END_FUNCTIONS.get(_function, ()) + (_identifier,)
COMPARISON_CODES = {operator: code for code, operator in names.COMPARISONS.items()}
METHODS = {method: (kind, primary) for kind, (method, primary) in names.AGGRANDIZEMENT_METHODS.items()}
# Fixed namespace so that compiling the same code twice gives the same ids.
_ID_NAMESPACE = uuidlib.UUID("6f1c2a4e-5b7d-4e8a-9c3f-2d1e0b9a8c7d")


def parse_workflow(code: str, filename: str = "<string>", *, problems: list[CompileError] | None = None) -> Workflow:
    """The IR of ``code``; each action records where it was written.

    With a ``problems`` list, a call to an unknown action is recorded there
    and parsing goes on (the action keeps an empty identifier), so that a
    checker sees every such call; otherwise the first one raises.
    """
    tree = parse_module(code, filename)
    return _Builder(filename, problems).build(tree)


def _new_id(kind: str, key: str) -> str:
    return str(uuidlib.uuid5(_ID_NAMESPACE, f"{kind}:{key}")).upper()


@dataclass
class _Binding:
    """An output name: the actions that produce it and the references to it."""

    first: Action
    block_identifier: str | None
    references: list[OutputRef] = field(default_factory=list)
    others: list[Action] = field(default_factory=list)  # later actions assigned to the same name


class _Builder:
    def __init__(self, filename: str, problems: list[CompileError] | None = None):
        self.filename = filename
        self.problems = problems
        self.header: list = []
        self.display_overrides: dict[str, str] = {}
        self.ids: dict = {}
        self.bindings: dict[str, _Binding] = {}
        self.pending: list[tuple[str, OutputRef, Tree | Token]] = []  # bare-name references
        self.missing_refs: list[tuple[str, OutputRef]] = []
        self.group_refs: list[tuple[str, GroupRef]] = []
        self.blocks: list[Block] = []
        self.set_variables: set[str] = set()
        self.output_targets: set[str] = set()
        # Parse-time facts about IR nodes, keyed by id(): attachments already
        # ended by with_keys(), and output names given there explicitly.
        self.closed: set[int] = set()
        self.explicit_output_names: dict[int, object] = {}

    # --- driver

    def build(self, tree: Tree) -> Workflow:
        statements = [child for child in tree.children if isinstance(child, Tree)]
        statements = self._take_header_and_trailer(statements)
        self._collect_names(statements)
        body = self._statements(statements, {})
        self._assign_ids()
        return Workflow(self.header, body)

    def error(self, node, message: str) -> CompileError:
        line, column = _position(node)
        return CompileError(message, line, column, self.filename)

    def _take_header_and_trailer(self, statements: list[Tree]) -> list[Tree]:
        if statements and _stubs_import(statements[0]) is not None:
            module = _stubs_import(statements[0])
            if str(module) != names.STUBS_MODULE:
                raise self.error(module, f"found an import of {str(module)!r}, expected from {names.STUBS_MODULE} import *")
            statements = statements[1:]
        if statements and _called(statements[0]) == "shortcut":
            self._header(_call_of(statements[0]))
            statements = statements[1:]
        if statements and _called(statements[-1]) == "ids":
            self._ids(_call_of(statements[-1]))
            statements = statements[:-1]
        for statement in statements:
            if _stubs_import(statement) is not None:
                raise self.error(statement, "found an import here, expected it only as the first statement")
            if _called(statement) in ("shortcut", "ids"):
                where = "first" if _called(statement) == "shortcut" else "last"
                raise self.error(statement, f"found {_called(statement)}(...) here, expected it as the {where} statement")
        return statements

    def _header(self, call: Tree) -> None:
        for key, value, node, starred in self._arguments(call, positional=0):
            if key == names.OUTPUT_NAMES_KEY and not starred:
                if not isinstance(value, DictValue) or not all(_is_str(v) for _, v in value.items):
                    raise self.error(node, "found output_names that is not a dict of strings, expected {name: display name}")
                self.display_overrides.update({k: v.value for k, v in value.items})
            else:
                self.header.append((key, value))

    def _ids(self, call: Tree) -> None:
        for key, value, node, _ in self._arguments(call, positional=0):
            plain = _plain(value)
            if key in ("outputs", "group_labels") and isinstance(plain, dict) and all(isinstance(v, str) for v in plain.values()):
                self.ids[key] = plain
            elif key == "groups" and isinstance(plain, list) and all(isinstance(v, str) for v in plain):
                self.ids[key] = plain
            else:
                raise self.error(node, f"found ids({key}=...), expected outputs={{...}}, groups=[...] or group_labels={{...}}")

    # --- names

    def _collect_names(self, statements: list[Tree]) -> None:
        """Which names are outputs and which are variables, before any is used."""
        for node in _walk_statements(statements):
            if node.data != "simple_statement":
                continue
            inner = node.children[0]
            if inner.data == "assignment":
                target, value = inner.children
                function = _called_expression(value)
                if function is not None and (function in END_FUNCTIONS or self._is_action_function(function)):
                    self.output_targets.add(str(target))
                else:
                    self.set_variables.add(str(target))
            call = inner.children[-1] if inner.data == "assignment" else _call_of(node)
            if self._identifier_of(_called_expression(call)) in (SET_VARIABLE, APPEND_VARIABLE):
                for key, arg in _keyword_nodes(call):
                    if key == "WFVariableName" and arg.data == "string":
                        text = self._string(arg)
                        if isinstance(text, str):
                            self.set_variables.add(text)
        for name in sorted(self.output_targets & self.set_variables):
            raise CompileError(
                f"found {name!r} used both for an action output and a variable, expected one meaning per name",
                0,
                0,
                self.filename,
            )

    def _identifier_of(self, function: str | None) -> str | None:
        return catalog.identifier(function) if function else None

    def _is_action_function(self, function: str) -> bool:
        # Any other plain call is meant as an action; _action says if it is unknown.
        return function == "action" or function not in names.PSEUDO_FUNCTIONS

    def _resolve(self, token: Token, aliases: dict[str, str]):
        name = str(token)
        if name in aliases:
            return NamedVariable(aliases[name])
        if name in names.GLOBALS:
            return GlobalVariable(names.GLOBALS[name])
        if name in self.output_targets:
            ref = OutputRef(name, ABSENT)
            self.pending.append((name, ref, token))
            return ref
        if name in self.set_variables:
            return NamedVariable(name)
        raise self.error(token, f"found the name {name!r}, which is never defined; expected an action output, a variable set in this file, or var({name!r})")

    def _assign_ids(self) -> None:
        outputs = self.ids.get("outputs", {})
        for name, binding in self.bindings.items():
            uuid = outputs.get(name) or _new_id("output", name)
            for action in _binding_actions(binding):
                action.uuid = uuid
        for name, ref, token in self.pending:
            binding = self.bindings.get(name)
            if binding is None:
                raise self.error(token, f"found {name!r}, expected a name assigned from an action")
            ref.uuid = binding.first.uuid
            if id(ref) in self.explicit_output_names:
                ref.output_name = self.explicit_output_names[id(ref)]
            elif ref.output_name is ABSENT:
                ref.output_name = self._display(name, binding)
        for label, ref in self.missing_refs:
            ref.uuid = outputs.get(label) or _new_id("missing", label)
        groups = self.ids.get("groups", [])
        for index, block in enumerate(self.blocks):
            block.group_id = groups[index] if index < len(groups) else _new_id("group", str(index))
        labels = self.ids.get("group_labels", {})
        for label, ref in self.group_refs:
            ref.group_id = labels.get(label) or _new_id("group-label", label)

    def _display(self, name: str, binding: _Binding):
        if name in self.display_overrides:
            return self.display_overrides[name]
        custom = binding.first.param("CustomOutputName")
        if _is_str(custom):
            return custom.value
        if binding.block_identifier is not None:
            return BLOCK_OUTPUT_NAMES[binding.block_identifier]
        display = catalog.output_name(binding.first.identifier)
        return ABSENT if display is None else display

    def _bind(self, name: str, action: Action, block_identifier: str | None = None) -> None:
        binding = self.bindings.get(name)
        if binding is None:
            self.bindings[name] = _Binding(action, block_identifier)
        else:
            binding.others.append(action)
        action.uuid = name  # replaced by the real id in _assign_ids

    # --- statements

    def _statements(self, nodes: list, aliases: dict[str, str]) -> list:
        body: list = []
        for node in nodes:
            if not isinstance(node, Tree):
                continue
            kind = node.data
            if kind == "comment":
                text = str(node.children[0])
                body.append(Action(COMMENT, [("WFCommentActionText", Literal(text))], origin=_origin_at(node)))
            elif kind == "simple_statement":
                self._simple(node.children[0], body, aliases)
            elif kind == "if_statement":
                body.append(self._if(node, aliases))
            elif kind == "for_statement":
                body.append(self._for(node, aliases))
            elif kind == "match_statement":
                body.append(self._match(node, aliases))
        return body

    def _simple(self, node: Tree, body: list, aliases) -> None:
        if node.data == "pass_statement":
            return
        if node.data == "stubs_import":
            raise self.error(node, "found an import here, expected it only as the first statement")
        if node.data == "assignment":
            target, value = node.children
            self._assignment(str(target), value, body, aliases, node)
            return
        expression = node.children[0]
        function = _called_expression(expression)
        if function is None:
            raise self.error(node, "found an expression on its own, expected an action call, an assignment or a block")
        if function in END_FUNCTIONS:
            self._block_end(expression, None, body, aliases)
        elif function == "raw_action":
            args = self._arguments(expression, positional=1, aliases=aliases)
            body.append(RawAction(args[0][1]))
        else:
            body.append(self._action(expression, aliases))

    def _assignment(self, target: str, value: Tree, body: list, aliases, node) -> None:
        function = _called_expression(value)
        if function in END_FUNCTIONS:
            self._block_end(value, target, body, aliases)
            return
        if function is not None and self._is_action_function(function):
            action = self._action(value, aliases)
            self._bind(target, action)
            body.append(action)
            return
        if not names.is_plain_name(target) or target in aliases:
            raise self.error(node, f"found {target!r} as a variable name, expected a name that is not reserved")
        attachment = self._attachment(value, aliases)
        params = [("WFVariableName", Literal(target)), ("WFInput", TokenAttachment(attachment))]
        body.append(Action(SET_VARIABLE, params, origin=_origin_at(node)))

    def _block_end(self, call: Tree, target: str | None, body: list, aliases) -> None:
        function = _called_expression(call)
        previous = body[-1] if body else None
        if not isinstance(previous, Block) or previous.identifier not in END_FUNCTIONS[function] or previous.end.params or previous.end.uuid:
            raise self.error(call, f"found {function}(), expected it right after the block it belongs to")
        previous.end.params, previous.end.origin = self._call_params(call, aliases)
        if target is not None:
            self._bind(target, previous.end, previous.identifier)

    def _action(self, call: Tree, aliases) -> Action:
        function = _called_expression(call)
        if function == "action":
            args = self._arguments(call, positional=1, aliases=aliases)
            identifier = args[0][1]
            if not _is_str(identifier):
                raise self.error(call, "found action() without an identifier string, expected action(\"identifier\", ...)")
            return Action(identifier.value, [(k, v) for k, v, _, _ in args[1:]], origin=self._origin(call, args[1:]))
        params, origin = self._call_params(call, aliases)
        identifier = catalog.identifier(function)
        if identifier is None:
            self._unknown_action(call, function)
            identifier = ""
        return Action(identifier, params, origin=origin)

    def _unknown_action(self, call: Tree, function: str) -> None:
        guesses = catalog.suggest(function)
        hint = f"did you mean {guesses[0]}()?" if guesses else "expected a catalog function or action(\"identifier\", ...)"
        problem = self.error(call, f"found {function}(), which is not an action the catalog knows; {hint}")
        if self.problems is None:
            raise problem
        self.problems.append(problem)

    def _if(self, node: Tree, aliases) -> Block:
        test, then_suite, else_suite = node.children
        if _called_expression(test) == "condition":
            params, origin = self._call_params(test, aliases)
        else:
            params, origin = self._condition(test, aliases), _origin_at(test)
        start = Action(CONDITIONAL, params, origin=origin)
        block = Block("", start, [], Action(CONDITIONAL, []))
        self.blocks.append(block)
        block.sections.append(Section(None, self._suite(then_suite, aliases)))
        if else_suite is not None:
            block.sections.append(Section(Action(CONDITIONAL, []), self._suite(else_suite, aliases)))
        return block

    def _for(self, node: Tree, aliases) -> Block:
        targets, iterator, suite = node.children
        function = _called_expression(iterator)
        each = function in ("enumerate", "repeat_each")
        if function in ("range", "enumerate"):
            params = [("WFInput" if each else "WFRepeatCount", self._loop_source(iterator, function, aliases))]
        elif function in ("repeat_count", "repeat_each"):
            params, origin = self._call_params(iterator, aliases)
        else:
            raise self.error(iterator, "found a loop over something else, expected range(n), enumerate(list, start=1), repeat_count(...) or repeat_each(...)")
        identifier = REPEAT_EACH if each else REPEAT_COUNT
        code_names = [str(t) for t in targets.children]
        if len(code_names) != (2 if each else 1):
            expected = "two names (index, item)" if each else "one name (the index)"
            raise self.error(targets, f"found {len(code_names)} loop names, expected {expected}")
        depth = sum(1 for real in aliases.values() if real.startswith("Repeat Index")) + 1
        inner = dict(aliases)
        inner.update(zip(code_names, names.loop_variables(depth, each)))
        if function in ("range", "enumerate"):
            origin = _origin_at(iterator)
        block = Block("", Action(identifier, params, origin=origin), [], Action(identifier, []))
        self.blocks.append(block)
        block.sections.append(Section(None, self._suite(suite, inner)))
        return block

    def _loop_source(self, call: Tree, function: str, aliases):
        args = self._arguments(call, positional=1, aliases=aliases)
        extra = [(k, v) for k, v, _, _ in args[1:]]
        if function == "enumerate" and not (len(extra) == 1 and extra[0][0] == "start" and _plain(extra[0][1]) == 1):
            raise self.error(call, "found enumerate() without start=1, expected enumerate(list, start=1)")
        if function == "range" and extra:
            raise self.error(call, "found range() with more than one argument, expected range(count)")
        return args[0][1]

    def _match(self, node: Tree, aliases) -> Block:
        subject, *cases = node.children
        if _called_expression(subject) != "menu":
            raise self.error(subject, "found match on something else, expected match menu(...)")
        params, origin = self._call_params(subject, aliases)
        block = Block("", Action(MENU, params, origin=origin), [Section(None, [])], Action(MENU, []))
        self.blocks.append(block)
        titles, simple = [], True
        for case in cases:
            pattern, guard, suite = case.children
            opener = Action(MENU, [], origin=_origin_at(case))
            if pattern.data == "value_pattern":
                title = self._string(pattern)
                if not isinstance(title, str):
                    raise self.error(pattern, "found a bytes pattern, expected a menu item title string")
                opener.params.append(("WFMenuItemTitle", Literal(title)))
                titles.append(title)
            if guard is not None:
                if _called_expression(guard) != "menu_case":
                    raise self.error(guard, "found a case guard, expected if menu_case(...)")
                guard_params, guard_origin = self._call_params(guard, aliases)
                opener.params.extend(guard_params)
                opener.origin.keys.update(guard_origin.keys)
                opener.origin.values.update(guard_origin.values)
                simple = False
            elif pattern.data != "value_pattern":
                raise self.error(pattern, "found case _ without a guard, expected case \"title\"")
            block.sections.append(Section(opener, self._suite(suite, aliases)))
        if block.start.param("WFMenuItems") is ABSENT:
            if not simple:
                raise self.error(subject, "found menu() without WFMenuItems while a case has a guard, expected WFMenuItems=[...]")
            params.append(("WFMenuItems", ListValue([Literal(t) for t in titles])))
        return block

    def _suite(self, suite: Tree, aliases) -> list:
        return self._statements(suite.children, aliases)

    # --- conditions

    def _condition(self, test: Tree, aliases) -> list:
        """The parameters of an If written as a Python condition."""
        kind = test.data
        if kind == "negation":
            return self._subject(test.children[0], aliases) + [("WFCondition", Literal(101))]
        if kind == "comparison":
            return self._comparison(test, aliases)
        method = _method_call(test)
        if method is not None and method[1] in ("startswith", "endswith"):
            receiver, name, call = method
            args = self._arguments(call, positional=1, aliases=aliases)
            if len(args) != 1:
                raise self.error(test, f"found {name}() with {len(args)} arguments, expected one")
            code = 8 if name == "startswith" else 9
            return self._subject(receiver, aliases) + [("WFCondition", Literal(code)), ("WFConditionalActionString", args[0][1])]
        return self._subject(test, aliases) + [("WFCondition", Literal(100))]

    def _subject(self, node: Tree, aliases) -> list:
        attachment = self._attachment(node, aliases)
        subject = DictValue([("Type", Literal("Variable")), ("Variable", TokenAttachment(attachment))])
        return [("WFInput", subject)]

    def _comparison(self, test: Tree, aliases) -> list:
        operands = test.children[0::2]
        operators = [" ".join(str(t) for t in op.children) for op in test.children[1::2]]
        if operators == ["<=", "<="]:
            low, subject, high = operands
            return self._subject(subject, aliases) + [
                ("WFCondition", Literal(1003)),
                ("WFNumberValue", self._value(low, aliases)),
                ("WFAnotherNumber", self._value(high, aliases)),
            ]
        if len(operators) != 1:
            raise self.error(test, "found a chained comparison, expected one operator, or low <= x <= high")
        operator = operators[0]
        left, right = operands
        code = COMPARISON_CODES[operator]
        if operator in ("in", "not in"):
            left, right = right, left
        key = "WFNumberValue" if code in (0, 1, 2, 3) else "WFConditionalActionString"
        return self._subject(left, aliases) + [("WFCondition", Literal(code)), (key, self._value(right, aliases))]

    # --- arguments and values

    def _arguments(self, call: Tree, positional: int, aliases=None) -> list:
        """(key, value, node, starred) for each argument; the first ``positional`` have key None."""
        aliases = aliases or {}
        arguments = call.children[1]
        out, seen = [], set()
        for arg in arguments.children if arguments is not None else []:
            if arg.data == "keyword_argument":
                key, value = str(arg.children[0]), arg.children[1]
                out.append((key, self._value(value, aliases), arg, False))
            elif arg.data == "double_star_argument":
                table = self._value(arg.children[0], aliases)
                if not isinstance(table, DictValue):
                    raise self.error(arg, "found ** with something other than a dict, expected **{\"key\": value}")
                out.extend((key, value, arg, True) for key, value in table.items)
            else:
                if len(out) >= positional or any(key is not None for key, *_ in out):
                    raise self.error(arg, "found a positional argument, expected key=value")
                out.append((None, self._value(arg, aliases), arg, False))
        for key, _, node, _ in out:
            if key is not None and key in seen:
                raise self.error(node, f"found the key {key!r} twice, expected each key once")
            seen.add(key)
        if positional and (not out or out[0][0] is not None):
            raise self.error(call, "found no value before the keywords, expected one")
        return out

    def _call_params(self, call: Tree, aliases) -> tuple[list, Origin]:
        """The keyword arguments of ``call`` as parameters, and where each was written."""
        args = self._arguments(call, positional=0, aliases=aliases)
        return [(key, value) for key, value, _, _ in args], self._origin(call, args)

    def _origin(self, call: Tree, args: list) -> Origin:
        origin = _origin_at(call)
        for key, _value, node, starred in args:
            key_node, value_node = node.children if not starred else self._starred_pair(node, key)
            origin.keys[key] = _position(key_node)
            origin.values[key] = _position(value_node)
        return origin

    def _starred_pair(self, node: Tree, key: str) -> tuple:
        """The key and value nodes of ``key`` inside a ``**{...}`` argument."""
        for pair in node.children[0].children:
            if pair is not None and pair.children[0].data == "string" and self._string(pair.children[0]) == key:
                return pair.children[0], pair.children[1]
        return node, node

    def _value(self, node: Tree, aliases):
        kind = node.data
        if kind in ("comparison", "negation"):
            raise self.error(node, "found a comparison where a value belongs, expected a value")
        if kind == "string":
            return Literal(self._string(node))
        if kind == "number":
            return Literal(self._number(node.children[0]))
        if kind == "negative_number":
            number = self._number(node.children[0])
            return Literal(-number)
        if kind in ("true", "false"):
            return Literal(kind == "true")
        if kind == "none":
            raise self.error(node, "found None, expected a value (None only marks a key to drop in with_keys)")
        if kind == "list":
            return ListValue([self._value(item, aliases) for item in node.children if item is not None])
        if kind == "dict":
            return DictValue(self._pairs(node, aliases))
        if kind == "fstring":
            return self._fstring(node.children[0], aliases)
        if kind == "call":
            function = _called_expression(node)
            if function == "attachment":
                args = self._arguments(node, positional=1, aliases=aliases)
                inner = node.children[1].children[0]
                if len(args) != 1:
                    raise self.error(node, "found attachment() with extra arguments, expected attachment(variable)")
                return BareAttachment(self._attachment(inner, aliases))
            if function == "date":
                return Literal(self._date(node))
            if function == "real":
                return Literal(self._real(node))
            if function == "group":
                label = self._single_string(node, "group")
                ref = GroupRef(label)
                self.group_refs.append((label, ref))
                return ref
        return TokenAttachment(self._attachment(node, aliases))

    def _pairs(self, node: Tree, aliases) -> list:
        items, seen = [], set()
        for pair in node.children:
            if pair is None:
                continue
            key_node, value_node = pair.children
            key = self._string(key_node) if key_node.data == "string" else None
            if not isinstance(key, str):
                raise self.error(key_node, "found a dictionary key that is not a string, expected \"key\"")
            if key in seen:
                raise self.error(key_node, f"found the key {key!r} twice, expected each key once")
            seen.add(key)
            items.append((key, self._value(value_node, aliases)))
        return items

    def _attachment(self, node: Tree, aliases) -> Attachment:
        kind = node.data
        if kind == "name":
            base = self._resolve(node.children[0], aliases)
            return Attachment(base)
        if kind == "subscript":
            attachment = self._attachment(node.children[0], aliases)
            key = self._string(node.children[1]) if node.children[1].data == "string" else None
            if not isinstance(key, str):
                raise self.error(node.children[1], "found a subscript that is not a string, expected variable[\"key\"]")
            self._add_aggrandizement(attachment, "WFDictionaryValueVariableAggrandizement", [("DictionaryKey", Literal(key))], node)
            return attachment
        if kind == "call":
            function = _called_expression(node)
            if function == "var":
                return Attachment(NamedVariable(self._single_string(node, "var")))
            if function == "global_variable":
                return Attachment(GlobalVariable(self._single_string(node, "global_variable")))
            if function == "missing_output":
                return self._missing_output(node)
            method = _method_call(node)
            if method is not None:
                return self._method(method, aliases, node)
            if function is not None:
                raise self.error(node, f"found a call to {function}() where a value belongs; expected a variable, or assign the action to a name first")
        raise self.error(node, "found an expression that is not a variable, expected a name, var(\"...\") or a value")

    def _missing_output(self, node: Tree) -> Attachment:
        args = self._arguments(node, positional=2)
        if not all(_is_str(value) for _, value, _, _ in args) or len(args) > 2 or any(k for k, *_ in args):
            raise self.error(node, "found missing_output() with other arguments, expected missing_output(\"label\"[, \"name\"])")
        label = args[0][1].value
        ref = OutputRef(label, args[1][1].value if len(args) == 2 else ABSENT)
        self.missing_refs.append((label, ref))
        return Attachment(ref)

    def _method(self, method, aliases, node) -> Attachment:
        receiver, name, call = method
        attachment = self._attachment(receiver, aliases)
        if id(attachment) in self.closed:
            raise self.error(node, "found a step after with_keys(...), expected with_keys(...) last")
        if name == "with_keys":
            self._with_keys(attachment, call, aliases)
            self.closed.add(id(attachment))
            return attachment
        args = self._arguments(call, positional=1 if name in ("property", "as_type", "aggrandize") else 0, aliases=aliases)
        if name in METHODS:
            kind, primary = METHODS[name]
            fields = [(primary if key is None else key, value) for key, value, _, _ in args]
            self._add_aggrandizement(attachment, kind, fields, node)
        elif name == "aggrandize":
            table = args[0][1]
            kind = dict(table.items).get("Type") if isinstance(table, DictValue) else None
            if len(args) != 1 or not _is_str(kind):
                raise self.error(node, "found aggrandize() without a {\"Type\": ...} dict, expected aggrandize({\"Type\": \"...\", ...})")
            fields = [(k, v) for k, v in table.items if k != "Type"]
            self._add_aggrandizement(attachment, kind.value, fields, node)
        else:
            raise self.error(node, f"found .{name}(), expected .property(), .as_type(), .format_date(), .unit(), .aggrandize() or .with_keys()")
        return attachment

    def _with_keys(self, attachment: Attachment, call: Tree, aliases) -> None:
        table = call.children[1].children[0] if call.children[1] is not None else None
        if table is None or table.data != "dict" or len(call.children[1].children) != 1:
            raise self.error(call, "found with_keys() without one dict, expected with_keys({\"key\": value})")
        for pair in table.children:
            key_node, value_node = pair.children
            key = self._string(key_node) if key_node.data == "string" else None
            if not isinstance(key, str):
                raise self.error(key_node, "found a key that is not a string, expected \"key\"")
            value = None if value_node.data == "none" else self._value(value_node, aliases)
            base = attachment.base
            if key == "OutputName" and isinstance(base, OutputRef):
                if value is not None and not _is_str(value):
                    raise self.error(value_node, "found an OutputName that is not a string, expected a string or None")
                base.output_name = ABSENT if value is None else value.value
                self.explicit_output_names[id(base)] = base.output_name
            elif key == "Aggrandizements" and _typed_steps(value):
                attachment.aggrandizements = self._raw_aggrandizements(value, value_node)
            elif value is None:
                raise self.error(value_node, "found None, expected a value (None is only for OutputName)")
            else:
                attachment.extra.append((key, value))

    def _raw_aggrandizements(self, value, node) -> list:
        if not isinstance(value, ListValue):
            raise self.error(node, "found Aggrandizements that is not a list, expected [...]")
        out = []
        for item in value.items:
            kind = dict(item.items).get("Type") if isinstance(item, DictValue) else None
            if not _is_str(kind):
                raise self.error(node, "found an aggrandizement without a Type, expected {\"Type\": \"...\"}")
            out.append(Aggrandizement(kind.value, [(k, v) for k, v in item.items if k != "Type"]))
        return out

    def _add_aggrandizement(self, attachment: Attachment, kind: str, fields: list, node) -> None:
        if id(attachment) in self.closed:
            raise self.error(node, "found a step after with_keys(...), expected with_keys(...) last")
        if attachment.aggrandizements is ABSENT:
            attachment.aggrandizements = []
        attachment.aggrandizements.append(Aggrandizement(kind, fields))

    # --- literals

    def _string(self, node: Tree):
        try:
            return "".join(decode_string_token(str(t)) for t in node.children) if len(node.children) > 1 else decode_string_token(str(node.children[0]))
        except (LiteralError, TypeError) as error:
            raise self.error(node, f"found a bad string literal ({error}), expected a Python string") from None

    def _single_string(self, call: Tree, function: str) -> str:
        args = self._arguments(call, positional=1)
        if len(args) != 1 or not _is_str(args[0][1]):
            raise self.error(call, f"found {function}() with other arguments, expected {function}(\"text\")")
        return args[0][1].value

    def _number(self, token: Token):
        text = str(token).replace("_", "")
        try:
            if text[:2].lower() in ("0x", "0o", "0b"):
                return int(text, 0)
            if any(ch in text for ch in ".eE"):
                return float(text)
            if len(text) > 1 and text[0] == "0" and text.strip("0"):
                raise ValueError
            return int(text)
        except ValueError:
            raise self.error(token, f"found the number {str(token)!r}, expected a Python number") from None

    def _date(self, call: Tree) -> datetime.datetime:
        text = self._single_string(call, "date")
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            raise self.error(call, f"found date({text!r}), expected an ISO 8601 date and time") from None

    def _real(self, call: Tree) -> float:
        text = self._single_string(call, "real")
        if text not in ("inf", "-inf", "nan"):
            raise self.error(call, f"found real({text!r}), expected real(\"inf\"), real(\"-inf\") or real(\"nan\")")
        return float(text) if text != "nan" else math.nan

    def _fstring(self, token: Token, aliases) -> TokenString:
        prefix, quote, body = split_prefix(str(token))
        if "r" in prefix:
            raise self.error(token, "found a raw f-string, expected f\"...\"")
        parts: list = []
        start = token.column + len(prefix) + len(quote)
        for is_field, text, offset in _fstring_pieces(body, lambda m: self.error(token, m)):
            if not is_field:
                try:
                    piece = decode_escapes(text)
                except LiteralError as error:
                    raise self.error(token, f"found a bad escape in an f-string ({error})") from None
                if parts and isinstance(parts[-1], str):
                    parts[-1] += piece
                elif piece:
                    parts.append(piece)
                continue
            tree = parse_field(text, self.filename, token.line, start + offset)
            try:
                parts.append(self._attachment(tree.children[0], aliases))
            except CompileError as error:
                error.line, error.column = token.line, start + offset + max(error.column - 1, 0)
                raise
        return TokenString(parts)


def _fstring_pieces(body: str, error):
    """Split an f-string body into (is_field, text, offset) pieces."""
    i, text_start = 0, 0
    pieces = []
    literal: list[str] = []
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            literal.append(body[i : i + 2])
            i += 2
            continue
        if ch in "{}" and body[i + 1 : i + 2] == ch:
            literal.append(ch)
            i += 2
            continue
        if ch == "}":
            raise error("found a single '}' in an f-string, expected '}}'")
        if ch == "{":
            end = _field_end(body, i + 1, error)
            if literal:
                pieces.append((False, "".join(literal), text_start))
                literal = []
            pieces.append((True, body[i + 1 : end], i + 1))
            i = end + 1
            text_start = i
            continue
        literal.append(ch)
        i += 1
    if literal:
        pieces.append((False, "".join(literal), text_start))
    return pieces


def _field_end(body: str, i: int, error) -> int:
    depth, quote = 0, None
    while i < len(body):
        ch = body[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "}":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "!:" and depth == 0 and body[i : i + 2] != "!=":
            raise error("found a conversion or format spec in an f-string field, expected {variable}")
        i += 1
    raise error("found an f-string field without its closing '}'")


# --- tree helpers -------------------------------------------------------------------


def _position(node) -> tuple[int, int]:
    if isinstance(node, Token):
        return node.line or 0, node.column or 0
    meta = getattr(node, "meta", None)
    if meta is not None and not meta.empty:
        return meta.line, meta.column
    for child in getattr(node, "children", []):
        if child is not None:
            line, column = _position(child)
            if line:
                return line, column
    return 0, 0


def _origin_at(node) -> Origin:
    return Origin(*_position(node))


def _stubs_import(statement: Tree):
    """The module token of a top-level ``from ... import *``, else None."""
    if statement.data == "simple_statement" and statement.children[0].data == "stubs_import":
        return statement.children[0].children[0]
    return None


def _call_of(statement: Tree) -> Tree | None:
    if statement.data == "simple_statement" and statement.children[0].data == "expression_statement":
        expression = statement.children[0].children[0]
        if isinstance(expression, Tree) and expression.data == "call":
            return expression
    return None


def _called(statement: Tree) -> str | None:
    call = _call_of(statement)
    return _called_expression(call) if call is not None else None


def _called_expression(node) -> str | None:
    if isinstance(node, Tree) and node.data == "call":
        function = node.children[0]
        if function.data == "name":
            return str(function.children[0])
    return None


def _method_call(node) -> tuple | None:
    if isinstance(node, Tree) and node.data == "call" and node.children[0].data == "attribute":
        receiver, name = node.children[0].children
        return receiver, str(name), node
    return None


def _keyword_nodes(call: Tree):
    arguments = call.children[1]
    for arg in arguments.children if arguments is not None else []:
        if arg.data == "keyword_argument":
            yield str(arg.children[0]), arg.children[1]


def _walk_statements(nodes):
    for node in nodes:
        if not isinstance(node, Tree):
            continue
        yield node
        if node.data in ("if_statement", "for_statement", "match_statement", "case", "suite"):
            yield from _walk_statements(node.children)


def _binding_actions(binding: _Binding):
    yield binding.first
    yield from binding.others


def _typed_steps(value) -> bool:
    """A list of dicts that each have a string Type: aggrandizements proper."""
    return isinstance(value, ListValue) and all(
        isinstance(item, DictValue) and _is_str(dict(item.items).get("Type")) for item in value.items
    )



def _plain(value):
    """A literal IR value as plain Python data (for ids and options)."""
    if isinstance(value, Literal):
        return value.value
    if isinstance(value, ListValue):
        return [_plain(item) for item in value.items]
    if isinstance(value, DictValue):
        return {key: _plain(item) for key, item in value.items}
    return None
