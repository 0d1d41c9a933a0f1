"""The action catalog: identifiers, function names, parameters and outputs.

The data lives in ``api_catalog/`` (installed as ``shortcuts2py._catalog``, see
``api_catalog/SCHEMA.md``). Loading is lazy: importing this module reads
nothing; the first lookup reads ``index.json`` once, and full entries are read
one shard at a time when asked for.
"""

from __future__ import annotations

import builtins
import difflib
import hashlib
import json
import keyword
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "ATTACHMENT_TYPES",
    "BOOKKEEPING_KEYS",
    "GENERAL_KEYS",
    "MISSING",
    "RESERVED_NAMES",
    "Entry",
    "Parameter",
    "all_entries",
    "all_identifiers",
    "base_function_name",
    "entry",
    "entry_for_function",
    "function_name",
    "identifier",
    "is_builtin",
    "is_general_key",
    "key_vocabulary",
    "key_words",
    "likely_typo",
    "literal_kind",
    "is_reserved",
    "output_name",
    "parameter_order",
    "search",
    "shard_of",
    "suggest",
]

# --------------------------------------------------------------------------- naming rules

# Names of the workflow language that an action function must never take.
RESERVED_NAMES = frozenset(
    """
    shortcut ids action raw_action menu menu_case condition if_result menu_result
    repeat_results repeat_count repeat_each range enumerate var attachment
    missing_output global_variable token_string date real group pass
    ShortcutInput Clipboard CurrentDate Ask DeviceDetails Input Repeat_Item Repeat_Index
    """.split()
)
# Parameter keys any action may carry: ids, block bookkeeping, a renamed
# output, App Intents descriptors.  They are not action parameters.
BOOKKEEPING_KEYS = frozenset(
    {
        "UUID",
        "GroupingIdentifier",
        "WFControlFlowMode",
        "CustomOutputName",
        "AppIntentDescriptor",
        "IntentAppDefinition",
        "SerializedIntentDescriptor",
        "WFSerializationType",
    }
)


# The general keys that are Python names: code writes them as keywords.
GENERAL_KEYS = BOOKKEEPING_KEYS | {"ShowWhenRun"}


def is_general_key(key: str) -> bool:
    """True for keys valid on every action: bookkeeping, "Show When Run" and
    the editor's "Show-<parameter>" disclosure flags."""
    return key in GENERAL_KEYS or key.startswith("Show-")


def is_builtin(identifier: str) -> bool:
    """True for the actions Shortcuts itself provides (``is.workflow.actions.*``)
    and those of Apple's own apps (``com.apple.*``)."""
    return identifier.startswith(("is.workflow.actions.", "com.apple."))


# --------------------------------------------------------------------------- misspellings

# Words of a key: "WFContentItemSortOrder" -> wf, content, item, sort, order.
_KEY_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def key_words(key: str) -> list[str]:
    """The words a parameter key is made of, case-folded."""
    return [word.casefold() for word in _KEY_WORD.findall(key)]


def _allowed_edits(length: int) -> int:
    # One slip in a short key already makes another plausible word.
    return 0 if length <= 2 else 1 if length <= 5 else 2


def _without_prefix(folded: str) -> str:
    return folded[2:] if folded.startswith("wf") else folded


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import OSA  # imported here: most runs never need it

    return OSA.distance(a, b)


def _plausible_variant(key: str, known: str, vocabulary) -> bool:
    """True when ``key`` reads as a key of its own next to ``known``: a plural,
    or the same words with one whole word swapped for another real one
    (``setVariableKey`` next to ``getVariableKey``, ``Value2`` next to ``Value1``)."""
    a, b = _without_prefix(key.casefold()), _without_prefix(known.casefold())
    short, long_ = sorted((a, b), key=len)
    if not short.endswith("s") and long_ in (short + "s", short + "es"):
        return True
    words_a, words_b = key_words(key), key_words(known)
    if len(words_a) != len(words_b):
        return False
    changed = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(changed) != 1:
        return False
    x, y = changed[0]
    if len(x) != len(y) or sorted(x) == sorted(y):  # a slip inserts, drops or swaps letters
        return False
    return (x.isdigit() and y.isdigit()) or (len(x) >= 3 and x in vocabulary and y in vocabulary)


def likely_typo(key: str, known: Iterable[str], vocabulary=None) -> str | None:
    """The known key that ``key`` is probably a misspelling of, or None.

    A misspelling differs from a known key only in letter case or a missing
    or extra ``WF`` prefix, or by one edit (two for keys longer than five
    characters; an edit inserts, drops, replaces or swaps two neighbouring
    letters).  A plural of a known key, or a known key with one whole word
    replaced by another word that keys use, is not a misspelling: the app
    writes such keys.  ``vocabulary`` is that set of words (by default the
    words of every key in the catalog).
    """
    known = [k for k in known if isinstance(k, str)]
    if key in known:
        return None
    folded = key.casefold()
    bare = _without_prefix(folded)
    for candidate in known:
        if candidate.casefold() == folded or _without_prefix(candidate.casefold()) == bare:
            return candidate
    best = None
    for candidate in known:
        allowed = _allowed_edits(len(candidate))
        if allowed == 0 or abs(len(candidate) - len(key)) > allowed + 2:
            continue
        distance = min(
            _distance(folded, candidate.casefold()),
            _distance(bare, _without_prefix(candidate.casefold())),
        )
        if distance > allowed:
            continue
        if vocabulary is None:
            vocabulary = key_vocabulary()
        if _plausible_variant(key, candidate, vocabulary):
            continue
        if best is None or (distance, candidate) < best:
            best = (distance, candidate)
    return best[1] if best else None


# Attachment types that stand for a variable rather than a literal.
ATTACHMENT_TYPES = frozenset(
    {"ActionOutput", "Variable", "ExtensionInput", "CurrentDate", "Clipboard", "Ask",
     "DeviceDetails", "Input", "CurrentApp", "HomeAccessory"}
)
_TAGGED_KINDS = {
    "WFTextTokenAttachment": "variable",
    "WFDictionaryFieldValue": "dictionary",
    "WFArrayParameterState": "list",
}


def literal_kind(value) -> str:
    """How a parameter value is written in a file: the vocabulary of the
    ``seen`` field of parameters (see SCHEMA.md)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return "text"
        return "numeric text"
    if isinstance(value, bytes):
        return "data"
    if isinstance(value, list):
        return "list"
    if not isinstance(value, dict):
        return "date"
    tag = value.get("WFSerializationType")
    if tag == "WFTextTokenString":
        inner = value.get("Value")
        attached = isinstance(inner, dict) and inner.get("attachmentsByRange")
        return "tokens" if attached else "text"
    if isinstance(tag, str):
        return _TAGGED_KINDS.get(tag, "object")
    kind = value.get("Type")
    return "variable" if isinstance(kind, str) and kind in ATTACHMENT_TYPES else "object"


# Soft keywords of later Python versions too, so names do not depend on the
# interpreter that built the catalog.
_SOFT_KEYWORDS = frozenset(keyword.softkwlist) | {"_", "case", "match", "type"}
_BUILTINS = frozenset(dir(builtins))


def is_reserved(name: str) -> bool:
    """True when ``name`` cannot be an action function name as it is."""
    return (
        keyword.iskeyword(name)
        or name in _SOFT_KEYWORDS
        or name in _BUILTINS
        or name in RESERVED_NAMES
    )


def _name_char(ch: str) -> str:
    if ch == ".":
        return "_"
    if not ("a" + ch).isidentifier() or unicodedata.normalize("NFKC", ch) != ch:
        return "_"
    return ch


def base_function_name(identifier: str) -> str:
    """The function name an identifier gets before collisions are resolved.

    ``.`` and characters that cannot appear in a Python identifier (or that
    NFKC normalization would change) become ``_``; a name that cannot start an
    identifier gets a ``_`` prefix; a keyword, builtin or reserved name gets a
    ``_`` suffix.
    """
    name = "".join(_name_char(ch) for ch in identifier) or "_"
    if not name[0].isidentifier():
        name = "_" + name
    if unicodedata.normalize("NFKC", name) != name:
        # Combining marks can still compose with their neighbours.
        name = "".join(ch if unicodedata.category(ch)[0] != "M" else "_" for ch in name)
    if unicodedata.normalize("NFKC", name) != name:  # pragma: no cover - defensive
        name = "".join(ch if ch.isascii() else "_" for ch in name)
    if is_reserved(name):
        name += "_"
    return name


SHARD_COUNT = 64


def shard_of(identifier: str) -> str:
    """The shard file (without ``.json``) that holds ``identifier``'s entry."""
    digest = hashlib.sha256(identifier.encode("utf-8")).digest()
    return f"{int.from_bytes(digest[:4], 'big') % SHARD_COUNT:02x}"


# --------------------------------------------------------------------------- data types


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self):
        return "MISSING"


MISSING = _Missing()
"""The ``default`` of a parameter that has no known default."""


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    type: str
    cls: str | None
    enum: tuple[str, ...] | None
    default: object
    required: bool
    is_input: bool
    inferred: bool = False
    seen: tuple[str, ...] = ()
    shared_from: str | None = None
    type_source: str | None = None

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING


@dataclass(frozen=True)
class Entry:
    identifier: str
    function_name: str
    display_name: str
    app: str | None
    bundle: str | None
    categories: tuple[str, ...]
    description: str
    inferred: bool
    sources: tuple[str, ...]
    input_parameter: str | None
    output_name: str | None
    output_type: str | None
    parameters: tuple[Parameter, ...]
    keywords: tuple[str, ...] = ()
    starred_keys: tuple[str, ...] = ()
    positional: tuple[str, ...] = ()  # keys a call may give as bare arguments, in order

    def parameter(self, key: str) -> Parameter | None:
        for p in self.parameters:
            if p.key == key:
                return p
        return None

    @property
    def parameter_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parameters)


def _parameter(raw: dict) -> Parameter:
    enum = raw.get("enum")
    return Parameter(
        key=raw["key"],
        label=raw.get("label") or "",
        type=raw.get("type") or "any",
        cls=raw.get("class"),
        enum=tuple(enum) if enum is not None else None,
        default=raw["default"] if "default" in raw else MISSING,
        required=bool(raw.get("required")),
        is_input=bool(raw.get("is_input")),
        inferred=bool(raw.get("inferred")),
        seen=tuple(raw.get("seen") or ()),
        shared_from=raw.get("shared_from"),
        type_source=raw.get("type_source"),
    )


def _entry(raw: dict) -> Entry:
    output = raw.get("output") or {}
    return Entry(
        identifier=raw["identifier"],
        function_name=raw["function_name"],
        display_name=raw.get("display_name") or "",
        app=raw.get("app"),
        bundle=raw.get("bundle"),
        categories=tuple(raw.get("categories") or ()),
        description=raw.get("description") or "",
        inferred=bool(raw.get("inferred")),
        sources=tuple(raw.get("sources") or ()),
        input_parameter=raw.get("input_parameter"),
        output_name=output.get("name"),
        output_type=output.get("type"),
        parameters=tuple(_parameter(p) for p in raw.get("parameters") or ()),
        keywords=tuple(raw.get("keywords") or ()),
        starred_keys=tuple(raw.get("starred_keys") or ()),
        positional=tuple(raw.get("positional") or ()),
    )


# --------------------------------------------------------------------------- lazy store

_lock = threading.RLock()
_index: dict[str, tuple[str, str | None, str]] | None = None
_by_function: dict[str, str] | None = None
_shards: dict[str, dict[str, Entry]] = {}
_shard_loads = 0  # number of shard files read so far (tests check laziness with it)
_vocabulary: frozenset[str] | None = None
_aliases: dict[str, str] | None = None
_joined_shorts: dict[str, str] | None = None
_search_rows: list[tuple[Entry, tuple[tuple[str, ...], ...], str]] | None = None


def _read_json(*parts: str):
    from .resources import catalog_dir

    node = catalog_dir()
    for part in parts:
        node = node.joinpath(part)
    return json.loads(node.read_text(encoding="utf-8"))


def _load_index() -> dict[str, tuple[str, str | None, str]]:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                raw = _read_json("index.json")
                _index = {ident: (row[0], row[1], row[2]) for ident, row in raw.items()}
    return _index


def _function_index() -> dict[str, str]:
    global _by_function
    if _by_function is None:
        index = _load_index()
        with _lock:
            if _by_function is None:
                _by_function = {row[0]: ident for ident, row in index.items()}
    return _by_function


def _load_shard(shard: str) -> dict[str, Entry]:
    global _shard_loads
    entries = _shards.get(shard)
    if entries is None:
        with _lock:
            entries = _shards.get(shard)
            if entries is None:
                raw = _read_json("actions", f"{shard}.json")
                entries = {ident: _entry(data) for ident, data in raw.items()}
                _shards[shard] = entries
                _shard_loads += 1
    return entries


def _clear_cache() -> None:
    """Forget everything loaded (for tests)."""
    global _index, _by_function, _shard_loads, _vocabulary, _search_rows, _short_index, _aliases, _joined_shorts
    with _lock:
        _aliases = None
        _joined_shorts = None
        _keyword_names.clear()
        _index = None
        _by_function = None
        _short_index = None
        _shards.clear()
        _shard_loads = 0
        _vocabulary = None
        _search_rows = None


# --------------------------------------------------------------------------- public API


def function_name(identifier: str) -> str | None:
    """The function name of an action identifier, or None if unknown."""
    row = _load_index().get(identifier)
    return row[0] if row else None


def output_name(identifier: str) -> str | None:
    """The English display name of an action's output, or None."""
    row = _load_index().get(identifier)
    return row[1] if row else None


def identifier(function_name: str) -> str | None:
    """The identifier whose function name (or short name) is ``function_name``, or None."""
    found = _function_index().get(function_name)
    if found is None:
        found = _short_names()[1].get(function_name)
    return found


def call_name(identifier: str) -> str | None:
    """The name decompiled code calls an action by: the short name of a
    built-in action (``getvalueforkey`` for ``is.workflow.actions.getvalueforkey``)
    where that name is free, else its function name."""
    short = _short_names()[0].get(identifier)
    return short if short is not None else function_name(identifier)


def is_call_name(name: str) -> bool:
    """Whether ``name`` is the short name of some action (so no output may take it)."""
    return name in _short_names()[1]


_BUILTIN_PREFIX = "is.workflow.actions."
_short_index: tuple[dict[str, str], dict[str, str]] | None = None


def _short_names() -> tuple[dict[str, str], dict[str, str]]:
    """identifier -> short name, and back.  A built-in action's identifier
    without its prefix, when that name is a plain Python name that no builtin,
    keyword, name of the language, other action or output name already uses."""
    global _short_index
    if _short_index is None:
        from . import names

        index = _load_index()
        functions = _function_index()
        outputs = {names.output_base_name(display) for display in {row[1] for row in index.values() if row[1]}}
        outputs.update(("if_result", "menu_result", "repeat_results"))
        candidates: dict[str, list[str]] = {}
        for ident in index:
            if ident.startswith(_BUILTIN_PREFIX):
                rest = ident[len(_BUILTIN_PREFIX) :]
                candidates.setdefault(rest.replace(".", "_"), []).append(ident)
        forward: dict[str, str] = {}
        for candidate, idents in candidates.items():
            usable = (  # the cheap tests first: this runs at the start of every decompile
                len(idents) == 1
                and candidate not in functions
                and candidate not in outputs
                and candidate not in _BUILTINS
                and names.is_plain_name(candidate)
                and base_function_name(candidate) == candidate
            )
            if usable:
                forward[idents[0]] = candidate
        _short_index = (forward, {short: ident for ident, short in forward.items()})
    return _short_index


# Python's own functions that do what an action does (constructs.calls reads their arguments).
PYTHON_FUNCTIONS = {"print": "is.workflow.actions.showresult", "input": "is.workflow.actions.ask"}


def identifier_by_alias(name: str) -> str | None:
    """The built-in action ``name`` calls in a hand-writer's spelling, or None:
    Python's function that does its job (``print``, ``input``), its display name
    in snake case (``show_result`` for "Show Result"), or its short name with
    underscores between the words (``get_battery_level`` for ``getbatterylevel``).
    Decompiled code uses ``call_name``."""
    found = PYTHON_FUNCTIONS.get(name) or display_aliases().get(name)
    if found is None and "_" in name:
        found = _squashed_short_names().get(name.replace("_", ""))
    return found


def _squashed_short_names() -> dict[str, str]:
    """Short names without their underscores -> identifier, where that is unambiguous."""
    global _joined_shorts
    if _joined_shorts is None:
        owners: dict[str, set[str]] = {}
        for identifier, short in _short_names()[0].items():
            owners.setdefault(short.replace("_", ""), set()).add(identifier)
        found = {squashed: idents.pop() for squashed, idents in owners.items() if len(idents) == 1}
        with _lock:
            _joined_shorts = found
    return _joined_shorts


def display_aliases() -> dict[str, str]:
    """Snake-case display names of built-in actions -> identifier (``aliases.json``)."""
    global _aliases
    if _aliases is None:
        aliases = _read_json("aliases.json")
        with _lock:
            _aliases = aliases
    return _aliases


def keyword_names(entry: Entry) -> dict[str, str]:
    """Keywords that name a parameter other than by its key -> that key.

    Two sources, in snake case: the label the app shows (``title`` for "Title"),
    and the key's own words without ``WF`` and the action's prefix (``prompt``
    for WFAskActionPrompt, ``input_type`` for WFInputType), also without the
    leading words the action's name already says (``index`` for getitemfromlist's
    WFItemIndex), of a Find/Filter family's ``ContentItem`` and of a last word
    ``Parameter`` (``filter``, ``input``).  A name is kept only when it is no key
    of the action and one parameter alone has it; a label wins over the key's words.
    """
    found = _keyword_names.get(entry.identifier)
    if found is None:
        found = _keyword_names[entry.identifier] = _keyword_names_of(entry)
    return found


_keyword_names: dict[str, dict[str, str]] = {}


def written_keywords(entry: Entry) -> dict[str, str]:
    """Key -> the one keyword decompiled code writes for it: the label the app
    shows when that names the key, else the shortest of the key's own words.
    Keys without a keyword name are written as themselves."""
    found = _written_keywords.get(entry.identifier)
    if found is None:
        labels = _labels_of(entry, set(entry.parameter_keys))
        found = {}
        for name, key in sorted(keyword_names(entry).items(), key=lambda item: (labels.get(item[0]) != item[1], len(item[0]), item[0])):
            found.setdefault(key, name)
        _written_keywords[entry.identifier] = found
    return found


_written_keywords: dict[str, dict[str, str]] = {}


def _keyword_names_of(entry: Entry) -> dict[str, str]:
    keys = set(entry.parameter_keys)
    found = _labels_of(entry, keys)
    taken = set(found) | keys
    owners: dict[str, set[str]] = {}
    action_words = _action_words(entry.identifier)
    for parameter in entry.parameters:
        for name in _names_of_key(parameter.key, action_words):
            owners.setdefault(name, set()).add(parameter.key)
    for name, owner_keys in owners.items():
        if len(owner_keys) == 1 and name not in taken and _usable_keyword(name):
            found[name] = next(iter(owner_keys))
    return found


def _labels_of(entry: Entry, keys: set[str]) -> dict[str, str]:
    owners: dict[str, list[Parameter]] = {}
    for parameter in entry.parameters:
        # An apostrophe joins its word ("Don't" -> dont), as in Python names people write.
        label = "_".join(re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", parameter.label.lower())))
        if _usable_keyword(label) and label not in keys:
            owners.setdefault(label, []).append(parameter)
    found = {}
    for label, parameters in owners.items():
        # A switch that shows a section is labelled like the section ("Headers"):
        # the label names the section's value.
        if len(parameters) > 1:
            parameters = [p for p in parameters if p.type != "boolean"]
        if len(parameters) == 1:
            found[label] = parameters[0].key
    return found


# The words of a key: WFHTTPMethod -> HTTP, Method; WFAskActionDefaultAnswerURL -> ..., URL.
_KEY_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def _names_of_key(key: str, action_words: str) -> list[str]:
    """``WFAskActionPrompt`` -> ["prompt"]; ``WFItemIndex`` of getitemfromlist ->
    ["item_index", "index"]: the key's words after its WF and Action prefixes,
    and the same without the leading words the action's name holds, without a
    leading "ContentItem" (the Find and Filter family's prefix) and without a
    last word "Parameter" (``WFContentItemInputParameter`` -> ``input``)."""
    rest = key[2:] if key.startswith("WF") and key[2:3].isupper() else key
    prefix = rest.rfind("Action")
    if prefix > 0 and rest[prefix + 6 : prefix + 7].isupper():
        rest = rest[prefix + 6 :]
    words = [word.lower() for word in _KEY_WORD.findall(rest)]
    if not words or "_".join(words) == key:
        return []  # a key already in snake case is its own keyword
    names = ["_".join(words)]
    start = 0
    while start < len(words) - 1 and len(words[start]) > 2 and words[start] in action_words:
        start += 1
    # The Find, Filter and Get Details actions prefix their keys with "ContentItem"
    # (WFContentItemFilter, WFContentItemLimitNumber): a family's prefix, like "Action".
    if not start and words[:2] == ["content", "item"] and len(words) > 2:
        start = 2
    short = words[start:-1] if len(words) - start > 1 and words[-1] == "parameter" else words[start:]
    if len(short) < len(words):  # "Parameter" at the end says nothing: WFContentItemInputParameter -> input
        names.append("_".join(short))
    return names


def _action_words(identifier: str) -> str:
    """The name part of an identifier, lower case: ``getitemfromlist``, ``textsplit``."""
    if identifier.startswith(_BUILTIN_PREFIX):
        return identifier[len(_BUILTIN_PREFIX) :].replace(".", "").lower()
    return identifier.rsplit(".", 1)[-1].lower()


def _usable_keyword(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and name != "_"


def entry(identifier: str) -> Entry | None:
    """The full entry of an identifier (reads its shard once), or None."""
    row = _load_index().get(identifier)
    if row is None:
        return None
    return _load_shard(row[2]).get(identifier)


def entry_for_function(function_name: str) -> Entry | None:
    ident = identifier(function_name)
    return entry(ident) if ident is not None else None


def parameter_order(identifier: str) -> tuple[str, ...]:
    """Parameter keys in catalog order; () for unknown identifiers."""
    e = entry(identifier)
    return e.parameter_keys if e is not None else ()


def suggest(name: str, limit: int = 3) -> list[str]:
    """Names that ``name`` was probably meant to be, best first: the names
    decompiled code calls (``call_name``), so a short name is suggested as one.

    Compared with whole names first (short and function names), then with the
    last part of each identifier, so that ``gettxt`` still finds ``gettext``.
    """
    found = _suggest_functions(name, limit)
    if name.startswith("is_workflow_actions_"):  # answer in the writer's own style
        found = [function_name(identifier(f) or "") or f for f in found]
    out: list[str] = []
    for function in found:
        call = function if name.startswith("is_workflow_actions_") else call_name(identifier(function) or "") or function
        if call not in out:
            out.append(call)
    return out[:limit]


def _suggest_functions(name: str, limit: int) -> list[str]:
    by_function = dict(_function_index())
    by_function.update(_short_names()[1])
    close = difflib.get_close_matches(name, sorted(by_function), n=limit, cutoff=0.8)
    if close:
        return close
    tails: dict[str, list[str]] = {}
    for function, ident in sorted(by_function.items()):
        tails.setdefault(ident.rsplit(".", 1)[-1].casefold(), []).append(function)
    short = name.rsplit("_", 1)[-1] if name.startswith("is_workflow_actions_") else name
    found = difflib.get_close_matches(short.casefold(), sorted(tails), n=limit, cutoff=0.75)
    return [function for tail in found for function in tails[tail]][:limit]


def all_identifiers() -> list[str]:
    return sorted(_load_index())


def all_entries() -> list[Entry]:
    """Every entry, sorted by identifier (reads all shards)."""
    index = _load_index()
    for shard in sorted({row[2] for row in index.values()}):
        _load_shard(shard)
    return [_shards[index[ident][2]][ident] for ident in sorted(index)]


def key_vocabulary() -> frozenset[str]:
    """Every word that some parameter key in the catalog is made of
    (``key_words.json``, so that no shard needs reading)."""
    global _vocabulary
    if _vocabulary is None:
        words = frozenset(_read_json("key_words.json"))
        with _lock:
            _vocabulary = words
    return _vocabulary


# --------------------------------------------------------------------------- search

# Words of names and labels: "Get Contents of URL", "is_workflow_actions_gettext",
# "com.sindresorhus.Actions.SortListIntent" -> sort, list, intent.
_SEARCH_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")

# The fields of an entry, most telling first: display name; names (function
# name, identifier); app; keywords and categories; parameter keys and labels.
_DISPLAY, _NAMES, _APP, _TOPICS, _PARAMETERS = range(5)
_FIELD_WEIGHTS = (16, 8, 4, 2, 1)


def _words(*texts: str, whole: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words of ``texts``, then the ``whole`` strings themselves."""
    words = [w.casefold() for text in texts for w in _SEARCH_WORD.findall(text)]
    return tuple(dict.fromkeys(words + [w.casefold() for w in whole]))


def _search_fields(e: Entry) -> tuple[tuple[str, ...], ...]:
    keys = tuple(p.key for p in e.parameters)
    return (
        _words(e.display_name),
        _words(e.function_name, e.identifier, whole=(e.function_name, *e.identifier.split("."))),
        _words(e.app or "", e.bundle or ""),
        _words(*e.keywords, *e.categories),
        _words(*keys, *(p.label for p in e.parameters), whole=keys),
    )


def _search_table() -> list[tuple[Entry, tuple[tuple[str, ...], ...], str]]:
    global _search_rows
    if _search_rows is None:
        _search_rows = [(e, _search_fields(e), _squashed(e.display_name)) for e in all_entries()]
    return _search_rows


def _squashed(text: str) -> str:
    return "".join(text.casefold().split())


def _term_score(term: str, fields: tuple[tuple[str, ...], ...]) -> tuple[int, int]:
    """(first field it is found in, score) of one query word; (len(fields), 0)
    when it is found nowhere.  The score is the best over the fields of the
    field's weight times the match: a whole word 3, the start of a word 2,
    a part of a word 1 (for words of three letters or more)."""
    first, score = len(fields), 0
    for index, words in enumerate(fields):
        quality = 0
        for word in words:
            if word == term:
                quality = 3
                break
            if word.startswith(term):
                quality = 2
            elif quality == 0 and len(term) >= 3 and term in word:
                quality = 1
        if quality:
            first = min(first, index)
            score = max(score, _FIELD_WEIGHTS[index] * quality)
    return first, score


def search(text: str, limit: int = 50) -> list[Entry]:
    """Entries matching ``text`` (case-insensitive), best first.

    Results come in tiers: the whole text naming the action (display name,
    function name, identifier or its last part); every word a whole word of
    the display name; every word starting a word of the display name or the
    names; every word found in those, the app, keywords or categories; last,
    matches in parameter keys and labels.  Within a tier, built-in actions
    (see ``is_builtin``) come first, then the higher score (whole words over
    prefixes over parts of words, more telling fields over less), then the
    shorter display name, then the function name.
    """
    terms = list(dict.fromkeys(text.casefold().split()))
    if not terms or limit <= 0:
        return []
    phrase = " ".join(terms)
    squashed = "".join(terms)
    scored = []
    for e, fields, display in _search_table():
        names = {e.function_name.casefold(), e.identifier.casefold(), e.identifier.rsplit(".", 1)[-1].casefold()}
        if phrase in names or (display and squashed == display):
            tier, score = 0, 0
        else:
            hits = [_term_score(term, fields) for term in terms]
            if any(score == 0 for _, score in hits):
                continue
            score = sum(score for _, score in hits)
            worst_field = max(field for field, _ in hits)
            named = fields[_DISPLAY] + fields[_NAMES]
            if all(term in fields[_DISPLAY] for term in terms):
                tier = 1
            elif worst_field <= _NAMES and all(any(w.startswith(t) for w in named) for t in terms):
                tier = 2
            elif worst_field <= _TOPICS:
                tier = 3
            else:
                tier = 4
        key = (tier, not is_builtin(e.identifier), -score, len(e.display_name or e.identifier), e.function_name)
        scored.append((key, e))
    scored.sort(key=lambda item: item[0])
    return [e for _, e in scored[:limit]]
