"""`s2py render` in a real browser: Debian's chromium, headless.

For each page (the examples, and a few corpus shortcuts when ../shared is
there) the SVG and the HTML are rendered, and one chromium run per file
takes a screenshot, dumps the DOM it built and records a network log.  The
tests then check that the screenshots are real pictures, that the DOM has a
card per action nested as the blocks are, and that the page asked for
nothing over the network.

Chromium runs with the switches that keep it off the network: no background
services, and every host name resolved to "not found", so even the browser's
own housekeeping requests end before they leave the machine.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from shortcuts2py import api
from shortcuts2py.lift import lift_workflow
from shortcuts2py.render import render_html, render_svg
from tests.test_render import EXAMPLES, HtmlCards, corpus_sample, ir_depths, urls_in

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install -y chromium)"
)

SWITCHES = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
HTML_WINDOW = (800, 1600)
MAX_SVG_WINDOW_HEIGHT = 2000


@dataclass
class Shot:
    """What one chromium run over one rendered file left behind."""

    name: str
    page: Path
    window: tuple[int, int]
    screenshot: Path
    dom: str
    page_requests: list[str]
    expected: list[tuple[str, int]]  # (identifier, depth) of every action


def run_chromium(page: Path, window: tuple[int, int], out_dir: Path) -> tuple[Path, str, list[str]]:
    """Screenshot, DOM and page-initiated network requests of one file."""
    screenshot = out_dir / (page.name + ".png")
    net_log = out_dir / (page.name + ".netlog.json")
    with tempfile.TemporaryDirectory() as profile:
        args = [
            CHROMIUM,
            *SWITCHES,
            f"--user-data-dir={profile}",
            f"--window-size={window[0]},{window[1]}",
            f"--screenshot={screenshot}",
            f"--log-net-log={net_log}",
            "--dump-dom",
            page.resolve().as_uri(),
        ]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"chromium failed on {page.name}: {done.stderr[-400:]}"
    return screenshot, done.stdout, page_requests(net_log)


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network for.

    The browser's own requests (updates, time) carry a null isolation key;
    anything a file:// page asks for carries ``file://`` in it.
    """
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] == start_job and "url" in params and "file://" in params.get("network_isolation_key", ""):
            urls.append(params["url"])
    return urls


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and number of distinct decoded bytes of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    offset, width, height, pixels = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            pixels += body
        offset += 12 + length
    return width, height, len(set(zlib.decompress(pixels)))


def _pages() -> list[tuple[str, Path]]:
    corpus = corpus_sample(4)[1:]  # two mid-sized shortcuts and the largest
    return [(p.stem, p) for p in EXAMPLES] + [(f"corpus{i}", p) for i, p in enumerate(corpus)]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> list[Shot]:
    out_dir = tmp_path_factory.mktemp("render_browser")
    jobs = []
    for name, source in _pages():
        workflow = lift_workflow(api.load(source))
        expected = ir_depths(workflow.body)
        svg_page = out_dir / f"{name}.svg"
        svg_page.write_text(render_svg(workflow, name=source.stem), encoding="utf-8")
        root = ET.parse(svg_page).getroot()
        svg_window = (int(root.get("width")), min(int(root.get("height")), MAX_SVG_WINDOW_HEIGHT))
        html_page = out_dir / f"{name}.html"
        html_page.write_text(render_html(workflow, name=source.stem), encoding="utf-8")
        jobs += [(name, svg_page, svg_window, expected), (name, html_page, HTML_WINDOW, expected)]

    def one(job) -> Shot:
        name, page, window, expected = job
        screenshot, dom, requests = run_chromium(page, window, out_dir)
        return Shot(name, page, window, screenshot, dom, requests, expected)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, jobs))


def test_every_page_has_a_real_screenshot(shots):
    assert len(shots) >= 2 * len(EXAMPLES) >= 2
    for shot in shots:
        assert shot.screenshot.is_file(), f"no screenshot of {shot.page.name}"
        width, height, distinct = png_facts(shot.screenshot)
        assert (width, height) == shot.window, shot.page.name
        # A blank or single-colour page decodes to a handful of byte values.
        assert distinct > 40, f"{shot.page.name}: the screenshot is nearly blank"
        assert shot.screenshot.stat().st_size > 5_000


def test_html_dom_has_a_card_per_action_nested_as_the_blocks(shots):
    for shot in (s for s in shots if s.page.suffix == ".html"):
        dom = HtmlCards(shot.dom)
        assert [(c["identifier"], c["depth"]) for c in dom.cards] == shot.expected, shot.name
        mismatched = [c for c in dom.cards if c["nesting"] != c["depth"]]
        assert not mismatched, f"{shot.name}: cards nested wrongly: {mismatched[:3]}"


def test_svg_dom_has_a_card_per_action(shots):
    for shot in (s for s in shots if s.page.suffix == ".svg"):
        dom = HtmlCards(shot.dom)
        groups = [a for a in dom.attributes if a[0] == "data-depth"]
        assert len(groups) == len(shot.expected), shot.name
        assert [int(v) for _, v in groups] == [depth for _, depth in shot.expected], shot.name


def test_pages_load_nothing_from_the_network(shots):
    for shot in shots:
        assert shot.page_requests == [], f"{shot.page.name} asked for {shot.page_requests[:3]}"
        assert urls_in(HtmlCards(shot.dom).attributes) == [], shot.page.name


def test_the_network_check_would_notice_a_request(tmp_path):
    # A page that does ask for something: its request must show up in the
    # log (the host resolves to nothing, so no traffic leaves the machine).
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><p>probe</p><img src="http://render-probe.invalid/a.png">', encoding="utf-8")
    _, _, requests = run_chromium(probe, (400, 300), tmp_path)
    assert requests == ["http://render-probe.invalid/a.png"]
