from s2py_actions import *

_ = shortcut(types="Watch NCWidget", inputs=None, icon=("teal", 59818))
# Quick journal: a menu to jot down a line, log a mood, read the journal back or start a fresh one.
# Entries go to journal.txt in the Shortcuts folder of iCloud Drive, one dated line each.
journal = documentpicker_open(
    WFFileErrorIfNotFound=False,
    WFFile=_,
    WFGetFilePath="journal.txt",
    WFShowFilePicker=False,
)
stamp = format_date(
    WFDateFormatStyle="Custom", WFDateFormat="yyyy-MM-dd HH:mm", WFDate=CurrentDate
)
match menu(WFMenuPrompt="Journal"):
    case "Write a line":
        entry = ask(WFAskActionPrompt="What happened?")
        file_append(WFFilePath="journal.txt", WFInput=f"{stamp}  {entry}")
    case "Log my mood":
        match menu(WFMenuPrompt="How do you feel?"):
            case "😀 Great":
                file_append(WFFilePath="journal.txt", WFInput=f"{stamp}  mood: great")
            case "🙂 Fine":
                file_append(WFFilePath="journal.txt", WFInput=f"{stamp}  mood: fine")
            case "🙁 Low":
                file_append(WFFilePath="journal.txt", WFInput=f"{stamp}  mood: low")
                showresult(Text="Noted. Maybe a walk, or a call with a friend?")
    case "Read it":
        if journal:
            previewdocument(WFInput=journal)
        else:
            alert(
                WFAlertActionTitle="Nothing yet",
                WFAlertActionMessage="The journal is empty: write a line first.",
                WFAlertActionCancelButtonShown=False,
            )
    case "Start over":
        # Cancelling the alert stops the shortcut, so nothing is renamed by accident.
        alert(
            WFAlertActionTitle="Start a new journal?",
            WFAlertActionMessage="The old one is kept, renamed with today's date.",
        )
        file_rename(
            WFFile=journal,
            WFNewFilename=f"journal {CurrentDate.format_date(WFDateFormatStyle='Custom', WFDateFormat='yyyy-MM-dd')}",
        )
