from s2py_actions import *

shortcut(
    legacy=True,
    version="2607.1.3",
    types="NCWidget",
    minimum_version=900,
    minimum_version_string="900",
    inputs="String",
    icon=("blue", 59511),
)
# Ask for a city, fetch its weather as JSON and show a summary.
provided_input = ask(WFAskActionPrompt="Which city?", WFAskActionDefaultAnswer="Lisbon")
City = provided_input
url = is_workflow_actions_url(WFURLActionURL=f"https://wttr.in/{City}?format=j1")
contents_of_url = downloadurl(WFURL=url)
dictionary = detect_dictionary(WFInput=contents_of_url)
if dictionary["current_condition"]:
    for item in dictionary["current_condition"]:
        showresult(Text=f"{City}: {item['temp_C']} °C, {item['weatherDesc']} 🌤")
else:
    alert(WFAlertActionMessage=f"No weather for {City}.")
match menu(WFMenuPrompt="Save the report?"):
    case "Yes":
        setclipboard(WFInput=contents_of_url)
    case "No":
        pass
