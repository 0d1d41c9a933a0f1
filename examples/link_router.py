from s2py_actions import *

shortcut(
    types="ActionExtension", inputs="URL SafariWebPage String", icon=("purple", 59503)
)
# Link router: clean a shared link of tracking junk, then open it in the right app,
# or keep it for later when it is late in the evening.
shared = f"{ShortcutInput}"
link = shared
if not link:
    link = getclipboard()
scheme = geturlcomponent(WFURL=link, WFURLComponent="Scheme")
host = geturlcomponent(WFURL=link, WFURLComponent="Host")
query = geturlcomponent(WFURL=link, WFURLComponent="Query")
# Drop tracking parameters: keep only what comes before the "?".
if "utm_" in query or "fbclid" in query:
    pieces = text_split(WFTextCustomSeparator="?", WFTextSeparator="Custom", text=link)
    bare = getitemfromlist(WFItemSpecifier="First Item", WFInput=pieces)
    link = bare
hour = format_date(WFDateFormatStyle="Custom", WFDateFormat="H", WFDate=CurrentDate)
if scheme != "https" and scheme != "http":
    alert(
        WFAlertActionTitle="Not a web link",
        WFAlertActionMessage=f"{link}",
        WFAlertActionCancelButtonShown=False,
    )
elif host == "youtu.be" or "youtube.com" in host:
    video = text_replace(
        WFReplaceTextFind="^https?://",
        WFReplaceTextReplace="youtube://",
        WFReplaceTextRegularExpression=True,
        WFInput=link,
    )
    openurl(WFInput=video)
elif host.startswith("maps.") or host.endswith(".openstreetmap.org"):
    searchmaps(WFInput=link)
elif hour >= 22 or hour < 7:
    readinglist(WFURL=link)
    showresult(Text=f"Too late for {host}: saved to the Reading List for tomorrow.")
elif "github.com" not in host:
    openurl(WFInput=link)
else:
    # GitHub links: open the repository page, not a deep link into a file.
    path = geturlcomponent(WFURL=link, WFURLComponent="Path")
    parts = text_split(WFTextCustomSeparator="/", WFTextSeparator="Custom", text=path)
    count = len(parts)
    if count < 3:
        openurl(WFInput=link)
    else:
        owner = getitemfromlist(
            WFItemSpecifier="Item At Index", WFItemIndex=2, WFInput=parts
        )
        repo = getitemfromlist(
            WFItemSpecifier="Item At Index", WFItemIndex=3, WFInput=parts
        )
        openurl(WFInput=f"https://github.com/{owner}/{repo}")
