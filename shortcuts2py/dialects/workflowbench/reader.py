"""The meaning of WorkflowBench code: its syntax tree -> the default language's syntax tree.

The lexer has made the code parseable; this module says what each statement
does in the project's language, statement by statement:

====================================================  ==========================================
WorkflowBench                                          the language
====================================================  ==========================================
x = is_workflow_actions_f(K=v) / com_App_Intent(...)    x = is_workflow_actions_f(K=v) / action(...)
x = '''text''' / f'''..{y}..'''                         x = "text" / f"..{y}.."   (Text)
x = {"string": k}: ...}                                 x = {"k": ...}            (Dictionary)
x = input('''prompt''')                                 x = is_workflow_actions_ask(...)
x = d['''key''']                                        x = is_workflow_actions_getvalueforkey(...)
X = y / X = y["k"] / X = str(y) ...                     X = y ...                 (Set Variable;
                                                        Append to Variable inside a loop that never reads X)
match input(prompt=P): case "A":                       match menu(WFMenuPrompt=P): case "A":
for Repeat_Index in range(int(3.0)):                    for Repeat_Index in range(1, int(3.0) + 1):
pass                                                    an empty block, or Nothing among other statements
coerce_variable(value=x, coercion_class="C")            x.as_type("C")
format_date(value=x, date_format=...)                   x.format_date(WFDateFormatStyle=...)
f'{input("Please enter the value:")}'                   ShortcutInput
datetime.datetime.now()                                 CurrentDate
====================================================  ==========================================

Names: a name read before any assignment can reach it is an output assigned
later (``ref("x")``) or a variable set elsewhere (``var("x")``); a name the
file never assigns is the variable of that name (a warning says so); the
loop names (``Repeat_Item``) outside their loop are the variables they name.
Forms of the default language pass through unchanged.
"""

from __future__ import annotations

import ast
import datetime
import re

from ... import catalog, names
from ...errors import CompileError
from ..translation import Repair
from . import appends
from . import strings as wbstrings
from . import vocabulary as words
from .lexer import FieldExpression, Lexed, WBString
from .names_in_values import VALUE_BUILTINS, NameRenamer, of_previous_output

# Language functions that pass through (with their arguments read as values).
_PASS_THROUGH = frozenset(names.PSEUDO_FUNCTIONS) - {"range", "enumerate"}
_COERCION_FUNCTIONS = {"str": "WFStringContentItem", "float": "WFNumberContentItem", "dict": "WFDictionaryContentItem", "bool": "WFBooleanContentItem", "int": "WFNumberContentItem"}
_METHODS = frozenset({"property", "as_type", "format_date", "unit", "aggrandize", "with_keys", "with_id", "shown_as"})
# Python's own functions the language gives a meaning (len(x) is Count).
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SET_VARIABLE, _APPEND_VARIABLE = "is_workflow_actions_setvariable", "is_workflow_actions_appendvariable"


class Reader:
    def __init__(self, lexed: Lexed, tree: ast.Module, filename: str):
        self.lexed = lexed
        self.tree = tree
        self.filename = filename
        self.repairs: list[Repair] = []
        self.loops: list[tuple[str, ...]] = []  # names of the loops we are in, innermost last
        self.loop_bodies: list[list[ast.stmt]] = []
        self.assigned: set[str] = set()  # names some assignment reaches here (flow, not file order)
        self.loop_carried: set[str] = set()  # names a loop we are in sets (reached from an earlier turn)
        self.outputs, self.variables = _assignments(tree, lexed)
        self.output_actions: dict[str, set[str]] = {}
        self.output_sources: dict[str, str] = {}  # the language's name of an output -> the file's
        self.siblings: list[ast.stmt] = []  # the statement list being read
        self.defining: str | None = None  # the output whose value is being read

    # --- positions and problems

    def position(self, node) -> tuple[int, int]:
        return self.lexed.positions.node_position(node)

    def warn(self, node, message: str) -> None:
        line, column = self.position(node)
        self.repairs.append(Repair(line, column, message))

    def error(self, node, message: str) -> CompileError:
        line, column = self.position(node)
        return CompileError(message, line, column, self.filename)

    # --- statements

    def body(self, statements: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        alone = len([statement for statement in statements if not _is_comment(statement)]) == 1
        outer = self.siblings
        self.siblings = statements
        try:
            for statement in statements:
                for produced in self.statement(statement, alone):
                    _place(produced, self.position(statement))
                    out.append(produced)
        finally:
            self.siblings = outer
        return out or [ast.Pass()]

    def statement(self, node: ast.stmt, alone: bool) -> list[ast.stmt]:
        kind = type(node)
        if kind is ast.Assign and len(node.targets) == 1:
            return self.assignment(node)
        if kind is ast.Expr:
            return self.expression_statement(node)
        if kind is ast.If:
            test = self.condition(node.test)
            before = set(self.assigned)
            body = self.body(node.body)
            after_body, self.assigned = self.assigned, set(before)
            orelse = self.body(node.orelse) if node.orelse else []
            self.assigned |= after_body
            return [ast.If(test, body, orelse)]
        if kind is ast.For:
            return [self.loop(node)]
        if kind is ast.Match:
            return [self.menu(node)]
        if kind is ast.Pass:
            if alone:
                return [ast.Pass()]
            return [ast.Expr(_call("is_workflow_actions_nothing", []))]
        if kind is ast.AugAssign:
            return [ast.AugAssign(node.target, node.op, self.value(node.value))]
        if kind is ast.AnnAssign or (kind is ast.Assign and len(node.targets) != 1):
            return self.left_out(node)
        return [self.generic(node)]

    def left_out(self, node: ast.stmt) -> list[ast.stmt]:
        """A line that reads as Python but means nothing in WorkflowBench (text the data set
        pasted among the code): left out, with a warning."""
        self.warn(node, "left out a line that is no WorkflowBench statement (text pasted among the code?)")
        return []

    def assignment(self, node: ast.Assign) -> list[ast.stmt]:
        target_node, value = node.targets[0], node.value
        if not isinstance(target_node, ast.Name):
            return [self.generic(node)]
        self.defining = target_node.id
        try:
            return self._assignment(node, target_node.id, value)
        finally:
            self.defining = None

    def _assignment(self, node: ast.Assign, name: str, value: ast.expr) -> list[ast.stmt]:
        if name == "_" and isinstance(value, (ast.BinOp, ast.UnaryOp, ast.Call)) and not _is_variable_call(value) and not (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and _call_kind(value.func.id) in ("action", "ask")
        ):
            return [ast.Assign([ast.Name("_")], self.generic_value(value))]  # the language's `_ = a * b`
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            function = value.func.id
            kind = _call_kind(function)
            if kind == "ask":
                return self._bind(name, self.ask(value))
            if kind == "action":
                return self._bind(name, self.action(value))
            if kind == "block end":
                self.assigned.add(name)
                return [ast.Assign([ast.Name(name)], self.generic_value(value))]
            if kind == "language":
                return self._bind(name, self.generic_value(value))
        string = self.string_of(value)
        if string is not None and _is_input_attachment(string):
            return [self.set_variable(name, value, node)]
        if string is not None:
            if string.binary:
                self.warn(value, "dropped pasted binary data; the Text action is left empty")
                string = WBString([""], string.offset)
            return self._bind(name, self.string_value(string))
        if isinstance(value, ast.Dict):
            if _all_plain_keys(self, value):  # JSON the converter wrote bare: a Text action
                text = self.lexed.positions.source_of(value)
                self.warn(value, "read a dictionary with plain \"...\" keys as the text it was (a Text action)")
                return self._bind(name, ast.Constant(text))
            return self._bind(name, self.dictionary(value))
        if isinstance(value, ast.List):
            text = self.lexed.positions.source_of(value)
            self.warn(value, "read a bracketed value as text (WorkflowBench writes a List action as a call)")
            return self._bind(name, ast.Constant(text))
        if isinstance(value, ast.Constant) and value.value is None:
            return [self.set_variable(name, None, node)]
        if isinstance(value, (ast.Constant, ast.UnaryOp, ast.BinOp, ast.Compare, ast.BoolOp)):
            return self._bind(name, self.generic_value(value))
        if isinstance(value, ast.Subscript) and self.key_is_action(value):
            return self._bind(name, self.dictionary_value(value))
        return [self.set_variable(name, value, node)]

    def _bind(self, name: str, value: ast.expr) -> list[ast.stmt]:
        """``name = value`` for an action's output."""
        python = self.output_name(name)
        self.assigned.add(name)
        identifier = _made_by(value)
        if identifier is not None:
            self.output_actions.setdefault(python, set()).add(identifier)
            self.output_sources[python] = name
        return [ast.Assign([ast.Name(python)], value)]

    def set_variable(self, name: str, value: ast.expr | None, node) -> ast.stmt:
        """``X = y``: Set Variable, or Append to Variable inside a loop that never reads X."""
        variable = words.loop_variable(name) or self.lexed.renamed.get(name, name)
        loop_body = self.loop_bodies[-1] if self.loop_bodies else None
        append = value is not None and appends.is_append(name, node, self.siblings, loop_body, self._assigns_variable, self._field_trees)
        read = self.value(value) if value is not None else None
        self.assigned.add(name)
        plain = names.is_plain_name(variable) and variable == name and not catalog.is_call_name(name) and self.output_name(name) == name
        if plain and read is None:
            return ast.Assign([ast.Name(name)], ast.Name("_"))  # Set Variable to the previous output
        if plain and read is not None and _is_reference(read):
            if append:
                return ast.Expr(_call_method(ast.Name(name), "append", [read]))
            return ast.Assign([ast.Name(name)], read)
        keywords = [ast.keyword("WFVariableName", ast.Constant(variable))]
        if read is not None:
            keywords.append(ast.keyword("WFInput", read))
        return ast.Expr(_call(_APPEND_VARIABLE if append else _SET_VARIABLE, keywords))

    def _assigns_variable(self, statement: ast.stmt, name: str) -> bool:
        return (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == name
            and _assigns_variable(statement.value, self.lexed)
        )

    def _field_trees(self, node: ast.Constant) -> list[ast.expr]:
        string = self.string_of(node)
        return [part.tree for part in string.parts if isinstance(part, FieldExpression)] if string is not None else []

    def output_name(self, name: str) -> str:
        """The name an output takes in the language (a reserved or variable-only name is avoided)."""
        if name in names.GLOBALS or not names.is_plain_name(name) or name in self.lexed.renamed:
            return name + "_output"
        return name

    def expression_statement(self, node: ast.Expr) -> list[ast.stmt]:
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            kind = _call_kind(value.func.id)
            if kind == "ask":
                return [ast.Expr(self.ask(value))]
            if kind == "block end" or value.func.id == "raw_action":
                return [ast.Expr(self.generic_value(value))]
            if kind == "language":
                return [ast.Assign([ast.Name("_")], self.generic_value(value))]
            if kind == "action":
                return [ast.Expr(self.action(value))]
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "append":
            return [self.generic(node)]
        string = self.string_of(value)
        if string is not None:
            return [ast.Assign([ast.Name("_")], self.string_value(string))]
        if isinstance(value, ast.Dict):
            return [ast.Assign([ast.Name("_")], self.dictionary(value))]
        if isinstance(value, ast.Subscript) and self.key_is_action(value):
            return [ast.Expr(self.dictionary_value(value))]
        if isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)) or _is_variable_call(value):
            return [ast.Expr(_call("is_workflow_actions_getvariable", [ast.keyword("WFVariable", self.value(value))]))]
        return self.left_out(node)

    def generic(self, node: ast.stmt) -> ast.stmt:
        """A statement in the default language's own form: its values read, the rest kept."""
        return _ValueRewriter(self).visit(node)

    def generic_value(self, node: ast.expr) -> ast.expr:
        return _ValueRewriter(self).visit(node)

    # --- actions

    def action(self, call: ast.Call) -> ast.Call:
        function = call.func.id
        identifier = words.identifier_of(function)
        keywords = self.keywords(call, catalog.entry(identifier) if identifier is not None else None)
        if identifier is not None:
            if call.args:
                raise self.error(call.args[0], f"found a positional argument in {function}(), expected Key=value")
            return _call(catalog.function_name(identifier) or function, keywords)
        guessed = words.guess_identifier(function)
        if guessed is None:
            raise self.error(call, f"found {function}(), which is neither a catalog action nor a name WorkflowBench gives one")
        self.warn(call, f"{function} is not in the catalog; read as the action {guessed}")
        return _call("action", keywords, [ast.Constant(guessed)])

    def keywords(self, call: ast.Call, entry=None) -> list[ast.keyword]:
        out = []
        for keyword in call.keywords:
            if keyword.arg is None:
                out.append(ast.keyword(None, self.value(keyword.value, starred=True)))
                continue
            string = self.string_of(keyword.value)
            if string is not None and string.binary:
                self.warn(keyword.value, f"dropped {keyword.arg}: it holds pasted binary data that cannot be recovered")
                continue
            if isinstance(keyword.value, ast.Constant) and keyword.value.value is None:
                continue  # the converter's None: the parameter is absent
            variable = self.quoted_variable(string, keyword.arg, entry) if string is not None else None
            if variable is not None:
                self.warn(keyword.value, f"read the text {variable!r} as the variable {variable} (WorkflowBench quotes variables given to a parameter)")
                out.append(ast.keyword(keyword.arg, self.name(ast.Name(variable))))
                continue
            out.append(ast.keyword(keyword.arg, self.value(keyword.value)))
        return out

    def quoted_variable(self, string: WBString, key: str, entry) -> str | None:
        """The converter wrote a named variable given to a parameter as quoted text
        (``WFDictionary=<Dictionary in triple quotes>``).  Such a text is read as the
        variable when it is exactly the name of a variable the file sets (or of a loop
        we are in), and the parameter takes variables (its type is variable, or real
        files give it one) and does not list that text among its choices."""
        if string.has_variables or string.quote not in ("'''", '"""') or key == "CustomOutputName":
            return None
        text = string.text
        if not (text in self.variables or any(text in loop for loop in self.loops)):
            return None
        parameter = entry.parameter(key) if entry is not None else None
        if parameter is None:
            return text if entry is None or words.loop_variable(text) is not None else None
        if parameter.enum and text in parameter.enum:
            return None
        return text if parameter.type == "variable" or "variable" in parameter.seen else None

    def ask(self, call: ast.Call) -> ast.Call:
        prompt = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "prompt"), None)
        keywords = [] if prompt is None else [ast.keyword("WFAskActionPrompt", self.value(prompt))]
        return _call("is_workflow_actions_ask", keywords)

    def key_is_action(self, node: ast.Subscript) -> bool:
        """``d['''key''']`` (a triple-quoted key) is a Get Dictionary Value action;
        ``d["key"]`` is the key looked up on the variable."""
        string = self.string_of(node.slice)
        return string is not None and string.quote in ("'''", '"""')

    def dictionary_value(self, node: ast.Subscript) -> ast.Call:
        keywords = [
            ast.keyword("WFGetDictionaryValueType", ast.Constant("Value")),
            ast.keyword("WFDictionaryKey", self.value(node.slice)),
            ast.keyword("WFInput", self.value(node.value)),
        ]
        return _call("is_workflow_actions_getvalueforkey", keywords)

    def dictionary(self, node: ast.Dict) -> ast.Dict:
        keys, values = [], []
        for key, value in zip(node.keys, node.values):
            if key is None:
                raise self.error(value, "found ** in a dictionary, expected key: value pairs")
            keys.append(self.key(key))
            values.append(self.value(value))
        return ast.Dict(keys, values)

    def key(self, node: ast.expr) -> ast.expr:
        """A dictionary key: text, or text with variables (a bare variable becomes f"{x}")."""
        converted = self.value(node)
        if isinstance(converted, (ast.Constant, ast.JoinedStr)):
            if isinstance(converted, ast.Constant) and not isinstance(converted.value, str):
                return ast.Constant(str(converted.value))
            return converted
        return ast.JoinedStr([ast.FormattedValue(converted, -1)])

    # --- blocks

    def condition(self, test: ast.expr) -> ast.expr:
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            operator = test.ops[0]
            contains = isinstance(operator, (ast.In, ast.NotIn))
            # the subject is the left side (the right of `in`); None there is the previous output
            left = self.value(test.left) if contains else self.subject(test.left)
            right = self.subject(test.comparators[0]) if contains else self.value(test.comparators[0])
            if isinstance(operator, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) or (
                isinstance(operator, (ast.Eq, ast.NotEq)) and _is_number_subject(left)
            ):
                right = _as_number(_unwrapped(right))
            return ast.Compare(left, [operator], [right])
        if isinstance(test, ast.Compare) and len(test.ops) == 2:
            return ast.Compare(_as_number(self.value(test.left)), test.ops, [self.subject(test.comparators[0]), _as_number(self.value(test.comparators[1]))])
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return ast.UnaryOp(ast.Not(), self.condition(test.operand))
        if isinstance(test, ast.BoolOp):
            return ast.BoolOp(test.op, [self.condition(value) for value in test.values])
        if _is_call(test, "with_keys") and test.args:
            keywords = [ast.keyword(k.arg, self.value(k.value)) for k in test.keywords]
            return _call("with_keys", keywords, [self.condition(test.args[0])])
        return self.subject(test)

    def subject(self, node: ast.expr) -> ast.expr:
        """A side of a comparison; ``None`` is the converter's word for the previous output."""
        if isinstance(node, ast.Constant) and node.value is None:
            return ast.Name("_")
        return self.value(node)

    def loop(self, node: ast.For) -> ast.stmt:
        iterator, target = node.iter, node.target
        loop_names = tuple(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        if _is_call(iterator, "range") and len(iterator.args) == 1 and not iterator.keywords:
            count = self._count(iterator.args[0])
            one = ast.Constant(1)
            iterator = _call("range", [], [one, ast.BinOp(count, ast.Add(), ast.Constant(1))])
        elif _is_call(iterator, "enumerate") and iterator.args:
            source = iterator.args[0]
            source = ast.Name("_") if isinstance(source, ast.Constant) and source.value is None else self.value(source)
            iterator = ast.Call(iterator.func, [source], iterator.keywords)
        else:
            iterator = self.value(iterator) if not _is_call(iterator, "range") else self.generic_value(iterator)
        before = set(self.assigned)
        carried = self.loop_carried
        self.loop_carried = carried | _assigned_in(node.body)  # set in an earlier turn
        self.assigned |= set(loop_names)
        self.loops.append(loop_names)
        self.loop_bodies.append(node.body)
        try:
            body = self.body(node.body)
        finally:
            self.loops.pop()
            self.loop_bodies.pop()
        self.assigned |= before
        self.loop_carried = carried
        return ast.For(target, iterator, body, [])

    def _count(self, node: ast.expr) -> ast.expr:
        """A Repeat count as the language reads it: ``int(3.0)``, 3 or a variable."""
        if _is_call(node, "int") and len(node.args) == 1:
            inner = node.args[0]
            if isinstance(inner, ast.Constant) and type(inner.value) is int:
                return inner
            if isinstance(inner, ast.Constant) and isinstance(inner.value, (float, str)):
                return node
            string = self.string_of(inner)
            if string is not None and not string.has_variables:
                return _call("int", [], [ast.Constant(string.text)])
            return _call("int", [], [self.value(inner)])
        return self.value(node)

    def menu(self, node: ast.Match) -> ast.stmt:
        subject = node.subject
        if _is_call(subject, "input"):
            prompt = subject.args[0] if subject.args else next((k.value for k in subject.keywords if k.arg == "prompt"), None)
            keywords = [] if prompt is None else [ast.keyword("WFMenuPrompt", self.value(prompt))]
            subject = _call("menu", keywords)
        else:
            subject = self.generic_value(subject)
        before = set(self.assigned)
        reached = set(before)
        cases = []
        for case in node.cases:
            self.assigned = set(before)
            pattern = case.pattern
            if isinstance(pattern, ast.MatchValue):
                string = self.string_of(pattern.value)
                if string is not None:
                    pattern = ast.MatchValue(ast.Constant(string.text))
            guard = self.generic_value(case.guard) if case.guard is not None else None
            cases.append(ast.match_case(pattern, guard, self.body(case.body)))
            reached |= self.assigned
        self.assigned = reached
        return ast.Match(subject, cases)

    # --- values

    def string_of(self, node) -> WBString | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("\x00"):
            return self.lexed.strings[int(node.value[1:])]
        return None

    def string_value(self, string: WBString) -> ast.expr:
        if string.data is not None:
            return ast.Constant(string.data)
        if not string.has_variables:
            return ast.Constant(string.text)
        if _is_input_attachment(string):
            return ast.Name(words.SHORTCUT_INPUT)  # f'{input("Please enter the value:")}': the variable itself
        values: list[ast.expr] = []
        for part in string.parts:
            if isinstance(part, str):
                values.append(ast.Constant(part))
            elif isinstance(part, FieldExpression):
                field = part.tree
                if _is_call(field, "input"):
                    values.append(ast.FormattedValue(ast.Name(words.ASK), -1))
                else:
                    values.append(ast.FormattedValue(self.value(field), -1))
            else:
                values.append(ast.FormattedValue(_special(part), -1))
        return ast.JoinedStr(values)

    def value(self, node: ast.expr, starred: bool = False) -> ast.expr:
        string = self.string_of(node)
        if string is not None:
            return self.string_value(string)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.Attribute):
            if node.attr == "now" or _dotted(node) in ("datetime.datetime.now", "datetime.now"):
                return ast.Name(words.CURRENT_DATE_NAME)
            return _call_method(self.value(node.value), "property", [ast.Constant(node.attr)])
        if isinstance(node, ast.Subscript):
            key = self.string_of(node.slice)
            if key is not None and key.has_variables:
                raise self.error(node, "found a dictionary key with variables on a variable; only text keys can be looked up there")
            slice_ = ast.Constant(key.text) if key is not None else self.value(node.slice)
            return ast.Subscript(self.value(node.value), slice_)
        if isinstance(node, ast.Call):
            return self.call_value(node)
        if isinstance(node, ast.List):
            return ast.List([self.value(item) for item in node.elts])
        if isinstance(node, ast.Dict):
            keys = [self.key(k) if k is not None else None for k in node.keys]
            return ast.Dict(keys, [self.value(v) for v in node.values])
        if isinstance(node, ast.Set) and len(node.elts) == 1 and isinstance(node.elts[0], ast.Name):
            return self.name(node.elts[0])
        return self.generic_value(node)

    def name(self, node: ast.Name) -> ast.expr:
        name = node.id
        if name in self.lexed.renamed:
            return _var(self.lexed.renamed[name])
        for loop in self.loops:
            if name in loop:
                return ast.Name(name)
        if words.loop_variable(name) is not None:
            return _var(words.loop_variable(name))
        if name in ("True", "False", "None"):
            return node
        if name in names.GLOBALS and name not in self.variables and name not in self.outputs:
            return ast.Name(name)
        if name in self.variables and name not in self.outputs:
            return _var(name)
        if name == self.defining and name in self.outputs and name not in self.variables and name not in self.assigned:
            self.warn(node, f"{name} reads itself in its own value; read as the variable named {name!r}")
            return _var(name)
        if name in self.outputs:
            if name in self.assigned or name in self.loop_carried:
                return ast.Name(self.output_name(name))
            if len(self.outputs[name]) == 1 and name not in self.variables:
                return _call("ref", [], [ast.Constant(self.output_name(name))])
            return _var(name)
        self.warn(node, f"{name} is never assigned in this file; read as the variable named {name!r}")
        return _var(name)

    def call_value(self, node: ast.Call) -> ast.expr:
        function = node.func
        if isinstance(function, ast.Attribute):
            if _dotted(function) in ("datetime.datetime.now", "datetime.now"):
                return ast.Name(words.CURRENT_DATE_NAME)
            if _dotted(function) in ("datetime.datetime", "datetime.date"):
                return self._date(node)
            receiver = self.value(function.value)
            if function.attr == "property" and node.args:
                string = self.string_of(node.args[0])
                if string is not None:
                    return _call_method(receiver, "property", [ast.Constant(string.text)], self._keywords_as_values(node))
            return ast.Call(ast.Attribute(receiver, function.attr), [self.value(a) for a in node.args], self._keywords_as_values(node))
        name = function.id if isinstance(function, ast.Name) else None
        if name == words.COERCE_FUNCTION:
            value = _keyword(node, "value", 0)
            kind = _keyword(node, "coercion_class", 1)
            kind_text = self.string_of(kind).text if self.string_of(kind) is not None else None
            if value is None or kind_text is None:
                raise self.error(node, "found coerce_variable() without value= and coercion_class=")
            return _call_method(self.value(value), "as_type", [ast.Constant(kind_text)])
        if name in _COERCION_FUNCTIONS and len(node.args) == 1 and not node.keywords:
            inner = self.value(node.args[0])
            if name in ("int", "bool") or not _is_reference(inner):
                return _call_method(inner, "as_type", [ast.Constant(_COERCION_FUNCTIONS[name])]) if _is_reference(inner) else inner
            return _call(name, [], [inner])
        if name == words.FORMAT_DATE_FUNCTION:
            return self._aggrandized(node, "format_date", words.FORMAT_DATE_KEYS)
        if name == words.UNIT_FUNCTION:
            return self._aggrandized(node, "unit", words.UNIT_KEYS)
        if name == "input":
            return ast.Name(words.SHORTCUT_INPUT)
        if name == words.CLIPBOARD_FUNCTION:
            return ast.Name(words.CLIPBOARD)
        if name == words.DEVICE_DETAILS_FUNCTION:
            result: ast.expr = ast.Name(words.DEVICE_DETAILS)
            listed = node.args[0] if node.args and isinstance(node.args[0], ast.List) else None
            for item in listed.elts if listed is not None else []:
                string = self.string_of(item)
                if string is not None:
                    result = _call_method(result, "property", [ast.Constant(string.text)])
            return result
        if name == "is_workflow_actions_gethomeaccessorystate":
            self.warn(node, "read a Home accessory's state as the HomeAccessory variable (WorkflowBench keeps no more of it)")
            return _call("global_variable", [], [ast.Constant("HomeAccessory")])
        if name in _PASS_THROUGH or name in ("str", "float", "list") or name in VALUE_BUILTINS:
            return self.generic_value(node)
        raise self.error(node, f"found a call to {name}() where a value belongs; assign the action to a name first, then use the name")

    def _aggrandized(self, node: ast.Call, method: str, keys: dict[str, str]) -> ast.expr:
        value = _keyword(node, "value", 0)
        if value is None:
            raise self.error(node, f"found {node.func.id}() without value=")
        if isinstance(value, ast.Set):
            self.warn(node, "the converter lost this variable ({value}); read as the variable named 'value'")
            receiver = _var("value")
        else:
            receiver = self.value(value)
        fields = []
        for keyword in node.keywords:
            if keyword.arg in keys:
                string = self.string_of(keyword.value)
                fields.append(ast.keyword(keys[keyword.arg], ast.Constant(string.text) if string is not None else self.value(keyword.value)))
        return _call_method(receiver, method, [], fields)

    def _date(self, node: ast.Call) -> ast.expr:
        try:
            numbers = [ast.literal_eval(argument) for argument in node.args]
            moment = datetime.datetime(*numbers)
        except (ValueError, TypeError, SyntaxError):
            raise self.error(node, "found a date that is not datetime.datetime(year, month, day, ...)") from None
        return _call("date", [], [ast.Constant(moment.isoformat())])

    def _keywords_as_values(self, node: ast.Call) -> list[ast.keyword]:
        return [ast.keyword(k.arg, self.value(k.value)) for k in node.keywords]



# Calls that are variables (a variable with aggrandizements, or a global).
_VARIABLE_CALLS = frozenset(
    {
        words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "str", "float", "int", "dict", "bool",
        "var", "ref", "global_variable", "missing_output",
    }
)  # (Get Clipboard and Get Device Details stand for their globals only inside a value)
_BLOCK_ENDS = frozenset({"if_result", "menu_result", "repeat_results"})
# WorkflowBench's own functions for variables, read wherever they stand.
_WB_VALUE_CALLS = frozenset(
    {
        words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "input", words.CLIPBOARD_FUNCTION,
        words.DEVICE_DETAILS_FUNCTION, "is_workflow_actions_gethomeaccessorystate",
    }
)


def _call_kind(function: str) -> str:
    """What a call standing as a whole value is: "ask" (input), "variable", "block end",
    "language" (another form of the language: kept), or "action"."""
    if function == "input":
        return "ask"
    if function in _VARIABLE_CALLS:
        return "variable"
    if function in _BLOCK_ENDS:
        return "block end"
    if _is_action(function):
        return "action"
    if function in names.PSEUDO_FUNCTIONS or function in VALUE_BUILTINS:
        return "language"
    return "action"


class _ValueRewriter(NameRenamer):
    """Reads the values inside a default-language form (strings, names) and keeps the rest."""

    def __init__(self, reader: Reader):
        self.reader = reader

    def visit_Constant(self, node: ast.Constant):
        string = self.reader.string_of(node)
        return self.reader.string_value(string) if string is not None else node

    def rename(self, node: ast.Name):
        return self.reader.name(node)

    def visit_Call(self, node: ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id in _WB_VALUE_CALLS:
            return self.reader.call_value(node)  # coerce_variable(...), format_date(...), input(...) ...
        if of_previous_output(node):
            return node
        if isinstance(node.func, ast.Name):  # a function's name is no variable
            args = [self.visit(argument) for argument in node.args]
            keywords = [ast.keyword(k.arg, self.visit(k.value)) for k in node.keywords]
            return ast.Call(node.func, args, keywords)
        return self.reader.call_value(node)  # a method of a variable, or datetime.datetime.now()


# --- helpers ---------------------------------------------------------------------------------------


def _is_comment(statement: ast.stmt) -> bool:
    """A Comment action (the lexer wrote it as this call): it does not make ``pass`` a Nothing."""
    value = statement.value if isinstance(statement, ast.Expr) else None
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "is_workflow_actions_comment"


def _made_by(value: ast.expr) -> str | None:
    """The identifier of the action an output's value form stands for, when known."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return catalog.identifier(value.func.id)
    if isinstance(value, ast.JoinedStr) or (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return "is.workflow.actions.gettext"
    if isinstance(value, ast.Dict):
        return "is.workflow.actions.dictionary"
    if isinstance(value, ast.Constant) and type(value.value) in (int, float):
        return "is.workflow.actions.number"
    return None


def _var(name: str) -> ast.Call:
    return _call("var", [], [ast.Constant(name)])


def _is_variable_call(node: ast.expr) -> bool:
    """A call that is a variable with aggrandizements (``str(x)``, ``x.property(...)``)."""
    if not isinstance(node, ast.Call):
        return False
    if isinstance(node.func, ast.Name):
        return node.func.id in (words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "str", "float", "dict", "bool", "var", "ref")
    return isinstance(node.func, ast.Attribute) and node.func.attr in _METHODS


def _is_action(function: str) -> bool:
    return words.identifier_of(function) is not None


def _is_call(node, function: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function


def _call(function: str, keywords: list[ast.keyword], args: list[ast.expr] | None = None) -> ast.Call:
    return ast.Call(ast.Name(function), args or [], keywords)


def _call_method(receiver: ast.expr, method: str, args: list[ast.expr], keywords: list[ast.keyword] | None = None) -> ast.Call:
    return ast.Call(ast.Attribute(receiver, method), args, keywords or [])


def _keyword(node: ast.Call, name: str, position: int) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return keyword.value
    return node.args[position] if len(node.args) > position else None


def _dotted(node: ast.expr) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _is_reference(node: ast.expr) -> bool:
    """Whether a converted expression is a variable (with its lookups), not a literal."""
    while isinstance(node, (ast.Subscript, ast.Attribute, ast.Call)):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                return node.func.id in ("var", "ref", "global_variable", "missing_output", "str", "float", "dict", "bool")
            node = node.func.value
        else:
            node = node.value
    return isinstance(node, ast.Name) and node.id not in ("True", "False", "None")


def _is_number_subject(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float"


def _as_number(node: ast.expr) -> ast.expr:
    """A numeric text compared as a number is that number."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _NUMBER.fullmatch(node.value.strip()):
        text = node.value.strip()
        number = float(text) if "." in text else int(text)
        return ast.UnaryOp(ast.USub(), ast.Constant(-number)) if number < 0 else ast.Constant(number)
    return node


def _unwrapped(node: ast.expr) -> ast.expr:
    """``f"{x}"`` compared as a number is ``x``."""
    if isinstance(node, ast.JoinedStr) and len(node.values) == 1 and isinstance(node.values[0], ast.FormattedValue):
        return node.values[0].value
    return node


def _special(part: wbstrings.Special) -> ast.expr:
    if part.kind == words.DEVICE_DETAILS:
        inside = re.findall(r"'([^']*)'", part.source)
        result: ast.expr = ast.Name(words.DEVICE_DETAILS)
        for prop in inside:
            result = _call_method(result, "property", [ast.Constant(prop)])
        return result
    return ast.Name(part.kind)


def _place(node: ast.AST, position: tuple[int, int]) -> None:
    if not hasattr(node, "wb_position"):
        node.wb_position = position


def _assignments(tree: ast.Module, lexed: Lexed) -> tuple[dict[str, list], set[str]]:
    """Names assigned as action outputs (name -> the assignments) and names set as variables."""
    outputs: dict[str, list] = {}
    variables: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
            if _assigns_variable(value, lexed):
                variables.add(name)
            else:
                outputs.setdefault(name, []).append(node)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            variables.add(node.target.id)
    return outputs, variables


def _is_input_attachment(string: WBString) -> bool:
    """The converter's spelling of the Shortcut Input variable itself: a single-quoted
    f-string holding only a call of input()."""
    only = string.parts[0] if len(string.parts) == 1 else None
    return isinstance(only, FieldExpression) and string.quote in ("'", '"') and _is_call(only.tree, "input")


def _assigns_variable(value: ast.expr, lexed: Lexed) -> bool:
    if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.startswith("\x00"):
        return _is_input_attachment(lexed.strings[int(value.value[1:])])
    if isinstance(value, ast.Constant):
        return value.value is None
    if isinstance(value, ast.Subscript):
        key = value.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.startswith("\x00"):
            return lexed.strings[int(key.value[1:])].quote not in ("'''", '"""')
        return True
    if isinstance(value, (ast.Name, ast.Attribute)):
        return True
    if isinstance(value, ast.Call):
        function = value.func
        if isinstance(function, ast.Attribute):
            return _dotted(function) not in ("datetime.datetime", "datetime.date") or True
        if isinstance(function, ast.Name):
            return function.id in (words.COERCE_FUNCTION, words.FORMAT_DATE_FUNCTION, words.UNIT_FUNCTION, "str", "float", "dict", "bool", "int", "var", "ref", "global_variable")
    return False


def _assigned_in(statements: list[ast.stmt]) -> set[str]:
    found = set()
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign):
                found.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.For):
                found.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    return found


def _all_plain_keys(reader: Reader, node: ast.Dict) -> bool:
    if not node.keys:
        return False
    for key in node.keys:
        string = reader.string_of(key)
        if string is None or string.quote != '"' or string.has_variables:
            return False
    return True


def read(lexed: Lexed, filename: str):
    """The default-language statements of lexed WorkflowBench code, each carrying
    ``wb_position`` (the original line and column); the repairs made here; and the
    outputs assigned once, by one action, to a name no variable takes (name -> identifier);
    and the keywords of a ``shortcut(...)`` header the code opens with (a form of the
    language the writer keeps for outputs several actions share)."""
    try:
        tree = ast.parse(lexed.source, filename=filename)
    except SyntaxError as error:
        line = error.lineno or 1
        node = ast.Pass(lineno=line, col_offset=(error.offset or 1) - 1)
        position = lexed.positions.node_position(node)
        raise CompileError(f"found code this dialect cannot read: {error.msg}", position[0], position[1], filename) from None
    reader = Reader(lexed, tree, filename)
    body = list(tree.body)
    header: list[ast.keyword] = []
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and _is_call(first.value, "shortcut"):  # the language's header, kept
        header = [ast.keyword(k.arg, reader.generic_value(k.value)) for k in first.value.keywords]
        body = body[1:]
    last = body[-1] if body else None
    if isinstance(last, ast.Expr) and _is_call(last.value, "spelling"):  # the language's settings, kept
        header += [ast.keyword(k.arg, reader.generic_value(k.value)) for k in last.value.keywords]
        body = body[:-1]
    statements = reader.body(body) if body else []
    single = {
        python: identifiers
        for python, identifiers in reader.output_actions.items()
        if len(identifiers) == 1
        and reader.output_sources[python] not in reader.variables
        and len(reader.outputs.get(reader.output_sources[python], ())) == 1
    }
    return statements, reader.repairs, single, header
