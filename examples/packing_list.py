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
Destination = ask(prompt="Where are you going?")
Nights = ask(default_answer_number="3", prompt="How many nights?", input_type="Number")
dictionary_value = getvalueforkey(get="All Keys", dictionary=Kits)
Kinds = choosefromlist(
    list=dictionary_value, prompt="What kind of trip?", select_multiple=True
)
# Find the place, then its forecast (Open-Meteo needs no key).
url_encoded_text = urlencode(text=f"{Destination}")
url = is_workflow_actions_url(
    url=f"{Settings['forecast.geocoder']}?name={url_encoded_text}&count=1&language=en&format=json"
)
contents_of_url = downloadurl(url=url)
Places = getvalueforkey(key="results", dictionary=contents_of_url)
if not Places:
    _ = alert(
        title="Unknown place",
        message=f"Open-Meteo does not know “{Destination}”. Check the spelling and try again.",
        show_cancel_button=False,
    )
    is_workflow_actions_exit(result=_)
Place = getitemfromlist(list=Places)
url_2 = is_workflow_actions_url(
    url=f"{Settings['forecast.weather']}?latitude={Place['latitude']}&longitude={Place['longitude']}&daily=temperature_2m_max,temperature_2m_min,precipitation_probability_max&timezone=auto&forecast_days={Settings['forecast.days']}"
)
Forecast = downloadurl(url=url_2, method="GET")
Daily = getvalueforkey(key="daily", dictionary=Forecast)
Warmest = max(Daily["temperature_2m_max"])
Coldest = min(Daily["temperature_2m_min"])
Wettest = max(Daily["precipitation_probability_max"])
# Collect the items: the basics, then each kind of trip.
Basics = getvalueforkey(key="Always", dictionary=Kits)
Items = Basics
for item in Kinds:
    dictionary_value_2 = getvalueforkey(key=f"{item}", dictionary=Kits)
    Items += [dictionary_value_2]
# Clothes for each day, up to the laundry day.
Days = Nights + 1
if Days > Settings["laundry_after"]:
    Outfits = Settings["laundry_after"]
else:
    Outfits = Days
dictionary_value_3 = getvalueforkey(get="All Keys", dictionary=Clothes)
for item in dictionary_value_3:
    dictionary_value_4 = getvalueforkey(key=f"{item}", dictionary=Clothes)
    calculation_result = Outfits * dictionary_value_4
    rounded_number = is_workflow_actions_round(
        number=calculation_result, mode="Always Round Up"
    )
    text = f"{rounded_number} × {item}"
    Items += [text]
# Extras for the weather.
Conditions = {}
if Coldest < Settings["limits.cold"]:
    dictionary_value_5 = getvalueforkey(key="cold", dictionary=Extras)
    Items += [dictionary_value_5]
    Conditions = setvalueforkey(key="cold", value=f"{Coldest}", dictionary=Conditions)
if Warmest > Settings["limits.hot"]:
    dictionary_value_6 = getvalueforkey(key="hot", dictionary=Extras)
    Items += [dictionary_value_6]
    Conditions = setvalueforkey(key="hot", value=f"{Warmest}", dictionary=Conditions)
if Wettest >= Settings["limits.rain"]:
    dictionary_value_7 = getvalueforkey(key="rain", dictionary=Extras)
    Items += [dictionary_value_7]
    Conditions = setvalueforkey(key="rain", value=f"{Wettest}%", dictionary=Conditions)
# Keep a copy of the trip as JSON in iCloud Drive.
Trip = {
    "destination": Destination,
    "country": Place["country"],
    "nights": Nights,
    "kinds": Kinds,
    "forecast": {"min": Coldest, "max": Warmest, "rain": Wettest},
    "packed": False,
}
dictionary = setvalueforkey(key="items", value=f"{Items}", dictionary=Trip)
Record = setvalueforkey(key="conditions", value=f"{Conditions}", dictionary=dictionary)
formatted_date = format_date(
    date_format="Custom", format_string="yyyy-MM-dd", date=CurrentDate
)
renamed_item = setitemname(
    name=f"packing {Destination} {formatted_date}.json",
    dont_include_file_extension=True,
    input=Record,
)
saved_file = documentpicker_save(
    file=renamed_item,
    ask_where_to_save=False,
    subpath="Packing/",
    overwrite_if_file_exists=True,
)
# Todoist: one project for the trip, one task per item.
Project = downloadurl(
    url=f"{Settings['todoist.api']}/projects",
    method="POST",
    show_headers=True,
    headers={
        "Authorization": f"Bearer {Settings['todoist.token']}",
        "Content-Type": "application/json",
    },
    request_body="JSON",
    json_values={
        "name": f"🧳 {Destination}",
        "color": Settings["todoist.color"],
        "is_favorite": True,
        "view_style": "list",
    },
)
if Project["id"]:
    for item in Items:
        contents_of_url_2 = downloadurl(
            url=f"{Settings['todoist.api']}/tasks",
            method="POST",
            show_headers=True,
            headers={
                "Authorization": f"Bearer {Settings['todoist.token']}",
                "Content-Type": "application/json",
            },
            request_body="JSON",
            json_values={
                "content": item,
                "project_id": Project["id"],
                "labels": [Settings["todoist.label"]],
                "priority": 1,
                "due_string": "tomorrow",
            },
        )
    Sent = repeat_results()
    count = is_workflow_actions_count(type="Items", input=Sent)
    Status = f"{count} tasks added to Todoist."
else:
    Status = f"Todoist refused the project: {Project['error']}"
combined_text = text_combine(separator="New Lines", text=Items)
showresult(
    result=f"{Destination}, {Nights} nights ({Coldest}–{Warmest} °C, rain up to {Wettest}%)\n{Status}\n\n{combined_text}"
)
