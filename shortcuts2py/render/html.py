"""The view tree as one self-contained HTML page.

Styles are inline (``style.css`` plus a rule per palette colour) and the page
has no script; a Content-Security-Policy forbids loading anything, so even a
mistake could not make the page reach the network.  The structure is meant
to be read by programs as well as people:

* every action is an element of class ``card`` with ``data-identifier``,
  ``data-depth`` and ``data-role`` (action, comment, raw, start, middle, end);
* a block is an ``li.block`` holding its start card, one ``ol.block-body`` per
  section (after the section's opener card, if any) and its end card, so the
  number of ``ol.block-body`` around a card is its depth;
* a comment is a card of role ``comment`` whose text is a ``p.note``;
* a variable is a ``span.token`` with ``data-kind``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import markup, palette
from .values import Line, Token
from .view import Card, Group, Node, View

_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@lru_cache(maxsize=1)
def _style() -> str:
    css = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")
    colours = "".join(
        f".c-{name}{{--c:{value};--c-soft:{value}2e;--c-ink:{palette.ink(name)}}}"
        for name, value in palette.COLOURS.items()
    )
    return css + colours + "\n"


def render_html(view: View) -> str:
    out: list[str] = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{markup.text(view.name)}</title>\n<style>\n{_style()}</style>\n</head>\n<body>\n",
        f'<main class="shortcut" style="--shortcut:{view.colour}">\n',
        '<header class="shortcut-header"><span class="shortcut-icon"></span><div>',
        f"<h1>{markup.text(view.name)}</h1>",
        f"<p>{view.card_count} action{'s' if view.card_count != 1 else ''}</p></div></header>\n",
        '<ol class="actions">\n',
    ]
    _nodes(view.nodes, out)
    out.append("</ol>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def _nodes(nodes: list[Node], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, Group):
            _group(node, out)
        else:
            _card(node, out, "li")


def _group(group: Group, out: list[str]) -> None:
    out.append(
        f'<li class="block c-{group.start.colour}" data-kind="{group.kind}" '
        f'data-identifier="{markup.attr(group.identifier)}" data-depth="{group.depth}">\n'
    )
    _card(group.start, out, "div")
    for section in group.sections:
        if section.opener is not None:
            _card(section.opener, out, "div")
        # An empty section is written without whitespace so that CSS ``:empty`` hides it.
        out.append(f'<ol class="block-body" data-depth="{group.depth + 1}">' + ("\n" if section.body else ""))
        _nodes(section.body, out)
        out.append("</ol>\n")
    _card(group.end, out, "div")
    out.append("</li>\n")


def _card(card: Card, out: list[str], tag: str) -> None:
    out.append(
        f'<{tag} class="card {card.role} c-{card.colour}" data-identifier="{markup.attr(card.identifier)}" '
        f'data-depth="{card.depth}" data-role="{card.role}">'
    )
    out.append('<div class="card-head">')
    if card.role not in ("middle", "end"):
        out.append(f'<span class="tile" aria-hidden="true">{markup.text(_glyph(card.title))}</span>')
    out.append(f'<div class="head-text"><span class="title">{markup.text(card.title)}</span>')
    if card.summary:
        out.append(f'<span class="summary">{_line(card.summary)}</span>')
    if card.app:
        out.append(f'<span class="app">{markup.text(card.app)}</span>')
    out.append("</div></div>")
    if card.text:
        out.append(f'<p class="note">{_lines(card.text)}</p>')
    if card.fields:
        out.append('<dl class="params">')
        for field in card.fields:
            out.append(
                f'<dt data-key="{markup.attr(field.key)}">{markup.text(field.label)}</dt>'
                f'<dd><div class="value">{_lines(field.lines)}</div></dd>'
            )
        out.append("</dl>")
    out.append(f"</{tag}>\n")


def _lines(lines: list[Line]) -> str:
    return "<br>".join(_line(line) for line in lines)


def _line(line: Line) -> str:
    return "".join(_token(span) if isinstance(span, Token) else markup.text(span) for span in line)


def _token(token: Token) -> str:
    return (
        f'<span class="token c-{token.colour}" data-kind="{token.kind}" '
        f'title="{markup.attr(token.label)}">{markup.text(token.label)}</span>'
    )


def _glyph(title: str) -> str:
    return next((ch.upper() for ch in title if ch.isalnum()), "•")
