"""Writing decompiled code: a small code model and a writer that lays it out
exactly as black would, without running black.

``write_module`` turns a list of statements (``writer.nodes``) into source
text; ``number_text`` spells a number as black spells it; ``text_width`` is the
line width black measures.
"""

from .layout import write_module
from .numbers import number_text
from .width import text_width

__all__ = ["write_module", "number_text", "text_width"]
