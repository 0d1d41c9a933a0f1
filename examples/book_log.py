from s2py_actions import *

shortcut(
    version=("754", "2.1.2"),
    types="NCWidget WatchKit",
    min_version=411,
    inputs="String",
    icon=("orange", 59495),
)
# Book log
# Scan a book's barcode, look it up on Open Library and add a line to Books/log.csv in Dropbox, with the date, a status and your stars.
qr_barcode = _ = scanbarcode()
ISBN = _
_ = is_workflow_actions_count(type="Characters", input=_)
if _ < 10:
    _ = alert(
        title="Not an ISBN",
        message=f"“{qr_barcode}” is too short for an ISBN.",
        show_cancel_button=False,
    )
    is_workflow_actions_exit(result=_)
else:
    pass
# Ask Open Library. The answer is keyed by the ISBN itself.
_ = is_workflow_actions_url(
    url=f"https://openlibrary.org/api/books?bibkeys=ISBN:{ISBN}&format=json&jscmd=data"
)
_ = downloadurl(url=_, show_headers=False, advanced=False)
_ = detect_dictionary(input=_)
_ = getvalueforkey(get="Value", key=f"ISBN:{ISBN}", dictionary=_)
Book = _
_ = is_workflow_actions_count(type="Items", input=_)
if _ == 0:
    _ = alert(
        title="Not found",
        message=f"Open Library has no book with ISBN {ISBN}.",
        show_cancel_button=False,
    )
    is_workflow_actions_exit(result=_)
else:
    pass
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="title", dictionary=_)
Title = _
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="number_of_pages", dictionary=_)
Pages = _
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="publish_date", dictionary=_)
Published = _
# Authors and subjects are lists of {name, url}: keep the names.
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="authors", dictionary=_)
for _ in _:
    getvalueforkey(get="Value", key="name", dictionary=_)
_ = repeat_results()
_ = text_combine(custom_separator=", ", separator="Custom", text=_)
Authors = _
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="publishers", dictionary=_)
_ = getitemfromlist(get="First Item", list=_)
_ = getvalueforkey(get="Value", key="name", dictionary=_)
Publisher = _
_ = Book.with_id()
_ = getvalueforkey(get="Value", key="subjects", dictionary=_)
_ = getitemfromlist(get="Items in Range", start_index=1, end_index=3, list=_)
for _ in _:
    getvalueforkey(get="Value", key="name", dictionary=_)
_ = repeat_results()
_ = text_combine(custom_separator=", ", separator="Custom", text=_)
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
            prompt="How many stars, 1 to 5?", default_answer="4", input_type="Number"
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
            prompt="How many days did it take?", default_answer="7", input_type="Number"
        )
        Days = _
        _ = Pages.with_id()
        _ = _ / Days
        _ = is_workflow_actions_round(number=_, value="Ones Place", mode="Normal")
        Pace = _
    case "Want to read":
        _ = "wishlist"
        Status = _
        _ = 0
        Stars = _
    case "Cancel":
        is_workflow_actions_exit(result=_)
# One CSV line per book.
_ = is_workflow_actions_date(use="Current Date")
_ = format_date(date_format="Custom", format_string="yyyy-MM-dd", date=_)
Today = _
_ = Title.with_id()
_ = text_replace(find_text='"', replace_with='""', text=_)
Quoted = _
_ = f"{Today},{ISBN},\"{Quoted}\",\"{Authors}\",{Pages},{Shelf},{Status},{Stars}"
file_append(
    file_path="/Books/log.csv", make_new_line=True, text=_, storage_service="Dropbox"
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
        setclipboard(content=_)
    else:
        pass
else:
    pass
_ = if_result()
is_workflow_actions_notification(
    title="Book log",
    body=f"Logged “{Title}” as {Status}.",
    play_sound=False,
    attachment=_,
)
