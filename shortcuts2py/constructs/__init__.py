"""Each construct of the language in one module, both directions side by side.

A construct knows one plist shape and one code form.  ``lower_*`` turns the IR
of that shape into code nodes (``shortcuts2py.writer.nodes``) when the form can
say it exactly, and returns None otherwise so that the caller writes the
general form of that one value; ``parse_*`` reads the Python syntax tree of the
form back into the same IR.  ``tests/constructs/`` holds one exactness test per
module: lower, write, parse and compare.  The table lists every module, in the
order docs/constructs.md (made from their docstrings) shows them.

=================  ===============================================  ==============================
module             plist shape                                      code form
=================  ===============================================  ==============================
values             plist scalars, arrays, dictionaries               literals, [...], {...}
text               WFTextTokenString                                 "...", f"...{x}...", str("...")
variables          attachments: outputs, variables, globals,        names, x["key"], x.Name,
                   aggrandizements                                   str(x), x.as_type("URL")
dictionaries       WFDictionaryFieldValue                            {"key": value} in a dict parameter
structured         quantities, date offsets, shortcuts, apps         quantity(5, "min"), app(...)
filters            the filters of Find / Filter                      where(prop("Name") == "x")
calls              one action                                        name = function(Key=value)
assignments        Set / Append to / Get Variable                    X = y, X += [y], _ = X
value_actions      Text, Number, List, Dictionary, Calculate, Count  x = "a", n = 5, a + b, len(x)
operations         Change Case, Split Text, Get Item from List...    s.upper(), s.split(","), items[0]
conditions         the test of an If                                 ==, <, in, .startswith, and/or
ifs                If / Otherwise / End If                           if / elif / else
menus              Choose from Menu                                  match menu(...): case "A":
loops              Repeat, Repeat with Each                          for ... in range(n) / items
comments           Comment                                           # lines
header             the top-level keys                                shortcut(...)
=================  ===============================================  ==============================
"""
