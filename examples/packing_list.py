from s2py_actions import *

shortcut(version="2607.1.3", inputs=[], icon=("blue", 59695))
# Packing list
# Builds a packing list from the kind of trip, its length and the forecast at the destination, saves it as JSON and sends it to Todoist as a project with one task per item.
# Put your Todoist API token in Settings before the first run.
Settings = {
    "todoist": {
        "api": "https://api.todoist.com/rest/v2",
        "token": "PASTE-YOUR-TOKEN",
        "label": "packing",
        "color": "sky_blue",
    },
    "forecast": {
        "geocoder": "https://geocoding-api.open-meteo.com/v1/search",
        "weather": "https://api.open-meteo.com/v1/forecast",
        "days": 7,
    },
    "limits": {"cold": 10, "hot": 26, "rain": 50},
    "laundry_after": 5,
}
Kits = {
    "Always": [
        "Passport",
        "Wallet",
        "Phone charger",
        "Toothbrush",
        "Toothpaste",
        "Medication",
    ],
    "Beach": ["Swimsuit", "Sunscreen", "Sunglasses", "Beach towel", "Sandals"],
    "City": ["Walking shoes", "Day bag", "Power bank"],
    "Hiking": ["Boots", "Rain jacket", "Water bottle", "First aid kit", "Head torch"],
    "Business": ["Laptop", "Laptop charger", "Suit", "Business cards"],
}
Clothes = {"Underwear": 1, "Socks": 1, "T-shirts": 1, "Trousers": 0.5}
Extras = {
    "cold": ["Warm jacket", "Gloves", "Hat"],
    "hot": ["Sun hat", "Shorts", "Reusable bottle"],
    "rain": ["Umbrella", "Waterproof shoes"],
}
# Where, how long, what kind of trip.
Destination = ask(WFAskActionPrompt="Where are you going?")
Nights = ask(
    WFAskActionDefaultAnswerNumber="3",
    WFAskActionPrompt="How many nights?",
    WFInputType="Number",
)
dictionary_value = getvalueforkey(WFGetDictionaryValueType="All Keys", WFInput=Kits)
Kinds = choosefromlist(
    WFInput=dictionary_value,
    WFChooseFromListActionPrompt="What kind of trip?",
    WFChooseFromListActionSelectMultiple=True,
)
# Find the place, then its forecast (Open-Meteo needs no key).
url_encoded_text = urlencode(WFInput=f"{Destination}")
url = is_workflow_actions_url(
    WFURLActionURL=f"{Settings['forecast.geocoder']}?name={url_encoded_text}&count=1&language=en&format=json"
)
contents_of_url = downloadurl(WFURL=url)
Places = getvalueforkey(WFDictionaryKey="results", WFInput=contents_of_url)
if not Places:
    _ = alert(
        WFAlertActionTitle="Unknown place",
        WFAlertActionMessage=f"Open-Meteo does not know “{Destination}”. Check the spelling and try again.",
        WFAlertActionCancelButtonShown=False,
    )
    is_workflow_actions_exit(WFResult=_)
Place = getitemfromlist(WFInput=Places)
url_2 = is_workflow_actions_url(
    WFURLActionURL=f"{Settings['forecast.weather']}?latitude={Place['latitude']}&longitude={Place['longitude']}&daily=temperature_2m_max,temperature_2m_min,precipitation_probability_max&timezone=auto&forecast_days={Settings['forecast.days']}"
)
Forecast = downloadurl(WFURL=url_2, WFHTTPMethod="GET")
Daily = getvalueforkey(WFDictionaryKey="daily", WFInput=Forecast)
Warmest = max(Daily["temperature_2m_max"])
Coldest = min(Daily["temperature_2m_min"])
Wettest = max(Daily["precipitation_probability_max"])
# Collect the items: the basics, then each kind of trip.
Basics = getvalueforkey(WFDictionaryKey="Always", WFInput=Kits)
Items = Basics
for item in Kinds:
    dictionary_value_2 = getvalueforkey(WFDictionaryKey=f"{item}", WFInput=Kits)
    Items += [dictionary_value_2]
# Clothes for each day, up to the laundry day.
Days = Nights + 1
if Days > Settings["laundry_after"]:
    Outfits = Settings["laundry_after"]
else:
    Outfits = Days
dictionary_value_3 = getvalueforkey(
    WFGetDictionaryValueType="All Keys", WFInput=Clothes
)
for item in dictionary_value_3:
    dictionary_value_4 = getvalueforkey(WFDictionaryKey=f"{item}", WFInput=Clothes)
    calculation_result = Outfits * dictionary_value_4
    rounded_number = is_workflow_actions_round(
        WFInput=calculation_result, WFRoundMode="Always Round Up"
    )
    text = f"{rounded_number} × {item}"
    Items += [text]
# Extras for the weather.
Conditions = {}
if Coldest < Settings["limits.cold"]:
    dictionary_value_5 = getvalueforkey(WFDictionaryKey="cold", WFInput=Extras)
    Items += [dictionary_value_5]
    Conditions = setvalueforkey(
        WFDictionaryKey="cold", WFDictionaryValue=f"{Coldest}", WFDictionary=Conditions
    )
if Warmest > Settings["limits.hot"]:
    dictionary_value_6 = getvalueforkey(WFDictionaryKey="hot", WFInput=Extras)
    Items += [dictionary_value_6]
    Conditions = setvalueforkey(
        WFDictionaryKey="hot", WFDictionaryValue=f"{Warmest}", WFDictionary=Conditions
    )
if Wettest >= Settings["limits.rain"]:
    dictionary_value_7 = getvalueforkey(WFDictionaryKey="rain", WFInput=Extras)
    Items += [dictionary_value_7]
    Conditions = setvalueforkey(
        WFDictionaryKey="rain", WFDictionaryValue=f"{Wettest}%", WFDictionary=Conditions
    )
# Keep a copy of the trip as JSON in iCloud Drive.
Trip = {
    "destination": Destination,
    "country": Place["country"],
    "nights": Nights,
    "kinds": Kinds,
    "forecast": {"min": Coldest, "max": Warmest, "rain": Wettest},
    "packed": False,
}
dictionary = setvalueforkey(
    WFDictionaryKey="items", WFDictionaryValue=f"{Items}", WFDictionary=Trip
)
Record = setvalueforkey(
    WFDictionaryKey="conditions",
    WFDictionaryValue=f"{Conditions}",
    WFDictionary=dictionary,
)
formatted_date = format_date(
    WFDateFormatStyle="Custom", WFDateFormat="yyyy-MM-dd", WFDate=CurrentDate
)
renamed_item = setitemname(
    WFName=f"packing {Destination} {formatted_date}.json",
    WFDontIncludeFileExtension=True,
    WFInput=Record,
)
saved_file = documentpicker_save(
    WFInput=renamed_item,
    WFAskWhereToSave=False,
    WFFileDestinationPath="Packing/",
    WFSaveFileOverwrite=True,
)
# Todoist: one project for the trip, one task per item.
Project = downloadurl(
    WFURL=f"{Settings['todoist.api']}/projects",
    WFHTTPMethod="POST",
    ShowHeaders=True,
    WFHTTPHeaders={
        "Authorization": f"Bearer {Settings['todoist.token']}",
        "Content-Type": "application/json",
    },
    WFHTTPBodyType="JSON",
    WFJSONValues={
        "name": f"🧳 {Destination}",
        "color": Settings["todoist.color"],
        "is_favorite": True,
        "view_style": "list",
    },
)
if Project["id"]:
    for item in Items:
        contents_of_url_2 = downloadurl(
            WFURL=f"{Settings['todoist.api']}/tasks",
            WFHTTPMethod="POST",
            ShowHeaders=True,
            WFHTTPHeaders={
                "Authorization": f"Bearer {Settings['todoist.token']}",
                "Content-Type": "application/json",
            },
            WFHTTPBodyType="JSON",
            WFJSONValues={
                "content": item,
                "project_id": Project["id"],
                "labels": [Settings["todoist.label"]],
                "priority": 1,
                "due_string": "tomorrow",
            },
        )
    Sent = repeat_results()
    count = is_workflow_actions_count(WFCountType="Items", Input=Sent)
    Status = f"{count} tasks added to Todoist."
else:
    Status = f"Todoist refused the project: {Project['error']}"
combined_text = text_combine(WFTextSeparator="New Lines", text=Items)
showresult(
    Text=f"{Destination}, {Nights} nights ({Coldest}–{Warmest} °C, rain up to {Wettest}%)\n{Status}\n\n{combined_text}"
)
