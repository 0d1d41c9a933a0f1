"""`s2py render`: a shortcut drawn as the Shortcuts editor shows it.

``view`` turns the IR into a tree of cards (titles, colours, parameters,
variables as tokens, blocks with their sections); ``svg`` and ``html`` draw
that tree.  ``values`` is the one place that reads IR value nodes.
"""

from __future__ import annotations

from .. import ir
from . import html as _html
from . import svg as _svg
from .view import View, build_view

FORMATS = ("svg", "html")


def render_svg(workflow: ir.Workflow, *, name: str) -> str:
    """A self-contained SVG image of the workflow (no script, no external
    resource), sized to its content.  ``name`` titles it."""
    return _svg.render_svg(build_view(workflow, name=name))


def render_html(workflow: ir.Workflow, *, name: str) -> str:
    """A self-contained HTML page of the workflow (inline styles, no script,
    a policy that forbids loading anything)."""
    return _html.render_html(build_view(workflow, name=name))


def render(workflow: ir.Workflow, *, name: str, fmt: str) -> str:
    """``render_svg`` or ``render_html`` by format name (one of ``FORMATS``)."""
    if fmt == "svg":
        return render_svg(workflow, name=name)
    if fmt == "html":
        return render_html(workflow, name=name)
    raise ValueError(f"unknown render format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "View", "build_view", "render", "render_html", "render_svg"]
