"""`s2py render`: the view tree, the SVG and the HTML, without a browser.

The browser checks (screenshots, the DOM chromium builds) are in
test_render_browser.py and share the helpers defined here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from shortcuts2py import api, ir
from shortcuts2py.lift import lift_workflow
from shortcuts2py.render import FORMATS, build_view, render, render_html, render_svg
from shortcuts2py.render import measure, svg as svg_module
from shortcuts2py.render.values import Token
from shortcuts2py.render.view import Card, Group
from tests.conftest import CORPUS, corpus_rows, needs_corpus

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.shortcut"))
SVG_NS = "{http://www.w3.org/2000/svg}"
P = "is.workflow.actions."
EVIL = '</svg></style><script>alert("x")</script><img src=x onerror=alert(1)> \' " & ]]> \x00\x1b\ud800 end'


# --------------------------------------------------------------------------- plist builders


def act(identifier: str, **params) -> dict:
    full = identifier if identifier.startswith(("com.", "is.")) else P + identifier
    return {"WFWorkflowActionIdentifier": full, "WFWorkflowActionParameters": params}


def root_of(*actions: dict, colour: int = 463140863) -> dict:
    return {
        "WFWorkflowActions": list(actions),
        "WFWorkflowClientVersion": "2607.1.3",
        "WFWorkflowIcon": {"WFWorkflowIconStartColor": colour, "WFWorkflowIconGlyphNumber": 59511},
    }


def output(uuid: str, name: str, **more) -> dict:
    return {"Type": "ActionOutput", "OutputUUID": uuid, "OutputName": name, **more}


def attached(value: dict) -> dict:
    return {"Value": value, "WFSerializationType": "WFTextTokenAttachment"}


def tokens(string: str, ranges: dict) -> dict:
    return {"Value": {"string": string, "attachmentsByRange": ranges}, "WFSerializationType": "WFTextTokenString"}


def block(identifier: str, group: str, mode: int, **params) -> dict:
    return act(identifier, GroupingIdentifier=group, WFControlFlowMode=mode, **params)


U1, U2, U3 = (f"{n}{n}{n}{n}{n}{n}{n}{n}-AAAA-4BBB-8CCC-00000000000{n}" for n in (1, 2, 3))


def sample_root() -> dict:
    """A shortcut with every kind of thing the renderer shows."""
    return root_of(
        act("comment", WFCommentActionText="Fetch the weather\nand show it."),
        act("ask", UUID=U1, WFAskActionPrompt="Which city?"),
        act("setvariable", WFVariableName="City", WFInput=attached(output(U1, "Provided Input"))),
        act(
            "gettext",
            UUID=U2,
            CustomOutputName="Greeting",
            WFTextActionText=tokens(
                "Hi \ufffc from \ufffc",
                {"{3, 1}": {"Type": "Variable", "VariableName": "City"}, "{10, 1}": {"Type": "ExtensionInput"}},
            ),
        ),
        block(
            "conditional",
            "G1",
            0,
            WFCondition=99,
            WFConditionalActionString="rain",
            WFInput={"Type": "Variable", "Variable": attached(output(U2, "Text"))},
        ),
        block("repeat.count", "G2", 0, WFRepeatCount=3),
        act("showresult", Text=tokens("\ufffc", {"{0, 1}": {"Type": "Variable", "VariableName": "Repeat Index"}})),
        block("repeat.count", "G2", 2),
        block("conditional", "G1", 1),
        act(
            "dictionary",
            UUID=U3,
            WFItems={
                "Value": {
                    "WFDictionaryFieldValueItems": [
                        {
                            "WFItemType": 0,
                            "WFKey": tokens("city", {}),
                            "WFValue": tokens("\ufffc", {"{0, 1}": output(U2, "Text")}),
                        },
                    ]
                },
                "WFSerializationType": "WFDictionaryFieldValue",
            },
        ),
        block("conditional", "G1", 2),
        block("choosefrommenu", "G3", 0, WFMenuPrompt="Pick", WFMenuItems=["One", "Two"]),
        block("choosefrommenu", "G3", 1, WFMenuItemTitle="One"),
        act(
            "getvalueforkey",
            WFDictionaryKey="city",
            WFInput=attached(
                output(
                    U3,
                    "Dictionary",
                    Aggrandizements=[{"Type": "WFDictionaryValueVariableAggrandizement", "DictionaryKey": "city"}],
                )
            ),
        ),
        block("choosefrommenu", "G3", 1, WFMenuItemTitle="Two"),
        block("choosefrommenu", "G3", 2),
        act(
            "com.example.Weather.ForecastIntent",
            days=3,
            AppIntentDescriptor={
                "BundleIdentifier": "com.example.Weather",
                "Name": "Weather Pro",
                "TeamIdentifier": "X",
                "AppIntentIdentifier": "ForecastIntent",
            },
        ),
    )


def sample_workflow() -> ir.Workflow:
    return lift_workflow(sample_root())


# --------------------------------------------------------------------------- shared helpers


def ir_depths(body: list[ir.Statement], depth: int = 0) -> list[tuple[str, int]]:
    """(identifier, depth) of every action, in file order, from the IR alone."""
    out: list[tuple[str, int]] = []
    for statement in body:
        if isinstance(statement, ir.Block):
            out.append((statement.identifier, depth))
            for section in statement.sections:
                if section.opener is not None:
                    out.append((statement.identifier, depth))
                out.extend(ir_depths(section.body, depth + 1))
            out.append((statement.identifier, depth))
        elif isinstance(statement, ir.Action):
            out.append((statement.identifier, depth))
        else:
            value = statement.value
            found = dict(value.items).get("WFWorkflowActionIdentifier") if isinstance(value, ir.DictValue) else None
            out.append((found.value if isinstance(found, ir.Literal) and isinstance(found.value, str) else "", depth))
    return out


class HtmlCards(HTMLParser):
    """Reads a rendered page: its cards with the depth each says it has and
    the number of ``ol.block-body`` around it, the tags and attributes used,
    and the text."""

    VOID = {"meta", "br", "img", "link", "input", "hr", "source"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, is a block body)
        self.cards: list[dict] = []
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if "card" in classes:
            self.cards.append(
                {
                    "identifier": found.get("data-identifier"),
                    "depth": int(found["data-depth"]),
                    "role": found.get("data-role"),
                    "nesting": sum(1 for _, body in self.stack if body),
                }
            )
        if tag not in self.VOID:
            self.stack.append((tag, tag == "ol" and "block-body" in classes))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)


def urls_in(attributes: list[tuple[str, str | None]]) -> list[str]:
    """Attribute values that would make a browser fetch something."""
    fetching = {"src", "href", "xlink:href", "srcset", "poster", "data", "action", "background"}
    found = [v or "" for k, v in attributes if k in fetching]
    found += [v for k, v in attributes if k == "style" and v and "url(" in v]
    return found


def svg_cards(page: str) -> list[tuple[str, int]]:
    root = ET.fromstring(page)
    return [(g.get("data-identifier"), int(g.get("data-depth"))) for g in root.iter(f"{SVG_NS}g")]


# --------------------------------------------------------------------------- the view


def _flatten(nodes) -> list[Card]:
    cards: list[Card] = []
    for node in nodes:
        if isinstance(node, Group):
            cards.append(node.start)
            for section in node.sections:
                if section.opener is not None:
                    cards.append(section.opener)
                cards.extend(_flatten(section.body))
            cards.append(node.end)
        else:
            cards.append(node)
    return cards


def _spans(line) -> str:
    return "".join(f"[{s.label}]" if not isinstance(s, str) else s for s in line)


def test_view_shows_titles_tokens_and_blocks():
    view = build_view(sample_workflow(), name="Weather")
    cards = _flatten(view.nodes)
    assert [c.title for c in cards] == [
        "Comment",
        "Ask for Input",
        "Set Variable",
        "Text",
        "If",
        "Repeat",
        "Show Result",
        "End Repeat",
        "Otherwise",
        "Dictionary",
        "End If",
        "Choose from Menu",
        "One",
        "Get Dictionary Value",
        "Two",
        "End Menu",
        "Forecast",
    ]
    assert view.card_count == len(cards) == 17
    by_title = {c.title: c for c in cards}
    assert by_title["Comment"].text == [("Fetch the weather",), ("and show it.",)]
    set_variable = {f.label: _spans(f.lines[0]) for f in by_title["Set Variable"].fields}
    assert set_variable == {"Input": "[Provided Input]", "Variable": "City"}
    text = by_title["Text"]
    assert _spans(text.fields[0].lines[0]) == "Hi [City] from [Shortcut Input]"
    assert text.fields[-1].label == "Output" and _spans(text.fields[-1].lines[0]) == "[Greeting]"
    # The renamed output is what every pill referring to it shows.
    assert _spans(by_title["If"].summary) == "[Greeting] contains rain"
    assert _spans(by_title["Repeat"].summary) == "3 times"
    assert _spans(by_title["Dictionary"].fields[0].lines[0]) == "city: [Greeting]"
    lookup = by_title["Get Dictionary Value"].fields
    assert [_spans(f.lines[0]) for f in lookup] == ["city", "[Dictionary › city]"]
    third_party = by_title["Forecast"]
    assert third_party.app == "Weather Pro" and third_party.colour == "neutral"
    assert [(f.label, _spans(f.lines[0])) for f in third_party.fields] == [("Days", "3")]
    assert {c.title: c.depth for c in cards if c.depth} == {
        "Repeat": 1,
        "Show Result": 2,
        "End Repeat": 1,
        "Dictionary": 1,
        "Get Dictionary Value": 1,
    }


def test_pills_take_the_colour_of_what_they_refer_to():
    cards = _flatten(build_view(sample_workflow(), name="x").nodes)
    text = next(c for c in cards if c.title == "Text")
    city, shortcut_input = (s for s in text.fields[0].lines[0] if not isinstance(s, str))
    assert (city.kind, city.colour) == ("variable", "orange")
    assert (shortcut_input.kind, shortcut_input.colour) == ("global", "indigo")
    repeat_index = next(c for c in cards if c.title == "Show Result").fields[0].lines[0][0]
    assert repeat_index.colour == "gray"  # loop variables belong to the Repeat block
    if_subject = next(c for c in cards if c.title == "If").summary[0]
    assert (if_subject.kind, if_subject.colour) == ("output", "yellow")  # Text actions are yellow


def test_icon_colour_reads_negative_and_unsigned_alike():
    unsigned = build_view(lift_workflow(root_of(colour=4251333119)), name="a")
    signed = build_view(lift_workflow(root_of(colour=4251333119 - 2**32)), name="a")
    assert unsigned.colour == signed.colour == "#fd6631"


def test_flat_block_pieces_still_read_as_if_and_end_if():
    # An If with no end and an End If with no start stay flat actions.
    root = root_of(
        block(
            "conditional",
            "A",
            0,
            WFCondition=100,
            WFInput={"Type": "Variable", "Variable": attached({"Type": "Clipboard"})},
        ),
        block("conditional", "B", 0, WFCondition=101),
        block("conditional", "C", 2),
        block("conditional", "D", 2),
    )
    workflow = lift_workflow(root)
    assert not any(isinstance(s, ir.Block) for s in workflow.body)
    cards = _flatten(build_view(workflow, name="x").nodes)
    assert [c.title for c in cards] == ["If", "If", "End If", "End If"]
    assert _spans(cards[0].summary) == "[Clipboard] has any value"
    assert _spans(cards[1].summary) == "Input does not have any value"
    assert {c.depth for c in cards} == {0}


def test_multi_condition_if_lists_each_condition():
    subject = {"Type": "Variable", "Variable": attached({"Type": "Variable", "VariableName": "n"})}
    conditions = {
        "WFSerializationType": "WFContentPredicateTableTemplate",
        "Value": {
            "WFActionParameterFilterPrefix": 0,
            "WFActionParameterFilterTemplates": [
                {"WFCondition": 2, "WFInput": subject, "WFNumberValue": "5"},
                {"WFCondition": 1003, "WFInput": subject, "WFNumberValue": "1", "WFAnotherNumber": "3"},
            ],
        },
    }
    root = root_of(block("conditional", "G", 0, WFConditions=conditions), block("conditional", "G", 2))
    start = build_view(lift_workflow(root), name="x").nodes[0].start
    assert _spans(start.summary) == "any of these are true"
    assert [_spans(line) for line in start.fields[0].lines] == ["[n] is greater than 5", "[n] is between 1 and 3"]


# --------------------------------------------------------------------------- SVG


def test_svg_is_valid_xml_sized_to_content_with_a_card_per_action():
    workflow = sample_workflow()
    page = render_svg(workflow, name="Weather")
    root = ET.fromstring(page)
    assert root.tag == f"{SVG_NS}svg"
    width, height = int(root.get("width")), int(root.get("height"))
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert svg_cards(page) == ir_depths(workflow.body)
    # Grows with the content: one more action makes it taller.
    longer = lift_workflow({**sample_root(), "WFWorkflowActions": sample_root()["WFWorkflowActions"] * 2})
    assert int(ET.fromstring(render_svg(longer, name="x")).get("height")) > height


def test_svg_loads_nothing_and_runs_nothing():
    page = render_svg(sample_workflow(), name="Weather")
    root = ET.fromstring(page)
    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    assert tags <= {"svg", "title", "style", "rect", "text", "g", "path"}
    for element in root.iter():
        assert not any("href" in name or name.startswith("on") for name in element.attrib)
    style = root.find(f"{SVG_NS}style").text
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_svg_keeps_long_values_inside_the_card():
    long_word = "x" * 3000
    root = root_of(
        act("gettext", WFTextActionText="word " * 2000),
        act("gettext", WFTextActionText=long_word),
        act("comment", WFCommentActionText="\n".join(f"line {i}" for i in range(100))),
    )
    page = render_svg(lift_workflow(root), name="long")
    svg = ET.fromstring(page)
    width = int(svg.get("width"))
    texts = [t for t in svg.iter(f"{SVG_NS}text") if t.get("text-anchor") is None and t.text]
    assert len(page) < 40_000  # truncated, not every row written
    assert sum(t.text == "… more" for t in texts) == 3
    for t in texts:
        assert float(t.get("x")) + measure.width(t.text, svg_module.TEXT_SIZE) <= width - svg_module.MARGIN + 1


def test_wrap_breaks_at_spaces_and_never_splits_a_token():
    city = Token("City", "orange", "variable")
    rows = measure.wrap(("alpha beta gamma delta ", city, " epsilon"), 120, svg_module.METRICS)
    assert len(rows) > 1
    for row in rows:
        assert row[-1].x + row[-1].width <= 120 or len(row) == 1
    runs = [r for row in rows for r in row]
    assert [r.token for r in runs if r.token] == [city]
    assert "".join(r.text for r in runs if r.token is None).split() == "alpha beta gamma delta epsilon".split()


def test_wrap_stops_early_on_huge_values():
    rows = measure.wrap(("x" * 2_000_000,), 300, svg_module.METRICS, max_rows=3)
    assert len(rows) == 4  # one row past the limit tells the caller there is more
    assert all(sum(r.width for r in row) <= 300 for row in rows)


# --------------------------------------------------------------------------- HTML


def test_html_has_a_card_per_action_nested_as_the_blocks_are():
    workflow = sample_workflow()
    page = HtmlCards(render_html(workflow, name="Weather"))
    assert [(c["identifier"], c["depth"]) for c in page.cards] == ir_depths(workflow.body)
    assert all(c["nesting"] == c["depth"] for c in page.cards)
    roles = [c["role"] for c in page.cards]
    assert roles.count("start") == roles.count("end") == 3 and roles.count("middle") == 3
    assert roles.count("comment") == 1


def test_html_is_self_contained():
    page = render_html(sample_workflow(), name="Weather")
    parsed = HtmlCards(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert urls_in(parsed.attributes) == []
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "url(" not in page and "@import" not in page


# --------------------------------------------------------------------------- hostile input


def hostile_root() -> dict:
    return root_of(
        act("comment", WFCommentActionText=EVIL),
        act("gettext", UUID=U1, CustomOutputName=EVIL, WFTextActionText=EVIL),
        act("setvariable", WFVariableName=EVIL, WFInput=attached(output(U1, EVIL))),
        act("gettext", WFTextActionText=tokens("\ufffc", {"{0, 1}": {"Type": "Variable", "VariableName": EVIL}})),
        act(
            "dictionary",
            WFItems={
                "Value": {
                    "WFDictionaryFieldValueItems": [
                        {"WFItemType": 0, "WFKey": tokens(EVIL, {}), "WFValue": tokens(EVIL, {})}
                    ]
                },
                "WFSerializationType": "WFDictionaryFieldValue",
            },
        ),
        block("choosefrommenu", "G", 0, WFMenuPrompt=EVIL, WFMenuItems=[EVIL]),
        block("choosefrommenu", "G", 1, WFMenuItemTitle=EVIL),
        block("choosefrommenu", "G", 2),
        act("com.evil.<script>\"'Intent", **{EVIL: EVIL, "AppIntentDescriptor": {"Name": EVIL}}),
        {"WFWorkflowActionIdentifier": EVIL, "WFWorkflowActionParameters": {EVIL: EVIL}, EVIL: EVIL},
    )


VISIBLE_EVIL = '</svg></style><script>alert("x")</script>'


def test_hostile_text_stays_text_in_svg():
    workflow = lift_workflow(hostile_root())
    page = render_svg(workflow, name=EVIL)
    root = ET.fromstring(page)  # still well-formed XML, control characters and all
    assert {e.tag.removeprefix(SVG_NS) for e in root.iter()} <= {"svg", "title", "style", "rect", "text", "g", "path"}
    for element in root.iter():
        assert all(
            name
            in {
                "x",
                "y",
                "width",
                "height",
                "rx",
                "class",
                "d",
                "viewBox",
                "role",
                "aria-label",
                "text-anchor",
                "textLength",
                "lengthAdjust",
                "fill",
                "data-identifier",
                "data-depth",
                "{http://www.w3.org/XML/1998/namespace}space",
            }
            for name in element.attrib
        )
    text = "".join(root.itertext())
    assert text.count(VISIBLE_EVIL) >= 4
    assert len(svg_cards(page)) == len(ir_depths(workflow.body))


def test_hostile_text_stays_text_in_html():
    workflow = lift_workflow(hostile_root())
    page = render_html(workflow, name=EVIL)
    parsed = HtmlCards(page)
    assert parsed.tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "span",
        "div",
        "h1",
        "p",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "br",
    }
    names = {name for name, _ in parsed.attributes}
    assert all(
        n in {"lang", "charset", "http-equiv", "content", "name", "class", "style", "aria-hidden", "title"}
        or n.startswith("data-")
        for n in names
    )
    assert urls_in(parsed.attributes) == []
    assert "".join(parsed.text).count(VISIBLE_EVIL) >= 5
    assert len(parsed.cards) == len(ir_depths(workflow.body))
    assert "\x00" not in page and "\x1b" not in page


# --------------------------------------------------------------------------- examples and the corpus


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_render_in_both_formats(path):
    workflow = lift_workflow(api.load(path))
    depths = ir_depths(workflow.body)
    assert svg_cards(render(workflow, name=path.stem, fmt="svg")) == depths
    cards = HtmlCards(render(workflow, name=path.stem, fmt="html")).cards
    assert [(c["identifier"], c["depth"]) for c in cards] == depths


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="svg, html"):
        render(sample_workflow(), name="x", fmt="png")
    assert FORMATS == ("svg", "html")


def corpus_sample(count: int) -> list[Path]:
    """Every n-th distinct shortcut of the corpus, the largest included."""
    rows = [r for r in corpus_rows() if r.get("latest_for_path") and r["format"] != "json"]
    rows.sort(key=lambda r: (r["n_actions"], r["file"]))
    if not rows:
        return []
    step = max(1, len(rows) // (count - 1))
    picked = rows[::step][: count - 1] + [rows[-1]]
    return [CORPUS / r["file"] for r in picked]


@needs_corpus
def test_corpus_sample_renders():
    rendered = 0
    for path in corpus_sample(25):
        try:
            workflow = lift_workflow(api.load(path))
        except (api.DecompileError, ValueError):
            continue  # unreadable files are the loader's business, not the renderer's
        depths = ir_depths(workflow.body)
        assert svg_cards(render_svg(workflow, name=path.stem)) == depths, path.name
        cards = HtmlCards(render_html(workflow, name=path.stem)).cards
        assert [(c["identifier"], c["depth"]) for c in cards] == depths, path.name
        assert all(c["nesting"] == c["depth"] for c in cards), path.name
        rendered += 1
    assert rendered >= 20
