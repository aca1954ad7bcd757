#!/usr/bin/env python3
"""The HTML handbook as a browser shows it: headless Chromium (Debian's `chromium`) renders the
handbooks of KB... at a desktop width (1280 px) and a phone width (390 px) and prints them on A4.

Usage: handbook_browser_test.py REDFLAG RENDERERS OUT_DIR KB...

For each KB, at each width, the DOM must show:
- lists in topic and rationale text as <li> items, and no paragraph with a list marker left in it;
- no element wider than its box (scrollWidth against clientWidth), the page no wider than the
  screen; only the diagram's box may scroll sideways, and only where the diagram does not fit;
- the diagram's text at 9 px or more (a 12-unit font in its viewBox, as drawn);
- KB text as text: a title with `<b>` in it stays the characters `<b>`.
Printed on A4 (Page.printToPDF, the handbook's own print CSS), the handbook takes at most one
page more than its print layout's height divided by the page height, and, read back with
pdftotext (poppler-utils) where it is installed, no page but the last ends above its middle and
the overview's heading shares its page with the whole diagram. The Markdown handbook, rendered in the same browser by marked (a
CommonMark renderer) and Mermaid (as GitHub draws diagrams) from RENDERERS/node_modules (pinned
by RENDERERS/package-lock.json), must show the same lists, item for item, as the HTML, and
Mermaid's flag boxes the flag titles character for character; without those packages this part
is left out, saying so. OUT_DIR receives each handbook, a full-page screenshot per width
(NAME-1280.png, NAME-390.png, NAME-markdown.png) and the PDF. Chromium is driven through the DevTools protocol on
a pipe (--remote-debugging-pipe: JSON messages ended by NUL on file descriptors 3 and 4).
Without Chromium the test exits 77, which CTest reports as skipped, saying so.
"""
import base64
import fcntl
import html
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

# A list as `tag[start]` and its items' text: `ol3` is a numbered list starting at 3.
LIST_SHAPE = r"""(list => ({shape: list.tagName.toLowerCase() + (list.start > 1 ? list.start : ''),
                  items: [...list.children].map(item => item.textContent.trim())}))"""

# Runs in the page: what the checks need, as one JSON-able object.
PROBE = r"""(() => {
  const LIST_SHAPE = """ + LIST_SHAPE + r""";
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
    lists: [...card.querySelectorAll(':scope > ul, :scope > ol')].map(LIST_SHAPE),
  }));
  return {
    viewport: document.querySelector('meta[name=viewport]')?.content ?? '',
    pageWidth: document.scrollingElement.scrollWidth, screenWidth: innerWidth,
    overflowing, scrolling,
    diagramFontPx: svg ? 12 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0,
    markerParagraphs: [...main.querySelectorAll('p')].map(p => p.textContent)
                        .filter(text => /(^|[:;.]\s+)([-*•]|1[.)])\s/.test(text)),
    lists,
    flagTitles: [...main.querySelectorAll('h3[id^="flag-"]')].map(h => h.textContent),
    diagramLabels: svg ? [...svg.querySelectorAll('g > text')].map(text => text.textContent) : [],
    boldInHeadings: main.querySelectorAll('h3 b, h1 b').length,
    height: document.documentElement.scrollHeight,
  };
})()"""


# Runs in a page that has the Markdown handbook (MARKDOWN), marked and Mermaid: the lists
# under each heading as marked renders them (less the field list "- **Label:** value" under
# it), and the text of each node of the Mermaid diagram as Mermaid draws it.
MARKDOWN_PROBE = r"""(async () => {
  const LIST_SHAPE = """ + LIST_SHAPE + r""";
  const page = document.getElementById('markdown');
  page.innerHTML = marked.parse(MARKDOWN);
  const lists = [];
  for (const heading of page.querySelectorAll('h3')) {
    const found = [];
    for (let at = heading.nextElementSibling; at && !/^H[1-3]$/.test(at.tagName); at = at.nextElementSibling) {
      const fields = [...at.children].every(item => item.firstElementChild?.tagName === 'STRONG');
      if ((at.tagName === 'UL' || at.tagName === 'OL') && !fields) found.push(LIST_SHAPE(at));
    }
    lists.push({title: heading.textContent, lists: found});
  }
  mermaid.initialize({startOnLoad: false});
  const code = MARKDOWN.match(/```mermaid\n([\s\S]*?)```/)[1];
  const diagram = document.getElementById('diagram');
  diagram.innerHTML = (await mermaid.render('overview', code)).svg;
  const labels = [...diagram.querySelectorAll('g.node')].map(node => ({
    id: node.id, text: node.textContent.trim(), markup: node.querySelectorAll('b, i, strong, em').length}));
  return {lists, labels};
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
        reply = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                          awaitPromise=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"in the page: {reply['exceptionDetails']}")
        return reply["result"]["value"]

    def screenshot(self, path, width, height):
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=True, clip=clip)
        with open(path, "wb") as out:
            out.write(base64.b64decode(data["data"]))

    def pdf(self):
        data = self.call("Page.printToPDF", session=True, preferCSSPageSize=True, printBackground=True)
        return base64.b64decode(data["data"])

    def close(self):
        """Asks the browser to quit, which ends its helper processes too; kills it if it hangs."""
        try:
            os.write(self.commands, json.dumps({"id": self.next_id + 1, "method": "Browser.close"}).encode() + b"\0")
            self.process.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
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


def pdf_pages(path):
    """Each page of the PDF at PATH as (how far down its lowest word ends, 0 to 1; its words),
    read by poppler's pdftotext -bbox."""
    text = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, stdout=subprocess.PIPE, text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', text, re.S):
        words = re.findall(r'yMax="([\d.]+)">([^<]*)</word>', page.group(2))
        bottom = max((float(y) for y, _ in words), default=0) / float(page.group(1))
        pages.append((bottom, [html.unescape(word) for _, word in words]))
    return pages


def check_print_pages(name, path, diagram_labels, failures):
    """No page but the last ends above its middle; the overview's heading and diagram share a page."""
    pages = pdf_pages(path)
    print(f"{name}: each page filled to " + ", ".join(f"{bottom:.0%}" for bottom, _ in pages))
    for number, (bottom, _) in enumerate(pages[:-1], 1):
        if bottom < 0.5:
            failures.append(f"{name}: printed page {number} of {len(pages)} ends at {bottom:.0%} of its height")
    heading = next((number for number, (_, words) in enumerate(pages, 1) if "Overview:" in words), None)
    if heading is None:
        failures.append(f"{name}: no printed page has the heading \"Overview:\"")
        return
    on_page = set(pages[heading - 1][1])
    apart = [label for label in diagram_labels if label.split()[0] not in on_page]
    if apart:
        failures.append(f"{name}: the diagram's boxes {apart} are not printed on page {heading}, with its heading")


def markdown_page(markdown, renderers):
    """An HTML page that loads marked and Mermaid from RENDERERS and holds MARKDOWN."""
    scripts = "".join(f'<script src="file://{os.path.join(renderers, "node_modules", path)}"></script>\n'
                      for path in ("marked/lib/marked.umd.js", "mermaid/dist/mermaid.min.js"))
    return (f'<!DOCTYPE html>\n<meta charset="utf-8">\n{scripts}<script>const MARKDOWN = {json.dumps(markdown)};</script>\n'
            '<div id="markdown"></div>\n<div id="diagram"></div>\n')


def check_markdown(name, rendered, html_probe, failures):
    """Marked's lists and Mermaid's labels against what the HTML handbook shows."""
    html_lists = {card["title"]: card["lists"] for card in html_probe["lists"]}
    markdown_lists = {card["title"]: card["lists"] for card in rendered["lists"]}
    for title, lists in html_lists.items():
        if markdown_lists.get(title) != lists:
            failures.append(f"{name}.md in marked: under {title!r} the lists are {markdown_lists.get(title)}, "
                            f"in the HTML {lists}")
    flags = sorted((label for label in rendered["labels"] if re.search(r"-flag\d+-", label["id"])),
                   key=lambda label: int(re.search(r"-flag(\d+)-", label["id"]).group(1)))
    if [label["text"] for label in flags] != html_probe["flagTitles"]:
        failures.append(f"{name}.md in Mermaid: the flag boxes read {[label['text'] for label in flags]}, "
                        f"the flag titles are {html_probe['flagTitles']}")
    failures += [f"{name}.md in Mermaid: KB text became markup in {label['text']!r}"
                 for label in rendered["labels"] if label["markup"]]
    lists = sum(len(card["lists"]) for card in rendered["lists"])
    print(f"{name}.md: {lists} lists in marked, {len(rendered['labels'])} boxes in Mermaid, {len(flags)} of them flags")


def main():
    redflag, renderers, out_dir, kbs = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4:]
    executable = os.environ.get("REDFLAG_CHROMIUM") or shutil.which("chromium")
    if not executable:
        print("SKIP: Chromium is not installed (Debian: apt-get install chromium; .ci/setup installs it)")
        return SKIP
    with_renderers = os.path.isfile(os.path.join(renderers, "node_modules", "mermaid", "dist", "mermaid.min.js"))
    if not with_renderers:
        print(f"note: no marked and Mermaid in {renderers}/node_modules (.ci/setup runs `npm ci` there): "
              "the Markdown handbooks are not rendered")
    os.makedirs(out_dir, exist_ok=True)
    failures, probes = [], {}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = Chromium(executable, profile)
        try:
            for kb in kbs:
                name = os.path.splitext(os.path.basename(kb.rstrip("/")))[0]
                html_path = os.path.join(out_dir, name + ".html")
                subprocess.run([redflag, "doc", kb, "--format", "html", "-o", html_path], check=True)
                url = "file://" + os.path.abspath(html_path)
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
                if shutil.which("pdftotext"):
                    check_print_pages(name, os.path.join(out_dir, name + ".pdf"),
                                      probes[(name, WIDTHS[0])]["diagramLabels"], failures)
                else:
                    print("note: no pdftotext (Debian poppler-utils): the printed pages are only counted")
                if with_renderers:
                    markdown = subprocess.run([redflag, "doc", kb, "--format", "markdown", "-o", "-"], check=True,
                                              stdout=subprocess.PIPE, text=True).stdout
                    page = os.path.join(out_dir, name + "-markdown.html")
                    with open(page, "w", encoding="utf-8") as out:
                        out.write(markdown_page(markdown, renderers))
                    browser.load("file://" + os.path.abspath(page), 1280, 900)
                    check_markdown(name, browser.evaluate(MARKDOWN_PROBE), probes[(name, WIDTHS[0])], failures)
                    browser.screenshot(os.path.join(out_dir, f"{name}-markdown.png"), 1280,
                                       browser.evaluate("document.documentElement.scrollHeight"))
        finally:
            browser.close()
    for (name, width), probe in probes.items():
        lists = sum(len(card["lists"]) for card in probe["lists"])
        print(f"{name} at {width} px: diagram text {probe['diagramFontPx']:.1f} px, "
              f"sideways scrolling in {len(probe['scrolling'])} box(es), {lists} lists in cards")
    for (name, width), probe in probes.items():
        shown = {card["title"]: [f"{shape['shape']}:{len(shape['items'])}" for shape in card["lists"]]
                 for card in probe["lists"]}
        for title, lists in expectations().get(name, {}).items():
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
