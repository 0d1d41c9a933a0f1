from s2py_actions import *

shortcut(types="ActionExtension", inputs="String RichText", icon=("yellow", 59492))
# Tidy text: clean up shared text (or the clipboard), copy it back and say how long it is.
shared = f"{ShortcutInput}"
text = shared
if not text:
    text = getclipboard()
trimmed = text_trimwhitespace(WFInput=text)
single_spaced = text_replace(
    WFReplaceTextFind=" {2,}",
    WFReplaceTextReplace=" ",
    WFReplaceTextRegularExpression=True,
    WFInput=trimmed,
)
# Curly quotes become straight ones, so the text pastes cleanly into code and forms.
straight = text_replace(
    WFReplaceTextFind="[“”]",
    WFReplaceTextReplace='"',
    WFReplaceTextRegularExpression=True,
    WFInput=single_spaced,
)
tidy = text_changecase(WFCaseType="Capitalize with sentence case", text=straight)
setclipboard(WFInput=tidy)
words = is_workflow_actions_count(WFCountType="Words", Input=tidy)
characters = len(tidy)
minutes = words / 200
reading_time = is_workflow_actions_round(WFInput=minutes, WFRoundMode="Always Round Up")
first_line = text_split(WFTextSeparator="New Lines", text=tidy)
headline = getitemfromlist(WFItemSpecifier="First Item", WFInput=first_line)
showresult(
    Text=f"Tidied “{headline}”: {words} words, {characters} characters, about {reading_time} min to read. Copied to the clipboard."
)
