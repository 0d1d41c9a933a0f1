"""Dictionary field values as dict literals, each row type both ways."""

import pytest

from .harness import act, attachment, exact, out, root_of, tokens

U = "11111111-AAAA-4BBB-8CCC-000000000001"
VARIABLE = tokens("\ufffc", {"{0, 1}": out(U)})


def _text(string):
    return {"Value": {"string": string}, "WFSerializationType": "WFTextTokenString"}


def _state(tag, value):
    return {"Value": value, "WFSerializationType": tag}


def _dictionary(*rows):
    field = _state("WFDictionaryFieldValue", {"WFDictionaryFieldValueItems": list(rows)})
    return root_of(
        act("gettext", {"WFTextActionText": "x", "UUID": U}),
        act("dictionary", {"WFItems": field}),
        WFWorkflowClientVersion="2607.1.3",
    )


def _row(kind, key, value):
    return {"WFItemType": kind, "WFKey": _text(key), "WFValue": value}


CASES = [
    (_row(0, "name", _text("Ann")), '{"name": "Ann"}'),
    (_row(0, "name", VARIABLE), '{"name": text}'),
    (_row(3, "age", _text("36")), '{"age": 36}'),
    (_row(0, "age", _text("36")), '{"age": "36"}'),
    (_row(3, "age", _text("36.50")), None),  # not a literal's own spelling: general form
    (_row(4, "ok", _state("WFNumberSubstitutableState", True)), '{"ok": True}'),
    (_row(3, "age", VARIABLE), '{"age": float(text)}'),
    (_row(4, "ok", _state("WFNumberSubstitutableState", attachment(out(U)))), '{"ok": bool(text)}'),
    (_row(2, "all", _state("WFArraySubstitutableParameterState", attachment(out(U)))), '{"all": list(text)}'),
    (_row(1, "sub", _state("WFDictionarySubstitutableParameterState", attachment(out(U)))), '{"sub": dict(text)}'),
    # the tags of a literal list or dictionary around a variable: not what the app writes
    (_row(2, "all", _state("WFArrayParameterState", attachment(out(U)))), None),
    (_row(1, "sub", _state("WFDictionaryFieldValue", attachment(out(U)))), None),
    (_row(2, "list", _state("WFArrayParameterState", ["a", {"WFItemType": 3, "WFValue": _text("1")}])), '{"list": ["a", 1]}'),
    (
        _row(2, "list", _state("WFArrayParameterState", [{"WFItemType": 1, "WFValue": _state("WFDictionarySubstitutableParameterState", attachment(out(U)))}])),
        '{"list": [dict(text)]}',
    ),
]


@pytest.mark.parametrize("row, code", CASES, ids=[str(code) for _, code in CASES])
def test_row_reads_as_python_and_back(row, code):
    result = exact(_dictionary(row))
    if code is None:
        assert "WFItemType" in result
    else:
        exact(_dictionary(row), code)


def test_a_converted_variable_in_a_text_row_stays_text():
    converted = tokens("\ufffc", {"{0, 1}": {**out(U), "Aggrandizements": [
        {"Type": "WFCoercionVariableAggrandizement", "CoercionItemClass": "WFNumberContentItem"}]}})
    exact(_dictionary(_row(0, "n", converted)), '{"n": f"{float(text)}"}')
