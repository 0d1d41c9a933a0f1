"""The action catalog as pages of the documentation site.

``mkdocs.yml`` names this file as a hook.  When mkdocs has collected the
hand-written pages of ``docs/``, :func:`on_files` adds the catalog pages,
made in memory: under ``actions/`` an index and one page per category of
built-in actions, under ``apps/`` an index and one page per app.  Nothing
generated is ever written into ``docs/``.

Everything but :func:`on_files` works without mkdocs, so the tests can read
the pages and examples directly.  mkdocs loads this file by its path, which is
why the imports below are absolute.
"""

from __future__ import annotations

import html
import inspect
import json
import math
import re
from collections import Counter
from dataclasses import dataclass

import black

from shortcuts2py import catalog, names

# Folders of the generated pages inside the site; mkdocs lists folders in
# name order, so built-in actions come before the apps in the navigation.
BUILTIN_FOLDER = "actions"  # index and one page per category
APPS_FOLDER = "apps"  # index and one page per app
BUILTIN_PREFIX = "is.workflow.actions."
OTHER_CATEGORY = "Other"
# Where a parameter takes a value with no short literal form (a file, a
# location, an app's entity), examples pass the shortcut's input instead:
# any parameter accepts a variable.
VARIABLE_SAMPLE = next(name for name, kind in names.GLOBALS.items() if kind == "ExtensionInput")
LINE_LENGTH = 88  # black's default, which decompiled code uses too

_BLACK_MODE = black.Mode(line_length=LINE_LENGTH, string_normalization=False)


# --------------------------------------------------------------------------- grouping


@dataclass(frozen=True)
class Group:
    """The actions shown on one generated page."""

    path: str  # page path inside the docs, e.g. "actions/web.md"
    title: str
    bundle: str | None  # the app's bundle identifier; None for a category
    entries: tuple[catalog.Entry, ...]


def is_builtin(entry: catalog.Entry) -> bool:
    """True for the actions Shortcuts itself provides (``is.workflow.actions.*``)."""
    return entry.identifier.startswith(BUILTIN_PREFIX)


def heading(entry: catalog.Entry) -> str:
    """The name an action is shown under: its display name, else its identifier."""
    return entry.display_name or entry.identifier


def anchor(entry: catalog.Entry) -> str:
    """The HTML id of an action's section: its function name, unique and link-safe."""
    return entry.function_name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "other"


def _entry_order(entry: catalog.Entry) -> tuple[str, str]:
    return heading(entry).casefold(), entry.identifier


def _unique_paths(folder: str, titles: list[str]) -> list[str]:
    """A page path per title, slugs made unique with -2, -3, ... in order.

    Slugs follow titles so that the navigation, sorted by file name, reads
    alphabetically.
    """
    paths: list[str] = []
    taken = {"index"}
    for title in titles:
        slug = base = _slug(title)
        number = 2
        while slug in taken:
            slug = f"{base}-{number}"
            number += 1
        taken.add(slug)
        paths.append(f"{folder}/{slug}.md")
    return paths


def category_groups(entries: list[catalog.Entry]) -> list[Group]:
    """Built-in actions, one group per first (main) category, by title."""
    by_category: dict[str, list[catalog.Entry]] = {}
    for e in entries:
        if is_builtin(e):
            by_category.setdefault(e.categories[0] if e.categories else OTHER_CATEGORY, []).append(e)
    titles = sorted(by_category, key=lambda t: (t.casefold(), t))
    paths = _unique_paths(BUILTIN_FOLDER, titles)
    return [
        Group(path, t, None, tuple(sorted(by_category[t], key=_entry_order)))
        for path, t in zip(paths, titles)
    ]


def _bundle_of(entry: catalog.Entry) -> str:
    # Every app action has a bundle today; the identifier's prefix is the
    # fallback the catalog's own bundle derivation would give.
    return entry.bundle or entry.identifier.rsplit(".", 1)[0]


def app_groups(entries: list[catalog.Entry]) -> list[Group]:
    """Actions apps add, one group per bundle, titled by the app's name."""
    by_bundle: dict[str, list[catalog.Entry]] = {}
    for e in entries:
        if not is_builtin(e):
            by_bundle.setdefault(_bundle_of(e), []).append(e)
    titles = {}
    for bundle, members in by_bundle.items():
        known = Counter(e.app for e in members if e.app)
        titles[bundle] = min(known, key=lambda app: (-known[app], app)) if known else bundle
    # Two bundles of one app (an iPhone and a Mac build) stay apart by bundle.
    shared = Counter(titles.values())
    for bundle, title in titles.items():
        if shared[title] > 1 and title != bundle:
            titles[bundle] = f"{title} ({bundle})"
    bundles = sorted(by_bundle, key=lambda b: (titles[b].casefold(), b))
    paths = _unique_paths(APPS_FOLDER, [titles[b] for b in bundles])
    return [
        Group(path, titles[b], b, tuple(sorted(by_bundle[b], key=_entry_order)))
        for path, b in zip(paths, bundles)
    ]


# --------------------------------------------------------------------------- Markdown text

# Characters Python-Markdown reads a backslash escape for (with tables on).
_ESCAPED = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``, on one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPED.sub(r"\\\1", text)


def code(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds."""
    text = " ".join(text.splitlines())
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def literal(value) -> str:
    """A plist value as a workflow-language literal (valid Python)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and not math.isfinite(value):
        return f'real("{value!r}")'
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


# --------------------------------------------------------------------------- example calls

# Actions that open a block are written in the language's block syntax:
# identifier -> (what the block is called, example).
BLOCK_EXAMPLES = {
    "is.workflow.actions.conditional": (
        "an `if` statement",
        'if ShortcutInput == "yes":\n    pass\nelse:\n    pass\n',
    ),
    "is.workflow.actions.choosefrommenu": (
        "a `match menu(...)` statement",
        'match menu(WFMenuPrompt="Pick one"):\n    case "One":\n        pass\n    case "Two":\n        pass\n',
    ),
    "is.workflow.actions.repeat.count": (
        "a `for ... in range(...)` loop",
        "for Repeat_Index in range(3):\n    pass\n",
    ),
    "is.workflow.actions.repeat.each": (
        "a `for ... in enumerate(...)` loop",
        "for Repeat_Index, Repeat_Item in enumerate(ShortcutInput, start=1):\n    pass\n",
    ),
}

_SAMPLE_TEXT = "text"
_SAMPLE_URL = "https://example.com"
_SAMPLE_DATE = "2025-01-01 09:00"
_SAMPLE_LIST = ["One", "Two"]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _sample_text(parameter: catalog.Parameter) -> str:
    if isinstance(parameter.default, str) and parameter.default:
        return literal(parameter.default)
    words = f"{parameter.key} {parameter.label}".casefold()
    return literal(_SAMPLE_URL if "url" in words else _SAMPLE_TEXT)


def sample_value(parameter: catalog.Parameter) -> str:
    """Code for a plausible value of ``parameter``: its default when that suits
    its type, else a sample of the type, else a variable."""
    default, kind = parameter.default, parameter.type
    if parameter.enum:
        return literal(default if default in parameter.enum else parameter.enum[0])
    if kind == "boolean":
        return literal(default if isinstance(default, bool) else True)
    if kind == "integer":
        return literal(default if isinstance(default, int) and not isinstance(default, bool) else 1)
    if kind == "number":
        return literal(default if _is_number(default) else 1.5)
    if kind == "text":
        return _sample_text(parameter)
    if kind == "date":
        return literal(default if isinstance(default, str) and default else _SAMPLE_DATE)
    if kind == "list":
        plain = isinstance(default, list) and default and all(isinstance(v, str) for v in default)
        return literal(default if plain else _SAMPLE_LIST)
    return VARIABLE_SAMPLE


def example_parameters(entry: catalog.Entry) -> list[catalog.Parameter]:
    """The parameters an example sets: the required ones and the input, else
    the first parameter, so that every example shows how a value is passed."""
    own = [p for p in entry.parameters if not catalog.is_general_key(p.key)]
    chosen = [p for p in own if p.required or p.is_input]
    return chosen or own[:1]


def output_variable(entry: catalog.Entry) -> str | None:
    """The name decompiled code would give the action's output, or None."""
    if entry.output_name is None:
        return None
    base = names.output_base_name(entry.output_name)
    if names.usable_as_output_name(base):
        return base
    number = 2
    while not names.usable_as_output_name(f"{base}_{number}"):
        number += 1
    return f"{base}_{number}"


def example_call(entry: catalog.Entry) -> str:
    """One call of the action in the workflow language, formatted like
    decompiled code; assigned to a name when the action has an output.
    Actions that open a block get the block instead."""
    if entry.identifier in BLOCK_EXAMPLES:
        return BLOCK_EXAMPLES[entry.identifier][1]
    keywords, extra = [], []
    written = catalog.written_keywords(entry)
    for p in example_parameters(entry):
        if p.key in written:
            keywords.append(f"{written[p.key]}={sample_value(p)}")
        elif names.is_keyword_argument(p.key):
            keywords.append(f"{p.key}={sample_value(p)}")
        else:
            extra.append(f"{literal(p.key)}: {sample_value(p)}")
    if extra:
        keywords.append("**{" + ", ".join(extra) + "}")
    call = f"{entry.function_name}({', '.join(keywords)})"
    target = output_variable(entry)
    line = f"{target} = {call}\n" if target else f"{call}\n"
    # Short lines are already what black writes; only long ones need it.
    return line if len(line) <= LINE_LENGTH + 1 else black.format_str(line, mode=_BLACK_MODE)


# --------------------------------------------------------------------------- pages


def _facts(entry: catalog.Entry) -> list[str]:
    facts = [
        f"- **Function:** {code(entry.function_name)}",
        f"- **Identifier:** {code(entry.identifier)}",
    ]
    if entry.app:
        bundle = f" ({code(entry.bundle)})" if entry.bundle else ""
        facts.append(f"- **App:** {escape(entry.app)}{bundle}")
    elif entry.bundle:
        facts.append(f"- **Bundle:** {code(entry.bundle)}")
    if entry.categories:
        facts.append(f"- **Categories:** {escape(', '.join(entry.categories))}")
    if entry.input_parameter:
        facts.append(f"- **Takes its input in:** {code(entry.input_parameter)}")
    if entry.output_name is not None:
        kind = f" ({code(entry.output_type)})" if entry.output_type else ""
        facts.append(f"- **Output:** {escape(entry.output_name)}{kind}")
    else:
        facts.append("- **Output:** none known; call it as a statement")
    if entry.identifier in BLOCK_EXAMPLES:
        facts.append(f"- **Written as:** {BLOCK_EXAMPLES[entry.identifier][0]}, as in the example")
    if entry.inferred:
        facts.append("- **Known from:** shortcuts in use only; no reference lists it")
    return facts


def _notes(parameter: catalog.Parameter, other_names: dict[str, str], written: str | None) -> str:
    notes = []
    names = [code(f"{name}=") for name, key in other_names.items() if key == parameter.key and name != written]
    if written is not None:
        names.append(code(f"{parameter.key}="))  # the key itself, as WorkflowBench writes it
    if names:
        notes.append("also " + ", ".join(names))
    if parameter.required:
        notes.append("required")
    if parameter.is_input:
        notes.append("input")
    if parameter.inferred:
        notes.append("seen in use only")
    return ", ".join(notes)


def _parameter_table(entry: catalog.Entry) -> list[str]:
    if not entry.parameters:
        return ["This action takes no parameters."]
    rows = [
        "| Keyword | Key | Label | Type | Values | Default | Notes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    other_names = catalog.keyword_names(entry)
    written = catalog.written_keywords(entry)
    for p in entry.parameters:
        values = ", ".join(code(literal(member)) for member in p.enum or ())
        default = code(literal(p.default)) if p.has_default else ""
        keyword = written.get(p.key, p.key)
        notes = _notes(p, other_names, written.get(p.key))
        rows.append(
            f"| {code(keyword)} | {code(p.key)} | {escape(p.label)} | {escape(p.type)} | {values} | {default} | {notes} |"
        )
    return rows


def action_section(entry: catalog.Entry) -> str:
    """The Markdown of one action: heading with its anchor, facts, parameters, example."""
    lines = [f"## {escape(heading(entry))} {{ #{anchor(entry)} }}", ""]
    lines += _facts(entry)
    lines += [""] + _parameter_table(entry) + [""]
    lines += ["```python", example_call(entry).rstrip("\n"), "```", ""]
    return "\n".join(lines)


def _count(number: int) -> str:
    return f"{number:,} action{'s' if number != 1 else ''}"


def _intro(group: Group) -> str:
    count = _count(len(group.entries))
    if group.bundle is None:
        return f"Built-in Shortcuts actions whose main category is {escape(group.title)}: {count}."
    return f"Actions that the app with bundle {code(group.bundle)} adds to Shortcuts: {count}."


def group_page(group: Group) -> str:
    parts = [f"# {escape(group.title)}", "", _intro(group), "", "[All of them](index.md)", ""]
    parts += [action_section(e) for e in group.entries]
    return "\n".join(parts)


def _link(group: Group) -> str:
    # Index pages sit in the folder of the pages they link.
    return f"[{escape(group.title)}]({group.path.rsplit('/', 1)[1]})"


def builtin_index(categories: list[Group], apps: list[Group]) -> str:
    builtin = sum(len(g.entries) for g in categories)
    added = sum(len(g.entries) for g in apps)
    lines = [
        "# Built-in actions",
        "",
        f"The catalog knows {_count(builtin + added)}: {builtin:,} built into Shortcuts, "
        f"listed here by category, and {added:,} that {len(apps)} apps add, "
        f"listed [by app](../{APPS_FOLDER}/index.md).",
        "",
        "Each action has its own section, with:",
        "",
        "- the name the Shortcuts editor shows, as its heading;",
        "- **Function**: the name to call in workflow code;",
        "- **Identifier**: the `WFWorkflowActionIdentifier` stored in the shortcut file;",
        "- a table of its parameters: the keyword to pass, the editor's label, the type, "
        "the accepted values when they form a fixed set, and the default;",
        "- an example call. It sets the required parameters and the input "
        f"(or else the first parameter), and passes `{VARIABLE_SAMPLE}` where a value "
        "has no short literal form: any parameter accepts a variable.",
        "",
        "The same facts are in the terminal: `s2py catalog search TEXT` and `s2py catalog show NAME`.",
        "",
        "| Category | Actions |",
        "| --- | --- |",
    ]
    lines += [f"| {_link(g)} | {len(g.entries)} |" for g in categories]
    return "\n".join(lines) + "\n"


def apps_index(apps: list[Group]) -> str:
    lines = [
        "# Actions of apps",
        "",
        f"{_count(sum(len(g.entries) for g in apps))} that {len(apps)} apps add to Shortcuts, "
        "one page per app. An app's actions appear in Shortcuts once the app is installed. "
        f"How to read an entry: see [Built-in actions](../{BUILTIN_FOLDER}/index.md).",
        "",
        "| App | Bundle | Actions |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {_link(g)} | {code(g.bundle or '')} | {len(g.entries)} |" for g in apps]
    return "\n".join(lines) + "\n"


def pages(entries: list[catalog.Entry] | None = None) -> dict[str, str]:
    """Every generated page: path inside the docs -> Markdown."""
    entries = catalog.all_entries() if entries is None else entries
    categories, apps = category_groups(entries), app_groups(entries)
    out = {
        f"{BUILTIN_FOLDER}/index.md": builtin_index(categories, apps),
        f"{APPS_FOLDER}/index.md": apps_index(apps),
    }
    for group in categories + apps:
        out[group.path] = group_page(group)
    return out


# --------------------------------------------------------------------------- constructs

CONSTRUCTS_PAGE = "constructs.md"  # committed in docs/, made from the docstrings below
_RULE = re.compile(r"^=+(?:  +=+)+$")  # a reStructuredText simple table's rule line


def construct_modules() -> list[str]:
    """The construct modules in the order the package's own table lists them."""
    from shortcuts2py import constructs

    lines = inspect.cleandoc(constructs.__doc__ or "").splitlines()
    start = next(index for index, line in enumerate(lines) if _RULE.match(line))
    header, *rows = _table_rows(lines[start : _table_end(lines, start)])
    return [row[0] for row in rows]


def constructs_page() -> str:
    """docs/constructs.md: every construct module's docstring as one section, its
    tables of plist shapes and code forms as Markdown tables.  The docstrings stay
    the one place a construct is described; a test keeps the page equal to them."""
    import importlib

    lines = [
        "# Constructs: each plist shape and its code",
        "",
        "<!-- Made by `python -m shortcuts2py.docsite` from the docstrings of",
        "     shortcuts2py/constructs/*.py: edit those, then run it again. -->",
        "",
        "Every construct of the language lives in one module of `shortcuts2py/constructs/`,",
        "its two directions side by side: how the plist shape lowers into code, and how",
        "that code parses back into the same shape.  Its exactness test is",
        "`tests/constructs/test_<module>.py`.  A shape a construct cannot say exactly",
        "keeps the general form for that one value (a call with the plist's own keys),",
        "so nothing is lost; the corpus round trip checks every construct on every file.",
        "",
    ]
    for module in construct_modules():
        doc = importlib.import_module(f"shortcuts2py.constructs.{module}").__doc__ or ""
        lines += [f"## {module.replace('_', ' ').capitalize()}", "", f"`shortcuts2py/constructs/{module}.py`", ""]
        lines += _markdown_of_docstring(doc)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_of_docstring(doc: str) -> list[str]:
    out: list[str] = []
    lines = inspect.cleandoc(doc).splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if _RULE.match(line):
            end = _table_end(lines, index)
            out += _markdown_table(lines[index:end])
            index = end
        elif line.endswith("::") and index + 1 < len(lines):
            out.append(line[:-1])
            index, block = _literal_block(lines, index + 1)
            out += ["", "```python", *block, "```", ""]
        else:
            out.append(line)
            index += 1
    return _inline("\n".join(out)).split("\n") + [""]


def _table_end(lines: list[str], start: int) -> int:
    """The index after a simple table's closing rule (the third rule line)."""
    rules = 0
    for index in range(start, len(lines)):
        rules += bool(_RULE.match(lines[index]))
        if rules == 3:
            return index + 1
    return len(lines)


def _table_rows(lines: list[str]) -> list[list[str]]:
    """Header and rows of a simple table; an indented row continues the row above it."""
    starts = [match.start() for match in re.finditer(r"=+", lines[0])]
    rows: list[list[str]] = []
    for line in lines:
        if _RULE.match(line) or not line.strip():
            continue
        if any(0 < start <= len(line) and line[start - 1] != " " for start in starts):
            raise ValueError(f"a cell of this table row starts left of its column: {line!r}")
        ends = starts[1:] + [len(line)]
        cells = [line[start:end].strip() for start, end in zip(starts, ends)]
        if len(rows) > 1 and line.startswith(" "):  # indented: the row above goes on
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return rows


def _markdown_table(lines: list[str]) -> list[str]:
    header, *rows = _table_rows(lines)
    out = ["| " + " | ".join(escape(cell) for cell in header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        out.append("| " + " | ".join([escape(row[0])] + [_code_cell(cell) for cell in row[1:]]) + " |")
    return out


def _code_cell(text: str) -> str:
    # A `|` splits a table row even inside a code span on some renderers (GitHub's);
    # as an HTML entity inside <code> it splits none.
    if "|" not in text:
        return code(text)
    return "<code>" + html.escape(text, quote=False).replace("|", "&#124;") + "</code>"


def _literal_block(lines: list[str], index: int) -> tuple[int, list[str]]:
    while index < len(lines) and not lines[index].strip():
        index += 1
    block = []
    while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
        block.append(lines[index][4:])
        index += 1
    while block and not block[-1].strip():
        block.pop()
    return index, block


def _inline(text: str) -> str:
    """reStructuredText inline literals (````x````, perhaps over a line break) as
    Markdown code spans; tables and code blocks hold none."""
    return re.sub(r"``(.+?)``", lambda match: code(match.group(1)), text, flags=re.S)


# --------------------------------------------------------------------------- mkdocs hook


def on_files(files, config):
    """mkdocs event: add the catalog pages to the files of the site."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    for path, text in pages().items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path} is generated from the catalog; remove the hand-written file of that name"
            )
        files.append(File.generated(config, path, content=text))
    return files


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).resolve().parents[1] / "docs" / CONSTRUCTS_PAGE
    target.write_text(constructs_page(), encoding="utf-8")
    print(f"wrote {target.name}")
