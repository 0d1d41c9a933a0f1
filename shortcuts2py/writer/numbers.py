"""Numeric literals spelled as black spells them."""

from __future__ import annotations

import math


def number_text(value: int | float) -> str:
    """The literal for a non-negative int or finite float, in black's form.

    ``repr`` is exact for floats; black then lowercases the exponent marker and
    drops a ``+`` after it (``1e+16`` -> ``1e16``).  A negative number is a
    unary minus in the code model, so it is refused here, as are booleans
    (they are names) and NaN or infinity (they have no literal).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"number_text takes an int or a float, not {type(value).__name__}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("number_text takes a non-negative number; write -x as UnaryOp('-', ...)")
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"{value!r} has no numeric literal")
    if math.copysign(1.0, value) < 0:
        raise ValueError("number_text takes a non-negative number; write -x as UnaryOp('-', ...)")
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{exponent.lstrip('+')}"
    return text
