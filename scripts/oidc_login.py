"""Signs a user in at an OpenID provider through its HTML login form, the way a browser would, and
prints where the provider then sends the browser: the client's redirect URI with code and state.

    oidc_login.py [--user anna] [--password P] AUTHORIZATION_URL

Starts at AUTHORIZATION_URL, follows redirects that stay on the provider's origin, fills in the form
that has a password field (every other field as the page set it: hidden tokens and so on), submits
it, and stops at the first redirect that leaves the provider. The test users of scripts/oidc-provider
have their passwords filled in by default. Exit 0 with the URL on stdout; 1 if the provider showed
the form again (wrong password) or something else; 2 on a usage error.

As a module: login(authorization_url, user, password, session=None) -> str.
"""
import argparse
import sys
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import requests

PASSWORDS = {"anna": "anna-lösenord-1", "bertil": "bertil-lösenord-1", "cecilia": "cecilia-lösenord-1"}


class LoginError(Exception):
    pass


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self.text, self._skip = [], None, [], 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if "trmsg" in a:  # LemonLDAP::NG's message codes (5: bad credentials, 9: authentication required)
            self.text.append(f"[message {a['trmsg']}]")
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get").lower(), "inputs": []}
            self.forms.append(self._form)
        elif tag in ("input", "button") and self._form is not None:
            self._form["inputs"].append((tag, a))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if data.strip() and not self._skip:
            self.text.append(data.strip())


def _origin(url):
    p = urlsplit(url)
    return (p.scheme, p.netloc)


def login(authorization_url, user, password, session=None, timeout=15):
    s = session or requests.Session()
    provider = _origin(authorization_url)
    r = s.get(authorization_url, allow_redirects=False, timeout=timeout)
    submitted = False
    for _ in range(20):
        if r.is_redirect or r.status_code in (301, 302, 303, 307, 308):
            target = urljoin(r.url, r.headers["Location"])
            if _origin(target) != provider:
                return target
            r = s.get(target, allow_redirects=False, timeout=timeout)
            continue
        page = _Forms()
        page.feed(r.text)
        form = next((f for f in page.forms
                     if any(t == "input" and a.get("type") == "password" for t, a in f["inputs"])), None)
        if form is None:
            raise LoginError(f"HTTP {r.status_code} at {r.url} with no login form: "
                             + " ".join(page.text)[:400])
        if submitted:
            raise LoginError("the provider showed its login form again: " + " ".join(page.text)[:400])
        data, user_field = {}, None
        for tag, a in form["inputs"]:
            name, kind = a.get("name"), a.get("type", "text" if tag == "input" else "submit").lower()
            if not name or kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in a:
                continue
            if kind == "password":
                data[name] = password
            elif kind in ("text", "email") and user_field is None:
                user_field = name
                data[name] = user
            else:
                data[name] = a.get("value", "")
        if user_field is None:
            raise LoginError(f"no user name field in the login form at {r.url}")
        action = urldefrag(urljoin(r.url, form["action"] or r.url))[0] or r.url
        if form["action"] in ("", "#"):
            action = r.url
        r = s.request(form["method"].upper() if form["method"] == "post" else "GET", action,
                      data=data if form["method"] == "post" else None,
                      params=data if form["method"] != "post" else None,
                      allow_redirects=False, timeout=timeout)
        submitted = True
    raise LoginError("too many steps at the provider")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--user", default="anna")
    ap.add_argument("--password", help="default: the test user's password from scripts/oidc-provider")
    ap.add_argument("authorization_url")
    a = ap.parse_args(argv)
    password = a.password if a.password is not None else PASSWORDS.get(a.user)
    if password is None:
        ap.error(f"--password is needed for {a.user}")
    try:
        print(login(a.authorization_url, a.user, password))
    except (LoginError, requests.RequestException) as e:
        print(f"oidc_login: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
