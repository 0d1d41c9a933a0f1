from s2py_actions import *

shortcut(types="Watch", inputs=None, icon=("red", 59788))
# Interval workout: rounds of timed exercises with a spoken cue for each,
# a short rest between rounds, and a summary at the end.
exercises = ["Jumping jacks", "Push-ups", "Squats", "Plank"]
rounds = ask(
    WFAskActionDefaultAnswerNumber="3",
    WFAskActionPrompt="How many rounds?",
    WFInputType="Number",
)
seconds = ask(
    WFAskActionDefaultAnswerNumber="40",
    WFAskActionPrompt="Seconds per exercise?",
    WFInputType="Number",
)
speaktext(WFText="Get ready.")
# Three clicks to count in.
for _ in range(3):
    vibrate(WFVibrateHapticType="Click")
    delay(WFDelayTime=1)
for index in range(1, rounds + 1):
    speaktext(WFText=f"Round {index}")
    for index_2, item_2 in enumerate(exercises, start=1):
        speaktext(WFText=f"{index_2}. {item_2}, {seconds} seconds. Go!")
        delay(WFDelayTime=seconds)
        vibrate(WFVibrateHapticType="Stop")
    # No rest after the last round.
    if index < rounds:
        speaktext(WFText="Rest for twenty seconds.")
        delay(WFDelayTime=20)
count = len(exercises)
per_round = count * seconds
work = per_round * rounds
minutes = work / 60
heading = [f"Workout done: {rounds} rounds, {minutes} minutes of work."]
Lines = heading
for item in exercises:
    line = f"✓ {item}"
    Lines += [line]
summary = text_combine(WFTextSeparator="New Lines", text=Lines)
showresult(Text=summary)
speaktext(WFText="Well done!")
