"""Writing decompiled code: a small code model and a writer that lays it out
exactly as black (stable style, string normalisation off) would, without
running black.

``write_module`` turns a list of statements (``writer.nodes``) into source
text; ``number_text`` spells a number as black spells it; ``text_width`` is
the line width black measures.

What the writer relies on (the nodes' texts are written as they are):

* ``String`` text is one literal on one line, quotes chosen by the caller
  (``literals.string_source``/``bytes_source``); ``Number`` text comes from
  ``number_text``; names are identifiers.
* A block holds at least one statement that is not a comment or blank line
  (``Pass()`` for an empty one).
* No bare string as an expression statement (black would treat one at the
  start of a block as a docstring).
* Comment lines are written at the indentation of the block that holds them,
  as black keeps them: a ``CommentLines`` that ends an ``if`` body stays in
  that body, above ``else:``/``elif``/the next ``case``.
"""

__all__ = ["write_module", "number_text", "text_width"]


def __getattr__(name: str):
    # Loaded when first asked for: compiling needs only the code model
    # (writer.nodes), and the layout modules cost a fifth of its start-up.
    if name == "write_module":
        from .layout import write_module

        return write_module
    if name == "number_text":
        from .numbers import number_text

        return number_text
    if name == "text_width":
        from .width import text_width

        return text_width
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
