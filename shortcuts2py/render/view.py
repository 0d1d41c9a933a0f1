"""IR -> the view tree: what the Shortcuts editor shows, before any drawing.

A ``View`` is a list of nodes.  A ``Card`` is one action as the editor draws
it (icon colour, title, app, the parameters with their values, or a comment's
text); a ``Group`` is an If, Choose from Menu or Repeat block: its start card,
its sections (each opened by an Otherwise or a menu case, except the first)
and its end card.  Both SVG and HTML are drawn from this tree, so they show
the same things.  ``depth`` is the number of blocks a card sits inside; the
start, middle and end cards of a block sit at the block's own depth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from .. import catalog, ir
from . import palette
from .values import Line, Token, attachment_of, describe, dict_get, humanise_key, plain_text, scalar, token

# Titles the editor shows for built-in actions whose catalog entry has no
# display name.
_KNOWN_TITLES = {
    "ask": "Ask for Input",
    "askllm": "Use Model",
    "text.split": "Split Text",
    "text.combine": "Combine Text",
    "text.match": "Match Text",
    "text.match.getgroup": "Get Group from Matched Text",
    "text.changecase": "Change Case",
    "text.trimwhitespace": "Trim Whitespace",
    "correctspelling": "Correct Spelling",
    "airplanemode.set": "Set Airplane Mode",
    "bluetooth.set": "Set Bluetooth",
    "cellulardata.set": "Set Cellular Data",
    "wifi.set": "Set Wi-Fi",
    "lowpowermode.set": "Set Low Power Mode",
    "nightshift.set": "Set Night Shift",
    "truetone.set": "Set True Tone",
    "orientationlock.set": "Set Orientation Lock",
    "personalhotspot.set": "Set Personal Hotspot",
    "setbrightness": "Set Brightness",
    "appearance": "Set Appearance",
    "flashlight": "Set Flashlight",
    "getcurrentapp": "Get Current App",
    "runjavascriptonwebpage": "Run JavaScript on Web Page",
    "shownote": "Show Note",
    "appendnote": "Append to Note",
    "filter.notes": "Find Notes",
    "folder": "Folder",
    "alarm.create": "Create Alarm",
}

_BLOCK_KINDS = {
    ir.CONDITIONAL: "if",
    ir.MENU: "menu",
    ir.REPEAT_COUNT: "repeat",
    ir.REPEAT_EACH: "repeat-each",
}
_END_TITLES = {"if": "End If", "menu": "End Menu", "repeat": "End Repeat", "repeat-each": "End Repeat"}

# Condition codes (``WFCondition``) and the words the editor uses for them.
_OPERATORS = {
    0: "is less than",
    1: "is less than or equal to",
    2: "is greater than",
    3: "is greater than or equal to",
    4: "is",
    5: "is not",
    8: "begins with",
    9: "ends with",
    99: "contains",
    100: "has any value",
    101: "does not have any value",
    999: "does not contain",
    1000: "is in the next",
    1001: "is in the last",
    1002: "is today",
    1003: "is between",
}
# Where each kind of condition keeps its operand(s); the app leaves stale
# operands behind, so the first one present in this order is the one shown.
_SINGLE_OPERANDS = (
    "WFConditionalActionString",
    "WFNumberValue",
    "WFBoundedNumber",
    "WFEnumeration",
    "WFNumericEnumeration",
    "WFLinkEnumeration",
    "WFEnumerationValue",
    "WFBooleanValue",
    "WFDate",
    "WFMeasurement",
    "WFDuration",
)
_OPERANDS_BY_CODE = {
    0: ("WFNumberValue", "WFDate", "WFMeasurement", "WFDuration"),
    1: ("WFNumberValue", "WFMeasurement"),
    2: ("WFNumberValue", "WFDate", "WFMeasurement", "WFDuration"),
    3: ("WFNumberValue", "WFMeasurement"),
    8: ("WFConditionalActionString",),
    9: ("WFConditionalActionString",),
    99: ("WFConditionalActionString",),
    999: ("WFConditionalActionString",),
    1000: ("WFDuration",),
    1001: ("WFDuration",),
}
_BETWEEN_PAIRS = (
    ("WFNumberValue", "WFAnotherNumber"),
    ("WFBoundedNumber", "WFAnotherBoundedNumber"),
    ("WFDate", "WFAnotherDate"),
    ("WFMeasurement", "WFAnotherMeasurement"),
    ("WFDuration", "WFAnotherDuration"),
)
_NO_OPERAND = (100, 101, 1002)


@dataclass
class Field:
    """One parameter as the editor lists it: label and value lines."""

    key: str
    label: str
    lines: list[Line]


@dataclass
class Card:
    identifier: str
    role: str  # "action", "comment", "raw", "start", "middle" or "end"
    title: str
    colour: str  # a palette colour name
    depth: int
    app: str | None = None
    summary: Line = ()  # spans shown after the title: a condition, a count
    fields: list[Field] = field(default_factory=list)
    text: list[Line] = field(default_factory=list)  # a comment's text
    output: str | None = None  # the output's name, when renamed


@dataclass
class Section:
    opener: Card | None
    body: list["Node"]


@dataclass
class Group:
    kind: str  # "if", "menu", "repeat" or "repeat-each"
    identifier: str
    depth: int
    start: Card
    sections: list[Section]
    end: Card


Node = Union[Card, Group]


@dataclass
class View:
    name: str
    colour: str  # the shortcut's icon colour, "#rrggbb"
    nodes: list[Node]
    card_count: int


@dataclass
class _Source:
    """What a pill needs to know about the action whose output it shows."""

    custom: str | None
    default: str
    colour: str


def build_view(workflow: ir.Workflow, *, name: str) -> View:
    """The view tree of a workflow.  ``name`` is the shortcut's name (its file
    name: the plist does not hold one)."""
    builder = _Builder(_output_sources(workflow.body))
    nodes = builder.nodes(workflow.body, 0)
    return View(name=name, colour=_header_colour(workflow.header), nodes=nodes, card_count=builder.count)


def _header_colour(header: list[tuple[str, ir.Value]]) -> str:
    icon = dict(header).get("WFWorkflowIcon")
    start = scalar(dict_get(icon, "WFWorkflowIconStartColor")) if icon is not None else None
    if isinstance(start, int) and not isinstance(start, bool):
        return palette.icon_colour(start)
    return palette.icon_colour(463140863)  # the app's default blue


def _output_sources(body: list[ir.Statement]) -> dict[str, _Source]:
    sources: dict[str, _Source] = {}

    def note(action: ir.Action, default: str | None) -> None:
        if action.uuid is None or action.uuid in sources:
            return
        custom = action.param("CustomOutputName")
        sources[action.uuid] = _Source(
            custom=plain_text(custom) if custom is not ir.ABSENT else None,
            default=default or catalog.output_name(action.identifier) or action_title(action.identifier),
            colour=palette.colour_name(action.identifier),
        )

    def walk(statements: list[ir.Statement]) -> None:
        for statement in statements:
            if isinstance(statement, ir.Action):
                note(statement, None)
            elif isinstance(statement, ir.Block):
                note(statement.start, None)
                for section in statement.sections:
                    if section.opener is not None:
                        note(section.opener, None)
                    walk(section.body)
                # The end action holds the block's result.
                note(statement.end, ir.BLOCK_OUTPUT_NAMES[statement.identifier])

    walk(body)
    return sources


def action_title(identifier: str) -> str:
    """The name the editor gives an action."""
    entry = catalog.entry(identifier)
    if entry is not None and entry.display_name:
        return entry.display_name
    short = identifier.removeprefix(palette.BUILTIN_PREFIX)
    if short in _KNOWN_TITLES:
        return _KNOWN_TITLES[short]
    last = identifier.rsplit(".", 1)[-1] if short == identifier else short.replace(".", " ")
    last = re.sub(r"(Intent|Action)$", "", last) or last
    # Apple's frameworks prefix their intent names (AXSetBackgroundSound).
    last = re.sub(r"^(AX|MT|IC|WF)(?=[A-Z][a-z])", "", last)
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", last)
    return words[:1].upper() + words[1:]


def _app_name(action: ir.Action) -> str | None:
    """The app a third-party action belongs to (built-in ones show none)."""
    if action.identifier.startswith(palette.BUILTIN_PREFIX):
        return None
    descriptor = action.param("AppIntentDescriptor")
    named = plain_text(dict_get(descriptor, "Name")) if descriptor is not ir.ABSENT else None
    if named:
        return named
    entry = catalog.entry(action.identifier)
    if entry is not None and entry.app:
        return entry.app
    if action.identifier.startswith("com.apple."):
        return None  # one of Apple's apps, whose name the bundle id does not tell
    bundle = entry.bundle if entry is not None and entry.bundle else action.identifier.rsplit(".", 1)[0]
    last = bundle.rsplit(".", 1)[-1]
    return last[:1].upper() + last[1:] if last else None


class _Builder:
    def __init__(self, sources: dict[str, _Source]):
        self.sources = sources
        self.count = 0

    def describe(self, value: ir.Value) -> list[Line]:
        return describe(value, self.pill_source)

    def pill_source(self, uuid: str):
        source = self.sources.get(uuid)
        return None if source is None else (source.custom, source.default, source.colour)

    def nodes(self, body: list[ir.Statement], depth: int) -> list[Node]:
        out: list[Node] = []
        for statement in body:
            if isinstance(statement, ir.Block):
                out.append(self.group(statement, depth))
            elif isinstance(statement, ir.Action):
                out.append(self.action_card(statement, depth))
            else:
                out.append(self.raw_card(statement, depth))
        return out

    # --- cards --------------------------------------------------------------

    def card(self, identifier: str, role: str, title: str, depth: int, **rest) -> Card:
        self.count += 1
        return Card(identifier, role, title, palette.colour_name(identifier), depth, **rest)

    def action_card(self, action: ir.Action, depth: int) -> Card:
        piece = self.flat_piece(action, depth)
        if piece is not None:
            return piece
        if action.identifier == ir.COMMENT:
            text = action.param("WFCommentActionText")
            lines = self.describe(text) if text is not ir.ABSENT else []
            return self.card(action.identifier, "comment", "Comment", depth, text=lines)
        return self.card(
            action.identifier,
            "action",
            action_title(action.identifier),
            depth,
            app=_app_name(action),
            fields=self.fields(action) + self.output_field(action),
            output=self.renamed_output(action),
        )

    def raw_card(self, raw: ir.RawAction, depth: int) -> Card:
        identifier = plain_text(dict_get(raw.value, "WFWorkflowActionIdentifier") or ir.Literal(""))
        title = action_title(identifier) if identifier else "Unreadable action"
        lines = self.describe(raw.value)
        return self.card(identifier or "", "raw", title, depth, fields=[Field("", "Entry", lines)])

    def fields(self, action: ir.Action) -> list[Field]:
        entry = catalog.entry(action.identifier)
        order = {key: i for i, key in enumerate(entry.parameter_keys)} if entry is not None else {}
        shown = [(k, v) for k, v in action.params if not catalog.is_general_key(k)]
        shown.sort(key=lambda kv: order.get(kv[0], len(order)))
        return [Field(key, self.label(entry, key), self.describe(value)) for key, value in shown]

    @staticmethod
    def label(entry: catalog.Entry | None, key: str) -> str:
        parameter = entry.parameter(key) if entry is not None else None
        return parameter.label if parameter is not None and parameter.label else humanise_key(key)

    def renamed_output(self, action: ir.Action) -> str | None:
        source = self.sources.get(action.uuid) if action.uuid else None
        return source.custom if source is not None else None

    def output_field(self, action: ir.Action) -> list[Field]:
        """A renamed output is shown as a last row, as its pill."""
        name = self.renamed_output(action)
        if not name:
            return []
        pill = Token(name, palette.colour_name(action.identifier), "output")
        return [Field("CustomOutputName", "Output", [(pill,)])]

    def flat_piece(self, action: ir.Action, depth: int) -> Card | None:
        """A piece of a block that did not pair up, drawn as the editor draws
        that piece (If with its condition, Otherwise, End If) but flat."""
        kind = _BLOCK_KINDS.get(action.identifier)
        if kind is None:
            return None
        mode = scalar(action.param("WFControlFlowMode"))
        if mode == 0:
            return self.start_card(kind, action, depth, role="action")
        if mode == 1:
            return self.middle_card(kind, action, depth, role="action")
        if mode == 2:
            return self.card(action.identifier, "action", _END_TITLES[kind], depth, fields=self.output_field(action))
        return None

    # --- blocks -------------------------------------------------------------

    def group(self, block: ir.Block, depth: int) -> Group:
        kind = _BLOCK_KINDS[block.identifier]
        start = self.start_card(kind, block.start, depth)
        sections = []
        for section in block.sections:
            opener = self.middle_card(kind, section.opener, depth) if section.opener is not None else None
            sections.append(Section(opener, self.nodes(section.body, depth + 1)))
        end = self.card(
            block.identifier,
            "end",
            _END_TITLES[kind],
            depth,
            fields=self.output_field(block.end),
            output=self.renamed_output(block.end),
        )
        return Group(kind, block.identifier, depth, start, sections, end)

    def start_card(self, kind: str, action: ir.Action, depth: int, role: str = "start") -> Card:
        params = dict(action.params)
        if kind == "if":
            return self.card(action.identifier, role, "If", depth, **self.condition(params))
        if kind == "menu":
            prompt = params.get("WFMenuPrompt")
            fields = [Field("WFMenuPrompt", "Prompt", self.describe(prompt))] if prompt is not None else []
            return self.card(action.identifier, role, "Choose from Menu", depth, fields=fields)
        if kind == "repeat":
            count = params.get("WFRepeatCount", ir.Literal(1))
            summary = (*_first_line(self.describe(count)), " times")
            return self.card(action.identifier, role, "Repeat", depth, summary=summary)
        items = params.get("WFInput")
        summary = ("item in ", *_first_line(self.describe(items))) if items is not None else ()
        return self.card(action.identifier, role, "Repeat with Each", depth, summary=summary)

    def middle_card(self, kind: str, action: ir.Action, depth: int, role: str = "middle") -> Card:
        params = dict(action.params)
        if kind == "menu":
            title = params.get("WFMenuItemAttributedTitle", params.get("WFMenuItemTitle"))
            if title is None:
                return self.card(action.identifier, role, "", depth)
            text = plain_text(title)
            if text is None:  # a title with variables in it
                return self.card(action.identifier, role, "", depth, summary=_first_line(self.describe(title)))
            return self.card(action.identifier, role, text, depth)
        condition = self.condition(params) if "WFCondition" in params or "WFConditions" in params else {}
        return self.card(action.identifier, role, "Otherwise", depth, **condition)

    def condition(self, params: dict[str, ir.Value]) -> dict:
        """The start card's contents for an If: one summary line for a single
        condition, a line per condition for the ``WFConditions`` form."""
        table = params.get("WFConditions")
        inner = dict_get(table, "Value") if table is not None else None
        templates = dict_get(inner, "WFActionParameterFilterTemplates") if inner is not None else None
        if not isinstance(templates, ir.ListValue):
            return {"summary": self.condition_line(params)}
        every = scalar(dict_get(inner, "WFActionParameterFilterPrefix") or ir.Literal(1)) != 0
        lines = [self.condition_line(dict(t.items)) for t in templates.items if isinstance(t, ir.DictValue)]
        label = "All are true" if every else "Any is true"
        return {
            "summary": (f"{'all' if every else 'any'} of these are true",),
            "fields": [Field("WFConditions", label, lines)],
        }

    def condition_line(self, params: dict[str, ir.Value]) -> Line:
        subject = params.get("WFInput")
        variable = attachment_of(subject) if subject is not None else None
        if variable is not None:
            spans: list = [token(variable, self.pill_source)]
        elif subject is not None:
            spans = list(_first_line(self.describe(subject)))
        else:
            spans = ["Input"]
        code = scalar(params.get("WFCondition", ir.Literal(4)))
        if isinstance(code, str):  # files older than 900 spell the operator
            spans.append(f" {code.lower()}")
            code = None
        else:
            spans.append(" " + _OPERATORS.get(code, f"(condition {code})"))
        if code in _NO_OPERAND:
            return tuple(spans)
        if code == 1003:
            pair = next((p for p in _BETWEEN_PAIRS if p[0] in params or p[1] in params), None)
            if pair is not None:
                low, high = (params.get(k, ir.Literal("")) for k in pair)
                spans += [" ", *_first_line(self.describe(low)), " and ", *_first_line(self.describe(high))]
            return tuple(spans)
        keys = _OPERANDS_BY_CODE.get(code, _SINGLE_OPERANDS)
        operand = next((params[k] for k in keys if k in params and not _is_blank(params[k])), None)
        if operand is not None:
            spans += [" ", *_first_line(self.describe(operand))]
        return tuple(spans)


def _is_blank(value: ir.Value) -> bool:
    return isinstance(value, ir.Literal) and value.value == ""


def _first_line(lines: list[Line]) -> Line:
    """A value on one line: its lines joined by spaces."""
    joined: list = []
    for i, line in enumerate(lines):
        if i and line:
            joined.append(" ")
        joined.extend(line)
    return tuple(joined)


__all__ = ["Card", "Field", "Group", "Node", "Section", "View", "Token", "action_title", "build_view"]
