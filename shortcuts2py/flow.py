"""Which assignment each name read refers to, as Python would run the code.

Compiling keeps Python's meaning: a read sees the latest assignment that can
reach it.  An action's output is a magic variable that names one action, so
a read reached by exactly one earlier assignment refers to that action's
output.  A read that more than one assignment can reach (a name set in both
branches of an ``if``, a total updated in a loop), or one that only a later
assignment reaches (the loop's previous turn), needs a Shortcuts variable:
such names become variables, set after each assignment and read by name.

This is the classic reaching-definitions analysis over the structured
control flow of the language: ``if``/``else``, ``match`` (exactly one case
runs) and ``for`` (the body runs zero or more times).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

UNDEFINED = -1  # the name may not be assigned yet on this path


@dataclass
class Definition:
    name: str
    node: ast.stmt
    kind: str  # "output" (an action's output) or "variable" (Set / Append to Variable)
    position: tuple[int, int]


@dataclass
class NameFlow:
    """The result: definitions, what each read can see, and the verdict per name."""

    definitions: list[Definition] = field(default_factory=list)
    reads: dict[int, frozenset[int]] = field(default_factory=dict)  # id(Name node) -> definitions
    read_nodes: list[ast.Name] = field(default_factory=list)
    definition_of: dict[int, int] = field(default_factory=dict)  # id(statement) -> definition index
    variables: set[str] = field(default_factory=set)  # names that are Shortcuts variables

    def reaching(self, node: ast.Name) -> frozenset[int]:
        return self.reads.get(id(node), frozenset())


class _State:
    """The definitions that reach one point: a layer of changes over the
    enclosing state, so that a branch costs what it assigns, not the size of
    the whole program."""

    __slots__ = ("parent", "own")

    def __init__(self, parent: "_State | None" = None, own: dict | None = None):
        self.parent = parent
        self.own: dict[str, frozenset[int]] = own if own is not None else {}

    def get(self, name: str) -> frozenset[int]:
        state = self
        while state is not None:
            found = state.own.get(name)
            if found is not None:
                return found
            state = state.parent
        return _UNDEFINED_ONLY

    def child(self) -> "_State":
        return _State(self)

    def merge_into(self, *branches: "_State") -> None:
        """After branches that started here: each name any of them assigned
        can have any of their values (or this state's, where a branch left it)."""
        changed = set()
        for branch in branches:
            changed.update(branch.own)
        for name in changed:
            merged = frozenset()
            before = None  # this state's definitions of the name, looked up once if a branch left it
            for branch in branches:
                found = branch.own.get(name)
                if found is None:
                    if before is None:
                        before = self.get(name)
                    found = before
                merged = merged | found
            self.own[name] = merged


_UNDEFINED_ONLY = frozenset({UNDEFINED})


class FlowAnalysis:
    """Runs over the statements once; each loop until it is stable."""

    def __init__(self, classify, ignored: frozenset[str]):
        self.classify = classify  # statement -> list of (name, kind) it defines
        self.ignored = ignored  # names that are never flow names (globals, _)
        self.result = NameFlow()
        self._loop_names: dict[str, int] = {}  # loop target names in scope -> how many loops use them
        self._names_read: dict[int, list[ast.Name]] = {}  # id(expression) -> its reads, for later passes

    def run(self, statements: list[ast.stmt]) -> NameFlow:
        # One pass: each loop walks its own body again until what its back edge
        # brings stops growing (see _loop), so straight code is walked once.
        self._back: dict[int, dict[str, frozenset[int]]] = {}
        self._walk(statements, _State())
        self._decide()
        return self.result

    # --- walking

    def _walk(self, statements: list[ast.stmt], state: _State) -> None:
        for statement in statements:
            kind = type(statement)
            if kind is ast.If or kind is ast.Match or kind is ast.For:
                self._statement(statement, state)
            else:
                self._simple(statement, state)

    def _statement(self, statement: ast.stmt, state: _State) -> None:
        if isinstance(statement, ast.If):
            self._reads(statement.test, state)
            then, other = state.child(), state.child()
            self._walk(statement.body, then)
            self._walk(statement.orelse, other)
            state.merge_into(then, other)
        elif isinstance(statement, ast.Match):
            self._reads(statement.subject, state)
            cases = []
            for case in statement.cases:
                if case.guard is not None:
                    self._reads(case.guard, state)
                branch = state.child()
                self._walk(case.body, branch)
                cases.append(branch)
            if cases:
                state.merge_into(*cases)
        elif isinstance(statement, ast.For):
            self._loop(statement, state)
        else:
            self._simple(statement, state)

    def _simple(self, statement: ast.stmt, state: _State) -> None:
        """A statement with no body: what it reads, then what it assigns."""
        self._reads_of_statement(statement, state)
        definitions = self.classify(statement)
        if not definitions:
            return
        result = self.result
        for name, kind in definitions:
            if name in self._loop_names:
                continue
            index = len(result.definitions)
            result.definitions.append(Definition(name, statement, kind, (statement.lineno, statement.col_offset)))
            result.definition_of.setdefault(id(statement), index)
            state.own[name] = frozenset({index})

    def _loop(self, statement: ast.For, state: _State) -> None:
        """The body runs after the loop's start or after its own previous turn
        (what the previous walk of the body saw reach its end); it may not run.
        The body is walked until that stops growing, forgetting what each walk
        but the last recorded, so the definitions keep the indices of one walk
        in source order."""
        self._reads(statement.iter, state)
        marks = (len(self.result.definitions), len(self.result.read_nodes))
        while True:
            back = self._back.get(id(statement), {})
            entry = state.child()
            for name, definitions in back.items():
                entry.own[name] = state.get(name) | definitions
            body = entry.child()
            targets = _target_names(statement.target)
            for name in targets:
                self._loop_names[name] = self._loop_names.get(name, 0) + 1
            try:
                self._walk(statement.body, body)
            finally:
                for name in targets:
                    self._loop_names[name] -= 1
                    if not self._loop_names[name]:
                        del self._loop_names[name]
            end = {name: body.own.get(name, entry.get(name)) for name in set(body.own) | set(entry.own)}
            grown = {name: back.get(name, frozenset()) | definitions for name, definitions in end.items()}
            if grown == back:
                break
            self._back[id(statement)] = grown
            self._forget(*marks)
        skipped = state.child()  # the loop may run no turn at all
        after = state.child()
        after.own.update(end)
        state.merge_into(skipped, after)

    def _forget(self, definitions: int, reads: int) -> None:
        """Drop what was recorded since the counts ``definitions`` and ``reads``
        (a walk of a loop's body that is to be walked again)."""
        result = self.result
        for definition in result.definitions[definitions:]:
            if result.definition_of.get(id(definition.node), -1) >= definitions:
                del result.definition_of[id(definition.node)]
        del result.definitions[definitions:]
        del result.read_nodes[reads:]

    def _reads_of_statement(self, statement: ast.stmt, state: _State) -> None:
        kind = type(statement)
        if kind is ast.Assign or kind is ast.Expr:
            self._reads(statement.value, state)
        elif kind is ast.AugAssign:
            self._reads(statement.value, state)
            if isinstance(statement.target, ast.Name):
                self._record(statement.target, state)  # `n += 1` reads n before assigning it
            else:
                self._reads(statement.target, state)  # `x["k"] += ...` reads x; parse refuses the form

    def _reads(self, node: ast.AST, state: _State) -> None:
        names = self._names_read.get(id(node))
        if names is None:  # the reads of flow names, found once (a loop's body is walked again)
            ignored = self.ignored
            names = self._names_read[id(node)] = [child for child in names_read(node) if child.id not in ignored]
        if not names:
            return
        loop_names, reads, read_nodes = self._loop_names, self.result.reads, self.result.read_nodes
        for child in names:  # _record, for each
            name = child.id
            if name in loop_names:
                continue
            reads[id(child)] = state.get(name)
            read_nodes.append(child)

    def _record(self, node: ast.Name, state: _State) -> None:
        name = node.id
        if name in self.ignored or self._is_loop_name(name):
            return
        self.result.reads[id(node)] = state.get(name)
        self.result.read_nodes.append(node)

    def _is_loop_name(self, name: str) -> bool:
        return name in self._loop_names

    # --- verdict

    def _decide(self) -> None:
        result = self.result
        result.variables = {d.name for d in result.definitions if d.kind == "variable"}
        for node in result.read_nodes:
            if node.id in result.variables:
                continue
            reaching = [i for i in result.reads[id(node)] if i != UNDEFINED]
            position = (node.lineno, node.col_offset)
            if len(reaching) > 1 or any(result.definitions[i].position >= position for i in reaching):
                result.variables.add(node.id)


def names_read(node: ast.AST) -> list[ast.Name]:
    """The names ``node`` reads (itself included), in no particular order.

    A called name is a function (``var`` in ``var("x")``), not a read.  The most
    common nodes are taken apart by hand: ``ast.walk`` costs a generator per node.
    """
    found: list[ast.Name] = []
    stack = [node]
    while stack:
        current = stack.pop()
        kind = type(current)
        if kind is ast.Name:
            if isinstance(current.ctx, ast.Load):
                found.append(current)
        elif kind is ast.Constant:
            continue
        elif kind is ast.Call:
            function = current.func
            if type(function) is not ast.Name:
                stack.append(function)
            stack.extend(current.args)
            stack.extend([keyword.value for keyword in current.keywords])
        elif kind is ast.Attribute:
            stack.append(current.value)
        elif kind is ast.JoinedStr:
            stack.extend(current.values)
        elif kind is ast.FormattedValue:
            stack.append(current.value)
            if current.format_spec is not None:
                stack.append(current.format_spec)
        elif kind is ast.Dict:
            stack.extend([key for key in current.keys if key is not None])
            stack.extend(current.values)
        else:
            stack.extend(ast.iter_child_nodes(current))
    return found


def _target_names(target: ast.expr) -> set[str]:
    return {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}
