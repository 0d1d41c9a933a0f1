"""The view tree drawn as one self-contained SVG image.

The image must show the same in a browser and inline in a README, where
GitHub serves it through an image proxy that runs no script and loads
nothing else: so it holds only shapes, text and one internal style sheet,
uses a generic font stack, and places every piece of text itself (SVG does
not wrap).  Cards stack from top to bottom; a block's contents are indented
under its start card, with a line joining the start to the end.
"""

from __future__ import annotations

from . import markup, measure, palette
from .measure import Metrics, Run
from .values import Line
from .view import Card, Field, Group, Node, View

FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, "Noto Sans", sans-serif'

BASE_WIDTH = 720
MARGIN = 16
INDENT = 26
GAP = 8
MIN_CARD_WIDTH = 420
PAD_X = 12
TILE = 24
TEXT_X = PAD_X + TILE + 10  # where titles and values start inside a card
HEADER_HEIGHT = 64
TITLE_ROW = 26
ROW = 22
PAD_Y = 8
SMALL_CARD = 34  # Otherwise, a menu case, End If
MAX_FIELD_ROWS = 8
MAX_TEXT_ROWS = 14

TITLE_SIZE = 15
TEXT_SIZE = 13
LABEL_SIZE = 12
APP_SIZE = 11.5
BOLD = 1.07  # semibold titles run wider than regular text
METRICS = Metrics(size=TEXT_SIZE, token_size=12.5, token_pad=14, token_max=280)


def render_svg(view: View) -> str:
    deepest = _deepest(view.nodes, 0)
    width = max(BASE_WIDTH, 2 * MARGIN + deepest * INDENT + MIN_CARD_WIDTH)
    canvas = _Canvas(width)
    canvas.header(view)
    canvas.nodes(view.nodes)
    return canvas.finish(view)


def _deepest(nodes: list[Node], depth: int) -> int:
    deepest = depth
    for node in nodes:
        if isinstance(node, Group):
            for section in node.sections:
                deepest = max(deepest, _deepest(section.body, depth + 1))
    return deepest


def _style() -> str:
    rules = [
        f"text{{font-family:{FONT};font-size:{TEXT_SIZE}px;fill:#1c1c1e}}",
        ".bg{fill:#f2f2f7}",
        ".cb{fill:#fff;stroke:#e0e0e6}",
        ".nb{fill:#fffbea;stroke:#efe3a6}",
        f".ti{{font-size:{TITLE_SIZE}px;font-weight:600}}",
        f".sm{{font-size:{TITLE_SIZE - 1}px;font-weight:600}}",
        f".en{{font-size:{TITLE_SIZE - 1}px;fill:#6e6e73}}",
        f".lb{{font-size:{LABEL_SIZE}px;fill:#6e6e73}}",
        f".ap{{font-size:{APP_SIZE}px;fill:#8e8e93}}",
        ".gl{font-size:13px;font-weight:700;fill:#fff}",
        ".hn{font-size:20px;font-weight:700}",
        ".hc{font-size:13px;fill:#6e6e73}",
        f".tk{{font-size:{METRICS.token_size}px;font-weight:500}}",
        ".ln{stroke-width:2;stroke-linecap:round;fill:none}",
    ]
    for name, hex_value in palette.COLOURS.items():
        rules.append(
            f".f-{name}{{fill:{hex_value}}}.p-{name}{{fill:{hex_value};fill-opacity:.16}}"
            f".k-{name}{{fill:{palette.ink(name)}}}.s-{name}{{stroke:{hex_value};stroke-opacity:.45}}"
        )
    return "".join(rules)


class _Canvas:
    def __init__(self, width: int):
        self.width = width
        self.y = MARGIN
        self.under: list[str] = []  # block connectors, drawn below the cards
        self.parts: list[str] = []

    # --- the whole picture --------------------------------------------------

    def header(self, view: View) -> None:
        x, y = MARGIN, self.y
        self.parts.append(f'<rect x="{x}" y="{y + 8}" width="40" height="40" rx="10" fill="{view.colour}"/>')
        name = measure.truncate(view.name, self.width - 2 * MARGIN - 56, 20)
        self.parts.append(f'<text class="hn" x="{x + 52}" y="{y + 26}">{markup.text(name)}</text>')
        count = f"{view.card_count} action{'s' if view.card_count != 1 else ''}"
        self.parts.append(f'<text class="hc" x="{x + 52}" y="{y + 45}">{count}</text>')
        self.y += HEADER_HEIGHT

    def finish(self, view: View) -> str:
        height = int(self.y + MARGIN - GAP)
        label = markup.attr(f"Shortcut {view.name}")
        return "".join(
            [
                f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{height}" '
                f'viewBox="0 0 {self.width} {height}" role="img" aria-label="{label}">',
                f"<title>{markup.text(view.name)}</title>",
                f"<style>{_style()}</style>",
                f'<rect class="bg" width="{self.width}" height="{height}" rx="14"/>',
                *self.under,
                *self.parts,
                "</svg>\n",
            ]
        )

    def nodes(self, nodes: list[Node]) -> None:
        for node in nodes:
            if isinstance(node, Group):
                self.group(node)
            else:
                self.card(node)

    def group(self, group: Group) -> None:
        x = self.left(group.depth)
        self.card(group.start)
        top = self.y - GAP
        for section in group.sections:
            if section.opener is not None:
                self.card(section.opener)
            self.nodes(section.body)
        bottom = self.y
        self.card(group.end)
        line_x = x + PAD_X + TILE / 2
        self.under.append(f'<path class="ln s-{group.start.colour}" d="M{line_x} {top}V{bottom}"/>')

    def left(self, depth: int) -> int:
        return MARGIN + depth * INDENT

    # --- one card -----------------------------------------------------------

    def card(self, card: Card) -> None:
        x = self.left(card.depth)
        w = self.width - MARGIN - x
        if card.role in ("middle", "end"):
            self.small_card(card, x, w)
        else:
            self.full_card(card, x, w)
        self.y += GAP

    def full_card(self, card: Card, x: int, w: int) -> None:
        content = w - TEXT_X - PAD_X
        summary_rows = measure.wrap(card.summary, content, METRICS) if card.summary else []
        title = card.title
        caption = measure.truncate(card.app, content * 0.35, APP_SIZE) if card.app else ""
        title_room = content - (measure.width(caption, APP_SIZE) + 12 if caption else 0)
        title = measure.truncate(title, title_room, TITLE_SIZE)
        title_w = measure.width(title, TITLE_SIZE) * BOLD + 8
        inline_summary = len(summary_rows) == 1 and _row_width(summary_rows[0]) <= title_room - title_w and not caption
        rows: list[tuple[str | None, list[Run]]] = [] if inline_summary else [(None, r) for r in summary_rows]
        rows += self.field_rows(card.fields, content)
        if card.role == "comment":
            rows += [(None, r) for r in self.text_rows(card.text, content + TILE + 10)]
        height = PAD_Y * 2 + TITLE_ROW + len(rows) * ROW
        top = self.y
        box = "nb" if card.role == "comment" else "cb"
        self.parts.append(
            f'<g data-identifier="{markup.attr(card.identifier)}" data-depth="{card.depth}">'
            f'<rect class="{box}" x="{x + .5}" y="{top + .5}" width="{w - 1}" height="{height - 1}" rx="12"/>'
        )
        tile_y = top + PAD_Y + (TITLE_ROW - TILE) / 2
        self.parts.append(
            f'<rect class="f-{card.colour}" x="{x + PAD_X}" y="{tile_y}" width="{TILE}" height="{TILE}" rx="6"/>'
            f'<text class="gl" x="{x + PAD_X + TILE / 2}" y="{tile_y + 17}" text-anchor="middle">'
            f"{markup.text(_glyph(card))}</text>"
        )
        baseline = top + PAD_Y + 18
        self.parts.append(f'<text class="ti" x="{x + TEXT_X}" y="{baseline}">{markup.text(title)}</text>')
        if caption:
            self.parts.append(
                f'<text class="ap" x="{x + w - PAD_X}" y="{baseline}" text-anchor="end">{markup.text(caption)}</text>'
            )
        if inline_summary:
            self.runs(summary_rows[0], x + TEXT_X + title_w, baseline - 0.5)
        row_top = top + PAD_Y + TITLE_ROW
        text_x = x + TEXT_X if card.role != "comment" else x + PAD_X
        for label, runs in rows:
            self.row(label, runs, text_x, row_top, content)
            row_top += ROW
        self.parts.append("</g>")
        self.y = top + height

    def small_card(self, card: Card, x: int, w: int) -> None:
        content = w - 2 * PAD_X
        css = "en" if card.role == "end" else "sm"
        title = measure.truncate(card.title, content, TITLE_SIZE - 1)
        title_w = measure.width(title, TITLE_SIZE - 1) * BOLD + (8 if title else 0)
        summary_rows = measure.wrap(card.summary, content - title_w, METRICS) if card.summary else []
        rows: list[tuple[str | None, list[Run]]] = [(None, r) for r in summary_rows[1:]]
        rows += self.field_rows(card.fields, content - TEXT_X + PAD_X)
        height = SMALL_CARD + len(rows) * ROW
        top = self.y
        self.parts.append(
            f'<g data-identifier="{markup.attr(card.identifier)}" data-depth="{card.depth}">'
            f'<rect class="cb" x="{x + .5}" y="{top + .5}" width="{w - 1}" height="{height - 1}" rx="10"/>'
        )
        baseline = top + 22
        self.parts.append(f'<text class="{css}" x="{x + PAD_X + 2}" y="{baseline}">{markup.text(title)}</text>')
        if summary_rows:
            self.runs(summary_rows[0], x + PAD_X + 2 + title_w, baseline - 0.5)
        row_top = top + SMALL_CARD - 6
        for label, runs in rows:
            self.row(label, runs, x + PAD_X + 2, row_top, content)
            row_top += ROW
        self.parts.append("</g>")
        self.y = top + height

    # --- rows of text and tokens -------------------------------------------

    def field_rows(self, fields: list[Field], content: float) -> list[tuple[str | None, list[Run]]]:
        label_w = min(130.0, content * 0.3)
        rows: list[tuple[str | None, list[Run]]] = []
        for field in fields:
            value_w = content - label_w if field.label else content
            wrapped = _limit(_wrap_lines(field.lines, value_w, MAX_FIELD_ROWS), MAX_FIELD_ROWS) or [[]]
            label = measure.truncate(field.label, label_w - 8, LABEL_SIZE)
            for i, runs in enumerate(wrapped):
                if field.label:
                    runs = [Run(r.x + label_w, r.text, r.token, r.width) for r in runs]
                rows.append((label if i == 0 else None, runs))
        return rows

    def text_rows(self, lines: list[Line], content: float) -> list[list[Run]]:
        return _limit(_wrap_lines(lines, content, MAX_TEXT_ROWS), MAX_TEXT_ROWS)

    def row(self, label: str | None, runs: list[Run], x: float, top: float, content: float) -> None:
        baseline = top + 15
        if label:
            self.parts.append(f'<text class="lb" x="{x}" y="{baseline}">{markup.text(label)}</text>')
        self.runs(runs, x, baseline)

    def runs(self, runs: list[Run], x: float, baseline: float) -> None:
        pending: list[Run] = []  # adjacent text runs, written as one element

        def flush(before_token: bool) -> None:
            if not pending:
                return
            joined = "".join(r.text for r in pending)
            # Text that a pill follows is stretched or squeezed to its estimated
            # width, so that the pill neither overlaps it nor floats away.
            fit = ""
            if before_token:
                span = pending[-1].x + pending[-1].width - pending[0].x
                fit = f' textLength="{span:.1f}" lengthAdjust="spacing"'
            self.parts.append(
                f'<text x="{x + pending[0].x:.1f}" y="{baseline}" xml:space="preserve"{fit}>{markup.text(joined)}</text>'
            )
            pending.clear()

        for run in runs:
            if run.token is None:
                pending.append(run)
                continue
            flush(before_token=True)
            c = run.token.colour
            left = x + run.x
            self.parts.append(
                f'<rect class="p-{c}" x="{left:.1f}" y="{baseline - 14}" width="{run.width:.1f}" height="19" rx="5"/>'
                f'<text class="tk k-{c}" x="{left + run.width / 2:.1f}" y="{baseline}" text-anchor="middle">'
                f"{markup.text(run.text)}</text>"
            )
        flush(before_token=False)


def _row_width(runs: list[Run]) -> float:
    return runs[-1].x + runs[-1].width if runs else 0.0


def _wrap_lines(lines: list[Line], limit: float, most: int) -> list[list[Run]]:
    """The rows of several lines, stopping after ``most`` + 1 of them."""
    rows: list[list[Run]] = []
    for line in lines:
        rows += measure.wrap(line, limit, METRICS, max_rows=most + 1 - len(rows))
        if len(rows) > most:
            break
    return rows


def _limit(rows: list[list[Run]], most: int) -> list[list[Run]]:
    """At most ``most`` rows, the last saying that more were left out."""
    if len(rows) <= most:
        return rows
    return rows[: most - 1] + [[Run(0, "… more", None, 0)]]


def _glyph(card: Card) -> str:
    """The letter drawn on a card's tile (the app's glyphs are its own art)."""
    for ch in card.title:
        if ch.isalnum():
            return ch.upper()
    return "•"
