from s2py_actions import *

shortcut(types="ActionExtension", inputs="String RichText", icon=("yellow", 59492))
# Tidy text: clean up shared text (or the clipboard), copy it back and say how long it is.
shared = f"{ShortcutInput}"
text = shared
if not text:
    text = getclipboard()
trimmed = text_trimwhitespace(input=text)
single_spaced = text_replace(
    find_text=" {2,}", replace_with=" ", regular_expression=True, text=trimmed
)
# Curly quotes become straight ones, so the text pastes cleanly into code and forms.
straight = text_replace(
    find_text="[“”]", replace_with='"', regular_expression=True, text=single_spaced
)
tidy = text_changecase(type="Capitalize with sentence case", text=straight)
setclipboard(content=tidy)
words = is_workflow_actions_count(type="Words", input=tidy)
characters = len(tidy)
minutes = words / 200
reading_time = is_workflow_actions_round(number=minutes, mode="Always Round Up")
first_line = text_split(separator="New Lines", text=tidy)
headline = getitemfromlist(get="First Item", list=first_line)
showresult(
    result=f"Tidied “{headline}”: {words} words, {characters} characters, about {reading_time} min to read. Copied to the clipboard."
)
