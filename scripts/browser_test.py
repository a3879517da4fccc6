#!/usr/bin/env python3
"""The end-to-end test of the web interface in a real browser (see `scripts/browser-test --help`).

Makes a demo database in a temporary folder, starts `agenda serve` on a free loopback port and
plays one reporting round in headless Chromium driven by Selenium:

  a. the IT-chef signs in with its token, opens a round (/omgang), cancels the demo's old round,
     creates a one-time sign-in link for Skolförvaltningen (/identiteter) and signs out;
  b. Skolförvaltningen signs in through the link (a fresh cookie jar), opens /aktiviteter/6.2,
     sends the report form without a comment (the server must answer with the error summary and
     keep everything typed), writes the comment and sends again (the notice "sparad");
  c. the IT-chef signs in again: /omgang no longer lists 6.2 as missing for Skolförvaltningen;
  d. IT-rådet signs in, opens /rapporter and /rapporter/<period> and finds the new report;
  e. Vård- och omsorgsförvaltningen signs in, opens /lika, starts a self-assessment of IFO for today,
     saves one indicator's answer in the workshop (the notice "L1 sparad.") and reads IFO's summary;
  f. Skolförvaltningen corrects its report for an earlier period: the period chosen in the form fills
     it with that period's report (by the script, or "Visa"), and the notice names what changed;
  g. Skolförvaltningen's session ends while it types: the form it sends is kept, and after signing in
     again it is back on the form with everything typed and told that nothing was saved yet;
  h. reflow (WCAG 1.4.10) on a phone: with the browser 320 CSS px wide and an identity whose name is one
     long word (`agenda identity add`: 5 000 characters, or the longest name it accepts), no page scrolls
     sideways (document.documentElement.scrollWidth <= clientWidth) among the förvaltning's list and action
     page, the IT-chef's round, identities, log, LIKA and its pages, the reports (/rapporter and every
     /rapporter/<period> it links to) and the public site (/oppet/ and every page it links to); the menu and
     "Logga ut" stay in sight. The pages that are not measured only are checked with axe and Nu at 320 px.

  i. the round's e-mail through a real mail path (msmtp relaying to a private Exim, scripts/mta): the
     IT-chef gives Skolförvaltningen an address on /identiteter, opens a round and sends it a sign-in link
     by mail; `agenda mail run` hands both messages to msmtp; Python's email package reads what Exim
     delivered (the round's message names the deadline and 6.2); Chromium follows the mailed one-time link
     (signed in as Skolförvaltningen) and then the round message's link to its actions.
  j. sign-in with the municipality's accounts (OpenID Connect) through a real provider: LemonLDAP::NG
     (scripts/oidc-provider), started for this test on a free port with redirect URI BASE/logga-in/oidc.
     "Logga in med kommunens konto" takes Chromium to the provider's form. Cecilia Ek, who has no identity,
     is told "Ditt konto har inte tillgång än" and gets no session; the IT-chef grants her request on
     /identiteter (reporter for Skolförvaltningen), and her next sign-in lands on /aktiviteter as "Cecilia Ek,
     Skolförvaltningen". Signing out goes through the provider's end_session endpoint, after which the
     provider asks for the password again. The IT-chef adds Anna Svensson with her address; her first
     sign-in (an address the provider vouches for) binds the account: she lands on /aktiviteter, gets 403
     for another förvaltning's action, reports on one of hers, and the history names her. The page
     "Du är inloggad" moves on at once (a refresh of 0 s), so it is fetched once more outside the browser
     (the provider's form through scripts/oidc-provider login) and checked from its source.

Last, with a POST body trickling in one byte at a time, the server gets SIGTERM and must end within 5 s.

Every page visited is checked with axe-core (WCAG 2.x A/AA; any violation fails) in the browser
and, at the end, with the Nu HTML Checker (0 errors) on the page's source; every step leaves a
full-page screenshot in the folder printed as "Skärmbilder: DIR".

The tools (selenium, axe-core, vnu.jar, Chromium) are those `scripts/check-reports --install` sets
up; this script reuses check_reports.py beside it and runs with the Python of its venv.

Step j needs LemonLDAP::NG (`scripts/oidc-provider install`, as root: apt); without it the step fails
and says so, and the others run as before.

Output: "PASS <step>" or "FAIL <step>: <detail>" per check, "N passed, N failed" last. Exit status
0 when nothing failed, 1 when something failed, 2 when a tool is missing or the server won't start.
"""
from __future__ import annotations

import argparse
import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_reports as cr  # noqa: E402  (the shared tools: Chromium, axe-core, vnu)

ACTION = "6.2"                       # one of Skolförvaltningen's actions in the demo plan
DEPARTMENT = "Skolförvaltningen"
OTHER_ACTION = "1.1"                 # an action Skolförvaltningen neither leads nor shares
STATUS = "Nästan klar"
LIGHT = "gul"
OBSTACLES = "Leveranserna av elevdatorer är försenade."
NEXT_STEPS = "Dela ut datorerna till årskurs 7–9."
COST = "125000"
LIKA_DEPARTMENT = "Vård- och omsorgsförvaltningen"   # the demo's LIKA reporter
LIKA_UNIT = "IFO"                    # one of its assessed verksamheter
START_TIMEOUT = 60                   # seconds for the server to answer
OIDC_PASSWORDS = {"anna": "anna-lösenord-1", "cecilia": "cecilia-lösenord-1"}   # scripts/oidc-provider's users
WAIT = 20                            # seconds for a page to show what a step expects


class StepFailed(Exception):
    """A step could not go on; its message says what the page showed instead."""


class Test:
    def __init__(self, agenda: str, out: Path, tools: cr.Tools):
        self.agenda = agenda
        self.out = out
        self.tools = tools
        self.passed = 0
        self.failed = 0
        self.shots = 0
        self.pages: list[tuple[str, str]] = []   # (step, saved page source) for the Nu checker
        with open(tools.axe_js, encoding="utf-8") as f:
            self.axe_js = f.read()
        self.driver = None
        self.base = ""
        self.db = ""                       # the demo database, for `agenda` commands during the test
        self.shot_width = cr.SCREENSHOT_WIDTH
        self.oidc_issuer = ""              # the test's own OpenID provider (step j), when it started
        self.oidc_error = ""               # why it did not

    # -- output ---------------------------------------------------------------

    def result(self, step: str, ok: bool, detail: str = "", more=()):
        if ok:
            self.passed += 1
            print("PASS %s" % step, flush=True)
        else:
            self.failed += 1
            print("FAIL %s: %s" % (step, detail or "failed"), flush=True)
        for line in more:
            print("    " + line, flush=True)

    def check(self, step: str, ok: bool, detail: str = "") -> bool:
        self.result(step, ok, detail)
        return ok

    # -- the browser ----------------------------------------------------------

    def path(self) -> str:
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return urllib.parse.unquote(parts.path) + ("?" + parts.query if parts.query else "")

    def visit(self, path: str):
        self.driver.get(self.base + path)

    def find(self, css: str, timeout: float = WAIT):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            return WebDriverWait(self.driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, css))
        except Exception:  # noqa: BLE001 (TimeoutException)
            raise StepFailed("no %s on %s (%s)" % (css, self.path(), self.page_summary())) from None

    def find_all(self, css: str):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def page_summary(self) -> str:
        """What the page says, for a failure message: its title and the start of its main text."""
        try:
            title = self.driver.title
            body = self.driver.find_element("css selector", "body").text
        except Exception:  # noqa: BLE001
            return "page unreadable"
        return "title %r: %s" % (title, cr.trim(body, 240))

    def wait_for_path(self, prefix: str, timeout: float = WAIT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.path().startswith(prefix):
                return
            time.sleep(0.1)
        raise StepFailed("expected %s, the browser is on %s (%s)" % (prefix, self.path(), self.page_summary()))

    def submit(self, form):
        """Clicks the form's submit button and waits for the next page: until the button belongs to
        the old document. Chromium reports that either as a stale element or, from some versions on,
        as "Node with given id does not belong to the document"; both mean the next page is there."""
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait
        button = form.find_element("css selector", "[type=submit]")
        button.click()

        def gone(_driver) -> bool:
            try:
                button.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as e:
                if "does not belong to the document" in str(e) or "stale" in str(e).lower():
                    return True
                raise

        WebDriverWait(self.driver, WAIT).until(gone)
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def form_with_action(self, action: str):
        """The form posting to `action` (compared after percent-decoding)."""
        for form in self.find_all("form"):
            target = urllib.parse.unquote(urllib.parse.urlsplit(form.get_attribute("action") or "").path)
            if target == action:
                return form
        raise StepFailed("no form posting to %s on %s (%s)" % (action, self.path(), self.page_summary()))

    def page(self, step: str, dom_source: bool = False):
        """Checks the page the browser shows: axe-core now, a screenshot, and its source saved for
        the Nu checker (fetched again with the browser's cookies, or, for the answer to a POST, as
        the browser's DOM serialised by Chromium)."""
        self.shots += 1
        name = "%02d-%s" % (self.shots, slug(step))
        try:
            cr.screenshot(self.driver, str(self.out / (name + ".png")), self.shot_width)
        except Exception as e:  # noqa: BLE001
            self.result("%s screenshot" % step, False, cr.trim(e, 300))
        try:
            self.driver.execute_script(self.axe_js)
            result = self.driver.execute_async_script(cr.AXE_RUN_JS, cr.AXE_TAGS)
        except Exception as e:  # noqa: BLE001
            result = {"error": str(e)}
        if not isinstance(result, dict) or result.get("error"):
            self.result("%s axe" % step, False, "axe-core could not run: %s" % cr.trim(
                result.get("error") if isinstance(result, dict) else result, 300))
        elif result.get("violations"):
            self.result("%s axe" % step, False, "%d WCAG A/AA violation(s) on %s (axe-core %s)" % (
                len(result["violations"]), self.path(), result.get("version", "?")), cr.axe_details(result))
        else:
            self.result("%s axe" % step, True)
        xhtml = self.driver.execute_script("return document.contentType") == "application/xhtml+xml"
        file = self.out / "sidor" / (name + (".xhtml" if xhtml else ".html"))
        file.parent.mkdir(exist_ok=True)
        try:
            file.write_bytes(self.driver.page_source.encode("utf-8") if dom_source else self.fetch(self.path()))
            self.pages.append((step, str(file)))
        except Exception as e:  # noqa: BLE001
            self.result("%s vnu" % step, False, "could not save the page source: %s" % cr.trim(e, 300))

    def fetch(self, path: str) -> bytes:
        """The bytes the server sends for GET `path` with the browser's cookies."""
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + urllib.parse.quote(path, safe="/?=&%"),
                                         headers={"Cookie": cookies})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()
        except urllib.error.HTTPError as e:  # an error page is a page too (404, 403, 422 …)
            return e.read()

    def status_of(self, path: str) -> int:
        """The HTTP status the server answers GET `path` with, with the browser's cookies."""
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + urllib.parse.quote(path), headers={"Cookie": cookies})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code

    def sign_in(self, who: str, token: str, home: str):
        self.driver.delete_all_cookies()
        self.visit("/logga-in")
        self.page("%s: sign-in page" % who)
        field = self.find("input[name=token]")
        field.send_keys(token)
        self.submit(self.find("form[action='/logga-in']"))
        self.wait_for_path(home)
        self.result("%s: signs in with its token, lands on %s" % (who, home), True)

    def sign_out(self, who: str):
        self.submit(self.form_with_action("/logga-ut"))
        self.wait_for_path("/logga-in")
        self.result("%s: signs out" % who, True)

    # -- the scenario ---------------------------------------------------------

    def run(self, tokens: dict[str, str]):
        period = "2019Q1"
        deadline = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        comment = "Webbtest %s: 40 nya elevdatorer levererade." % datetime.datetime.now().strftime("%H%M%S")
        steps = [
            ("a. IT-chef", lambda: self.owner_opens_round(tokens["IT-chef"], period, deadline)),
            ("b. Skolförvaltningen", lambda: self.reporter_reports(period, comment, tokens[DEPARTMENT])),
            ("c. IT-chef", lambda: self.owner_sees_reported(tokens["IT-chef"], period)),
            ("d. IT-rådet", lambda: self.reader_reads(tokens["IT-rådet"], period, comment)),
            ("e. %s" % LIKA_DEPARTMENT, lambda: self.reporter_assesses(tokens[LIKA_DEPARTMENT])),
            ("f. %s" % DEPARTMENT, lambda: self.reporter_corrects_an_earlier_period(tokens[DEPARTMENT])),
            ("g. %s" % DEPARTMENT, lambda: self.reporter_session_ends_while_typing(tokens[DEPARTMENT])),
            ("h. reflow", lambda: self.reflow(tokens)),
            ("i. e-post", lambda: self.mail_round(tokens["IT-chef"])),
            ("j. kommunens konto", lambda: self.accounts(tokens["IT-chef"])),
        ]
        for name, step in steps:
            try:
                step()
            except StepFailed as e:
                self.result(name, False, str(e))
                self.shot_failure(name)
            except Exception as e:  # noqa: BLE001 (selenium's errors, a lost browser)
                self.result(name, False, "%s: %s" % (type(e).__name__, cr.trim(e, 400)))
                self.shot_failure(name)

    def shot_failure(self, name: str):
        self.shots += 1
        try:
            cr.screenshot(self.driver, str(self.out / ("%02d-fel-%s.png" % (self.shots, slug(name)))))
        except Exception:  # noqa: BLE001
            pass

    def owner_opens_round(self, token: str, period: str, deadline: str):
        who = "a. IT-chef"
        self.sign_in(who, token, "/omgang")
        self.page("%s: round dashboard" % who)
        form = self.form_with_action("/omgang")
        self.fill(form, "period", period)
        self.fill(form, "deadline", deadline)
        self.submit(form)
        self.wait_for_path("/omgang")
        self.page("%s: round %s opened" % (who, period))
        errors = [e.text for e in self.find_all(".error-summary")]
        if errors:
            raise StepFailed("opening the round %s was refused: %s" % (period, cr.trim(" ".join(errors), 300)))
        opened = period in self.find("main").text
        self.check("%s: opens the round %s (deadline %s)" % (who, period, deadline), opened,
                   "" if opened else "the dashboard does not mention %s: %s" % (period, self.page_summary()))
        # The demo left 2018Q4's round open; cancel it so that the dashboard shows one round.
        try:
            old = self.form_with_action("/omgang/2018Q4/stang")
        except StepFailed:
            old = None
        if old is not None:
            self.submit(old)
            self.wait_for_path("/omgang")
            self.page("%s: round 2018Q4 cancelled" % who)
            self.result("%s: cancels the demo's round 2018Q4" % who, True)

        self.visit("/identiteter")
        self.page("%s: identities" % who)
        self.submit(self.form_with_action("/identiteter/%s/lank" % DEPARTMENT))
        link_element = self.find("#inloggningslank")
        text = " ".join(filter(None, [link_element.get_attribute("value"), link_element.get_attribute("href"),
                                      link_element.text]))
        match = re.search(r"https?://[^\s\"<>]+/logga-in/[A-Za-z0-9_\-%.~]+", text)
        if not match:
            raise StepFailed("#inloggningslank holds no sign-in link: %r" % cr.trim(text, 200))
        self.link = match.group(0)
        self.page("%s: sign-in link for %s" % (who, DEPARTMENT), dom_source=True)
        self.check("%s: creates a sign-in link for %s" % (who, DEPARTMENT),
                   self.link.startswith(self.base + "/logga-in/"),
                   "the link %s does not start with %s/logga-in/ (built from the Host header?)" % (
                       self.link.split("/logga-in/")[0] + "/logga-in/…", self.base))
        self.sign_out(who)

    def mail_round(self, owner_token: str):
        """Step i: the round's e-mail from the IT-chef's pages to a förvaltning's inbox and back to the web."""
        import email
        import email.policy
        who = "i. e-post"
        address = "skola@molndal.example"
        scripts = Path(__file__).resolve().parent
        mta = Path(tempfile.mkdtemp(prefix="agenda-browser-mta-"))
        os.chmod(mta, 0o755)
        port = free_port()
        started = subprocess.run([str(scripts / "mta"), "start", str(mta), str(port)], capture_output=True, text=True,
                                 timeout=60, stdin=subprocess.DEVNULL)
        if started.returncode != 0:
            raise StepFailed("scripts/mta start: %s" % cr.trim(started.stderr or started.stdout, 300))
        try:
            rc = mta / "msmtprc"
            rc.write_text("account default\nhost 127.0.0.1\nport %d\nfrom agenda@molndal.example\nauth off\ntls off\n" % port)
            os.chmod(rc, 0o600)

            self.sign_in(who, owner_token, "/omgang")
            self.visit("/identiteter")
            form = self.form_with_action("/identiteter/epost")
            self.fill(form, "identity", DEPARTMENT)
            self.fill(form, "email", address)
            self.submit(form)
            self.page("%s: %s has an address" % (who, DEPARTMENT))
            self.check("%s: the identity page gives %s the address %s" % (who, DEPARTMENT, address),
                       address in self.find("main").text, self.page_summary())
            self.submit(self.form_with_action("/identiteter/%s/lank-epost" % DEPARTMENT))
            self.check("%s: a sign-in link by mail is put in the outbox" % who, "ligger i utkorgen" in self.find("main").text,
                       self.page_summary())

            period = "2019Q2"
            deadline = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
            self.visit("/omgang")
            form = self.form_with_action("/omgang")
            self.fill(form, "period", period)
            self.fill(form, "deadline", deadline)
            self.submit(form)
            self.wait_for_path("/omgang")
            self.page("%s: round %s opened, two messages wait" % (who, period))
            self.check("%s: the round page says what waits" % who, "meddelanden väntar" in self.find("main").text,
                       self.page_summary())

            sent = subprocess.run(
                [self.agenda, "mail", "run", "--db", self.db, "--base-url", self.base,
                 "--mail-command", "/usr/bin/msmtp --file=%s -t -i" % rc],
                capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
            self.check("%s: agenda mail run hands both to msmtp" % who,
                       sent.returncode == 0 and sent.stdout.startswith("2 meddelanden skickade"),
                       "exit %d: %s" % (sent.returncode, cr.trim(sent.stdout + sent.stderr, 300)))

            inbox = mta / "mail" / address / "new"
            deadline_at = time.time() + 10
            while time.time() < deadline_at and len(list(inbox.glob("*"))) < 2:
                time.sleep(0.1)
            messages = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in sorted(inbox.glob("*"))]
            if len(messages) != 2:
                raise StepFailed("%d message(s) delivered to %s, not 2" % (len(messages), address))
            by_subject = {str(m["subject"]): m for m in messages}
            opened = next((m for subject, m in by_subject.items() if subject.startswith("Dags att rapportera")), None)
            link_mail = next((m for subject, m in by_subject.items() if "inloggningslänk" in subject), None)
            if opened is None or link_mail is None:
                raise StepFailed("the subjects are %r" % list(by_subject))
            text = opened.get_body(preferencelist=("plain",)).get_content()
            self.check("%s: the round's message names the period, the deadline and %s" % (who, ACTION),
                       "kvartal 2 2019" in str(opened["subject"]) and deadline in text and "  %s  " % ACTION in text
                       and "agenda_" not in text,
                       cr.trim(text, 300))
            self.check("%s: both are plain text with an HTML alternative, Auto-Submitted" % who,
                       all(m.get_content_type() == "multipart/alternative" and m["auto-submitted"] == "auto-generated"
                           for m in messages), "")
            link = re.search(r"%s/logga-in/agenda_[0-9a-f]{64}" % re.escape(self.base),
                             link_mail.get_body(preferencelist=("plain",)).get_content())
            if not link:
                raise StepFailed("the sign-in mail holds no link to %s/logga-in/" % self.base)

            self.driver.delete_all_cookies()
            self.driver.get(link.group(0))
            self.page("%s: the mailed link's page" % who)
            self.submit(self.form_with_action(urllib.parse.urlsplit(link.group(0)).path))
            self.wait_for_path("/aktiviteter")
            self.result("%s: Chromium follows the mailed one-time link and is signed in as %s" % (who, DEPARTMENT), True)
            round_link = re.search(r"%s/aktiviteter\b" % re.escape(self.base), text)
            if not round_link:
                raise StepFailed("the round's message links nowhere under %s" % self.base)
            self.driver.get(round_link.group(0))
            self.page("%s: the round message's link" % who)
            self.check("%s: the round message's link opens %s's actions with %s" % (who, DEPARTMENT, ACTION),
                       bool(self.find_all("a[href='/aktiviteter/%s']" % ACTION)), self.page_summary())
        finally:
            subprocess.run([str(scripts / "mta"), "stop", str(mta)], capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
            subprocess.run(["rm", "-rf", str(mta)])

    # -- j. sign-in with the municipality's accounts (OpenID Connect) ------------

    def forget_everyone(self):
        """A fresh browser for the next person: every cookie gone, Agenda's and the provider's (both live on
        127.0.0.1, whose cookies Chromium shares between ports)."""
        try:
            self.driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        except Exception:  # noqa: BLE001 (a driver without CDP)
            self.driver.delete_all_cookies()

    def on_agenda(self, path: str = "") -> bool:
        """Whether the browser shows Agenda's `path` (or a page under it), not the provider's."""
        url = self.driver.current_url
        return url.startswith(self.base + "/") and self.path().startswith(path)

    def wait_for_agenda(self, path: str, timeout: float = WAIT):
        """Waits until the browser is back on Agenda at `path` (the provider's pages have paths of their own)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.on_agenda(path):
                return
            time.sleep(0.1)
        raise StepFailed("expected %s%s, the browser is on %s (%s)" % (
            self.base, path, self.driver.current_url.split("?")[0], self.page_summary()))

    def navigation_status(self):
        """The HTTP status of the page the browser shows, from the Navigation Timing entry (None if not told)."""
        try:
            return self.driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;")
        except Exception:  # noqa: BLE001
            return None

    def account_link(self, who: str, check: bool = False):
        """The sign-in page's "Logga in med kommunens konto", checked against the contract."""
        self.visit("/logga-in")
        link = self.find("a#konto")
        if check:
            self.page("%s: sign-in page with the account link" % who)
            href = urllib.parse.urlsplit(link.get_attribute("href") or "")
            self.check("%s: /logga-in links 'Logga in med kommunens konto' to /logga-in/konto" % who,
                       link.text.strip() == "Logga in med kommunens konto" and href.path == "/logga-in/konto"
                       and "%s://%s" % (href.scheme, href.netloc) == self.base,
                       "a#konto says %r and leads to %s" % (link.text.strip(), link.get_attribute("href")))
        return link

    def provider_form(self, who: str):
        """Waits for the provider's login form (never checked with axe or Nu: those pages are not ours)."""
        try:
            return self.find("form#lform input[name=password]")
        except StepFailed:
            raise StepFailed("%s: the provider's login form did not come: the browser is on %s (%s)" % (
                who, self.driver.current_url.split("?")[0], self.page_summary())) from None

    def account_sign_in(self, who: str, user: str):
        """From /logga-in through the provider's form as `user`; returns when the browser is back on Agenda."""
        self.account_link(who).click()
        self.provider_form(who)
        if not self.driver.current_url.startswith(self.oidc_issuer + "/"):
            raise StepFailed("the login form is not the provider's (%s): %s" % (self.oidc_issuer, self.driver.current_url))
        user_field = self.find("form#lform input[name=user]")
        user_field.clear()
        user_field.send_keys(user)
        self.find("form#lform input[name=password]").send_keys(OIDC_PASSWORDS[user])
        self.submit(self.find("form#lform"))
        deadline = time.time() + WAIT
        while time.time() < deadline and not self.on_agenda():
            if self.find_all("form#lform input[name=password]"):
                raise StepFailed("the provider showed its login form again after %s's password: %s" % (
                    user, self.page_summary()))
            time.sleep(0.1)
        if not self.on_agenda():
            raise StepFailed("after the provider's form the browser is on %s, not back on Agenda (%s)" % (
                self.driver.current_url.split("?")[0], self.page_summary()))

    def account_sign_out(self, who: str):
        """"Logga ut" of an account session: through the provider's end_session endpoint (its own confirmation
        page, if it shows one, accepted) back to /logga-in; then Agenda has no session and the provider asks
        for the password again."""
        self.submit(self.form_with_action("/logga-ut"))
        deadline = time.time() + WAIT
        went, confirmed = [], False
        asked = ""
        while time.time() < deadline and not self.on_agenda("/logga-in"):
            url = self.driver.current_url.split("?")[0]
            if url not in went:
                went.append(url)
                if self.oidc_issuer and url.startswith(self.oidc_issuer) and not asked:
                    # What Agenda sent the provider: the parameters' names only (an id_token_hint is a token).
                    asked = ", ".join(sorted(urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)))
            accept = self.find_all("form.confirm button.positive[type=submit]")
            if accept and self.oidc_issuer and self.driver.current_url.startswith(self.oidc_issuer) and not confirmed:
                accept[0].click()   # LemonLDAP::NG's "Do you want to logout?" (when it had no id_token_hint)
                confirmed = True
            time.sleep(0.1)
        via = [u for u in went if self.oidc_issuer and u.startswith(self.oidc_issuer)]
        if self.on_agenda("/logga-in"):
            self.check("%s: 'Logga ut' goes through the provider's end_session endpoint back to /logga-in%s" % (
                who, " (after its confirmation)" if confirmed else ""), bool(via) or not went,
                "the browser went %s" % " → ".join(went))
            if not via and not went:
                print("    (the provider's sign-out answered at once: the browser saw no page of it)", flush=True)
            elif confirmed:
                print("    (the provider asked to confirm the sign-out; its end_session endpoint got: %s)" % (
                    asked or "no parameters"), flush=True)
        else:
            on_provider = self.oidc_issuer and self.driver.current_url.startswith(self.oidc_issuer)
            self.check("%s: 'Logga ut' goes through the provider's end_session endpoint" % who, bool(on_provider),
                       "the browser is on %s (%s)" % (self.driver.current_url.split("?")[0], self.page_summary()))
            if on_provider:
                print("    (the provider stays on its page %s: %s)" % (
                    self.driver.current_url.split("?")[0], cr.trim(self.page_summary(), 160)), flush=True)
        self.visit("/aktiviteter")
        self.wait_for_path("/logga-in")
        self.result("%s: after signing out /aktiviteter leads to /logga-in" % who, True)
        self.account_link(who).click()
        self.provider_form(who)
        self.result("%s: the next 'Logga in med kommunens konto' asks for the password again" % who, True)
        self.forget_everyone()

    def signed_in_as(self) -> str:
        found = self.find_all("header .signed-in") or self.find_all(".signed-in")
        return found[0].text if found else ""

    def landed_on_start_page(self, who: str, name: str, home: str = "/aktiviteter"):
        """After the provider: Agenda's "Du är inloggad" moves on to the start page, whose header names `name`."""
        # The page moves on at once, so it is usually gone already; if it is still there, its heading is checked
        # (landing_page_source checks its source).
        try:
            heading = self.find_all("h1")[0].text if self.on_agenda("/logga-in/oidc") else None
        except Exception:  # noqa: BLE001 (it moved on meanwhile: no h1, or a stale one)
            heading = None
        if heading is not None and heading != "Du är inloggad" and self.on_agenda("/logga-in/oidc"):
            raise StepFailed("/logga-in/oidc says %r, not 'Du är inloggad' (%s)" % (heading, self.page_summary()))
        self.wait_for_agenda(home)
        self.page("%s: %s after the provider" % (who, home))
        header = self.signed_in_as()
        self.check("%s: lands on %s, the header names %r" % (who, home, name), name in header,
                   "the header says %r" % header)

    def landing_page_source(self, who: str, user: str, home: str):
        """The page "Du är inloggad" as the server sends it. In the browser it moves on at once (a refresh of
        0 s), so a second sign-in of `user` runs outside it: /logga-in/konto with a cookie jar of its own, the
        provider's form through `scripts/oidc-provider login`, and the callback fetched; the source goes to Nu."""
        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), Stay)
        try:
            opener.open(self.base + "/logga-in/konto", timeout=30)
            raise StepFailed("GET /logga-in/konto did not redirect")
        except urllib.error.HTTPError as e:
            if e.code not in (302, 303) or not e.headers.get("Location"):
                raise StepFailed("GET /logga-in/konto answered %d, not 303 to the provider" % e.code) from None
            authorization = urllib.parse.urljoin(self.base + "/", e.headers["Location"])
        self.check("%s: GET /logga-in/konto redirects to the provider's authorization endpoint" % who,
                   authorization.startswith(self.oidc_issuer + "/"), authorization.split("?")[0])
        scripts = Path(__file__).resolve().parent
        login = subprocess.run([str(scripts / "oidc-provider"), "login", "--user", user, authorization],
                               capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        callback = login.stdout.strip()
        if login.returncode != 0 or not callback.startswith(self.base + "/logga-in/oidc?"):
            raise StepFailed("scripts/oidc-provider login: %s" % cr.trim(login.stderr or callback, 300))
        try:
            with opener.open(callback, timeout=30) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        text = body.decode("utf-8", "replace")
        try:
            root = ET.fromstring(body)
            ns = {"h": "http://www.w3.org/1999/xhtml"}
            h1 = "".join(root.find(".//h:h1", ns).itertext()).strip() if root.find(".//h:h1", ns) is not None else ""
            refresh = next((m.get("content", "") for m in root.iterfind(".//h:meta", ns)
                            if (m.get("http-equiv") or "").lower() == "refresh"), "")
            onward = next((a for a in root.iterfind(".//h:a", ns) if a.get("id") == "fortsatt"), None)
        except ET.ParseError as e:
            raise StepFailed("the page at /logga-in/oidc is no well-formed XHTML (%s): %s" % (e, cr.trim(text, 200))) from None
        match = re.search(r"url=\s*'?([^';]+)", refresh, re.I)
        target = match.group(1).strip() if match else ""
        problems = []
        if status != 200:
            problems.append("status %d" % status)
        if h1 != "Du är inloggad":
            problems.append("h1 %r" % h1)
        if onward is None or onward.get("href") != target or "".join(onward.itertext()).strip() != "Fortsätt":
            problems.append("a#fortsatt %s (the refresh goes to %r)" % ("missing" if onward is None else "%r → %s" % (
                "".join(onward.itertext()).strip(), onward.get("href")), target))
        # Where the refresh leads: the start page itself, or a page of Agenda's that redirects there at once.
        hop = ""
        if not target:
            problems.append("meta refresh %r" % refresh)
        elif urllib.parse.urlsplit(target).path != home:
            try:
                opener.open(urllib.parse.urljoin(self.base + "/", target), timeout=30)
                problems.append("the refresh's %s answers 200, not a redirect to %s" % (target, home))
            except urllib.error.HTTPError as e:
                location = urllib.parse.urlsplit(e.headers.get("Location") or "").path
                hop = " (through %s, %d)" % (urllib.parse.urlsplit(target).path, e.code)
                if e.code not in (302, 303) or location != home:
                    problems.append("the refresh's %s answers %d to %r, not to %s" % (target, e.code, location, home))
        self.check("%s: /logga-in/oidc answers 200 'Du är inloggad', moving on to %s%s (meta refresh, a#fortsatt)" % (
            who, home, hop), not problems, "; ".join(problems))
        self.shots += 1
        file = self.out / "sidor" / ("%02d-%s.xhtml" % (self.shots, slug("%s du ar inloggad" % who)))
        file.parent.mkdir(exist_ok=True)
        file.write_bytes(body)
        self.pages.append(("%s: the page 'Du är inloggad' (source)" % who, str(file)))

    def accounts(self, owner_token: str):
        who = "j. kommunens konto"
        if not self.oidc_issuer:
            raise StepFailed("no OpenID provider for this step: %s" % (self.oidc_error or "not started"))
        self.forget_everyone()
        self.account_link(who, check=True)

        # Cecilia has no identity: the provider signs her in, Agenda does not.
        step = "%s, Cecilia" % who
        self.account_sign_in(step, "cecilia")
        heading = self.find("h1").text
        status = self.navigation_status()
        self.page("%s: no access yet" % step, dom_source=True)
        self.check("%s: after the provider Agenda says 'Ditt konto har inte tillgång än' (status %s)" % (step, status),
                   heading == "Ditt konto har inte tillgång än" and status in (200, None, 0),
                   "%s, status %s, h1 %r (%s)" % (self.path().split("?")[0], status, heading, self.page_summary()))
        self.visit("/aktiviteter")
        self.wait_for_path("/logga-in")
        self.result("%s: has no session: /aktiviteter leads to /logga-in" % step, True)
        self.forget_everyone()

        # The IT-chef grants her request: reporter for Skolförvaltningen.
        step = "%s, IT-chef" % who
        self.sign_in(step, owner_token, "/omgang")
        self.visit("/identiteter")
        self.page("%s: identities with a request for access" % step)
        from selenium.webdriver.common.by import By
        heading = self.driver.find_elements(
            By.XPATH, "//*[local-name()='h2'][normalize-space()='Väntande förfrågningar om tillgång']")
        if not heading:
            raise StepFailed("/identiteter has no h2 'Väntande förfrågningar om tillgång' (%s)" % self.page_summary())
        main = self.find("main").text
        self.check("%s: /identiteter lists Cecilia Ek's request with her address" % step,
                   "Cecilia Ek" in main and "cecilia.ek@molndal.example" in main, cr.trim(main, 300))
        grants = {}
        for form in self.find_all("form"):
            action = urllib.parse.unquote(urllib.parse.urlsplit(form.get_attribute("action") or "").path)
            match = re.fullmatch(r"/identiteter/forfragningar/(\d+)/(bevilja|avboj)", action)
            if match:
                grants.setdefault(match.group(1), {})[match.group(2)] = form
        number = next((n for n, forms in grants.items() if "bevilja" in forms and (forms["bevilja"].find_element(
            "css selector", "[name=name]").get_attribute("value") or "") == "Cecilia Ek"), None)
        if number is None:
            raise StepFailed("no form /identiteter/forfragningar/N/bevilja with the name 'Cecilia Ek' (forms for %s)" % (
                ", ".join(sorted(grants)) or "no request"))
        form = grants[number]["bevilja"]
        button = form.find_element("css selector", "[type=submit]").text.strip()
        declines = grants[number].get("avboj")
        decline_button = declines.find_element("css selector", "[type=submit]").text.strip() if declines else ""
        self.check("%s: request %s has 'Ge tillgång' (name, role, förvaltning) and 'Avböj'" % (step, number),
                   button == "Ge tillgång" and decline_button.startswith("Avböj"),
                   "buttons %r and %r" % (button, decline_button or "no form …/avboj"))
        self.fill(form, "role", "reporter")
        self.fill(form, "department", DEPARTMENT)
        self.submit(form)
        self.page("%s: Cecilia Ek granted" % step, dom_source=True)
        errors = [e.text for e in self.find_all(".error-summary")]
        if errors:
            raise StepFailed("granting the request was refused: %s" % cr.trim(" ".join(errors), 300))
        self.result("%s: grants Cecilia Ek access as reporter for %s (now on %s)" % (step, DEPARTMENT, self.path()), True)
        self.sign_out(step)
        self.forget_everyone()

        # Cecilia again: now she is a reporter for Skolförvaltningen.
        step = "%s, Cecilia" % who
        self.account_sign_in(step, "cecilia")
        self.landed_on_start_page(step, "Cecilia Ek, %s" % DEPARTMENT)
        self.account_sign_out(step)

        # Anna: the IT-chef adds her identity with her address; her first sign-in binds the account.
        step = "%s, IT-chef" % who
        self.sign_in(step, owner_token, "/omgang")
        self.visit("/identiteter")
        form = self.form_with_action("/identiteter")
        self.fill(form, "name", "Anna Svensson")
        self.fill(form, "role", "reporter")
        self.fill(form, "department", DEPARTMENT)
        self.fill(form, "email", "anna.svensson@molndal.example")
        self.submit(form)
        self.page("%s: Anna Svensson added" % step, dom_source=True)
        errors = [e.text for e in self.find_all(".error-summary")]
        if errors:
            raise StepFailed("adding Anna Svensson was refused: %s" % cr.trim(" ".join(errors), 300))
        self.check("%s: adds Anna Svensson, reporter for %s, with her address" % (step, DEPARTMENT),
                   "Anna Svensson" in self.find("h1").text, self.page_summary())
        self.sign_out(step)
        self.forget_everyone()

        step = "%s, Anna" % who
        self.account_sign_in(step, "anna")
        self.landed_on_start_page(step, "Anna Svensson, %s" % DEPARTMENT)
        status = self.status_of("/aktiviteter/%s" % OTHER_ACTION)
        self.visit("/aktiviteter/%s" % OTHER_ACTION)
        heading = self.find("h1").text
        self.page("%s: another förvaltning's action" % step, dom_source=True)
        self.check("%s: another förvaltning's action (%s) answers 403 'Du har inte behörighet'" % (step, OTHER_ACTION),
                   status == 403 and "Du har inte behörighet" in heading, "status %s, h1 %r" % (status, heading))
        self.visit("/aktiviteter/%s" % ACTION)
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        comment = "Webbtest: rapporterat av Anna med kommunens konto."
        for name, value in {"status": STATUS, "light": LIGHT, "obstacles": OBSTACLES, "next": NEXT_STEPS,
                            "cost": COST, "comment": comment}.items():
            self.fill(form, name, value)
        period = form.find_element("css selector", "[name=period]").get_attribute("value")
        self.submit(form)
        self.wait_for_path("/aktiviteter/%s?sparad=" % ACTION)
        notice = self.find(".notice-ok").text
        self.page("%s: report saved" % step)
        self.check("%s: reports on %s for %s, the notice says it is saved" % (step, ACTION, period),
                   "sparad" in notice, "the notice says %r" % notice)
        history = self.find("#historik").text
        row = next((line for line in history.splitlines() if comment in line), "")
        self.check("%s: the history of %s names 'Anna Svensson, %s'" % (step, ACTION, DEPARTMENT),
                   "Anna Svensson, %s" % DEPARTMENT in history,
                   "the history says %r" % cr.trim(row or history, 300))
        self.account_sign_out(step)
        self.landing_page_source(step, "anna", "/aktiviteter")

    def fill(self, form, name: str, value: str):
        from selenium.webdriver.support.ui import Select
        field = form.find_element("css selector", "[name=%s]" % name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            # A date input takes what a person would type; set it directly to be independent of locale.
            if field.get_attribute("type") == "date":
                self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
            else:
                field.send_keys(value)

    def reporter_reports(self, period: str, comment: str, token: str):
        who = "b. %s" % DEPARTMENT
        if getattr(self, "link", None):
            self.driver.delete_all_cookies()
            self.driver.get(self.link)
            # The link shows whom it signs in and uses nothing until the person confirms (a mail
            # scanner that opens it leaves it working).
            self.page("%s: the sign-in link's page" % who)
            self.check("%s: the link's page names %s" % (who, DEPARTMENT),
                       DEPARTMENT in self.find("h1").text, "its heading is %r" % self.find("h1").text)
            self.submit(self.form_with_action(urllib.parse.unquote(urllib.parse.urlsplit(self.link).path)))
            self.wait_for_path("/aktiviteter")
            self.result("%s: signs in through the one-time link, lands on /aktiviteter" % who, True)
        else:
            # Step a failed before the link: sign in with the token to test the rest (step a's failure counts).
            print("    (no sign-in link from step a: %s signs in with its token instead)" % DEPARTMENT, flush=True)
            self.sign_in(who, token, "/aktiviteter")
        self.page("%s: Våra aktiviteter" % who)
        self.check("%s: Våra aktiviteter lists %s" % (who, ACTION),
                   bool(self.find_all("a[href='/aktiviteter/%s']" % ACTION)),
                   "no link to /aktiviteter/%s" % ACTION)
        status = self.status_of("/aktiviteter/%s" % OTHER_ACTION)
        self.check("%s: another förvaltning's action page (%s) answers 403" % (who, OTHER_ACTION), status == 403,
                   "it answers %s" % status)
        self.visit("/aktiviteter/%s" % ACTION)
        self.page("%s: action %s" % (who, ACTION))
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        typed = {"period": period, "status": STATUS, "light": LIGHT, "obstacles": OBSTACLES,
                 "next": NEXT_STEPS, "cost": COST}
        for name, value in typed.items():
            self.fill(form, name, value)
        form.find_element("css selector", "[name=comment]").clear()
        # The comment field is `required`; switch the browser's own check off so that the server's
        # validation answers (as it would for a browser without HTML5 validation).
        self.driver.execute_script("arguments[0].noValidate = true", form)
        self.submit(form)
        summary = self.find(".error-summary")
        self.page("%s: report without a comment is refused" % who, dom_source=True)
        self.error_summary_in_sight(who)
        self.check("%s: the error summary names the comment" % who, bool(summary.text.strip()),
                   "the error summary is empty")
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        lost = []
        for name, value in typed.items():
            field = form.find_element("css selector", "[name=%s]" % name)
            if (field.get_attribute("value") or "") != value:
                lost.append("%s=%r (typed %r)" % (name, field.get_attribute("value"), value))
        self.check("%s: everything typed is kept" % who, not lost, "; ".join(lost))
        comment_field = form.find_element("css selector", "[name=comment]")
        comment_field.clear()
        comment_field.send_keys(comment)
        self.submit(form)
        self.wait_for_path("/aktiviteter/%s?sparad=%s" % (ACTION, period))
        notice = self.find(".notice-ok")
        self.page("%s: report saved" % who)
        expected = "Rapporten för %s är sparad." % period
        self.check("%s: the notice says %r" % (who, expected), expected in notice.text,
                   "the notice says %r" % notice.text)
        self.reporter_assesses_effect(who, period)
        self.sign_out(who)

    def error_summary_in_sight(self, who: str):
        """After a refused POST: the title begins "Fel:", the error summary is the first thing in <main>, has
        the focus and is in the viewport, and each of its links leads to a field of the page."""
        state = self.driver.execute_script("""
            const summary = document.querySelector('.error-summary');
            const main = document.querySelector('main');
            const box = summary.getBoundingClientRect();
            const targets = Array.from(summary.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href').slice(1));
            return {title: document.title, first: main.firstElementChild === summary,
                    focused: document.activeElement === summary, top: box.top, bottom: box.bottom, height: window.innerHeight,
                    missing: targets.filter(id => !document.getElementById(id))};""")
        problems = []
        if not state["title"].startswith("Fel:"):
            problems.append("title %r" % state["title"])
        if not state["first"]:
            problems.append("the summary is not first in main")
        if not state["focused"]:
            problems.append("the summary does not have the focus")
        if state["top"] < 0 or state["top"] >= state["height"]:
            problems.append("the summary is out of sight (top %.0f of %d px)" % (state["top"], state["height"]))
        if state["missing"]:
            problems.append("links to missing fields %s" % state["missing"])
        self.check("%s: the error summary comes first, in sight, with the focus and 'Fel:' in the title" % who,
                   not problems, "; ".join(problems))

    def history_rows(self):
        """The action page's status history as (period, status, bedömning, kommentar), newest first."""
        return self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#historik tbody tr')).map(tr => {
                const cells = Array.from(tr.children).map(c => c.textContent.trim());
                return [cells[0].split(' ')[0], cells[1], cells[2], cells[3]];
            });""")

    def reporter_corrects_an_earlier_period(self, token: str):
        """The defect of a correction that stored another period's text: choosing an earlier period in the
        form shows that period's report (the script switches the page), and changing only the status keeps
        the period's own comment and light; the notice names what changed."""
        who = "f. %s" % DEPARTMENT
        self.sign_in(who, token, "/aktiviteter")
        self.visit("/aktiviteter/%s" % ACTION)
        before = self.history_rows()
        earlier = [row for row in before if row[0] == "2018Q3"]
        if not earlier:
            raise StepFailed("the history of %s has no report for 2018Q3" % ACTION)
        _, old_status, old_light, old_comment = earlier[0]
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        default_comment = form.find_element("css selector", "[name=comment]").get_attribute("value")
        self.fill(form, "period", "2018Q3")
        self.wait_for_path("/aktiviteter/%s?period=2018Q3" % ACTION)
        self.find("input[name=prefilled][value='2018Q3']")
        self.page("%s: the form filled for 2018Q3" % who)
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        shown = form.find_element("css selector", "[name=comment]").get_attribute("value")
        self.check("%s: choosing 2018Q3 fills the form with 2018Q3's report" % who,
                   shown == old_comment and shown != default_comment,
                   "the comment field shows %r; 2018Q3's comment is %r" % (cr.trim(shown, 80), cr.trim(old_comment, 80)))
        new_status = "Klar" if old_status != "Klar" else "Nästan klar"
        self.fill(form, "status", new_status)
        self.submit(form)
        self.wait_for_path("/aktiviteter/%s?sparad=2018Q3" % ACTION)
        notice = self.find(".notice-ok").text
        self.page("%s: the correction of 2018Q3 saved" % who)
        expected = "Ändrat: status (%s → %s)." % (old_status, new_status)
        self.check("%s: the notice names what changed, %r" % (who, expected), expected in notice, "the notice says %r" % notice)
        newest = [row for row in self.history_rows() if row[0] == "2018Q3"][0]
        self.check("%s: the correction keeps 2018Q3's own comment and light" % who,
                   newest[1] == new_status and newest[2] == old_light and newest[3] == old_comment,
                   "the newest 2018Q3 row is %r" % (newest,))
        self.sign_out(who)

    def reporter_session_ends_while_typing(self, token: str):
        """A report sent after the session ended (here: a server that no longer knows the session, as after
        a restart) is not stored and not lost: sign in again, and the form is back with everything typed."""
        who = "g. %s" % DEPARTMENT
        self.sign_in(who, token, "/aktiviteter")
        self.visit("/aktiviteter/%s" % ACTION)
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        comment = "Webbtest: skrivet medan sessionen tog slut."
        self.fill(form, "comment", comment)
        self.fill(form, "light", "röd")
        count = len(self.history_rows())
        self.driver.delete_cookie("agenda_session")
        self.driver.add_cookie({"name": "agenda_session", "value": "0" * 64, "path": "/"})
        self.submit(form)
        self.wait_for_path("/logga-in")
        self.page("%s: sign-in after the session ended" % who)
        told = "inget har sparats" in self.find("main").text
        self.check("%s: the sign-in page says nothing was saved yet" % who, told, self.page_summary())
        self.find("input[name=token]").send_keys(token)
        self.submit(self.find("form[action='/logga-in']"))
        self.wait_for_path("/aktiviteter/%s" % ACTION)
        form = self.form_with_action("/aktiviteter/%s" % ACTION)
        self.page("%s: back on the form after signing in" % who)
        kept = (form.find_element("css selector", "[name=comment]").get_attribute("value") == comment
                and form.find_element("css selector", "[name=light]").get_attribute("value") == "röd")
        self.check("%s: back on the same form with everything typed, nothing stored" % who,
                   kept and len(self.history_rows()) == count and "inget har sparats än" in self.find("main").text,
                   "kept: %s, history %d → %d" % (kept, count, len(self.history_rows())))
        self.submit(form)
        self.wait_for_path("/aktiviteter/%s?sparad=" % ACTION)
        self.check("%s: sent again, the report is stored" % who, self.history_rows()[0][3] == comment,
                   "the newest row is %r" % (self.history_rows()[0],))
        self.sign_out(who)

    def reporter_assesses_effect(self, who: str, period: str):
        """Files an assessment of the action's first effektmål through the effect form beside the status form."""
        form = self.form_with_action("/aktiviteter/%s/effekt" % ACTION)
        typed = {"goal": "1", "period": period, "assessment": "Delvis uppnått", "value": "4,4",
                 "measuredOn": "%s-03-31" % period[:4], "source": "LIKA-enkäten",
                 "comment": "Webbtest: hälften av eleverna har en egen dator."}
        for name, value in typed.items():
            self.fill(form, name, "fyra" if name == "value" else value)
        self.submit(form)
        summary = self.find(".error-summary")
        self.page("%s: effect assessment with a value that is no number is refused" % who, dom_source=True)
        form = self.form_with_action("/aktiviteter/%s/effekt" % ACTION)
        kept = form.find_element("css selector", "[name=comment]").get_attribute("value") == typed["comment"]
        self.check("%s: the effect form's error summary names the value, the comment is kept" % who,
                   "tal" in summary.text and kept, "summary %r, comment kept: %s" % (cr.trim(summary.text, 200), kept))
        self.fill(form, "value", typed["value"])
        self.submit(form)
        self.wait_for_path("/aktiviteter/%s?effekt=%s" % (ACTION, period))
        notice = self.find(".notice-ok")
        self.page("%s: effect assessment saved" % who)
        expected = "Bedömningen av effektmålet för %s är sparad." % period
        self.check("%s: files an effect assessment, the notice says %r" % (who, expected), expected in notice.text,
                   "the notice says %r" % notice.text)

    def owner_sees_reported(self, token: str, period: str):
        who = "c. IT-chef"
        self.sign_in(who, token, "/omgang")
        self.page("%s: round dashboard after the report" % who)
        main = self.find("main").text
        if period not in main:
            raise StepFailed("the dashboard does not mention %s: %s" % (period, cr.trim(main, 300)))
        # The row (or list item, or section) for Skolförvaltningen, the innermost one.
        from selenium.webdriver.common.by import By
        # (local-name(): the pages are XHTML, whose elements a bare XPath name test does not match.)
        block = ("local-name()='tr' or local-name()='li' or local-name()='section' or local-name()='details'"
                 " or local-name()='article' or local-name()='dd'")
        rows = self.driver.find_elements(
            By.XPATH, "//*[local-name()='main']//*[%s][contains(., '%s')][not(.//*[%s][contains(., '%s')])]" % (
                block, DEPARTMENT, block, DEPARTMENT))
        if not rows:
            raise StepFailed("no row for %s on /omgang" % DEPARTMENT)
        code = re.compile(r"(?<![\d.])%s(?![\d])" % re.escape(ACTION))
        listed = [r.text for r in rows if code.search(r.text)]
        self.check("%s: /omgang shows %s's %s as reported (not missing)" % (who, DEPARTMENT, ACTION), not listed,
                   "still listed: %s" % cr.trim(" | ".join(listed), 300))

    def reader_reads(self, token: str, period: str, comment: str):
        who = "d. IT-rådet"
        self.sign_in(who, token, "/rapporter")
        self.page("%s: the periods" % who)
        links = self.find_all("a[href='/rapporter/%s']" % period)
        self.check("%s: /rapporter links to %s" % (who, period), bool(links),
                   "no link to /rapporter/%s: %s" % (period, self.page_summary()))
        self.visit("/rapporter/%s" % period)
        self.page("%s: the report for %s" % (who, period))
        from selenium.webdriver.common.by import By
        hits = self.driver.find_elements(By.XPATH, "//*[contains(text(), '%s')]" % comment)
        if not hits:
            raise StepFailed("the report for %s does not contain the comment %r: %s" % (
                period, comment, self.page_summary()))
        # The status sits in the same block as the comment (a row, a section, a definition list).
        block = hits[0]
        found = False
        for _ in range(6):
            block = block.find_element(By.XPATH, "..")
            if STATUS in block.text:
                found = True
                break
        self.check("%s: the report shows %s with the new comment and status %r" % (who, ACTION, STATUS), found,
                   "the comment is there, the status %r not beside it" % STATUS)

    def reporter_assesses(self, token: str):
        """The LIKA workshop: start an assessment of IFO (today, the form's default), answer L1, read the summary."""
        who = "e. %s" % LIKA_DEPARTMENT
        self.sign_in(who, token, "/aktiviteter")
        self.visit("/lika")
        self.page("%s: self-assessments" % who)
        from selenium.webdriver.common.by import By
        rows = self.driver.find_elements(By.XPATH, "//*[local-name()='th'][@scope='row'][text()='%s']" % LIKA_UNIT)
        self.check("%s: /lika lists %s" % (who, LIKA_UNIT), bool(rows), "no row for %s: %s" % (LIKA_UNIT, self.page_summary()))
        form = self.form_with_action("/lika")
        self.fill(form, "unit", LIKA_UNIT)
        self.submit(form)
        self.wait_for_path("/lika/%s/" % LIKA_UNIT)
        path = self.path()
        if not re.fullmatch(r"/lika/%s/\d{4}-\d{2}-\d{2}/L" % LIKA_UNIT, path):
            raise StepFailed("starting the assessment led to %s (%s)" % (path, self.page_summary()))
        self.page("%s: workshop, area Ledning" % who)
        form = self.form_with_action(path)  # the first indicator's form: L1
        form.find_element("css selector", "input[name=answer][value='Påbörjad']").click()
        self.fill(form, "step", "2")
        self.fill(form, "comment", "Webbtest: målen finns i verksamhetsplanen.")
        self.submit(form)
        self.wait_for_path(path + "?sparad=L1")
        notice = self.find(".notice-ok")
        self.page("%s: L1 saved" % who)
        self.check("%s: the notice says 'L1 sparad.'" % who, "L1 sparad." in notice.text, "the notice says %r" % notice.text)
        checked = self.find_all("#svar-L1-started:checked")
        self.check("%s: the workshop shows the saved answer for L1" % who, bool(checked), "Påbörjad is not checked for L1")
        self.visit("/lika/%s" % LIKA_UNIT)
        self.page("%s: summary of %s" % (who, LIKA_UNIT))
        main = self.find("main").text
        self.check("%s: the summary shows the maturity index" % who, "Mognadsindex" in main, cr.trim(main, 200))
        self.sign_out(who)

    # -- reflow: nothing scrolls sideways at 320 CSS px -------------------------

    def long_identity(self, owner_token: str) -> str:
        """Adds a reader whose name is one long word through `agenda identity add`: 5 000 characters, or, when
        the CLI refuses a name that long ("högst N tecken"), the longest it accepts. Returns the name."""
        def add(name: str):
            return subprocess.run([self.agenda, "identity", "add", "--db", self.db, "--token", owner_token, name,
                                   "--role", "reader"], capture_output=True, text=True, timeout=60)
        word = "Informationssäkerhetssamordnare"
        name = (word * (5000 // len(word) + 1))[:5000]
        out = add(name)
        limit = re.search(r"högst (\d+) tecken", out.stderr)
        if out.returncode != 0 and limit:
            print("    (agenda identity add takes names of at most %s characters: the long name has %s)" % (
                limit.group(1), limit.group(1)), flush=True)
            name = name[:int(limit.group(1))]
            out = add(name)
        if out.returncode != 0:
            raise StepFailed("agenda identity add refused the long name: %s" % cr.trim(out.stderr or out.stdout, 300))
        return name

    def narrow(self, width: int):
        """Makes the browser's CSS viewport `width` px wide (the window's frame, if any, added)."""
        self.driver.set_window_size(width, 900)
        inner = self.driver.execute_script("return document.documentElement.clientWidth")
        if inner != width:
            self.driver.set_window_size(width + (width - inner), 900)
            inner = self.driver.execute_script("return document.documentElement.clientWidth")
        if inner != width:
            raise StepFailed("the browser's viewport is %s px wide, not %d" % (inner, width))

    WIDTH_JS = """
        const root = document.documentElement, width = root.clientWidth;
        // What sticks out of the page (not what scrolls inside its own region), widest first.
        const out = [];
        for (const e of document.body.querySelectorAll('*')) {
            const right = e.getBoundingClientRect().right + window.scrollX;
            if (right > width + 0.5 && !(e.parentElement && e.parentElement.closest('.table-scroll'))) {
                out.push([Math.round(right), e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '')]);
            }
        }
        out.sort((a, b) => b[0] - a[0]);
        const menu = Array.from(document.querySelectorAll('header nav a, header form button')).filter(a => {
            const box = a.getBoundingClientRect();
            return box.width === 0 || box.left < 0 || box.right > width + 0.5;
        }).map(a => a.textContent.trim());
        return {width: width, scrollWidth: root.scrollWidth, out: out.slice(0, 4).map(o => o[1] + ' ' + o[0] + ' px'),
                menu: menu};"""

    def fits(self, who: str, path: str, check: bool = False):
        """Visits `path` and checks that the page is no wider than the viewport and its menu in sight; with
        `check` also through axe and Nu (a screenshot at the narrow width)."""
        self.visit(path)
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
        m = self.driver.execute_script(self.WIDTH_JS)
        self.widths[path] = m["scrollWidth"]
        ok = m["scrollWidth"] <= m["width"] and not m["menu"]
        detail = "%d px wide at %d px" % (m["scrollWidth"], m["width"])
        if m["out"]:
            detail += "; sticking out: " + ", ".join(m["out"])
        if m["menu"]:
            detail += "; menu out of sight: " + ", ".join(m["menu"])
        self.check("%s: %s fits %d px (%d px wide)" % (who, path, m["width"], m["scrollWidth"]), ok, detail)
        if check:
            self.page("%s: %s at %d px" % (who, path, m["width"]))

    def links_under(self, prefix: str, pattern: str) -> list[str]:
        """The paths of this page's links that start with `prefix` and match `pattern`, each once, in order."""
        seen = []
        for a in self.find_all("a[href]"):
            path = urllib.parse.urlsplit(a.get_attribute("href") or "").path
            path = urllib.parse.unquote(path)
            if path.startswith(prefix) and re.fullmatch(pattern, path) and path not in seen:
                seen.append(path)
        return seen

    def reflow(self, tokens: dict[str, str]):
        who = "h. reflow"
        width = 320
        name = self.long_identity(tokens["IT-chef"])
        self.widths: dict[str, int] = {}
        self.shot_width = width
        try:
            self.narrow(width)
            self.result("%s: the browser's viewport is %d CSS px wide" % (who, width), True)
            self.sign_in("%s, IT-chef" % who, tokens["IT-chef"], "/omgang")
            for path in ["/omgang", "/aktiviteter", "/aktiviteter/%s" % ACTION, "/identiteter", "/logg"]:
                self.fits(who, path, check=True)
            shown = name in self.driver.execute_script("return document.body.textContent")
            self.check("%s: /logg shows the identity with the %d-character name" % (who, len(name)), shown,
                       "the log does not show it")
            self.visit("/identiteter")
            self.check("%s: /identiteter lists the identity with the %d-character name" % (who, len(name)),
                       name in self.find("main").text.replace("\n", ""), "no row names it")
            self.fits(who, "/rapporter", check=True)
            periods = self.links_under("/rapporter/", r"/rapporter/[0-9]{4}[A-Z0-9]*")
            if not periods:
                raise StepFailed("/rapporter links to no report")
            for path in periods:
                self.fits(who, path, check=path == "/rapporter/2018Q4")
            self.fits(who, "/lika", check=True)
            units = self.links_under("/lika/", r"/lika/[^/]+")
            for path in units:
                self.fits(who, path, check=path == "/lika/%s" % LIKA_UNIT)
            self.visit("/lika/%s" % LIKA_UNIT)
            workshop = self.links_under("/lika/%s/" % LIKA_UNIT, r"/lika/[^/]+/[0-9-]+/[A-Z]+")[:1]
            report = self.links_under("/lika/%s/" % LIKA_UNIT, r"/lika/[^/]+/rapport")
            if workshop:  # the workshop's every area, from its area menu
                self.visit(workshop[0])
                workshop = self.links_under(workshop[0].rsplit("/", 1)[0] + "/", r"/lika/[^/]+/[0-9-]+/[A-Z]+") or workshop
            for path in workshop + report:
                self.fits(who, path, check=path in (workshop[:1] + report))
            self.visit("/lika")  # the LIKA report is a document of its own, without the site's menu
            self.sign_out(who)
            self.sign_in("%s, %s" % (who, DEPARTMENT), tokens[DEPARTMENT], "/aktiviteter")
            self.fits(who, "/aktiviteter", check=True)
            self.fits(who, "/aktiviteter/%s" % ACTION, check=True)
            self.sign_out(who)
            self.driver.delete_all_cookies()
            queue, seen = ["/oppet/"], {"/oppet/", "/oppet/index.html"}
            while queue:  # the public site's every page, following its links
                path = queue.pop(0)
                self.fits(who, path, check=path in ("/oppet/", "/oppet/aktiviteter/%s.html" % ACTION,
                                                   "/oppet/oppna-data/index.html"))
                for link in self.links_under("/oppet/", r"/oppet/.*\.html"):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
            wide = {p: w for p, w in self.widths.items() if w > width}
            print("    widths at %d px: %s" % (width, ", ".join("%s %d" % (p, w) for p, w in self.widths.items())), flush=True)
            self.check("%s: none of %d pages scrolls sideways at %d px" % (who, len(self.widths), width), not wide,
                       ", ".join("%s %d px" % (p, w) for p, w in wide.items()))
        finally:
            self.shot_width = cr.SCREENSHOT_WIDTH
            self.driver.set_window_size(1280, 900)

    # -- the Nu HTML Checker over every page, one JVM --------------------------

    def nu_check(self):
        if not self.pages:
            return
        paths = [p for _, p in self.pages]
        res = cr.Results(paths)
        cr.finish_vnu(cr.start_vnu(paths, self.tools), paths, res)
        step_of = {p: s for s, p in self.pages}
        for path, check, ok, summary, details, _ in res.items:
            self.result("%s vnu" % step_of[path], ok, summary, [d for d in details][:20] if not ok else ())


def slug(text: str) -> str:
    """`text` as a file name: ASCII letters and digits, hyphens between words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_demo(agenda: str, folder: Path) -> dict[str, str]:
    """`agenda demo` in `folder`; its tokens by name ("IT-chef", "Skolförvaltningen", "IT-rådet", …)."""
    out = subprocess.run([agenda, "demo", str(folder)], capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError("agenda demo failed (%d): %s" % (out.returncode, cr.trim(out.stderr or out.stdout, 600)))
    tokens = {}
    for line in out.stdout.splitlines():
        match = re.match(r"\s+(.+?) \((owner|reporter|reader)\): (agenda_[0-9a-f]+)\s*$", line)
        if match:
            tokens[match.group(1)] = match.group(3)
    for name in ("IT-chef", DEPARTMENT, "IT-rådet", LIKA_DEPARTMENT):
        if name not in tokens:
            raise RuntimeError("agenda demo printed no token for %s" % name)
    return tokens


def wait_for_server(base: str, process: subprocess.Popen, log: Path):
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("agenda serve exited with %d: %s" % (process.returncode, cr.trim(log.read_text(errors="replace"), 600)))
        try:
            with urllib.request.urlopen(base + "/logga-in", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError("agenda serve did not answer on %s within %d s" % (base, START_TIMEOUT))


def start_oidc_provider(folder: Path, base: str, server_port: int) -> tuple[str, str]:
    """Starts LemonLDAP::NG (scripts/oidc-provider) on a free loopback port for the server at `base`:
    redirect URI BASE/logga-in/oidc, post-logout URI BASE/logga-in. Returns (issuer, "") or ("", why not)."""
    script = Path(__file__).resolve().parent / "oidc-provider"
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    while port == server_port:   # the server's port is free until the server starts
        port = free_port()
    try:
        started = subprocess.run([str(script), "start", str(folder), str(port), base + "/logga-in/oidc",
                                  base + "/logga-in"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "", "scripts/oidc-provider start did not finish within 300 s"
    issuer = started.stdout.strip().splitlines()[-1] if started.stdout.strip() else ""
    if started.returncode != 0 or not issuer.startswith("http://127.0.0.1:"):
        return "", "scripts/oidc-provider start failed (exit %d): %s (LemonLDAP::NG installed? scripts/oidc-provider " \
            "install, as root)" % (started.returncode, cr.trim((started.stderr or started.stdout).strip(), 400))
    return issuer, ""


def shutdown_with_trickle(test: Test, server: subprocess.Popen, port: int):
    """SIGTERM while a POST body trickles in one byte at a time: the server ends within 5 s (the
    body's grace is 3 s; nothing of that request was acknowledged, so nothing is lost)."""
    import signal
    import threading
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"POST /logga-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=")
    stop = threading.Event()

    def trickle():
        while not stop.wait(0.2):
            try:
                sock.sendall(b"a")
            except OSError:
                return
    threading.Thread(target=trickle, daemon=True).start()
    time.sleep(0.5)
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=10)
        elapsed = time.monotonic() - started
        detail = "SIGTERM with a body trickling in: the server ended after %.1f s" % elapsed
        test.result("shutdown", elapsed <= 5, detail, more=[detail] if elapsed <= 5 else [])
    except subprocess.TimeoutExpired:
        test.result("shutdown", False, "SIGTERM with a body trickling in: the server still runs after 10 s")
    finally:
        stop.set()
        sock.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/browser-test", description=__doc__.split("\n\n")[0])
    parser.add_argument("--agenda", default=".build/debug/agenda", help="the agenda binary (default: %(default)s)")
    parser.add_argument("--out", help="folder for screenshots, page sources and the server's log (default: a new temporary folder)")
    args = parser.parse_args(argv)

    agenda = os.path.abspath(args.agenda)
    if not os.access(agenda, os.X_OK):
        print("browser-test: no agenda binary at %s (build it first: swift build)" % agenda, file=sys.stderr)
        return 2
    tools = cr.Tools.find()
    missing = tools.missing(html=True, odf=False)
    if missing:
        print("browser-test: missing %s; run scripts/check-reports --install" % ", ".join(missing), file=sys.stderr)
        return 2
    out = Path(args.out).resolve() if args.out else Path(tempfile.mkdtemp(prefix="agenda-browser-test-"))
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.png")) + list(out.glob("sidor/*")):  # an earlier run's pictures
        old.unlink()
    print("Skärmbilder: %s" % out, flush=True)

    work = Path(tempfile.mkdtemp(prefix="agenda-browser-demo-"))
    server = None
    test = None
    try:
        try:
            tokens = make_demo(agenda, work / "demo")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print("FAIL demo: %s" % e)
            print("0 passed, 1 failed")
            return 1
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        # Step j's OpenID provider, before the server: its redirect URIs name the server's port (exactly).
        oidc_dir = work / "oidc"
        oidc_issuer, oidc_error = start_oidc_provider(oidc_dir, base, port)
        # --no-mail: sign-in needs --base-url, which would also start the server's own outbox loop, and step i
        # sends the round's mail itself (`agenda mail run` through the test's MTA) and counts what waits.
        oidc_flags = ["--base-url", base, "--no-mail", "--oidc-issuer", oidc_issuer, "--oidc-client-id", "agenda",
                      "--oidc-client-secret-file", str(oidc_dir / "client-secret")] if oidc_issuer else []
        if oidc_issuer:
            print("PASS OpenID provider: LemonLDAP::NG answers at %s" % oidc_issuer, flush=True)
        log = out / "server.log"
        with open(log, "wb") as log_file:
            server = subprocess.Popen([agenda, "serve", "--db", str(work / "demo" / "agenda.sqlite"), "--port", str(port)]
                                      + oidc_flags,
                                      stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            wait_for_server(base, server, log)
        except RuntimeError as e:
            print("FAIL server: %s" % e)
            print("0 passed, 1 failed")
            return 1
        print("PASS server: agenda serve answers on %s (log: %s)" % (base, log), flush=True)
        test = Test(agenda, out, tools)
        test.passed += 1 + (1 if oidc_issuer else 0)
        test.oidc_issuer, test.oidc_error = oidc_issuer, oidc_error
        test.base = base
        test.db = str(work / "demo" / "agenda.sqlite")
        try:
            test.driver = cr.start_chromium(tools)
            test.driver.set_window_size(1280, 900)
        except Exception as e:  # noqa: BLE001
            test.result("browser", False, "could not start headless Chromium: %s" % cr.trim(e, 600))
        if test.driver is not None:
            try:
                test.run(tokens)
            finally:
                try:
                    test.driver.quit()
                except Exception:  # noqa: BLE001
                    pass
            test.nu_check()
        shutdown_with_trickle(test, server, port)
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if (work / "oidc" / "pid").exists():
            subprocess.run([str(Path(__file__).resolve().parent / "oidc-provider"), "stop", str(work / "oidc")],
                           capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        subprocess.run(["rm", "-rf", str(work)])
    print("Skärmbilder: %s" % out)
    if test is None:
        print("0 passed, 1 failed")
        return 1
    print("%d passed, %d failed" % (test.passed, test.failed))
    return 0 if test.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
