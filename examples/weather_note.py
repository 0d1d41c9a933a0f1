from s2py_actions import *

shortcut(
    WFWorkflowClientVersion="2607.1.3",
    WFWorkflowMinimumClientVersion=900,
    WFWorkflowMinimumClientVersionString="900",
    WFWorkflowIcon={
        "WFWorkflowIconStartColor": 463140863,
        "WFWorkflowIconGlyphNumber": 59511,
    },
    WFWorkflowTypes=["NCWidget"],
    WFWorkflowInputContentItemClasses=["WFStringContentItem"],
    WFWorkflowImportQuestions=[],
)
# Ask for a city, fetch its weather as JSON and show a summary.
provided_input = is_workflow_actions_ask(
    WFAskActionPrompt="Which city?", WFAskActionDefaultAnswer="Lisbon"
)
City = provided_input
url = is_workflow_actions_url(WFURLActionURL=f"https://wttr.in/{City}?format=j1")
contents_of_url = is_workflow_actions_downloadurl(WFURL=url)
dictionary = is_workflow_actions_detect_dictionary(WFInput=contents_of_url)
if dictionary["current_condition"]:
    for Repeat_Index, Repeat_Item in enumerate(
        dictionary["current_condition"], start=1
    ):
        is_workflow_actions_showresult(
            Text=f"{City}: {Repeat_Item['temp_C']} °C, {Repeat_Item['weatherDesc']} 🌤"
        )
else:
    is_workflow_actions_alert(WFAlertActionMessage=f"No weather for {City}.")
match menu(WFMenuPrompt="Save the report?"):
    case "Yes":
        is_workflow_actions_setclipboard(WFInput=contents_of_url)
    case "No":
        pass
