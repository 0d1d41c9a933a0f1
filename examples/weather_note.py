from s2py_actions import *

shortcut(
    legacy=True,
    version="2607.1.3",
    types="NCWidget",
    min_version=900,
    min_version_string="900",
    inputs="String",
    icon=("blue", 59511),
)
# Ask for a city, fetch its weather as JSON and show a summary.
provided_input = ask(prompt="Which city?", default_answer="Lisbon")
City = provided_input
url = is_workflow_actions_url(url=f"https://wttr.in/{City}?format=j1")
contents_of_url = downloadurl(url=url)
dictionary = detect_dictionary(input=contents_of_url)
if dictionary["current_condition"]:
    for item in dictionary["current_condition"]:
        showresult(result=f"{City}: {item['temp_C']} °C, {item['weatherDesc']} 🌤")
else:
    alert(message=f"No weather for {City}.")
match menu(WFMenuPrompt="Save the report?"):
    case "Yes":
        setclipboard(content=contents_of_url)
    case "No":
        pass
