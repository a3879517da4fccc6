"""Checks the provider that `scripts/oidc-provider start DIR …` started, as a relying party would:
discovery, JWKS, the authorization code flow with PKCE S256 through the HTML login form for anna
(client_secret_basic), bertil (client_secret_post) and cecilia, the ID token verified against the
JWKS (iss, aud, nonce, email, email_verified), userinfo, a wrong password and a wrong PKCE verifier
refused, and sign-out at end_session_endpoint.

    oidc_provider_check.py DIR [--show]      (--show prints anna's decoded ID token)

Prints PASS/FAIL lines and "N passed, N failed" last; exit 0 when all passed.
"""
import argparse
import base64
import hashlib
import json
import secrets
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oidc_login import LoginError, login  # noqa: E402

EXPECTED = {
    "anna": ("Anna Svensson", "anna.svensson@molndal.example", True),
    "bertil": ("Bertil Berg", "bertil.berg@molndal.example", False),
    "cecilia": ("Cecilia Ek", "cecilia.ek@molndal.example", True),
}
PASSWORDS = {"anna": "anna-lösenord-1", "bertil": "bertil-lösenord-1", "cecilia": "cecilia-lösenord-1"}

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("PASS " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"), flush=True)
    return ok


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def authorization_url(meta, redirect_uri, state, nonce, verifier):
    challenge = b64url(hashlib.sha256(verifier.encode()).digest())
    return meta["authorization_endpoint"] + "?" + urlencode({
        "response_type": "code", "client_id": "agenda", "redirect_uri": redirect_uri,
        "scope": "openid profile email", "state": state, "nonce": nonce,
        "code_challenge": challenge, "code_challenge_method": "S256"})


def token_request(meta, code, redirect_uri, verifier, secret, auth):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "code_verifier": verifier}
    kwargs = {}
    if auth == "client_secret_basic":
        kwargs["auth"] = ("agenda", secret)
    else:
        data.update(client_id="agenda", client_secret=secret)
    return requests.post(meta["token_endpoint"], data=data, timeout=15, **kwargs)


def flow(meta, jwks, issuer, redirect_uri, secret, user, auth, show):
    s = requests.Session()
    state, nonce, verifier = secrets.token_urlsafe(16), secrets.token_urlsafe(16), secrets.token_urlsafe(48)
    try:
        back = login(authorization_url(meta, redirect_uri, state, nonce, verifier), user, PASSWORDS[user], s)
    except LoginError as e:
        check(f"{user}: login through the form", False, str(e))
        return None, None
    q = parse_qs(urlsplit(back).query)
    check(f"{user}: login through the form redirects to the client with code and state",
          back.startswith(redirect_uri + "?") and q.get("state") == [state] and "code" in q, back)
    if "code" not in q:
        return None, None
    r = token_request(meta, q["code"][0], redirect_uri, verifier, secret, auth)
    if not check(f"{user}: token exchange ({auth}, PKCE S256)", r.status_code == 200, f"{r.status_code} {r.text[:300]}"):
        return None, None
    tokens = r.json()
    raw = tokens["id_token"]
    header = jwt.get_unverified_header(raw)
    key = next((k for k in jwks.keys if k.key_id == header.get("kid")), None)
    if not check(f"{user}: ID token header kid is in the JWKS, alg RS256",
                 key is not None and header.get("alg") == "RS256", json.dumps(header)):
        return s, None
    try:
        claims = jwt.decode(raw, key.key, algorithms=["RS256"], audience="agenda", issuer=issuer)
    except Exception as e:  # noqa: BLE001
        check(f"{user}: ID token signature, iss, aud, exp", False, repr(e))
        return s, None
    check(f"{user}: ID token signature, iss, aud, exp", True)
    name, email, verified = EXPECTED[user]
    check(f"{user}: ID token nonce", claims.get("nonce") == nonce, claims.get("nonce"))
    check(f"{user}: ID token sub", claims.get("sub") == user, claims.get("sub"))
    check(f"{user}: ID token name and email", claims.get("name") == name and claims.get("email") == email,
          f"{claims.get('name')!r} {claims.get('email')!r}")
    check(f"{user}: ID token email_verified is the boolean {str(verified).lower()}",
          claims.get("email_verified") is verified, repr(claims.get("email_verified")))
    r = requests.get(meta["userinfo_endpoint"], headers={"Authorization": "Bearer " + tokens["access_token"]}, timeout=15)
    ui = r.json() if r.status_code == 200 else {}
    check(f"{user}: userinfo has the same email and email_verified",
          ui.get("email") == email and ui.get("email_verified") is verified, f"{r.status_code} {r.text[:200]}")
    if show:
        print("  header:  " + json.dumps(header))
        print("  payload: " + json.dumps(claims, ensure_ascii=False))
        print("  token response keys: " + ", ".join(sorted(tokens)))
    return s, raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    d = Path(a.dir)
    issuer = (d / "issuer").read_text().strip()
    secret = (d / "client-secret").read_text().strip()
    redirect_uri = (d / "redirect-uri").read_text().split()[0]
    post_logout = (d / "post-logout-redirect-uri").read_text().split()[0]

    meta = requests.get(issuer + "/.well-known/openid-configuration", timeout=15).json()
    check("discovery: issuer", meta.get("issuer") == issuer, meta.get("issuer"))
    check("discovery: endpoints", all(meta.get(k) for k in (
        "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "end_session_endpoint")))
    check("discovery: PKCE S256", "S256" in meta.get("code_challenge_methods_supported", []))
    check("discovery: client_secret_basic and client_secret_post",
          {"client_secret_basic", "client_secret_post"} <= set(meta.get("token_endpoint_auth_methods_supported", [])))
    check("discovery: RS256 ID tokens", "RS256" in meta.get("id_token_signing_alg_values_supported", []))
    jwks = jwt.PyJWKSet.from_dict(requests.get(meta["jwks_uri"], timeout=15).json())
    check("JWKS: an RSA signing key with kid", any(k.key_type == "RSA" and k.key_id for k in jwks.keys))

    sessions = {}
    for user, auth in (("anna", "client_secret_basic"), ("bertil", "client_secret_post"), ("cecilia", "client_secret_basic")):
        sessions[user] = flow(meta, jwks, issuer, redirect_uri, secret, user, auth, a.show and user in ("anna", "bertil"))

    # A wrong password shows the form again; a wrong PKCE verifier gets no tokens.
    try:
        login(authorization_url(meta, redirect_uri, "s", "n", secrets.token_urlsafe(48)), "anna", "fel-lösenord")
        check("a wrong password is refused", False, "it signed in")
    except LoginError as e:
        check("a wrong password is refused", "login form again" in str(e), str(e))
    s = requests.Session()
    back = login(authorization_url(meta, redirect_uri, "s2", "n2", secrets.token_urlsafe(48)), "cecilia", PASSWORDS["cecilia"], s)
    code = parse_qs(urlsplit(back).query)["code"][0]
    r = token_request(meta, code, redirect_uri, secrets.token_urlsafe(48), secret, "client_secret_basic")
    check("a wrong PKCE code_verifier is refused", r.status_code == 400 and "invalid_grant" in r.text, f"{r.status_code} {r.text[:200]}")
    r = token_request(meta, code, redirect_uri, secrets.token_urlsafe(48), "not-the-secret", "client_secret_basic")
    check("a wrong client secret is refused", r.status_code in (400, 401), f"{r.status_code} {r.text[:200]}")

    # Sign-out (RP-initiated logout): back to the client, and the next authorization asks again.
    s, id_token = sessions["anna"]
    if s is not None and id_token:
        verifier = secrets.token_urlsafe(48)
        r = s.get(meta["authorization_endpoint"] + "?" + urlsplit(authorization_url(meta, redirect_uri, "sso", "n3", verifier)).query,
                  allow_redirects=False, timeout=15)
        check("anna is signed in at the provider (no form the second time)",
              r.status_code in (302, 303) and r.headers["Location"].startswith(redirect_uri), f"{r.status_code}")
        r = s.get(meta["end_session_endpoint"], params={"id_token_hint": id_token, "post_logout_redirect_uri": post_logout,
                                                        "state": "bye"}, allow_redirects=False, timeout=15)
        loc = r.headers.get("Location", "")
        check("end_session_endpoint redirects to post_logout_redirect_uri with state",
              r.status_code in (302, 303) and loc.startswith(post_logout) and "state=bye" in loc, f"{r.status_code} {loc}")
        r = s.get(authorization_url(meta, redirect_uri, "after", "n4", verifier), allow_redirects=False, timeout=15)
        check("after sign-out the provider asks for the password again",
              r.status_code == 200 and 'type="password"' in r.text, f"{r.status_code}")

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
