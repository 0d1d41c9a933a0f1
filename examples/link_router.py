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
scheme = geturlcomponent(url=link, component="Scheme")
host = geturlcomponent(url=link, component="Host")
query = geturlcomponent(url=link, component="Query")
# Drop tracking parameters: keep only what comes before the "?".
if "utm_" in query or "fbclid" in query:
    pieces = text_split(custom_separator="?", separator="Custom", text=link)
    bare = getitemfromlist(get="First Item", list=pieces)
    link = bare
hour = format_date(date_format="Custom", format_string="H", date=CurrentDate)
if scheme != "https" and scheme != "http":
    alert(title="Not a web link", message=f"{link}", show_cancel_button=False)
elif host == "youtu.be" or "youtube.com" in host:
    video = text_replace(
        find_text="^https?://",
        replace_with="youtube://",
        regular_expression=True,
        text=link,
    )
    openurl(url=video)
elif host.startswith("maps.") or host.endswith(".openstreetmap.org"):
    searchmaps(location=link)
elif hour >= 22 or hour < 7:
    readinglist(url=link)
    showresult(result=f"Too late for {host}: saved to the Reading List for tomorrow.")
elif "github.com" not in host:
    openurl(url=link)
else:
    # GitHub links: open the repository page, not a deep link into a file.
    path = geturlcomponent(url=link, component="Path")
    parts = text_split(custom_separator="/", separator="Custom", text=path)
    count = len(parts)
    if count < 3:
        openurl(url=link)
    else:
        owner = getitemfromlist(get="Item At Index", index=2, list=parts)
        repo = getitemfromlist(get="Item At Index", index=3, list=parts)
        openurl(url=f"https://github.com/{owner}/{repo}")
