from s2py_actions import *

shortcut(
    version="3514.0.4.101", types="NCWidget Watch", inputs=[], icon=("yellow", 59733)
)
# Morning briefing
# Run from a morning automation or the widget. Reads the day, the time, the battery, the network, the weather and the calendar, says what matters and sets the phone up for the day.
Weekday = format_date(date_format="Custom", format_string="EEEE", date=CurrentDate)
Hour = format_date(date_format="Custom", format_string="H", date=CurrentDate)
Battery = getbatterylevel()
Plugged = getbatterylevel(get="Is Connected to Charger")
Network = getwifi(wi_fi_detail="Network Name")
Focus = dnd_getfocus()
# Greeting by the hour.
if Hour < 5:
    Greeting = "Up early"
elif Hour < 12:
    Greeting = "Good morning"
elif Hour < 18:
    Greeting = "Good afternoon"
else:
    Greeting = "Good evening"
Briefing += [f"{Greeting}, it is {Weekday}."]
# Work day or weekend?
if Weekday == "Saturday" or Weekday == "Sunday":
    Mode = "weekend"
else:
    Mode = "work"
# Battery.
if Battery <= 20 and str(Plugged) == "No":
    lowpowermode_set(low_power_mode=True, operation="set")
    Briefing += [
        f"Battery at {Battery}%: Low Power Mode is on. Charge before you leave."
    ]
elif 20 <= Battery <= 50:
    Briefing += [f"Battery at {Battery}%, enough for the morning."]
# Where am I? The Wi-Fi name tells.
if not Network:
    Briefing += ["No Wi-Fi: you are probably on the way."]
elif Network == "Fjord Home":
    Place = "home"
elif Network.startswith("CORP-") or "Office" in Network:
    Place = "office"
    Briefing += ["You are at the office already."]
# Weather.
Weather = weather_currentconditions()
Temperature = properties_weather_conditions(property_name="Temperature", input=Weather)
Sky = properties_weather_conditions(property_name="Condition", input=Weather)
Rain = properties_weather_conditions(
    property_name="Precipitation Chance", input=Weather
)
Briefing += [f"Outside: {Sky}, {Temperature}."]
if "Rain" in Sky or "Showers" in Sky or Rain >= 40:
    Briefing += [f"Take an umbrella: {Rain}% chance of rain."]
if Temperature < 0:
    Briefing += ["Below freezing: mind the ice and leave ten minutes early."]
elif Temperature < 8:
    Briefing += ["Cold: wear a coat."]
elif Temperature >= 28:
    Briefing += ["Hot: take water."]
# Today's calendar, timed events only.
Events = filter_calendarevents(
    filter=where(
        prop("Start Date", Number=1, Unit=16, Bounded=True, Removable=False).is_today(),
        prop("Is All Day") == False,
    ),
    sort_order="Oldest First",
    sort_property="Start Date",
    input="Library",
)
Meetings = is_workflow_actions_count(type="Items", input=Events)
if Meetings == 0:
    Briefing += ["No meetings today."]
else:
    First = getitemfromlist(get="First Item", list=Events)
    if Meetings == 1:
        Briefing += [f"One meeting: {First.Title} at {First.property('Start Date')}."]
    else:
        Briefing += [
            f"{Meetings} meetings, the first is {First.Title} at {First.property('Start Date')}."
        ]
    if "Flight" in First.Title or "✈️" in First.Title:
        Briefing += ["It is a travel day: check in and pack the charger."]
    if First.Location and Place != "office":
        Briefing += [f"The first one is at {First.Location}."]
    if "zoom.us" in First.Notes or "teams.microsoft.com" in First.Notes:
        Briefing += ["It is a video call: find a quiet room."]
# Flagged reminders, on work days only.
if Mode == "work":
    Flagged = filter_reminders(
        filter=where(prop("Is Completed") == False, prop("Is Flagged") == True),
        input="Library",
    )
    count = is_workflow_actions_count(type="Items", input=Flagged)
    if count > 0:
        Briefing += [f"{count} flagged reminders are waiting."]
# Screen and sound for the time of day.
if Hour < 7 or Hour >= 21:
    setbrightness(brightness=0.3)
    appearance(appearance="dark", operation="set")
else:
    setbrightness(brightness=0.8)
    appearance(appearance="light", operation="set")
# Show it, and read it aloud at home unless a Focus is on.
Summary = text_combine(separator="New Lines", text=Briefing)
showresult(result=f"{Summary}")
if Place == "home" and not Focus:
    speaktext(rate=0.5, text=f"{Summary}")
