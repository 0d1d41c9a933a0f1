from s2py_actions import *

shortcut(
    version="3514.0.4.101",
    types=["NCWidget", "Watch"],
    inputs=[],
    color="yellow",
    glyph=59733,
)
# Morning briefing
# Run from a morning automation or the widget. Reads the day, the time, the battery, the network, the weather and the calendar, says what matters and sets the phone up for the day.
Weekday = format_date(
    WFDateFormatStyle="Custom", WFDateFormat="EEEE", WFDate=CurrentDate
)
Hour = format_date(WFDateFormatStyle="Custom", WFDateFormat="H", WFDate=CurrentDate)
Battery = getbatterylevel()
Plugged = getbatterylevel(Subject="Is Connected to Charger")
Network = getwifi(WFWiFiDetail="Network Name")
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
if condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 0,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 4,
                    "WFInput": {"Type": "Variable", "Variable": Weekday},
                    "WFConditionalActionString": "Saturday",
                },
                {
                    "WFCondition": 4,
                    "WFInput": {"Type": "Variable", "Variable": Weekday},
                    "WFConditionalActionString": "Sunday",
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    Mode = "weekend"
else:
    Mode = "work"
# Battery.
if condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 1,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 1,
                    "WFInput": {"Type": "Variable", "Variable": Battery},
                    "WFNumberValue": "20",
                },
                {
                    "WFCondition": 4,
                    "WFInput": {"Type": "Variable", "Variable": str(Plugged)},
                    "WFConditionalActionString": "No",
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    lowpowermode_set(OnValue=True, operation="set")
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
elif condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 0,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 8,
                    "WFInput": {"Type": "Variable", "Variable": Network},
                    "WFConditionalActionString": "CORP-",
                },
                {
                    "WFCondition": 99,
                    "WFInput": {"Type": "Variable", "Variable": Network},
                    "WFConditionalActionString": "Office",
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    Place = "office"
    Briefing += ["You are at the office already."]
# Weather.
Weather = weather_currentconditions()
Temperature = properties_weather_conditions(
    WFContentItemPropertyName="Temperature", WFInput=Weather
)
Sky = properties_weather_conditions(
    WFContentItemPropertyName="Condition", WFInput=Weather
)
Rain = properties_weather_conditions(
    WFContentItemPropertyName="Precipitation Chance", WFInput=Weather
)
Briefing += [f"Outside: {Sky}, {Temperature}."]
if condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 0,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 99,
                    "WFInput": {"Type": "Variable", "Variable": Sky},
                    "WFConditionalActionString": "Rain",
                },
                {
                    "WFCondition": 99,
                    "WFInput": {"Type": "Variable", "Variable": Sky},
                    "WFConditionalActionString": "Showers",
                },
                {
                    "WFCondition": 3,
                    "WFInput": {"Type": "Variable", "Variable": Rain},
                    "WFNumberValue": "40",
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    Briefing += [f"Take an umbrella: {Rain}% chance of rain."]
if Temperature < 0:
    Briefing += ["Below freezing: mind the ice and leave ten minutes early."]
elif Temperature < 8:
    Briefing += ["Cold: wear a coat."]
elif Temperature >= 28:
    Briefing += ["Hot: take water."]
# Today's calendar, timed events only.
Events = filter_calendarevents(
    WFContentItemFilter=where(
        prop("Start Date", Number=1, Unit=16, Bounded=True, Removable=False).is_today(),
        prop("Is All Day") == False,
    ),
    WFContentItemSortOrder="Oldest First",
    WFContentItemSortProperty="Start Date",
    WFContentItemInputParameter="Library",
)
Meetings = is_workflow_actions_count(WFCountType="Items", Input=Events)
if Meetings == 0:
    Briefing += ["No meetings today."]
else:
    First = getitemfromlist(WFItemSpecifier="First Item", WFInput=Events)
    if Meetings == 1:
        Briefing += [f"One meeting: {First.Title} at {First.property('Start Date')}."]
    else:
        Briefing += [
            f"{Meetings} meetings, the first is {First.Title} at {First.property('Start Date')}."
        ]
    if condition(
        WFConditions={
            "Value": {
                "WFActionParameterFilterPrefix": 0,
                "WFActionParameterFilterTemplates": [
                    {
                        "WFCondition": 99,
                        "WFInput": {"Type": "Variable", "Variable": First.Title},
                        "WFConditionalActionString": "Flight",
                    },
                    {
                        "WFCondition": 99,
                        "WFInput": {"Type": "Variable", "Variable": First.Title},
                        "WFConditionalActionString": "✈️",
                    },
                ],
                "WFContentPredicateBoundedDate": False,
            },
            "WFSerializationType": "WFContentPredicateTableTemplate",
        }
    ):
        Briefing += ["It is a travel day: check in and pack the charger."]
    if condition(
        WFConditions={
            "Value": {
                "WFActionParameterFilterPrefix": 1,
                "WFActionParameterFilterTemplates": [
                    {
                        "WFCondition": 100,
                        "WFInput": {"Type": "Variable", "Variable": First.Location},
                    },
                    {
                        "WFCondition": 5,
                        "WFInput": {"Type": "Variable", "Variable": Place},
                        "WFConditionalActionString": "office",
                    },
                ],
                "WFContentPredicateBoundedDate": False,
            },
            "WFSerializationType": "WFContentPredicateTableTemplate",
        }
    ):
        Briefing += [f"The first one is at {First.Location}."]
    if condition(
        WFConditions={
            "Value": {
                "WFActionParameterFilterPrefix": 0,
                "WFActionParameterFilterTemplates": [
                    {
                        "WFCondition": 99,
                        "WFInput": {"Type": "Variable", "Variable": First.Notes},
                        "WFConditionalActionString": "zoom.us",
                    },
                    {
                        "WFCondition": 99,
                        "WFInput": {"Type": "Variable", "Variable": First.Notes},
                        "WFConditionalActionString": "teams.microsoft.com",
                    },
                ],
                "WFContentPredicateBoundedDate": False,
            },
            "WFSerializationType": "WFContentPredicateTableTemplate",
        }
    ):
        Briefing += ["It is a video call: find a quiet room."]
# Flagged reminders, on work days only.
if Mode == "work":
    Flagged = filter_reminders(
        WFContentItemFilter=where(
            prop("Is Completed") == False, prop("Is Flagged") == True
        ),
        WFContentItemInputParameter="Library",
    )
    count = is_workflow_actions_count(WFCountType="Items", Input=Flagged)
    if count > 0:
        Briefing += [f"{count} flagged reminders are waiting."]
# Screen and sound for the time of day.
if condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 0,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 0,
                    "WFInput": {"Type": "Variable", "Variable": Hour},
                    "WFNumberValue": "7",
                },
                {
                    "WFCondition": 3,
                    "WFInput": {"Type": "Variable", "Variable": Hour},
                    "WFNumberValue": "21",
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    setbrightness(WFBrightness=0.3)
    appearance(style="dark", operation="set")
else:
    setbrightness(WFBrightness=0.8)
    appearance(style="light", operation="set")
# Show it, and read it aloud at home unless a Focus is on.
Summary = text_combine(WFTextSeparator="New Lines", text=Briefing)
showresult(Text=f"{Summary}")
if condition(
    WFConditions={
        "Value": {
            "WFActionParameterFilterPrefix": 1,
            "WFActionParameterFilterTemplates": [
                {
                    "WFCondition": 4,
                    "WFInput": {"Type": "Variable", "Variable": Place},
                    "WFConditionalActionString": "home",
                },
                {
                    "WFCondition": 101,
                    "WFInput": {"Type": "Variable", "Variable": Focus},
                },
            ],
            "WFContentPredicateBoundedDate": False,
        },
        "WFSerializationType": "WFContentPredicateTableTemplate",
    }
):
    speaktext(WFSpeakTextRate=0.5, WFText=f"{Summary}")
