"""shortcuts2py: Apple Shortcuts files <-> Python-style workflow code."""
