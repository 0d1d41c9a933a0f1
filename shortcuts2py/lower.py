"""IR -> workflow code: the constructs build the code model, the writer prints it.

This module walks the workflow and asks each construct for its form; it knows
which construct handles which statement, the loop variables in scope, and
which statements pass their output on to the next one (``_``).  The writer
lays the code out as black would, so black never runs here.
"""

from __future__ import annotations

import re

from . import catalog, ir, names
from .constructs import assignments, calls, comments, header, ifs, loops, menus, value_actions
from .naming import FileFacts, Naming
from .writer import nodes
from .writer import write_module


def lower_workflow(
    workflow: ir.Workflow, *, keep_ids: bool = False, name_every_output: bool = False, plain_keywords: bool = True
) -> str:
    """The code of a workflow.  ``name_every_output``: an output nothing reads keeps its
    name even where spelling(output_ids=True) could say its id (a dialect that names
    every output wants it).  ``plain_keywords``: parameters by their keyword names
    (``prompt="Age?"``), else by their keys (``WFAskActionPrompt="Age?"``)."""
    # walked once, whatever passes follow
    facts = FileFacts(workflow, name_every_output=name_every_output or keep_ids, plain_keywords=plain_keywords)
    # `total = 0` is a Set Variable only where the code keeps `total` a variable
    # (assigned again and read where either value can reach); otherwise it would
    # name the action's output.  Such variables keep the two statements.  A
    # variable that one Set Variable outside loops sets is never one in the code
    # (its one assignment is all any read can see), so it is known before any
    # code is made; the others are judged on the code of a first pass, and the
    # file lowered again if some turn out single.  The code is written once,
    # after this is settled.
    unfolded = frozenset(facts.set_once)
    statements, folded = _lower_once(facts, keep_ids, unfolded)
    if folded:
        from .parse import variables_of_code

        single = folded - variables_of_code(write_module(_sketch(statements, _name_finder(folded))))
        if single:
            del statements  # a large shortcut's code model: not kept while the second one is made
            statements, _ = _lower_once(facts, keep_ids, unfolded | single)
    return write_module(statements)


def _lower_once(
    facts: FileFacts, keep_ids: bool, unfolded: frozenset[str], stated: frozenset[str] = frozenset()
) -> tuple[list[nodes.Stmt], set[str]]:
    """The code model, and the variables some assignment was folded into (see Naming.folds);
    ``stated``: List actions written as statements, not in the loop they feed."""
    workflow = facts.workflow
    ctx = LowerContext(workflow, unfolded, keep_ids, stated, facts)
    statements: list[nodes.Stmt] = [nodes.ImportStar(names.STUBS_MODULE)]
    head, icon_trailer = header.lower(ctx, workflow.header)
    body = ctx.body(workflow.body, top=True)
    if ctx.starts_with_input(workflow.body):
        # The first action takes the shortcut's input: `_ = shortcut(...)` says where `_` comes from.
        head = nodes.Assign([nodes.Name("_")], head.value if head is not None else header.empty_call())
    if head is not None:
        statements.append(head)
    statements.extend(body)
    statements.extend(ifs.stale_trailer(ctx))
    settings = header.settings_trailer(ctx)
    if settings is not None:
        statements.append(settings)
    statements.extend(icon_trailer)
    trailer_ids = header.ids_trailer(ctx) if keep_ids else header.kept_ids_trailer(ctx)
    if trailer_ids is not None:
        statements.append(trailer_ids)
    kept_lists = ctx.kept_ids.intersection(ctx.naming.inlined_lists)
    if kept_lists:  # a list written in its loop takes a fresh id: one whose id is kept needs its name
        return _lower_once(facts, keep_ids, unfolded, stated | kept_lists)
    if ctx.refused_folds:  # an appended value with no value form: keep those two statements
        return _lower_once(facts, keep_ids, unfolded | ctx.refused_folds, stated)
    return statements, set(ctx.naming.folds.values())


def _sketch(statements: list[nodes.Stmt], names) -> list[nodes.Stmt]:
    """The statements that can matter to whether some names are variables: the
    simple ones whose text ``names`` finds one of them in (see _name_finder),
    inside the blocks around them.

    The flow analysis decides each name on its own reads and assignments and
    the blocks around them, so leaving out the rest changes no verdict on
    those names; parsing the sketch instead of the whole code spares most of the
    syntax tree (hundreds of megabytes for a large shortcut).  A name found in a
    string only keeps a statement more than needed."""
    kept: list[nodes.Stmt] = []
    for statement in statements:
        if isinstance(statement, nodes.If):
            statement = _sketch_if(statement, names)
        elif isinstance(statement, nodes.For):
            body = _sketch(statement.body, names)
            texts = (statement.target.text, statement.iter.text)
            if body or _mentions(texts, names):
                statement = nodes.For(statement.target, statement.iter, body or [nodes.Pass()])
            else:
                statement = None
        elif isinstance(statement, nodes.Match):
            cases = [nodes.Case(c.pattern, c.guard, _sketch(c.body, names)) for c in statement.cases]
            texts = [statement.subject.text] + [c.guard.text for c in cases if c.guard is not None]
            if any(c.body for c in cases) or _mentions(texts, names):
                for case in cases:  # every case stays: exactly one of them runs
                    case.body = case.body or [nodes.Pass()]
                statement = nodes.Match(statement.subject, cases)
            else:
                statement = None
        elif not _mentions(_simple_texts(statement), names):
            statement = None
        if statement is not None:
            kept.append(statement)
    return kept


def _sketch_if(statement: nodes.If, names) -> nodes.If | None:
    body = _sketch(statement.body, names)
    orelse = statement.orelse
    if isinstance(orelse, nodes.If):
        orelse = _sketch_if(orelse, names)
    elif orelse is not None:
        orelse = _sketch(orelse, names) or None
    if not body and orelse is None and not _mentions((statement.test.text,), names):
        return None
    return nodes.If(statement.test, body or [nodes.Pass()], orelse)


def _simple_texts(statement: nodes.Stmt) -> list[str]:
    if isinstance(statement, nodes.Assign):
        return [target.text for target in statement.targets] + [statement.value.text]
    if isinstance(statement, nodes.AugAssign):
        return [statement.target.text, statement.value.text]
    if isinstance(statement, nodes.ExprStatement):
        return [statement.value.text]
    return []  # pass, the import, comments, blank lines: no names


def _mentions(texts, found) -> bool:
    # One search over the texts joined by a line break, which is no name's
    # character and no word's: a match never spans two texts.
    return found("\n".join(texts))


def _name_finder(names: set[str]):
    """text -> whether it may read or assign one of ``names``: an ASCII name as a
    whole word (a short name such as ``a`` is in most texts), any other anywhere."""
    words = sorted(name for name in names if name.isascii())
    others = [name for name in names if not name.isascii()]
    pattern = re.compile(r"(?<![A-Za-z0-9_])(?:%s)(?![A-Za-z0-9_])" % "|".join(map(re.escape, words))) if words else None
    search = pattern.search if pattern is not None else (lambda text: None)
    if not others:
        return lambda text: search(text) is not None
    return lambda text: search(text) is not None or any(name in text for name in others)


def _augmented(written: list[nodes.Stmt]) -> list[nodes.Stmt]:
    """``total = total + x`` written ``total += x`` (compiling reads it back so)."""
    if len(written) != 1 or not isinstance(written[0], nodes.Assign) or len(written[0].targets) != 1:
        return written
    target, value = written[0].targets[0], written[0].value
    if isinstance(value, nodes.BinaryOp) and isinstance(value.left, nodes.Name) and value.left.text == target.text:
        return [nodes.AugAssign(target, value.op, value.right)]
    return written


class LowerContext:
    """What the constructs need to know while one workflow is written."""

    def __init__(
        self, workflow: ir.Workflow, unfolded: frozenset[str] = frozenset(), keep_ids: bool = False,
        stated: frozenset[str] = frozenset(), facts: FileFacts | None = None,
    ):
        self.workflow = workflow
        # With --keep-ids a List action keeps its statement: its id has a name to go by.
        self.naming = Naming(workflow, unfolded, inline_lists=not keep_ids, stated_lists=stated, facts=facts, keep_ids=keep_ids)
        facts = self.naming.facts
        self.kept_ids: set[str] = set()  # without --keep-ids, the ids the ids(...) trailer keeps
        self.empty_ranges = facts.empty_ranges  # the file's text style (FileFacts counts the votes)
        self.block_ids = facts.block_ids
        self.start_ids = facts.start_ids
        self.legacy_comparisons = ifs.legacy_comparisons(workflow.body)
        self.ifs_opened = 0  # Ifs written so far: the number stale_operands(...) goes by
        self.stale_operands: dict[int, dict] = {}  # If number -> its stale operands (see ifs)
        self.piece_ids: list[list[str]] = []  # per block: ids of its pieces no statement names (--keep-ids)
        self.blocks_opened: dict[str, int] = {}  # block identifier -> blocks of that kind written so far
        self._block_numbers: dict[int, int] = {}  # id(block) -> its number among blocks of its kind
        self._piece_rows: dict[int, list] = {}  # id(block) -> its row of piece_ids (block_ids)
        self.end_ids: dict[str, list[int]] = {}  # block identifier -> numbers of blocks whose end id no statement says
        self.ends_without_id: dict[str, int] = {}  # block identifier -> blocks whose end has no id
        self.loop_depth = 0
        self.refused_folds: set[str] = set()
        self._aliases: dict[str, str] = {}  # Shortcuts variable -> code name, for loop variables in scope
        self._path: list[tuple[int, int]] = []  # (block, section) around the statement being written
        self._defined: dict[str, tuple[tuple[int, int], ...]] = {}  # output id -> where its assignment stands

    # --- names

    def variable_code_name(self, name: str) -> str | None:
        """The bare code name of a Shortcuts variable, or None for ``var("...")``."""
        alias = self._aliases.get(name)
        if alias is not None:
            return alias
        return name if self.naming.variable_is_bare(name) else None

    def defined(self, uuid: str) -> None:
        """An output's assignment has been written here."""
        self._defined.setdefault(uuid, tuple(self._path))

    def is_written(self, uuid: str) -> bool:
        """Whether some statement written so far assigns the output."""
        return uuid in self._defined

    def reachable(self, uuid: str) -> bool:
        """Whether Python, reading the name here, would see the output's assignment:
        written before, and not in another branch of an enclosing if or menu."""
        where = self._defined.get(uuid)
        if where is None:
            return False
        for defined, current in zip(where, self._path):
            if defined != current:
                return defined[0] != current[0]
        return True

    def implicit_input_key(self, action: ir.Action, entry) -> str | None:
        """The input key an action leaves out to take the previous output, if any."""
        if entry is None or entry.input_parameter is None:
            return None
        key = entry.input_parameter
        return key if action.param(key) is ir.ABSENT and calls.takes_input_implicitly(entry) else None

    # --- statements

    def body(self, statements: list, top: bool = False) -> list[nodes.Stmt]:
        out: list[nodes.Stmt] = []
        previous_comment = False
        folded = self.naming.folded_setters
        for index, statement in enumerate(statements):
            if id(statement) in folded:
                continue  # written with the action before it: `total = 0`
            lines = comments.lower(statement) if isinstance(statement, ir.Action) else None
            if lines is not None:
                if previous_comment:
                    out.append(nodes.BlankLine())
                out.append(lines)
                previous_comment = True
                continue
            previous_comment = False
            folds = isinstance(statement, ir.Action) and statement.uuid in self.naming.folds
            written = self.statement(statement, feeds_next=self._feeds_next(statements, index + 1 if folds else index))
            out.extend(_augmented(written) if folds else written)
        if not top and all(isinstance(code, (nodes.CommentLines, nodes.BlankLine)) for code in out):
            out.append(nodes.Pass())  # a block needs a statement; comments alone are not one
        return out

    def section_body(self, block: ir.Block, index: int, statements: list) -> list[nodes.Stmt]:
        """The body of one section (a branch, a case, a loop's body) of ``block``."""
        self._path.append((id(block), index))
        try:
            return self.body(statements)
        finally:
            self._path.pop()

    def in_section(self, block: ir.Block, index: int):
        """Context for writing what stands in one section (an elif's whole If)."""
        return _Section(self._path, (id(block), index))

    def loop_body(self, block: ir.Block, aliases: dict[str, str]) -> list[nodes.Stmt]:
        saved = self._aliases
        self._aliases = {**saved, **aliases}
        self.loop_depth += 1
        try:
            return self.section_body(block, 0, block.sections[0].body)
        finally:
            self.loop_depth -= 1
            self._aliases = saved

    def statement(self, statement, *, feeds_next: bool) -> list[nodes.Stmt]:
        if isinstance(statement, ir.RawAction):
            return [calls.lower_raw(self, statement, feeds_next=feeds_next)]
        if isinstance(statement, ir.Action) and statement.uuid in self.naming.appended:
            return [self._appended_value(statement, feeds_next)]
        if isinstance(statement, ir.Block):
            return self._block(statement, feeds_next)
        for construct in (assignments, value_actions):
            code = construct.lower(self, statement, feeds_next=feeds_next)
            if code is not None:
                return [code]
        return [calls.lower(self, statement, feeds_next=feeds_next)]

    def _appended_value(self, action: ir.Action, feeds_next: bool) -> nodes.Stmt:
        """``Items += [value]``: a value action whose output only the Append to
        Variable after it reads (compiling puts the action back before it)."""
        name = self.naming.folds[action.uuid]
        code = value_actions.lower(self, action, feeds_next=False) if action.identifier in value_actions.KEYS else None
        if feeds_next or code is None:
            self.refused_folds.add(name)
            return nodes.Pass()
        return nodes.AugAssign(nodes.Name(name), "+", nodes.ListDisplay([code.value]))

    def begin_block(self, block: ir.Block) -> None:
        """A block opens here: its group id, and (in files with ids on every
        block piece) the ids of its start and middles, in opening order."""
        self.naming.block_groups.append(block.group_id)
        number = self.blocks_opened[block.identifier] = self.blocks_opened.get(block.identifier, 0) + 1
        self._block_numbers[id(block)] = number
        if block.end.uuid is None:
            self.ends_without_id[block.identifier] = self.ends_without_id.get(block.identifier, 0) + 1
        if block.identifier in self.block_ids:
            ids = [block.start.uuid] + [section.opener.uuid for section in block.sections[1:]]
            self.piece_ids.append(ids)
            self._piece_rows[id(block)] = ids  # its end id joins it once the body is written
        elif block.start.uuid is not None:  # one of start_ids
            self.piece_ids.append([block.start.uuid])

    def _block(self, block: ir.Block, feeds_next: bool) -> list[nodes.Stmt]:
        self.begin_block(block)
        if block.identifier == ir.CONDITIONAL:
            code: nodes.Stmt = ifs.lower(self, block)
            end_function = ifs.END_FUNCTION
        elif block.identifier == ir.MENU:
            code = menus.lower(self, block)
            end_function = menus.END_FUNCTION
        else:
            code = loops.lower(self, block)
            end_function = loops.END_FUNCTION
        if not self.needs_end_statement(block, feeds_next):
            self.end_id_unnamed(block)
            return [code]
        if feeds_next and block.end.uuid in self.naming.unnamed_ends:  # `_ = if_result()`, its id in end_ids
            self.end_id_unnamed(block)
            return [code, nodes.Assign([nodes.Name(calls.IMPLICIT)], nodes.Call(nodes.Name(end_function), []))]
        omit = self.naming.implied_custom_name(block.end)
        args = calls.keyword_args(self, [(k, v) for k, v in block.end.params if k != omit], None)
        end = calls.bind(self, block.end, nodes.Call(nodes.Name(end_function), args), feeds_next)
        return [code, end]

    def needs_end_statement(self, block: ir.Block, feeds_next: bool) -> bool:
        """Whether the block's end is written as ``x = if_result()`` after it: when
        something reads its output, or it has parameters or an id that only such a
        statement can keep.  An end id nothing reads is said by spelling(end_ids=...)
        (Naming decides which: its unnamed_ends)."""
        uuid = block.end.uuid
        if block.end.params or feeds_next:
            return True
        if uuid is None:
            return False
        if block.identifier in self.block_ids:
            return self.naming.is_referenced(uuid)
        return uuid not in self.naming.unnamed_ends

    def end_id_unnamed(self, block: ir.Block) -> None:
        """No statement names a block's end: keep its id with the others of its block
        (block_ids), or say that it has one (end_ids)."""
        if block.identifier in self.block_ids:
            self._piece_rows[id(block)].append(block.end.uuid)
        elif block.end.uuid is not None:
            self.end_ids.setdefault(block.identifier, []).append(self._block_numbers[id(block)])

    def _feeds_next(self, statements: list, index: int) -> bool:
        """Whether what follows takes this statement's output without naming it."""
        # Lazily, not a slice: a copy of the rest at every statement is quadratic in a long body.
        return self.starts_with_input(statements[i] for i in range(index + 1, len(statements)))

    def starts_with_input(self, body: list) -> bool:
        """Whether the first statement (comments aside) takes the previous output (at
        the start of a shortcut, its input): an action leaving its input out, or an
        If or a menu, which passes its input on, with a section that starts so."""
        for statement in body:
            if isinstance(statement, ir.Action) and comments.lower(statement) is not None:
                continue
            if self.reads_previous_output(statement):
                return True
            return (
                isinstance(statement, ir.Block)
                and statement.identifier in (ir.CONDITIONAL, ir.MENU)
                and any(self.starts_with_input(section.body) for section in statement.sections)
            )
        return False

    def reads_previous_output(self, statement) -> bool:
        if isinstance(statement, ir.Action):
            return self.implicit_input_key(statement, catalog.entry(statement.identifier)) is not None
        if isinstance(statement, ir.Block):
            params = statement.start.params
            if statement.identifier == ir.REPEAT_EACH:
                return not params
            if statement.identifier == ir.CONDITIONAL:
                return all(key != "WFInput" and key != "WFConditions" for key, _ in params)
        return False


class _Section:
    def __init__(self, path: list, step: tuple[int, int]):
        self.path, self.step = path, step

    def __enter__(self):
        self.path.append(self.step)

    def __exit__(self, *exc):
        self.path.pop()
