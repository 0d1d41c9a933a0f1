"""The language as a grammar for constrained decoding, and the catalog as signatures.

``grammars/workflow.lark`` defines the syntax of workflow code in Lark's
notation: LALR(1), no post-lexer, nothing that constrained decoders lack
(llguidance reads it for llama.cpp, vLLM, SGLang and outlines).  Python's
indentation is not context-free, so the last section of the grammar, the
layout, is made here: one line-break terminal and one set of statement
rules per level of indentation, up to a bound.

* ``grammar_text(dialect, max_depth)``: the grammar as ``s2py grammar`` prints it;
* ``Reader``: reads code with the grammar as decoders do (longest match among
  the terminals the parser accepts), on Lark's LALR parser;
* ``signatures()``: every catalog action as a function signature, JSON-ready.
"""

from __future__ import annotations

import json
import keyword
import re

from . import catalog
from .resources import grammar_dir

GRAMMAR_FILE = "workflow.lark"
DEFAULT_MAX_DEPTH = 16  # levels of indentation; real shortcuts use 11 at most
MAX_DEPTH_LIMIT = 20  # Python refuses more than 20 nested loops ("too many statically nested blocks")
INDENT = "    "
LAYOUT_MARKER = "// ========================================================= layout (generated)"

# Dialect -> grammar file of its changes to the default grammar (None: none).
DIALECTS: dict[str, str | None] = {"default": None, "workflowbench": "workflowbench.lark"}


class GrammarError(ValueError):
    """A grammar that cannot be made: an unknown dialect, a bad depth."""


def grammar_text(dialect: str = "default", max_depth: int = DEFAULT_MAX_DEPTH) -> str:
    """The complete grammar of ``dialect`` with ``max_depth`` levels of indentation."""
    if dialect not in DIALECTS:
        raise GrammarError(f"unknown dialect {dialect!r}; expected one of {', '.join(sorted(DIALECTS))}")
    if not 2 <= max_depth <= MAX_DEPTH_LIMIT:
        raise GrammarError(f"found --max-depth {max_depth}, expected a number from 2 to {MAX_DEPTH_LIMIT}")
    core = core_text()
    changes = DIALECTS[dialect]
    if changes is not None:
        core = apply_changes(core, (grammar_dir() / changes).read_text(encoding="utf-8"))
    return core + "\n" + layout_text(max_depth)


def core_text() -> str:
    """The hand-written part of the grammar file, up to and including the layout marker."""
    text = (grammar_dir() / GRAMMAR_FILE).read_text(encoding="utf-8")
    head, marker, _ = text.partition(LAYOUT_MARKER)
    if not marker:
        raise GrammarError(f"{GRAMMAR_FILE} has no layout section (the line {LAYOUT_MARKER!r})")
    return head + marker + "\n"


# --- the layout: one set of statement rules per level of indentation -------------


def layout_text(max_depth: int) -> str:
    """Line breaks, statements and blocks for indentation levels 0..max_depth."""
    lines = [
        f"// Levels 0..{max_depth}.  _NL_<n> is a line break, any blank or comment lines,",
        "// and the indentation of level n, as one token: a greedy lexer never has to",
        "// give back the spaces it read.  Statements of level n follow _NL_<n> (at",
        "// level 0 they end with _NL_0).  An `elif` or `else` clause follows an `if` or",
        "// `elif` clause of its level: the blocks are sequences in which a clause is",
        "// \"open\" (if, elif: another clause may follow) or \"closed\", so that the token",
        "// after the line break, not the line break, decides.  A block statement needs",
        "// a deeper level for its block (a match two), so the deepest levels hold",
        "// simple statements only.  Made by shortcuts2py.grammar; do not edit by hand.",
        "",
    ]
    for depth in range(max_depth + 1):
        lines.extend(_level_rules(depth, max_depth))
        lines.append("")
    lines.append("// An identifier that is not a keyword of Python.")
    lines.append(f"NAME: /{name_pattern()}/")
    lines.append("")
    for depth in range(max_depth + 1):
        lines.append(f"_NL_{depth}: /{_LINE_BREAK}{INDENT * depth}/")
    lines.append("// Before a match's first case, where the compiler has no place for a comment.")
    for depth in range(1, max_depth + 1):
        lines.append(f"_NLB_{depth}: /{_BLANK_LINES}{INDENT * depth}/")
    return "\n".join(lines) + "\n"


# A line break, then blank lines and comment lines (each with its own line break).
_LINE_BREAK = r"\r?\n([ \t]*(#[^\r\n]*)?\r?\n)*"
_BLANK_LINES = r"\r?\n([ \t]*\r?\n)*"


def name_pattern(reserved=tuple(keyword.kwlist)) -> str:
    """A regular expression for the identifiers that are not in ``reserved``.

    Decoders read no lookarounds, so the words are left out by spelling out a
    trie: after each prefix of a reserved word, either a character that leaves
    the trie (then any identifier characters), or the next character of some
    word, or the end, when the prefix itself is not reserved.
    """
    words = sorted(set(reserved))
    return _name_branch("", words, first=True)


def _name_branch(prefix: str, words: list[str], first: bool) -> str:
    following = sorted({w[len(prefix)] for w in words if len(w) > len(prefix) and w.startswith(prefix)})
    word_class = r"[^\W\d" if first else r"[^\W"
    leave = word_class + "".join(re.escape(c) for c in following) + "]" + r"\w*"
    alternatives = [leave]
    for char in following:
        alternatives.append(re.escape(char) + _name_branch(prefix + char, words, first=False))
    if prefix and prefix not in words:
        alternatives.append("")  # the prefix alone is a name (last, so longer matches come first)
    return "(" + "|".join(alternatives) + ")"


def _level_rules(depth: int, max_depth: int) -> list[str]:
    """The clauses of level ``depth``, and the block (or, at level 0, the body) they form."""
    inner = f"_block_{depth + 1}"
    has_blocks = depth + 1 <= max_depth
    closed = ["_simple_statement"]
    rules = []
    if has_blocks:
        rules.append(f"if_clause_{depth}: _if_head {inner} -> if_clause")
        rules.append(f'elif_clause_{depth}: "elif" " " _elif_head {inner} -> elif_clause')
        rules.append(f'else_clause_{depth}: "else" ":" {inner} -> else_clause')
        rules.append(f"for_statement_{depth}: _for_head {inner} -> for_statement")
        closed.append(f"for_statement_{depth}")
    if depth + 2 <= max_depth:
        rules.append(
            f"match_statement_{depth}: _match_head _NLB_{depth + 1} case_{depth + 1} (_NL_{depth + 1} case_{depth + 1})* -> match_statement"
        )
        closed.append(f"match_statement_{depth}")
        # A match on a value: literal cases, then `case _` if any (an if chain).
        rules.append(
            f"value_match_{depth}: _value_match_head _NLB_{depth + 1} value_case_{depth + 1} (_NL_{depth + 1} value_case_{depth + 1})*"
            f" [_NL_{depth + 1} last_case_{depth + 1}] -> match_statement"
        )
        closed.append(f"value_match_{depth}")
    if has_blocks and depth >= 1:
        rules.append(f"case_{depth}: _case_head {inner} -> case")
        rules.append(f"value_case_{depth}: _value_case_head {inner} -> case")
        rules.append(f"last_case_{depth}: _last_case_head {inner} -> case")
    item = f"_item_{depth}"
    rules.append(f"{item}: " + " | ".join(closed))
    opened, shut = f"_open_{depth}", f"_closed_{depth}"
    if depth == 0:  # each top-level line ends with its line break
        if has_blocks:
            rules.append(f"{opened}: if_clause_0 _NL_0 | {opened} (if_clause_0 | elif_clause_0) _NL_0 | {shut} if_clause_0 _NL_0")
            rules.append(f"{shut}: {item} _NL_0 | {opened} ({item} | else_clause_0) _NL_0 | {shut} {item} _NL_0")
            rules.append(f"_body: {opened} | {shut}")
        else:
            rules.append(f"_body: ({item} _NL_0)+")
        return rules
    line = f"_NL_{depth}"
    if has_blocks:
        rules.append(
            f"{opened}: {line} if_clause_{depth} | {opened} {line} (if_clause_{depth} | elif_clause_{depth}) | {shut} {line} if_clause_{depth}"
        )
        rules.append(f"{shut}: {line} {item} | {opened} {line} ({item} | else_clause_{depth}) | {shut} {line} {item}")
        rules.append(f"_block_{depth}: {opened} | {shut}")
    else:
        rules.append(f"_block_{depth}: ({line} {item})+")
    return rules


# --- dialects ------------------------------------------------------------------------

_DEFINITION = re.compile(r"^[?!]?(?P<name>[A-Za-z_][A-Za-z0-9_]*)(\.\d+)?\s*:", re.MULTILINE)
_CHANGE = re.compile(r"^%(?P<kind>extend|override)\s+", re.MULTILINE)


def apply_changes(core: str, changes: str) -> str:
    """``core`` with a dialect's ``%extend`` / ``%override`` definitions applied and new ones added.

    Decoders read neither directive, so the result spells every definition
    out: ``%extend NAME: alternatives`` adds alternatives to NAME,
    ``%override NAME: ...`` replaces it, and a plain definition is new.
    """
    definitions = _definitions(core)
    added: list[str] = []
    for kind, body in _changes(changes):
        match = _DEFINITION.match(body)
        if match is None:
            raise GrammarError(f"cannot read the dialect definition {body.splitlines()[0]!r}")
        name = match.group("name")
        if kind is None:
            if name in definitions:
                raise GrammarError(f"the dialect defines {name} again; write %override {name}: ...")
            added.append(body)
            continue
        if name not in definitions:
            raise GrammarError(f"the dialect changes {name}, which the grammar does not define")
        start, end = definitions[name]
        old = core[start:end].rstrip("\n")
        if kind == "override":
            new = body
        else:
            alternatives = body[match.end() :].strip()
            new = f"{old}\n    | {alternatives}"
        core = core[:start] + new.rstrip("\n") + "\n" + core[end:]
        definitions = _definitions(core)
    head, marker, tail = core.partition(LAYOUT_MARKER)
    extra = "\n".join(text.rstrip("\n") for text in added)
    return head + (f"// ---- dialect additions\n{extra}\n\n" if extra else "") + marker + tail


def _definitions(text: str) -> dict[str, tuple[int, int]]:
    """name -> (start, end) of each definition; a definition runs until the next line at column 0."""
    spans = {}
    for match in _DEFINITION.finditer(text):
        end = match.end()
        while True:
            newline = text.find("\n", end)
            if newline < 0:
                end = len(text)
                break
            end = newline + 1
            following = text[end : end + 1]
            if following not in (" ", "\t"):
                break
        spans[match.group("name")] = (match.start(), end)
    return spans


def _changes(text: str) -> list[tuple[str | None, str]]:
    """(kind, definition text) for each definition of a dialect file, comments dropped."""
    kept = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    items: list[tuple[str | None, str]] = []
    current: list[str] = []
    kind: str | None = None
    for line in kept.splitlines():
        if line[:1] not in (" ", "\t", ""):
            if current:
                items.append((kind, "\n".join(current)))
            found = _CHANGE.match(line)
            kind = found.group("kind") if found else None
            current = [line[found.end() :] if found else line]
        elif current and line.strip():
            current.append(line)
    if current:
        items.append((kind, "\n".join(current)))
    return items


# --- reading code with the grammar ---------------------------------------------------


class GrammarMismatch(ValueError):
    """Text the grammar does not accept, at ``line``:``column`` (1-based)."""

    def __init__(self, line: int, column: int, found: str, expected: list[str]):
        shown = ", ".join(expected[:8]) + (", ..." if len(expected) > 8 else "")
        super().__init__(f"{line}:{column}: found {found!r}, expected one of {shown}")
        self.line, self.column, self.found, self.expected = line, column, found, expected


class Reader:
    """Lark's LALR(1) parser for the grammar, fed the way decoders read text.

    Constrained decoders lex greedily: of the terminals that may come next,
    the longest match (llguidance, which reads Lark grammars for llama.cpp,
    vLLM and outlines, gives nothing back once read).  Lark's own lexers
    try terminals in a fixed order instead, which this grammar does not
    rely on, so the reader lexes by itself: the longest match among the
    terminals the parser accepts, a keyword before a name of the same length.
    """

    def __init__(self, dialect: str = "default", max_depth: int = DEFAULT_MAX_DEPTH):
        from lark import Lark
        from lark.lexer import PatternStr

        self.lark = Lark(grammar_text(dialect, max_depth), parser="lalr", lexer="basic")
        self._terminals = {}
        for terminal in self.lark.terminals:
            regexp = terminal.pattern.to_regexp()
            self._terminals[terminal.name] = (re.compile(regexp), _first_characters(regexp), isinstance(terminal.pattern, PatternStr))
        self._candidates: dict[tuple[int, str], list[str]] = {}

    def parse(self, code: str):
        """The Lark tree of ``code``; raises GrammarMismatch where the grammar stops accepting it."""
        from lark import Token
        from lark.exceptions import UnexpectedInput

        parser = self.lark.parse_interactive("")
        table = parser.parser_state.parse_conf.parse_table.states
        position, line, column = 0, 1, 1
        while position < len(code):
            name, value = self._longest(code, position, parser.parser_state.state_stack, table)
            if name is None:
                expected = sorted(n for n in table[parser.parser_state.position] if n.isupper())
                raise GrammarMismatch(line, column, code[position : position + 20], expected)
            parser.feed_token(Token(name, value, position, line, column))
            position += len(value)
            breaks = value.count("\n")
            line, column = (line + breaks, len(value) - value.rfind("\n")) if breaks else (line, column + len(value))
        try:
            return parser.feed_eof()
        except UnexpectedInput:
            expected = sorted(n for n in table[parser.parser_state.position] if n.isupper())
            raise GrammarMismatch(line, column, "the end of the file", expected) from None

    def accepts(self, code: str) -> bool:
        try:
            self.parse(code)
        except GrammarMismatch:
            return False
        return True

    def _longest(self, code: str, position: int, stack: list, table) -> tuple[str | None, str]:
        """The longest match the parser can take here (a keyword before a name of the same length).

        LALR merges the lookaheads of similar states, so a terminal in the
        table is tried on a copy of the state stack before it is chosen.
        """
        state = stack[-1]
        key = (state, code[position])
        names = self._candidates.get(key)
        if names is None:
            names = [n for n in table[state] if n in self._terminals and self._terminals[n][1].match(code[position])]
            self._candidates[key] = names
        found = []
        for name in names:
            pattern, _, is_string = self._terminals[name]
            match = pattern.match(code, position)
            if match is not None and match.end() > position:
                found.append((match.end() - position, is_string, name, match.group()))
        for _, _, name, value in sorted(found, reverse=True):
            if _takes(table, stack, name):
                return name, value
        return None, ""


def _takes(table, stack: list, terminal: str) -> bool:
    """Whether the LALR parser with this state stack shifts ``terminal`` (after its reductions)."""
    stack = list(stack)
    while True:
        action = table[stack[-1]].get(terminal)
        if action is None:
            return False
        kind, argument = action
        if kind.name == "Shift":
            return True
        size = len(argument.expansion)
        if size:
            del stack[-size:]
        stack.append(table[stack[-1]][argument.origin.name][1])


def _first_characters(regexp: str):
    """A pattern matching every character ``regexp`` can begin with (and perhaps more):
    it narrows the terminals tried at a position to those that can start there."""
    import re._parser as sre_parse  # the regex parser of Python 3.11+

    parts, _ = _first_of(list(sre_parse.parse(regexp)), sre_parse)
    return re.compile("|".join(parts) if parts else "(?!)", re.DOTALL)


def _first_of(items: list, c) -> tuple[list[str], bool]:
    """(character patterns, whether the sequence can be empty) of a parsed regex sequence;
    ``c`` is the regex parser module, which names the opcodes."""
    parts: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            parts.append(re.escape(chr(av)))
            return parts, False
        if op is c.NOT_LITERAL:
            parts.append(f"[^{re.escape(chr(av))}]")
            return parts, False
        if op is c.IN:
            parts.append(_character_class(av, c))
            return parts, False
        if op is c.BRANCH:
            empty = False
            for branch in av[1]:
                found, can_be_empty = _first_of(list(branch), c)
                parts.extend(found)
                empty = empty or can_be_empty
            if not empty:
                return parts, False
        elif op is c.SUBPATTERN:
            found, can_be_empty = _first_of(list(av[-1]), c)
            parts.extend(found)
            if not can_be_empty:
                return parts, False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, inner = av
            found, can_be_empty = _first_of(list(inner), c)
            parts.extend(found)
            if low > 0 and not can_be_empty:
                return parts, False
        elif op is c.AT:
            continue
        else:  # anything else: any character may come first
            parts.append(".")
            return parts, False
    return parts, True


def _character_class(items: list, c) -> str:
    """A parsed character set as a class (``.`` for what it cannot spell)."""
    names = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
             c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
    inside, negate = [], False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            inside.append(re.escape(chr(av)))
        elif op is c.RANGE:
            inside.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in names:
            inside.append(names[av])
        else:
            return "."
    return f"[{'^' if negate else ''}{''.join(inside)}]"


# --- the catalog as function signatures ----------------------------------------------


def signatures() -> list[dict]:
    """Every catalog action once, as a function signature."""
    return [signature(entry) for entry in sorted(catalog.all_entries(), key=lambda e: e.identifier)]


def signature(entry: catalog.Entry) -> dict:
    """name (the function name), short_name (what decompiled code calls), identifier,
    display name, app, parameters (key, the keyword decompiled code writes for it,
    type, required, whether the key itself can be a Python keyword, enum members,
    input, default) and output (name, type)."""
    from .names import is_keyword_argument

    written = catalog.written_keywords(entry)
    parameters = []
    for parameter in entry.parameters:
        item = {
            "name": parameter.key,
            "type": parameter.type,
            "required": parameter.required,
            "keyword": is_keyword_argument(parameter.key),  # False: pass it in **{"key": value}
        }
        if parameter.key in written:
            item["written_as"] = written[parameter.key]  # the key works too
        if parameter.enum:
            item["enum"] = list(parameter.enum)
        if parameter.is_input:
            item["input"] = True
        if parameter.has_default:
            item["default"] = parameter.default
        parameters.append(item)
    return {
        "name": entry.function_name,
        "short_name": catalog.call_name(entry.identifier),
        "identifier": entry.identifier,
        "display_name": entry.display_name,
        "app": entry.app,
        "parameters": parameters,
        "output": {"name": entry.output_name, "type": entry.output_type} if entry.output_name or entry.output_type else None,
    }


def signatures_json() -> str:
    return json.dumps(signatures(), ensure_ascii=False, indent=1, default=_plain) + "\n"


def _plain(value):
    """Defaults that JSON has no type for: data and dates, tagged as in the catalog files."""
    if isinstance(value, bytes):
        return {"$data": value.hex()}
    if hasattr(value, "isoformat"):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
