"""IR -> workflow code: a libcst syntax tree, formatted by black.

Each construct gets its readable form only when parsing that form gives the
same IR back; otherwise it is written in the general form (see
docs/architecture.md, "The language").
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field

import black
import libcst as cst

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
    SET_VARIABLE,
    Action,
    Attachment,
    BareAttachment,
    Block,
    DictValue,
    GlobalVariable,
    GroupRef,
    ListValue,
    Literal,
    NamedVariable,
    OutputRef,
    RawAction,
    Statement,
    TokenAttachment,
    TokenString,
    Value,
    Workflow,
)
from .literals import bytes_source, escape_text, string_source

# Operators of the readable If forms: code -> (operand keys in order).
TEXT_OPERATORS = {4, 5, 99, 999, 8, 9}
NUMBER_OPERATORS = {0, 1, 2, 3}
_CST_COMPARISON = {
    "<": cst.LessThan,
    "<=": cst.LessThanEqual,
    ">": cst.GreaterThan,
    ">=": cst.GreaterThanEqual,
    "==": cst.Equal,
    "!=": cst.NotEqual,
    "in": cst.In,
    "not in": cst.NotIn,
}
# Quotes are chosen here, not by black: its normalisation can break an
# f-string whose text holds "{{" right before a replacement field.
BLACK_MODE = black.Mode(string_normalization=False)
# Characters a comment line cannot hold without black or the reader changing it.
_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def lower_workflow(workflow: Workflow, *, keep_ids: bool = False) -> str:
    naming = Naming(workflow)
    writer = _Writer(naming)
    header = writer.header(workflow.header)
    body = writer.statements(workflow.body, depth=0, top=True)
    statements = [_stubs_import(), header, *body.statements]
    footer = body.footer
    if keep_ids:
        # Comment actions at the end go before the trailer: it must stay last.
        statements.append(writer.ids_trailer().with_changes(leading_lines=footer))
        footer = []
    module = cst.Module(body=statements, footer=footer)
    return black.format_str(module.code, mode=BLACK_MODE)


# --- naming ------------------------------------------------------------------------


@dataclass
class Naming:
    """Names for every output, variable and group of one workflow."""

    workflow: Workflow
    output_names: dict[str, str] = field(default_factory=dict)  # uuid -> code name
    displays: dict[str, str | None] = field(default_factory=dict)  # uuid -> OutputName
    display_overrides: dict[str, str] = field(default_factory=dict)  # code name -> OutputName
    missing: dict[str, str] = field(default_factory=dict)  # uuid -> label, in code order
    group_labels: dict[str, str] = field(default_factory=dict)  # group id -> label
    block_groups: list[str] = field(default_factory=list)
    set_variables: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        first_actions: dict[str, tuple[Action, str | None]] = {}
        references: dict[str, Counter] = {}
        for action, block_identifier in _walk_actions(self.workflow.body):
            if action.uuid is not None and action.uuid not in first_actions:
                first_actions[action.uuid] = (action, block_identifier)
            name = action.param("WFVariableName")
            if action.identifier in (SET_VARIABLE, APPEND_VARIABLE) and _is_str(name):
                self.set_variables.add(name.value)
            for value in _walk_action_values(action):
                if isinstance(value, OutputRef) and value.output_name is not ABSENT:
                    references.setdefault(value.uuid, Counter())[value.output_name] += 1
                elif isinstance(value, OutputRef):
                    references.setdefault(value.uuid, Counter())
                elif isinstance(value, GroupRef) and value.group_id not in self.group_labels:
                    self.group_labels[value.group_id] = f"g{len(self.group_labels) + 1}"
        self._name_outputs(first_actions, references)
        self.missing_ids = {uuid for uuid in references if uuid not in first_actions}

    def _name_outputs(self, first_actions, references) -> None:
        taken = {n for n in self.set_variables if names.is_plain_name(n)}
        for uuid, (action, block_identifier) in first_actions.items():
            default = default_display(action, block_identifier)
            counts = references.get(uuid, Counter())
            # The most used name; ties must not depend on parameter order,
            # which compiling may change, or the fixpoint would break.
            display = min(counts, key=lambda d: (-counts[d], d != default, d)) if counts else default
            self.displays[uuid] = display
            base = names.output_base_name(display or action.identifier.rsplit(".", 1)[-1])
            name = _unique(base, taken)
            taken.add(name)
            self.output_names[uuid] = name
            if display is not None and display != default:
                self.display_overrides[name] = display

    def variable_is_bare(self, name: str, aliases: dict[str, str]) -> bool:
        """Whether a named variable can be written as a bare name here."""
        return (
            names.is_plain_name(name)
            and name in self.set_variables
            and name not in aliases
            and name not in self.output_names.values()
            and not names.is_loop_alias(name)
        )


def default_display(action: Action, block_identifier: str | None) -> str | None:
    """The OutputName a reference gets when the code does not say otherwise."""
    custom = action.param("CustomOutputName")
    if _is_str(custom):
        return custom.value
    if block_identifier is not None:
        return BLOCK_OUTPUT_NAMES[block_identifier]
    return catalog.output_name(action.identifier)


def _unique(base: str, taken: set[str]) -> str:
    if names.usable_as_output_name(base) and base not in taken:
        return base
    number = 2
    while not names.usable_as_output_name(f"{base}_{number}") or f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"



def _walk_actions(body: list[Statement]):
    """Every action in order, with the block identifier for block ends."""
    for statement in body:
        if isinstance(statement, Action):
            yield statement, None
        elif isinstance(statement, Block):
            yield statement.start, None
            for section in statement.sections:
                if section.opener is not None:
                    yield section.opener, None
                yield from _walk_actions(section.body)
            yield statement.end, statement.identifier
        elif isinstance(statement, RawAction):
            yield Action("", [("", statement.value)]), None


def _walk_action_values(action: Action):
    for _, value in action.params:
        yield from _walk_value(value)


def _walk_value(value):
    """Every value node and attachment base below ``value``."""
    yield value
    if isinstance(value, ListValue):
        for item in value.items:
            yield from _walk_value(item)
    elif isinstance(value, DictValue):
        for _, item in value.items:
            yield from _walk_value(item)
    elif isinstance(value, (TokenAttachment, BareAttachment)):
        yield from _walk_attachment(value.attachment)
    elif isinstance(value, TokenString):
        for part in value.parts:
            if isinstance(part, Attachment):
                yield from _walk_attachment(part)


def _walk_attachment(attachment: Attachment):
    yield attachment.base
    for agg in attachment.aggrandizements or []:
        for _, item in agg.fields:
            yield from _walk_value(item)
    for _, item in attachment.extra:
        yield from _walk_value(item)


# --- writing -------------------------------------------------------------------------


@dataclass
class _Lines:
    statements: list
    footer: list


class _Writer:
    def __init__(self, naming: Naming):
        self.naming = naming

    # statements

    def header(self, header: list[tuple[str, Value]]) -> cst.SimpleStatementLine:
        items = list(header)
        overrides = self.naming.display_overrides
        args = self._keyword_args(items, reserved={names.OUTPUT_NAMES_KEY})
        if overrides:
            table = DictValue([(name, Literal(display)) for name, display in overrides.items()])
            args.insert(_star_position(args), _arg(self.value(table, {}), names.OUTPUT_NAMES_KEY))
        return _line(_call("shortcut", args))

    def ids_trailer(self) -> cst.SimpleStatementLine:
        naming = self.naming
        outputs = {name: uuid for uuid, name in naming.output_names.items()}
        outputs.update({label: uuid for uuid, label in naming.missing.items()})
        args = [_arg(self._str_dict(outputs), "outputs")]
        if naming.block_groups:
            args.append(_arg(cst.List([cst.Element(_string(g)) for g in naming.block_groups]), "groups"))
        if naming.group_labels:
            labels = {label: gid for gid, label in naming.group_labels.items()}
            args.append(_arg(self._str_dict(labels), "group_labels"))
        return _line(_call("ids", args))

    def statements(self, body: list[Statement], depth: int, top: bool = False, aliases=None) -> _Lines:
        aliases = aliases or {}
        out: list = []
        pending: list[cst.EmptyLine] = []
        for statement in body:
            comment = _comment_lines(statement)
            if comment is not None:
                if pending:
                    pending.append(cst.EmptyLine())
                pending.extend(comment)
                continue
            for node in self.statement(statement, depth, aliases):
                if pending:
                    node = node.with_changes(leading_lines=[*pending, *node.leading_lines])
                    pending = []
                out.append(node)
        if not out and not top:
            out.append(cst.SimpleStatementLine([cst.Pass()], leading_lines=pending))
            pending = []
        return _Lines(out, pending)

    def block_body(self, body: list[Statement], depth: int, aliases) -> cst.IndentedBlock:
        lines = self.statements(body, depth, aliases=aliases)
        return cst.IndentedBlock(body=lines.statements, footer=lines.footer)

    def statement(self, statement: Statement, depth: int, aliases) -> list:
        if isinstance(statement, RawAction):
            return [_line(_call("raw_action", [cst.Arg(self.value(statement.value, aliases))]))]
        if isinstance(statement, Block):
            return self.block(statement, depth, aliases)
        return [self.action(statement, aliases)]

    def action(self, action: Action, aliases) -> cst.SimpleStatementLine:
        sugar = self._set_variable(action, aliases)
        if sugar is not None:
            return sugar
        function = catalog.function_name(action.identifier)
        args = self._keyword_args(_catalog_order(action), aliases=aliases)
        if function is None:
            function = "action"
            args.insert(0, cst.Arg(_string(action.identifier)))
        return self._bind(action, _call(function, args))

    def _bind(self, action: Action, value: cst.BaseExpression) -> cst.SimpleStatementLine:
        if action.uuid is None:
            return _line(value)
        target = cst.AssignTarget(cst.Name(self.naming.output_names[action.uuid]))
        return cst.SimpleStatementLine([cst.Assign([target], value)])

    def _set_variable(self, action: Action, aliases):
        """``Name = variable`` for a Set Variable of one variable into a plain name."""
        if action.identifier != SET_VARIABLE or action.uuid is not None or len(action.params) != 2:
            return None
        name, value = action.param("WFVariableName"), action.param("WFInput")
        if not (_is_str(name) and isinstance(value, TokenAttachment)):
            return None
        if not self.naming.variable_is_bare(name.value, aliases):
            return None
        target = cst.AssignTarget(cst.Name(name.value))
        return cst.SimpleStatementLine([cst.Assign([target], self.value(value, aliases))])

    def block(self, block: Block, depth: int, aliases) -> list:
        self.naming.block_groups.append(block.group_id)
        if block.identifier == CONDITIONAL:
            node = self._if(block, depth, aliases)
        elif block.identifier == MENU:
            node = self._menu(block, depth, aliases)
        else:
            node = self._loop(block, depth, aliases)
        nodes = [node]
        end = block.end
        if end.uuid is not None or end.params:
            call = _call(names.END_FUNCTIONS[block.identifier], self._keyword_args(end.params, aliases=aliases))
            nodes.append(self._bind(end, call))
        return nodes

    def _if(self, block: Block, depth: int, aliases) -> cst.If:
        test = self._condition(block.start, aliases)
        body = self.block_body(block.sections[0].body, depth, aliases)
        orelse = None
        if len(block.sections) > 1:
            orelse = cst.Else(self.block_body(block.sections[1].body, depth, aliases))
        return cst.If(test=test, body=body, orelse=orelse)

    def _condition(self, start: Action, aliases) -> cst.BaseExpression:
        sugar = self._readable_condition(start, aliases)
        if sugar is not None:
            return sugar
        return _call("condition", self._keyword_args(start.params, aliases=aliases))

    def _readable_condition(self, start: Action, aliases):
        params = dict(start.params)
        subject = _condition_subject(params.get("WFInput"))
        operator = params.get("WFCondition")
        if subject is None or len(params) != len(start.params):
            return None
        if not (isinstance(operator, Literal) and type(operator.value) is int):
            return None
        code = operator.value
        rest = {k: v for k, v in params.items() if k not in ("WFInput", "WFCondition")}
        left = self.attachment(subject, aliases)
        if code in (100, 101) and not rest:
            return left if code == 100 else cst.UnaryOperation(cst.Not(), left)
        if code in TEXT_OPERATORS and set(rest) == {"WFConditionalActionString"}:
            operand = self.value(rest["WFConditionalActionString"], aliases)
            if code in (8, 9):
                method = "startswith" if code == 8 else "endswith"
                return cst.Call(cst.Attribute(left, cst.Name(method)), [cst.Arg(operand)])
            if code in (99, 999):
                return _compare(operand, names.COMPARISONS[code], left)
            return _compare(left, names.COMPARISONS[code], operand)
        if code in NUMBER_OPERATORS and set(rest) == {"WFNumberValue"}:
            return _compare(left, names.COMPARISONS[code], self.value(rest["WFNumberValue"], aliases))
        if code == 1003 and set(rest) == {"WFNumberValue", "WFAnotherNumber"}:
            low = self.value(rest["WFNumberValue"], aliases)
            high = self.value(rest["WFAnotherNumber"], aliases)
            return cst.Comparison(
                low,
                [
                    cst.ComparisonTarget(cst.LessThanEqual(), left),
                    cst.ComparisonTarget(cst.LessThanEqual(), high),
                ],
            )
        return None

    def _menu(self, block: Block, depth: int, aliases) -> cst.Match:
        cases = [section.opener for section in block.sections[1:]]
        titles = [_simple_case_title(case) for case in cases]
        params = block.start.params
        items = block.start.param("WFMenuItems")
        if None not in titles and _is_title_list(items, titles):
            params = [(k, v) for k, v in params if k != "WFMenuItems"]
        subject = _call("menu", self._keyword_args(params, aliases=aliases))
        match_cases = []
        for section, title in zip(block.sections[1:], titles):
            pattern, guard = self._case_pattern(section.opener, title, aliases)
            body = self.block_body(section.body, depth, aliases)
            match_cases.append(
                cst.MatchCase(
                    pattern=pattern,
                    guard=guard,
                    body=body,
                    whitespace_before_if=cst.SimpleWhitespace(" "),
                    whitespace_after_if=cst.SimpleWhitespace(" "),
                )
            )
        return cst.Match(subject=subject, cases=match_cases)

    def _case_pattern(self, opener: Action, title, aliases):
        if title is not None:
            return cst.MatchValue(_string(title)), None
        label = opener.param("WFMenuItemTitle")
        params = opener.params
        if _is_str(label):
            pattern = cst.MatchValue(_string(label.value))
            params = [(k, v) for k, v in params if k != "WFMenuItemTitle"]
        else:
            pattern = cst.MatchAs()
        return pattern, _call("menu_case", self._keyword_args(params, aliases=aliases))

    def _loop(self, block: Block, depth: int, aliases) -> cst.For:
        each = block.identifier != REPEAT_COUNT
        depth += 1
        code_names = names.loop_names(depth, each)
        inner = dict(aliases)
        inner.update(zip(code_names, names.loop_variables(depth, each)))
        key = "WFInput" if each else "WFRepeatCount"
        params = block.start.params
        if len(params) == 1 and params[0][0] == key:
            value = self.value(params[0][1], aliases)
            if each:
                iterator = _call("enumerate", [cst.Arg(value), _arg(cst.Integer("1"), "start")])
            else:
                iterator = _call("range", [cst.Arg(value)])
        else:
            iterator = _call("repeat_each" if each else "repeat_count", self._keyword_args(params, aliases=aliases))
        if each:
            target = cst.Tuple([cst.Element(cst.Name(n)) for n in code_names], lpar=[], rpar=[])
        else:
            target = cst.Name(code_names[0])
        body = self.block_body(block.sections[0].body, depth, inner)
        return cst.For(target=target, iter=iterator, body=body)

    # arguments

    def _keyword_args(self, params, aliases=None, reserved=frozenset()) -> list[cst.Arg]:
        aliases = aliases if aliases is not None else {}
        plain, starred = [], []
        for key, value in params:
            if names.is_keyword_argument(key) and key not in reserved:
                plain.append(_arg(self.value(value, aliases), key))
            else:
                starred.append((key, value))
        if starred:
            plain.append(cst.Arg(self.value(DictValue(starred), aliases), star="**"))
        return plain

    def _str_dict(self, mapping: dict[str, str]) -> cst.Dict:
        return cst.Dict([cst.DictElement(_string(k), _string(v)) for k, v in mapping.items()])

    # values

    def value(self, value: Value, aliases) -> cst.BaseExpression:
        if isinstance(value, Literal):
            return _literal(value.value)
        if isinstance(value, ListValue):
            return cst.List([cst.Element(self.value(item, aliases)) for item in value.items])
        if isinstance(value, DictValue):
            return cst.Dict([cst.DictElement(_string(k), self.value(v, aliases)) for k, v in value.items])
        if isinstance(value, TokenAttachment):
            return self.attachment(value.attachment, aliases)
        if isinstance(value, BareAttachment):
            return _call("attachment", [cst.Arg(self.attachment(value.attachment, aliases))])
        if isinstance(value, TokenString):
            return self.token_string(value, aliases)
        if isinstance(value, GroupRef):
            return _call("group", [cst.Arg(_string(self.naming.group_labels[value.group_id]))])
        raise TypeError(f"not an IR value: {value!r}")

    def token_string(self, value: TokenString, aliases) -> cst.BaseExpression:
        source = self._fstring_source(value, aliases)
        if source is not None:
            return cst.parse_expression(source)
        # The general form: the plist shape, with each variable as attachment(...).
        from .assemble import utf16_length

        text, ranges, offset = [], [], 0
        for part in value.parts:
            if isinstance(part, str):
                text.append(part)
                offset += utf16_length(part)
            else:
                ranges.append((f"{{{offset}, 1}}", BareAttachment(part)))
                text.append("\ufffc")
                offset += 1
        inner = [("string", Literal("".join(text)))]
        if ranges or value.has_ranges:
            inner.append(("attachmentsByRange", DictValue(ranges)))
        general = DictValue([("Value", DictValue(inner)), ("WFSerializationType", Literal("WFTextTokenString"))])
        return self.value(general, aliases)

    def _fstring_source(self, value: TokenString, aliases) -> str | None:
        if value.has_ranges:
            return None
        pieces = ['f"']
        for part in value.parts:
            if isinstance(part, str):
                pieces.append(escape_text(part, '"').replace("{", "{{").replace("}", "}}"))
                continue
            inner = _code(self.attachment(part, aliases, quote="'"))
            # Python 3.11 allows no backslash, no outer quote and no comment
            # inside an f-string replacement field.
            if any(ch in inner for ch in '\\"#\n') or inner.startswith("{"):
                return None
            pieces.append("{" + inner + "}")
        pieces.append('"')
        return "".join(pieces)

    def attachment(self, attachment: Attachment, aliases, quote: str | None = None) -> cst.BaseExpression:
        expression, extra = self._base(attachment.base, aliases, quote)
        aggs = attachment.aggrandizements
        if aggs is not ABSENT and not aggs:
            extra.append(("Aggrandizements", ListValue([])))
        for agg in aggs or []:
            expression = self._aggrandize(expression, agg, aliases, quote)
        extra.extend(attachment.extra)
        if extra:
            table = cst.Dict(
                [cst.DictElement(_string(k, quote), self._extra_value(v, aliases, quote)) for k, v in extra]
            )
            expression = cst.Call(cst.Attribute(expression, cst.Name("with_keys")), [cst.Arg(table)])
        return expression

    def _extra_value(self, value, aliases, quote):
        if value is None:
            return cst.Name("None")
        if quote is None:
            return self.value(value, aliases)
        return _requote(self.value(value, aliases))

    def _base(self, base, aliases, quote) -> tuple[cst.BaseExpression, list]:
        naming = self.naming
        if isinstance(base, OutputRef):
            if base.uuid in naming.missing_ids:
                label = naming.missing.setdefault(base.uuid, f"missing_{len(naming.missing) + 1}")
                args = [cst.Arg(_string(label, quote))]
                if base.output_name is not ABSENT:
                    args.append(cst.Arg(_string(base.output_name, quote)))
                return _call("missing_output", args), []
            expression = cst.Name(naming.output_names[base.uuid])
            if base.output_name == naming.displays[base.uuid]:
                return expression, []
            override = None if base.output_name is ABSENT else Literal(base.output_name)
            return expression, [("OutputName", override)]
        if isinstance(base, NamedVariable):
            alias = _alias_for(base.name, aliases)
            if alias is not None:
                return cst.Name(alias), []
            if naming.variable_is_bare(base.name, aliases):
                return cst.Name(base.name), []
            return _call("var", [cst.Arg(_string(base.name, quote))]), []
        if base.kind in names.GLOBAL_NAMES:
            return cst.Name(names.GLOBAL_NAMES[base.kind]), []
        return _call("global_variable", [cst.Arg(_string(base.kind, quote))]), []

    def _aggrandize(self, expression, agg, aliases, quote) -> cst.BaseExpression:
        fields = agg.fields
        if agg.kind == "WFDictionaryValueVariableAggrandizement" and len(fields) == 1:
            key, value = fields[0]
            if key == "DictionaryKey" and _is_str(value):
                index = cst.SubscriptElement(cst.Index(_string(value.value, quote)))
                return cst.Subscript(expression, [index])
        method = names.AGGRANDIZEMENT_METHODS.get(agg.kind)
        if method is not None and all(names.is_keyword_argument(k) for k, _ in fields):
            name, primary = method
            args = []
            rest = list(fields)
            if primary is not None:
                main = dict(fields).get(primary)
                if not _is_str(main):
                    return self._general_aggrandizement(expression, agg, aliases, quote)
                args.append(cst.Arg(_string(main.value, quote)))
                rest = [(k, v) for k, v in fields if k != primary]
            for key, value in rest:
                args.append(_arg(self._extra_value(value, aliases, quote), key))
            return cst.Call(cst.Attribute(expression, cst.Name(name)), args)
        return self._general_aggrandizement(expression, agg, aliases, quote)

    def _general_aggrandizement(self, expression, agg, aliases, quote):
        table = DictValue([("Type", Literal(agg.kind)), *agg.fields])
        return cst.Call(cst.Attribute(expression, cst.Name("aggrandize")), [cst.Arg(self._extra_value(table, aliases, quote))])


def _alias_for(variable: str, aliases: dict[str, str]) -> str | None:
    for code_name, real in aliases.items():
        if real == variable:
            return code_name
    return None


def _condition_subject(value) -> Attachment | None:
    """The variable of the usual If subject ``{"Type": "Variable", "Variable": x}``."""
    if not isinstance(value, DictValue) or len(value.items) != 2:
        return None
    items = dict(value.items)
    kind, variable = items.get("Type"), items.get("Variable")
    if _is_str(kind) and kind.value == "Variable" and isinstance(variable, TokenAttachment):
        return variable.attachment
    return None


def _simple_case_title(opener: Action) -> str | None:
    if len(opener.params) == 1 and opener.params[0][0] == "WFMenuItemTitle" and _is_str(opener.params[0][1]):
        return opener.params[0][1].value
    return None


def _is_title_list(items, titles: list) -> bool:
    return (
        isinstance(items, ListValue)
        and len(items.items) == len(titles)
        and all(_is_str(item) and item.value == title for item, title in zip(items.items, titles))
    )


def _comment_lines(statement) -> list[cst.EmptyLine] | None:
    """``# text`` lines for a Comment action whose text survives as comments."""
    if not (isinstance(statement, Action) and statement.identifier == COMMENT and statement.uuid is None):
        return None
    if len(statement.params) != 1 or statement.params[0][0] != "WFCommentActionText":
        return None
    text = statement.params[0][1]
    if not _is_str(text):
        return None
    lines = text.value.split("\n")
    for line in lines:
        if line != line.rstrip() or any(ch in _LINE_BREAKS for ch in line):
            return None
        if any(ord(ch) < 32 and ch != "\t" for ch in line) or "\t" in line:
            return None
    return [cst.EmptyLine(comment=cst.Comment(("# " + line) if line else "#")) for line in lines]


def _catalog_order(action: Action) -> list:
    order = catalog.parameter_order(action.identifier)
    if not order:
        return action.params
    rank = {key: index for index, key in enumerate(order)}
    indexed = list(enumerate(action.params))
    indexed.sort(key=lambda item: (rank.get(item[1][0], len(rank)), item[0]))
    return [param for _, param in indexed]


# --- small cst helpers ------------------------------------------------------------------


def _call(function: str, args: list[cst.Arg]) -> cst.Call:
    return cst.Call(cst.Name(function), args)


def _arg(value: cst.BaseExpression, keyword: str) -> cst.Arg:
    return cst.Arg(
        value,
        keyword=cst.Name(keyword),
        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
    )


def _star_position(args: list[cst.Arg]) -> int:
    return len(args) - 1 if args and args[-1].star == "**" else len(args)


def _stubs_import() -> cst.SimpleStatementLine:
    module = cst.Name(names.STUBS_MODULE)
    return cst.SimpleStatementLine([cst.ImportFrom(module=module, names=cst.ImportStar())])


def _line(expression: cst.BaseExpression) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine([cst.Expr(expression)])


def _string(text: str, quote: str | None = None) -> cst.SimpleString:
    return cst.SimpleString(string_source(text, quote))


def _compare(left, operator: str, right) -> cst.Comparison:
    return cst.Comparison(left, [cst.ComparisonTarget(_CST_COMPARISON[operator](), right)])


def _literal(value) -> cst.BaseExpression:
    if isinstance(value, bool):
        return cst.Name("True" if value else "False")
    if isinstance(value, int):
        number = cst.Integer(str(abs(value)))
        return cst.UnaryOperation(cst.Minus(), number) if value < 0 else number
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return _call("real", [cst.Arg(_string(repr(value)))])
        number = cst.Float(repr(abs(value)))
        return cst.UnaryOperation(cst.Minus(), number) if math.copysign(1, value) < 0 else number
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bytes):
        return cst.SimpleString(bytes_source(value))
    if isinstance(value, datetime.datetime):
        return _call("date", [cst.Arg(_string(value.isoformat()))])
    raise TypeError(f"not a plist scalar: {value!r}")


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _requote(node):
    """Literal strings inside an f-string field use single quotes."""

    class _SingleQuotes(cst.CSTTransformer):
        def leave_SimpleString(self, original, updated):
            from .literals import decode_string_token

            value = decode_string_token(updated.value)
            if isinstance(value, bytes):
                return updated
            return cst.SimpleString(string_source(value, "'"))

    return node.visit(_SingleQuotes())
