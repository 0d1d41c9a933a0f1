from s2py_actions import *

shortcut(icon=("orange", 59454))
# Trip budget: add up a trip's expenses, list the big ones and warn when the trip is over budget.
budget = 600
expenses = {"Hotel": 240, "Train": 89.5, "Food": 135, "Museum": 18, "Taxi": 32}
categories = getvalueforkey(get="All Keys", dictionary=expenses)
total = 0
Lines = ["Big items:"]
for item in categories:
    amount = getvalueforkey(key=f"{item}", dictionary=expenses)
    total += amount
    if amount >= 100:
        Lines += [f"{item}: {amount}"]
count = len(categories)
average = total / count
report = text_combine(separator="New Lines", text=Lines)
if total > budget:
    over = total - budget
    alert(
        title="Over budget",
        message=f"Spent {total}, {over} more than the {budget} planned.\n{report}",
        show_cancel_button=False,
    )
else:
    left = budget - total
    showresult(
        result=f"Spent {total} of {budget} on {count} things (about {average} each); {left} left.\n{report}"
    )
