"""Decompiled code -> the same shortcut in WorkflowBench's conventions.

The input is the default language as ``api.decompile`` writes it; each form
with a WorkflowBench spelling is rewritten into it, and every other form of the
language stays as it is (the WorkflowBench reader lets them through), so that
compiling the result with ``--dialect workflowbench`` gives the same actions:

=========================================  ========================================
the language                                WorkflowBench
=========================================  ========================================
url = url(WFURLActionURL="a")               url = is_workflow_actions_url(WFURLActionURL='''a''')
text = f"Hi {name}"                         text = f'''Hi {name}'''
number = 5 / items = [...]                  is_workflow_actions_number(...) / _list(...)
dictionary = {"k": 1}                       dictionary = {'''k''': 1}
for item in x: / for _ in range(3):         for Repeat_Index, Repeat_Item in enumerate(x, start=1):
                                            for Repeat_Index in range(int(3)):
match menu(WFMenuPrompt="P"):               match input(prompt='''P'''):
x.property("Name"), dict(x), x.as_type(..)  x.Name, coerce_variable(value=x, coercion_class="...")
ShortcutInput, CurrentDate, Clipboard       f'{input("Please enter the value:")}', datetime.datetime.now(), ...
_ (the previous output)                     None (the converter's word for "not given")
# comment                                   # '''comment'''
=========================================  ========================================

Where WorkflowBench's spelling would be read back as something else (``X = y``
where the Set/Append rule says the other one, ``pass`` alone in a block for a
Nothing action, text WorkflowBench's quoting cannot hold), the explicit form is
written instead; docs/workflowbench.md lists these.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

from ... import catalog, names
from ...constructs import assignments
from . import appends
from . import strings as wbstrings
from . import vocabulary as words
from .lexer import lex
from .names_in_values import NameRenamer, of_previous_output

_DROPPED_STATEMENTS = ("shortcut", "ids", "icon_image", "stale_operands", "spelling")
_BLOCK_ENDS = ("if_result", "menu_result", "repeat_results")
_COERCION_CLASSES = {"dict": "WFDictionaryContentItem", "bool": "WFBooleanContentItem"}
_SET, _APPEND = "is.workflow.actions.setvariable", "is.workflow.actions.appendvariable"
_GLOBAL_VALUES = {
    words.CURRENT_DATE_NAME: words.CURRENT_DATE,
    words.CLIPBOARD: words.CLIPBOARD_FUNCTION + "()",
    words.DEVICE_DETAILS: words.DEVICE_DETAILS_FUNCTION + "()",
}
_GLOBALS_IN_TEXT = {
    words.SHORTCUT_INPUT: words.SHORTCUT_INPUT_IN_TEXT,
    words.CURRENT_DATE_NAME: words.CURRENT_DATE,
    words.CLIPBOARD: words.CLIPBOARD_FUNCTION + "()",
    words.DEVICE_DETAILS: words.DEVICE_DETAILS_FUNCTION + "()",
    words.ASK: "f\\'{input(\"" + words.SHORTCUT_INPUT_PROMPT + "\")}\\'",
}
_RISKY = re.compile(r"[{}\\#\n]|input\(|datetime\.|is_workflow_actions_|f'|'''|bplist00|[\x00-\x08\x0b-\x1f]")


class Spellings:
    """WorkflowBench spellings of strings, standing in the tree as placeholder names
    (``__wb0__``) until the statement is written."""

    def __init__(self):
        self.table: dict[str, str] = {}

    def add(self, source: str) -> ast.Name:
        token = f"__wb{len(self.table)}__"
        self.table[token] = source
        return ast.Name(token)

    def fill(self, text: str) -> str:
        return re.sub(r"__wb\d+__", lambda match: self.table[match.group()], text)


class Writer:
    def __init__(self, tree: ast.Module):
        self.spell = Spellings()
        self.loops: list[dict[str, str]] = []  # per loop: its code names -> WorkflowBench names
        self.loop_bodies: list[list[ast.stmt]] = []  # the (default-language) bodies of those loops
        self.variables = _set_variables(tree)
        self.output_counts = _output_counts(tree)
        self.in_field = False  # strings inside an f-string's field take double quotes

    # --- statements

    def body(self, statements: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for statement in statements:
            out.extend(self.statement(statement))
        out = self._settle_variables(out)
        return self._settle_nothing(out)

    def statement(self, node: ast.stmt) -> list[ast.stmt]:
        if isinstance(node, _Comment):
            return [node]
        literal = _literal_append(node)
        if literal is not None:  # `X += ["a"]`: a Text action, then Append taking its output
            name, value = literal
            return [ast.Expr(self.value_action(value)), _VariableStatement(_APPEND, name, ast.Constant(None), node)]
        if isinstance(node, ast.Assign):
            return self.assignment(node)
        appended = assignments.appended_values(node) if isinstance(node, ast.AugAssign) else None
        if appended is not None and len(appended) == 1 and isinstance(node.target, ast.Name):
            return [_VariableStatement(_APPEND, node.target.id, self.value(appended[0]), node)]
        if isinstance(node, ast.Expr):
            return self.expression_statement(node)
        if isinstance(node, ast.If):
            orelse = self.body(node.orelse) if node.orelse else []
            return [ast.If(self.value(node.test), self.body(node.body), orelse)]
        if isinstance(node, ast.For):
            return [self.loop(node)]
        if isinstance(node, ast.Match):
            return [self.menu(node)]
        if isinstance(node, ast.Pass):
            return [ast.Pass()]
        return [self.keep(node)]

    def assignment(self, node: ast.Assign) -> list[ast.stmt]:
        targets = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id != "_"]
        value = node.value
        if len(targets) > 1 or len(targets) != len([t for t in node.targets if not (isinstance(t, ast.Name) and t.id == "_")]):
            return [self.keep(node)]
        name = self.output(targets[0]) if targets else None
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            function = value.func.id
            if function in _BLOCK_ENDS or function == "raw_action":
                return [self._bound(name, self.keep(value))]
            if function == "action" or catalog.identifier(function) is not None:
                return [self._bound(name, self.action(value))]
        if _is_value_action(value):
            return [self._bound(name, self.value_action(value))]
        if _is_variable(value) or (isinstance(value, ast.Name) and value.id == "_"):
            if not targets:
                call = _call(words.function_for("is.workflow.actions.getvariable"), [ast.keyword("WFVariable", self.value(value))])
                return [ast.Expr(call)]
            return [_VariableStatement(_SET, targets[0], self.value(value), node)]
        if name is None:  # a form of the language making an output nobody names: `_ = a * b`
            return [ast.Assign([ast.Name("_")], self.keep(value))]
        return [self._bound(name, self.keep(value))]

    def _bound(self, name: str | None, value: ast.expr) -> ast.stmt:
        return ast.Assign([ast.Name(name)], value) if name is not None else ast.Expr(value)

    def expression_statement(self, node: ast.Expr) -> list[ast.stmt]:
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "append":
            if isinstance(value.func.value, ast.Name) and len(value.args) == 1:
                return [_VariableStatement(_APPEND, value.func.value.id, self.value(value.args[0]), node)]
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            function = value.func.id
            identifier = catalog.identifier(function)
            if identifier == "is.workflow.actions.comment" and _comment_text(value) is not None:
                return [_Comment(_comment_text(value))]
            if function == "action" or identifier is not None:
                return [ast.Expr(self.action(value))]
        return [ast.Expr(self.keep(value))]

    # --- actions and values

    def action(self, call: ast.Call) -> ast.Call:
        function = call.func.id
        args = list(call.args)
        if function == "action":
            identifier = _string_constant(args[0]) if args else None
            spelled = words.wb_function_name(identifier) if identifier else None
            if spelled and spelled.isidentifier() and words.identifier_of(spelled) is None and words.guess_identifier(spelled) == identifier:
                function, args = spelled, args[1:]
        else:
            identifier = catalog.identifier(function)
            if identifier == "is.workflow.actions.ask" and not args and all(k.arg == "WFAskActionPrompt" for k in call.keywords):
                return _call("input", [], [self.value(k.value) for k in call.keywords])  # WorkflowBench's Ask for Input
            function = words.function_for(identifier) or function
        keywords = [ast.keyword(k.arg, self.value(k.value)) for k in call.keywords]
        return ast.Call(ast.Name(function), [self.value(a) for a in args], keywords)

    def value_action(self, value: ast.expr) -> ast.expr:
        """Text and Dictionary keep their value form; Number and List become calls."""
        if isinstance(value, (ast.Constant, ast.JoinedStr)) and not _is_number(value):
            return self.value(value)
        if _is_call(value, "str"):
            return self.value(value.args[0])
        if isinstance(value, ast.Dict):
            return self.dictionary(value)
        if isinstance(value, ast.List):
            items = ast.List([self.value(item) for item in value.elts])
            return _call(words.function_for("is.workflow.actions.list"), [ast.keyword("WFItems", items)])
        number = value.args[0] if _is_call(value, "float") else value
        return _call(words.function_for("is.workflow.actions.number"), [ast.keyword("WFNumberActionNumber", self.value(number))])

    def dictionary(self, node: ast.Dict) -> ast.Dict:
        keys = [self.value(key) if key is not None else None for key in node.keys]
        return ast.Dict(keys, [self.value(v) for v in node.values])

    def keep(self, node):
        """A form of the language WorkflowBench has no spelling for: kept, its values respelled."""
        return _Respell(self).visit(node)

    def value(self, node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                return self.text(node.value)
            return node
        if isinstance(node, ast.JoinedStr):
            return self.fstring(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.Attribute):
            return ast.Attribute(self.value(node.value), node.attr)
        if isinstance(node, ast.Subscript):
            key = _string_constant(node.slice)
            if key is not None and _plain_key(key):
                return ast.Subscript(self.value(node.value), self.spell.add('"' + key + '"'))
            return ast.Subscript(self.value(node.value), self.value(node.slice))
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.List):
            return ast.List([self.value(item) for item in node.elts])
        if isinstance(node, ast.Dict):
            return self.dictionary(node)
        return self.keep(node)

    def name(self, node: ast.Name) -> ast.expr:
        name = node.id
        if name == "_":
            return ast.Constant(None)  # the previous output: WorkflowBench's "not given"
        for loop in reversed(self.loops):
            if name in loop:
                return ast.Name(loop[name])
        if name == words.SHORTCUT_INPUT:
            return self.spell.add(words.SHORTCUT_INPUT_VALUE)
        if name in _GLOBAL_VALUES:
            return self.spell.add(_GLOBAL_VALUES[name])
        if name in self.variables and not self._plain_variable(name):
            return _call("var", [], [self.text(name)])
        return ast.Name(self.output(name))

    def output(self, name: str) -> str:
        """Names WorkflowBench reads as something else get a suffix."""
        if name in _WB_WORDS or words.loop_variable(name) is not None:
            return name + "_"
        return name

    def call(self, node: ast.Call) -> ast.expr:
        function = node.func
        if isinstance(function, ast.Attribute):
            receiver = self.value(function.value)
            method = function.attr
            if method == "property" and len(node.args) == 1 and not node.keywords:
                name = _string_constant(node.args[0])
                if name is not None and name.isidentifier() and name not in _METHOD_NAMES:
                    return ast.Attribute(receiver, name)
            if method == "as_type" and len(node.args) == 1 and not node.keywords:
                kind = _string_constant(node.args[0])
                if kind is not None:
                    return self._coerce(receiver, _content_class(kind))
            if method == "format_date" and not node.args and all(k.arg in _FORMAT_KEYS for k in node.keywords):
                return self._aggrandizement(words.FORMAT_DATE_FUNCTION, receiver, node.keywords, _FORMAT_KEYS)
            if method == "unit" and not node.args and all(k.arg in _UNIT_KEYS for k in node.keywords):
                return self._aggrandizement(words.UNIT_FUNCTION, receiver, node.keywords, _UNIT_KEYS)
            return ast.Call(ast.Attribute(receiver, method), [self.value(a) for a in node.args], [ast.keyword(k.arg, self.value(k.value)) for k in node.keywords])
        name = function.id if isinstance(function, ast.Name) else None
        if name in _COERCION_CLASSES and len(node.args) == 1 and not node.keywords:
            return self._coerce(self.value(node.args[0]), _COERCION_CLASSES[name])
        if name == "ref" and len(node.args) == 1 and not node.keywords and _string_constant(node.args[0]):
            target = _string_constant(node.args[0])
            if self.output_counts.get(target, 0) != 1:  # a shared name: the reader finds the output by flow
                return ast.Name(self.output(target))
        if name == "var" and len(node.args) == 1 and not node.keywords:
            variable = _string_constant(node.args[0])
            spelled = _loop_spelling(variable) if variable is not None else None
            if spelled is not None:
                return ast.Name(spelled)
        if of_previous_output(node):
            return node
        # a function of the language: its arguments respelled
        return ast.Call(node.func, [self.value(a) for a in node.args], [ast.keyword(k.arg, self.value(k.value)) for k in node.keywords])

    def _coerce(self, receiver: ast.expr, kind: str) -> ast.expr:
        keywords = [ast.keyword("value", receiver), ast.keyword("coercion_class", self.spell.add('"' + kind + '"'))]
        return _call(words.COERCE_FUNCTION, keywords)

    def _aggrandizement(self, function: str, receiver: ast.expr, keywords: list[ast.keyword], keys: dict[str, str]) -> ast.expr:
        out = [ast.keyword("value", receiver)]
        for keyword in keywords:
            value = keyword.value
            text = _string_constant(value)
            spelled = self.spell.add('"' + text + '"') if text is not None and _plain_key(text) else self.value(value)
            out.append(ast.keyword(keys[keyword.arg], spelled))
        return _call(function, out)

    # --- text

    def text(self, text: str) -> ast.Name:
        if self.in_field:
            return self.spell.add(_plainly_quoted(text))
        return self.spell.add(self.text_source(text))

    def text_source(self, text: str) -> str:
        spelled = wbstrings.text_source(text)
        if spelled is not None and (not _RISKY.search(text) or _reads_back(spelled, [text])):
            return spelled
        return wbstrings.python_source(text)

    def fstring(self, node: ast.JoinedStr) -> ast.Name:
        parts: list = []  # str, or (kind, source): kind "field" (a WorkflowBench expression) / "global"
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(value.value)
                continue
            expression = value.value
            if isinstance(expression, ast.Name) and expression.id in _GLOBALS_IN_TEXT and not self._shadowed(expression.id):
                parts.append(("global", expression.id))
                continue
            parts.append(("field", self.field_source(expression)))
        return self.spell.add(self.fstring_source(parts))

    def _shadowed(self, name: str) -> bool:
        return any(name in loop for loop in self.loops)

    def field_source(self, expression: ast.expr) -> str:
        outer, self.in_field = self.in_field, True
        try:
            converted = self.value(expression)
        finally:
            self.in_field = outer
        return self.spell.fill(ast.unparse(ast.fix_missing_locations(converted)))

    def fstring_source(self, parts: list) -> str:
        body = []
        expected = []
        for part in parts:
            if isinstance(part, str):
                body.append(part.replace("'", "\\'"))
                expected.append(part)
            elif part[0] == "global":
                body.append(_GLOBALS_IN_TEXT[part[1]])
                expected.append(("global", part[1]))
            else:
                body.append("{" + part[1] + "}")
                expected.append(("field", part[1]))
        spelled = "f'''" + "".join(body) + "'''"
        safe = not any(isinstance(p, str) and (wbstrings.text_source(p) is None or any(c in p for c in "{}\\")) for p in parts)
        if safe and _reads_back(spelled, expected):
            return spelled
        pieces = []
        for part in parts:
            if isinstance(part, str):
                pieces.append(wbstrings.python_source(part))
            elif part[0] == "global":
                pieces.append("f'''{" + part[1] + "}'''")
            else:
                pieces.append("f'''{" + part[1] + "}'''")
        return " ".join(pieces)

    # --- blocks

    def loop(self, node: ast.For) -> ast.stmt:
        depth = len(self.loops) + 1
        index_name, item_name = words.loop_names(depth)
        iterator, target = node.iter, node.target
        renames: dict[str, str] = {}
        counted_from_zero = None  # the index name a 0-based loop reads (an action computes it)
        if _is_call(iterator, "range"):
            count = _range_count(iterator)
            if count is not None and isinstance(target, ast.Name):
                renames[target.id] = index_name
                if len(iterator.args) == 1 and target.id != "_" and _reads_name(node.body, target.id):
                    counted_from_zero = target.id
                inner = count if _is_call(count, "int") else _call("int", [], [count])
                new_iter = _call("range", [], [self.keep(inner)])
                return self._loop_body(node, ast.Name(index_name), new_iter, renames, counted_from_zero)
        elif not (isinstance(iterator, ast.Call) and isinstance(iterator.func, ast.Name) and iterator.func.id in ("repeat_count", "repeat_each")):
            enumerated = _is_call(iterator, "enumerate")
            source = iterator.args[0] if enumerated else iterator
            names_ = [n.id for n in (target.elts if isinstance(target, ast.Tuple) else [target]) if isinstance(n, ast.Name)]
            if enumerated and len(names_) == 2:
                renames[names_[0]], renames[names_[1]] = index_name, item_name
                from_one = any(k.arg == "start" and isinstance(k.value, ast.Constant) and k.value.value == 1 for k in iterator.keywords)
                if not from_one and names_[0] != "_" and _reads_name(node.body, names_[0]):
                    counted_from_zero = names_[0]
            elif len(names_) == 1:
                renames[names_[0]] = item_name
            new_target = ast.Tuple([ast.Name(index_name), ast.Name(item_name)])
            new_iter = _call("enumerate", [ast.keyword("start", ast.Constant(1))], [self.value(source)])
            return self._loop_body(node, new_target, new_iter, renames, counted_from_zero)
        for name in (n.id for n in ast.walk(target) if isinstance(n, ast.Name)):
            renames[name] = name
        return self._loop_body(node, target, self.keep(iterator), renames)

    def _loop_body(self, node: ast.For, target: ast.expr, iterator: ast.expr, renames: dict[str, str], from_zero: str | None = None) -> ast.For:
        """The loop with its names renamed.  A loop counted from 0 in the code (its index
        read) had the app's index minus one computed first: that Calculate action is written."""
        index_name = renames.get(from_zero) if from_zero else None
        if from_zero:
            renames = {**renames, from_zero: self.output(from_zero)}
        self.loops.append({k: v for k, v in renames.items() if k != "_"})
        self.loop_bodies.append(node.body)
        try:
            body = self.body(node.body)
        finally:
            self.loops.pop()
            self.loop_bodies.pop()
        if from_zero:
            keywords = [
                ast.keyword("WFInput", ast.Name(index_name)),
                ast.keyword("WFMathOperation", self.text("-")),
                ast.keyword("WFMathOperand", self.text("1")),
            ]
            math = ast.Assign([ast.Name(self.output(from_zero))], _call(words.function_for("is.workflow.actions.math"), keywords))
            body = [math] + [statement for statement in body if not isinstance(statement, ast.Pass)]
        return ast.For(target, iterator, body, [])

    def menu(self, node: ast.Match) -> ast.stmt:
        subject = node.subject
        if _is_call(subject, "menu") and not subject.args and all(k.arg == "WFMenuPrompt" for k in subject.keywords):
            keywords = [ast.keyword("prompt", self.value(k.value)) for k in subject.keywords]
            subject = _call("input", keywords)
        else:
            subject = self.keep(subject)
        cases = []
        for case in node.cases:
            pattern = case.pattern
            title = _string_constant(pattern.value) if isinstance(pattern, ast.MatchValue) else None
            if title is not None:
                pattern = ast.MatchValue(self.spell.add(_plainly_quoted(title)))
            guard = self.keep(case.guard) if case.guard is not None else None
            cases.append(ast.match_case(pattern, guard, self.body(case.body)))
        return ast.Match(subject, cases)

    # --- the readings to check

    def _settle_variables(self, statements: list[ast.stmt]) -> list[ast.stmt]:
        """``X = y`` where the Set/Append rule reads the kind back; the explicit call elsewhere."""
        out: list[ast.stmt] = []
        for statement in statements:
            if not isinstance(statement, _VariableStatement):
                out.append(statement)
                continue
            assignment = ast.Assign([ast.Name(statement.name)], statement.value)
            wants_append = statement.identifier == _APPEND
            empty = isinstance(statement.value, ast.Constant) and statement.value.value is None
            if self._plain_variable(statement.name) and _is_wb_variable_value(statement.value, self.spell) and not (empty and wants_append):
                if empty:
                    reads_as_append = False  # X = None is always Set Variable
                else:
                    loop_body = self.loop_bodies[-1] if self.loop_bodies else None
                    read = appends.read_in_loop(statement.name, statement.source, loop_body)
                    reads_as_append = read is False or appends.follows_unread_assignment(
                        statement.name, assignment, out + [assignment], lambda s, n: _assigns_variable_wb(s, n, self.spell)
                    )
                if wants_append == reads_as_append:
                    out.append(assignment)
                    continue
            keywords = [ast.keyword("WFVariableName", self.text(statement.name))]
            if not empty:
                keywords.append(ast.keyword("WFInput", statement.value))
            out.append(ast.Expr(_call(words.function_for(statement.identifier), keywords)))
        return out

    def _plain_variable(self, name: str) -> bool:
        """Whether a variable can be written as its bare name (``X = y``, and read as ``X``)."""
        return (
            name in self.variables
            and names.is_plain_name(name)
            and name not in _WB_WORDS
            and words.loop_variable(name) is None
        )

    def _settle_nothing(self, statements: list[ast.stmt]) -> list[ast.stmt]:
        """A Nothing action alone in its block would read as an empty block: write the call."""
        code = [s for s in statements if not isinstance(s, _Comment)]
        if len(code) == 1 and _is_nothing(code[0]):
            return [s if s is not code[0] else ast.Expr(_call(words.function_for("is.workflow.actions.nothing"), [])) for s in statements]
        return [ast.Pass() if _is_nothing(s) else s for s in statements]


class _Respell(NameRenamer):
    """Inside a kept form: strings respelled, names renamed, the previous output as None."""

    def __init__(self, writer: Writer):
        self.writer = writer

    def visit_Constant(self, node: ast.Constant):
        return self.writer.value(node)

    def visit_JoinedStr(self, node: ast.JoinedStr):  # an f-string is spelled whole
        return self.writer.fstring(node)

    def rename(self, node: ast.Name):
        return self.writer.name(node)

    def visit_Call(self, node: ast.Call):
        if isinstance(node.func, ast.Name) and not self.in_arithmetic:
            return self.writer.call(node)
        function = node.func if isinstance(node.func, ast.Name) else self.visit(node.func)
        return ast.Call(function, [self.visit(a) for a in node.args], [ast.keyword(k.arg, self.visit(k.value)) for k in node.keywords])

    def visit_MatchValue(self, node):  # a case title is spelled by the menu
        return node


class _VariableStatement(ast.stmt):
    """Set or Append to Variable, before its spelling is chosen."""

    _fields = ()

    def __init__(self, identifier: str, name: str, value: ast.expr, source: ast.stmt):
        super().__init__()
        self.identifier, self.name, self.value, self.source = identifier, name, value, source


class _Comment(ast.stmt):
    _fields = ()

    def __init__(self, text: str):
        super().__init__()
        self.text = text


# --- what reads back as what ------------------------------------------------------------------------

_WB_WORDS = frozenset(
    {"input", "datetime", "coerce_variable", "format_date", "unit_variable_transform", "str", "float", "dict", "bool", "int", "None", "True", "False", "_"}
    | set(words.PROPERTY_NAMES)
)
_METHOD_NAMES = frozenset({"property", "as_type", "format_date", "unit", "aggrandize", "with_keys", "with_id", "shown_as", "startswith", "endswith", "append", "date"})
_FORMAT_KEYS = {value: key for key, value in words.FORMAT_DATE_KEYS.items()}
_UNIT_KEYS = {value: key for key, value in words.UNIT_KEYS.items()}


def _reads_back(source: str, expected: list) -> bool:
    """Whether the WorkflowBench reader reads ``x = <source>`` as ``expected`` (its parts)."""
    try:
        lexed = lex("x = " + source + "\n", "<check>")
    except Exception:  # noqa: BLE001 - a spelling the reader refuses is simply not used
        return False
    if lexed.repairs or len(lexed.strings) == 0:
        return False
    value = lexed.strings[-1] if len(lexed.strings) == 1 else _outermost(lexed)
    if value is None or value.raw or value.binary:
        return False
    got: list = []
    for part in value.parts:
        if isinstance(part, str):
            got.append(part)
        elif isinstance(part, wbstrings.Special):
            got.append(("global", part.kind))
        else:
            got.append(("field", None))
    want = [(p[0], None) if isinstance(p, tuple) and p[0] == "field" else p for p in expected]
    want = [p for p in want if p != ""]
    return got == want


def _outermost(lexed):
    line = lexed.source.splitlines()[0] if lexed.source else ""
    found = re.search(r'"\\x00(\d+)"', line)
    return lexed.strings[int(found.group(1))] if found else None


def _is_wb_variable_value(node: ast.expr, spell: Spellings) -> bool:
    """Whether ``X = node`` reads back as a variable statement (not an action's output)."""
    if isinstance(node, ast.Constant):
        return node.value is None
    if isinstance(node, ast.Name) and node.id.startswith("__wb"):
        # a spelled string is a Text action, except the spellings of Shortcut Input and Current Date
        return spell.table[node.id] in (words.SHORTCUT_INPUT_VALUE, words.CURRENT_DATE)
    if isinstance(node, (ast.Name, ast.Attribute)):
        return True
    if isinstance(node, ast.Subscript):
        return True
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Attribute):
            return True
        return isinstance(function, ast.Name) and function.id in (words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "str", "float", "var", "ref", "global_variable")
    return False


def _assigns_variable_wb(statement: ast.stmt, name: str, spell: Spellings) -> bool:
    return (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id == name
        and _is_wb_variable_value(statement.value, spell)
    )


def _is_nothing(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Call)
        and isinstance(statement.value.func, ast.Name)
        and words.identifier_of(statement.value.func.id) == "is.workflow.actions.nothing"
        and not statement.value.args
        and not statement.value.keywords
    )


# --- helpers -------------------------------------------------------------------------------------------


def _call(function: str, keywords: list[ast.keyword], args: list[ast.expr] | None = None) -> ast.Call:
    return ast.Call(ast.Name(function), args or [], keywords)


def _is_call(node, function: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function


def _string_constant(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _plain_key(text: str) -> bool:
    return '"' not in text and "\\" not in text and "\n" not in text and "'" not in text and not text.startswith("\x00")


def _literal_append(node: ast.stmt) -> tuple[str, ast.expr] | None:
    """(X, value) of ``X += [value]`` / ``X.append(value)`` whose value is a literal."""
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and isinstance(node.value, ast.List) and len(node.value.elts) == 1:
        name, value = node.target.id, node.value.elts[0]
    elif (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "append"
        and isinstance(node.value.func.value, ast.Name)
        and len(node.value.args) == 1
    ):
        name, value = node.value.func.value.id, node.value.args[0]
    else:
        return None
    return (name, value) if _is_value_action(value) else None


def _is_number(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _is_value_action(node: ast.expr) -> bool:
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.List, ast.Dict)):
        return not (isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (bool, bytes))))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _is_number(node.operand):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("str", "float") and len(node.args) == 1:
        return isinstance(node.args[0], (ast.Constant, ast.JoinedStr))
    return False


def _is_variable(node: ast.expr) -> bool:
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)):
        return True
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Attribute):
            return True
        return isinstance(function, ast.Name) and function.id in ("var", "ref", "global_variable", "missing_output", "str", "float", "dict", "bool")
    return False


def _content_class(kind: str) -> str:
    from ...constructs.variables import content_class_full

    return content_class_full(kind)


def _range_count(call: ast.Call) -> ast.expr | None:
    args = call.args
    if len(args) == 1:
        return args[0]
    if len(args) == 2 and isinstance(args[0], ast.Constant) and args[0].value == 1:
        stop = args[1]
        if isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.Add) and isinstance(stop.right, ast.Constant) and stop.right.value == 1:
            return stop.left
        if isinstance(stop, ast.Constant) and type(stop.value) is int:
            return ast.Constant(stop.value - 1)
    return None


def _reads_name(statements: list[ast.stmt], name: str) -> bool:
    return any(
        isinstance(node, ast.Name) and node.id == name and isinstance(getattr(node, "ctx", ast.Load()), ast.Load)
        for statement in statements
        for node in ast.walk(statement)
    )


def _loop_spelling(variable: str) -> str | None:
    """``Repeat Item 2`` -> ``Repeat_Item_2``: the name WorkflowBench gives a loop variable."""
    found = re.fullmatch(r"Repeat (Item|Index)(?: (\d+))?", variable)
    if found is None:
        return None
    return f"Repeat_{found.group(1)}" + (f"_{found.group(2)}" if found.group(2) else "")


def _plainly_quoted(text: str) -> str:
    """``text`` in double quotes, or single ones, when it needs no escape (inside an
    f-string field Python 3.11 allows no backslash); else Python's own spelling."""
    if '"' not in text and "\\" not in text and "\n" not in text:
        return '"' + text + '"'
    if "'" not in text and "\\" not in text and "\n" not in text:
        return "'" + text + "'"
    return wbstrings.python_source(text)


def _comment_text(call: ast.Call) -> str | None:
    if len(call.keywords) == 1 and call.keywords[0].arg == "WFCommentActionText" and not call.args:
        return _string_constant(call.keywords[0].value)
    return None


def _output_counts(tree: ast.Module) -> dict[str, int]:
    """How many statements assign each name an action's output (or any value but a variable)."""
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and not _is_variable(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id != "_":
                    counts[target.id] = counts.get(target.id, 0) + 1
    return counts


def _set_variables(tree: ast.Module) -> set[str]:
    """Names the code sets as variables (``X = y``, ``X += [y]``, ``X.append(y)``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_variable(node.value):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name) and t.id != "_")
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            found.add(node.target.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append" and isinstance(node.func.value, ast.Name):
            found.add(node.func.value.id)
    return found


# --- comments -----------------------------------------------------------------------------------------


def _comment_runs(code: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of each run of comment lines (the language's Comment actions)."""
    runs: list[tuple[int, int, list[str]]] = []
    previous_line = -2
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type != tokenize.COMMENT:
            continue
        line, column = token.start
        if token.line[:column].strip():
            continue  # a comment after code is not an action
        text = token.string[1:]
        text = text[1:] if text.startswith(" ") else text
        if runs and line == previous_line + 1 and runs[-1][1] == column:
            runs[-1][2].append(text)
        else:
            runs.append((line, column, [text]))
        previous_line = line
    return [(line, column, "\n".join(texts)) for line, column, texts in runs]


def _attach_comments(body: list[ast.stmt], runs: list[tuple[int, int, str]], start: int, end: int, lines: list[str]) -> list[ast.stmt]:
    """``body`` with the comment runs standing in it (lines ``start`` < line < ``end``, at its
    column) as _Comment statements, in every nested body too."""
    if not body:
        return body
    column = body[0].col_offset
    mine = [run for run in runs if run[1] == column and start < run[0] < end]
    out: list[ast.stmt] = []
    index = 0
    for position, statement in enumerate(body):
        following = body[position + 1].lineno if position + 1 < len(body) else end
        while index < len(mine) and mine[index][0] < statement.lineno:
            out.append(_Comment(mine[index][2]))
            index += 1
        _attach_inner(statement, runs, following, lines)
        out.append(statement)
        last = statement.end_lineno or statement.lineno
        while index < len(mine) and last < mine[index][0] < following:
            out.append(_Comment(mine[index][2]))
            index += 1
    return out


def _attach_inner(statement: ast.stmt, runs, following: int, lines: list[str]) -> None:
    if isinstance(statement, (ast.If, ast.For)):
        orelse = getattr(statement, "orelse", None)
        body_end = following
        if orelse:
            body_last = statement.body[-1].end_lineno or statement.body[-1].lineno
            else_line = next((n for n in range(body_last + 1, orelse[0].lineno + 1) if lines[n - 1].strip().startswith(("else", "elif"))), orelse[0].lineno)
            body_end = else_line
            statement.orelse = _attach_comments(orelse, runs, else_line, following, lines)
        statement.body = _attach_comments(statement.body, runs, statement.lineno, body_end, lines)
    elif isinstance(statement, ast.Match):
        for number, case in enumerate(statement.cases):
            limit = statement.cases[number + 1].pattern.lineno if number + 1 < len(statement.cases) else following
            case.body = _attach_comments(case.body, runs, case.pattern.lineno, limit, lines)


# --- output ------------------------------------------------------------------------------------------


def _emit(statements: list[ast.stmt], spell: Spellings, depth: int = 0) -> list[str]:
    lines: list[str] = []
    indent = "    " * depth
    if statements and all(isinstance(statement, _Comment) for statement in statements):
        statements = [*statements, ast.Pass()]  # a block holding only Comments still needs a statement
    for statement in statements:
        if isinstance(statement, _Comment):
            lines.extend(_comment_lines(statement.text, indent, spell))
        elif isinstance(statement, ast.If):
            lines.append(indent + "if " + spell.fill(ast.unparse(statement.test)) + ":")
            lines.extend(_emit(statement.body, spell, depth + 1) or [indent + "    pass"])
            if statement.orelse:
                lines.append(indent + "else:")
                lines.extend(_emit(statement.orelse, spell, depth + 1) or [indent + "    pass"])
        elif isinstance(statement, ast.For):
            target = statement.target
            names_ = ", ".join(ast.unparse(t) for t in target.elts) if isinstance(target, ast.Tuple) else ast.unparse(target)
            lines.append(indent + f"for {names_} in {spell.fill(ast.unparse(statement.iter))}:")
            lines.extend(_emit(statement.body, spell, depth + 1) or [indent + "    pass"])
        elif isinstance(statement, ast.Match):
            lines.append(indent + "match " + spell.fill(ast.unparse(statement.subject)) + ":")
            for case in statement.cases:
                guard = " if " + spell.fill(ast.unparse(case.guard)) if case.guard is not None else ""
                lines.append(indent + "    case " + spell.fill(ast.unparse(case.pattern)) + guard + ":")
                lines.extend(_emit(case.body, spell, depth + 2) or [indent + "        pass"])
        else:
            lines.append(indent + spell.fill(ast.unparse(ast.fix_missing_locations(statement))))
    return lines


def _comment_lines(text: str, indent: str, spell: Spellings) -> list[str]:
    """A Comment as the converter wrote it: ``# '''text'''``, one ``#`` line per line."""
    body = text.replace("'", "\\'")
    lines = body.split("\n")
    simple = not any(line.endswith("\\") or "\r" in line or "\x0b" in line or "\x0c" in line for line in lines) and not text.endswith("'")
    if simple:
        lines[0] = "'''" + lines[0]
        lines[-1] = lines[-1] + "'''"
        return [(indent + "# " + line).rstrip() if line else indent + "#" for line in lines]
    call = _call(words.function_for("is.workflow.actions.comment"), [ast.keyword("WFCommentActionText", spell.add(wbstrings.python_source(text)))])
    return [indent + spell.fill(ast.unparse(call))]


def write(code: str) -> str:
    """Decompiled code -> WorkflowBench code (valid Python)."""
    tree = ast.parse(code)
    shared = _shared_names(tree)
    body = [statement for statement in tree.body if not _dropped(statement)]
    runs = _comment_runs(code)
    lines = code.splitlines()
    body = _attach_comments(body, runs, 0, len(lines) + 2, lines)
    writer = Writer(tree)
    converted = writer.body(body)
    if shared is not None:  # outputs several actions share: the one setting of the code kept
        converted.append(ast.Expr(_call("spelling", [ast.keyword("shared_names", writer.value(shared))])))
    lines = _emit(converted, writer.spell)
    return "\n".join(lines) + "\n"


def _shared_names(tree: ast.Module) -> ast.expr | None:
    for statement in tree.body:
        value = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
        if _is_call(value, "spelling"):
            return next((k.value for k in value.keywords if k.arg == "shared_names"), None)
    return None


def _dropped(statement: ast.stmt) -> bool:
    """The stubs import, the header and the trailers: WorkflowBench code has none."""
    if isinstance(statement, ast.ImportFrom):
        return True
    value = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _DROPPED_STATEMENTS
