"""Parameter values as the editor shows them: lines of text and variable tokens.

This is the only module of the renderer that walks IR value nodes, so a change
to their shape is met here alone.  A value becomes a list of lines; a line is a
tuple of spans, each either plain text or a ``Token`` (a variable pill).
Plist wrappers the app hides (serialisation types, dictionary field items,
array states, quantities) are unwrapped into what the user typed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, Union

from .. import ir

# The label of each global variable, keyed by its attachment ``Type``.
GLOBAL_LABELS = {
    "ExtensionInput": "Shortcut Input",
    "Clipboard": "Clipboard",
    "CurrentDate": "Current Date",
    "Ask": "Ask Each Time",
    "DeviceDetails": "Device Details",
    "Input": "Input",
    "CurrentApp": "Current App",
    "HomeAccessory": "Home Accessory",
}
# Global variables draw their pill in the colour of what they stand for.
GLOBAL_COLOURS = {
    "ExtensionInput": "indigo",
    "Clipboard": "blue",
    "CurrentDate": "red",
    "Ask": "cyan",
    "DeviceDetails": "blue",
}
VARIABLE_COLOUR = "orange"


@dataclass(frozen=True)
class Token:
    """A variable pill: its label and the colour of what it refers to."""

    label: str
    colour: str
    kind: str  # "output", "variable" or "global"


Span = Union[str, Token]
Line = tuple[Span, ...]

# uuid -> (custom name or None, default name, colour name) of the action that
# produced an output, or None when no action of the file has that id.
OutputLookup = Callable[[str], Union[tuple[Union[str, None], str, str], None]]

# How many items of a list or dictionary nested inside another are listed
# before the rest is summed up; top-level ones are shown in full.
NESTED_ITEMS = 6


def describe(value: ir.Value, outputs: OutputLookup) -> list[Line]:
    """The lines the editor would show for a parameter value."""
    return _Describer(outputs).lines(value, nested=False)


def token(attachment: ir.Attachment, outputs: OutputLookup) -> Token:
    """The pill for one variable reference."""
    return _Describer(outputs).token(attachment)


def plain_text(value: ir.Value | None) -> str | None:
    """The text of a value that is plain text, else None (used for titles)."""
    if isinstance(value, ir.Literal) and isinstance(value.value, str):
        return value.value
    if isinstance(value, ir.TokenString) and all(isinstance(p, str) for p in value.parts):
        return "".join(value.parts)  # type: ignore[arg-type]
    return None


def scalar(value: ir.Value | None):
    """The Python value of a Literal, else None."""
    return value.value if isinstance(value, ir.Literal) else None


def attachment_of(value: ir.Value) -> ir.Attachment | None:
    """The variable a parameter holds, when it holds exactly one.

    Conditions wrap their subject as ``{"Type": "Variable", "Variable": …}``;
    that wrapper is seen through as well.
    """
    if isinstance(value, (ir.TokenAttachment, ir.BareAttachment)):
        return value.attachment
    if isinstance(value, ir.DictValue):
        inner = dict(value.items).get("Variable")
        if inner is not None:
            return attachment_of(inner)
    return None


def dict_get(value: ir.Value | None, key: str) -> ir.Value | None:
    """One key of a dictionary value, None when absent or not a dictionary."""
    if isinstance(value, ir.DictValue):
        for k, v in value.items:
            if k == key:
                return v
    return None


class _Describer:
    def __init__(self, outputs: OutputLookup):
        self.outputs = outputs

    # --- values -------------------------------------------------------------

    def lines(self, value: ir.Value, *, nested: bool) -> list[Line]:
        if isinstance(value, ir.Literal):
            return _split_lines([_literal_text(value.value)])
        if isinstance(value, ir.TokenString):
            return _split_lines([self.token(p) if isinstance(p, ir.Attachment) else p for p in value.parts])
        if isinstance(value, (ir.TokenAttachment, ir.BareAttachment)):
            return [(self.token(value.attachment),)]
        if isinstance(value, ir.ListValue):
            return self.items([(None, item) for item in value.items], nested)
        if isinstance(value, ir.DictValue):
            return self.dictionary(value, nested)
        if isinstance(value, ir.GroupRef):
            return [("(block marker)",)]
        return [(repr(value),)]  # pragma: no cover - a node kind added later

    def dictionary(self, value: ir.DictValue, nested: bool) -> list[Line]:
        fields = dict(value.items)
        inner = fields.get("Value")
        tag = fields.get("WFSerializationType")
        kind = scalar(tag) if tag is not None else None
        if inner is not None and kind == "WFDictionaryFieldValue":
            entries = dict_get(inner, "WFDictionaryFieldValueItems")
            if isinstance(entries, ir.ListValue):
                return self.items([_field_item(item) for item in entries.items], nested)
        if inner is not None and kind == "WFQuantityFieldValue":
            return [self.quantity(inner)]
        if inner is not None and isinstance(kind, str):
            return self.lines(inner, nested=nested)
        variable = attachment_of(value)
        if variable is not None:
            return [(self.token(variable),)]
        # Files, folders and shortcuts show their name; app descriptors and
        # menu items their title.
        name = fields.get("displayName") or fields.get("workflowName") or fields.get("filename")
        if name is None and len(fields) <= 4:
            name = fields.get("Name") or fields.get("WFValue") or fields.get("Title")
        if name is not None and plain_text(name) is not None:
            return self.lines(name, nested=True)
        return self.items([(ir.Literal(k), v) for k, v in value.items], nested)

    def items(self, pairs: list[tuple[ir.Value | None, ir.Value]], nested: bool) -> list[Line]:
        shown = pairs[:NESTED_ITEMS] if nested else pairs
        out: list[Line] = []
        for key, item in shown:
            body = self.lines(item, nested=True)
            lead: Line = ("• ",) if key is None else (*self.inline(key), ": ")
            out.append(lead + (body[0] if body else ()))
            out.extend(("   ", *rest) for rest in body[1:])
        if len(shown) < len(pairs):
            out.append((f"… {len(pairs) - len(shown)} more",))
        return out

    def inline(self, value: ir.Value) -> Line:
        """A value squeezed onto one line (dictionary keys)."""
        lines = self.lines(value, nested=True)
        joined: list[Span] = []
        for i, line in enumerate(lines):
            joined.extend(((" ",) if i else ()) + line)
        return tuple(joined)

    def quantity(self, value: ir.Value) -> Line:
        magnitude = dict_get(value, "Magnitude")
        unit = dict_get(value, "Unit")
        spans: list[Span] = list(self.inline(magnitude)) if magnitude is not None else []
        if unit is not None:
            spans.extend((" ", *self.inline(unit)))
        return tuple(spans)

    # --- variables ----------------------------------------------------------

    def token(self, attachment: ir.Attachment) -> Token:
        base = attachment.base
        if isinstance(base, ir.OutputRef):
            # A renamed output shows its new name; otherwise the name the
            # reference stores (it is in the language of the author's app).
            custom, default, colour = self.outputs(base.uuid) or (None, "Action Output", "gray")
            stored = base.output_name if isinstance(base.output_name, str) else None
            label, kind = custom or stored or default, "output"
        elif isinstance(base, ir.NamedVariable):
            # Loop variables belong to the Repeat block, drawn in its grey.
            loop = base.name.startswith(("Repeat Item", "Repeat Index"))
            label, colour, kind = base.name, "gray" if loop else VARIABLE_COLOUR, "variable"
        else:
            label = GLOBAL_LABELS.get(base.kind) or _words(base.kind)
            colour, kind = GLOBAL_COLOURS.get(base.kind, "gray"), "global"
        return Token(label + _aggrandizement_suffix(attachment), colour, kind)


def _field_item(item: ir.Value) -> tuple[ir.Value | None, ir.Value]:
    """A dictionary field item (``WFKey``/``WFValue``) as a key and a value."""
    key = dict_get(item, "WFKey")
    value = dict_get(item, "WFValue")
    return key, value if value is not None else ir.Literal("")


def _aggrandizement_suffix(attachment: ir.Attachment) -> str:
    """What the pill adds for a property, a dictionary key or a coercion."""
    if not isinstance(attachment.aggrandizements, list):
        return ""
    suffix = ""
    for step in attachment.aggrandizements:
        fields = dict(step.fields)
        for key, fmt in (("PropertyName", " › {}"), ("DictionaryKey", " › {}"), ("CoercionItemClass", " ({})")):
            text = plain_text(fields[key]) if key in fields else None
            if text is not None:
                if key == "CoercionItemClass":
                    text = "as " + _content_class_name(text)
                suffix += fmt.format(text)
    return suffix


def _content_class_name(name: str) -> str:
    """``WFURLContentItem`` -> ``URL``: the type a coercion names."""
    core = name.removeprefix("WF").removesuffix("ContentItem")
    return _words(core) if core else name


def _words(name: str) -> str:
    """``CurrentApp`` -> ``Current App``, ``WFURLContentItem`` stays readable."""
    out = []
    for i, ch in enumerate(name):
        if i and ch.isupper() and not name[i - 1].isupper():
            out.append(" ")
        elif i and ch.isupper() and i + 1 < len(name) and name[i + 1].islower() and name[i - 1].isupper():
            out.append(" ")
        out.append(ch)
    return "".join(out)


def humanise_key(key: str) -> str:
    """A label for a parameter key the catalog gives none for."""
    core = key.removeprefix("WF")
    return _words(core.replace("_", " ")).strip().capitalize() or key


def _literal_text(value: ir.Scalar) -> str:
    if isinstance(value, bool):
        return "On" if value else "Off"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bytes):
        return f"‹data, {len(value)} bytes›"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _split_lines(spans: list[Span]) -> list[Line]:
    """Cut spans at line breaks inside their text."""
    lines: list[Line] = []
    current: list[Span] = []
    for span in spans:
        if isinstance(span, Token):
            current.append(span)
            continue
        pieces = span.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(tuple(current))
                current = []
            if piece:
                current.append(piece)
    lines.append(tuple(current))
    return lines
