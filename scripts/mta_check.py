#!/usr/bin/env python3
"""The check behind `scripts/mta check` (see scripts/mta.md): starts a private Exim instance with
`scripts/mta start` in a temporary folder, sends it mail with smtplib the way Agenda will
(RFC 2047 headers, multipart/alternative text + HTML, 8bit UTF-8 bodies), reads what lands in the
Maildirs, and stops it again.

Prints `PASS <check>` or `FAIL <check>: <detail>` per check, a few `INFO` lines (start time, the
header lines Exim adds), then `N passed, N failed`. Exit status 0 when nothing failed, 1 otherwise.
Standard library only.
"""
from __future__ import annotations

import argparse
import email
import email.policy
import os
import shutil
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate

HERE = os.path.dirname(os.path.abspath(__file__))
MTA = os.path.join(HERE, "mta")

results: list[tuple[bool, str, str]] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    results.append((ok, name, detail))
    print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, detail or "failed")), flush=True)
    return ok


def mta(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([MTA, *args], capture_output=True, text=True, timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def delivered(folder: str, count: int = 1, wait: float = 10.0) -> list[bytes]:
    """The messages in folder/new once there are `count` of them (or what is there after `wait` s)."""
    new = os.path.join(folder, "new")
    deadline = time.monotonic() + wait
    while True:
        names = sorted(os.listdir(new)) if os.path.isdir(new) else []
        if len(names) >= count or time.monotonic() > deadline:
            out = []
            for n in names:
                with open(os.path.join(new, n), "rb") as f:
                    out.append(f.read())
            return out
        time.sleep(0.05)


def header_block(raw: bytes) -> bytes:
    return raw.split(b"\n\n", 1)[0] + b"\n"


def agenda_like_message() -> EmailMessage:
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = Address("Agenda – Mölndals stad", "agenda", "molndal.example")
    m["To"] = Address("Åsa Öberg", "asa.oberg", "molndal.example")
    m["Cc"] = Address("IT-rådet", "it-radet", "molndal.example")
    m["Subject"] = "Rapporteringsomgången för 2025 kv. 3 är öppnad – svara senast fredag den 17 oktober"
    m["Date"] = formatdate(1760000000, localtime=False)
    m["Message-ID"] = "<round-2025Q3.open.42@agenda.molndal.example>"
    m.set_content("Hej Åsa!\n\nOmgången för Äldreomsorgen är öppen. Svara på https://agenda.molndal.example/omgang/42\n")
    m.add_alternative("<!DOCTYPE html><html lang=\"sv\"><body><p>Hej Åsa!</p>"
                      "<p>Omgången för <b>Äldreomsorgen</b> är öppen.</p></body></html>\n", subtype="html")
    return m


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=0, help="port to use (default: a free one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = ap.parse_args()
    port = args.port or free_port()
    top = tempfile.mkdtemp(prefix="agenda-mta-check.")
    mail = os.path.join(top, "mail")
    try:
        # --- start, twice ------------------------------------------------------------------------
        t0 = time.monotonic()
        r = mta("start", top, str(port))
        took = time.monotonic() - t0
        if not check("start prints the port", r.returncode == 0 and r.stdout.strip() == str(port),
                     "exit %d, stdout %r, stderr %r" % (r.returncode, r.stdout, r.stderr)):
            return finish(top, args.keep)
        print("INFO start took %.2f s" % took)
        check("start takes under 5 s", took < 5, "%.2f s" % took)
        r = mta("start", top, str(port))
        check("start again is a no-op", r.returncode == 0 and r.stdout.strip() == str(port), r.stderr)
        r = mta("status", top)
        check("status says running", r.returncode == 0 and r.stdout.startswith("running on 127.0.0.1:%d" % port),
              r.stdout + r.stderr)

        # --- an Agenda-like message: To, Cc and a Bcc given only in the envelope ----------------
        m = agenda_like_message()
        sent = m.as_bytes()  # what send_message puts on the wire (CRLF), less the dot-stuffing
        rcpts = ["asa.oberg@molndal.example", "It-Radet@Molndal.Example", "arkiv@molndal.example"]
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            refused = s.send_message(m, from_addr="agenda@molndal.example", to_addrs=rcpts)
        check("all three recipients accepted", refused == {}, repr(refused))
        sent_lf = sent.replace(b"\r\n", b"\n")
        for rcpt in rcpts:
            folder = os.path.join(mail, rcpt.lower())
            got = delivered(folder)
            if not check("delivered once to mail/%s/new" % rcpt.lower(), len(got) == 1, "%d files" % len(got)):
                continue
            raw = got[0]
            # Exim writes the message as it came, below the lines it adds (LF line ends on disk).
            check("%s: our header lines and body kept byte for byte" % rcpt.lower(), raw.endswith(sent_lf),
                  "the delivered file does not end with the message as sent")
            d = email.message_from_bytes(raw, policy=email.policy.default)
            check("%s: Message-ID kept" % rcpt.lower(), d["Message-ID"] == m["Message-ID"], repr(d["Message-ID"]))
            check("%s: Subject decodes to the UTF-8 text" % rcpt.lower(), str(d["Subject"]) == str(m["Subject"]),
                  repr(str(d["Subject"])))
            check("%s: From decodes" % rcpt.lower(), d["From"].addresses[0].display_name == "Agenda – Mölndals stad",
                  repr(str(d["From"])))
            parts = [(p.get_content_type(), p.get_content()) for p in d.iter_parts()]
            check("%s: multipart/alternative, text/plain then text/html, UTF-8 intact" % rcpt.lower(),
                  d.get_content_type() == "multipart/alternative"
                  and [t for t, _ in parts] == ["text/plain", "text/html"]
                  and "Äldreomsorgen" in parts[0][1] and "<b>Äldreomsorgen</b>" in parts[1][1], repr(parts)[:300])
            check("%s: Return-path, Envelope-to, Delivery-date, Received added" % rcpt.lower(),
                  d["Return-path"] == "<agenda@molndal.example>" and d["Envelope-to"] == rcpt
                  and d["Delivery-date"] is not None and "[127.0.0.1]" in str(d["Received"]),
                  "Return-path %r Envelope-to %r Delivery-date %r Received %r"
                  % (d["Return-path"], d["Envelope-to"], d["Delivery-date"], d["Received"]))
            check("%s: no Bcc line" % rcpt.lower(), d["Bcc"] is None)
            if rcpt == rcpts[0] and raw.endswith(sent_lf):
                added = raw[: len(raw) - len(sent_lf)].decode()
                print("INFO Exim adds above the message:\n" + "".join("INFO   " + l + "\n" for l in added.splitlines()),
                      end="")
                mode = os.stat(os.path.join(folder, "new", os.listdir(os.path.join(folder, "new"))[0])).st_mode
                check("the message file is readable by anyone (0644)", mode & 0o777 == 0o644, oct(mode))

        # --- what Exim does to a bare message ----------------------------------------------------
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            s.sendmail("agenda@molndal.example", ["bare@molndal.example"], b"Subject: bare\r\n\r\nhi\r\n")
        got = delivered(os.path.join(mail, "bare@molndal.example"))
        if check("a message without Message-ID or Date is delivered", len(got) == 1, "%d files" % len(got)):
            d = email.message_from_bytes(got[0], policy=email.policy.default)
            check("Exim adds no Message-ID, Date or From to mail from 127.0.0.1 (Agenda writes its own)",
                  d["Message-ID"] is None and d["Date"] is None and d["From"] is None,
                  "Message-ID %r Date %r From %r" % (d["Message-ID"], d["Date"], d["From"]))

        # --- a permanent refusal at RCPT TO ------------------------------------------------------
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
                s.sendmail("agenda@molndal.example", ["refuse@molndal.example"], sent)
            check("refuse@molndal.example refused", False, "accepted")
        except smtplib.SMTPRecipientsRefused as e:
            code, text = e.recipients.get("refuse@molndal.example", (0, b""))
            check("refuse@molndal.example refused with 550 at RCPT TO", code == 550, "%d %r" % (code, text))
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            refused = s.sendmail("agenda@molndal.example", ["refuse@example.org", "kept@example.org"], sent)
        check("one refused recipient does not stop the others",
              list(refused) == ["refuse@example.org"] and refused["refuse@example.org"][0] == 550
              and len(delivered(os.path.join(mail, "kept@example.org"))) == 1, repr(refused))
        check("nothing is filed for refuse@", not any(n.startswith("refuse@") for n in os.listdir(mail)),
              repr(os.listdir(mail)))

        # --- SMTPUTF8 ------------------------------------------------------------------------------
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            s.ehlo()
            refused = s.sendmail("agenda@molndal.example", ["åsa@molndal.example"],
                                 "Subject: utf8\r\n\r\nhej\r\n".encode(), mail_options=["SMTPUTF8"])
        got = delivered(os.path.join(mail, "åsa@molndal.example"))
        check("SMTPUTF8: åsa@molndal.example delivered to mail/åsa@molndal.example", refused == {} and len(got) == 1,
              "%r, folders %r" % (refused, os.listdir(mail)))

        r = subprocess.run(["grep", "-v", "exim user lost privilege for using -C option",
                            os.path.join(top, "log", "paniclog")], capture_output=True, text=True)
        check("paniclog has nothing but the expected -C note", r.stdout.strip() == "", r.stdout[:500])

        # --- stop, twice; then nothing answers --------------------------------------------------
        pid = open(os.path.join(top, "exim.pid")).read().strip()
        r = mta("stop", top)
        check("stop", r.returncode == 0 and r.stdout.strip() == "stopped", r.stdout + r.stderr)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
            check("after stop the port refuses connections", False, "connected")
        except ConnectionRefusedError:
            check("after stop the port refuses connections", True)
        except OSError as e:
            check("after stop the port refuses connections", False, repr(e))
        conf = os.path.join(top, "exim.conf")
        left = []
        for p in os.listdir("/proc"):
            if p.isdigit():
                try:
                    with open("/proc/%s/cmdline" % p, "rb") as f:
                        if conf.encode() in f.read():
                            left.append(p)
                except OSError:
                    pass
        check("no process of the instance is left (daemon was pid %s)" % pid, left == [], repr(left))
        r = mta("status", top)
        check("status says stopped (exit 3)", r.returncode == 3 and r.stdout.strip() == "stopped", r.stdout + r.stderr)
        r = mta("stop", top)
        check("stop again is a no-op", r.returncode == 0, r.stderr)

        # --- and it starts again on the same folder ----------------------------------------------
        r = mta("start", top, str(port))
        ok = r.returncode == 0
        if ok:
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
                s.sendmail("agenda@molndal.example", ["asa.oberg@molndal.example"], sent)
            ok = len(delivered(os.path.join(mail, "asa.oberg@molndal.example"), 2)) == 2
        check("starts again on the same folder and delivers beside the earlier mail", ok, r.stderr)
        return finish(top, args.keep)
    finally:
        if os.path.isdir(top) and mta("status", top).returncode == 0:
            mta("stop", top)


def finish(top: str, keep: bool) -> int:
    mta("stop", top)
    if keep:
        print("INFO kept %s" % top)
    else:
        shutil.rmtree(top, ignore_errors=True)
    failed = sum(1 for ok, _, _ in results if not ok)
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
