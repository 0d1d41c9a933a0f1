from s2py_actions import *

shortcut(types="Watch", icon=("green", 59446))
# Tip splitter: add a tip to a restaurant bill and split it between the table.
bill = ask(
    WFAskActionAllowsDecimalNumbers=True,
    WFAskActionPrompt="How much is the bill?",
    WFInputType="Number",
)
percent = ask(
    WFAskActionDefaultAnswerNumber="15",
    WFAskActionPrompt="Tip in percent?",
    WFInputType="Number",
)
people = ask(
    WFAskActionDefaultAnswerNumber="2",
    WFAskActionPrompt="How many people?",
    WFInputType="Number",
)
tip_rate = percent / 100
tip = bill * tip_rate
total = bill + tip
each = total / people
# Round each share up to whole cents so the table never comes out short.
cents = each * 100
whole_cents = is_workflow_actions_round(WFInput=cents, WFRoundMode="Always Round Up")
portion = whole_cents / 100
collected = portion * people
spare = collected - total
if people < 2:
    showresult(Text=f"Tip: {tip}\nTotal to pay: {total}")
else:
    showresult(
        Text=f"Tip: {tip}\nTotal: {total}\nEach of {people} pays {portion} ({spare} spare)"
    )
