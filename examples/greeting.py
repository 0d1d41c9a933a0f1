from s2py_actions import *

# Greeting: ask for your name and say hello.
name = ask(prompt="What is your name?", default_answer="friend")
showresult(result=f"Hello, {name}! Have a good day.")
