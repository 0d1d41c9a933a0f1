"""Names for one workflow's outputs, variables, loops and groups (decompiling).

Every rule here has its inverse in the compiler, so the same code gives the
same plist back:

* An output is named after its ``CustomOutputName`` when that is a usable
  Python name (compiling records a chosen name there again), else after the
  name references give it (the most used ``OutputName``), else after the
  catalog's output name, as ``contents_of_url``; made unique with ``_2``...
* A reference whose ``OutputName`` is not the output's default display name
  is recorded in the header's ``output_names`` table (or, for a minority
  spelling, on the reference itself: ``x.shown_as("...")``).
* An output nothing reads takes no name when its id can go unsaid: a block
  end's (``spelling(end_ids=...)``), or any action's where every action of
  its kind carries an id (``spelling(output_ids=...)``); compiling then gives
  those actions fresh ids.
* A Shortcuts variable is written as a bare name when it is a plain Python
  name that some statement of the file assigns (Set Variable, Append to
  Variable); otherwise as ``var("Name")``.
* Loop variables are ``item`` / ``index`` (``item_2`` inside a second loop).
"""

from __future__ import annotations

import builtins
import re
from collections import Counter

from . import catalog, names
from .compare import ID_KEYS
from .lift import block_ids_style, start_ids_style
from .ir import (
    ABSENT,
    APPEND_VARIABLE,
    BLOCK_OUTPUT_NAMES,
    COMMENT,
    REPEAT_COUNT,
    REPEAT_EACH,
    SET_VARIABLE,
    Action,
    Attachment,
    BareAttachment,
    Block,
    DictValue,
    GroupRef,
    ListValue,
    NamedVariable,
    GlobalVariable,
    OutputRef,
    RawAction,
    Statement,
    TokenAttachment,
    TokenString,
    Workflow,
    is_str_literal,
)

_BUILTINS = frozenset(dir(builtins))
LIST_ACTION = "is.workflow.actions.list"
CUSTOM_NAME_KEY = "CustomOutputName"
# Conversions written as Python's builtins (see constructs.variables).
_BUILTIN_CLASSES = frozenset({"WFStringContentItem", "WFNumberContentItem", "WFDictionaryContentItem", "WFBooleanContentItem"})
VARIABLE_ID_KEY = "VariableUUID"


def default_display(action: Action, block_identifier: str | None) -> str | None:
    """The OutputName references get when nothing renames the output."""
    custom = action.param(CUSTOM_NAME_KEY)
    if is_str_literal(custom):
        return custom.value
    return standard_display(action, block_identifier)


def standard_display(action: Action, block_identifier: str | None) -> str | None:
    """The output's name before any renaming: the block's result or the catalog's name."""
    if block_identifier is not None:
        return BLOCK_OUTPUT_NAMES[block_identifier]
    return catalog.output_name(action.identifier)


def standard_base(action: Action, block_identifier: str | None) -> str:
    display = standard_display(action, block_identifier)
    return names.output_base_name(display or action.identifier.rsplit(".", 1)[-1])


def is_standard_name(name: str, action: Action, block_identifier: str | None) -> bool:
    """True when ``name`` is what an unrenamed output of this action is called
    (its base name, or the base name made unique: ``text_2``)."""
    base = standard_base(action, block_identifier)
    if name == base:
        return True
    return name.startswith(base + "_") and re.fullmatch(r"[1-9]\d*", name[len(base) + 1 :]) is not None


_SUFFIX = re.compile(r"_[1-9][0-9]*$")  # the _2 that makes a name unique


def shown_display(name: str) -> str:
    """The shown name a code name spells (``Objekt_aus_Liste_2`` -> "Objekt aus Liste")."""
    return _SUFFIX.sub("", name).replace("_", " ")


def usable_variable_name(name: str) -> bool:
    """A Shortcuts variable name that can stand in code as itself."""
    return names.is_plain_name(name) and name not in _BUILTINS and not name.startswith("_") and name != "_"


class FileFacts:
    """What one walk over a workflow finds that no choice of folds changes: the
    references, variables, outputs and groups Naming starts from, and the file-wide
    votes of the header (the shortcut's input read, empty ranges, literal ids).
    Made once per file and shared by every lowering pass (lower_workflow may
    lower a file again with some folds undone), so the values are walked once."""

    def __init__(self, workflow: Workflow, *, name_every_output: bool = False, plain_keywords: bool = False):
        """``name_every_output``: the caller's choice that every output nothing reads
        keeps its name (kept ids, a dialect that names all); ``plain_keywords``: that
        a parameter is written by its keyword name (``prompt=``), not its key
        (a dialect that keeps the keys does not want it).  Both shared by every pass."""
        self.workflow = workflow
        self.name_every_output = name_every_output
        self.plain_keywords = plain_keywords
        self.references: dict[str, Counter] = {}  # output id -> Counter of the OutputNames reading it
        self.variables: set[str] = set()  # every Shortcuts variable name the file mentions
        self.first: dict[str, tuple[Action, str | None]] = {}  # output id -> its action (first carrier), block kind of an end
        self.shared: set[str] = set()  # ids that several actions carry
        self.raw_outputs: dict[int, Action] = {}  # id() of a raw entry -> the output it stands for
        self.raw_ids: set[str] = set()
        self.variable_ids: dict[str, set[str]] = {}  # Workflow-era VariableUUIDs, per variable name
        self.looked_into: set[str] = set()  # outputs some reference reads a Shortcuts property of
        self.variable_sources: dict[str, set[str]] = {}  # variable -> outputs set into it
        self.group_labels: dict[str, str] = {}
        self.stored_variables: set[str] = set()  # variables some statement assigns in code
        self.set_once: set[str] = set()  # variables one Set Variable outside loops sets, and nothing else
        self._setters: Counter = Counter()  # variable -> its Set / Append to Variable actions
        self.called: set[str | None] = set()  # call names of every action (no output may shadow them)
        self.reads_input = False  # some action reads the shortcut's input (header.reads_shortcut_input)
        self.loop_reads: dict[int, set[str]] = {}  # id() of a loop body -> the variables read inside it
        self.tagged_variables = tagged_variables_style(workflow.body)
        self._looked_into_variables: set[str] = set()
        self._literal_dict_ids: set[str] = set()  # ids under id keys of dictionaries and parameters
        self._literal_attachments: list[Attachment] = []  # attachments whose ids literal_ids judges
        self._empty_range_votes = 0
        self._literal_ids: set[str] | None = None
        self.output_plans: dict[str, tuple] | None = None  # see Naming._plan_outputs
        self._other_ids: set[str] | None = None  # see unsaid_id
        self._id_level: bool | str | None = None  # see id_level
        self._plain: list[Action] | None = None  # the actions outside block pieces (see is_plain)
        self._plain_ids: set[int] = set()
        self._walk_file(workflow)
        self.empty_ranges = self._empty_range_votes > 0
        for name in self._looked_into_variables:
            self.looked_into.update(self.variable_sources.get(name, ()))
        self.set_once = {name for name in self.set_once if self._setters[name] == 1}
        self.block_ids = block_ids_style(workflow.body)
        self.start_ids = start_ids_style(workflow.body, self.block_ids)

    # --- the walk

    def _walk_file(self, workflow: Workflow) -> None:
        for _, value in workflow.header:
            self._walk_value(value, None)
        self._literal_dict_ids.update(_ids_among(workflow.header))
        pieces = {id(piece) for piece in block_pieces(workflow.body)}
        self._walk_body(workflow.body, pieces, [])
        self._collect_raw_outputs(workflow.body)

    def _walk_body(self, body: list[Statement], pieces: set[int], loops: list[set[str]]) -> None:
        """Every action in walk_actions order; ``loops``: the read sets of the loop bodies around."""
        for statement in body:
            if isinstance(statement, Action):
                self._action(statement, None, pieces, loops)
            elif isinstance(statement, Block):
                self._action(statement.start, None, pieces, loops)
                looped = statement.identifier in (REPEAT_EACH, REPEAT_COUNT)
                for index, section in enumerate(statement.sections):
                    if section.opener is not None:
                        self._action(section.opener, None, pieces, loops)
                    if looped and index == 0:
                        reads = self.loop_reads[id(section.body)] = set()
                        self._walk_body(section.body, pieces, loops + [reads])
                    else:
                        self._walk_body(section.body, pieces, loops)
                self._action(statement.end, statement.identifier, pieces, loops)
            elif isinstance(statement, RawAction):
                self._action(Action("", [("", statement.value)]), None, pieces, loops)

    def _action(self, action: Action, block_identifier: str | None, pieces: set[int], loops: list[set[str]]) -> None:
        uuid = action.uuid
        if uuid is not None and id(action) not in pieces:
            if uuid in self.first:
                self.shared.add(uuid)
            else:
                self.first[uuid] = (action, block_identifier)
        if action.identifier in (SET_VARIABLE, APPEND_VARIABLE):
            name = action.param("WFVariableName")
            if is_str_literal(name):
                self.variables.add(name.value)
                self._setters[name.value] += 1
                if action.identifier == SET_VARIABLE and not loops:
                    self.set_once.add(name.value)
                if stores_variable(action, self.tagged_variables):
                    self.stored_variables.add(name.value)
                source = action.param("WFInput")
                if isinstance(source, TokenAttachment) and isinstance(source.attachment.base, OutputRef):
                    self.variable_sources.setdefault(name.value, set()).add(source.attachment.base.uuid)
        self.called.add(catalog.call_name(action.identifier))
        self._literal_dict_ids.update(_ids_among(action.params))
        for _, value in action.params:
            self._walk_value(value, loops)

    def _walk_value(self, value, loops: list[set[str]] | None) -> None:
        """Every node walk_value meets, in its order; ``loops`` is None in the header
        (whose values count for names, not for the body's votes)."""
        stack = [value]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ListValue:
                stack.extend(reversed(node.items))
            elif kind is DictValue:
                stack.extend(item for _, item in reversed(node.items))
                self._literal_dict_ids.update(_ids_among(node.items))
            elif kind is TokenAttachment or kind is BareAttachment:
                stack.append(node.attachment)
            elif kind is TokenString:
                attachments = [part for part in node.parts if isinstance(part, Attachment)]
                if not attachments and loops is not None:
                    # The file's text style is what most texts without variables do (a
                    # count, not the first met: compiling writes keys in the catalog's order).
                    self._empty_range_votes += 1 if node.has_ranges else -1
                stack.extend(reversed(attachments))
            elif kind is Attachment:
                self._collect_attachment(node)
                stack.extend(_attachment_nodes(node))
            elif kind is OutputRef:
                self.references.setdefault(node.uuid, Counter())[node.output_name] += 1
            elif kind is NamedVariable:
                self.variables.add(node.name)
                for reads in loops or ():
                    reads.add(node.name)
            elif kind is GroupRef:
                if node.group_id not in self.group_labels:
                    self.group_labels[node.group_id] = f"g{len(self.group_labels) + 1}"
            elif kind is GlobalVariable:
                if node.kind == "ExtensionInput" and loops is not None:
                    self.reads_input = True

    def _collect_attachment(self, attachment: Attachment) -> None:
        base = attachment.base
        if not _python_steps_only(attachment):
            if isinstance(base, OutputRef):
                self.looked_into.add(base.uuid)
            elif isinstance(base, NamedVariable):
                self._looked_into_variables.add(base.name)
        if isinstance(base, NamedVariable):
            for key, item in attachment.extra:
                if key == VARIABLE_ID_KEY and is_str_literal(item):
                    self.variable_ids.setdefault(base.name, set()).add(item.value)
        if attachment.extra or attachment.aggrandizements:
            self._literal_attachments.append(attachment)

    def _collect_raw_outputs(self, body: list[Statement]) -> None:
        """A raw entry whose parameters carry a UUID that something reads is an output:
        it is assigned to a name (``text = raw_action({...})``) and read by that name, so
        its reads keep the UUID the entry writes.  An id some action already carries stays
        that action's."""
        for raw in _raw_entries(body):
            output = raw_output(raw)
            if output is not None and output.uuid in self.references and output.uuid not in self.first:
                self.first[output.uuid] = (output, None)
                self.raw_outputs[id(raw)] = output
                self.raw_ids.add(output.uuid)

    # --- questions

    def id_level(self) -> bool | str | None:
        """Which actions outside block pieces all carry an id, read or not, as the app
        writes most files: EVERY_ACTION (every kind but Comment), True (every kind that
        gives an output), or None.  spelling(output_ids=...) then says so once, and an
        unread output needs no name."""
        if self._id_level is None:
            plain = self._plain_actions()
            if all(action.uuid is not None for action in plain if carries_an_id(action.identifier, EVERY_ACTION)):
                self._id_level = EVERY_ACTION
            elif all(action.uuid is not None for action in plain if carries_an_id(action.identifier, True)):
                self._id_level = True
            else:
                self._id_level = False
        return self._id_level or None

    def is_plain(self, action: Action) -> bool:
        """Whether an action stands on its own in a body (no block's piece)."""
        self._plain_actions()
        return id(action) in self._plain_ids

    def _plain_actions(self) -> list[Action]:
        if self._plain is None:
            self._plain = list(plain_actions(self.workflow.body))
            self._plain_ids = {id(action) for action in self._plain}
        return self._plain

    def unsaid_id(self, uuid: str) -> bool:
        """Whether an output's id can go unsaid (compiling makes a fresh one): it has
        no other role in the file, as another action's output, a block piece's or a
        group's id, a Workflow-era variable's, or an id the code writes as it is."""
        if self._other_ids is None:
            from .lift import blocks_in_order

            body = self.workflow.body
            found = {piece.uuid for piece in block_pieces(body) if piece.uuid is not None}
            found.update(block.group_id for block in blocks_in_order(body))
            for ids in self.variable_ids.values():
                found.update(ids)
            found.update(self.group_labels)  # group ids that actions outside blocks carry
            self._other_ids = found | self.literal_ids()
        return uuid not in self.shared and uuid not in self._other_ids

    def variable_id(self, name: str) -> str | None:
        """The one VariableUUID the file gives variable ``name``, if it gives exactly one."""
        found = self.variable_ids.get(name)
        return next(iter(found)) if found is not None and len(found) == 1 else None

    def literal_ids(self) -> set[str]:
        """The ids the code writes as they are, so compiling keeps them: a string under
        an id key (UUID, OutputUUID...) that no construct reads as a reference, such as
        in raw_action({...}) or with_keys({...}).  A Workflow-era VariableUUID written
        with_id() is the variable's, not literal."""
        if self._literal_ids is None:
            found = set(self._literal_dict_ids)
            for attachment in self._literal_attachments:
                found.update(self._literal_ids_of(attachment))
            self._literal_ids = found
        return self._literal_ids

    def _literal_ids_of(self, attachment: Attachment) -> set[str]:
        extra = attachment.extra
        if isinstance(attachment.base, NamedVariable):
            known = self.variable_id(attachment.base.name)
            extra = [(k, v) for k, v in extra if not (k == VARIABLE_ID_KEY and is_str_literal(v) and v.value == known)]
        found = _ids_among(extra)
        for step in attachment.aggrandizements or ():
            found.update(_ids_among(step.fields))
        return found


class Naming:
    """Names for every output, variable and group of one workflow."""

    def __init__(
        self, workflow: Workflow, unfolded: frozenset[str] = frozenset(), inline_lists: bool = True,
        stated_lists: frozenset[str] = frozenset(), facts: FileFacts | None = None, keep_ids: bool = False,
    ):
        facts = self.facts = facts if facts is not None else FileFacts(workflow, name_every_output=keep_ids)
        self.workflow = workflow
        self.folds: dict[str, str] = {}  # output id -> the variable its Set / Append to Variable stores it in
        self.folded_setters: set[int] = set()  # id() of statements written with a neighbour (see _find_folds)
        self.inlined_lists: dict[str, Action] = {}  # output id -> a List action written in the loop it feeds
        self._inline_lists = inline_lists
        self._keep_ids = keep_ids
        self.unnamed_ends: set[str] = set()  # ids of block ends no statement names (see _unnamed_end)
        self.unnamed_outputs: set[str] = set()  # ids of unread outputs spelling(output_ids=...) says (see _unnamed_output)
        self.output_ids: bool | str | None = None  # what spelling(output_ids=...) says, if anything
        self._stated_lists = stated_lists  # ids of List actions that keep their statement
        self.appended: set[str] = set()  # the outputs of folds that append (`Items += [5]`)
        self._output_names: dict[str, str] = {}  # uuid -> code name
        self._displays: dict[str, str | None] = {}  # uuid -> the OutputName references use
        self.display_overrides: dict[str, str] = {}  # code name -> OutputName (header table)
        self._custom_named: set[str] = set()  # uuids named verbatim after their CustomOutputName
        self._missing: dict[str, str] = {}  # uuid -> label, in code order
        self.block_groups: list[str] = []
        self._next_number: dict[str, int] = {}  # base -> where _unique resumes (taken names stay taken)
        self._loop_names: dict[tuple[str, int], str] = {}
        # What the walk found (read only here).
        self._group_labels = facts.group_labels
        self.stored_variables = facts.stored_variables
        self._shared = facts.shared
        self._raw_outputs = facts.raw_outputs
        self._raw_ids = facts.raw_ids
        self._variable_ids = facts.variable_ids
        self._looked_into = facts.looked_into
        self._first = facts.first
        self.tagged_variables = facts.tagged_variables
        references = facts.references
        self.taken = {name for name in facts.variables if usable_variable_name(name)}
        self.taken.update(names.RESERVED)
        self._called = facts.called
        self._find_folds(workflow.body, references, unfolded)
        self._name_outputs(references)
        # The same names, for membership tests (a folded output is written as its variable).
        self._code_names = {name for uuid, name in self._output_names.items() if uuid not in self.folds}
        self.missing_ids = {uuid for uuid in references if uuid not in self._first}
        self._referenced = references

    def _name_outputs(self, references: dict) -> None:
        plans = self.facts.output_plans
        if plans is None:
            plans = self.facts.output_plans = self._plan_outputs(references)
        # Names as the app shows them (a localized name like "Objekt aus Liste"
        # becomes Objekt_aus_Liste) when some output has such a name: the header
        # then says so once (names_as_shown) instead of listing each one.
        self.names_as_shown = any(plan[2] is not None for plan in plans.values())
        for uuid, (display, default, shown, custom, base) in plans.items():
            self._displays[uuid] = display
            if self._unnamed_end(uuid, references):
                self.unnamed_ends.add(uuid)  # no statement names it: it takes no name
                continue
            if self._unnamed_output(uuid, references):
                self.unnamed_outputs.add(uuid)
                if not carries_an_id(self._first[uuid][0].identifier, True):
                    self.output_ids = EVERY_ACTION  # an action without an output went unnamed too
                elif self.output_ids is None:
                    self.output_ids = True
                continue
            if uuid in self.folds:
                self._output_names[uuid] = self.folds[uuid]
                continue
            if not self.names_as_shown:
                shown = None
            if shown is not None:
                name = self._unique(shown, shown=True)
            elif custom is not None and not self.names_as_shown and self._usable(custom):
                name = custom
                self._custom_named.add(uuid)
            else:
                name = self._unique(base)
            self.taken.add(name)
            self._output_names[uuid] = name
            overridden = display != default and not (display is ABSENT and default is None)
            if overridden and not (shown is not None and shown_display(name) == display):
                self.display_overrides[name] = display

    def _unnamed_end(self, uuid: str, references: dict) -> bool:
        """Whether an output is a block end's that no statement will name: nothing
        reads it, it has no parameters, and its id can go unsaid (spelling(end_ids))."""
        action, block_identifier = self._first[uuid]
        return (
            block_identifier is not None
            and not self._keep_ids
            and uuid not in references
            and not action.params
            and block_identifier not in self.facts.block_ids
            and self.facts.unsaid_id(uuid)
        )

    def _unnamed_output(self, uuid: str, references: dict) -> bool:
        """Whether an action's output takes no name: nothing reads it, it has no
        custom name (which its name says), and its id goes unsaid, since every output
        of the file has one (spelling(output_ids=True))."""
        action, facts = self._first[uuid][0], self.facts
        level = facts.id_level()
        return (
            level is not None
            and not facts.name_every_output
            and uuid not in references
            and action.param(CUSTOM_NAME_KEY) is ABSENT
            and carries_an_id(action.identifier, level)
            and facts.is_plain(action)  # no block's end (those are _unnamed_end's)
            and facts.unsaid_id(uuid)
        )

    def _plan_outputs(self, references: dict) -> dict[str, tuple]:
        """Per output, what naming it needs that no fold changes (made once per file):
        (its display, its default display, its shown name, its custom name when that
        may name it, the base of its standard name)."""
        plans = {}
        for uuid, (action, block_identifier) in self._first.items():
            display = self._majority(uuid, references)
            custom = action.param(CUSTOM_NAME_KEY)
            usable_custom = (
                custom.value
                if is_str_literal(custom)
                and custom.value == display
                and uuid not in self._shared
                and not is_standard_name(custom.value, action, block_identifier)
                else None
            )
            spelled = display if isinstance(display, str) and display else standard_display(action, block_identifier)
            base = names.output_base_name(spelled or action.identifier.rsplit(".", 1)[-1])
            shown = self._shown_name(uuid, display)
            plans[uuid] = (display, default_display(action, block_identifier), shown, usable_custom, base)
        return plans

    def _find_folds(self, body: list[Statement], references: dict, unfolded: frozenset[str]) -> None:
        """An action whose output only the Set Variable right after it reads is
        written with that variable as its name (``total = 0``, ``total = total + x``):
        the compiler writes such an assignment to a variable as the action and a Set
        Variable.  Before an Append to Variable, a value action is written in place
        (``Items += [f"{x} km"]``).  ``unfolded`` lists variables where that would not
        read back (lower_workflow checks the code it wrote)."""
        for statements in _statement_lists(body):
            for action, setter in zip(statements, statements[1:]):
                if self._inline_lists and self._feeds_loop(action, setter, references):
                    self.inlined_lists[action.uuid] = action
                    self.folded_setters.add(id(action))
                    continue
                name = self._fold_target(action, setter, references)
                if name is not None and name not in unfolded:
                    self.folds[action.uuid] = name
                    self.folded_setters.add(id(setter))
                    if setter.identifier == APPEND_VARIABLE:
                        self.appended.add(action.uuid)

    def _feeds_loop(self, action, loop, references: dict) -> bool:
        """A List action of plain texts that only the Repeat with Each right after it
        reads: written in the loop (``for item in ["a", "b"]:``), as compiling makes it."""
        if type(action) is not Action or action.identifier != LIST_ACTION or not isinstance(loop, Block):
            return False
        if loop.identifier != REPEAT_EACH or action.uuid is None or action.uuid in self._shared:
            return False
        if action.uuid in self._stated_lists:
            return False
        items = action.param("WFItems")
        if len(action.params) != 1 or not isinstance(items, ListValue) or not all(is_str_literal(i) for i in items.items):
            return False
        source = loop.start.params[0][1] if len(loop.start.params) == 1 and loop.start.params[0][0] == "WFInput" else None
        return self._reads_plainly(source, action) and sum(references[action.uuid].values()) == 1

    def _reads_plainly(self, source, action: Action) -> bool:
        """Whether ``source`` is the output of ``action`` as compiling refers to it."""
        if not isinstance(source, TokenAttachment):
            return False
        attachment = source.attachment
        base = attachment.base
        if not isinstance(base, OutputRef) or base.uuid != action.uuid or attachment.aggrandizements is not ABSENT or attachment.extra:
            return False
        standard = standard_display(action, None)
        return base.output_name == (standard if standard is not None else ABSENT)

    def _fold_target(self, action, setter, references: dict) -> str | None:
        if type(action) is not Action or type(setter) is not Action or setter.identifier not in (SET_VARIABLE, APPEND_VARIABLE):
            return None
        uuid = action.uuid
        if uuid is None or uuid in self._shared or action.identifier in (SET_VARIABLE, APPEND_VARIABLE):
            return None
        if action.param(CUSTOM_NAME_KEY) is not ABSENT or not stores_variable(setter, self.tagged_variables):
            return None
        if not self._reads_plainly(setter.param("WFInput"), action):
            return None
        if sum(references[uuid].values()) != 1:
            return None  # read elsewhere too: it keeps its own name
        return setter.param("WFVariableName").value

    def _majority(self, uuid: str, references: dict):
        """The OutputName most references use; ties must not depend on parameter
        order, which compiling may change, or the fixpoint would break."""
        action, block_identifier = self._first[uuid]
        default = default_display(action, block_identifier)
        counts = references.get(uuid)
        if not counts:
            return default
        return min(counts, key=lambda d: (-counts[d], d != default, d is ABSENT, "" if d is ABSENT else d))

    def _shown_name(self, uuid: str, display) -> str | None:
        """The code name that spells an output's shown name, when it is not its
        standard one and the action has no custom name of its own."""
        action, block_identifier = self._first[uuid]
        if not isinstance(display, str) or display == standard_display(action, block_identifier):
            return None
        if action.param(CUSTOM_NAME_KEY) is not ABSENT or uuid in self._shared or self.is_raw_output(uuid):
            return None  # a raw entry's name says its OutputName in output_names, as it gets no custom name
        spelled = display.replace(" ", "_")
        if "_" in display or not names.usable_as_output_name(spelled) or _SUFFIX.search(spelled):
            return None
        if is_standard_name(spelled, action, block_identifier):
            return None
        return spelled

    def _usable(self, name: str) -> bool:
        return names.usable_as_output_name(name) and name not in self.taken and name != "_" and name not in self._called

    def _unique(self, base: str, shown: bool = False) -> str:
        if self._usable(base):
            return base
        if not names.usable_as_output_name(f"{base}_2"):  # no number can help (is_workflow_actions_...)
            return self._unique("output")
        number = self._next_number.get(base, 2)
        while not self._usable(f"{base}_{number}"):
            number += 1
        self._next_number[base] = number
        return f"{base}_{number}"

    # --- questions the constructs ask

    def output_name(self, uuid: str) -> str:
        return self._output_names[uuid]

    def raw_output(self, raw: RawAction) -> Action | None:
        """The output a raw entry stands for when something reads it (else None)."""
        return self._raw_outputs.get(id(raw))

    def is_raw_output(self, uuid: str) -> bool:
        """Whether an output is a raw entry's, whose id the entry itself writes."""
        return uuid in self._raw_ids

    def display(self, uuid: str) -> str | None:
        return self._displays[uuid]

    def source_identifier(self, uuid: str) -> str | None:
        """The identifier of the action whose output ``uuid`` is, or None (a missing one)."""
        found = self._first.get(uuid)
        return found[0].identifier if found is not None else None

    def is_missing(self, uuid: str) -> bool:
        return uuid in self.missing_ids

    def missing_label(self, uuid: str) -> str:
        return self._missing.setdefault(uuid, f"missing_{len(self._missing) + 1}")

    def missing_labels(self) -> dict[str, str]:
        return self._missing

    def output_names(self) -> dict[str, str]:
        return self._output_names

    def group_label(self, group_id: str) -> str:
        return self._group_labels[group_id]

    def group_labels(self) -> dict[str, str]:
        return self._group_labels

    def variable_id(self, name: str) -> str | None:
        """The one VariableUUID the file gives variable ``name``, if it gives exactly one."""
        return self.facts.variable_id(name)

    def variable_ids(self) -> dict[str, str]:
        return {name: next(iter(ids)) for name, ids in self._variable_ids.items() if len(ids) == 1}

    def literal_ids(self) -> set[str]:
        """See FileFacts.literal_ids."""
        return self.facts.literal_ids()

    def used_as_plain_value(self, uuid: str) -> bool:
        """Whether every reference to an output uses only what Python offers on a
        plain value (a key, a conversion), so the output can be that value."""
        return uuid not in self._looked_into

    def takes_a_name(self, action: Action) -> bool:
        """Whether an action's statement names its output (``x = ...``): it has an id
        that no file-wide setting says instead."""
        return action.uuid is not None and action.uuid not in self.unnamed_outputs

    def is_referenced(self, uuid: str) -> bool:
        return uuid in self._referenced

    def shared_names(self) -> list[str]:
        """Code names of outputs whose id several actions carry (every assignment shares it)."""
        return [self._output_names[uuid] for uuid in self._first if uuid in self._shared]

    def implied_custom_name(self, action: Action) -> str | None:
        """``CustomOutputName`` when the output's code name says it (so it is not written)."""
        if action.uuid is not None and action.uuid in self._custom_named:
            return CUSTOM_NAME_KEY
        return None

    def loop_code_name(self, kind: str, depth: int) -> str:
        """A free name for a loop's ``item`` or ``index`` at ``depth`` (the same for every loop there)."""
        known = self._loop_names.get((kind, depth))
        if known is not None:
            return known
        candidate = kind if depth == 1 else f"{kind}_{depth}"
        number = 2
        name = candidate
        while name in self.taken or name in self._code_names:
            name = f"{candidate}_{chr(ord('a') + number - 2)}" if number < 28 else f"{candidate}_{number}"
            number += 1
        self.taken.add(name)
        self._loop_names[(kind, depth)] = name
        return name

    def variables_read(self, body: list[Statement]) -> set[str]:
        """The names of the Shortcuts variables that ``body`` (a loop's) reads anywhere inside."""
        found = self.facts.loop_reads.get(id(body))
        if found is not None:
            return found
        found = set()
        for action, _ in walk_actions(body):
            for _, value in action.params:
                found.update(node.name for node in walk_value(value) if isinstance(node, NamedVariable))
        return found

    def variable_is_bare(self, name: str) -> bool:
        return (
            name in self.stored_variables
            and usable_variable_name(name)
            and name not in self._code_names
            and not names.is_loop_alias(name)
        )


TAG_KEY, TAG_VALUE = "WFSerializationType", "WFTextTokenAttachment"


def tagged_variables_style(body: list[Statement]) -> bool:
    """Whether every Set / Append to Variable of the file carries the stray
    ``WFSerializationType: WFTextTokenAttachment`` some tools add (the header
    then says so once: ``tagged_variables=True``)."""
    found = False
    for action, _ in walk_actions(body):
        if action.identifier in (SET_VARIABLE, APPEND_VARIABLE):
            tag = action.param(TAG_KEY)
            if not (is_str_literal(tag) and tag.value == TAG_VALUE):
                return False
            found = True
    return found


def stores_variable(action: Action, tagged: bool = False) -> bool:
    """Whether a Set / Append to Variable is written as an assignment (``X = y``, ``X += [y]``)."""
    params = dict(action.params)
    if action.uuid is not None or len(params) != len(action.params):
        return False
    if tagged and params.pop(TAG_KEY, None) is None:
        return False
    name = params.pop("WFVariableName", None)
    value = params.pop("WFInput", ABSENT)
    return (
        is_str_literal(name)
        and not params
        and (value is ABSENT or isinstance(value, TokenAttachment))
        and usable_variable_name(name.value)
    )


RAW_PARAMETERS_KEY = "WFWorkflowActionParameters"


def _ids_among(pairs) -> set[str]:
    """The strings of ``pairs`` (key, value) under an id key."""
    return {value.value for key, value in pairs if key in ID_KEYS and is_str_literal(value)}


def raw_output(raw: RawAction) -> Action | None:
    """The action a raw entry stands for as an output: its parameters carry a string
    UUID, which references use.  It has the entry's identifier (when a string) and
    parameters, which say its default OutputName; None for an entry without a UUID."""
    entry = raw.value
    fields = dict(entry.items) if type(entry) is DictValue else {}
    params = fields.get(RAW_PARAMETERS_KEY)
    found = dict(params.items).get("UUID") if type(params) is DictValue else None
    if not is_str_literal(found):
        return None
    identifier = fields.get("WFWorkflowActionIdentifier")
    rest = [(key, value) for key, value in params.items if key != "UUID"]
    return Action(identifier.value if is_str_literal(identifier) else "", rest, found.value)


def _raw_entries(body: list[Statement]):
    """Every raw entry, in file order (inside blocks too)."""
    for statement in body:
        if isinstance(statement, RawAction):
            yield statement
        elif isinstance(statement, Block):
            for section in statement.sections:
                yield from _raw_entries(section.body)


# spelling(output_ids=...): every action of a kind with an output carries an id (True),
# or every action but a Comment (EVERY_ACTION).
EVERY_ACTION = "all"


def carries_an_id(identifier: str, level: bool | str) -> bool:
    """Whether spelling(output_ids=level) gives an action of this kind an id, read or not."""
    if level == EVERY_ACTION:
        return identifier != COMMENT
    return catalog.output_name(identifier) is not None


def plain_actions(body: list[Statement]):
    """The actions of the body and of every block section, blocks' own pieces aside."""
    for statements in _statement_lists(body):
        for statement in statements:
            if type(statement) is Action:
                yield statement


def _statement_lists(body: list[Statement]):
    """The body and the body of every section of every block in it."""
    yield body
    for statement in body:
        if isinstance(statement, Block):
            for section in statement.sections:
                yield from _statement_lists(section.body)


def walk_actions(body: list[Statement]):
    """Every action in order, with the block identifier for block ends."""
    for statement in body:
        if isinstance(statement, Action):
            yield statement, None
        elif isinstance(statement, Block):
            yield statement.start, None
            for section in statement.sections:
                if section.opener is not None:
                    yield section.opener, None
                yield from walk_actions(section.body)
            yield statement.end, statement.identifier
        elif isinstance(statement, RawAction):
            yield Action("", [("", statement.value)]), None


def _python_steps_only(attachment: Attachment) -> bool:
    """Whether a reference uses only what Python offers on a plain value: a key, or a
    conversion that reads as a builtin (str(x), float(x), dict(x), bool(x))."""
    if attachment.extra:
        return False
    for step in attachment.aggrandizements or ():
        if step.kind == "WFDictionaryValueVariableAggrandizement":
            continue
        if step.kind == "WFCoercionVariableAggrandizement" and len(step.fields) == 1:
            key, value = step.fields[0]
            if key == "CoercionItemClass" and is_str_literal(value) and value.value in _BUILTIN_CLASSES:
                continue
        return False
    return True


def block_pieces(body: list[Statement]):
    """The starts and middles (Otherwise, menu cases) of every block: actions
    that never stand alone in code, so they take no output name."""
    for statement in body:
        if isinstance(statement, Block):
            yield statement.start
            for section in statement.sections:
                if section.opener is not None:
                    yield section.opener
                yield from block_pieces(section.body)


def walk_value(value):
    """Every value node and attachment base below ``value`` (iteratively)."""
    stack = [value]
    while stack:
        node = stack.pop()
        yield node
        kind = type(node)
        if kind is ListValue:
            stack.extend(reversed(node.items))
        elif kind is DictValue:
            stack.extend(item for _, item in reversed(node.items))
        elif kind is TokenAttachment or kind is BareAttachment:
            stack.append(node.attachment)
        elif kind is TokenString:
            stack.extend(part for part in reversed(node.parts) if isinstance(part, Attachment))
        elif kind is Attachment:
            stack.extend(_attachment_nodes(node))


def _attachment_nodes(attachment: Attachment) -> list:
    found = [attachment.base]
    for step in attachment.aggrandizements or ():
        found.extend(item for _, item in step.fields)
    found.extend(item for _, item in attachment.extra)
    return found
