from s2py_actions import *

_ = shortcut(
    types="ActionExtension QuickActions",
    surfaces=["Finder"],
    inputs="Folder",
    icon=("gray", 59748),
)
# Archive exports: zip the CSV exports of a folder (given, or picked) into one dated archive,
# newest first, and show which files went in.
files = documentpicker_open(WFGetFolderContents=True, WFFile=_, WFShowFilePicker=True)
exports = filter_files(
    WFContentItemInputParameter=files,
    WFContentItemSortProperty="Creation Date",
    WFContentItemSortOrder="Latest First",
    WFContentItemLimitEnabled=True,
    WFContentItemFilter=where(
        prop("File Extension") == "csv",
        prop("Name").startswith("export"),
        "backup" not in prop("Name"),
    ),
    WFContentItemLimitNumber=50,
)
count = len(exports)
if count == 0:
    alert(
        WFAlertActionTitle="Nothing to archive",
        WFAlertActionMessage="No CSV exports in this folder.",
        WFAlertActionCancelButtonShown=False,
    )
else:
    _ = is_workflow_actions_date(WFDateActionMode="Current Date")
    day = format_date(WFDateFormatStyle="Custom", WFDateFormat="yyyy-MM-dd", WFDate=_)
    archive = makezip(WFZIPName=f"exports {day}", WFInput=exports)
    documentpicker_save(WFInput=archive, WFAskWhereToSave=True)
    heading = [f"Archived {count} exports:"]
    Lines = heading
    for item in exports:
        line = f"{item.Name} ({item.property('File Size')})"
        Lines += [line]
    listing = text_combine(WFTextSeparator="New Lines", text=Lines)
    showresult(Text=listing)
