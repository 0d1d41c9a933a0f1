"""The action catalog: shipped data, its build, and the lazy loader."""

from __future__ import annotations

import importlib.util
import json
import keyword
import plistlib
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from shortcuts2py import catalog

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "api_catalog"
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference"
CORPUS = SHARED / "corpus"

needs_reference = pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is absent")
needs_corpus = pytest.mark.skipif(not (CORPUS / "manifest.jsonl").is_file(), reason="../shared/corpus is absent")

TYPES = {
    "text", "number", "integer", "boolean", "enum", "variable", "dictionary", "list", "date",
    "file", "location", "quantity", "contact", "app", "color", "workflow", "entity", "object", "any",
}
SOURCES = {"workflowbench", "wfactions", "corpus"}


def _build_module():
    spec = importlib.util.spec_from_file_location("build_catalog", REPO / "tools" / "build_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped():
    """(index, {identifier: raw entry}, {identifier: shard}) read straight from the files."""
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    entries, shard_of_entry = {}, {}
    for path in sorted((DATA / "actions").glob("*.json")):
        for ident, raw in json.loads(path.read_text(encoding="utf-8")).items():
            assert ident not in entries, f"{ident} is in two shards"
            entries[ident] = raw
            shard_of_entry[ident] = path.stem
    return index, entries, shard_of_entry


@pytest.fixture
def fresh():
    catalog._clear_cache()
    yield catalog
    catalog._clear_cache()


# --------------------------------------------------------------------------- shipped data


def test_index_and_shards_agree(shipped):
    index, entries, shards = shipped
    assert set(index) == set(entries)
    assert 30 <= len(set(shards.values())) <= 80
    for ident, (fname, out, shard) in index.items():
        raw = entries[ident]
        assert raw["identifier"] == ident
        assert raw["function_name"] == fname
        assert raw["output"]["name"] == out
        assert shards[ident] == shard == catalog.shard_of(ident)


def test_function_names_are_valid_and_unique(shipped):
    index, _, _ = shipped
    names = [row[0] for row in index.values()]
    assert len(names) == len(set(names))
    for name in names:
        assert name.isidentifier(), name
        assert unicodedata.normalize("NFKC", name) == name, name
        assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name), name
        assert not catalog.is_reserved(name), name
        assert name not in catalog.RESERVED_NAMES


def test_entries_are_well_formed(shipped):
    _, entries, _ = shipped
    for ident, raw in entries.items():
        assert set(raw["sources"]) <= SOURCES and raw["sources"] == sorted(raw["sources"]), ident
        assert raw["inferred"] == (raw["sources"] == ["corpus"]), ident
        assert raw["description"] == ""
        keys = [p["key"] for p in raw["parameters"]]
        assert len(keys) == len(set(keys)), ident
        if raw["input_parameter"] is not None:
            assert raw["input_parameter"] in keys, ident
        assert all(isinstance(w, str) and w for w in raw["keywords"]), ident
        assert raw["starred_keys"] == sorted(raw["starred_keys"]), ident
        for p in raw["parameters"]:
            assert p["type"] in TYPES, (ident, p)
            assert (p["type_source"] is None) == (p["type"] == "any"), (ident, p)
            assert p["type_source"] in (None, "wfactions", "workflowbench", "corpus"), (ident, p)
            if "shared_from" in p:
                assert p["shared_from"] in entries and p["shared_from"] != ident, (ident, p)
                assert p["key"] in {q["key"] for q in entries[p["shared_from"]]["parameters"]}, (ident, p)
            assert p["is_input"] == (p["key"] == raw["input_parameter"]), (ident, p)
            assert p["enum"] is None or all(isinstance(v, str) for v in p["enum"]), (ident, p)
            if p["enum"] is not None:
                assert p["type"] == "enum", (ident, p)


def test_every_builtin_action_has_a_display_name(shipped):
    _, entries, _ = shipped
    builtins = [ident for ident in entries if catalog.is_builtin(ident)]
    assert len(builtins) > 400
    assert not [ident for ident in builtins if not entries[ident]["display_name"].strip()]
    assert entries["is.workflow.actions.ask"]["display_name"] == "Ask for Input"
    assert entries["is.workflow.actions.text.split"]["display_name"] == "Split Text"


def test_is_builtin():
    assert catalog.is_builtin("is.workflow.actions.gettext")
    assert catalog.is_builtin("com.apple.mobilesafari.CloseTab")
    assert not catalog.is_builtin("com.sindresorhus.Actions.SortListIntent")
    assert not catalog.is_builtin("is.workflow.actionsX")


def test_family_members_share_their_keys(fresh):
    # Every "Find ..." action is one class reading the same keys.
    for ident in ("is.workflow.actions.filter.images", "is.workflow.actions.filter.music",
                  "is.workflow.actions.filter.articles", "is.workflow.actions.filter.locations"):
        keys = set(fresh.parameter_order(ident))
        assert {"WFContentItemFilter", "WFContentItemSortProperty", "WFContentItemSortOrder",
                "WFContentItemLimitEnabled", "WFContentItemLimitNumber"} <= keys, ident
    shared = [p for e in fresh.all_entries() for p in e.parameters if p.shared_from]
    assert shared and all(p.enum is None and not p.required and not p.is_input for p in shared)


def test_counts(shipped):
    _, entries, _ = shipped
    assert len(entries) >= 1503 + 27  # WorkflowBench plus the WFActions-only actions
    assert any(e["inferred"] for e in entries.values())


# --------------------------------------------------------------------------- coverage of the references


def _workflowbench_identifiers() -> set[str]:
    docs = json.loads((REFERENCE / "workflowbench" / "api_docs_json.json").read_text(encoding="utf-8"))
    return set(docs)


@needs_reference
def test_every_workflowbench_identifier_has_an_entry():
    wb = _workflowbench_identifiers()
    assert len(wb) == 1503
    missing = wb - set(catalog.all_identifiers())
    assert not missing


@needs_reference
def test_every_wfactions_identifier_has_an_entry():
    with open(REFERENCE / "apple" / "WFActions.plist", "rb") as f:
        actions = plistlib.load(f)
    assert len(actions) == 385
    assert not set(actions) - set(catalog.all_identifiers())


def _wfactions_keys(action: dict) -> set[str]:
    """Every key a WFActions definition names, wherever it names one."""
    import re

    keys = set()
    for p in action.get("Parameters") or []:
        keys |= {p.get("Key"), p.get("LegacyKey")}
    for name, override in (action.get("ParameterOverrides") or {}).items():
        keys.add(override.get("Key", name))
    summaries = [action.get("ParameterSummary")] + [
        extra.get("ParameterSummary") for extra in action.get("AdditionalParameterSummaries") or []
    ]
    for summary in summaries:
        texts = list(summary.values()) if isinstance(summary, dict) else [summary]
        if isinstance(summary, dict):
            keys |= {re.sub(r"\(.*\)$", "", k).strip() for names in summary for k in names.split(",")}
        keys |= {k for text in texts if isinstance(text, str) for k in re.findall(r"\$\{([^}]+)\}", text)}

    def walk(value):
        if isinstance(value, dict):
            for field, inner in value.items():
                if field in ("ParameterKey", "WFParameterKey"):
                    keys.add(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk({k: v for k, v in action.items() if k != "ParameterSummary"})
    return {k for k in keys if isinstance(k, str) and k}


@needs_reference
def test_every_key_the_references_name_is_known():
    with open(REFERENCE / "apple" / "WFActions.plist", "rb") as f:
        actions = plistlib.load(f)
    missing = []
    for ident, action in actions.items():
        have = set(catalog.parameter_order(ident))
        missing += [(ident, key) for key in _wfactions_keys(action) - have]
    docs = json.loads((REFERENCE / "workflowbench" / "api_docs_json.json").read_text(encoding="utf-8"))
    for ident, value in docs.items():
        pairs = [value] if isinstance(value[0], str) else value
        doc = next(d for i, d in pairs if i == ident)
        have = set(catalog.parameter_order(ident))
        for p in doc["required_parameters"] + doc["optional_parameters"]:
            if p["name"] not in have:
                missing.append((ident, p["name"]))
    assert not missing, missing[:10]
    # Keys only WorkflowBench's sample programs show:
    assert "WFContentItemSortOrder" in catalog.parameter_order("is.workflow.actions.filter.images")


@needs_corpus
def test_every_key_the_app_writes_is_known():
    from shortcuts2py.container import read_file

    seen_content, unknown, tool_only = set(), set(), {}
    for line in (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = row.get("content_key") or row["sha256"]
        if key in seen_content:
            continue
        seen_content.add(key)
        root = read_file(CORPUS / row["file"])
        for act in root.get("WFWorkflowActions") or []:
            params = act.get("WFWorkflowActionParameters") if isinstance(act, dict) else None
            if not isinstance(params, dict):
                continue
            ident = act.get("WFWorkflowActionIdentifier")
            known = set(catalog.parameter_order(ident))
            for k in params:
                if isinstance(k, str) and not catalog.is_general_key(k) and k not in known:
                    if row.get("origin") == "app":
                        unknown.add((ident, k))
                    else:
                        tool_only[(ident, k)] = row["file"]
    assert not unknown, sorted(unknown)[:10]
    # What only other tools wrote is left out when it misspells a real key.
    for (ident, k) in tool_only:
        assert catalog.likely_typo(k, catalog.parameter_order(ident) + tuple(catalog.GENERAL_KEYS)), (ident, k)


@needs_corpus
def test_every_corpus_identifier_has_an_entry():
    from shortcuts2py.container import read_file

    seen_content, identifiers = set(), set()
    for line in (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = row.get("content_key") or row["sha256"]
        if key in seen_content:
            continue
        seen_content.add(key)
        try:
            root = read_file(CORPUS / row["file"])
        except Exception:
            continue
        for act in root.get("WFWorkflowActions") or []:
            ident = act.get("WFWorkflowActionIdentifier") if isinstance(act, dict) else None
            if isinstance(ident, str) and ident:
                identifiers.add(ident)
    assert len(identifiers) > 300
    assert not identifiers - set(catalog.all_identifiers())


@needs_reference
def test_rebuild_is_deterministic_and_matches_shipped_data(tmp_path):
    build = _build_module()
    first, second = tmp_path / "a", tmp_path / "b"
    # One build as a command in a child process, one in this process, side by side.
    child = subprocess.Popen(
        [sys.executable, str(REPO / "tools" / "build_catalog.py"), "--shared", str(SHARED), "--out", str(first)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert build.main(["--shared", str(SHARED), "--out", str(second)]) == 0
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0, err.decode()

    def files(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in (".json", ".md")
        }

    a, b, shipped = files(first), files(second), files(DATA)
    assert a == b
    assert sorted(a) == sorted(shipped), "file lists differ: rebuild api_catalog"
    stale = [name for name in a if a[name] != shipped[name]]
    assert not stale, f"api_catalog is stale, run tools/build_catalog.py: {stale[:5]}"


# --------------------------------------------------------------------------- naming rules


def test_base_function_name_rules():
    f = catalog.base_function_name
    assert f("is.workflow.actions.gettext") == "is_workflow_actions_gettext"
    assert f("com.apple.mobiletimer-framework.X") == "com_apple_mobiletimer_framework_X"
    assert f("1password.app.Fill") == "_1password_app_Fill"
    assert f("class") == "class_"
    assert f("match") == "match_"
    assert f("print") == "print_"
    assert f("range") == "range_"
    assert f("ShortcutInput") == "ShortcutInput_"
    assert f("a.\ufb01x") == "a__x"  # the fi ligature changes under NFKC
    composed = f("cafe\u0301.x")  # e + combining acute composes under NFKC
    assert composed.isidentifier() and unicodedata.normalize("NFKC", composed) == composed
    assert f("a b/c") == "a_b_c"


def test_display_names_derived_for_unnamed_actions():
    build = _build_module()
    words = {"get": "Get", "current": "Current", "app": "App", "set": "Set", "wifi": "Wi-Fi", "ask": "Ask",
             "alarm": "Alarm", "create": "Create", "notes": "Notes", "for": "for", "input": "Input",
             "trim": "Trim", "whitespace": "Whitespace", "text": "Text", "store": "Store", "content": "Content"}

    def name(ident, wf=None, verbs=frozenset({"create"}), patterns=None):
        return build.derived_display_name(ident, wf, set(verbs), words, patterns or {})

    assert name("is.workflow.actions.ask", {"IntentIdentifier": "a.b.WFAskForInputIntent"}) == "Ask for Input"
    assert name("is.workflow.actions.wifi.set", {"IntentIdentifier": "a.b.WFSetWiFiIntent"}) == "Set Wi-Fi"
    assert name("com.apple.x.AXSettingsShortcuts.AXToggleZoomIntent") == "Toggle Zoom"
    assert name("com.apple.shortcuts.CreateShortcutiCloudLinkAction") == "Create Shortcut iCloud Link"
    assert name("is.workflow.actions.getcurrentapp") == "Get Current App"
    assert name("is.workflow.actions.getstoredcontent") == "Get Stored Content"
    assert name("is.workflow.actions.askllm") == "Ask LLM"
    assert name("is.workflow.actions.alarm.create") == "Create Alarm"
    assert name("is.workflow.actions.text.trimwhitespace") == "Trim Whitespace"
    assert name("is.workflow.actions.filter.notes", patterns={"is.workflow.actions.filter": "Find"}) == "Find Notes"


def test_collisions_resolved_in_sorted_order():
    build = _build_module()
    entries = {"a.b_c": {}, "a.b-c": {}, "a.b c": {}, "a_b_c_2": {}}
    build.assign_function_names(entries)
    # sorted: "a.b c" < "a.b-c" < "a.b_c"; "a_b_c_2" is already someone's plain name
    assert entries["a.b c"]["function_name"] == "a_b_c"
    assert entries["a_b_c_2"]["function_name"] == "a_b_c_2"
    assert entries["a.b-c"]["function_name"] == "a_b_c_3"
    assert entries["a.b_c"]["function_name"] == "a_b_c_4"


# --------------------------------------------------------------------------- loader


def test_import_reads_nothing():
    code = (
        "import shortcuts2py.catalog as c\n"
        "assert c._index is None and c._by_function is None and not c._shards and c._shard_loads == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_name_lookups_do_not_load_shards(fresh):
    assert fresh.function_name("is.workflow.actions.downloadurl") == "is_workflow_actions_downloadurl"
    assert fresh.output_name("is.workflow.actions.downloadurl") == "Contents of URL"
    assert fresh.identifier("is_workflow_actions_downloadurl") == "is.workflow.actions.downloadurl"
    assert fresh._shard_loads == 0 and not fresh._shards
    e = fresh.entry("is.workflow.actions.downloadurl")
    assert fresh._shard_loads == 1
    assert fresh.entry("is.workflow.actions.downloadurl") is e
    assert fresh._shard_loads == 1
    shard = fresh.shard_of("is.workflow.actions.downloadurl")
    neighbour = next(i for i in fresh.all_identifiers() if fresh.shard_of(i) == shard and i != e.identifier)
    fresh.entry(neighbour)
    assert fresh._shard_loads == 1


def test_lookups_both_ways(fresh):
    for ident in ("is.workflow.actions.gettext", "com.sindresorhus.Actions.AskForText"):
        name = fresh.function_name(ident)
        assert fresh.identifier(name) == ident
        assert fresh.entry_for_function(name).identifier == ident
    assert fresh.function_name("no.such.action") is None
    assert fresh.output_name("no.such.action") is None
    assert fresh.identifier("no_such_function") is None
    assert fresh.entry("no.such.action") is None
    assert fresh.entry_for_function("no_such_function") is None
    assert fresh.parameter_order("no.such.action") == ()
    idents = fresh.all_identifiers()
    assert idents == sorted(idents) and len(idents) == len(set(idents))


def test_downloadurl_entry(fresh):
    e = fresh.entry("is.workflow.actions.downloadurl")
    assert e.function_name == "is_workflow_actions_downloadurl"
    assert e.display_name == "Get Contents of URL"
    assert e.output_name == "Contents of URL"
    assert e.input_parameter == "WFURL"
    assert {"wfactions", "workflowbench"} <= set(e.sources)
    method = e.parameter("WFHTTPMethod")
    assert method.type == "enum"
    assert set(method.enum) >= {"GET", "POST", "PUT", "PATCH", "DELETE"}
    assert method.default == "GET"
    url = e.parameter("WFURL")
    assert url.is_input and url.type == "text" and url.default is catalog.MISSING
    assert e.parameter("nope") is None
    order = fresh.parameter_order("is.workflow.actions.downloadurl")
    assert order[:3] == ("WFURL", "WFHTTPMethod", "ShowHeaders")
    assert e.parameter("WFJSONValues").type == "dictionary"


def test_known_output_names(fresh):
    assert fresh.output_name("is.workflow.actions.gettext") == "Text"
    assert fresh.output_name("is.workflow.actions.format.date") == "Formatted Date"
    assert fresh.output_name("is.workflow.actions.file.getlink") == "Link to File"
    # From corpus references (English files preferred over localized ones):
    assert fresh.output_name("is.workflow.actions.conditional") == "If Result"
    assert fresh.output_name("is.workflow.actions.text.split") == "Split Text"
    assert fresh.output_name("is.workflow.actions.text.match") == "Matches"


def test_app_intents_entry(fresh):
    e = fresh.entry("com.sindresorhus.Actions.AskForText")
    assert e.bundle == "com.sindresorhus.Actions"
    kind = e.parameter("type")
    assert kind.type == "enum" and "text" in kind.enum and kind.default == "text"
    assert e.parameter("showCancelButton").default is True


def test_intent_enum_overrides_and_inferred(fresh):
    e = fresh.entry("is.workflow.actions.text.changecase")
    assert "UPPERCASE" in e.parameter("WFCaseType").enum
    everything = [fresh.entry(i) for i in fresh.all_identifiers()]
    corpus_only = [x for x in everything if x.inferred]
    assert corpus_only and all(x.sources == ("corpus",) for x in corpus_only)
    assert all(p.inferred for x in corpus_only for p in x.parameters)


def test_search_basics(fresh):
    assert fresh.search("") == []
    assert fresh.search("Get Contents of URL")[0].identifier == "is.workflow.actions.downloadurl"
    assert fresh.search("downloadurl")[0].identifier == "is.workflow.actions.downloadurl"
    assert fresh.search("IS_WORKFLOW_ACTIONS_GETTEXT")[0].identifier == "is.workflow.actions.gettext"
    assert [e.identifier for e in fresh.search("WFHTTPMethod")] == ["is.workflow.actions.downloadurl"]
    results = fresh.search("text", limit=500)
    assert fresh.search("text", limit=500) == results
    assert len(fresh.search("text", limit=3)) == 3
    assert fresh.search("sort list")[0].identifier == "com.sindresorhus.Actions.SortListIntent"
    assert fresh.search("zzzqqqxxx") == []


# What a person typing the query means, and how far down it may be.
EXPECTED_SEARCHES = [
    ("weather", "is.workflow.actions.weather.currentconditions", 3),
    ("ask input", "is.workflow.actions.ask", 1),
    ("url", "is.workflow.actions.url", 1),
    ("clipboard", "is.workflow.actions.getclipboard", 2),
    ("clipboard", "is.workflow.actions.setclipboard", 2),
    ("text", "is.workflow.actions.gettext", 1),
    ("dictionary", "is.workflow.actions.dictionary", 1),
    ("repeat", "is.workflow.actions.repeat.count", 1),
    ("repeat", "is.workflow.actions.repeat.each", 2),
    ("if", "is.workflow.actions.conditional", 1),
    ("menu", "is.workflow.actions.choosefrommenu", 1),
    ("alert", "is.workflow.actions.alert", 1),
    ("variable", "is.workflow.actions.setvariable", 3),
    ("show result", "is.workflow.actions.showresult", 1),
    ("split text", "is.workflow.actions.text.split", 1),
    ("date", "is.workflow.actions.date", 1),
    ("number", "is.workflow.actions.number", 1),
    ("run shortcut", "is.workflow.actions.runworkflow", 1),
]


@pytest.mark.parametrize("query, identifier, within", EXPECTED_SEARCHES)
def test_search_puts_the_expected_action_on_top(query, identifier, within):
    found = [e.identifier for e in catalog.search(query, limit=within)]
    assert identifier in found, (query, [e.display_name for e in catalog.search(query, limit=10)])


def test_search_ranks_builtins_and_display_names_first():
    fresh = catalog
    # A whole word of the display name beats a part of another field, and
    # among equal matches the app's own actions come before third-party ones.
    results = fresh.search("weather", limit=30)
    ranks = [0 if "weather" in e.display_name.casefold().split() else 1 for e in results]
    assert ranks == sorted(ranks)
    named = [e for e in results if "weather" in e.display_name.casefold().split()]
    builtin = [catalog.is_builtin(e.identifier) for e in named]
    assert builtin == sorted(builtin, reverse=True) and builtin[0]


def test_suggest_finds_near_misses_and_bare_names(fresh):
    assert catalog.suggest("is_workflow_actions_gettxt")[0] == "is_workflow_actions_gettext"
    assert catalog.suggest("showreslt") == ["showresult"]  # short names are suggested as short names
    assert catalog.suggest("zzzzqqqq") == []


@pytest.mark.parametrize(
    "value, kind",
    [
        (True, "boolean"),
        (1, "integer"),
        (1.5, "number"),
        ("12.5", "numeric text"),
        ("twelve", "text"),
        (b"\x00", "data"),
        ([1], "list"),
        ({"Value": {"string": "a", "attachmentsByRange": {}}, "WFSerializationType": "WFTextTokenString"}, "text"),
        ({"Value": {"string": "\ufffc", "attachmentsByRange": {"{0, 1}": {"Type": "Clipboard"}}},
          "WFSerializationType": "WFTextTokenString"}, "tokens"),
        ({"Value": {"Type": "Clipboard"}, "WFSerializationType": "WFTextTokenAttachment"}, "variable"),
        ({"Value": {"WFDictionaryFieldValueItems": []}, "WFSerializationType": "WFDictionaryFieldValue"}, "dictionary"),
        ({"Type": "Variable", "VariableName": "x"}, "variable"),
        ({"anything": 1}, "object"),
    ],
)
def test_literal_kind(value, kind):
    assert catalog.literal_kind(value) == kind


def test_general_keys_are_valid_on_every_action():
    assert all(catalog.is_general_key(k) for k in ("UUID", "CustomOutputName", "ShowWhenRun", "Show-WFInput"))
    assert not catalog.is_general_key("WFInput")


def test_seen_kinds_and_corpus_enum_values(fresh):
    condition = catalog.entry("is.workflow.actions.conditional").parameter("WFCondition")
    assert "integer" in condition.seen
    for entry in catalog.all_entries():
        for parameter in entry.parameters:
            assert set(parameter.seen) <= {
                "boolean", "integer", "number", "text", "numeric text", "tokens", "variable",
                "list", "dictionary", "object", "data", "date",
            }
            if parameter.enum is not None:
                assert len(set(parameter.enum)) == len(parameter.enum), (entry.identifier, parameter.key)
