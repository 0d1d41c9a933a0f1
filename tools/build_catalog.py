#!/usr/bin/env python3
"""Build api_catalog/ from the shared reference material and the corpus.

Inputs (read, never copied): ``<shared>/reference/workflowbench/*.json``,
``<shared>/reference/apple/WFActions.plist`` and ``<shared>/corpus``. Only facts
are carried over (identifiers, keys, classes, enum values, defaults, output
names, categories, app names); description text is not.

Output: ``index.json`` (identifier -> [function name, output name, shard]),
``actions/<shard>.json`` (full entries) and ``SCHEMA.md``. The build is
deterministic: the same inputs give the same bytes.

Usage: python tools/build_catalog.py [--shared DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import plistlib
import re
import shutil
import sys
import tokenize
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from shortcuts2py.catalog import (  # noqa: E402
    ATTACHMENT_TYPES,
    BOOKKEEPING_KEYS,
    GENERAL_KEYS,
    SHARD_COUNT,
    base_function_name,
    is_reserved,
    key_words,
    likely_typo,
    literal_kind,
    shard_of,
)
from shortcuts2py.container import ContainerError, read_file  # noqa: E402
from shortcuts2py.names import is_keyword_argument  # noqa: E402

WB, WF, CORPUS = "workflowbench", "wfactions", "corpus"

# --------------------------------------------------------------------------- types

# WFActions parameter class -> normalized value type (see SCHEMA.md).
CLASS_TYPES = {
    "WFTextInputParameter": "text",
    "WFCustomDateFormatParameter": "text",
    "WFURLParameter": "text",
    "WFVariableFieldParameter": "text",
    "WFOSAScriptEditorParameter": "text",
    "WFNumberFieldParameter": "number",
    "WFSliderParameter": "number",
    "WFStepperParameter": "integer",
    "WFConditionalOperatorParameter": "integer",
    "WFSwitchParameter": "boolean",
    "WFExpandingParameter": "boolean",
    "WFEnumerationParameter": "enum",
    "WFDynamicEnumerationParameter": "enum",
    "WFNumericDynamicEnumerationParameter": "enum",
    "WFLinkDynamicEnumerationParameter": "enum",
    "WFGetWiFiDetailEnumerationParameter": "enum",
    "WFVariablePickerParameter": "variable",
    "WFConditionalSubjectParameter": "variable",
    "WFDictionaryParameter": "dictionary",
    "WFContentArrayParameter": "list",
    "WFChooseFromMenuArrayParameter": "list",
    "WFDateFieldParameter": "date",
    "WFDatePickerParameter": "date",
    "WFHealthActionStartDateFieldParameter": "date",
    "WFHealthActionEndDateFieldParameter": "date",
    "WFFilePickerParameter": "file",
    "WFLocationParameter": "location",
    "WFDurationQuantityFieldParameter": "quantity",
    "WFUnitQuantityFieldParameter": "quantity",
    "WFCurrencyQuantityFieldParameter": "quantity",
    "WFHealthQuantityFieldParameter": "quantity",
    "WFWorkoutGoalQuantityFieldParameter": "quantity",
    "WFEmailAddressFieldParameter": "contact",
    "WFPhoneNumberFieldParameter": "contact",
    "WFContactFieldParameter": "contact",
    "WFContactHandleFieldParameter": "contact",
    "WFAppPickerParameter": "app",
    "WFIntentAppPickerParameter": "app",
    "WFColorPickerParameter": "color",
    "WFWorkflowPickerParameter": "workflow",
}

# WorkflowBench App Intents parameter types -> normalized value type.
WB_TYPES = {
    "STRING": "text",
    "NUMBER": "number",
    "FLOAT": "number",
    "INTEGER": "integer",
    "BOOLEAN": "boolean",
    "ENUM": "enum",
    "ENTITY": "entity",
    "FILE": "file",
    "DATETIME": "date",
    "OBJECT": "object",
    "object": "object",
}

# Python annotations of the WorkflowBench stubs, used when the JSON type says little.
ANNOTATION_TYPES = {
    "str": "text",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "dict": "dictionary",
    "list": "list",
    "datetime": "date",
    "datetime.date": "date",
}

TAG_KINDS = {
    "WFTextTokenString": "text",
    "WFTextTokenAttachment": "variable",
    "WFTokenAttachmentParameterState": "variable",
    "WFDictionaryFieldValue": "dictionary",
    "WFQuantityFieldValue": "quantity",
    "WFContactFieldValue": "contact",
    "WFEmailAddressFieldValue": "contact",
    "WFArrayParameterState": "list",
    "WFDateFieldValue": "date",
}


# Text actions that take the previous output when their "text" parameter is empty
# (Combine, Split, Change Case): no reference names their input parameter.
TEXT_INPUT_ACTIONS = frozenset({
    "is.workflow.actions.text.combine",
    "is.workflow.actions.text.split",
    "is.workflow.actions.text.changecase",
})


def value_kind(value) -> str:
    """Guess the normalized type of one parameter value seen in a file."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        tag = value.get("WFSerializationType")
        if isinstance(tag, str):
            if tag in TAG_KINDS:
                return TAG_KINDS[tag]
            if tag in ("WFNumberSubstitutableState", "WFStringSubstitutableState"):
                inner = value.get("Value")
                return "variable" if isinstance(inner, dict) else value_kind(inner)
            return "object"
        if value.get("Type") in ATTACHMENT_TYPES:
            return "variable"
        if "placemark" in value or "isCurrentLocation" in value:
            return "location"
        if "workflowIdentifier" in value or "workflowName" in value:
            return "workflow"
        if "WFColorRepresentationType" in value:
            return "color"
        if "BundleIdentifier" in value:
            return "app"
        if "bookmarkData" in value or "fileLocation" in value:
            return "file"
        return "object"
    return "any"  # data, dates and anything else


def type_from_kinds(kinds: Counter) -> str:
    """Most common literal kind; "variable" only when nothing else was seen."""
    literal = Counter({k: n for k, n in kinds.items() if k not in ("variable", "any")})
    if "integer" in literal and "number" in literal:  # 1 and 0.5 in one slider
        literal["number"] += literal.pop("integer")
    pool = literal or kinds
    if not pool:
        return "any"
    return sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def class_type(cls: str | None, has_items: bool) -> str:
    if has_items:
        return "enum"
    if cls in CLASS_TYPES:
        return CLASS_TYPES[cls]
    if cls and cls.endswith("EnumerationParameter"):
        return "enum"
    if cls and "Quantity" in cls and cls.endswith("Parameter"):
        return "quantity"
    return "any"


# --------------------------------------------------------------------------- WorkflowBench

_KEY_WORDS_LINE = re.compile(r"^Key Words:(.*)$", re.M)
_SIG_LINE = re.compile(r"^\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)(?:\s*=\s*(.*?))?,?\s*$")


def _plain(node):
    """A literal default from an AST node, or raise ValueError."""
    return ast.literal_eval(node)


def parse_stub(src: str) -> dict:
    """Facts from one WorkflowBench Python stub: enum classes, params, return, title."""
    out = {"enums": {}, "params": {}, "returns": None, "title": "", "keywords": []}
    head, sep, _ = src.partition("def ")
    body = sep + _ if sep else src
    # Enum classes: every class attribute name is one case identifier.
    try:
        module = ast.parse(head) if head.strip() else None
    except SyntaxError:
        module = None
    if module is not None:
        for node in module.body:
            if isinstance(node, ast.ClassDef):
                members = [
                    target.id
                    for stmt in node.body
                    if isinstance(stmt, ast.Assign)
                    for target in stmt.targets
                    if isinstance(target, ast.Name)
                ]
                out["enums"][node.name.lower()] = members
    # Signature: the text up to the first line that closes the parameter list.
    sig_match = re.search(r"\)\s*(->\s*(.*?))?:\s*\n", body)
    if not sig_match:
        return out
    sig = body[: sig_match.end()]
    returns = (sig_match.group(2) or "").strip() or None
    out["returns"] = returns
    doc = body[sig_match.end():]
    quote = doc.find('"""')
    if quote >= 0:
        first = doc[quote + 3:].split("\n")
        if len(first) > 1 and first[0].strip() == "" and first[1].strip():
            out["title"] = first[1].strip()
    words = _KEY_WORDS_LINE.search(doc)
    if words:
        out["keywords"] = [w.strip() for w in words.group(1).split(",") if w.strip()]
    try:
        func = ast.parse(sig + "    pass\n").body[0]
        args = func.args.args
        defaults = [None] * (len(args) - len(func.args.defaults)) + list(func.args.defaults)
        rows = [(a.arg, ast.unparse(a.annotation) if a.annotation else None, d) for a, d in zip(args, defaults)]
    except SyntaxError:
        rows = []
        for line in sig.split("\n")[1:]:
            m = _SIG_LINE.match(line)
            if not m:
                continue
            name, ann, default = m.groups()
            node = None
            if default is not None:
                try:
                    node = ast.parse(default, mode="eval").body
                except SyntaxError:
                    node = ast.Name(id="_unparsable_")
            rows.append((name, ann, node))
    for name, ann, node in rows:
        info = {"annotation": ann}
        if node is not None:
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                info["enum_class"] = node.value.id.lower()
                info["default"] = node.attr
            else:
                try:
                    info["default"] = _plain(node)
                except (ValueError, TypeError, SyntaxError, RecursionError):
                    pass
        out["params"][name] = info
    return out


def load_workflowbench(shared: Path) -> dict:
    base = shared / "reference" / "workflowbench"
    docs = json.loads((base / "api_docs_json.json").read_text(encoding="utf-8"))
    stubs = json.loads((base / "api_docs_python.json").read_text(encoding="utf-8"))
    categories = json.loads((base / "api_categories.json").read_text(encoding="utf-8"))
    key_params = json.loads((base / "api_key_params.json").read_text(encoding="utf-8"))
    with_output = set(json.loads((base / "api_with_output.json").read_text(encoding="utf-8")))
    result = {}
    for identifier, value in docs.items():
        pairs = [value] if isinstance(value[0], str) else value
        doc = next(d for i, d in pairs if i == identifier)
        wb_name = identifier.replace(".", "_")
        stub = parse_stub(stubs.get(wb_name, ""))
        required = {p["name"] for p in doc["required_parameters"]}
        params = []
        for p in doc["required_parameters"] + doc["optional_parameters"]:
            facts = stub["params"].get(p["name"], {})
            raw = p["type"]
            norm = CLASS_TYPES.get(raw) or WB_TYPES.get(raw) or class_type(raw, False)
            ann = facts.get("annotation") or ""
            ann_type = ANNOTATION_TYPES.get(ann) or ("list" if ann.startswith(("List[", "list[")) else None)
            fallback = None
            if norm == "object" and ann_type:
                norm = ann_type
            elif norm == "any":
                # A class we do not know (mostly pickers): the stub's annotation
                # is generic, so it is used only if the corpus says nothing.
                fallback = ann_type
            enum = None
            enum_class = (p.get("enum_class") or "").lower() or facts.get("enum_class")
            if norm == "enum" and enum_class in stub["enums"]:
                enum = stub["enums"][enum_class]
            param = {
                "key": p["name"],
                "label": p.get("description") or "",
                "class": raw,
                "type": norm,
                "enum": enum,
                "required": p["name"] in required and "default" not in facts,
                "fallback_type": fallback,
            }
            if "default" in facts:
                default = facts["default"]
                if norm in ("number", "integer") and literal_kind(default) == "text":
                    # An intent enum the stub types as a number: its cases are strings.
                    param["type"] = "text"
                if norm == "boolean" and isinstance(default, int) and not isinstance(default, bool):
                    default = bool(default)
                param["default"] = default
            params.append(param)
        returns = doc.get("return_data") or []
        has_output = bool(returns) or wb_name in with_output or identifier in with_output
        output_type = stub["returns"] if stub["returns"] not in (None, "None") else None
        result[identifier] = {
            "title": stub["title"],
            "params": params,
            "returns": returns,
            "has_output": has_output,
            "output_type": output_type if has_output else None,
            "categories": list(categories.get(wb_name) or []),
            "key_param": key_params.get(wb_name),
            "keywords": stub["keywords"],
        }
    return result


def sample_keys(shared: Path, identifiers) -> dict[str, list[str]]:
    """identifier -> keywords its calls use in WorkflowBench's sample programs.

    The samples are Python-style code, often cut short or not valid Python
    3.11, so they are read token by token, up to the first token error.
    """
    path = shared / "reference" / "workflowbench" / "data_samples.json"
    if not path.is_file():
        return {}
    by_name = {ident.replace(".", "_"): ident for ident in identifiers}
    found: dict[str, list[str]] = defaultdict(list)
    for sample in json.loads(path.read_text(encoding="utf-8")):
        tokens = _code_tokens(sample.get("annotated_code") or "")
        calls: list[str | None] = []  # the action called by each open bracket
        for i, tok in enumerate(tokens):
            if tok.string in ("(", "[", "{"):
                callee = tokens[i - 1].string if i and tok.string == "(" else None
                calls.append(by_name.get(callee) if callee else None)
            elif tok.string in (")", "]", "}"):
                if calls:
                    calls.pop()
            elif (tok.type == tokenize.NAME and calls and calls[-1] and i + 1 < len(tokens)
                  and tokens[i + 1].string == "=" and tokens[i - 1].string in ("(", ",")):
                if tok.string not in found[calls[-1]]:
                    found[calls[-1]].append(tok.string)
    return dict(found)


def _code_tokens(code: str) -> list:
    skip = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    tokens = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type not in skip:
                tokens.append(tok)
    except (tokenize.TokenError, SyntaxError):
        pass  # keep what was read before the code went wrong
    return tokens


_GENERATED = re.compile(r"^The (result|\w+ entity)\b")


def workflowbench_output_name(identifier: str, wb: dict) -> tuple[str | None, bool]:
    """(name, strong). Strong names beat corpus evidence; weak ones are fallbacks."""
    returns = wb["returns"]
    if not returns:
        return None, False
    if identifier.startswith("is.workflow.actions."):
        name = returns[0]["name"]
        # "Output" is the stub's placeholder for built-ins with no documented name.
        return name, name != "Output"
    # App Intents: `name` is the property; `description` is its label when it is
    # one (not generated text, not the property name repeated). Error strings
    # are failure messages, not outputs.
    candidates = [r for r in returns if "error" not in r["name"].lower()]
    for r in candidates:
        label = (r.get("description") or "").strip()
        if (label and label != r["name"] and not _GENERATED.match(label)
                and not label.endswith(".") and len(label) <= 60):
            return label, True
    return (candidates[0]["name"], False) if candidates else (None, False)


# --------------------------------------------------------------------------- WFActions


def load_wfactions(shared: Path) -> dict:
    with open(shared / "reference" / "apple" / "WFActions.plist", "rb") as f:
        return plistlib.load(f)


def wfactions_params(action: dict) -> list[dict]:
    params = []
    seen = set()
    for p in action.get("Parameters") or []:
        key = p.get("Key")
        if not isinstance(key, str) or key in seen:
            continue
        seen.add(key)
        items = p.get("Items")
        has_items = isinstance(items, list) and bool(items)
        param = {
            "key": key,
            "label": p.get("Label") or "",
            "class": p.get("Class"),
            "type": class_type(p.get("Class"), has_items),
            "enum": [str(i) for i in items] if has_items else None,
            "required": False,
        }
        if "DefaultValue" in p:
            param["default"] = p["DefaultValue"]
        params.append(param)
        legacy = p.get("LegacyKey")
        if isinstance(legacy, str) and legacy not in seen:
            # Older files write the same parameter under its former key.
            seen.add(legacy)
            params.append({k: v for k, v in param.items() if k != "default"} | {"key": legacy})
    # Intent-backed actions: overrides name the wire key (or keep the intent's).
    for name, override in sorted((action.get("ParameterOverrides") or {}).items()):
        if not isinstance(override, dict):
            continue
        key = override.get("Key", name)
        if not isinstance(key, str) or key in seen:
            continue
        seen.add(key)
        enum_map = override.get("IntentEnumOverrides")
        enum = [str(v) for v in enum_map.values()] if isinstance(enum_map, dict) and enum_map else None
        params.append(
            {
                "key": key,
                "label": override.get("Label") or "",
                "class": None,
                "type": "enum" if enum else "any",
                "enum": enum,
                "required": False,
            }
        )
    for key in wfactions_named_keys(action):
        if key not in seen:
            seen.add(key)
            params.append({"key": key, "label": "", "class": None, "type": "any", "enum": None, "required": False})
    return params


def wfactions_named_keys(action: dict) -> list[str]:
    """Parameter keys a definition names outside its parameter list: in its
    summaries (``"WFInput,WFRoundTo(10 ^)"`` and ``${WFInput}``), in
    resources that depend on a parameter's value, in the input definition,
    and in parameter fields that point at another parameter (``BoardKey``)."""
    keys: list[str] = []

    def add(key):
        if isinstance(key, str) and key and key not in keys:
            keys.append(key)

    def summaries(value):
        if isinstance(value, str):
            for key in re.findall(r"\$\{([^}]+)\}", value):
                add(key)
        elif isinstance(value, dict):
            for names, text in value.items():
                for name in str(names).split(","):
                    add(re.sub(r"\(.*\)$", "", name.strip()).strip())
                summaries(text)

    summaries(action.get("ParameterSummary"))
    for extra in action.get("AdditionalParameterSummaries") or []:
        if isinstance(extra, dict):
            summaries(extra.get("ParameterSummary"))

    def references(value, parameter_level=False):
        if isinstance(value, dict):
            for field, inner in value.items():
                if field in ("ParameterKey", "WFParameterKey"):
                    add(inner)
                elif parameter_level and field.endswith("Key") and field != "Key" and isinstance(inner, str):
                    add(inner)
                elif field != "LegacyKey":
                    references(inner)
        elif isinstance(value, list):
            for inner in value:
                references(inner)

    for field, value in action.items():
        if field == "Parameters" and isinstance(value, list):
            for p in value:
                references(p, parameter_level=True)
        elif field != "ParameterSummary":
            references(value)
    return keys


# --------------------------------------------------------------------------- corpus


def read_workflow(path: Path) -> dict | None:
    try:
        root = read_file(path)
    except ContainerError:
        return None
    if isinstance(root, dict) and isinstance(root.get("WFWorkflowActions"), list):
        return root
    return None


def _walk(value, visit):
    if isinstance(value, dict):
        visit(value)
        for v in value.values():
            _walk(v, visit)
    elif isinstance(value, list):
        for v in value:
            _walk(v, visit)


def _clean_app_name(name: str) -> str:
    return "".join(ch for ch in name if ch.isprintable() and ch not in "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069").strip()


def scan_corpus(shared: Path) -> dict | None:
    """What real files show per action: keys (and whether the app itself
    wrote them), value kinds, string values, apps, and output references."""
    root = shared / "corpus"
    manifest = root / "manifest.jsonl"
    if not manifest.is_file():
        return None
    seen_content = set()
    actions = defaultdict(lambda: {"count": 0, "keys": Counter(), "kinds": defaultdict(Counter),
                                   "strings": defaultdict(Counter), "app_strings": defaultdict(set),
                                   "literals": defaultdict(set), "app_keys": set(),
                                   "starred": set(), "bundles": Counter()})
    app_names = defaultdict(Counter)
    files = []  # per file: list of (target identifier, name)
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        content = row.get("content_key") or row["sha256"]
        if content in seen_content:
            continue
        seen_content.add(content)
        wf = read_workflow(root / row["file"])
        if wf is None:
            continue
        # Files other tools wrote may hold their own slips (see build_entries).
        by_app = row.get("origin", "app") == "app"
        outputs = {}
        for act in wf["WFWorkflowActions"]:
            if not isinstance(act, dict):
                continue
            ident = act.get("WFWorkflowActionIdentifier")
            if not isinstance(ident, str) or not ident:
                continue
            params = act.get("WFWorkflowActionParameters")
            info = actions[ident]
            info["count"] += 1
            if not isinstance(params, dict):
                continue
            uuid = params.get("UUID")
            if isinstance(uuid, str):
                outputs[uuid] = (ident, "CustomOutputName" in params)
            for key, value in params.items():
                if not isinstance(key, str):
                    continue
                if not is_keyword_argument(key) and key not in BOOKKEEPING_KEYS:
                    info["starred"].add(key)
                if key in BOOKKEEPING_KEYS or key.startswith("Show-"):
                    continue
                info["keys"][key] += 1
                if by_app:
                    info["app_keys"].add(key)
                info["kinds"][key][value_kind(value)] += 1
                if value != "":  # a cleared field: no value of any kind
                    info["literals"][key].add(literal_kind(value))
                if isinstance(value, str):
                    info["strings"][key][value] += 1
                    if by_app:
                        info["app_strings"][key].add(value)
            for desc_key in ("AppIntentDescriptor", "IntentAppDefinition"):
                desc = params.get(desc_key)
                if isinstance(desc, dict) and isinstance(desc.get("BundleIdentifier"), str):
                    info["bundles"][desc["BundleIdentifier"]] += 1
                    if isinstance(desc.get("Name"), str) and _clean_app_name(desc["Name"]):
                        app_names[desc["BundleIdentifier"]][_clean_app_name(desc["Name"])] += 1
        refs = []

        def visit(d, refs=refs, outputs=outputs):
            if d.get("Type") == "ActionOutput" and isinstance(d.get("OutputName"), str):
                target = outputs.get(d.get("OutputUUID"))
                if target and not target[1]:  # renamed outputs say nothing about the action
                    refs.append((target[0], d["OutputName"]))

        for act in wf["WFWorkflowActions"]:
            if isinstance(act, dict):
                _walk(act.get("WFWorkflowActionParameters"), visit)
        files.append(refs)
    return {"actions": actions, "app_names": app_names, "files": files}


def corpus_output_names(files: list, known: dict) -> dict:
    """identifier -> output name from references, preferring English files.

    A file counts as English when its references to actions with a known
    (reference) output name mostly use that name. Names from English files win;
    files without evidence come next; the rest last. Only ASCII names count.
    """
    tiers = [defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)]
    for refs in files:
        hits = sum(1 for ident, name in refs if known.get(ident) == name)
        misses = sum(1 for ident, name in refs if ident in known and known[ident] != name)
        tier = 0 if hits > misses else 1 if hits == misses == 0 else 2
        for ident, name in refs:
            if name.isascii() and name.strip():
                tiers[tier][ident][name] += 1
    result = {}
    for by_ident in tiers:
        for ident, names in by_ident.items():
            if ident not in result:
                result[ident] = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return result


def common(counter: Counter, ascii_only: bool = False) -> str | None:
    items = [(k, n) for k, n in counter.items() if not ascii_only or k.isascii()]
    if not items:
        return None
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))[0][0]


# --------------------------------------------------------------------------- merge


def _add_unique(target: list, values) -> None:
    for v in values:
        if isinstance(v, str) and v and v not in target:
            target.append(v)


def build_entries(shared: Path) -> dict:
    wb_all = load_workflowbench(shared)
    wf_all = load_wfactions(shared)
    corpus = scan_corpus(shared)
    c_actions = corpus["actions"] if corpus else {}

    # Output names known from the references, for judging corpus file language.
    known = {}
    for ident, action in wf_all.items():
        name = (action.get("Output") or {}).get("OutputName") or action.get("OutputName")
        if isinstance(name, str):
            known[ident] = name
    for ident, wb in wb_all.items():
        name, strong = workflowbench_output_name(ident, wb)
        if strong and ident.startswith("is.workflow.actions.") and ident not in known:
            known[ident] = name
    c_outputs = corpus_output_names(corpus["files"], known) if corpus else {}
    samples = sample_keys(shared, set(wb_all) | set(wf_all))
    vocabulary = reference_key_words(wb_all, wf_all, c_actions, samples)

    entries = {}
    for ident in sorted(set(wb_all) | set(wf_all) | set(c_actions)):
        wb, wf, cp = wb_all.get(ident), wf_all.get(ident), c_actions.get(ident)
        sources = [s for s, present in ((CORPUS, cp), (WB, wb), (WF, wf)) if present]
        params: dict[str, dict] = {}
        order: list[str] = []

        def add(param, origin):
            key = param["key"]
            if key not in params:
                params[key] = dict(param, inferred=origin == CORPUS)
                params[key]["type_source"] = origin if param["type"] != "any" else None
                order.append(key)
                return
            have = params[key]
            for field in ("label", "class", "enum", "fallback_type"):
                if not have.get(field) and param.get(field):
                    have[field] = param[field]
            if have["type"] == "any" and param["type"] != "any":
                have["type"] = param["type"]
                have["type_source"] = origin

        wf_keys = set()
        if wf:
            for p in wfactions_params(wf):
                add(p, WF)
                wf_keys.add(p["key"])
        if wb:
            for p in wb["params"]:
                if p["key"] in wf_keys:
                    # WFActions wins; the stub's defaults and "required" for these
                    # are placeholders, so take only what is missing.
                    p = {k: v for k, v in p.items() if k not in ("default", "required")}
                    p["required"] = False
                add(p, WB)
        for key in samples.get(ident, ()):
            if key not in GENERAL_KEYS:
                add({"key": key, "label": "", "class": None, "type": "any", "enum": None, "required": False}, WB)
        if cp:
            for key, _n in sorted(cp["keys"].items(), key=lambda kv: (-kv[1], kv[0])):
                kind = type_from_kinds(cp["kinds"][key])
                if key in params:
                    if params[key]["type"] == "any" and kind != "any":
                        params[key]["type"] = kind
                        params[key]["type_source"] = CORPUS
                    continue
                if key not in cp["app_keys"]:
                    # Only other tools wrote it: keep it unless it misspells a real key.
                    known_here = (set(params) | cp["app_keys"] | GENERAL_KEYS) - {key}
                    if likely_typo(key, known_here, vocabulary):
                        continue
                add({"key": key, "label": "", "class": None, "type": kind, "enum": None,
                     "required": False}, CORPUS)

        for p in params.values():
            if p["type"] == "any" and p.get("fallback_type"):
                p["type"] = p["fallback_type"]
                p["type_source"] = WB
        if cp:
            for key, p in params.items():
                # A parameter that real files leave out is not required in practice.
                if p.get("required") and cp["keys"].get(key, 0) < cp["count"]:
                    p["required"] = False
                # Enum values the app writes that no reference lists yet.
                if p.get("enum") is not None:
                    p["enum"] = list(p["enum"]) + corpus_enum_values(cp, key, p["enum"])
                if cp["literals"].get(key):
                    p["seen"] = sorted(cp["literals"][key])

        # Input parameter.
        input_param = None
        input_required = False
        if wf and isinstance(wf.get("Input"), dict) and isinstance(wf["Input"].get("ParameterKey"), str):
            input_param = wf["Input"]["ParameterKey"]
            input_required = bool(wf["Input"].get("Required"))
        elif wb and isinstance(wb.get("key_param"), str):
            input_param = wb["key_param"]
        elif not wf and not wb and "WFInput" in params:
            input_param = "WFInput"
        elif ident in TEXT_INPUT_ACTIONS:
            input_param = "text"
        if input_param is not None and input_param not in params:
            add({"key": input_param, "label": "", "class": None, "type": "any", "enum": None,
                 "required": False}, WF if wf else WB if wb else CORPUS)
        for key, p in params.items():
            p["is_input"] = key == input_param
            if p["is_input"] and input_required:
                p["required"] = True

        # Output.
        out_name = None
        if wf:
            out_name = (wf.get("Output") or {}).get("OutputName") or wf.get("OutputName")
        if not out_name and wb:
            name, strong = workflowbench_output_name(ident, wb)
            out_name = name if strong else None
            if not out_name:
                out_name = c_outputs.get(ident) or name
        if not out_name:
            out_name = c_outputs.get(ident)
        out_type = None
        if wf and isinstance((wf.get("Output") or {}).get("Types"), list):
            out_type = " | ".join(str(t) for t in wf["Output"]["Types"]) or None
        if out_type is None and wb:
            out_type = wb["output_type"]

        # App and bundle.
        app_def = (wf or {}).get("AppDefinition") or {}
        bundle = app_def.get("BundleIdentifier") or (wf or {}).get("AppIdentifier")
        if not bundle and cp and cp["bundles"]:
            bundle = common(cp["bundles"])
        if not bundle and not ident.startswith("is.workflow.") and ident.count(".") >= 2:
            bundle = ident.rsplit(".", 1)[0]
        app = app_def.get("Name")
        if not app and bundle and corpus:
            app = common(corpus["app_names"].get(bundle, Counter()), ascii_only=True) or common(
                corpus["app_names"].get(bundle, Counter())
            )

        categories: list[str] = []
        if wf:
            _add_unique(categories, [wf.get("Category"), wf.get("Subcategory")])
            _add_unique(categories, wf.get("Categories") or [])
        if wb:
            _add_unique(categories, wb["categories"])

        display = (wf or {}).get("Name") or (wb or {}).get("title") or ""
        keywords: list[str] = []
        _add_unique(keywords, [w for w in (wf or {}).get("ActionKeywords") or [] if isinstance(w, str)])
        _add_unique(keywords, (wb or {}).get("keywords") or [])

        parameters = []
        for key in order:
            p = params[key]
            item = {
                "key": key,
                "label": p.get("label") or "",
                "type": p["type"],
                "type_source": p.get("type_source") if p["type"] != "any" else None,
                "class": p.get("class"),
                "enum": p.get("enum"),
                "required": bool(p.get("required")),
                "is_input": p["is_input"],
                "inferred": p["inferred"],
            }
            if "default" in p:
                item["default"] = p["default"]
            if p.get("seen"):
                item["seen"] = p["seen"]
            parameters.append(item)

        entries[ident] = {
            "identifier": ident,
            "display_name": display,
            "app": app or None,
            "bundle": bundle or None,
            "categories": categories,
            "description": "",
            "inferred": not wb and not wf,
            "sources": sorted(sources),
            "input_parameter": input_param,
            "output": {"name": out_name or None, "type": out_type},
            "parameters": parameters,
            "keywords": keywords,
            "starred_keys": sorted(cp["starred"]) if cp else [],
            "positional": positional_keys(wf, params, input_param),
        }
    share_family_keys(entries, wf_all)
    name_unnamed_actions(entries, wf_all, wb_all)
    assign_function_names(entries)
    return entries


def positional_keys(wf: dict | None, params: dict, input_param: str | None) -> list[str]:
    """The keys a call may give without naming them, in order.

    The app shows each action as a sentence ("Replace ${find} with ${replace} in
    ${input}"): its placeholders, in that order, are what a reader expects bare
    arguments to mean.  Choices from a list and switches are left out (a bare
    "Number" or True says nothing).  Without a sentence: the input parameter, or
    the only parameter there is.
    """
    def bare(key):
        return key in params and params[key]["type"] not in ("enum", "boolean")

    keys = [key for key in _summary_placeholders(wf) if bare(key)]
    if keys:
        return list(dict.fromkeys(keys))
    if input_param is not None:
        return [input_param]
    return [key for key in params if bare(key)] if len(params) == 1 else []


def _summary_placeholders(wf: dict | None) -> list[str]:
    """The placeholders of the action's sentence as a new action shows it.

    Some actions have one sentence per setting of a choice (keys such as
    ``"WFItemSpecifier(First Item),WFInput"``): the one whose conditions the
    choices' defaults meet is the sentence of a new action; without one, the
    fullest sentence."""
    summary = (wf or {}).get("ParameterSummary")
    if isinstance(summary, str):
        return re.findall(r"\$\{([^}]+)\}", summary)
    if not isinstance(summary, dict):
        return []
    defaults = {p.get("Key"): p.get("DefaultValue") for p in wf.get("Parameters") or [] if isinstance(p, dict)}
    sentences = sorted((str(condition), text) for condition, text in summary.items() if isinstance(text, str))
    fitting = [text for condition, text in sentences if _met_by_defaults(condition, defaults)]
    found = [re.findall(r"\$\{([^}]+)\}", text) for text in (fitting or [text for _, text in sentences])]
    return max(found, key=len, default=[])


def _met_by_defaults(condition: str, defaults: dict) -> bool:
    """Whether every ``Key(Value)`` of a summary's condition is the key's default."""
    for part in condition.split(","):
        match = re.fullmatch(r"\s*([^()]+?)\((.*)\)\s*", part)
        if match and str(defaults.get(match.group(1))) != match.group(2):
            return False
    return True


def alias_names(entries: dict) -> dict[str, str]:
    """Snake-case display names ("Show Result" -> ``show_result``) -> identifier.

    Only the app's own actions (those WFActions defines) take part: a reader
    who writes ``open_urls`` means the built-in, not an app's intent of that
    name.  A name of two words or more that exactly one of them displays, and
    that no function name, Python builtin or keyword already is: hand-written
    code may call an action by what the app calls it.
    """
    import builtins
    import keyword

    functions = {entry["function_name"] for entry in entries.values()}
    candidates = defaultdict(set)
    for ident, entry in entries.items():
        if WF not in entry["sources"]:
            continue
        words = re.findall(r"[a-z0-9]+", entry["display_name"].lower())
        name = "_".join(words)
        if len(words) >= 2 and name.isidentifier() and not name[0].isdigit():
            candidates[name].add(ident)
    reserved = functions | set(dir(builtins)) | set(keyword.kwlist)
    return {name: idents.pop() for name, idents in sorted(candidates.items()) if len(idents) == 1 and name not in reserved}


def reference_key_words(wb_all: dict, wf_all: dict, c_actions: dict, samples: dict) -> frozenset[str]:
    """The words of every key the references and the app's own files use:
    what tells a new key made of real words from a misspelt one."""
    keys = set()
    for wf in wf_all.values():
        keys.update(p["key"] for p in wfactions_params(wf))
    for wb in wb_all.values():
        keys.update(p["key"] for p in wb["params"])
    for found in samples.values():
        keys.update(found)
    for info in c_actions.values():
        keys.update(info["app_keys"])
    return frozenset(word for key in keys for word in key_words(key))


def corpus_enum_values(cp: dict, key: str, members: list[str]) -> list[str]:
    """String values real files give an enum parameter beyond its members,
    sorted; values only other tools wrote count unless they misspell a member."""
    extra = set()
    for value in cp["strings"].get(key, ()):
        if value in members:
            continue
        if value in cp["app_strings"].get(key, ()) or not likely_typo(value, members, frozenset()):
            extra.add(value)
    return sorted(extra)


# --------------------------------------------------------------------------- families

# The class that runs any custom intent: its actions share nothing but that.
_GENERIC_CLASSES = {"WFHandleCustomIntentAction"}


def action_families(identifiers, wf_all: dict) -> dict[str, list[str]]:
    """Groups of actions that share their parameter keys: the identifiers
    under one dotted stem (``is.workflow.actions.filter``) whose WFActions
    definitions, two or more, all use one implementing class."""
    classes = defaultdict(set)
    for ident, action in wf_all.items():
        classes[ident.rsplit(".", 1)[0]].add(action.get("ActionClass"))
    defined = Counter(ident.rsplit(".", 1)[0] for ident in wf_all)
    families = defaultdict(list)
    for ident in sorted(identifiers):
        stem = ident.rsplit(".", 1)[0]
        kinds = classes.get(stem, set())
        if defined[stem] >= 2 and len(kinds) == 1 and not kinds & (_GENERIC_CLASSES | {None}):
            families[stem].append(ident)
    return dict(families)


def share_family_keys(entries: dict, wf_all: dict) -> None:
    """Give each member of a family the keys its siblings have (marked with
    ``shared_from``): one class reads the same keys for all of them."""
    for members in action_families(entries, wf_all).values():
        pool: dict[str, tuple[str, dict]] = {}
        for ident in members:
            for p in entries[ident]["parameters"]:
                if "shared_from" not in p:
                    pool.setdefault(p["key"], (ident, p))
        for ident in members:
            have = {p["key"] for p in entries[ident]["parameters"]}
            for key, (owner, p) in pool.items():
                if key in have or key == entries[owner]["input_parameter"]:
                    continue
                # Enum members, defaults and the input role belong to the owner's content type.
                shared = {field: p[field] for field in ("key", "label", "type", "type_source", "class", "inferred", "seen") if field in p}
                shared |= {"enum": None, "required": False, "is_input": False, "shared_from": owner}
                entries[ident]["parameters"].append(shared)


# --------------------------------------------------------------------------- display names

_CAMEL_WORD = re.compile(r"i[A-Z][a-z]+|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "er")
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _squash(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def name_vocabulary(wf_all: dict, wb_all: dict) -> dict[str, str]:
    """squashed word -> its usual spelling in action names (``wifi`` -> ``Wi-Fi``)."""
    spellings = defaultdict(Counter)
    texts = [a.get("Name") for a in wf_all.values()] + [wb["title"] for wb in wb_all.values()]
    for text in texts:
        if isinstance(text, str):
            for word in text.split():
                word = word.strip("()[]{},.:;!?\"'")
                if word and _squash(word):
                    spellings[_squash(word)][word] += 1
    return {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, c in spellings.items()}


def _camel_words(name: str) -> list[str]:
    name = re.sub(r"^WF(?=[A-Z])", "", name)
    name = re.sub(r"(Intent|Action)$", "", name) or name
    name = re.sub(r"^[A-Z]{2}(?=[A-Z][a-z])", "", name)  # a framework prefix: AX, MT, IC
    name = re.sub(r"(?<=[a-z])(?=i[A-Z][a-z])", " ", name)  # ShortcutiCloud -> Shortcut iCloud
    return _CAMEL_WORD.findall(name)


def _segment(text: str, vocabulary: dict[str, str]) -> list[str]:
    """Split lower-case run-together words (``getcurrentapp``) with the fewest
    known words; letters no word covers stay together as one word."""
    n = len(text)
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            if best[start] is None:
                continue
            piece = text[start:end]
            known = piece in vocabulary and (len(piece) > 1 or piece == "a")
            inflected = not known and any(
                piece.endswith(end_) and piece[: -len(end_)] in vocabulary and len(piece) > len(end_) + 2
                for end_ in _INFLECTIONS
            )
            cost = best[start][0] + (1 if known else 1.5 if inflected else 10 * len(piece))
            known = known or inflected
            if best[end] is None or cost < best[end][0]:
                words = best[start][1]
                if not known and words and words[-1].startswith("?"):
                    candidate = words[:-1] + [words[-1] + piece]  # grow the unknown run
                else:
                    candidate = words + [piece if known else "?" + piece]
                best[end] = (cost, candidate)
    return [w[1:] if w.startswith("?") else w for w in best[n][1]] if best[n] else [text]


def _spell(words: list[str], vocabulary: dict[str, str]) -> str:
    """Words joined as a title: known words in their usual spelling, neighbours
    that make one known word merged (``Wi`` ``Fi`` -> ``Wi-Fi``), small words lower-case."""
    merged: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and _squash(words[i] + words[i + 1]) in vocabulary:
            merged.append(vocabulary[_squash(words[i] + words[i + 1])])
            i += 2
            continue
        merged.append(words[i])
        i += 1
    out = []
    for index, word in enumerate(merged):
        key = _squash(word)
        if index and key in _SMALL_WORDS:
            out.append(key)
        elif key in vocabulary and vocabulary[key][:1].isupper() or key in vocabulary and not word.islower():
            out.append(vocabulary[key])
        elif word.islower() and not any(ch in "aeiouy" for ch in word) and word.isalpha():
            out.append(word.upper())  # llm -> LLM
        elif word.islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def derived_display_name(ident: str, wf: dict | None, verbs: set[str], vocabulary: dict[str, str],
                         patterns: dict[str, str]) -> str:
    """A display name for an action no reference names (rules in SCHEMA.md)."""
    wf = wf or {}
    intent = wf.get("IntentIdentifier") or wf.get("IntentName")
    if isinstance(intent, str) and intent:
        return _spell(_camel_words(intent.rsplit(".", 1)[-1]), vocabulary)
    tail = ident.rsplit(".", 1)[-1]
    if any(ch.isupper() for ch in tail) or not ident.startswith("is.workflow.actions."):
        return _spell(_camel_words(tail) if any(ch.isupper() for ch in tail) else _segment(tail, vocabulary), vocabulary)
    parts = ident.removeprefix("is.workflow.actions.").split(".")
    words = [_segment(part.replace("-", ""), vocabulary) for part in parts]
    stem = ident.rsplit(".", 1)[0]
    if stem in patterns:  # filter.notes named like filter.photos, "Find Photos"
        return f"{patterns[stem]} {_spell(words[-1], vocabulary)}"
    if len(parts) >= 2 and len(words[-1]) == 1 and words[-1][0] in verbs:
        chosen = words[-1] + words[-2]   # alarm.create -> Create Alarm
    elif len(parts) >= 2 and len(words[-2]) == 1 and words[-2][0] in verbs:
        chosen = words[-2] + words[-1]   # filter.notes -> Filter Notes
    else:
        chosen = words[-1]
    return _spell(chosen, vocabulary)


def name_unnamed_actions(entries: dict, wf_all: dict, wb_all: dict) -> None:
    vocabulary = name_vocabulary(wf_all, wb_all)
    # Verbs: words that start several action names and never end one.
    names = [n.split() for n in [a.get("Name") for a in wf_all.values()] + [wb["title"] for wb in wb_all.values()]
             if isinstance(n, str) and len(n.split()) > 1]
    first = Counter(_squash(words[0]) for words in names)
    last = {_squash(words[-1]) for words in names}
    verbs = {word for word, n in first.items() if n >= 3 and word not in last}
    patterns = sibling_name_patterns(entries)
    for ident, entry in entries.items():
        if not entry["display_name"]:
            entry["display_name"] = derived_display_name(ident, wf_all.get(ident), verbs, vocabulary, patterns)


def sibling_name_patterns(entries: dict) -> dict[str, str]:
    """stem -> the words that name its actions before their last identifier
    part, when two or more named siblings agree (``is.workflow.actions.filter``
    -> ``Find``, from "Find Photos" for ``filter.photos``)."""
    prefixes = defaultdict(Counter)
    for ident, entry in entries.items():
        stem, tail = ident.rsplit(".", 1)
        words = entry["display_name"].split()
        if stem.startswith("is.workflow.actions.") and len(words) >= 2 and _squash(words[-1]) == _squash(tail):
            prefixes[stem][" ".join(words[:-1])] += 1
    patterns = {}
    for stem, counts in prefixes.items():
        prefix, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if n >= 2:
            patterns[stem] = prefix
    return patterns


def assign_function_names(entries: dict) -> None:
    """Base names from the identifier; collisions get _2, _3 … in sorted order."""
    groups = defaultdict(list)
    for ident in sorted(entries):
        groups[base_function_name(ident)].append(ident)
    taken = set(groups)
    for base in sorted(groups):
        first, *rest = groups[base]
        entries[first]["function_name"] = base
        n = 2
        for ident in rest:
            while f"{base}_{n}" in taken or is_reserved(f"{base}_{n}"):
                n += 1
            name = f"{base}_{n}"
            taken.add(name)
            entries[ident]["function_name"] = name


# --------------------------------------------------------------------------- output


def _dump(obj) -> str:
    return json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _jsonable(value):
    """Plist values that JSON cannot hold (data, dates) become tagged strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return {"$data": bytes(value).hex()}
    if hasattr(value, "isoformat"):
        return {"$date": value.isoformat()}
    return value


def write_catalog(entries: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shards = defaultdict(dict)
    index = {}
    for ident, entry in entries.items():
        shard = shard_of(ident)
        shards[shard][ident] = _jsonable(entry)
        index[ident] = [entry["function_name"], entry["output"]["name"], shard]
    actions = out / "actions"
    if actions.exists():
        shutil.rmtree(actions)
    actions.mkdir()
    for shard, content in shards.items():
        (actions / f"{shard}.json").write_text(_dump(content), encoding="utf-8")
    (out / "index.json").write_text(_dump(index), encoding="utf-8")
    words = sorted({w for entry in entries.values() for p in entry["parameters"] for w in key_words(p["key"])})
    (out / "key_words.json").write_text(_dump(words), encoding="utf-8")
    (out / "aliases.json").write_text(_dump(alias_names(entries)), encoding="utf-8")
    (out / "SCHEMA.md").write_text(SCHEMA, encoding="utf-8")
    init = out / "__init__.py"
    if not init.exists():
        init.write_text('"""The action catalog data, installed as shortcuts2py._catalog."""\n', encoding="utf-8")


SCHEMA = f"""# api_catalog format

Generated by `tools/build_catalog.py`; do not edit by hand. Rebuild with
`python tools/build_catalog.py` (it reads `../shared` beside the repository, or
`--shared DIR`). The same inputs always give the same bytes.

## Files

- `index.json`: one object mapping every action identifier to a three-item
  list `[function_name, output_name, shard]`. `output_name` may be `null`.
  Enough for name lookups in both directions without reading any shard.
- `actions/<shard>.json`: the full entries of one shard, as an object mapping
  identifier to entry. The shard of an identifier is the first four bytes of
  its SHA-256 (UTF-8), read as a big-endian integer, modulo {SHARD_COUNT},
  written as two lower-case hex digits (`00` … `{SHARD_COUNT - 1:02x}`).
- `key_words.json`: the sorted words that parameter keys of all entries are
  made of (see Misspellings), so that `s2py check` reads no shard for them.
- `aliases.json`: snake-case display names (`show_result` for "Show Result")
  -> identifier, for names of two words or more that exactly one built-in
  action (defined in WFActions) shows
  and that are not already a function name, a Python builtin or a keyword.
  Hand-written code may call an action by them; decompiled code never does.
- `__init__.py`: makes the folder importable as package data.

All JSON is written with sorted keys, one-space indentation, UTF-8 text and a
final newline. A process reads `index.json` (about 0.2 MB, 2 ms) on its first
lookup, and a shard (about 30 KB) the first time it needs an entry in it.

## Entry

| Field | Type | Meaning |
|---|---|---|
| `identifier` | string | the `WFWorkflowActionIdentifier` |
| `function_name` | string | the name of the action's function in workflow code (rules below) |
| `display_name` | string | the action's name as the app shows it, or one derived from its identifier (rules below); never empty |
| `app` | string or null | display name of the app that provides the action, when known |
| `bundle` | string or null | bundle identifier of that app, when known or derivable |
| `categories` | list of strings | category names from all sources, without duplicates |
| `keywords` | list of strings | search words: WFActions `ActionKeywords`, then WorkflowBench's key words |
| `description` | string | reserved for a short summary in our own words; currently always `""` |
| `inferred` | bool | true when no reference knows the action and everything comes from corpus usage |
| `sources` | list of strings | which inputs contributed, sorted: `corpus`, `wfactions`, `workflowbench` |
| `input_parameter` | string or null | key of the parameter that receives the action's input |
| `output` | object | `name`: the output's display name in English (or null); `type`: the content type(s) it produces (WFActions `Types` joined with a spaced vertical bar, else the return annotation of the WorkflowBench stub), or null |
| `parameters` | list | the parameters in catalog order (below) |
| `starred_keys` | list of strings | keys real files give the action that are not Python keyword names (`Show-text`), sorted: code writes them in `**{{...}}`, and the typed stub keeps a `**` argument only for actions that have some |
| `positional` | list of strings | keys a call may give as bare arguments, in order: the placeholders of the action's summary sentence in WFActions (the fullest one), less enum and boolean parameters; without a sentence the input parameter, or the only parameter |

Built-in actions are those of Shortcuts itself (`is.workflow.actions.*`) and of
Apple's own apps (`com.apple.*`); `catalog.is_builtin` says which.

## Parameter

| Field | Type | Meaning |
|---|---|---|
| `key` | string | the key in `WFWorkflowActionParameters` |
| `label` | string | the label the editor shows, `""` if unknown |
| `type` | string | normalized value type (below) |
| `type_source` | string or null | where `type` comes from: `wfactions` (the app's own parameter class: `s2py check` reports a literal of another kind as an error), `workflowbench` or `corpus` (a suggestion: a warning); null when the type is `any` |
| `class` | string or null | the raw type from the source: a WFActions parameter class, or a WorkflowBench type such as `STRING` or `ENTITY` |
| `enum` | list of strings or null | the values the parameter accepts as literals, as written in files, when known: the references' members, then values only the corpus shows, sorted |
| `default` | any | the value the action uses when the key is absent; the field itself is absent when no default is known. Plist data and dates would appear as `{{"$data": hex}}` / `{{"$date": iso}}` |
| `required` | bool | the definition says a value must be given and no corpus file leaves the key out |
| `is_input` | bool | this is the `input_parameter` |
| `inferred` | bool | known only from corpus usage (no reference lists it) |
| `seen` | list of strings | the literal kinds real files use for this key (see below); absent when the corpus never sets it |
| `shared_from` | string | present when the key comes from another action of the same family (below): that action's identifier |

Order: parameters defined by WFActions.plist in its order, each former key
(`LegacyKey`) right after its parameter; then intent parameters named by its
overrides; then keys the definition names elsewhere (its parameter summaries,
the input definition, resources that depend on a parameter's value, and
parameter fields ending in `Key` that point at another parameter); then
WorkflowBench parameters (required ones first, as listed there); then keys
WorkflowBench's sample programs pass to the action; then keys seen only in the
corpus, most frequent first, ties alphabetical; then the input key if no
source lists it otherwise; last, keys shared from the family.

## Normalized value types

| Type | Literal form in files |
|---|---|
| `text` | string or token string |
| `number` | real number (or decimal text) |
| `integer` | integer |
| `boolean` | bool |
| `enum` | one string out of `enum` (when the list is known) |
| `variable` | a variable attachment; there is no literal form |
| `dictionary` | `WFDictionaryFieldValue` |
| `list` | a list or `WFArrayParameterState` |
| `date` | date text or token string |
| `file` | file bookmark dictionary |
| `location` | location dictionary |
| `quantity` | `WFQuantityFieldValue` (magnitude and unit) |
| `contact` | `WFContactFieldValue` (contacts, e-mail addresses, phone numbers) |
| `app` | app descriptor dictionary |
| `color` | color dictionary |
| `workflow` | shortcut reference dictionary |
| `entity` | an App Intents entity: an app-defined dictionary |
| `object` | some other structured value the app defines |
| `any` | nothing is known about the value |

Any parameter may hold a variable instead of a literal, and any may be an
empty string (a field left empty).

The kinds in `seen` describe plist values as written: `boolean`, `integer`,
`number` (a real), `text`, `numeric text` (a string that reads as a number),
`tokens` (text with variables), `variable`, `list`, `dictionary`
(`WFDictionaryFieldValue`), `object` (any other dictionary), `data`, `date`.
Empty strings are not counted. `s2py check` accepts the kinds in `seen` for
the parameter whatever its type says, since the app itself wrote them. For
keys seen only in the corpus the type is the most common literal kind among
the values seen.

## Merging

Per identifier, facts from WFActions.plist win; WorkflowBench adds actions,
parameters, enum cases, defaults and categories it alone has; the corpus adds
keys nobody lists and fills types still unknown. Output names come from
WFActions, then WorkflowBench (when it gives a real name rather than a
placeholder), then the corpus: the most frequent plain-ASCII `OutputName` in
references to the action's output, ignoring renamed outputs and preferring
files whose other references use the English names.

Corpus files made by other tools than the Shortcuts app (`origin` other than
`app` in the manifest) may hold their own slips: a key only such files use is
left out when it is a misspelling of a key the action has (see Misspellings),
and so is an enum value only they use that misspells a member.

## Families

Actions under one dotted stem (`is.workflow.actions.filter`) whose WFActions
definitions, two or more, all name one implementing `ActionClass` (other than
the class that runs any custom intent) form a family: one class reads the same
keys for each. Every member, including members only WorkflowBench or the
corpus knows, gets the keys its siblings have, marked with `shared_from`,
without their enum members, default, `required` or input role.

## Misspellings

`catalog.likely_typo` decides whether a key that an action does not have is a
misspelling of one it has (an error in `s2py check`) or a key of its own that
no source lists (a warning). A misspelling differs from a known key only in
letter case or a missing or extra `WF` prefix, or by at most one edit (keys of
three to five characters) or two edits (longer keys), an edit inserting,
dropping or replacing a letter or swapping two neighbours. Not misspellings:
a plural (`WFConditions` beside `WFCondition`), and the same words with one
word replaced by another of the same length that is not an anagram of it,
where both are numbers or both occur in keys (`setVariableKey` beside
`getVariableKey`). Measured on the catalog (`tests/test_check.py`): hiding a
key only the corpus shows from its action, none of the hidden keys reads as a
misspelling of the others; of slips seeded into keys real files use (case,
prefix, one and two edits), about 98 % read as misspellings.

## Display names

WFActions `Name`, else the WorkflowBench title. Otherwise one is derived:

1. From the intent that implements the action (`IntentIdentifier`'s last part
   or `IntentName`), or else from a mixed-case last identifier part: a leading
   `WF`, a trailing `Intent` or `Action` and a two-capital framework prefix
   (`AX`, `MT`) are dropped and the rest is split into words
   (`WFAskForInputIntent` → "Ask for Input").
2. For `is.workflow.actions.*` with lower-case parts: when named siblings under
   the same stem share the words before their last part ("Find Photos" for
   `filter.photos`), those words and the last part (`filter.notes` → "Find
   Notes"); otherwise the parts are split into the words that action names use,
   a last part that is a verb going first (`alarm.create` → "Create Alarm"),
   and only the last part kept when neither part is a verb
   (`text.trimwhitespace` → "Trim Whitespace").

Words take their usual spelling in action names (`wifi` → "Wi-Fi"),
small words stay lower case, and a word without vowels is an acronym
(`llm` → "LLM").

## Function names

The identifier with `.` and every character not allowed in a Python
identifier (or changed by NFKC normalization) replaced by `_`, a `_` prefix if
it would start with a digit, and a `_` suffix if the result is a Python keyword,
soft keyword, builtin name, or a reserved name of the workflow language. When
two identifiers give the same name, the one that sorts first keeps it and the
others get `_2`, `_3`, … in sorted order.
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared material folder (default: ../shared beside the repository)")
    parser.add_argument("--out", type=Path, default=REPO / "api_catalog", help="output folder")
    args = parser.parse_args(argv)
    if not (args.shared / "reference").is_dir():
        parser.error(f"no reference folder under {args.shared}")
    entries = build_entries(args.shared)
    write_catalog(entries, args.out)
    inferred = sum(1 for e in entries.values() if e["inferred"])
    print(f"{len(entries)} entries ({inferred} inferred) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
