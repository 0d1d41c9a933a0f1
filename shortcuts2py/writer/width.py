"""How wide a line is, measured the way black measures it.

black counts a character as two columns when it is East Asian Wide or
Fullwidth (its table comes from ``wcwidth`` for Unicode 17) and as one column
otherwise: combining marks and control characters count one, not zero.  The
rule here derives the same answer from ``unicodedata`` and a short list of the
wide characters that Python's older Unicode database does not know yet.
"""

from __future__ import annotations

import re
import unicodedata

# Wide in Unicode 15-17 (or made wide there: the I Ching symbols, the Tai Xuan
# Jing and counting-rod blocks), unassigned or narrow in Unicode 14.
_LATER_WIDE = (
    (0x2630, 0x2637),
    (0x268A, 0x268F),
    (0x2FFC, 0x2FFF),
    (0x31E4, 0x31E5),
    (0x31EF, 0x31EF),
    (0x4DC0, 0x4DFF),
    (0xFA6E, 0xFA6F),
    (0xFADA, 0xFAFF),
    (0x16FF2, 0x16FF6),
    (0x187F8, 0x187FF),
    (0x18CFF, 0x18CFF),
    (0x18D09, 0x18D1E),
    (0x18D80, 0x18DF2),
    (0x1B132, 0x1B132),
    (0x1B155, 0x1B155),
    (0x1D300, 0x1D356),
    (0x1D360, 0x1D376),
    (0x1F6D8, 0x1F6D8),
    (0x1F6DC, 0x1F6DC),
    (0x1FA75, 0x1FA77),
    (0x1FA87, 0x1FA8A),
    (0x1FA8E, 0x1FA8F),
    (0x1FAAD, 0x1FAAF),
    (0x1FABB, 0x1FABF),
    (0x1FAC6, 0x1FAC6),
    (0x1FAC8, 0x1FAC8),
    (0x1FACD, 0x1FACF),
    (0x1FADA, 0x1FADC),
    (0x1FADF, 0x1FADF),
    (0x1FAE8, 0x1FAEA),
    (0x1FAEF, 0x1FAEF),
    (0x1FAF7, 0x1FAF8),
)

_wide_cache: dict[str, bool] = {}


def _is_wide(char: str) -> bool:
    code = ord(char)
    if code < 0x1100:  # nothing below the Hangul Jamo block is wide
        return False
    # The whole of planes 2 and 3 is wide, assigned or not.
    if 0x20000 <= code <= 0x2FFFD or 0x30000 <= code <= 0x3FFFD:
        return True
    for start, end in _LATER_WIDE:
        if start <= code <= end:
            return True
    category = unicodedata.category(char)
    # Unassigned code points are narrow, and so are combining marks and the
    # emoji skin-tone modifiers even where Unicode calls them wide.
    if category == "Cn" or category[0] == "M" or 0x1F3FB <= code <= 0x1F3FF:
        return False
    return unicodedata.east_asian_width(char) in ("W", "F")


def char_width(char: str) -> int:
    """Columns one character takes: 2 when wide, else 1."""
    wide = _wide_cache.get(char)
    if wide is None:
        wide = _wide_cache[char] = _is_wide(char)
    return 2 if wide else 1


# Characters that might be wide: nothing below U+1100 is.
_MAYBE_WIDE = re.compile("[\u1100-\U0010ffff]")


def text_width(text: str) -> int:
    """Columns ``text`` takes on a line, as black counts them."""
    if text.isascii():
        return len(text)
    cache = _wide_cache
    wide = 0
    for char in _MAYBE_WIDE.findall(text):
        known = cache.get(char)
        if known is None:
            known = cache[char] = _is_wide(char)
        if known:
            wide += 1
    return len(text) + wide
