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
import json
import plistlib
import re
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from shortcuts2py.catalog import (  # noqa: E402
    ATTACHMENT_TYPES,
    BOOKKEEPING_KEYS,
    SHARD_COUNT,
    literal_kind,
    base_function_name,
    is_reserved,
    shard_of,
)
from shortcuts2py.container import ContainerError, read_file  # noqa: E402

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
    if cls and cls.endswith("QuantityFieldParameter"):
        return "quantity"
    return "any"


# --------------------------------------------------------------------------- WorkflowBench

_SIG_LINE = re.compile(r"^\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)(?:\s*=\s*(.*?))?,?\s*$")


def _plain(node):
    """A literal default from an AST node, or raise ValueError."""
    return ast.literal_eval(node)


def parse_stub(src: str) -> dict:
    """Facts from one WorkflowBench Python stub: enum classes, params, return, title."""
    out = {"enums": {}, "params": {}, "returns": None, "title": ""}
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
        }
    return result


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
    return params


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
    root = shared / "corpus"
    manifest = root / "manifest.jsonl"
    if not manifest.is_file():
        return None
    seen_content = set()
    actions = defaultdict(lambda: {"count": 0, "keys": Counter(), "kinds": defaultdict(Counter), "strings": defaultdict(Counter),
                                   "literals": defaultdict(set),
                                   "bundles": Counter()})
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
                if key in BOOKKEEPING_KEYS or key.startswith("Show-"):
                    continue
                info["keys"][key] += 1
                info["kinds"][key][value_kind(value)] += 1
                info["literals"][key].add(literal_kind(value))
                if isinstance(value, str):
                    info["strings"][key][value] += 1
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
                order.append(key)
                return
            have = params[key]
            for field in ("label", "class", "enum", "fallback_type"):
                if not have.get(field) and param.get(field):
                    have[field] = param[field]
            if have["type"] == "any" and param["type"] != "any":
                have["type"] = param["type"]

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
        if cp:
            for key, _n in sorted(cp["keys"].items(), key=lambda kv: (-kv[1], kv[0])):
                kind = type_from_kinds(cp["kinds"][key])
                if key in params:
                    if params[key]["type"] == "any":
                        params[key]["type"] = kind
                    continue
                add({"key": key, "label": "", "class": None, "type": kind, "enum": None,
                     "required": False}, CORPUS)

        for p in params.values():
            if p["type"] == "any" and p.get("fallback_type"):
                p["type"] = p["fallback_type"]
        if cp:
            for key, p in params.items():
                # A parameter that real files leave out is not required in practice.
                if p.get("required") and cp["keys"].get(key, 0) < cp["count"]:
                    p["required"] = False
                # Enum values the app writes that no reference lists yet.
                if p.get("enum") is not None:
                    p["enum"] = list(p["enum"]) + sorted(set(cp["strings"].get(key, ())) - set(p["enum"]))
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

        parameters = []
        for key in order:
            p = params[key]
            item = {
                "key": key,
                "label": p.get("label") or "",
                "type": p["type"],
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
        }
    assign_function_names(entries)
    return entries


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
- `__init__.py`: makes the folder importable as package data.

All JSON is written with sorted keys, one-space indentation, UTF-8 text and a
final newline.

## Entry

| Field | Type | Meaning |
|---|---|---|
| `identifier` | string | the `WFWorkflowActionIdentifier` |
| `function_name` | string | the name of the action's function in workflow code (rules below) |
| `display_name` | string | the action's name as the app shows it; `""` when no source names it |
| `app` | string or null | display name of the app that provides the action, when known |
| `bundle` | string or null | bundle identifier of that app, when known or derivable |
| `categories` | list of strings | category names from all sources, without duplicates |
| `description` | string | reserved for a short summary in our own words; currently always `""` |
| `inferred` | bool | true when no reference knows the action and everything comes from corpus usage |
| `sources` | list of strings | which inputs contributed, sorted: `corpus`, `wfactions`, `workflowbench` |
| `input_parameter` | string or null | key of the parameter that receives the action's input |
| `output` | object | `name`: the output's display name in English (or null); `type`: the content type(s) it produces (WFActions `Types` joined with a spaced vertical bar, else the return annotation of the WorkflowBench stub), or null |
| `parameters` | list | the parameters in catalog order (below) |

## Parameter

| Field | Type | Meaning |
|---|---|---|
| `key` | string | the key in `WFWorkflowActionParameters` |
| `label` | string | the label the editor shows, `""` if unknown |
| `type` | string | normalized value type (below) |
| `class` | string or null | the raw type from the source: a WFActions parameter class, or a WorkflowBench type such as `STRING` or `ENTITY` |
| `enum` | list of strings or null | the values the parameter accepts as literals, as written in files, when known: the references' members, then values only the corpus shows, sorted |
| `default` | any | the value the action uses when the key is absent; the field itself is absent when no default is known. Plist data and dates would appear as `{{"$data": hex}}` / `{{"$date": iso}}` |
| `required` | bool | the definition says a value must be given and no corpus file leaves the key out |
| `is_input` | bool | this is the `input_parameter` |
| `inferred` | bool | known only from corpus usage (no reference lists it) |
| `seen` | list of strings | the literal kinds real files use for this key (see below); absent when the corpus never sets it |

Order: parameters defined by WFActions.plist in its order; then intent
parameters named by its overrides; then WorkflowBench parameters (required
ones first, as listed there); then keys seen only in the corpus, most frequent
first, ties alphabetical; last, the input key if only the input definition
names it.

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

Any parameter may hold a variable instead of a literal.

The kinds in `seen` describe plist values as written: `boolean`, `integer`,
`number` (a real), `text`, `numeric text` (a string that reads as a number),
`tokens` (text with variables), `variable`, `list`, `dictionary`
(`WFDictionaryFieldValue`), `object` (any other dictionary), `data`, `date`.
`s2py check` accepts them for the parameter whatever its type says, since the
app itself wrote them. For keys seen only in
the corpus the type is the most common literal kind among the values seen.

## Merging

Per identifier, facts from WFActions.plist win; WorkflowBench adds actions,
parameters, enum cases, defaults and categories it alone has; the corpus adds
keys nobody lists and fills types still unknown. Output names come from
WFActions, then WorkflowBench (when it gives a real name rather than a
placeholder), then the corpus: the most frequent plain-ASCII `OutputName` in
references to the action's output, ignoring renamed outputs and preferring
files whose other references use the English names.

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
