from s2py_actions import *

shortcut(icon=("orange", 59454))
# Trip budget: add up a trip's expenses, list the big ones and warn when the trip is over budget.
budget = 600
expenses = {"Hotel": 240, "Train": 89.5, "Food": 135, "Museum": 18, "Taxi": 32}
categories = getvalueforkey(WFGetDictionaryValueType="All Keys", WFInput=expenses)
total = 0
Lines = ["Big items:"]
for item in categories:
    amount = getvalueforkey(WFDictionaryKey=f"{item}", WFInput=expenses)
    total += amount
    if amount >= 100:
        Lines += [f"{item}: {amount}"]
count = len(categories)
average = total / count
report = text_combine(WFTextSeparator="New Lines", text=Lines)
if total > budget:
    over = total - budget
    alert(
        WFAlertActionTitle="Over budget",
        WFAlertActionMessage=f"Spent {total}, {over} more than the {budget} planned.\n{report}",
        WFAlertActionCancelButtonShown=False,
    )
else:
    left = budget - total
    showresult(
        Text=f"Spent {total} of {budget} on {count} things (about {average} each); {left} left.\n{report}"
    )
