#!/usr/bin/env python3
"""The HTML handbook as a browser shows it: headless Chromium (Debian's `chromium`) renders the
handbooks of KB... at a desktop width (1280 px) and a phone width (390 px) and prints them on A4.

Usage: handbook_browser_test.py REDFLAG OUT_DIR KB...

For each KB, at each width, the DOM must show:
- lists in topic and rationale text as <li> items, and no paragraph with a list marker left in it;
- no element wider than its box (scrollWidth against clientWidth), the page no wider than the
  screen; only the diagram's box may scroll sideways, and only where the diagram does not fit;
- the diagram's text at 9 px or more (a 12-unit font in its viewBox, as drawn);
- KB text as text: a title with `<b>` in it stays the characters `<b>`.
Printed on A4 (Page.printToPDF, the handbook's own print CSS), the handbook takes at most one
page more than its print layout's height divided by the page height: no page left half empty by a
block that would not split. OUT_DIR receives each handbook, a full-page screenshot per width
(NAME-1280.png, NAME-390.png) and the PDF. Chromium is driven through the DevTools protocol on
a pipe (--remote-debugging-pipe: JSON messages ended by NUL on file descriptors 3 and 4).
Without Chromium the test exits 77, which CTest reports as skipped, saying so.
"""
import base64
import fcntl
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
WIDTHS = (1280, 390)
MM = 96 / 25.4  # CSS pixels per millimetre
# A4 less the handbook's @page margins (16 mm top and bottom, 14 mm left and right).
PRINT_WIDTH, PRINT_HEIGHT = (210 - 2 * 14) * MM, (297 - 2 * 16) * MM

# Runs in the page: what the checks need, as one JSON-able object.
PROBE = r"""(() => {
  const main = document.querySelector('main');
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const overflowing = [], scrolling = [];
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('svg') || getComputedStyle(el).display.startsWith('inline')) continue;
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
                 ' "' + el.textContent.trim().slice(0, 40) + '"';
    (scrolls(el) ? scrolling : overflowing).push(name + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
  const svg = main.querySelector('svg.diagram');
  const lists = [...main.querySelectorAll('section.card')].map(card => ({
    title: card.querySelector('h3').textContent,
    lists: [...card.querySelectorAll(':scope > ul, :scope > ol')].map(list =>
      list.tagName.toLowerCase() + (list.start > 1 ? list.start : '') + ':' + list.children.length),
  }));
  return {
    viewport: document.querySelector('meta[name=viewport]')?.content ?? '',
    pageWidth: document.scrollingElement.scrollWidth, screenWidth: innerWidth,
    overflowing, scrolling,
    diagramFontPx: svg ? 12 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0,
    markerParagraphs: [...main.querySelectorAll('p')].map(p => p.textContent)
                        .filter(text => /(^|[:;.]\s+)([-*•]|1[.)])\s/.test(text)),
    lists,
    headings: [...main.querySelectorAll('h3')].map(h => h.textContent),
    boldInHeadings: main.querySelectorAll('h3 b, h1 b').length,
    height: document.documentElement.scrollHeight,
  };
})()"""


class Chromium:
    """One headless Chromium and one page in it, spoken to through the DevTools protocol."""

    def __init__(self, executable, profile):
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def child_fds():  # the pipe's ends as the browser's fds 3 (commands) and 4 (replies)
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands_read, replies_write)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, close_fds=False)
        os.close(commands_read)
        os.close(replies_write)
        self.buffer, self.next_id, self.events = b"", 0, []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def call(self, method, session=False, **params):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = self.session
        os.write(self.commands, json.dumps(request).encode() + b"\0")
        while True:
            reply = self.message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply.get("method"))

    def load(self, url, width, height, media=""):
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=round(width), height=round(height),
                  deviceScaleFactor=1, mobile=width < 600)
        self.call("Emulation.setEmulatedMedia", session=True, media=media)
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        while "Page.loadEventFired" not in self.events:
            self.events.append(self.message().get("method"))

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)["result"]["value"]

    def screenshot(self, path, width, height):
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=True, clip=clip)
        with open(path, "wb") as out:
            out.write(base64.b64decode(data["data"]))

    def pdf(self):
        data = self.call("Page.printToPDF", session=True, preferCSSPageSize=True, printBackground=True)
        return base64.b64decode(data["data"])

    def close(self):
        self.process.kill()
        self.process.wait()
        os.close(self.commands)
        os.close(self.replies)


def check_screen(name, width, probe, failures):
    where = f"{name} at {width} px"
    if "width=device-width" not in probe["viewport"]:
        failures.append(f"{where}: no viewport meta with width=device-width")
    if probe["pageWidth"] > probe["screenWidth"]:
        failures.append(f"{where}: the page is {probe['pageWidth']} px wide on a {probe['screenWidth']} px screen")
    failures += [f"{where}: overflows its box: {element}" for element in probe["overflowing"]]
    if width >= 1024 and probe["scrolling"]:
        failures.append(f"{where}: scrolls sideways on a desktop screen: {probe['scrolling']}")
    if probe["diagramFontPx"] < 9:
        failures.append(f"{where}: the diagram's text is {probe['diagramFontPx']:.1f} px, too small to read")
    failures += [f"{where}: a list marker left in a paragraph: {text[:80]!r}" for text in probe["markerParagraphs"]]
    if probe["boldInHeadings"]:
        failures.append(f"{where}: KB text became markup: <b> inside a heading")


def check_print(name, pdf, height, failures):
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    least = math.ceil(height / PRINT_HEIGHT)
    print(f"{name}: printed on {pages} A4 pages; its print layout is {height} px tall, {least} pages at least")
    if pages > least + 1:
        failures.append(f"{name}: printed on {pages} A4 pages where {least} would hold it: pages left part empty")


def main():
    redflag, out_dir, kbs = sys.argv[1], sys.argv[2], sys.argv[3:]
    executable = os.environ.get("REDFLAG_CHROMIUM") or shutil.which("chromium")
    if not executable:
        print("SKIP: Chromium is not installed (Debian: apt-get install chromium; .ci/setup installs it)")
        return SKIP
    os.makedirs(out_dir, exist_ok=True)
    failures, probes = [], {}
    with tempfile.TemporaryDirectory() as profile:
        browser = Chromium(executable, profile)
        try:
            for kb in kbs:
                name = os.path.splitext(os.path.basename(kb.rstrip("/")))[0]
                html = os.path.join(out_dir, name + ".html")
                subprocess.run([redflag, "doc", kb, "--format", "html", "-o", html], check=True)
                url = "file://" + os.path.abspath(html)
                for width in WIDTHS:
                    browser.load(url, width, 900)
                    probe = probes[(name, width)] = browser.evaluate(PROBE)
                    check_screen(name, width, probe, failures)
                    browser.screenshot(os.path.join(out_dir, f"{name}-{width}.png"), width, probe["height"])
                browser.load(url, PRINT_WIDTH, PRINT_HEIGHT, media="print")
                height = browser.evaluate("document.documentElement.scrollHeight")
                pdf = browser.pdf()
                with open(os.path.join(out_dir, name + ".pdf"), "wb") as out:
                    out.write(pdf)
                check_print(name, pdf, height, failures)
        finally:
            browser.close()
    for (name, width), probe in probes.items():
        print(f"{name} at {width} px: diagram text {probe['diagramFontPx']:.1f} px, "
              f"sideways scrolling in {len(probe['scrolling'])} box(es), lists {[c for c in probe['lists'] if c['lists']]}")
    expected_lists = expectations()
    for (name, width), probe in probes.items():
        shown = {card["title"]: card["lists"] for card in probe["lists"]}
        for title, lists in expected_lists.get(name, {}).items():
            if shown.get(title) != lists:
                failures.append(f"{name} at {width} px: card {title!r} has lists {shown.get(title)}, not {lists}")
    for failure in failures:
        print("FAIL:", failure)
    print(f"screenshots and PDFs in {out_dir}")
    return 1 if failures else 0


def expectations():
    """The lists the KBs' text has, as `tag[start]:items`, by card title."""
    return {
        "back_pain": {"Red flags: warning signs of a deeper pathology": ["ul:4"]},
        "small": {"Work-up": ["ul:2", "ol:2", "ol3:1"],
                  "Weight loss of 10 lb or more": ["ul:1"]},
    }


if __name__ == "__main__":
    sys.exit(main())
