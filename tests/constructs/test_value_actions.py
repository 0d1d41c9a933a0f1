"""The actions that make a value, written as the value assigned: only when that form
reads back as the same action."""

from .harness import act, exact, out, root_of, tokens


def test_a_text_in_its_plist_shape_keeps_its_call():
    """`_ = {...}` would be a Dictionary action: the Text keeps its call."""
    bare = {"Value": {"string": "text"}, "WFSerializationType": "WFTextTokenString"}
    root = root_of(
        act("showresult", {"Text": bare}),  # a text without ranges: the file's style is not empty_ranges
        act("gettext", {"WFTextActionText": tokens("x", {})}),
    )
    exact(root, 'gettext(WFTextActionText={"Value": {"string": "x", "attachmentsByRange": {}}, '
                '"WFSerializationType": "WFTextTokenString"})')


def test_a_text_whose_variable_has_an_unknown_aggrandizement_keeps_its_call():
    """Its plist shape holds attachment(...), which a Dictionary action's dict could not."""
    u = "11111111-AAAA-4BBB-8CCC-000000000001"
    odd = out(u, Aggrandizements=[{"Type": "a\nb"}])
    root = root_of(
        act("gettext", {"WFTextActionText": "a", "UUID": u}),
        act("gettext", {"WFTextActionText": tokens("\ufffc", {"{0, 1}": odd})}),
    )
    exact(root, 'attachment(text.aggrandize({"Type": "a\\nb"}))')
