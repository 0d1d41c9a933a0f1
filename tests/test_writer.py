"""The writer lays code out exactly as black does.

The oracle: for a module M built from the code model, ``write_module(M)`` is
``black.format_str(naive(M))``, where ``naive`` writes every statement and
block header on one line.  Random modules (hypothesis) check it broadly; the
explicit cases pin black's answer for each shape decompiled code has.

The direct layout of the common long shapes (``writer.direct``) is also
checked against the general splitter (``writer.split``), which is much faster
than black, so more examples fit in the same time.

A longer campaign: ``S2PY_WRITER_EXAMPLES=5000 python -m pytest -q
tests/test_writer.py -k "random or direct"`` (5000 random modules, 15000 long
statements and 15000 long block headers; the default is 100, 300 and 300).
"""

from __future__ import annotations

import keyword
import os
import string
import sys
import unittest.mock

import black
import pytest
from black.strings import char_width
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shortcuts2py.literals import bytes_source, string_source
from shortcuts2py.writer import direct, number_text, text_width, write_module
from shortcuts2py.writer import nodes as n

from .conftest import black_mode

EXAMPLES = int(os.environ.get("S2PY_WRITER_EXAMPLES", "100"))


def black_format(source: str) -> str:
    return black.format_str(source, mode=black_mode())


# --- the naive writer: every statement on one line ------------------------------------


def naive(module: list[n.Stmt]) -> str:
    lines: list[str] = []
    _naive_block(module, 0, lines)
    return "".join(line + "\n" for line in lines)


def _naive_block(statements: list[n.Stmt], depth: int, lines: list[str]) -> None:
    indent = "    " * depth
    for s in statements:
        if isinstance(s, n.Assign):
            lines.append(indent + " = ".join(t.text for t in [*s.targets, s.value]))
        elif isinstance(s, n.AugAssign):
            lines.append(f"{indent}{s.target.text} {s.op}= {s.value.text}")
        elif isinstance(s, n.ExprStatement):
            lines.append(indent + s.value.text)
        elif isinstance(s, n.Pass):
            lines.append(indent + "pass")
        elif isinstance(s, n.ImportStar):
            lines.append(f"{indent}from {s.module} import *")
        elif isinstance(s, n.If):
            keyword_ = "if"
            while True:
                lines.append(f"{indent}{keyword_} {s.test.text}:")
                _naive_block(s.body, depth + 1, lines)
                if not isinstance(s.orelse, n.If):
                    break
                s, keyword_ = s.orelse, "elif"
            if s.orelse is not None:
                lines.append(indent + "else:")
                _naive_block(s.orelse, depth + 1, lines)
        elif isinstance(s, n.For):
            lines.append(f"{indent}for {s.target.text} in {s.iter.text}:")
            _naive_block(s.body, depth + 1, lines)
        elif isinstance(s, n.Match):
            lines.append(f"{indent}match {s.subject.text}:")
            for case in s.cases:
                guard = f" if {case.guard.text}" if case.guard is not None else ""
                lines.append(f"{indent}    case {case.pattern.text}{guard}:")
                _naive_block(case.body, depth + 2, lines)
        elif isinstance(s, n.CommentLines):
            lines.extend(f"{indent}# {text}" if text else f"{indent}#" for text in s.lines)
        elif isinstance(s, n.BlankLine):
            lines.append("")
        else:
            raise TypeError(s)


def assert_like_black(module: list[n.Stmt]) -> str:
    written = write_module(module)
    assert written == black_format(naive(module))
    return written


# --- shorthands for the explicit cases -------------------------------------------------


def S(text: str) -> n.String:
    return n.String(string_source(text))


def N(name: str) -> n.Name:
    return n.Name(name)


def num(value: int | float) -> n.Expr:
    return n.Number(number_text(value)) if value >= 0 else n.UnaryOp("-", n.Number(number_text(-value)))


def call(func: str | n.Expr, *args: n.Expr, stars: n.Expr | None = None, **keywords: n.Expr) -> n.Call:
    arguments = [n.Arg(a) for a in args] + [n.Arg(v, k) for k, v in keywords.items()]
    if stars is not None:
        arguments.append(n.Arg(stars, star="**"))
    return n.Call(N(func) if isinstance(func, str) else func, arguments)


def D(*pairs: tuple[n.Expr | None, n.Expr]) -> n.DictDisplay:
    return n.DictDisplay(list(pairs))


def L(*items: n.Expr) -> n.ListDisplay:
    return n.ListDisplay(list(items))


HEADER = [
    n.ImportStar("s2py_actions"),
    n.ExprStatement(call("shortcut", version=S("3303.0.4"), color=S("blue"), inputs=S("String URL"))),
]


# --- widths and numbers ----------------------------------------------------------------


def test_text_width_matches_black_on_every_code_point():
    from shortcuts2py.writer.width import char_width as ours

    mismatches = [c for c in range(0x110000) if ours(chr(c)) != char_width(chr(c))]
    assert mismatches == []


def test_text_width_of_mixed_text():
    assert text_width("abc") == 3
    assert text_width("日本語") == 6
    assert text_width("e\u0301") == 2  # black counts a combining mark as one column
    assert text_width("👍🏽") == 3  # the skin-tone modifier is narrow for black
    assert text_width("ｆｕｌｌ") == 8


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (12345678901234567890, "12345678901234567890"), (1.0, "1.0"), (0.5, "0.5"), (1e16, "1e16"), (1.5e-07, "1.5e-07"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e308"), (123456.789, "123456.789")],
)
def test_number_text(value, expected):
    assert number_text(value) == expected
    assert black_format(f"x = {repr(value)}\n") == f"x = {expected}\n"


@pytest.mark.parametrize("value", [-1, -0.0, float("nan"), float("inf"), True])
def test_number_text_refuses(value):
    with pytest.raises((ValueError, TypeError)):
        number_text(value)


@pytest.mark.parametrize(
    ("build", "source"),
    [
        (lambda: n.String('"\\xAB \\N{bullet} \\uABCD \\\\xAB"'), 'x = "\\xAB \\N{bullet} \\uABCD \\\\xAB"'),
        (lambda: n.String("rb'\\xAB'"), "x = rb'\\xAB'"),
        (lambda: n.Attribute(num(1), "real"), "x = 1 .real"),
        (lambda: n.Attribute(n.Number("0x1F"), "real"), "x = 0x1F .real"),
        (lambda: n.UnaryOp("-", n.BinaryOp(num(2), "**", num(8))), "x = -2 ** 8"),
        (lambda: n.UnaryOp("-", n.BinaryOp(n.Attribute(N("x"), "y"), "**", num(2))), "x = -x.y ** 2"),
        (lambda: n.BinaryOp(n.Attribute(call("f", N("x")), "y"), "**", num(2)), "x = f(x).y ** 2"),
        (lambda: n.BinaryOp(n.Attribute(n.Attribute(call("f", N("x")), "b"), "c"), "**", num(2)), "x = f(x).b.c ** 2"),
        (lambda: n.BinaryOp(N("a"), "**", n.BinaryOp(N("b"), "**", N("c"))), "x = a ** b ** c"),
        (lambda: n.BoolOp("and", [n.BinaryOp(N("a"), "**", N("b")), N("c"), call("d", N("x"))]), "x = a ** b and c and d(x)"),
        (lambda: n.Compare(n.BinaryOp(N("a"), "**", N("b")), [("not in", n.Subscript(n.Attribute(N("c"), "d"), N("x")))]), "x = a ** b not in c.d[x]"),
        (lambda: n.Compare(n.BinaryOp(N("a"), "**", N("b")), [("is", N("c"))]), "x = a ** b is c"),
    ],
)
def test_spellings_match_black(build, source):
    """The nodes spell what black makes of the plain source."""
    assert black_format(source + "\n") == f"x = {build().text}\n"


# --- random modules --------------------------------------------------------------------

_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | {"print", "exec"}
short_names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True).filter(lambda s: s not in _RESERVED)
long_names = st.sampled_from(
    [
        "is_workflow_actions_detect_dictionary",
        "is_workflow_actions_getvariable_and_a_bit_more",
        "contents_of_url_with_a_long_name_for_testing",
        "Repeat_Item_2",
        "WFTextActionTextWithAnExtraLongParameterName",
        "名前",
        "変数の名前が長い場合のテスト",
        "x" * 60,
    ]
)
names = st.one_of(short_names, long_names)
text_chars = st.sampled_from(list(string.ascii_letters + string.digits + " '\"\\{}-_.:/") + ["日", "本", "é", "e\u0301", "👍", "🏽", "\u200b", "\t", "\n", "ｆ"])
texts = st.lists(text_chars, max_size=40).map("".join) | st.integers(50, 120).map(lambda k: "w" * k)
safe_text = st.lists(st.sampled_from(list(string.ascii_letters + " -_.:日é")), max_size=20).map("".join)


@st.composite
def fstrings(draw) -> n.String:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(safe_text))
        field = draw(short_names)
        if draw(st.booleans()):
            field += "['" + draw(safe_text.filter(lambda t: "'" not in t)) + "']"
        parts.append("{" + field + "}")
    return n.String('f"' + "".join(parts) + '"')


strings = st.one_of(
    texts.map(lambda t: n.String(string_source(t))),
    st.binary(max_size=12).map(lambda b: n.String(bytes_source(b))),
    st.sampled_from(["'\\xAB'", '"\\N{bullet} \\u00E9"', "r'\\xAB'"]).map(n.String),
)
numbers = st.one_of(
    st.integers(0, 10**12).map(lambda v: n.Number(number_text(v))),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(lambda v: n.Number(number_text(v))),
)
atoms = st.one_of(names.map(n.Name), st.sampled_from(["True", "False", "None"]).map(n.Name), numbers, strings)


def _arguments(children):
    keyword_names = st.lists(names, max_size=4, unique=True)

    @st.composite
    def build(draw) -> list[n.Arg]:
        args = [n.Arg(v) for v in draw(st.lists(children, max_size=3))]
        if draw(st.integers(0, 5)) == 0:
            args.append(n.Arg(draw(children), star="*"))
        args += [n.Arg(draw(children), k) for k in draw(keyword_names)]
        if draw(st.integers(0, 3)) == 0:
            args.append(n.Arg(draw(children), star="**"))
        return args

    return build()


def _extend(children):
    operators = st.sampled_from(["+", "-", "*", "/", "//", "%", "**", "|", "&", "^", "<<", ">>", "@"])
    comparisons = st.sampled_from(sorted(n.COMPARISON_OPERATORS))
    return st.one_of(
        st.builds(n.Call, st.one_of(names.map(n.Name), st.builds(n.Attribute, names.map(n.Name), names)), _arguments(children)),
        st.builds(n.Attribute, children, names),
        st.builds(n.Subscript, children, children),
        st.lists(children, max_size=4).map(n.ListDisplay),
        st.builds(n.TupleDisplay, st.lists(children, max_size=3)),
        st.lists(st.tuples(st.one_of(st.none(), children), children), max_size=4).map(n.DictDisplay),
        st.builds(n.UnaryOp, st.sampled_from(["not", "-", "+", "~"]), children),
        st.builds(n.BinaryOp, children, operators, children),
        st.builds(n.Compare, children, st.lists(st.tuples(comparisons, children), min_size=1, max_size=3)),
        st.builds(n.BoolOp, st.sampled_from(["and", "or"]), st.lists(children, min_size=2, max_size=4)),
    )


expressions = st.recursive(st.one_of(atoms, fstrings()), _extend, max_leaves=14)

# The shapes decompiled code is made of, with the sizes that make lines long.
variables = st.one_of(names.map(n.Name), st.sampled_from(["ShortcutInput", "Repeat_Item", "contents_of_url"]).map(n.Name))


@st.composite
def references(draw) -> n.Expr:
    """``x``, ``x.Name.as_type("...")["key"]`` and the like."""
    node = draw(variables)
    for _ in range(draw(st.integers(0, 3))):
        step = draw(st.integers(0, 2))
        if step == 0:
            node = n.Attribute(node, draw(names))
        elif step == 1:
            node = n.Subscript(node, draw(strings))
        else:
            node = n.Call(n.Attribute(node, draw(st.sampled_from(["as_type", "property", "with_keys", "format_date"]))), [n.Arg(draw(strings))])
    return node


values = st.deferred(
    lambda: st.one_of(
        strings,
        fstrings(),
        numbers,
        st.sampled_from(["True", "False", "None"]).map(n.Name),
        references(),
        st.lists(values, max_size=5).map(n.ListDisplay),
        st.lists(st.tuples(strings, values), max_size=5).map(n.DictDisplay),
        st.builds(n.UnaryOp, st.just("-"), numbers),
    )
)


@st.composite
def action_calls(draw) -> n.Call:
    """``function_name(Key=value, ..., **{"Odd-key": value})``."""
    function = draw(st.sampled_from(["is_workflow_actions_gettext", "is_workflow_actions_showresult", "action", "shortcut", "f"]))
    args = [n.Arg(draw(values)) for _ in range(draw(st.integers(0, 1)))]
    args += [n.Arg(draw(values), key) for key in draw(st.lists(names, max_size=6, unique=True))]
    if draw(st.integers(0, 3)) == 0:
        args.append(n.Arg(draw(st.lists(st.tuples(strings, values), min_size=1, max_size=3).map(n.DictDisplay)), star="**"))
    return n.Call(n.Name(function), args)


@st.composite
def method_chains(draw) -> n.Expr:
    node = draw(references())
    for _ in range(draw(st.integers(1, 4))):
        node = n.Call(n.Attribute(node, draw(names)), [n.Arg(draw(values)) for _ in range(draw(st.integers(0, 2)))])
    return node


conditions = st.one_of(
    st.builds(n.Compare, references(), st.lists(st.tuples(st.sampled_from(sorted(n.COMPARISON_OPERATORS)), values), min_size=1, max_size=2)),
    st.builds(lambda low, x, high: n.Compare(low, [("<=", x), ("<=", high)]), numbers, references(), numbers),
    st.builds(lambda x, prefix: n.Call(n.Attribute(x, "startswith"), [n.Arg(prefix)]), references(), strings),
)
conditions = st.one_of(conditions, st.builds(n.BoolOp, st.sampled_from(["and", "or"]), st.lists(st.one_of(conditions, conditions.map(lambda c: n.UnaryOp("not", c))), min_size=2, max_size=4)))
powers = st.builds(n.BinaryOp, st.one_of(variables, numbers, references()), st.just("**"), st.one_of(variables, numbers, references(), st.builds(n.UnaryOp, st.just("-"), variables)))
arithmetic = st.recursive(st.one_of(values, powers), lambda inner: st.builds(n.BinaryOp, inner, st.sampled_from(["+", "-", "*", "/", "**", "%"]), inner), max_leaves=8)
realistic = st.one_of(action_calls(), method_chains(), conditions, powers, arithmetic, values)
patterns = st.one_of(
    texts.map(lambda t: n.String(string_source(t))),
    numbers,
    numbers.map(lambda v: n.UnaryOp("-", v)),
    texts.map(lambda t: n.Paren(n.String(string_source(t)))),
)
comments = st.lists(st.lists(st.sampled_from(list(string.ascii_letters + " #-日")), max_size=30).map(lambda t: "".join(t).rstrip()), min_size=1, max_size=3).map(n.CommentLines)


def _simple_statements():
    targets = names.map(n.Name) | st.builds(n.Attribute, names.map(n.Name), names) | st.builds(n.Subscript, names.map(n.Name), expressions)
    any_expression = st.one_of(expressions, realistic)
    return st.one_of(
        st.builds(n.Assign, st.lists(targets, min_size=1, max_size=3), any_expression),
        st.builds(n.Assign, st.lists(targets, min_size=1, max_size=2), action_calls()),
        st.builds(n.AugAssign, names.map(n.Name), st.sampled_from(["+", "-", "*", "|"]), any_expression),
        st.one_of(action_calls(), method_chains(), expressions).filter(lambda e: not isinstance(e, n.String)).map(n.ExprStatement),
        st.just(n.Pass()),
        comments,
        st.just(n.BlankLine()),
    )


def _blocks(depth: int):
    simple = _simple_statements()
    if depth >= 3:
        statement = simple
    else:
        inner = st.deferred(lambda: _blocks(depth + 1))
        bodies = st.lists(inner, min_size=1, max_size=4).map(lambda body: body if any(not isinstance(s, (n.CommentLines, n.BlankLine)) for s in body) else body + [n.Pass()])
        loop_targets = st.one_of(names.map(n.Name), st.lists(names.map(n.Name), min_size=1, max_size=3).map(lambda items: n.TupleDisplay(items, parens=False)))
        tests = st.one_of(expressions, conditions)
        guards = st.one_of(st.none(), expressions, action_calls())
        cases = st.lists(st.builds(n.Case, st.one_of(patterns, st.just(n.Name("_"))), guards, bodies), min_size=1, max_size=3)
        elses = st.one_of(st.none(), bodies, st.builds(n.If, tests, bodies, st.one_of(st.none(), bodies)))
        statement = st.one_of(
            simple,
            simple,
            st.builds(n.If, tests, bodies, elses),
            st.builds(n.For, loop_targets, st.one_of(expressions, references(), action_calls()), bodies),
            st.builds(n.Match, st.one_of(expressions, action_calls()), cases),
        )
    return statement


modules = st.tuples(st.booleans(), st.lists(_blocks(0), max_size=6)).map(lambda pair: ([n.ImportStar("s2py_actions")] if pair[0] else []) + pair[1])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(modules)
def test_random_modules_are_laid_out_as_black_does(module):
    written = assert_like_black(module)
    assert black_format(written) == written  # and black leaves the result alone

# --- the shapes of decompiled code, each pinned to black's answer (taken by experiment) ---

A, E, F, P = n.Assign, n.ExprStatement, n.String, n.Pass()
LONG = "https://example.com/api/v1/some/really/long/path/that/keeps/going/and/going/on"
act = call(
    "function_name",
    Key=S("text"),
    Other=num(3),
    Flag=N("True"),
    Items=L(S("a"), S("b")),
    Data=D((S("k"), num(1)), (S("n"), L(num(1), num(2)))),
    stars=D((S("Show-text"), N("True"))),
)
ref = n.Subscript(
    call(n.Attribute(n.Attribute(N("contents_of_url"), "Name"), "as_type"), S("WFStringContentItem")), S("key")
)
deep = D(
    (
        S("level1"),
        D(
            (
                S("level2"),
                D((S("level3"), L(S("a"), S("b"), D((S("level4"), S("a value at the fourth level of nesting")))))),
            ),
            (S("other"), num(2)),
        ),
    ),
    (S("sibling"), L()),
)
chain = call(
    n.Attribute(
        call(n.Attribute(call(n.Attribute(N("contents_of_url"), "replace"), S("http"), S("https")), "strip")), "split"
    ),
    S("/"),
)

SHAPES = [
    pytest.param(
        lambda: HEADER,
        'from s2py_actions import *\n' '\n' 'shortcut(version="3303.0.4", color="blue", inputs="String URL")\n',
        id='header',
    ),
    pytest.param(
        lambda: [A([N("name")], act)],
        'name = function_name(\n'
        '    Key="text",\n'
        '    Other=3,\n'
        '    Flag=True,\n'
        '    Items=["a", "b"],\n'
        '    Data={"k": 1, "n": [1, 2]},\n'
        '    **{"Show-text": True}\n'
        ')\n',
        id='action_call_exploded_no_comma_after_stars',
    ),
    pytest.param(
        lambda: [A([N("name")], act), A([N("greeting")], F('f"Hello {name[\'k\']}"'))],
        'name = function_name(\n'
        '    Key="text",\n'
        '    Other=3,\n'
        '    Flag=True,\n'
        '    Items=["a", "b"],\n'
        '    Data={"k": 1, "n": [1, 2]},\n'
        '    **{"Show-text": True},\n'
        ')\n'
        'greeting = f"Hello {name[\'k\']}"\n',
        id='action_call_exploded_comma_after_stars_with_fstring',
    ),
    pytest.param(
        lambda: [A([N("name")], act), n.Match(N("name"), [n.Case(S("A"), None, [P])])],
        'name = function_name(\n'
        '    Key="text",\n'
        '    Other=3,\n'
        '    Flag=True,\n'
        '    Items=["a", "b"],\n'
        '    Data={"k": 1, "n": [1, 2]},\n'
        '    **{"Show-text": True},\n'
        ')\n'
        'match name:\n'
        '    case "A":\n'
        '        pass\n',
        id='action_call_exploded_comma_after_stars_with_match',
    ),
    pytest.param(
        lambda: [
            A(
                [N("contents_of_url")],
                call("is_workflow_actions_downloadurl", WFURL=N("url"), WFHTTPMethod=S("POST"), ShowHeaders=N("True")),
            )
        ],
        'contents_of_url = is_workflow_actions_downloadurl(\n'
        '    WFURL=url, WFHTTPMethod="POST", ShowHeaders=True\n'
        ')\n',
        id='call_arguments_fit_on_one_line',
    ),
    pytest.param(
        lambda: [
            E(
                call(
                    "is_workflow_actions_showresult",
                    Text=F('f"Result: {contents_of_url} and {dictionary[\'key\']} more text here"'),
                )
            )
        ],
        'is_workflow_actions_showresult(\n'
        '    Text=f"Result: {contents_of_url} and {dictionary[\'key\']} more text here"\n'
        ')\n',
        id='bare_call',
    ),
    pytest.param(
        lambda: [A([N("text"), N("_")], S(LONG))],
        'text = _ = (\n' '    "https://example.com/api/v1/some/really/long/path/that/keeps/going/and/going/on"\n' ')\n',
        id='chained_assignment_long_string',
    ),
    pytest.param(
        lambda: [
            A(
                [N("text"), N("_")],
                call("is_workflow_actions_gettext", WFTextActionText=S("some text that is long enough"), Other=num(3)),
            )
        ],
        'text = _ = is_workflow_actions_gettext(\n'
        '    WFTextActionText="some text that is long enough", Other=3\n'
        ')\n',
        id='chained_assignment_call',
    ),
    pytest.param(
        lambda: [
            A([N("Total")], N("x")),
            n.AugAssign(N("Items"), "+", L(N("x"))),
            A([N("x")], S("text")),
            A([N("x")], n.BinaryOp(N("a"), "+", n.BinaryOp(num(3), "*", N("b")))),
            A([N("x")], call("len", N("items"))),
        ],
        'Total = x\n' 'Items += [x]\n' 'x = "text"\n' 'x = a + 3 * b\n' 'x = len(items)\n',
        id='short_statements',
    ),
    pytest.param(
        lambda: [
            n.AugAssign(
                N("Items"),
                "+",
                L(S("first item in the list"), S("second item in the list"), S("third item"), S("fourth item")),
            )
        ],
        'Items += [\n'
        '    "first item in the list",\n'
        '    "second item in the list",\n'
        '    "third item",\n'
        '    "fourth item",\n'
        ']\n',
        id='augmented_assignment_long_list',
    ),
    pytest.param(
        lambda: [A([N("some_variable_name")], S("a string that is long but fits on its own line once it is indented"))],
        'some_variable_name = (\n' '    "a string that is long but fits on its own line once it is indented"\n' ')\n',
        id='long_string_fits_in_parentheses',
    ),
    pytest.param(
        lambda: [A([N("x")], S(LONG + LONG))],
        'x = "https://example.com/api/v1/some/really/long/path/that/keeps/going/and/going/onhttps://example.com/api/v1/some/really/long/path/that/keeps/going/and/going/on"\n',
        id='long_string_stays_long',
    ),
    pytest.param(
        lambda: [
            A(
                [N("x")],
                n.BinaryOp(
                    n.BinaryOp(N("first_quantity_value"), "+", n.BinaryOp(num(3), "*", N("second_quantity_value"))),
                    "-",
                    n.BinaryOp(N("third_quantity_value"), "/", N("fourth_value")),
                ),
            )
        ],
        'x = (\n'
        '    first_quantity_value\n'
        '    + 3 * second_quantity_value\n'
        '    - third_quantity_value / fourth_value\n'
        ')\n',
        id='long_arithmetic',
    ),
    pytest.param(
        lambda: [E(call("is_workflow_actions_detect_dictionary_long", WFInput=ref))],
        'is_workflow_actions_detect_dictionary_long(\n'
        '    WFInput=contents_of_url.Name.as_type("WFStringContentItem")["key"]\n'
        ')\n',
        id='reference_argument',
    ),
    pytest.param(
        lambda: [A([N("x")], call("f", Text=S("日本語のテキスト" * 4), Other=S("abcdefghijklmnopqrstuvwxyz0123")))],
        'x = f(\n'
        '    Text="日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト",\n'
        '    Other="abcdefghijklmnopqrstuvwxyz0123",\n'
        ')\n',
        id='wide_characters_count_twice',
    ),
    pytest.param(
        lambda: [A([N("x")], call("show", Text=S("日本語" * 10 + "abcdefghijklmnopqrstuvwxyz0123")))],
        'x = show(\n'
        '    Text="日本語日本語日本語日本語日本語日本語日本語日本語日本語日本語abcdefghijklmnopqrstuvwxyz0123"\n'
        ')\n',
        id='wide_characters_fit_by_length_not_width',
    ),
    pytest.param(
        lambda: [
            A(
                [N("message")],
                call(
                    "is_workflow_actions_notification",
                    WFNotificationActionBody=S("Done 😀👍🏽 with all the work that had to be done today"),
                ),
            )
        ],
        'message = is_workflow_actions_notification(\n'
        '    WFNotificationActionBody="Done 😀👍🏽 with all the work that had to be done today"\n'
        ')\n',
        id='emoji',
    ),
    pytest.param(
        lambda: [
            A(
                [N("data")],
                call(
                    "is_workflow_actions_file",
                    WFFile=n.String('b"\\x00\\x01\\x02 binary data that is long enough to need a split"'),
                ),
            )
        ],
        'data = is_workflow_actions_file(\n'
        '    WFFile=b"\\x00\\x01\\x02 binary data that is long enough to need a split"\n'
        ')\n',
        id='bytes_literal',
    ),
    pytest.param(
        lambda: [A([N("dictionary")], call("is_workflow_actions_dictionary", WFItems=deep))],
        'dictionary = is_workflow_actions_dictionary(\n'
        '    WFItems={\n'
        '        "level1": {\n'
        '            "level2": {\n'
        '                "level3": [\n'
        '                    "a",\n'
        '                    "b",\n'
        '                    {"level4": "a value at the fourth level of nesting"},\n'
        '                ]\n'
        '            },\n'
        '            "other": 2,\n'
        '        },\n'
        '        "sibling": [],\n'
        '    }\n'
        ')\n',
        id='nested_displays',
    ),
    pytest.param(
        lambda: [
            E(
                call(
                    "is_workflow_actions_downloadurl",
                    WFHTTPHeaders=D(
                        (S("Authorization"), S("Bearer TOKEN")), (S("Content-Type"), S("application/json"))
                    ),
                    WFURL=N("url"),
                )
            )
        ],
        'is_workflow_actions_downloadurl(\n'
        '    WFHTTPHeaders={"Authorization": "Bearer TOKEN", "Content-Type": "application/json"},\n'
        '    WFURL=url,\n'
        ')\n',
        id='keyword_with_long_dict_value',
    ),
    pytest.param(
        lambda: [
            A(
                [N("items")],
                L(
                    S("alpha"),
                    S("beta"),
                    S("gamma"),
                    S("delta"),
                    S("epsilon"),
                    S("zeta"),
                    S("eta"),
                    S("theta"),
                    S("iota"),
                    S("kappa"),
                ),
            )
        ],
        'items = [\n'
        '    "alpha",\n'
        '    "beta",\n'
        '    "gamma",\n'
        '    "delta",\n'
        '    "epsilon",\n'
        '    "zeta",\n'
        '    "eta",\n'
        '    "theta",\n'
        '    "iota",\n'
        '    "kappa",\n'
        ']\n',
        id='display_always_explodes',
    ),
    pytest.param(
        lambda: [
            n.If(
                n.Compare(N("x"), [("==", S("a"))]),
                [P],
                n.If(
                    n.BoolOp("or", [n.BoolOp("and", [N("a"), N("b")]), n.UnaryOp("not", N("c"))]),
                    [P],
                    n.If(
                        n.Compare(num(1), [("<=", N("x")), ("<=", num(5))]),
                        [P],
                        [n.If(call(n.Attribute(N("x"), "startswith"), S("http")), [P])],
                    ),
                ),
            )
        ],
        'if x == "a":\n'
        '    pass\n'
        'elif a and b or not c:\n'
        '    pass\n'
        'elif 1 <= x <= 5:\n'
        '    pass\n'
        'else:\n'
        '    if x.startswith("http"):\n'
        '        pass\n',
        id='conditions_short',
    ),
    pytest.param(
        lambda: [
            n.If(
                n.BoolOp(
                    "and",
                    [
                        n.Compare(N("contents_of_url"), [("==", S("https://example.com"))]),
                        n.Compare(N("dictionary_value"), [("!=", S("nothing"))]),
                        n.UnaryOp("not", N("is_done")),
                    ],
                ),
                [P],
            )
        ],
        'if (\n'
        '    contents_of_url == "https://example.com"\n'
        '    and dictionary_value != "nothing"\n'
        '    and not is_done\n'
        '):\n'
        '    pass\n',
        id='condition_long_boolean',
    ),
    pytest.param(
        lambda: [
            n.If(
                n.Compare(
                    N("contents_of_url_with_a_long_name"),
                    [("==", S("https://example.com/a/long/path/that/is/too/long"))],
                ),
                [P],
            )
        ],
        'if (\n'
        '    contents_of_url_with_a_long_name\n'
        '    == "https://example.com/a/long/path/that/is/too/long"\n'
        '):\n'
        '    pass\n',
        id='condition_long_comparison',
    ),
    pytest.param(
        lambda: [
            n.If(
                call(
                    n.Attribute(N("contents_of_url_with_a_long_name"), "startswith"),
                    S("https://example.com/a/long/path/that/is/long"),
                ),
                [P],
            )
        ],
        'if contents_of_url_with_a_long_name.startswith(\n'
        '    "https://example.com/a/long/path/that/is/long"\n'
        '):\n'
        '    pass\n',
        id='condition_long_method_call',
    ),
    pytest.param(
        lambda: [
            n.If(
                n.Compare(
                    num(1),
                    [("<=", N("contents_of_url_with_a_long_name_for_the_test")), ("<=", N("maximum_value_allowed"))],
                ),
                [P],
            )
        ],
        'if 1 <= contents_of_url_with_a_long_name_for_the_test <= maximum_value_allowed:\n' '    pass\n',
        id='condition_long_chained_comparison',
    ),
    pytest.param(
        lambda: [
            n.For(N("item"), N("items"), [P]),
            n.For(n.TupleDisplay([N("i"), N("item")], parens=False), call("enumerate", N("items"), start=num(1)), [P]),
            n.For(N("_"), call("range", num(3)), [P]),
            n.For(N("i"), call("range", num(1), n.BinaryOp(N("n"), "+", num(1))), [P]),
        ],
        'for item in items:\n'
        '    pass\n'
        'for i, item in enumerate(items, start=1):\n'
        '    pass\n'
        'for _ in range(3):\n'
        '    pass\n'
        'for i in range(1, n + 1):\n'
        '    pass\n',
        id='loops_short',
    ),
    pytest.param(
        lambda: [
            n.For(
                n.TupleDisplay([N("Repeat_Index"), N("Repeat_Item")], parens=False),
                call(
                    "enumerate",
                    call("is_workflow_actions_getvariable", WFVariable=N("contents_of_url_list")),
                    start=num(1),
                ),
                [P],
            )
        ],
        'for Repeat_Index, Repeat_Item in enumerate(\n'
        '    is_workflow_actions_getvariable(WFVariable=contents_of_url_list), start=1\n'
        '):\n'
        '    pass\n',
        id='loop_long_iterable',
    ),
    pytest.param(
        lambda: [
            n.For(
                n.TupleDisplay(
                    [N("is_workflow_actions_detect_dictionary"), N("is_workflow_actions_getvariable_and_a_bit_more")],
                    parens=False,
                ),
                n.BoolOp(
                    "and", [N("is_workflow_actions_detect_dictionary"), N("is_workflow_actions_detect_dictionary")]
                ),
                [P],
            )
        ],
        'for (\n'
        '    is_workflow_actions_detect_dictionary,\n'
        '    is_workflow_actions_getvariable_and_a_bit_more,\n'
        ') in (\n'
        '    is_workflow_actions_detect_dictionary and is_workflow_actions_detect_dictionary\n'
        '):\n'
        '    pass\n',
        id='loop_long_target_and_iterable',
    ),
    pytest.param(
        lambda: [
            n.Match(
                call("menu", WFMenuPrompt=S("Pick")),
                [
                    n.Case(S("A"), None, [P]),
                    n.Case(S("B"), call("menu_case", WFMenuItemAttributedTitle=F('f"{x}"')), [P]),
                    n.Case(N("_"), call("menu_case", WFMenuItemTitle=S("Other")), [P]),
                ],
            )
        ],
        'match menu(WFMenuPrompt="Pick"):\n'
        '    case "A":\n'
        '        pass\n'
        '    case "B" if menu_case(WFMenuItemAttributedTitle=f"{x}"):\n'
        '        pass\n'
        '    case _ if menu_case(WFMenuItemTitle="Other"):\n'
        '        pass\n',
        id='match_cases',
    ),
    pytest.param(
        lambda: [
            n.Match(
                call(
                    "menu",
                    WFMenuPrompt=S("Pick one of the many options that are offered here"),
                    WFMenuItems=L(S("a"), S("b")),
                ),
                [
                    n.Case(
                        S("a case title that is long enough to need parentheses around it when written out"), None, [P]
                    ),
                    n.Case(
                        S("B"),
                        call(
                            "menu_case",
                            WFMenuItemAttributedTitle=F('f"{x} and some more text"'),
                            Other=S("yyyyyyyyyyyyyyyyyy"),
                        ),
                        [P],
                    ),
                    n.Case(
                        N("_"),
                        call(
                            "menu_case",
                            WFMenuItemAttributedTitle=F('f"{x}"'),
                            Other=S("yyyyyyyyyyyyyyyyyyyyyyy"),
                            Third=num(3),
                        ),
                        [P],
                    ),
                ],
            )
        ],
        'match menu(\n'
        '    WFMenuPrompt="Pick one of the many options that are offered here",\n'
        '    WFMenuItems=["a", "b"],\n'
        '):\n'
        '    case (\n'
        '        "a case title that is long enough to need parentheses around it when written out"\n'
        '    ):\n'
        '        pass\n'
        '    case "B" if menu_case(\n'
        '        WFMenuItemAttributedTitle=f"{x} and some more text", Other="yyyyyyyyyyyyyyyyyy"\n'
        '    ):\n'
        '        pass\n'
        '    case _ if menu_case(\n'
        '        WFMenuItemAttributedTitle=f"{x}", Other="yyyyyyyyyyyyyyyyyyyyyyy", Third=3\n'
        '    ):\n'
        '        pass\n',
        id='match_long',
    ),
    pytest.param(
        lambda: [
            n.ImportStar("s2py_actions"),
            n.CommentLines(["First comment", "", "more"]),
            n.BlankLine(),
            n.CommentLines(["Second run"]),
            n.If(
                N("x"),
                [
                    n.CommentLines(["inside"]),
                    n.BlankLine(),
                    n.CommentLines(["after blank"]),
                    A([N("y")], num(1)),
                    n.CommentLines(["last in block"]),
                ],
                n.If(N("z"), [P, n.CommentLines(["before else"])], [n.CommentLines(["else only comment"]), P]),
            ),
            n.Match(
                N("m"), [n.Case(S("A"), None, [P, n.CommentLines(["before next case"])]), n.Case(S("B"), None, [P])]
            ),
            n.CommentLines(["end"]),
        ],
        'from s2py_actions import *\n'
        '\n'
        '# First comment\n'
        '#\n'
        '# more\n'
        '\n'
        '# Second run\n'
        'if x:\n'
        '    # inside\n'
        '\n'
        '    # after blank\n'
        '    y = 1\n'
        '    # last in block\n'
        'elif z:\n'
        '    pass\n'
        '    # before else\n'
        'else:\n'
        '    # else only comment\n'
        '    pass\n'
        'match m:\n'
        '    case "A":\n'
        '        pass\n'
        '        # before next case\n'
        '    case "B":\n'
        '        pass\n'
        '# end\n',
        id='comments_and_blank_lines',
    ),
    pytest.param(
        lambda: [
            A([N("x")], num(1)),
            n.BlankLine(),
            n.BlankLine(),
            n.BlankLine(),
            n.CommentLines(["a"]),
            n.If(N("x"), [n.BlankLine(), n.BlankLine(), A([N("y")], num(2))]),
            n.BlankLine(),
        ],
        'x = 1\n' '\n' '\n' '# a\n' 'if x:\n' '\n' '    y = 2\n',
        id='blank_lines_capped',
    ),
    pytest.param(
        lambda: [A([N("parts")], call(n.Attribute(chain, "removeprefix"), S("some prefix text")))],
        'parts = (\n'
        '    contents_of_url.replace("http", "https")\n'
        '    .strip()\n'
        '    .split("/")\n'
        '    .removeprefix("some prefix text")\n'
        ')\n',
        id='method_chain',
    ),
    pytest.param(
        lambda: [
            E(
                call(
                    "is_workflow_actions_showresult",
                    n.Compare(N("contents_of_url_with_a_long_name"), [("==", S("https://example.com/a/long/path"))]),
                )
            )
        ],
        'is_workflow_actions_showresult(\n'
        '    contents_of_url_with_a_long_name == "https://example.com/a/long/path"\n'
        ')\n',
        id='comparison_inside_call',
    ),
    pytest.param(
        lambda: [
            E(
                call(
                    "is_workflow_actions_showresult",
                    n.BoolOp(
                        "or",
                        [N("contents_of_url_with_a_long_name"), N("dictionary_value_with_a_long_name"), N("fallback")],
                    ),
                )
            )
        ],
        'is_workflow_actions_showresult(\n'
        '    contents_of_url_with_a_long_name or dictionary_value_with_a_long_name or fallback\n'
        ')\n',
        id='boolean_inside_call',
    ),
    pytest.param(
        lambda: [
            A([N("x")], n.BinaryOp(N("a"), "**", N("b"))),
            A([N("x")], n.BinaryOp(call("f", N("x")), "**", num(2))),
            A([N("x")], n.BinaryOp(n.Attribute(call("f", N("x")), "y"), "**", num(2))),
            A([N("x")], n.BoolOp("and", [n.BinaryOp(N("a"), "**", N("b")), call("c", N("x"))])),
            A([N("x")], n.BoolOp("and", [n.BinaryOp(N("a"), "**", N("b")), N("c")])),
            A([N("x")], n.UnaryOp("-", n.BinaryOp(num(2), "**", num(8)))),
            A([N("x")], n.BinaryOp(N("a"), "**", n.UnaryOp("-", N("b")))),
        ],
        'x = a**b\n'
        'x = f(x) ** 2\n'
        'x = f(x).y ** 2\n'
        'x = a ** b and c(x)\n'
        'x = a**b and c\n'
        'x = -(2**8)\n'
        'x = a**-b\n',
        id='power_operator',
    ),
    pytest.param(
        lambda: [
            A(
                [N("result")],
                n.BoolOp(
                    "and",
                    [
                        n.BinaryOp(N("first_base_value"), "**", N("exponent")),
                        call("is_workflow_actions_number", N("second_value_with_a_long_name")),
                    ],
                ),
            )
        ],
        'result = first_base_value ** exponent and is_workflow_actions_number(\n'
        '    second_value_with_a_long_name\n'
        ')\n',
        id='power_operator_head_line',
    ),
    pytest.param(
        lambda: [
            A(
                [N("result")],
                n.BoolOp(
                    "and",
                    [
                        n.BinaryOp(N("first_base_value"), "**", N("exponent")),
                        call("is_workflow_actions_number", N("second_value_with_a_long_name")),
                        N("third_value"),
                    ],
                ),
            )
        ],
        'result = (\n'
        '    first_base_value**exponent\n'
        '    and is_workflow_actions_number(second_value_with_a_long_name)\n'
        '    and third_value\n'
        ')\n',
        id='power_operator_hugged_after_split',
    ),
    pytest.param(
        lambda: [
            A(
                [
                    n.Subscript(
                        n.Attribute(
                            n.Attribute(N("some_object_with_a_long_name"), "attribute_with_a_long_name"),
                            "another_attribute",
                        ),
                        S("some key"),
                    )
                ],
                call("function", N("argument_one"), N("argument_two")),
            )
        ],
        'some_object_with_a_long_name.attribute_with_a_long_name.another_attribute[\n'
        '    "some key"\n'
        '] = function(argument_one, argument_two)\n',
        id='head_too_long',
    ),
    pytest.param(
        lambda: [A([N("x")], N("a_very_long_variable_name_" * 4))],
        'x = a_very_long_variable_name_a_very_long_variable_name_a_very_long_variable_name_a_very_long_variable_name_\n',
        id='unsplittable_name',
    ),
    pytest.param(
        lambda: [
            A([N("x")], num(-1)),
            E(call("f", n.UnaryOp("-", N("x")))),
            A(
                [N("y")],
                call(
                    "is_workflow_actions_number",
                    WFNumberActionNumber=num(-1234567.5),
                    Other=num(-3),
                    Third=S("long enough text"),
                ),
            ),
        ],
        'x = -1\n'
        'f(-x)\n'
        'y = is_workflow_actions_number(\n'
        '    WFNumberActionNumber=-1234567.5, Other=-3, Third="long enough text"\n'
        ')\n',
        id='unary_minus',
    ),
    pytest.param(
        lambda: [
            A([N("x")], call("f")),
            A(
                [N("result_with_a_long_name")],
                call("is_workflow_actions_function_with_an_extremely_long_name_without_arguments"),
            ),
        ],
        'x = f()\n'
        'result_with_a_long_name = (\n'
        '    is_workflow_actions_function_with_an_extremely_long_name_without_arguments()\n'
        ')\n',
        id='empty_brackets',
    ),
    pytest.param(
        lambda: [A([N("x")], n.TupleDisplay([N("a")])), n.For(n.TupleDisplay([N("x")], parens=False), N("y"), [P])],
        'x = (a,)\n' 'for (x,) in y:\n' '    pass\n',
        id='single_element_tuples',
    ),
    pytest.param(
        lambda: [
            E(
                call(
                    "is_workflow_actions_some_function",
                    n.Arg(N("first_argument")) if False else N("first_argument_value"),
                    N("second_argument_value"),
                    stars=N("keyword_arguments_mapping"),
                )
            )
        ],
        'is_workflow_actions_some_function(\n'
        '    first_argument_value, second_argument_value, **keyword_arguments_mapping\n'
        ')\n',
        id='star_arguments',
    ),
    pytest.param(
        lambda: [
            A(
                [N("変数の名前が長い場合のテスト")],
                call("is_workflow_actions_gettext", WFTextActionText=S("テキスト" * 6)),
            )
        ],
        '変数の名前が長い場合のテスト = is_workflow_actions_gettext(\n'
        '    WFTextActionText="テキストテキストテキストテキストテキストテキスト"\n'
        ')\n',
        id='wide_names',
    ),
]


@pytest.mark.parametrize(("build", "expected"), SHAPES)
def test_shape(build, expected):
    module = build()
    assert write_module(module) == expected
    assert black_format(naive(module)) == expected


# --- the direct layout agrees with the general splitter --------------------------------

long_statements = st.one_of(
    st.builds(n.Assign, st.lists(names.map(n.Name), min_size=1, max_size=3), st.one_of(action_calls(), values)),
    st.builds(n.AugAssign, names.map(n.Name), st.just("+"), values),
    action_calls().map(n.ExprStatement),
)


def _nested(statement: n.Stmt, depth: int) -> n.Stmt:
    for _ in range(depth):
        statement = n.If(n.Name("x"), [statement])
    return statement


@settings(max_examples=EXAMPLES * 3, deadline=None, suppress_health_check=list(HealthCheck))
@given(long_statements, st.integers(0, 6), st.booleans())
def test_direct_layout_matches_the_general_splitter(statement, depth, modern):
    module = [_nested(statement, depth)] + ([n.Assign([n.Name("y")], n.String('f"{y}"'))] if modern else [])
    with unittest.mock.patch.object(direct, "statement_lines", lambda *args: None):
        general = write_module(module)
    assert write_module(module) == general


long_headers = st.one_of(
    st.builds(lambda test, body: n.If(test, body), st.one_of(action_calls(), values), st.just([n.Pass()])),
    st.builds(lambda test: n.If(n.Name("x"), [n.Pass()], n.If(test, [n.Pass()])), st.one_of(action_calls(), values)),
    st.builds(lambda target, items: n.For(target, items, [n.Pass()]), st.one_of(names.map(n.Name), st.lists(names.map(n.Name), min_size=2, max_size=3).map(lambda t: n.TupleDisplay(t, parens=False))), st.one_of(action_calls(), values)),
    st.builds(lambda subject, cases: n.Match(subject, cases), st.one_of(action_calls(), values), st.lists(st.builds(n.Case, st.one_of(strings, numbers, st.just(n.Name("_"))), st.one_of(st.none(), action_calls(), values), st.just([n.Pass()])), min_size=1, max_size=2)),
)


@settings(max_examples=EXAMPLES * 3, deadline=None, suppress_health_check=list(HealthCheck))
@given(long_headers, st.integers(0, 6), st.booleans())
def test_direct_headers_match_the_general_splitter(statement, depth, modern):
    module = [_nested(statement, depth)] + ([n.Assign([n.Name("y")], n.String('f"{y}"'))] if modern else [])
    with unittest.mock.patch.object(direct, "header_lines", lambda *args: None):
        general = write_module(module)
    assert write_module(module) == general


# --- long chains ------------------------------------------------------------------------


def _stack_depth() -> int:
    import inspect

    return len(inspect.stack(0))


@pytest.mark.parametrize("link", ["subscript", "method"])
def test_a_chain_is_written_with_a_stack_shallower_than_the_chain(link):
    """A variable of hundreds of steps: walking the chain, and black's splitting of
    the line (each head split again), must not take a stack frame per link."""
    value: n.Expr = N("ShortcutInput")
    for _ in range(300):
        value = n.Subscript(value, S("k")) if link == "subscript" else call(n.Attribute(value, "as_type"), S("URL"))
    module = [A([N("x")], call("is_workflow_actions_gettext", WFTextActionText=value))]
    expected = black_format(naive(module))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_stack_depth() + 150)  # far fewer frames than links
    try:
        written = write_module(module)
    finally:
        sys.setrecursionlimit(limit)
    assert written == expected
