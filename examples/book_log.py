from s2py_actions import *

shortcut(
    version=("754", "2.1.2"),
    types="NCWidget WatchKit",
    minimum_version=411,
    inputs="String",
    icon=("orange", 59495),
)
# Book log
# Scan a book's barcode, look it up on Open Library and add a line to Books/log.csv in Dropbox, with the date, a status and your stars.
qr_barcode = _ = scanbarcode()
ISBN = _
_ = is_workflow_actions_count(WFCountType="Characters", Input=_)
if _ < 10:
    _ = alert(
        WFAlertActionTitle="Not an ISBN",
        WFAlertActionMessage=f"“{qr_barcode}” is too short for an ISBN.",
        WFAlertActionCancelButtonShown=False,
    )
    is_workflow_actions_exit(WFResult=_)
else:
    pass
# Ask Open Library. The answer is keyed by the ISBN itself.
_ = is_workflow_actions_url(
    WFURLActionURL=f"https://openlibrary.org/api/books?bibkeys=ISBN:{ISBN}&format=json&jscmd=data"
)
_ = downloadurl(WFURL=_, ShowHeaders=False, Advanced=False)
_ = detect_dictionary(WFInput=_)
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey=f"ISBN:{ISBN}", WFInput=_
)
Book = _
_ = is_workflow_actions_count(WFCountType="Items", Input=_)
if _ == 0:
    _ = alert(
        WFAlertActionTitle="Not found",
        WFAlertActionMessage=f"Open Library has no book with ISBN {ISBN}.",
        WFAlertActionCancelButtonShown=False,
    )
    is_workflow_actions_exit(WFResult=_)
else:
    pass
_ = Book.with_id()
_ = getvalueforkey(WFGetDictionaryValueType="Value", WFDictionaryKey="title", WFInput=_)
Title = _
_ = Book.with_id()
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey="number_of_pages", WFInput=_
)
Pages = _
_ = Book.with_id()
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey="publish_date", WFInput=_
)
Published = _
# Authors and subjects are lists of {name, url}: keep the names.
_ = Book.with_id()
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey="authors", WFInput=_
)
for _ in _:
    getvalueforkey(WFGetDictionaryValueType="Value", WFDictionaryKey="name", WFInput=_)
_ = repeat_results()
_ = text_combine(WFTextCustomSeparator=", ", WFTextSeparator="Custom", text=_)
Authors = _
_ = Book.with_id()
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey="publishers", WFInput=_
)
_ = getitemfromlist(WFItemSpecifier="First Item", WFInput=_)
_ = getvalueforkey(WFGetDictionaryValueType="Value", WFDictionaryKey="name", WFInput=_)
Publisher = _
_ = Book.with_id()
_ = getvalueforkey(
    WFGetDictionaryValueType="Value", WFDictionaryKey="subjects", WFInput=_
)
_ = getitemfromlist(
    WFItemSpecifier="Items in Range", WFItemRangeStart=1, WFItemRangeEnd=3, WFInput=_
)
for _ in _:
    getvalueforkey(WFGetDictionaryValueType="Value", WFDictionaryKey="name", WFInput=_)
_ = repeat_results()
_ = text_combine(WFTextCustomSeparator=", ", WFTextSeparator="Custom", text=_)
Subjects = _
# Which shelf: fiction or not.
_ = Subjects.with_id()
if "fiction" in _:
    _ = "Fiction"
else:
    _ = "Non-fiction"
_ = if_result()
Shelf = _
# What now?
match menu(WFMenuPrompt=f"{Title}\nby {Authors}\n{Pages} pages · {Shelf}"):
    case "Reading now":
        _ = "reading"
        Status = _
        _ = 0
        Stars = _
    case "Finished":
        _ = "finished"
        Status = _
        _ = ask(
            WFAskActionPrompt="How many stars, 1 to 5?",
            WFAskActionDefaultAnswer="4",
            WFInputType="Number",
        )
        Stars = _
        _ = Stars.with_id()
        if _ > 5:
            _ = 5
            Stars = _
        else:
            pass
        _ = Stars.with_id()
        if _ < 1:
            _ = 1
            Stars = _
        else:
            pass
        _ = ask(
            WFAskActionPrompt="How many days did it take?",
            WFAskActionDefaultAnswer="7",
            WFInputType="Number",
        )
        Days = _
        _ = Pages.with_id()
        _ = _ / Days
        _ = is_workflow_actions_round(
            WFInput=_, WFRoundTo="Ones Place", WFRoundMode="Normal"
        )
        Pace = _
    case "Want to read":
        _ = "wishlist"
        Status = _
        _ = 0
        Stars = _
    case "Cancel":
        is_workflow_actions_exit(WFResult=_)
# One CSV line per book.
_ = is_workflow_actions_date(WFDateActionMode="Current Date")
_ = format_date(WFDateFormatStyle="Custom", WFDateFormat="yyyy-MM-dd", WFDate=_)
Today = _
_ = Title.with_id()
_ = text_replace(WFReplaceTextFind='"', WFReplaceTextReplace='""', WFInput=_)
Quoted = _
_ = f"{Today},{ISBN},\"{Quoted}\",\"{Authors}\",{Pages},{Shelf},{Status},{Stars}"
file_append(
    WFFilePath="/Books/log.csv",
    WFAppendOnNewLine=True,
    WFInput=_,
    WFFileStorageService="Dropbox",
)
# A finished favourite gets a line on the clipboard to share.
_ = Status.with_id()
if _ == "finished":
    _ = Stars.with_id()
    if _ > 3:
        _ = Pace.with_id()
        if _ > 50:
            _ = "couldn't put it down"
        else:
            _ = "worth every page"
        _ = if_result()
        Verdict = _
        _ = f"Just finished “{Title}” by {Authors}: {Stars}/5, {Verdict}. 📚"
        setclipboard(WFInput=_)
    else:
        pass
else:
    pass
_ = if_result()
is_workflow_actions_notification(
    WFNotificationActionTitle="Book log",
    WFNotificationActionBody=f"Logged “{Title}” as {Status}.",
    WFNotificationActionSound=False,
    WFInput=_,
)
