"""where(...): the filters of Find / Filter actions, each form both ways."""

import pytest

from .harness import act, attachment, exact, out, root_of

U = "11111111-AAAA-4BBB-8CCC-000000000001"


def _find(rules, prefix=1, **table):
    inner = {"WFActionParameterFilterPrefix": prefix, "WFActionParameterFilterTemplates": rules}
    inner.update({"WFContentPredicateBoundedDate": False, **table})
    return root_of(
        act("gettext", {"WFTextActionText": "x", "UUID": U}),
        act("filter.files", {"WFContentItemFilter": {"Value": inner, "WFSerializationType": "WFContentPredicateTableTemplate"}}),
    )


def _rule(operator, prop, values, **more):
    return {"Operator": operator, "Property": prop, "Removable": True, "Values": values, **more}


def _state(tag, value):
    return {"Value": value, "WFSerializationType": tag}


TEXT = attachment(out(U))

CASES = [
    (_rule(4, "Name", {"String": "a"}), 'prop("Name") == "a"'),
    (_rule(99, "Name", {"String": "a"}), '"a" in prop("Name")'),
    (_rule(999, "Name", {"String": "a"}), '"a" not in prop("Name")'),
    (_rule(8, "Name", {"String": "a"}), 'prop("Name").startswith("a")'),
    (_rule(9, "Name", {"String": "a"}), 'prop("Name").endswith("a")'),
    (_rule(2, "File Size", {"Number": 5}), 'prop("File Size") > 5'),
    (_rule(4, "Is Flagged", {"Bool": True}), 'prop("Is Flagged") == True'),
    (_rule(4, "Is Completed", {"Bool": _state("WFBooleanSubstitutableState", False)}), 'prop("Is Completed") == option(False)'),
    (_rule(4, "List", {"Enumeration": _state("WFStringSubstitutableState", "Work")}), 'prop("List") == option("Work")'),
    (_rule(4, "List", {"Enumeration": _state("WFStringSubstitutableState", TEXT)}), 'prop("List") == option(text)'),
    (_rule(4, "Name", {"String": "a", "Unit": 4}), 'prop("Name", Unit=4) == "a"'),
    (_rule(4, "Name", {"String": "a"}, VariableOverrides={}), 'prop("Name", VariableOverrides={}) == "a"'),
    (_rule(4, "Name", {}), 'prop("Name") == None'),
    ({"Operator": 4, "Property": "Name", "Values": {"String": "a"}}, 'prop("Name", Removable=None) == "a"'),
    (_rule(4, "Name", {"String": "a"}, Removable=False), 'prop("Name", Removable=False) == "a"'),
    (_rule(1002, "Creation Date", {}), 'prop("Creation Date").is_today()'),
    (_rule(1001, "Creation Date", {"Number": 7, "Unit": 16}), 'prop("Creation Date").in_last(7, "days")'),
    (_rule(1000, "Creation Date", {"Number": 2, "Unit": 8192}), 'prop("Creation Date").in_next(2, "weeks")'),
    (_rule(1000, "Creation Date", {"Number": 2, "Unit": 3}), 'prop("Creation Date").in_next(2, 3)'),
    # A choice that == option(...) would read back as another key stays in prop().
    (_rule(4, "List", {"Enumeration": _state("WFStringSubstitutableState", [])}),
     'prop("List", Enumeration={"Value": [], "WFSerializationType": "WFStringSubstitutableState"}) == None'),
    (_rule(4, "List", {"Enumeration": _state("WFStringSubstitutableState", 5)}), 'prop("List", Enumeration=option(5)) == None'),
    (_rule(4, "List", {"Enumeration": _state("WFStringSubstitutableState", True)}), 'prop("List", Enumeration=option(True)) == None'),
    (_rule(4, "Is Flagged", {"Bool": _state("WFBooleanSubstitutableState", "x")}), 'prop("Is Flagged", Bool=option("x")) == None'),
    (_rule(4, "Is Flagged", {"Bool": _state("WFBooleanSubstitutableState", TEXT)}), 'prop("Is Flagged", Bool=option(text)) == None'),
    (
        _rule(1003, "Creation Date", {"Date": TEXT, "AnotherDate": _state("WFDateSubstitutableState", TEXT)}),
        'text <= prop("Creation Date") <= option(text)',
    ),
]


@pytest.mark.parametrize("rule, code", CASES, ids=[code for _, code in CASES])
def test_rule_reads_as_python_and_back(rule, code):
    exact(_find([rule]), f"where({code})")


def test_any_bounded_and_filter_keys():
    root = _find([CASES[0][0], CASES[1][0]], prefix=0, WFContentPredicateBoundedDate=True)
    exact(root, 'where(prop("Name") == "a", "a" in prop("Name"), any=True, bounded=True)')


def test_rules_without_values_are_flat():
    rule = {"Operator": 4, "Property": "Album", "Removable": True, "Enumeration": "Animated", "String": "GIF", "Unit": 4}
    exact(_find([rule]), 'where(prop("Album", Enumeration="Animated", Unit=4) == "GIF", flat=True)')


def test_mixed_flat_and_values_rules_keep_the_general_form():
    flat = {"Operator": 4, "Property": "Name", "Removable": True, "String": "a"}
    code = exact(_find([flat, CASES[0][0]]))
    assert "where(" not in code


def test_unit_written_as_text_keeps_the_general_form():
    code = exact(_find([_rule(1001, "Creation Date", {"Number": 7, "Unit": "days"})]))
    assert "in_last" not in code


def test_text_operator_on_a_number_keeps_it_in_prop():
    exact(_find([_rule(99, "Size", {"Number": 5})]), 'None in prop("Size", Number=5)')


def test_a_date_variable_compared_with_a_date_property():
    exact(_find([_rule(0, "Due Date", {"Date": TEXT})]), 'where(prop("Due Date") < text)')


def test_a_variable_compared_with_a_text_property_is_its_text():
    from .harness import compiles_to

    code = 'from s2py_actions import *\ntext = "x"\nfilter_files(WFContentItemFilter=where(prop("Name") == text))\n'
    rule = _rule(4, "Name", {"String": {"Value": {"string": "\ufffc", "attachmentsByRange": {"{0, 1}": out(U)}},
                                       "WFSerializationType": "WFTextTokenString"}})
    compiles_to(code, _find([rule]))
