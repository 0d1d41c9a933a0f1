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
    text = "Up early"
    Greeting = text
elif Hour < 12:
    text_2 = "Good morning"
    Greeting = text_2
elif Hour < 18:
    text_3 = "Good afternoon"
    Greeting = text_3
else:
    text_4 = "Good evening"
    Greeting = text_4
text_5 = f"{Greeting}, it is {Weekday}."
Briefing += [text_5]
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
    text_6 = "weekend"
    Mode = text_6
else:
    text_7 = "work"
    Mode = text_7
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
    text_8 = f"Battery at {Battery}%: Low Power Mode is on. Charge before you leave."
    Briefing += [text_8]
elif 20 <= Battery <= 50:
    text_9 = f"Battery at {Battery}%, enough for the morning."
    Briefing += [text_9]
# Where am I? The Wi-Fi name tells.
if not Network:
    text_10 = "No Wi-Fi: you are probably on the way."
    Briefing += [text_10]
elif Network == "Fjord Home":
    text_11 = "home"
    Place = text_11
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
    text_12 = "office"
    Place = text_12
    text_13 = "You are at the office already."
    Briefing += [text_13]
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
text_14 = f"Outside: {Sky}, {Temperature}."
Briefing += [text_14]
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
    text_15 = f"Take an umbrella: {Rain}% chance of rain."
    Briefing += [text_15]
if Temperature < 0:
    text_16 = "Below freezing: mind the ice and leave ten minutes early."
    Briefing += [text_16]
elif Temperature < 8:
    text_17 = "Cold: wear a coat."
    Briefing += [text_17]
elif Temperature >= 28:
    text_18 = "Hot: take water."
    Briefing += [text_18]
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
    text_19 = "No meetings today."
    Briefing += [text_19]
else:
    First = getitemfromlist(WFItemSpecifier="First Item", WFInput=Events)
    if Meetings == 1:
        text_20 = f"One meeting: {First.Title} at {First.property('Start Date')}."
        Briefing += [text_20]
    else:
        text_21 = f"{Meetings} meetings, the first is {First.Title} at {First.property('Start Date')}."
        Briefing += [text_21]
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
        text_22 = "It is a travel day: check in and pack the charger."
        Briefing += [text_22]
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
        text_23 = f"The first one is at {First.Location}."
        Briefing += [text_23]
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
        text_24 = "It is a video call: find a quiet room."
        Briefing += [text_24]
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
        text_25 = f"{count} flagged reminders are waiting."
        Briefing += [text_25]
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
