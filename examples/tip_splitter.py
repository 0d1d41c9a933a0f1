from s2py_actions import *

shortcut(types="Watch", icon=("green", 59446))
# Tip splitter: add a tip to a restaurant bill and split it between the table.
bill = ask(
    allows_decimal_numbers=True, prompt="How much is the bill?", input_type="Number"
)
percent = ask(default_answer_number="15", prompt="Tip in percent?", input_type="Number")
people = ask(default_answer_number="2", prompt="How many people?", input_type="Number")
tip_rate = percent / 100
tip = bill * tip_rate
total = bill + tip
each = total / people
# Round each share up to whole cents so the table never comes out short.
cents = each * 100
whole_cents = is_workflow_actions_round(number=cents, mode="Always Round Up")
portion = whole_cents / 100
collected = portion * people
spare = collected - total
if people < 2:
    showresult(result=f"Tip: {tip}\nTotal to pay: {total}")
else:
    showresult(
        result=f"Tip: {tip}\nTotal: {total}\nEach of {people} pays {portion} ({spare} spare)"
    )
