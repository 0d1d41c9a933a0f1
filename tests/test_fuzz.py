"""The fuzz harness at a small budget: whole shortcuts generated and mutated.

Hypothesis strategies build shortcuts from scratch (actions, blocks, variables,
text with attachments, header keys), write them in every container kind
(binary, XML, JSON and signed AEA1 with any layout), and mutate them as trees,
as bytes, as signed wrappers and as code.  The mutations are those of the long
campaign in ``benchmarks/fuzz.py``, loaded from there and driven by
Hypothesis' own random source, so a failure shrinks to a small input.

Every input goes through every entry point, and the campaign's judge
(``run_one``) says how it ended: the only acceptable endings are success, a
CompileError or a DecompileError, and, for a shortcut that decompiles, an
exact round trip.  Budgets are small and derandomised: the suite stays fast
and a failure here is the same on every run.  Long campaigns belong to the
benchmark.
"""

from __future__ import annotations

import datetime
import importlib.util
import plistlib
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from shortcuts2py import api, container
from shortcuts2py.errors import DecompileError

from .conftest import CORPUS, corpus_rows, needs_corpus


def _load_campaign():
    """benchmarks/fuzz.py, the long campaign whose mutators and judge these tests share."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("s2py_fuzz_campaign", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_campaign()

SMALL = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TINY = settings(SMALL, max_examples=25)

# --------------------------------------------------------------------------- plist objects

P = "is.workflow.actions."
IDS = ("A1", "B2", "C3", "6E1D1E4F-0000-4000-8000-000000000001")
GROUPS = ("G1", "G2", "G3")
NAMES = ("x", "Repeat Item", "my var", "if", "Shortcut Input", "é", "a-b")

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "\ufffc", "{x}", '"', "\\", "\n", "😀", "if", "None", "output_names", "shortcut"])
integers = st.integers(-(2**63), 2**64 - 1) | st.sampled_from([0, 1, -1, 2**63, 2**64 - 1, -(2**63)])
scalars = st.one_of(
    text, integers, st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.binary(max_size=8),
    st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1)).map(
        lambda moment: moment.replace(microsecond=0)),
)
plist_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


def utf16_length(value: str) -> int:
    return len(value.encode("utf-16-le", "surrogatepass")) // 2


@st.composite
def attachments(draw):
    """A variable as Shortcuts stores it: an action output, a named variable or a global."""
    kind = draw(st.sampled_from(["ActionOutput", "Variable", "ExtensionInput", "Clipboard", "CurrentDate",
                                 "Ask", "DeviceDetails", "Input"]))
    value: dict = {"Type": kind}
    if kind == "ActionOutput":
        value["OutputUUID"] = draw(st.sampled_from(IDS))
        if draw(st.booleans()):
            value["OutputName"] = draw(st.sampled_from(["Text", "Dictionary", "URL", "Other"]))
    elif kind == "Variable":
        value["VariableName"] = draw(st.sampled_from(NAMES))
    if draw(st.integers(0, 3)) == 0:
        value["Aggrandizements"] = draw(st.lists(st.sampled_from([
            {"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": "k"},
            {"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFStringContentItem"},
            {"Type": "WFPropertyVariableAggrandizement", "PropertyName": "Name"},
        ]), max_size=3))
    return value


@st.composite
def token_strings(draw):
    """Text with variables: every attachment at a real UTF-16 offset of an object character."""
    pieces = draw(st.lists(st.tuples(text, attachments()), min_size=1, max_size=3))
    tail = draw(text)
    string, ranges = "", {}
    for before, value in pieces:
        string += before
        ranges[f"{{{utf16_length(string)}, 1}}"] = value
        string += "\ufffc"
    return {"Value": {"string": string + tail, "attachmentsByRange": ranges},
            "WFSerializationType": "WFTextTokenString"}


parameter_values = st.one_of(
    plist_values,
    token_strings(),
    attachments().map(lambda value: {"Value": value, "WFSerializationType": "WFTextTokenAttachment"}),
    st.lists(st.tuples(st.sampled_from(["k", "key 2", ""]), text), max_size=3).map(lambda items: {
        "Value": {"WFDictionaryFieldValueItems": [
            {"WFItemType": 0, "WFKey": {"Value": {"string": k}, "WFSerializationType": "WFTextTokenString"},
             "WFValue": {"Value": {"string": v}, "WFSerializationType": "WFTextTokenString"}}
            for k, v in items]},
        "WFSerializationType": "WFDictionaryFieldValue"}),
)

identifiers = st.sampled_from([P + name for name in (
    "gettext", "comment", "showresult", "alert", "url", "downloadurl", "getvalueforkey", "count",
    "setvariable", "appendvariable", "getvariable", "number", "math", "dictionary", "list", "exit")]
    + ["com.example.app.Intent", "is.workflow.actions.not.in.catalog"])


@st.composite
def actions(draw):
    identifier = draw(identifiers)
    params = draw(st.dictionaries(
        st.sampled_from(["WFTextActionText", "WFInput", "Text", "WFVariableName", "WFCommentActionText",
                         "WFNumberValue", "WFDictionaryKey", "CustomOutputName", "Show-text", "x"]),
        parameter_values, max_size=3))
    if draw(st.booleans()):
        params["UUID"] = draw(st.sampled_from(IDS))
    return {"WFWorkflowActionIdentifier": identifier, "WFWorkflowActionParameters": params}


def _marker(identifier: str, group: str, mode: int, **params) -> dict:
    return {"WFWorkflowActionIdentifier": identifier,
            "WFWorkflowActionParameters": {"GroupingIdentifier": group, "WFControlFlowMode": mode, **params}}


@st.composite
def blocks(draw, inner):
    """If / Otherwise, Choose from Menu, Repeat and Repeat with Each around inner actions."""
    group = draw(st.sampled_from(GROUPS))
    kind = draw(st.sampled_from(["if", "menu", "repeat", "each"]))
    body = draw(inner)
    if kind == "if":
        start = _marker(P + "conditional", group, 0, WFCondition=draw(st.sampled_from([4, 5, 100, 101, 99])),
                        WFInput={"Type": "Variable", "Variable": {
                            "Value": draw(attachments()), "WFSerializationType": "WFTextTokenAttachment"}},
                        WFConditionalActionString=draw(text))
        middle = [_marker(P + "conditional", group, 1)] if draw(st.booleans()) else []
        return [start, *body, *middle, *draw(inner), _marker(P + "conditional", group, 2)]
    if kind == "menu":
        titles = draw(st.lists(st.sampled_from(["A", "B", "Yes", "No", ""]), min_size=1, max_size=3, unique=True))
        out = [_marker(P + "choosefrommenu", group, 0, WFMenuItems=titles, WFMenuPrompt=draw(text))]
        for title in titles:
            out += [_marker(P + "choosefrommenu", group, 1, WFMenuItemTitle=title), *draw(inner)]
        return out + [_marker(P + "choosefrommenu", group, 2)]
    if kind == "repeat":
        return [_marker(P + "repeat.count", group, 0, WFRepeatCount=draw(st.integers(0, 5))), *body,
                _marker(P + "repeat.count", group, 2)]
    source = {"Value": draw(attachments()), "WFSerializationType": "WFTextTokenAttachment"}
    return [_marker(P + "repeat.each", group, 0, WFInput=source), *body, _marker(P + "repeat.each", group, 2)]


action_lists = st.recursive(
    st.lists(actions(), max_size=3),
    lambda inner: st.lists(st.one_of(inner, blocks(inner)), max_size=3).map(lambda parts: sum(parts, [])),
    max_leaves=6,
)

header_values = st.fixed_dictionaries({}, optional={
    "WFWorkflowClientVersion": st.sampled_from(["2607.1.3", "1146", "900"]),
    "WFWorkflowMinimumClientVersion": st.sampled_from([900, 411, 1113]),
    "WFWorkflowMinimumClientVersionString": st.sampled_from(["900", "411"]),
    "WFWorkflowIcon": st.fixed_dictionaries({"WFWorkflowIconStartColor": st.sampled_from([-43634177, 4282601983]),
                                             "WFWorkflowIconGlyphNumber": st.sampled_from([59511, 61440])}),
    "WFWorkflowTypes": st.lists(st.sampled_from(["NCWidget", "WatchKit", "MenuBar"]), max_size=2),
    "WFWorkflowInputContentItemClasses": st.lists(st.sampled_from(["WFStringContentItem", "WFURLContentItem"]),
                                                  max_size=2),
    "WFWorkflowImportQuestions": st.just([]),
    "WFWorkflowHasOutputFallback": st.booleans(),
    "WFQuickActionSurfaces": st.just([]),
    "X-Custom": plist_values,
})


@st.composite
def shortcuts(draw):
    """A whole workflow dict: header keys in any order, then the actions."""
    header = draw(header_values)
    order = draw(st.permutations(list(header) + ["WFWorkflowActions"]))
    body = {**header, "WFWorkflowActions": draw(action_lists)}
    return {key: body[key] for key in order}


# --------------------------------------------------------------------------- containers


@st.composite
def signed_files(draw, wflow: bytes):
    """``wflow`` in an AEA1 file: any segment size, cluster size, compression and checksum kind."""
    return fuzz.aea_wrap(
        fuzz.apple_archive(wflow, draw(st.sampled_from([b"Shortcut.wflow", b"Other.wflow"]))),
        segment_size=draw(st.sampled_from([1 << 20, 4096, 64, 16])),
        per_cluster=draw(st.sampled_from([256, 1, 2, 7])),
        compression=draw(st.sampled_from(["e", "-"])),
        checksum=draw(st.sampled_from([2, 0, 1])),
    )


@st.composite
def containers(draw, roots):
    """A root written as a binary, XML, JSON or signed file: (kind, bytes)."""
    root = draw(roots)
    kind = draw(st.sampled_from(["bplist", "xml", "json", "signed"]))
    if kind == "signed":
        wflow = plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)
        return kind, draw(signed_files(wflow))
    data, written = fuzz.write_container(root, draw(st.randoms(use_true_random=False)), kind)
    return written, data


def plain(root: dict) -> bool:
    """Whether every format can hold ``root`` as it is (JSON has no data, dates or special reals)."""
    return all(isinstance(value, (str, int, bool, list, dict)) or
               (isinstance(value, float) and value == value and abs(value) != float("inf"))
               for value in _walk(root))


def _walk(value):
    stack = [value]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# --------------------------------------------------------------------------- judges


def ends_well(kind: str, payload, keep_ids: bool = False) -> str:
    """The campaign's judge: only success, a documented error or an exact round trip pass."""
    outcome, signature, detail = fuzz.run_one(kind, payload, keep_ids)
    if outcome in ("changed", "exception") and _known_bug(kind, payload, outcome, signature, detail):
        return outcome
    assert outcome in ("ok", "compiled") or outcome.startswith("refused:"), f"{outcome}: {signature}\n{detail}"
    return outcome


# Known bugs of the core, each tracked by a strict xfail regression test in test_reliability
# (named here).  Only these exact failures are let through, so any other still fails; when a
# bug is fixed its xfail test starts to pass, and its entry here goes with the mark there.


def _known_bug(kind: str, payload, outcome: str, signature: str, detail: str) -> bool:
    return any(test(kind, payload, outcome, signature, detail) for test in (_repeat_each_target,))


def _repeat_each_target(kind, payload, outcome, signature, detail) -> bool:
    """test_repeat_each_with_an_extra_parameter_goes_round: `for item in repeat_each(...)`
    is written by the decompiler and refused by the compiler."""
    return outcome == "changed" and "found a loop target other than two names" in detail


def loads_or_refuses(data: bytes) -> None:
    try:
        root = api.load(data)
    except DecompileError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(root, dict) and isinstance(root.get("WFWorkflowActions"), list)


# --------------------------------------------------------------------------- properties


@SMALL
@given(containers(shortcuts()))
def test_every_container_of_a_generated_shortcut_reads_back_the_same(pair):
    kind, data = pair
    root = api.load(data)
    assert container.detect(data) == ("aea" if kind == "signed" else kind)
    assert api.load(container.write_bytes(root)) is not None


@SMALL
@given(shortcuts(), st.booleans())
def test_generated_shortcuts_go_round_through_every_entry_point(root, keep_ids):
    ends_well("plist", plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False), keep_ids)


@SMALL
@given(shortcuts(), st.randoms(use_true_random=False))
def test_mutated_shortcut_trees_end_in_a_documented_error_or_a_round_trip(root, rng):
    mutated = fuzz.mutate_plist(root, rng, [root])
    ends_well("plist", fuzz.write_container(mutated, rng)[0], keep_ids=rng.random() < 0.3)


@SMALL
@given(containers(shortcuts()), st.randoms(use_true_random=False))
def test_mutated_container_bytes_load_or_are_refused(pair, rng):
    _, data = pair
    loads_or_refuses(fuzz.mutate_bytes(data, rng, [data]))


@SMALL
@given(shortcuts().filter(plain), st.sampled_from(["xml", "json"]), st.randoms(use_true_random=False))
def test_mutated_text_containers_load_or_are_refused(root, kind, rng):
    data, _ = fuzz.write_container(root, rng, kind)
    loads_or_refuses(fuzz.mutate_text(data, rng))


@SMALL
@given(shortcuts(), st.randoms(use_true_random=False))
def test_forged_signed_wrappers_load_or_are_refused(root, rng):
    wflow = plistlib.dumps(root, fmt=plistlib.FMT_BINARY, sort_keys=False)
    signed = fuzz.wrap_signed(wflow, rng)
    assert api.load(signed) == api.load(wflow)
    loads_or_refuses(fuzz.forge_signed(signed, rng))


@SMALL
@given(shortcuts(), st.randoms(use_true_random=False))
def test_mutated_code_ends_in_a_compile_error_or_a_round_trip(root, rng):
    try:
        code = api.decompile(root)
    except DecompileError:
        assume(False)
    ends_well("code", fuzz.mutate_code(code, rng, [code]))


simple_statements = st.sampled_from([
    'x = is_workflow_actions_gettext(WFTextActionText="a")',
    "y = is_workflow_actions_count(Input=x)",
    'is_workflow_actions_showresult(Text=f"{x} and {y}")',
    "Name = x",
    "# a comment",
    'z = action("com.example.Intent", key=[1, 2.5, True, None])',
    'raw_action({"WFWorkflowActionIdentifier": "x"})',
    'is_workflow_actions_alert(WFAlertActionMessage=x["k"].as_type("WFStringContentItem"))',
    "x = 1.5", "Name += x", "print(x)",
])
openers = st.sampled_from(['if x == "a":', "if not x:", "for item in x:", "for _ in range(3):",
                           "for index, item in enumerate(x, start=1):", "while x:"])


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines] or ["    pass"]


code_bodies = st.recursive(
    st.lists(simple_statements, min_size=1, max_size=3),
    lambda inner: st.lists(st.one_of(
        inner,
        st.tuples(openers, inner).map(lambda pair: [pair[0], *_indent(pair[1])]),
        st.tuples(inner, inner).map(lambda pair: ['if x == "b":', *_indent(pair[0]), "else:", *_indent(pair[1])]),
        st.lists(st.tuples(st.sampled_from(['"A"', '"B"', "_"]), inner), min_size=1, max_size=2).map(
            lambda cases: ['match menu(WFMenuPrompt="p"):', *_indent(
                [line for title, body in cases for line in [f"case {title}:", *_indent(body)]])]),
    ), min_size=1, max_size=3).map(lambda parts: sum(parts, [])),
    max_leaves=8,
)


@TINY
@given(code_bodies)
def test_code_built_from_statements_ends_in_a_compile_error_or_a_round_trip(lines):
    ends_well("code", "shortcut()\n" + "\n".join(lines) + "\n")


@needs_corpus
@TINY
@given(st.data())
def test_mutated_corpus_files_end_in_a_documented_error_or_a_round_trip(data):
    """Real files (a few of each container kind) mutated as the campaign does."""
    row = data.draw(st.sampled_from(_corpus_sample()))
    raw = (CORPUS / row["file"]).read_bytes()
    rng = data.draw(st.randoms(use_true_random=False))
    how = data.draw(st.sampled_from(["bytes", "plist", "signed"]))
    if how == "bytes":
        payload = fuzz.mutate_bytes(raw, rng, [raw])
    elif how == "plist":
        payload = fuzz.write_container(fuzz.mutate_plist(api.load(raw), rng, []), rng)[0]
    else:
        wflow = plistlib.dumps(api.load(raw), fmt=plistlib.FMT_BINARY, sort_keys=False)
        payload = fuzz.forge_signed(fuzz.wrap_signed(wflow, rng), rng)
    ends_well(how, payload)


def _corpus_sample(per_kind: int = 6) -> list[dict]:
    """The smallest files of each container kind: quick to mutate and to run."""
    rows = sorted(corpus_rows(), key=lambda row: (CORPUS / row["file"]).stat().st_size)
    chosen: dict[str, list[dict]] = {}
    for row in rows:
        if (row.get("n_actions") or 0) >= 3 and len(chosen.setdefault(row["format"], [])) < per_kind:
            chosen[row["format"]].append(row)
    return [row for group in chosen.values() for row in group]


# --------------------------------------------------------------------------- the harness itself


def test_inputs_are_made_the_same_way_every_time():
    """A campaign's input i depends on the seed string and i only: --replay gives it back."""
    seeds = _FakeSeeds()
    first = [fuzz.make_input(seeds, "s", i) for i in range(40)]
    assert first == [fuzz.make_input(seeds, "s", i) for i in range(40)]
    assert {kind for kind, _, _ in first} == set(fuzz.KINDS)


def test_the_judge_tells_undocumented_errors_from_documented_ones(monkeypatch):
    assert fuzz.run_one("bytes", b"not a shortcut", False)[0] == "refused:load"
    assert fuzz.run_one("code", "while True:\n    pass\n", False)[0] == "refused:compile"

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(api, "compile", broken)
    outcome, signature, _ = fuzz.run_one("code", "shortcut()\n", False)
    assert outcome == "exception" and signature.startswith("KeyError")


def test_the_judge_reports_a_round_trip_that_changes_data(monkeypatch):
    real = api.compile

    def lossy(code, filename="<string>"):
        root = real(code, filename=filename)
        root["WFWorkflowActions"] = root["WFWorkflowActions"][:-1]
        return root

    monkeypatch.setattr(api, "compile", lossy)
    root = {"WFWorkflowActions": [{"WFWorkflowActionIdentifier": P + "comment",
                                   "WFWorkflowActionParameters": {"WFCommentActionText": "hi"}}]}
    data = plistlib.dumps(root, fmt=plistlib.FMT_BINARY)
    assert fuzz.run_one("bytes", data, False)[0] == "changed"


def test_a_campaign_writes_a_summary_and_reproducers(tmp_path):
    """A short campaign on made-up seeds, in one worker: it runs, counts and writes its files."""
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    for index in range(3):
        root = {"WFWorkflowActions": [{"WFWorkflowActionIdentifier": P + "gettext",
                                       "WFWorkflowActionParameters": {"WFTextActionText": f"t{index}",
                                                                      "UUID": f"U{index}"}}]}
        (seeds_dir / f"s{index}.plist").write_bytes(plistlib.dumps(root, fmt=plistlib.FMT_XML))
    out = tmp_path / "out"
    status = fuzz.main(["--inputs", "60", "--corpus", str(seeds_dir), "--out", str(out), "--chunk", "20",
                        "--seed", "unit"])
    assert status == 0
    import json

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["inputs"] == 60 and summary["finished"]
    assert sum(summary["kinds"].values()) == 60 and sum(summary["outcomes"].values()) == 60
    assert summary["peak_rss_mib"] > 0


class _FakeSeeds:
    """Seeds made here, so the harness test needs no corpus."""

    def __init__(self):
        root = {"WFWorkflowActions": [{"WFWorkflowActionIdentifier": P + "gettext",
                                       "WFWorkflowActionParameters": {"WFTextActionText": "a", "UUID": "U"}}]}
        xml = plistlib.dumps(root, fmt=plistlib.FMT_XML)
        self.paths = [Path("a.plist"), Path("b.plist")]
        self.data = [xml, plistlib.dumps(root, fmt=plistlib.FMT_BINARY)]
        self.roots = [root, root]
        self.bplists = [self.data[1], self.data[1]]
        self.text_files = [0]

    def code(self, index: int) -> str:
        return api.decompile(self.roots[index])


@pytest.mark.parametrize("layout", [dict(segment_size=16, per_cluster=1), dict(segment_size=64, per_cluster=3),
                                    dict(compression="-"), dict(checksum=0)])
def test_the_signed_writer_makes_files_the_reader_accepts(layout):
    root = {"WFWorkflowActions": [], "X": "y" * 300}
    wflow = plistlib.dumps(root, fmt=plistlib.FMT_BINARY)
    assert api.load(fuzz.aea_wrap(fuzz.apple_archive(wflow), **layout)) == root
