from s2py_actions import *

_ = shortcut(types="Watch NCWidget", inputs=None, icon=("teal", 59818))
# Quick journal: a menu to jot down a line, log a mood, read the journal back or start a fresh one.
# Entries go to journal.txt in the Shortcuts folder of iCloud Drive, one dated line each.
journal = documentpicker_open(
    error_if_not_found=False, folder=_, path="journal.txt", show_file_picker=False
)
stamp = format_date(
    date_format="Custom", format_string="yyyy-MM-dd HH:mm", date=CurrentDate
)
match menu(WFMenuPrompt="Journal"):
    case "Write a line":
        entry = ask(prompt="What happened?")
        file_append(file_path="journal.txt", text=f"{stamp}  {entry}")
    case "Log my mood":
        match menu(WFMenuPrompt="How do you feel?"):
            case "😀 Great":
                file_append(file_path="journal.txt", text=f"{stamp}  mood: great")
            case "🙂 Fine":
                file_append(file_path="journal.txt", text=f"{stamp}  mood: fine")
            case "🙁 Low":
                file_append(file_path="journal.txt", text=f"{stamp}  mood: low")
                showresult(result="Noted. Maybe a walk, or a call with a friend?")
    case "Read it":
        if journal:
            previewdocument(input=journal)
        else:
            alert(
                title="Nothing yet",
                message="The journal is empty: write a line first.",
                show_cancel_button=False,
            )
    case "Start over":
        # Cancelling the alert stops the shortcut, so nothing is renamed by accident.
        alert(
            title="Start a new journal?",
            message="The old one is kept, renamed with today's date.",
        )
        file_rename(
            file=journal,
            name=f"journal {CurrentDate.format_date(WFDateFormatStyle='Custom', WFDateFormat='yyyy-MM-dd')}",
        )
