"""Which colour the Shortcuts editor gives each action's icon.

Built-in actions draw their glyph on a coloured tile; actions that belong to
one of Apple's apps show that app's icon, whose dominant colour stands in for
it here; third-party actions get a neutral tile, since their real icon is the
app's own artwork.  The tables list identifiers without the common
``is.workflow.actions.`` prefix.
"""

from __future__ import annotations

from functools import lru_cache

from .. import catalog

BUILTIN_PREFIX = "is.workflow.actions."

# Colour names -> the RGB the app uses for them (light appearance).
COLOURS = {
    "gray": "#8e8e93",
    "blue": "#007aff",
    "red": "#ff3b30",
    "orange": "#ff9500",
    "yellow": "#ffcc00",
    "green": "#34c759",
    "mint": "#00c7be",
    "teal": "#30b0c7",
    "cyan": "#32ade6",
    "indigo": "#5856d6",
    "purple": "#af52de",
    "pink": "#ff2d55",
    "brown": "#a2845e",
    "black": "#1c1c1e",
    "note": "#c7c7cc",  # Comment and Nothing: no tile of their own
    "neutral": "#6c7a89",  # third-party apps
}

_BY_COLOUR = {
    "gray": """
        avairyeditphoto base64encode calculateexpression conditional count delay detect.number
        displaysleep exit format.number getclassaction getitemname getitemtype gettypeaction hash
        lockscreen logout math number number.random openpasswords print reboot repeat.count
        repeat.each round scanbarcode setitemname sleep statistics takescreenshot waittoreturn
        watchmedo input takephoto takevideo ejectdisk makediskimage
        mountdiskimage getmyworkflows openworkflow properties.workflow runworkflow
        connecttoservers file.reveal finder.getselectedfiles addnewcontact contacts
        detect.contacts filter.contacts properties.contacts selectcontacts setters.contacts
    """,
    "blue": """
        appearance bluetooth.set detect.images filter.displays filter.images flashlight
        getcurrentlocation getdevicedetails getipaddress getwifi image.combine image.convert
        image.crop image.flip image.mask image.removebackground image.resize image.rotate
        makeimagefrompdfpage makeimagefromrichtext output overlayimageonimage properties.images
        returntohomescreen stagemanager.set truetone.set vpn.set wifi.set compresspdf detect.link
        documentpicker.open documentpicker.save file file.append file.createfolder file.delete
        file.getfoldercontents file.getlink file.label file.move file.rename file.select
        filter.files format.filesize getclipboard getparentdirectory geturlcomponent makepdf
        makezip openin openurl openxcallbackurl properties.files searchweb setclipboard share
        splitpdf unzip url url.expand urlencode filter.windows movewindow
        resizewindow safari.geturl getwebpagecontents properties.safariwebpage readinglist
        runjavascriptonwebpage showwebpage sendemail properties.appstore searchappstore
        detectlanguage text.translate extracttextfromimage image.convert.finder overlaytext
        weather.currentconditions weather.forecast properties.weather.conditions
        reminders.showlist addnewreminder filter.reminders getupcomingreminders
        properties.reminders removereminders setters.reminders dropbox.appendfile
        dropbox.createfolder dropbox.open dropbox.savefile airdropdocument setairdropreceiving
    """,
    "red": """
        converttimezone handoffplayback listeningmode.set makespokenaudiofromtext notification
        orientationlock.set pausemusic playsound recordaudio seek setbrightness
        setplaybackdestination setvolume skipback skipforward speaktext vibrate adjustdate date
        detect.date format.date gettimebetweendates addnewcalendar addnewevent
        filter.calendarevents filter.eventattendees getupcomingevents properties.calendarevents
        properties.eventattendees removeevents setters.calendarevents showincalendar
    """,
    "orange": """
        airplanemode.set detect.dictionary dictionary filter.articles getarticle getitemfromlist
        getvalueforkey intercom list lowpowermode.set nightshift.set properties.articles rss
        rss.extract setvalueforkey appendvariable getvariable setvariable gethomeaccessorystate
        homeaccessory timer.start
    """,
    "yellow": """
        alert debug.contentattribution previewdocument showresult viewresult correctspelling
        detect.text gettext gettextfrompdf text.changecase text.combine
        text.match text.match.getgroup text.replace text.split getnameofemoji
    """,
    "green": """
        cellulardata.set detect.phonenumber downloadurl getbatterylevel personalhotspot.password.get
        personalhotspot.password.set personalhotspot.set phonenumber selectphone
        silenceunknowncallers.set url.getheaders address detect.address filter.locations
        getdistance gethalfwaypoint getparkedcarlocation gettraveltime location
        properties.locations properties.parkedcar ride.requestride setparkedcar getdirections
        getmapslink searchlocalbusinesses searchmaps com.apple.facetime.facetime
        com.apple.mobilephone.call measurement.convert measurement.create
    """,
    "cyan": """
        ask choosefromlist choosefrommenu detect.emailaddress dictatetext email encodemedia
        selectemail trimvideo
    """,
    "indigo": """
        dnd.getfocus dnd.set gethtmlfromrichtext getmarkdownfromrichtext getrichtextfromhtml
        getrichtextfrommarkdown hide.app openapp quit.app splitscreen runextension filter.apps
        dismisssiri
    """,
    "purple": """
        addframetogif display.always-on.set getframesfromimage makegif makevideofromgif
        getepisodesforpodcast getpodcastsfromlibrary playpodcast podcasts.subscribe
        properties.podcast properties.podcastshow searchpodcasts
    """,
    "pink": """
        getonscreencontent showdefinition addmusictoupnext addtoplaylist clearupnext createplaylist
        exportsong filter.music get.playlist getcurrentsong importaudiofiles playmusic
        properties.music properties.itunesartist properties.itunesstore searchitunes showinstore
        filter.health.quantity health.quantity.log health.workout.log properties.health.quantity
        com.apple.mobileslideshow.StreamShareService deletephotos filter.photos getlastphoto
        getlastscreenshot getlastvideo getlatestbursts getlatestlivephotos getlatestphotoimport
        photos.createalbum removefromalbum savetocameraroll selectphoto
    """,
    "black": """
        runsshscript runshellscript runapplescript runjavascriptforautomation startscreensaver
    """,
    "note": "comment nothing",
}

# Fallback by the first catalog category, for Apple actions the tables miss
# (App Intents of Apple's own apps, newer actions).
_BY_CATEGORY = {
    "Scripting": "gray",
    "Documents": "blue",
    "Media": "pink",
    "Web": "blue",
    "Location": "green",
    "Calendar": "red",
    "Sharing": "blue",
    "Contacts": "gray",
    "Text": "yellow",
    "Health": "pink",
    "Home": "orange",
    "Settings": "gray",
}

_APPLE_PREFIXES = ("is.workflow.actions.", "com.apple.")


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for colour, names in _BY_COLOUR.items():
        for name in names.split():
            identifier = name if name.startswith("com.") else BUILTIN_PREFIX + name
            table[identifier] = colour
    return table


_COLOUR_OF = _table()


@lru_cache(maxsize=None)
def colour_name(identifier: str) -> str:
    """The colour name of an action's icon tile (a key of ``COLOURS``)."""
    known = _COLOUR_OF.get(identifier)
    if known is not None:
        return known
    if not identifier.startswith(_APPLE_PREFIXES):
        return "neutral"
    entry = catalog.entry(identifier)
    if entry is not None:
        for category in entry.categories:
            if category in _BY_CATEGORY:
                return _BY_CATEGORY[category]
    return "gray"


def icon_colour(value: int) -> str:
    """The shortcut's own icon colour (``WFWorkflowIconStartColor``, 32-bit
    RGBA, possibly stored negative) as ``#rrggbb``."""
    rgba = value & 0xFFFFFFFF
    return f"#{rgba >> 8:06x}"


def ink(name: str) -> str:
    """A darker shade of a colour, readable as text on a light tint of it."""
    rgb = COLOURS[name].lstrip("#")
    r, g, b = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 0.62) for c in (r, g, b)))
