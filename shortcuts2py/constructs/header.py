"""The top-level keys <-> ``shortcut(...)``, saying only what differs from a new shortcut,
and the code's own settings <-> ``spelling(...)`` after the body.

A new shortcut (as the app writes one today) has these keys; ``shortcut()``
stands for exactly them, and each keyword changes one.  When the first action
takes the shortcut's input without naming it, the header says where that
input comes from: ``_ = shortcut(...)``.

===================  ========================================  ===========================
keyword              plist key                                 a new shortcut has
===================  ========================================  ===========================
version              WFWorkflowClientVersion                   (nothing)
release              WFWorkflowClientRelease                   (nothing)
version=(v, r)       both at once (when both are given)
min_version          WFWorkflowMinimumClientVersion (+String)  900 and "900" (1113 and
                                                               "1113" with a no_input)
color, glyph         WFWorkflowIcon StartColor, GlyphNumber    2846468607, 61440
icon=(color, glyph)  both at once (when both differ)
icon_image           WFWorkflowIcon ImageData                  (nothing)
inputs               WFWorkflowInputContentItemClasses         every input type (19)
outputs              WFWorkflowOutputContentItemClasses        []
types                WFWorkflowTypes                           []
surfaces             WFQuickActionSurfaces                     []
questions            WFWorkflowImportQuestions                 []
has_output_fallback  WFWorkflowHasOutputFallback               False
has_shortcut_input   WFWorkflowHasShortcutInputVariables       whether it reads ShortcutInput
no_input             WFWorkflowNoInputBehavior: "GetClipboard"  (nothing)
                     or ("AskForInput", {"ItemClass": ...})
name                 WFWorkflowName                            (nothing)
===================  ========================================  ===========================

``keyword=None`` says the key is absent.  Content classes are written short
(``inputs="String URL"`` for ``WFStringContentItem``, ``WFURLContentItem``; ``types="Watch NCWidget"``),
the icon colour by its palette name when it has one.  Any other key goes in
``**{"Key": value}``.  The app's builds before ``FIRST_MODERN_BUILD`` wrote another
key set (no minimum version string, outputs, surfaces...; see ``template``): a
version of such a build stands for that set, and ``legacy=True``/``legacy=False``
says when a file has the set of the other era.

``spelling(...)`` goes after the body (before ``icon_image`` and ``ids``): how the
code spells the file where its plain reading would differ.  None of it is a key
of the shortcut.
``output_names={code name: OutputName or None}`` (see naming) and ``empty_ranges=True``
(see text), and ``shared_names=[...]``: outputs whose id several actions
carry (a copy-and-paste artefact), every assignment of such a name shares one
id; ``block_ids=["if", ...]``: every piece of every block of those kinds
(If, Otherwise, End If...) carries an id, as some tools write them; ``start_ids={"if": [2, 5]}``:
the start of the 2nd and 5th If (counted in the order the code opens them) carries an id;
``end_ids={"if": [2, 5]}``: the end of the 2nd and 5th If carries an id that no
statement names (nothing reads its result), ``{"if": "all"}``: every End If has an id;
``output_ids=True``: every action whose kind gives an output carries an id, read or
not (as the app writes most files), so an output nothing reads takes no name;
``output_ids="all"``: every action but a Comment does;
``shared_groups=[[2, 5]]``: the 2nd and 5th block carry one group id;
``legacy_comparisons=True``: every If carries the
``WFConditionalLegacyComparisonBehavior`` mark the app puts on Ifs it migrated; ``names_as_shown=True``: an output
named neither by its standard name nor by a custom name is named as the app
shows it (``Objekt_aus_Liste`` for "Objekt aus Liste").  A long icon image goes last in the file as ``icon_image(b"...")``.

Exact because: ``lower`` writes a keyword only after checking that compiling
it gives back the file's keys, and falls back to the raw value otherwise.
"""

from __future__ import annotations

import ast
import functools
from collections import Counter

from .. import ir, names
from ..compare import first_difference
from ..assemble import assemble_value
from ..naming import EVERY_ACTION
from ..writer import nodes
from . import values, variables

HEADER_FUNCTION, ICON_FUNCTION, IDS_FUNCTION, SETTINGS_FUNCTION = "shortcut", "icon_image", "ids", "spelling"
LEGACY, QUESTIONS_KEY = "legacy", "WFWorkflowImportQuestions"
OUTPUT_NAMES, EMPTY_RANGES, SHARED_NAMES, BLOCK_IDS, NAMES_AS_SHOWN, TAGGED_VARIABLES = (
    "output_names",
    "empty_ranges",
    "shared_names",
    "block_ids",
    "names_as_shown",
    "tagged_variables",
)
START_IDS, LEGACY_COMPARISONS, SHARED_GROUPS, END_IDS = "start_ids", "legacy_comparisons", "shared_groups", "end_ids"
OUTPUT_IDS = "output_ids"
ALL_ENDS = "all"  # end_ids={"if": "all"}: the end of every If has an id
SETTINGS = frozenset(
    {OUTPUT_NAMES, EMPTY_RANGES, SHARED_NAMES, BLOCK_IDS, START_IDS, END_IDS, NAMES_AS_SHOWN, TAGGED_VARIABLES,
     LEGACY_COMPARISONS, SHARED_GROUPS, OUTPUT_IDS}
)
BLOCK_KINDS = {ir.CONDITIONAL: "if", ir.MENU: "menu", ir.REPEAT_COUNT: "repeat", ir.REPEAT_EACH: "repeat_each"}
KIND_BLOCKS = {kind: identifier for identifier, kind in BLOCK_KINDS.items()}
ICON_KEY = "WFWorkflowIcon"
COLOR_KEY, GLYPH_KEY, IMAGE_KEY = "WFWorkflowIconStartColor", "WFWorkflowIconGlyphNumber", "WFWorkflowIconImageData"
MINIMUM_KEY, MINIMUM_TEXT_KEY = "WFWorkflowMinimumClientVersion", "WFWorkflowMinimumClientVersionString"
# The minimum version the app records for a shortcut with a no-input behaviour
# ("If there's no input"): 345 of the 362 corpus files with one say 1113, and
# none without one does.
NO_INPUT_MINIMUM = 1113
INPUTS_KEY, OUTPUTS_KEY = "WFWorkflowInputContentItemClasses", "WFWorkflowOutputContentItemClasses"
ALL_BUT = "all but "  # inputs="all but App Folder": every input type except those
LONG_IMAGE = 64  # bytes: a longer icon image goes to the end of the file
VERSION_KEY, RELEASE_KEY = "WFWorkflowClientVersion", "WFWorkflowClientRelease"
# Builds of the app before this one (Shortcuts up to iOS 13: "700" ... "1092.6") wrote the
# Workflow-era key set; iOS 14's builds ("1144.4" on) write the template of a new shortcut.
FIRST_MODERN_BUILD = 1100
FIRST_IOS13_BUILD = 1000  # Shortcuts 3 ("1030.13" on); Shortcuts 2 builds are "700" ... "788"

EVERY_INPUT = tuple(
    f"WF{name}ContentItem"
    for name in (
        "App AppStoreApp Article Contact Date EmailAddress Folder GenericFile Image iTunesProduct Location "
        "DCMapsLink AVAsset PDF PhoneNumber RichText SafariWebPage String URL"
    ).split()
)
_EVERY_INPUT_SET = frozenset(EVERY_INPUT)
# Icon colours by name (FORMAT.md 1.4, unsigned form); other numbers are written as numbers.
PALETTE = {
    "red": 4282601983,
    "dark_orange": 4251333119,
    "orange": 4271458815,
    "yellow": 4274264319,
    "green": 4292093695,
    "teal": 431817727,
    "light_blue": 1440408063,
    "blue": 463140863,
    "dark_blue": 946986751,
    "violet": 2071128575,
    "purple": 3679049983,
    "pink": 3980825855,
    "gray": 3031607807,
    "dark_gray": 255,
    "taupe": 2846468607,
}
COLOR_NAMES = {number: name for name, number in PALETTE.items()}
DEFAULT_COLOR, DEFAULT_GLYPH = 2846468607, 61440

# keyword -> plist key, for the keys that are one plain value each.
SIMPLE_FIELDS = {
    "version": "WFWorkflowClientVersion",
    "release": "WFWorkflowClientRelease",
    "types": "WFWorkflowTypes",
    "surfaces": "WFQuickActionSurfaces",
    "questions": "WFWorkflowImportQuestions",
    "has_output_fallback": "WFWorkflowHasOutputFallback",
    "has_shortcut_input": "WFWorkflowHasShortcutInputVariables",
    "no_input": "WFWorkflowNoInputBehavior",
    "name": "WFWorkflowName",
    "disabled_on_lock_screen": "WFWorkflowIsDisabledOnLockScreen",
}
CLASS_FIELDS = {"inputs": INPUTS_KEY, "outputs": OUTPUTS_KEY}
# Keywords whose string is short for another value: no_input="GetClipboard" (a dictionary),
# types="Watch NCWidget" (a list of words).
SHORT_STRINGS = frozenset({"no_input", "types"})
KEYWORDS = frozenset(SIMPLE_FIELDS) | frozenset(CLASS_FIELDS) | {
    "min_version", "min_version_string", "color", "glyph", "icon_image", "icon", LEGACY,
}
# Earlier spellings, still read: code decompiled before keeps compiling.
OLD_KEYWORDS = {"minimum_version": "min_version", "minimum_version_string": "min_version_string"}


EVERY_INPUT_WORKFLOW = tuple(name for name in EVERY_INPUT if name not in ("WFAppContentItem", "WFFolderContentItem"))


INPUT_VARIABLES_KEY = "WFWorkflowHasShortcutInputVariables"


def reads_shortcut_input(body: list) -> bool:
    """Whether any action reads the shortcut's input (what the app records in
    WFWorkflowHasShortcutInputVariables).

    What ``naming.walk_actions`` and ``walk_value`` visit, in file order (a read
    is usually near the top), without a generator per action and value: compiling
    asks this of every file, and most read no input."""
    for statement in body:
        if isinstance(statement, ir.Action):
            if _reads_input([value for _, value in statement.params]):
                return True
        elif isinstance(statement, ir.Block):
            if _reads_input([value for _, value in statement.start.params]):
                return True
            for section in statement.sections:
                if section.opener is not None and _reads_input([value for _, value in section.opener.params]):
                    return True
                if reads_shortcut_input(section.body):
                    return True
            if _reads_input([value for _, value in statement.end.params]):
                return True
        elif isinstance(statement, ir.RawAction):
            if _reads_input([statement.value]):
                return True
    return False


def _reads_input(values: list) -> bool:
    """Whether ExtensionInput is among ``values`` or below them (``values`` is used up)."""
    while values:
        node = values.pop()
        kind = type(node)
        if kind is ir.Literal:
            continue
        if kind is ir.Attachment:
            values.append(node.base)
            for step in node.aggrandizements or ():
                values.extend([item for _, item in step.fields])
            if node.extra:
                values.extend([item for _, item in node.extra])
        elif kind is ir.TokenAttachment or kind is ir.BareAttachment:
            values.append(node.attachment)
        elif kind is ir.TokenString:
            values.extend([part for part in node.parts if isinstance(part, ir.Attachment)])
        elif kind is ir.ListValue:
            values.extend(node.items)
        elif kind is ir.DictValue:
            values.extend([item for _, item in node.items])
        elif isinstance(node, ir.GlobalVariable) and node.kind == "ExtensionInput":
            return True
    return False


def template(legacy: bool = False, reads_input: bool = False, build: int | None = None, no_input: bool = False) -> dict[str, object]:
    """The keys of a new shortcut, as plist values; ``legacy``: as the Workflow
    app and its builds before ``FIRST_MODERN_BUILD`` wrote them, which changed
    with ``build``: Shortcuts 2 (before ``FIRST_IOS13_BUILD``) wrote the icon's
    image data, empty without an image; Shortcuts 3 the minimum version, 900, as
    the later builds do.  ``reads_input``: whether the shortcut reads its input,
    which the app records in a key of its own.  ``no_input``: whether it has a
    no-input behaviour, which raises the minimum version the app writes to
    ``NO_INPUT_MINIMUM``."""
    if legacy:
        icon: dict[str, object] = {COLOR_KEY: DEFAULT_COLOR, GLYPH_KEY: DEFAULT_GLYPH}
        keys: dict[str, object] = {}
        if build is not None and build < FIRST_IOS13_BUILD:
            icon[IMAGE_KEY] = b""
        elif build is not None and build < FIRST_MODERN_BUILD:
            keys = {MINIMUM_TEXT_KEY: "900", MINIMUM_KEY: 900}
        return {
            **keys,
            ICON_KEY: icon,
            INPUTS_KEY: list(EVERY_INPUT_WORKFLOW),
            "WFWorkflowTypes": [],
            "WFWorkflowImportQuestions": [],
        }
    minimum = NO_INPUT_MINIMUM if no_input else 900
    return {
        MINIMUM_TEXT_KEY: str(minimum),
        MINIMUM_KEY: minimum,
        ICON_KEY: {COLOR_KEY: DEFAULT_COLOR, GLYPH_KEY: DEFAULT_GLYPH},
        INPUTS_KEY: list(EVERY_INPUT),
        OUTPUTS_KEY: [],
        "WFWorkflowTypes": [],
        "WFQuickActionSurfaces": [],
        "WFWorkflowImportQuestions": [],
        "WFWorkflowHasOutputFallback": False,
        INPUT_VARIABLES_KEY: reads_input,
    }


# --- lower -----------------------------------------------------------------------------


def lower(ctx, header: list) -> tuple[nodes.Stmt | None, list[nodes.Stmt]]:
    """``shortcut(...)`` (None when there is nothing to say) and the statements
    that go last in the file (a long icon image).  The Workflow-era template is
    used when it says the file in fewer words."""
    reads_input = ctx.naming.facts.reads_input  # reads_shortcut_input of the body, from the one walk of the file
    plist = {key: assemble_value(value) for key, value in header}  # asked by both templates
    version = _version_of(header)
    implied = is_old_build(version)  # the key set the version stands for
    try:
        modern = _lower_with(ctx, header, plist, template(False, reads_input, no_input=NO_INPUT_KEY in plist), implied)
        old = _lower_with(ctx, header, plist, template(True, reads_input, build_number(version)), implied)
    finally:
        _image_literals.clear()  # an image may be megabytes: keep none after the file
    # The template the version implies wins a tie: then shortcut() says nothing about it.
    first, second = (old, modern) if implied else (modern, old)
    args, trailer = second if len(second[0]) < len(first[0]) else first
    if not args:
        return None, trailer
    return nodes.ExprStatement(nodes.Call(nodes.Name(HEADER_FUNCTION), args)), trailer


def empty_call() -> nodes.Call:
    """``shortcut()``: a new shortcut's settings."""
    return nodes.Call(nodes.Name(HEADER_FUNCTION), [])


def _lower_with(ctx, header: list, plist: dict, base: dict, implied: bool) -> tuple[list[nodes.Arg], list[nodes.Stmt]]:
    """The keywords that say ``header`` (``plist``: its values assembled) against
    one template, ``base``, and the statements that go last (a long icon image);
    ``implied``: whether the version stands for the Workflow-era template."""
    lifted = dict(header)
    legacy = OUTPUTS_KEY not in base
    args: list[nodes.Arg] = [nodes.Arg(nodes.Name(str(legacy)), LEGACY)] if legacy != implied else []
    trailer: list[nodes.Stmt] = []
    done: set[str] = set()
    for keyword, key in SIMPLE_FIELDS.items():
        if keyword in SHORT_STRINGS and ir.is_str_literal(lifted.get(key)):
            continue  # a string there reads as the short form of another value: **{...} says it
        arg = _field_arg(ctx, keyword, key, plist, lifted, base)
        done.add(key)
        if arg is not None:
            args.append(arg)
    _join_version(args)
    args.extend(_minimum_args(ctx, plist, lifted, base, done))
    behaviour = [arg for arg in args if arg.keyword == "no_input" and arg.value.text != "None"]
    compact_behaviour = _no_input_arg(ctx, lifted.get(NO_INPUT_KEY)) if behaviour else None
    if compact_behaviour is not None:
        args[args.index(behaviour[0])] = compact_behaviour
    written = [arg for arg in args if arg.keyword == "questions" and arg.value.text != "None"]
    compact = _questions_arg(ctx, plist.get(QUESTIONS_KEY)) if written else None
    if compact is not None:
        args[args.index(written[0])] = compact
    for keyword, key in CLASS_FIELDS.items():
        args.extend(_class_args(ctx, keyword, key, plist, lifted, base, done))
    icon_args, trailer = _icon_args(ctx, plist, lifted, base, done)
    args.extend(icon_args)
    raw = [(key, value) for key, value in header if key not in done]
    if raw:
        entries = [(values.string(key), values.lower(ctx, value)) for key, value in raw]
        args.append(nodes.Arg(nodes.DictDisplay(entries), star="**"))
    return args, trailer


def settings_trailer(ctx) -> nodes.Stmt | None:
    """``spelling(...)`` after the body (None when the plain reading is exact): written
    once the body is, since some settings (end_ids) come from writing it."""
    args = _setting_args(ctx)
    return nodes.ExprStatement(nodes.Call(nodes.Name(SETTINGS_FUNCTION), args)) if args else None


def _setting_args(ctx) -> list[nodes.Arg]:
    """The keywords of ``spelling(...)``: how the code spells the file, which are
    no keys of the shortcut (so they stay out of its header)."""
    args = []
    if ctx.naming.display_overrides:
        table = nodes.DictDisplay(
            [(values.string(k), nodes.Name("None") if v is ir.ABSENT else values.string(v)) for k, v in ctx.naming.display_overrides.items()]
        )
        args.append(nodes.Arg(table, OUTPUT_NAMES))
    if ctx.empty_ranges:
        args.append(nodes.Arg(nodes.Name("True"), EMPTY_RANGES))
    if ctx.block_ids:
        kinds = sorted(BLOCK_KINDS[identifier] for identifier in ctx.block_ids)
        args.append(nodes.Arg(nodes.ListDisplay([values.string(kind) for kind in kinds]), BLOCK_IDS))
    if ctx.start_ids:
        rows = [(values.string(BLOCK_KINDS[i]), nodes.ListDisplay([values.lower_scalar(n) for n in numbers])) for i, numbers in ctx.start_ids.items()]
        args.append(nodes.Arg(nodes.DictDisplay(rows), START_IDS))
    if ctx.end_ids:
        rows = [(values.string(BLOCK_KINDS[i]), _end_numbers(ctx, i, numbers)) for i, numbers in ctx.end_ids.items()]
        args.append(nodes.Arg(nodes.DictDisplay(rows), END_IDS))
    if ctx.naming.output_ids is not None:
        level = ctx.naming.output_ids
        args.append(nodes.Arg(nodes.Name("True") if level is True else values.string(level), OUTPUT_IDS))
    if ctx.naming.names_as_shown:
        args.append(nodes.Arg(nodes.Name("True"), NAMES_AS_SHOWN))
    if ctx.naming.tagged_variables:
        args.append(nodes.Arg(nodes.Name("True"), TAGGED_VARIABLES))
    if ctx.legacy_comparisons:
        args.append(nodes.Arg(nodes.Name("True"), LEGACY_COMPARISONS))
    shared = ctx.naming.shared_names()
    if shared:
        args.append(nodes.Arg(nodes.ListDisplay([values.string(name) for name in shared]), SHARED_NAMES))
    sets = shared_groups(ctx.workflow.body)
    if sets:
        rows = [nodes.ListDisplay([values.lower_scalar(n) for n in numbers]) for numbers in sets]
        args.append(nodes.Arg(nodes.ListDisplay(rows), SHARED_GROUPS))
    return args


def _end_numbers(ctx, identifier: str, numbers: list[int]) -> nodes.Expr:
    """``"all"`` when the end of every block of the kind has an id (those no
    statement names get a fresh one); else the numbers of those no statement names."""
    if not ctx.ends_without_id.get(identifier):
        return values.string(ALL_ENDS)
    return nodes.ListDisplay([values.lower_scalar(n) for n in sorted(numbers)])


def shared_groups(body: list) -> list[list[int]]:
    """``shared_groups=[[2, 5]]``: the 2nd and 5th block (in the order the code opens
    them) carry one group id, as an If pasted twice does; compiling gives them one
    fresh id, so the code needs no id to say it."""
    from ..lift import blocks_in_order

    numbers: dict[str, list[int]] = {}
    for number, block in enumerate(blocks_in_order(body), 1):
        numbers.setdefault(block.group_id, []).append(number)
    return [found for found in numbers.values() if len(found) > 1]


NO_INPUT_KEY, NO_INPUT_PREFIX = "WFWorkflowNoInputBehavior", "WFWorkflowNoInputBehavior"


def _no_input_arg(ctx, value) -> nodes.Arg | None:
    """``no_input="ShowError"`` or ``no_input=("AskForInput", {...})`` for the usual shape."""
    if not isinstance(value, ir.DictValue) or len(value.items) != 2:
        return None
    fields = dict(value.items)
    name, parameters = fields.get("Name"), fields.get("Parameters")
    if not ir.is_str_literal(name) or not name.value.startswith(NO_INPUT_PREFIX) or not isinstance(parameters, ir.DictValue):
        return None
    short = name.value[len(NO_INPUT_PREFIX) :]
    if not short:
        return None
    if not parameters.items:
        return nodes.Arg(values.string(short), "no_input")
    return nodes.Arg(nodes.TupleDisplay([values.string(short), *_ask_parameters(ctx, parameters)]), "no_input")


ITEM_CLASS, SERIALIZED = "ItemClass", "SerializedParameters"


def _ask_parameters(ctx, parameters: ir.DictValue) -> list[nodes.Expr]:
    """``"String"`` for ``{"ItemClass": "WFStringContentItem"}``, ``"Date", {...}`` when
    ``SerializedParameters`` follows it; the dict itself for any other shape."""
    fields = dict(parameters.items)
    item_class = fields.get(ITEM_CLASS)
    short = variables.content_class_short(item_class.value) if ir.is_str_literal(item_class) else None
    rest = [key for key, _ in parameters.items if key != ITEM_CLASS]
    if short is None or parameters.items[0][0] != ITEM_CLASS or rest not in ([], [SERIALIZED]):
        return [values.lower(ctx, parameters)]
    if not rest:
        return [values.string(short)]
    serialized = fields[SERIALIZED]
    if not isinstance(serialized, ir.DictValue):
        return [values.lower(ctx, parameters)]  # a string there would read as the item class
    return [values.string(short), values.lower(ctx, serialized)]


def _parse_no_input(ctx, node: ast.expr):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ir.DictValue([("Name", ir.Literal(NO_INPUT_PREFIX + node.value)), ("Parameters", ir.DictValue([]))])
    if isinstance(node, ast.Tuple) and len(node.elts) in (2, 3) and _is_str(node.elts[0]):
        parameters = _parse_ask_parameters(ctx, node)
        return ir.DictValue([("Name", ir.Literal(NO_INPUT_PREFIX + node.elts[0].value)), ("Parameters", parameters)])
    return values.parse(ctx, node)


def _parse_ask_parameters(ctx, node: ast.Tuple) -> ir.DictValue:
    """The parameters of ``(name, "String")``, ``(name, "Date", {...})`` or ``(name, {...})``."""
    rest = node.elts[1:]
    if _is_str(rest[0]):
        fields = [(ITEM_CLASS, ir.Literal(variables.content_class_full(rest[0].value)))]
        if len(rest) == 2:
            serialized = values.parse(ctx, rest[1])
            if not isinstance(serialized, ir.DictValue):
                raise ctx.error(rest[1], "found no_input=(name, type, ...) without a dict, expected (\"AskForInput\", \"Date\", {...})")
            fields.append((SERIALIZED, serialized))
        return ir.DictValue(fields)
    parameters = values.parse(ctx, rest[0])
    if len(rest) != 1 or not isinstance(parameters, ir.DictValue):
        raise ctx.error(node, "found no_input=(name, ...) without a dict, expected (\"AskForInput\", {...}) or (\"AskForInput\", \"String\")")
    return parameters


def _questions_arg(ctx, questions) -> nodes.Arg | None:
    """``questions=[(index, "Key", "Text"[, default]), ...]`` when every question
    has the usual shape (a parameter question of one action)."""
    if not isinstance(questions, list):
        return None
    rows = []
    for question in questions:
        if not isinstance(question, dict) or question.get("Category") != "Parameter":
            return None
        index, key, text = question.get("ActionIndex"), question.get("ParameterKey"), question.get("Text")
        if type(index) is not int or not isinstance(key, str) or not isinstance(text, str):
            return None
        if not set(question) <= {"ActionIndex", "Category", "ParameterKey", "Text", "DefaultValue"}:
            return None
        items = [values.lower_scalar(index), values.string(key), values.string(text)]
        if "DefaultValue" in question:
            from ..lift import lift_value

            items.append(values.lower(ctx, lift_value(question["DefaultValue"])))
        rows.append(nodes.TupleDisplay(items))
    return nodes.Arg(nodes.ListDisplay(rows), "questions")


def _same(a, b) -> bool:
    """Equal as plist values (True is not 1); texts, whole numbers and lists of
    texts, the usual header values, are compared directly."""
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is str or kind is int:
        return a == b
    if kind is list and all(type(item) is str for item in a) and all(type(item) is str for item in b):
        return a == b
    return first_difference(a, b, rename_ids=False) is None


def _field_arg(ctx, keyword: str, key: str, plist: dict, lifted: dict, base: dict) -> nodes.Arg | None:
    if key not in plist:
        return nodes.Arg(nodes.Name("None"), keyword) if key in base else None
    if key in base and _same(plist[key], base[key]):
        return None
    value = plist[key]
    if keyword == "types" and _is_word_list(value):  # types="Watch NCWidget"
        return nodes.Arg(values.string(" ".join(value)), keyword)
    return nodes.Arg(values.lower(ctx, lifted[key]), keyword)


def _join_version(args: list[nodes.Arg]) -> None:
    """``version=("1050.22", "3.0")`` for a build and its release, both given."""
    found = {arg.keyword: arg for arg in args if arg.keyword in ("version", "release")}
    if len(found) == 2 and all(arg.value.text != "None" for arg in found.values()):
        at = args.index(found["version"])
        args[at] = nodes.Arg(nodes.TupleDisplay([found["version"].value, found["release"].value]), "version")
        args.remove(found["release"])


def is_old_build(version) -> bool:
    """Whether a client version names a build that wrote the Workflow-era key set
    (no outputs, surfaces...): the app's builds before ``FIRST_MODERN_BUILD``.
    Such a version implies ``legacy=True``."""
    number = build_number(version)
    return number is not None and number < FIRST_MODERN_BUILD


def build_number(version) -> int | None:
    """The app build a client version names ("1050.22" -> 1050), None when it names
    none; numbers past any build the templates tell apart come out as 10000."""
    if type(version) is int:
        return version if version >= 0 else None  # code spells a negative -n, which reads as no number
    if isinstance(version, str):
        head = version.split(".", 1)[0]
        if not (head.isascii() and head.isdigit()):
            return None
        digits = head.lstrip("0")
        if len(digits) > 4:
            return 10000  # past any old build (and int() refuses thousands of digits)
        return int(digits or "0")
    return None


def _version_of(header: list):
    """The file's client version when it is a plain value (None otherwise or when absent)."""
    for key, value in header:
        if key == VERSION_KEY:
            return value.value if isinstance(value, ir.Literal) else None
    return None


def _is_word_list(value) -> bool:
    """A non-empty list of names without spaces, which one space-separated string says."""
    return isinstance(value, list) and bool(value) and all(type(v) is str and v and v.split() == [v] for v in value)


def _minimum_args(ctx, plist: dict, lifted: dict, base: dict, done: set) -> list[nodes.Arg]:
    # The values are written from their IR: a file may hold any value here, even a variable.
    done.update((MINIMUM_KEY, MINIMUM_TEXT_KEY))
    number, text = plist.get(MINIMUM_KEY), plist.get(MINIMUM_TEXT_KEY)
    args = []
    if number is None:
        if MINIMUM_KEY in base:
            args.append(nodes.Arg(nodes.Name("None"), "min_version"))
    elif MINIMUM_KEY not in base or not _same(number, base[MINIMUM_KEY]):
        args.append(nodes.Arg(values.lower(ctx, lifted[MINIMUM_KEY]), "min_version"))
    implied = str(number) if type(number) is int else None
    if text is None:
        if number is not None and MINIMUM_KEY in base:  # the Workflow-era template writes no string
            args.append(nodes.Arg(nodes.Name("None"), "min_version_string"))
    elif MINIMUM_KEY not in base or not (isinstance(text, str) and text == implied):
        args.append(nodes.Arg(values.lower(ctx, lifted[MINIMUM_TEXT_KEY]), "min_version_string"))
    return args


def _class_args(ctx, keyword: str, key: str, plist: dict, lifted: dict, base: dict, done: set) -> list[nodes.Arg]:
    if key not in plist:
        done.add(key)
        return [nodes.Arg(nodes.Name("None"), keyword)] if key in base else []
    classes = plist[key]
    if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
        return []  # raw
    done.add(key)
    if key in base and _same(classes, base[key]):
        return []
    shorts = [variables.content_class_short(c) for c in classes]
    if None in shorts:
        if all(variables.content_class_full(c) == c for c in classes):
            return [nodes.Arg(values.lower(ctx, lifted[key]), keyword)]
        done.discard(key)
        return []
    if not shorts:
        return [nodes.Arg(nodes.ListDisplay([]), keyword)]
    if keyword == "inputs":
        left_out = _every_input_but(classes)
        if left_out is not None:
            return [nodes.Arg(values.string(ALL_BUT + " ".join(left_out)), keyword)]
    if shorts[:2] == ALL_BUT.split():
        return [nodes.Arg(values.lower(ctx, lifted[key]), keyword)]  # would read as "all but"
    return [nodes.Arg(values.string(" ".join(shorts)), keyword)]


def _every_input_but(classes: list[str]) -> list[str] | None:
    """The short names of the input types a list leaves out of every input type,
    when it is every input type in the app's order but a few (Workflow-era and
    some later files list all but App and Folder): ``inputs="all but App Folder"``.
    None when the list is not such a subsequence or the plain list is as short."""
    listed = set(classes)
    if len(listed) != len(classes) or not listed <= _EVERY_INPUT_SET:
        return None
    if [c for c in EVERY_INPUT if c in listed] != classes:
        return None  # another order: only the plain list says it
    left_out = [variables.content_class_short(c) for c in EVERY_INPUT if c not in listed]
    return left_out if left_out and len(left_out) < len(classes) else None


def _icon_args(ctx, plist: dict, lifted: dict, base: dict, done: set) -> tuple[list[nodes.Arg], list[nodes.Stmt]]:
    icon = plist.get(ICON_KEY)
    if icon is None:
        done.add(ICON_KEY)
        return [nodes.Arg(nodes.Name("None"), "icon")], []
    if not isinstance(icon, dict) or not set(icon) <= {COLOR_KEY, GLYPH_KEY, IMAGE_KEY}:
        return [], []
    color, glyph, image = icon.get(COLOR_KEY), icon.get(GLYPH_KEY), icon.get(IMAGE_KEY)
    if any(v is not None and type(v) is not int for v in (color, glyph)) or (image is not None and not isinstance(image, bytes)):
        return [], []
    done.add(ICON_KEY)
    args, trailer = [], []
    if color is None:
        args.append(nodes.Arg(nodes.Name("None"), "color"))
    elif color != DEFAULT_COLOR:
        name = COLOR_NAMES.get(color)
        args.append(nodes.Arg(values.string(name) if name else values.lower_scalar(color), "color"))
    if glyph is None:
        args.append(nodes.Arg(nodes.Name("None"), "glyph"))
    elif glyph != DEFAULT_GLYPH:
        args.append(nodes.Arg(values.lower_scalar(glyph), "glyph"))
    if [arg.keyword for arg in args] == ["color", "glyph"] and None not in (color, glyph):
        args = [nodes.Arg(nodes.TupleDisplay([arg.value for arg in args]), "icon")]  # icon=("blue", 59511)
    base_image = base[ICON_KEY].get(IMAGE_KEY) if isinstance(base.get(ICON_KEY), dict) else None
    if image is None and base_image is not None:
        args.append(nodes.Arg(nodes.Name("None"), "icon_image"))
    elif image is not None and image != base_image:
        literal = _image_literal(image)
        if len(image) > LONG_IMAGE:
            trailer.append(nodes.ExprStatement(nodes.Call(nodes.Name(ICON_FUNCTION), [nodes.Arg(literal)])))
        else:
            args.append(nodes.Arg(literal, "icon_image"))
    return args, trailer


# id(image) -> (image, its b"..."): both templates write the same image, spelled once.
_image_literals: dict[int, tuple[bytes, nodes.Expr]] = {}


def _image_literal(image: bytes) -> nodes.Expr:
    cached = _image_literals.get(id(image))
    if cached is None or cached[0] is not image:
        cached = _image_literals[id(image)] = (image, values.lower_scalar(image))
    return cached[1]


def ids_trailer(ctx) -> nodes.Stmt:
    """``ids(...)``: the original ids, for an exact round trip with --keep-ids."""
    return _ids_call(_original_ids(ctx))


def kept_ids_trailer(ctx) -> nodes.Stmt | None:
    """Without --keep-ids, ``ids(...)`` with only the ids compiling must not make afresh
    (None when there are none): an id the code also writes as it is (in raw_action({...}),
    with_keys({...})...), which compiling keeps, and an id in two roles (a block's group
    and an action's UUID), which fresh ids would tell apart.  Either way the one
    consistent renaming of the round trip would break."""
    ids = _original_ids(ctx, every_output=False)
    seen: set[str] = set()  # later blocks of one shared group: shared_groups says it
    ids["groups"] = [None if g in seen else seen.add(g) or g for g in ids["groups"]]
    roles = Counter(i for i in _every_id(ids) if i is not None)
    if not roles:
        return None
    literal = ctx.naming.literal_ids()
    kept = ctx.kept_ids = {i for i, count in roles.items() if count > 1 or i in literal}
    if not kept:
        return None
    only = {key: {k: v for k, v in table.items() if v in kept} for key, table in ids.items() if isinstance(table, dict)}
    only["groups"] = _positions(ids["groups"], kept)
    rows = [_positions(row, kept) for row in ids["piece_ids"]]
    while rows and not rows[-1]:
        rows.pop()
    only["piece_ids"] = rows
    return _ids_call(only, all_outputs=False)


def _positions(ids: list[str], kept: set[str]) -> list[str | None]:
    """A list read by position: the kept ids in their places, None (a fresh id) for the others."""
    found = [i if i in kept else None for i in ids]
    while found and found[-1] is None:
        found.pop()
    return found


def _original_ids(ctx, every_output: bool = True) -> dict:
    """Every id compiling would make from a name, by the ids(...) keyword that keeps it;
    without ``every_output``, only outputs a statement names (the end of a block that
    has no statement takes its id among its block's pieces)."""
    naming = ctx.naming
    outputs: dict[str, str] = {}
    assignments: dict[str, int] = {}
    for uuid, name in naming.output_names().items():
        if naming.is_raw_output(uuid):
            continue  # the raw entry writes its id itself
        if uuid in naming.folds:  # a variable assigned several times: one id per assignment
            uses = assignments[name] = assignments.get(name, -1) + 1
            name = f"{name}#{uses}" if uses else name
        if every_output or ctx.is_written(uuid) or uuid in naming.appended:
            outputs[name] = uuid
    outputs.update({label: uuid for uuid, label in naming.missing_labels().items()})
    return {
        "outputs": outputs,
        "groups": list(naming.block_groups),
        "piece_ids": [list(ids) for ids in ctx.piece_ids],
        "variable_ids": naming.variable_ids(),
        "group_labels": {label: gid for gid, label in naming.group_labels().items()},
    }


def _every_id(ids: dict):
    """Each id once per role it has (a name, a block, a piece, a label)."""
    for key, table in ids.items():
        if key == "piece_ids":
            yield from (i for row in table for i in row)
        else:
            yield from (table.values() if isinstance(table, dict) else table)


def _ids_call(ids: dict, all_outputs: bool = True) -> nodes.Stmt:
    """``ids(outputs={...}, ...)``: each keyword that has ids (outputs, even empty, when they are all there)."""
    args = [nodes.Arg(_string_table(ids["outputs"]), "outputs")] if all_outputs or ids["outputs"] else []
    if ids["groups"]:
        args.append(nodes.Arg(_id_list(ids["groups"]), "groups"))
    if ids["piece_ids"]:
        args.append(nodes.Arg(nodes.ListDisplay([_id_list(row) for row in ids["piece_ids"]]), "piece_ids"))
    if ids["variable_ids"]:
        args.append(nodes.Arg(_string_table(ids["variable_ids"]), "variable_ids"))
    if ids["group_labels"]:
        args.append(nodes.Arg(_string_table(ids["group_labels"]), "group_labels"))
    return nodes.ExprStatement(nodes.Call(nodes.Name(IDS_FUNCTION), args))


def _id_list(ids: list[str | None]) -> nodes.ListDisplay:
    return nodes.ListDisplay([nodes.Name("None") if i is None else values.string(i) for i in ids])


def _string_table(mapping: dict[str, str]) -> nodes.DictDisplay:
    return nodes.DictDisplay([(values.string(k), values.string(v)) for k, v in mapping.items()])


# --- parse -----------------------------------------------------------------------------


class HeaderSettings:
    """What ``spelling(...)`` says: the code's settings, which are no plist keys."""

    def __init__(self):
        self.output_names: dict[str, str] = {}
        self.empty_ranges = False
        self.shared_names: frozenset[str] = frozenset()
        self.block_ids: frozenset[str] = frozenset()  # block identifiers
        self.start_ids: dict[str, frozenset[int]] = {}  # block identifier -> numbers of its blocks
        self.end_ids: dict[str, frozenset[int] | str] = {}  # block identifier -> numbers of its blocks, or ALL_ENDS
        self.output_ids: bool | str = False  # True, or EVERY_ACTION ("all")
        self.names_as_shown = False
        self.tagged_variables = False
        self.legacy_comparisons = False
        self.shared_groups: dict[int, int] = {}  # block number -> the first block of its shared group


def _read_block_numbers(ctx, keyword: ast.keyword, all_allowed: bool = False) -> dict:
    """``{"if": [1, 3]}`` (start_ids, end_ids), or ``{"if": "all"}`` where ``all_allowed``."""
    node = keyword.value
    found: dict = {}
    for kind, numbers in zip(node.keys, node.values) if isinstance(node, ast.Dict) else ():
        if not (_is_str(kind) and kind.value in KIND_BLOCKS):
            break
        if all_allowed and _is_str(numbers) and numbers.value == ALL_ENDS:
            found[KIND_BLOCKS[kind.value]] = ALL_ENDS
            continue
        items = numbers.elts if isinstance(numbers, ast.List) else None
        if items is None or not all(isinstance(n, ast.Constant) and type(n.value) is int and n.value > 0 for n in items):
            break
        found[KIND_BLOCKS[kind.value]] = frozenset(n.value for n in items)
    else:
        if isinstance(node, ast.Dict):
            return found
    example = '{"if": [1, 3]} or {"if": "all"}' if all_allowed else '{"if": [1, 3]}'
    raise ctx.error(keyword, f"found {keyword.arg} that is not a dict of block kinds to block numbers, expected e.g. {example} with kinds {sorted(KIND_BLOCKS)}")


def _read_shared_groups(ctx, keyword: ast.keyword) -> dict[int, int]:
    node, found = keyword.value, {}
    rows = node.elts if isinstance(node, ast.List) else [None]
    for row in rows:
        items = row.elts if isinstance(row, ast.List) else []
        numbers = [n.value for n in items if isinstance(n, ast.Constant) and type(n.value) is int and n.value > 0]
        if len(numbers) < 2 or len(numbers) != len(items) or any(n in found for n in numbers):
            raise ctx.error(keyword, "found shared_groups that is not a list of lists of block numbers, expected e.g. [[2, 5]]")
        found.update((n, min(numbers)) for n in numbers)
    return found


def read_settings(ctx, call: ast.Call | None) -> HeaderSettings:
    """What ``spelling(...)`` says, read before the body (which depends on it)."""
    settings = HeaderSettings()
    if call is not None and call.args:
        raise ctx.error(call.args[0], f"found {SETTINGS_FUNCTION}(...) with a positional argument, expected keywords: {', '.join(sorted(SETTINGS))}")
    for keyword in call.keywords if call is not None else ():
        if keyword.arg not in SETTINGS:
            raise ctx.error(keyword, f"found {SETTINGS_FUNCTION}({keyword.arg or '**'}=...), expected one of {', '.join(sorted(SETTINGS))}")
        if keyword.arg == OUTPUT_NAMES:
            table = keyword.value
            pairs = zip(table.keys, table.values) if isinstance(table, ast.Dict) else None
            if pairs is None or not all(_is_str(k) and (_is_str(v) or _is_none(v)) for k, v in zip(table.keys, table.values)):
                raise ctx.error(keyword, "found output_names that is not a dict of strings, expected {name: display name or None}")
            settings.output_names = {k.value: ir.ABSENT if _is_none(v) else v.value for k, v in zip(table.keys, table.values)}
        elif keyword.arg == SHARED_NAMES:
            node = keyword.value
            if not (isinstance(node, ast.List) and all(_is_str(item) for item in node.elts)):
                raise ctx.error(keyword, "found shared_names that is not a list of strings, expected [\"name\", ...]")
            settings.shared_names = frozenset(item.value for item in node.elts)
        elif keyword.arg == BLOCK_IDS:
            node = keyword.value
            kinds = {item.value for item in node.elts if _is_str(item)} if isinstance(node, ast.List) else None
            if kinds is None or len(kinds) != len(node.elts) or not kinds <= set(KIND_BLOCKS):
                raise ctx.error(keyword, f"found block_ids that is not a list of block kinds, expected some of {sorted(KIND_BLOCKS)}")
            settings.block_ids = frozenset(KIND_BLOCKS[kind] for kind in kinds)
        elif keyword.arg == START_IDS:
            settings.start_ids = _read_block_numbers(ctx, keyword)
        elif keyword.arg == END_IDS:
            settings.end_ids = _read_block_numbers(ctx, keyword, all_allowed=True)
        elif keyword.arg == SHARED_GROUPS:
            settings.shared_groups = _read_shared_groups(ctx, keyword)
        elif keyword.arg == OUTPUT_IDS and _is_str(keyword.value) and keyword.value.value == EVERY_ACTION:
            settings.output_ids = EVERY_ACTION
        elif keyword.arg in (EMPTY_RANGES, NAMES_AS_SHOWN, TAGGED_VARIABLES, LEGACY_COMPARISONS, OUTPUT_IDS):
            if not (isinstance(keyword.value, ast.Constant) and type(keyword.value.value) is bool):
                raise ctx.error(keyword, f"found {keyword.arg} that is not True or False")
            setattr(settings, keyword.arg, keyword.value.value)
    return settings


def parse(ctx, call: ast.Call | None, icon_image: ast.Call | None, body: list = ()) -> list:
    """The top-level keys of ``shortcut(...)`` (None: a new shortcut's) and ``icon_image(...)``."""
    legacy, build = _is_legacy(ctx, call)
    reads_input = ctx.globals_read and reads_shortcut_input(body)
    no_input = not legacy and _says_no_input(call)
    base = template(legacy, reads_input, build, no_input)
    result: dict[str, object] = dict(_lifted_template(legacy, reads_input, build, no_input))
    icon = dict(base[ICON_KEY])
    icon_touched = False
    minimum_text: object = ...
    for keyword in call.keywords if call is not None else ():
        name, node = OLD_KEYWORDS.get(keyword.arg, keyword.arg), keyword.value
        is_none = isinstance(node, ast.Constant) and node.value is None
        if name is None:
            from .values import parse_plain_dict

            if not isinstance(node, ast.Dict):
                raise ctx.error(keyword, "found ** with something other than a dict, expected **{\"Key\": value}")
            for key, value in parse_plain_dict(ctx, node).items:
                # In the order written, after the template's keys, even a key the template
                # has: lowering writes these extras in the file's order, so the code reads
                # back as itself.
                result.pop(key, None)
                result[key] = value
        elif name == "questions" and not is_none:
            result[QUESTIONS_KEY] = _parse_questions(ctx, node)
        elif name == "no_input" and not is_none:
            result[NO_INPUT_KEY] = _parse_no_input(ctx, node)
        elif name == "types" and isinstance(node, ast.Constant) and isinstance(node.value, str):
            result[SIMPLE_FIELDS[name]] = ir.ListValue([ir.Literal(word) for word in node.value.split()])
        elif name == "version" and isinstance(node, ast.Tuple):
            if len(node.elts) != 2:
                raise ctx.error(keyword, "found version=(...) that is not a pair, expected version=(build, release), e.g. (\"1050.22\", \"3.0\")")
            result[VERSION_KEY], result[RELEASE_KEY] = (values.parse(ctx, element) for element in node.elts)
        elif name in SIMPLE_FIELDS:
            _set(result, SIMPLE_FIELDS[name], None if is_none else values.parse(ctx, node))
        elif name in CLASS_FIELDS:
            _set(result, CLASS_FIELDS[name], None if is_none else _parse_classes(ctx, node, name))
        elif name == "min_version":
            _set(result, MINIMUM_KEY, None if is_none else values.parse(ctx, node))
        elif name == "min_version_string":
            minimum_text = None if is_none else values.parse(ctx, node)
        elif name in ("color", "glyph", "icon_image"):
            icon_touched = True
            key = {"color": COLOR_KEY, "glyph": GLYPH_KEY, "icon_image": IMAGE_KEY}[name]
            icon[key] = None if is_none else _icon_value(ctx, name, node)
        elif name == "icon" and isinstance(node, ast.Tuple) and len(node.elts) == 2:
            icon_touched = True  # icon=(colour, glyph)
            icon[COLOR_KEY] = _icon_value(ctx, "color", node.elts[0])
            icon[GLYPH_KEY] = _icon_value(ctx, "glyph", node.elts[1])
        elif name == "icon":
            if not is_none:
                raise ctx.error(keyword, "found icon=..., expected icon=None or icon=(colour, glyph) (set icon_image= on its own)")
            result.pop(ICON_KEY, None)
        elif name in SETTINGS:
            raise ctx.error(keyword, f"found shortcut({name}=...), a setting of the code, expected it after the body as {SETTINGS_FUNCTION}({name}=...)")
        elif name != LEGACY:
            raise ctx.error(keyword, f"found shortcut({name}=...), which is not a header setting; expected one of {', '.join(sorted(KEYWORDS))}, or **{{\"Key\": value}}")
    if icon_image is not None:
        icon_touched = True
        icon[IMAGE_KEY] = _icon_value(ctx, "icon_image", _only_argument(ctx, icon_image))
    if icon_touched:
        if ICON_KEY not in result:
            raise ctx.error(call, "found icon settings with icon=None")
        result[ICON_KEY] = ir.DictValue([(k, v if isinstance(v, ir.Literal) else ir.Literal(v)) for k, v in icon.items() if v is not None])
    _minimum_text(result, minimum_text, MINIMUM_KEY not in base)
    return [(key, value) for key, value in result.items() if value is not None]


@functools.lru_cache(maxsize=64)
def _lifted_template(legacy: bool, reads_input: bool, build: int | None, no_input: bool) -> tuple[tuple[str, ir.Value], ...]:
    """``template`` as IR values, made once: nothing changes them in place (a keyword
    replaces a value), and files compiled start from a few of these."""
    return tuple((key, _lift(value)) for key, value in template(legacy, reads_input, build, no_input).items())


def _says_no_input(call: ast.Call | None) -> bool:
    """Whether the header gives the shortcut a no-input behaviour, by its keyword
    or among its other keys (``**{...}``), as lowering finds the key in the file."""
    for keyword in call.keywords if call is not None else ():
        if keyword.arg == "no_input":
            return not _is_none(keyword.value)
        if keyword.arg is None and isinstance(keyword.value, ast.Dict):
            for key, value in zip(keyword.value.keys, keyword.value.values):
                if isinstance(key, ast.Constant) and key.value == NO_INPUT_KEY and not _is_none(value):
                    return True
    return False


def _is_legacy(ctx, call: ast.Call | None) -> tuple[bool, int | None]:
    """(``legacy=...`` when given, else what the version implies; the version's build)."""
    version, legacy = None, None
    for keyword in call.keywords if call is not None else ():
        if keyword.arg == LEGACY:
            if not (isinstance(keyword.value, ast.Constant) and type(keyword.value.value) is bool):
                raise ctx.error(keyword, "found legacy that is not True or False")
            legacy = keyword.value.value
        if keyword.arg == "version":
            node = keyword.value.elts[0] if isinstance(keyword.value, ast.Tuple) and keyword.value.elts else keyword.value
            version = node.value if isinstance(node, ast.Constant) else None
    return (is_old_build(version) if legacy is None else legacy), build_number(version)


def _parse_questions(ctx, node: ast.expr) -> ir.ListValue:
    """Import questions: a tuple (index, "Key", "Text"[, default]) is a parameter question."""
    if not isinstance(node, ast.List):
        return values.parse(ctx, node)
    rows = []
    for item in node.elts:
        if not isinstance(item, ast.Tuple):
            rows.append(values.parse(ctx, item))
            continue
        if len(item.elts) not in (3, 4):
            raise ctx.error(item, "found a question that is not (index, \"Key\", \"Text\"[, default])")
        parts = [values.parse(ctx, element) for element in item.elts]
        fields = [("ActionIndex", parts[0]), ("Category", ir.Literal("Parameter")), ("ParameterKey", parts[1]), ("Text", parts[2])]
        if len(parts) == 4:
            fields.append(("DefaultValue", parts[3]))
        rows.append(ir.DictValue(fields))
    return ir.ListValue(rows)


def _set(result: dict, key: str, value) -> None:
    if value is None:
        result.pop(key, None)
    else:
        result[key] = value


def _minimum_text(result: dict, given, number_alone: bool) -> None:
    """The minimum version string: as given, else the number's own text (the
    template writes both), or nothing where the template's app wrote the number alone."""
    if given is not ...:
        _set(result, MINIMUM_TEXT_KEY, given)
        return
    if number_alone:
        return
    number = result.get(MINIMUM_KEY)
    if number is None:
        result.pop(MINIMUM_TEXT_KEY, None)
    elif isinstance(number, ir.Literal) and type(number.value) is int:
        result[MINIMUM_TEXT_KEY] = ir.Literal(str(number.value))


def _parse_classes(ctx, node: ast.expr, keyword: str = "") -> ir.ListValue:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = node.value.split()
        if keyword == "inputs" and words[:2] == ALL_BUT.split():
            left_out = {variables.content_class_full(name) for name in words[2:]}
            if not left_out <= set(EVERY_INPUT):
                raise ctx.error(node, f"found inputs=\"all but ...\" naming another type than the app's input types ({', '.join(variables.content_class_short(c) for c in EVERY_INPUT)})")
            return ir.ListValue([ir.Literal(c) for c in EVERY_INPUT if c not in left_out])
        return ir.ListValue([ir.Literal(variables.content_class_full(name)) for name in words])
    value = values.parse(ctx, node)
    if not isinstance(value, ir.ListValue) or not all(ir.is_str_literal(item) for item in value.items):
        raise ctx.error(node, "found content classes that are not text, expected \"String URL\" or a list of names")
    return ir.ListValue([ir.Literal(variables.content_class_full(item.value)) for item in value.items])


def _icon_value(ctx, name: str, node: ast.expr):
    value = values.parse(ctx, node)
    if name == "color" and ir.is_str_literal(value):
        if value.value not in PALETTE:
            raise ctx.error(node, f"found the colour {value.value!r}, expected one of {', '.join(PALETTE)} or a number")
        return ir.Literal(PALETTE[value.value])
    expected = bytes if name == "icon_image" else int
    if not (isinstance(value, ir.Literal) and type(value.value) is expected):
        raise ctx.error(node, f"found {name}= of another type, expected {'bytes' if expected is bytes else 'a whole number'}")
    return value


def _only_argument(ctx, call: ast.Call) -> ast.expr:
    from .values import single_argument

    return single_argument(ctx, call, ICON_FUNCTION)


def _lift(value) -> ir.Value:
    from ..lift import lift_value

    return lift_value(value)


def _is_none(node) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _is_str(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def read_ids(ctx, call: ast.Call) -> dict:
    """``ids(outputs={...}, groups=[...], group_labels={...})``."""
    found: dict = {}
    for keyword in call.keywords:
        node = keyword.value
        if keyword.arg in ("outputs", "group_labels", "variable_ids") and isinstance(node, ast.Dict) and all(_is_str(k) and _is_str(v) for k, v in zip(node.keys, node.values)):
            found[keyword.arg] = {k.value: v.value for k, v in zip(node.keys, node.values)}
        elif keyword.arg == "groups" and _is_id_list(node):
            found["groups"] = _id_list_value(node)
        elif keyword.arg == "piece_ids" and isinstance(node, ast.List) and all(_is_id_list(r) for r in node.elts):
            found["piece_ids"] = [_id_list_value(r) for r in node.elts]
        else:
            raise ctx.error(keyword, f"found ids({keyword.arg}=...), expected outputs={{...}}, groups=[...] or group_labels={{...}}")
    return found


def _is_id_list(node: ast.expr) -> bool:
    """A list of ids by position; None keeps no id there (compiling makes a fresh one)."""
    return isinstance(node, ast.List) and all(_is_str(v) or _is_none(v) for v in node.elts)


def _id_list_value(node: ast.List) -> list[str | None]:
    return [None if _is_none(v) else v.value for v in node.elts]

