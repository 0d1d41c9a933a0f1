from s2py_actions import *

shortcut(types="Watch", inputs=None, icon=("red", 59788))
# Interval workout: rounds of timed exercises with a spoken cue for each,
# a short rest between rounds, and a summary at the end.
exercises = ["Jumping jacks", "Push-ups", "Squats", "Plank"]
rounds = ask(default_answer_number="3", prompt="How many rounds?", input_type="Number")
seconds = ask(
    default_answer_number="40", prompt="Seconds per exercise?", input_type="Number"
)
speaktext(text="Get ready.")
# Three clicks to count in.
for _ in range(3):
    vibrate(haptic_pattern="Click")
    delay(time=1)
for index in range(1, rounds + 1):
    speaktext(text=f"Round {index}")
    for index_2, item_2 in enumerate(exercises, start=1):
        speaktext(text=f"{index_2}. {item_2}, {seconds} seconds. Go!")
        delay(time=seconds)
        vibrate(haptic_pattern="Stop")
    # No rest after the last round.
    if index < rounds:
        speaktext(text="Rest for twenty seconds.")
        delay(time=20)
count = len(exercises)
per_round = count * seconds
work = per_round * rounds
minutes = work / 60
heading = [f"Workout done: {rounds} rounds, {minutes} minutes of work."]
Lines = heading
for item in exercises:
    line = f"✓ {item}"
    Lines += [line]
summary = text_combine(separator="New Lines", text=Lines)
showresult(result=summary)
speaktext(text="Well done!")
