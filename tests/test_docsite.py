"""The documentation site: catalog pages, example calls, and a strict mkdocs build."""

import ast
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from shortcuts2py import api, catalog, docsite

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
WEATHER = "is.workflow.actions.weather.currentconditions"


@pytest.fixture(scope="module")
def entries():
    return catalog.all_entries()


@pytest.fixture(scope="module")
def pages(entries):
    return docsite.pages(entries)


# --------------------------------------------------------------------------- pages


def test_every_action_has_one_section_with_its_anchor(entries, pages):
    anchors = re.findall(r"^## .* \{ #(\S+) \}$", "\n".join(pages.values()), flags=re.M)
    assert len(anchors) == len(entries)
    assert sorted(anchors) == sorted(e.function_name for e in entries)


def test_builtins_are_grouped_by_category_and_apps_by_bundle(entries):
    categories = docsite.category_groups(entries)
    apps = docsite.app_groups(entries)
    assert all(docsite.is_builtin(e) for g in categories for e in g.entries)
    assert not any(docsite.is_builtin(e) for g in apps for e in g.entries)
    for group in apps:
        assert {e.bundle or e.identifier.rsplit(".", 1)[0] for e in group.entries} == {group.bundle}
    for group in categories:
        assert {(e.categories or (docsite.OTHER_CATEGORY,))[0] for e in group.entries} == {group.title}
    paths = [g.path for g in categories + apps]
    assert len(set(paths)) == len(paths)
    titles = [g.title for g in apps]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("folder", [docsite.BUILTIN_FOLDER, docsite.APPS_FOLDER])
def test_each_index_links_every_page_of_its_folder(pages, folder):
    linked = re.findall(r"\]\(([^)/]+\.md)\)", pages[f"{folder}/index.md"])
    expected = {path for path in pages if path.startswith(folder + "/")} - {f"{folder}/index.md"}
    assert sorted(f"{folder}/{link}" for link in linked) == sorted(expected)


def test_pages_stay_a_readable_size(pages):
    largest = max(pages, key=lambda path: len(pages[path]))
    assert len(pages[largest]) < 250_000, largest


# --------------------------------------------------------------------------- examples


def _keywords(call: ast.Call) -> list[str]:
    keys = [k.arg for k in call.keywords if k.arg is not None]
    for k in call.keywords:
        if k.arg is None:  # **{"Show-text": ...}
            keys += [key.value for key in k.value.keys]
    return keys


def test_every_example_is_a_python_call_of_its_action(entries):
    for e in entries:
        tree = ast.parse(docsite.example_call(e))
        if e.identifier in docsite.BLOCK_EXAMPLES:
            continue  # a block statement; compiled below
        assert len(tree.body) == 1, e.identifier
        statement = tree.body[0]
        if e.output_name is None:
            assert isinstance(statement, ast.Expr), e.identifier
        else:
            assert isinstance(statement, ast.Assign), e.identifier
            assert statement.targets[0].id == docsite.output_variable(e)
        call = statement.value
        assert isinstance(call, ast.Call) and call.func.id == e.function_name
        names = catalog.keyword_names(e)
        keys = [names.get(keyword, keyword) for keyword in _keywords(call)]
        assert set(keys) <= set(e.parameter_keys), e.identifier
        assert {p.key for p in e.parameters if p.required and not catalog.is_general_key(p.key)} <= set(keys)


def test_examples_compile_to_their_actions_and_pass_check(entries):
    code = "".join(docsite.example_call(e) for e in entries)
    assert [str(d) for d in api.check(code, filename="examples.py")] == []
    compiled = api.compile(code, filename="examples.py")["WFWorkflowActions"]
    # A block example compiles to its opening action, then its other markers; a list
    # given where a variable belongs is made by a List action just before the call.
    # (No example reads another's output, so an action whose output is read was made so.)
    made = {i for i, a in enumerate(compiled) if _read_later(a, compiled[i + 1 :])}
    opening = [a for i, a in enumerate(compiled) if a["WFWorkflowActionParameters"].get("WFControlFlowMode", 0) == 0 and i not in made]
    assert [a["WFWorkflowActionIdentifier"] for a in opening] == [e.identifier for e in entries]


def _read_later(action: dict, later: list[dict]) -> bool:
    uuid = action["WFWorkflowActionParameters"].get("UUID")
    return bool(uuid) and any(uuid in repr(other["WFWorkflowActionParameters"]) for other in later[:3])


def _parameter(key="Key", type="text", enum=None, default=catalog.MISSING, required=True):
    return catalog.Parameter(key, "", type, None, enum, default, required, False)


def _entry(*parameters, output="Result"):
    return catalog.Entry(
        "com.example.Do", "com_example_Do", "Do", None, "com.example", (), "", False, (),
        None, output, None, tuple(parameters),
    )


def test_sample_values_follow_type_enum_and_default():
    assert docsite.sample_value(_parameter(type="enum", enum=("a", "b|c"), default="b|c")) == '"b|c"'
    assert docsite.sample_value(_parameter(type="enum", enum=("a", "b"), default="z")) == '"a"'
    assert docsite.sample_value(_parameter(type="boolean", default=False)) == "False"
    assert docsite.sample_value(_parameter(type="integer", default=True)) == "1"
    assert docsite.sample_value(_parameter(type="number", default=2)) == "2"
    assert docsite.sample_value(_parameter(key="WFURL", type="text")) == '"https://example.com"'
    assert docsite.sample_value(_parameter(type="location")) == docsite.VARIABLE_SAMPLE


def test_example_puts_keys_that_are_not_names_in_a_mapping():
    call = docsite.example_call(_entry(_parameter("class"), _parameter("my-key", type="boolean")))
    # "my-key" has a keyword name of its own words; "class" is a Python keyword
    assert call == 'result = com_example_Do(my_key=True, **{"class": "text"})\n'
    assert docsite.example_call(_entry(output=None)) == "com_example_Do()\n"


# --------------------------------------------------------------------------- Markdown text

NASTY = ["a|b", "*bold*", "_x_y_", "<b>&amp;</b>", "[l](u)", "# h", "back\\slash", "`tick`", "1. one"]


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_shows_as_written(text):
    rendered = markdown.markdown(f"| h |\n| --- |\n| {docsite.escape(text)} |", extensions=["tables"])
    cell = re.search(r"<td>(.*)</td>", rendered).group(1)
    assert html.unescape(cell) == text


@pytest.mark.parametrize("text", NASTY)
def test_code_spans_show_as_written(text):
    rendered = markdown.markdown(f"| h |\n| --- |\n| {docsite.code(text)} |", extensions=["tables"])
    cell = re.search(r"<td><code>(.*)</code></td>", rendered).group(1)
    assert html.unescape(cell) == text


# --------------------------------------------------------------------------- the built site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built with --strict into a temporary folder (a few seconds).

    No --quiet: it silences the warnings that --strict counts, so a broken
    link would pass.
    """
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(out)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # the theme's end-of-life banner
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert not re.search(r"^WARNING", log, flags=re.M), log
    return out


def test_strict_build_writes_every_page(site, pages):
    # With directory URLs, a/b.md becomes a/b/index.html and a/index.md a/index.html.
    for path in [*pages, "index.md", "architecture.md"]:
        folder = path.removesuffix("index.md") if path.endswith("index.md") else path.removesuffix(".md")
        assert (site / folder / "index.html").is_file(), path


def _lunr_tokens(text: str, separator: str) -> set[str]:
    """What lunr indexes for a field: the text without tags, split, lower-cased."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return {token.lower() for token in re.split(separator, plain) if token}


def test_search_for_weather_finds_get_current_weather(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    weather = catalog.entry(WEATHER)
    section = [d for d in index["docs"] if d["location"].endswith("#" + docsite.anchor(weather))]
    assert len(section) == 1
    assert "weather" in section[0]["title"].lower()
    assert WEATHER in section[0]["text"]
    found = [
        d["location"]
        for d in index["docs"]
        if "weather" in _lunr_tokens(d["title"], separator) | _lunr_tokens(d["text"], separator)
    ]
    assert section[0]["location"] in found


def test_site_loads_nothing_from_the_internet(site):
    remote = re.compile(
        r"<(?:script|img|iframe)[^>]*\ssrc=[\"']?(?:https?:)?//"
        r"|<link[^>]*\shref=[\"']?(?:https?:)?//"
        r"|@import\s+url\([\"']?(?:https?:)?//"
    )
    for page in site.rglob("*.html"):
        hit = remote.search(page.read_text(encoding="utf-8"))
        assert hit is None, f"{page.relative_to(site)}: {hit.group(0)}"


def test_landing_page_links_every_hand_written_page():
    landing = (DOCS / "index.md").read_text(encoding="utf-8")
    live = re.sub(r"<!--.*?-->", "", landing, flags=re.S)
    for page in sorted(DOCS.rglob("*.md")):
        name = page.relative_to(DOCS).as_posix()
        if name != "index.md":
            assert f"]({name})" in live, f"docs/index.md does not link {name}: add it under Guides"


# --------------------------------------------------------------------------- constructs page


def test_constructs_page_is_made_from_the_docstrings_as_they_are_now():
    committed = (DOCS / docsite.CONSTRUCTS_PAGE).read_text(encoding="utf-8")
    assert committed == docsite.constructs_page(), "run `python -m shortcuts2py.docsite` and commit docs/constructs.md"


def test_constructs_page_lists_every_construct_module_once():
    modules = sorted(p.stem for p in (REPO / "shortcuts2py" / "constructs").glob("*.py") if p.stem != "__init__")
    listed = docsite.construct_modules()
    assert sorted(listed) == modules and len(set(listed)) == len(listed)


def test_every_construct_says_why_its_mapping_is_exact():
    sections = docsite.constructs_page().split("\n## ")[1:]
    assert len(sections) == len(docsite.construct_modules())
    for section in sections:
        assert "Exact because" in section or "Nothing to round-trip" in section, section.splitlines()[0]


def test_construct_tables_become_markdown_tables_with_continued_rows():
    doc = """Intro ``x``.

    =====  ==========
    plist  code
    =====  ==========
    a      f(1)
      b    f(2)
    c      g() | h
    =====  ==========
    """
    lines = docsite._markdown_of_docstring(doc)
    assert lines[0] == "Intro `x`."
    table = [line for line in lines if line.startswith("|")]
    assert table == ["| plist | code |", "| --- | --- |", "| a b | `f(1) f(2)` |", "| c | <code>g() &#124; h</code> |"]


def test_a_misaligned_construct_table_row_is_refused():
    doc = """
    =====  ====
    plist  code
    =====  ====
    abcdefg h
    =====  ====
    """
    with pytest.raises(ValueError, match="left of its column"):
        docsite._markdown_of_docstring(doc)
