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
import threading
import unicodedata
from dataclasses import dataclass

__all__ = [
    "ATTACHMENT_TYPES",
    "BOOKKEEPING_KEYS",
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
    "is_general_key",
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


def is_general_key(key: str) -> bool:
    """True for keys valid on every action: bookkeeping, "Show When Run" and
    the editor's "Show-<parameter>" disclosure flags."""
    return key in BOOKKEEPING_KEYS or key == "ShowWhenRun" or key.startswith("Show-")


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
    return "variable" if value.get("Type") in ATTACHMENT_TYPES else "object"


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
    )


# --------------------------------------------------------------------------- lazy store

_lock = threading.RLock()
_index: dict[str, tuple[str, str | None, str]] | None = None
_by_function: dict[str, str] | None = None
_shards: dict[str, dict[str, Entry]] = {}
_shard_loads = 0  # number of shard files read so far (tests check laziness with it)


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
    global _index, _by_function, _shard_loads
    with _lock:
        _index = None
        _by_function = None
        _shards.clear()
        _shard_loads = 0


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
    """The identifier whose function name is ``function_name``, or None."""
    return _function_index().get(function_name)


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
    """Function names that ``name`` was probably meant to be, best first.

    Compared with whole function names first, then with the last part of
    each identifier, so that ``gettxt`` still finds ``is_workflow_actions_gettext``.
    """
    by_function = _function_index()
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


# Field groups searched, in order of importance.
def _search_fields(e: Entry) -> tuple[tuple[str, ...], ...]:
    return (
        (e.function_name, e.identifier, e.identifier.rsplit(".", 1)[-1]),
        (e.display_name,),
        (e.app or "", e.bundle or ""),
        e.categories,
        tuple(p.key for p in e.parameters) + tuple(p.label for p in e.parameters),
    )


def _match(term: str, groups: list[list[str]]) -> tuple[int, int] | None:
    """Best (rank, field group) of ``term``: rank 0 exact, 1 prefix, 2 substring."""
    best = None
    for g, values in enumerate(groups):
        for value in values:
            if value == term:
                rank = 0
            elif value.startswith(term):
                rank = 1
            elif term in value:
                rank = 2
            else:
                continue
            if best is None or (rank, g) < best:
                best = (rank, g)
    return best


def search(text: str, limit: int = 50) -> list[Entry]:
    """Entries matching ``text`` (case-insensitive), best first.

    Fields searched, in order of importance: function name, identifier and
    its last dotted part; display name; app and bundle; categories; parameter keys and labels. The
    whole text matching one field exactly ranks first, then as a prefix, then
    as a substring. Failing that, every whitespace-separated word must match
    some field, and the entry ranks by its worst word. Ties go to the more
    important field, then to the function name, so results are deterministic.
    """
    terms = text.casefold().split()
    if not terms or limit <= 0:
        return []
    phrase = " ".join(terms)
    scored = []
    for e in all_entries():
        groups = [[v.casefold() for v in group if v] for group in _search_fields(e)]
        hit = _match(phrase, groups)
        if hit is not None:
            scored.append(((hit[0], 0, hit[1], e.function_name), e))
            continue
        if len(terms) == 1:
            continue
        hits = [h for h in (_match(term, groups) for term in terms) if h is not None]
        if len(hits) == len(terms):
            worst = max(rank for rank, _ in hits)
            scored.append(((worst, 1, sum(group for _, group in hits), e.function_name), e))
    scored.sort(key=lambda item: item[0])
    return [e for _, e in scored[:limit]]
