from s2py_actions import *

_ = shortcut(
    types="ActionExtension QuickActions",
    surfaces=["Finder"],
    inputs="Folder",
    icon=("gray", 59748),
)
# Archive exports: zip the CSV exports of a folder (given, or picked) into one dated archive,
# newest first, and show which files went in.
files = documentpicker_open(
    if_folder_fetch_contents=True, folder=_, show_file_picker=True
)
exports = filter_files(
    input=files,
    sort_property="Creation Date",
    sort_order="Latest First",
    limit_enabled=True,
    filter=where(
        prop("File Extension") == "csv",
        prop("Name").startswith("export"),
        "backup" not in prop("Name"),
    ),
    limit_number=50,
)
count = len(exports)
if count == 0:
    alert(
        title="Nothing to archive",
        message="No CSV exports in this folder.",
        show_cancel_button=False,
    )
else:
    _ = is_workflow_actions_date(use="Current Date")
    day = format_date(date_format="Custom", format_string="yyyy-MM-dd", date=_)
    archive = makezip(archive_name=f"exports {day}", input=exports)
    documentpicker_save(file=archive, ask_where_to_save=True)
    heading = [f"Archived {count} exports:"]
    Lines = heading
    for item in exports:
        line = f"{item.Name} ({item.property('File Size')})"
        Lines += [line]
    listing = text_combine(separator="New Lines", text=Lines)
    showresult(result=listing)
