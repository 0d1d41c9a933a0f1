from s2py_actions import *

# Greeting: ask for your name and say hello.
name = ask(WFAskActionPrompt="What is your name?", WFAskActionDefaultAnswer="friend")
showresult(Text=f"Hello, {name}! Have a good day.")
